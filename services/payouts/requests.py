"""Requesting a payout and deciding on it (maker-checker): one admin asks, another
approves or rejects; the one who asked may cancel while it waits. Checking the bank
account calls the provider, so these functions open their own tenant scopes and call
it outside them."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import Forbidden, IdempotencyConflict, InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.identity.models import Membership
from services.money import Money
from services.payments.idempotency import request_fingerprint
from services.payments.transfers.base import Bank
from services.payments.transfers.providers import transfers_adapter
from services.payouts.lifecycle import hold_funds, move, require, tell_admins
from services.payouts.models import Payout
from services.payouts.settings import payout_gateway
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

ACCOUNT_NUMBER = re.compile(r"^[0-9]{6,20}$")
BANK_CODE = re.compile(r"^[A-Za-z0-9]{1,20}$")
# Where requestPayout's bank details sit in its input.
INPUT = "bankAccount."
SECOND_ADMIN_NEEDED = (
    "payouts need a second estate admin to approve them (maker-checker): "
    "add one with addEstateAdmin"
)


@dataclass(frozen=True)
class BankAccount:
    bank_code: str
    account_number: str
    account_name: str | None = None


def new_reference() -> str:
    return f"PO-{secrets.token_hex(8).upper()}"


def checked_account(account: BankAccount, prefix: str = "") -> BankAccount:
    """`prefix`: where the fields sit in the input (`bankAccount.` in requestPayout)."""
    code = (account.bank_code or "").strip()
    number = (account.account_number or "").strip()
    if not BANK_CODE.match(code):
        raise ValidationFailed("bankCode is 1 to 20 letters or digits", field=f"{prefix}bankCode")
    if not ACCOUNT_NUMBER.match(number):
        raise ValidationFailed("accountNumber is 6 to 20 digits", field=f"{prefix}accountNumber")
    return BankAccount(code, number, account.account_name)


def bank_named(banks: list[Bank], code: str, prefix: str = "") -> Bank:
    found = next((bank for bank in banks if bank.code == code), None)
    if found is None:
        raise ValidationFailed(f"unknown bank code {code!r}", field=f"{prefix}bankCode")
    return found


async def admin_count(estate: Estate) -> int:
    return int(await Membership.filter(estate_id=estate.id, role="ADMIN").count())


async def earlier(key: str, fingerprint: str) -> Payout | None:
    existing = await Payout.get_or_none(idempotency_key=key)
    if existing is not None and existing.request_fingerprint != fingerprint:
        raise IdempotencyConflict(
            "this idempotency key was used for a different request", field="idempotencyKey"
        )
    return existing


async def request_payout(
    actor_id: uuid.UUID,
    estate: Estate,
    amount: Money,
    account: BankAccount,
    note: str | None,
    idempotency_key: str,
    encryption_key: str,
) -> Payout:
    """A REQUESTED payout holding amount + fee on the estate wallet."""
    key = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    note = validation.text(note, "note", max_length=500, required=False) or None
    account = checked_account(account, INPUT)
    fingerprint = request_fingerprint(
        "payout", amount.minor, amount.currency, account.bank_code, account.account_number, note
    )
    async with tenant_scope(estate.slug):
        if (done := await earlier(key, fingerprint)) is not None:
            return done
        if await admin_count(estate) < 2:
            raise InvalidState(SECOND_ADMIN_NEEDED)
        config = await payout_gateway()
        provider = transfers_adapter(config, encryption_key)
    bank = bank_named(await provider.banks(amount.currency), account.bank_code, INPUT)
    try:
        name = await provider.resolve_account(account.bank_code, account.account_number)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.message, field=f"{INPUT}{exc.field}") from exc
    fee = provider.fee(amount.minor, amount.currency)
    try:
        async with tenant_scope(estate.slug), savepoint():
            payout = await Payout.create(
                reference=new_reference(),
                amount=amount.minor,
                fee=fee,
                currency=amount.currency,
                status="REQUESTED",
                provider=config.provider,
                bank_code=bank.code,
                bank_name=bank.name[:100],
                account_number=account.account_number,
                account_name=name[:200],
                requested_by_id=actor_id,
                note=note,
                idempotency_key=key,
                request_fingerprint=fingerprint,
            )
            await opened(payout, actor_id)
            return payout
    except IntegrityError:  # the same key, concurrently
        async with tenant_scope(estate.slug):
            if (done := await earlier(key, fingerprint)) is None:
                raise
            return done


async def opened(payout: Payout, actor_id: uuid.UUID | None) -> None:
    """A new payout's hold, audit row, notice and event (in its transaction)."""
    await hold_funds(payout)
    await record(
        actor_id,
        "requestPayout",
        "Payout",
        payout.id,
        after={"amount": payout.amount, "fee": payout.fee, "note": payout.note},
    )
    changed("payout", payout.id)
    await tell_admins(payout)


async def get_payout(payout_id: str | uuid.UUID, *, lock: bool = False) -> Payout:
    query = Payout.filter(id=parse_id(payout_id, "id", "payout"))
    found = await (query.select_for_update() if lock else query).first()
    if found is None:
        raise NotFound("payout not found", field="id")
    return found


def _checker(payout: Payout, actor_id: uuid.UUID, admins: int, doing: str) -> None:
    if payout.requested_by_id is not None and str(payout.requested_by_id) == str(actor_id):
        lone = f"; {SECOND_ADMIN_NEEDED}" if admins < 2 else ""
        raise Forbidden(f"the admin who requested a payout cannot {doing} it{lone}")


async def decide(
    actor_id: uuid.UUID,
    estate: Estate,
    payout_id: str,
    approve: bool,
    note: str | None,
    now: datetime,
) -> Payout:
    """Approve (it is sent for processing once this commits) or reject (the hold goes
    back) a REQUESTED payout, as an admin other than its requester. The same admin
    approving again gets the payout back: the decision is made once."""
    note = validation.text(note, "note", max_length=500, required=False) or None
    async with savepoint():
        payout = await get_payout(payout_id, lock=True)
        _checker(payout, actor_id, await admin_count(estate), "approve" if approve else "reject")
        wanted = "APPROVED" if approve else "REJECTED"
        if payout.status != "REQUESTED" and str(payout.decided_by_id) == str(actor_id):
            already = payout.status != "REJECTED" if approve else payout.status == "REJECTED"
            if already:
                return payout
        require(payout, "REQUESTED")
        payout.decided_by_id, payout.decided_at, payout.decision_note = actor_id, now, note
        await move(payout, wanted, now)
        await record(
            actor_id,
            "approvePayout" if approve else "rejectPayout",
            "Payout",
            payout.id,
            before={"status": "REQUESTED"},
            after={"status": wanted, "note": note},
        )
        return payout


async def cancel(actor_id: uuid.UUID, payout_id: str, note: str | None, now: datetime) -> Payout:
    """The requester takes back a payout still waiting for approval (anyone may take back
    one the daily auto-payout asked for)."""
    note = validation.text(note, "note", max_length=500, required=False) or None
    async with savepoint():
        payout = await get_payout(payout_id, lock=True)
        if payout.requested_by_id is not None and str(payout.requested_by_id) != str(actor_id):
            raise Forbidden("only the admin who requested a payout can cancel it")
        if payout.status == "CANCELLED":
            return payout
        require(payout, "REQUESTED")
        payout.decided_by_id, payout.decided_at, payout.decision_note = actor_id, now, note
        await move(payout, "CANCELLED", now)
        await record(
            actor_id,
            "cancelPayout",
            "Payout",
            payout.id,
            before={"status": "REQUESTED"},
            after={"status": "CANCELLED", "note": note},
        )
        return payout
