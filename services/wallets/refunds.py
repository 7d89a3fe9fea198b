"""Paying a leaving resident's wallet balance back to their bank account: a payout with
the purpose WALLET_REFUND (`services.payouts`). Its request moves the money out of the
wallet at once (so it cannot be spent twice) into `wallet-refunds:in-transit`, where the
payout holds it; a second admin approves it and the payout provider sends it, or it ends
unpaid (rejected, cancelled, failed, reversed) and the money goes back to the wallet
(`services.payouts.lifecycle`). The estate's revenue is never touched, and the
provider's transfer fee comes out of the refund: `amount` leaves the wallet, `amount -
fee` reaches the bank. Only for a resident who is deactivated or lives in no unit: an
active resident's wallet is theirs to spend. Like `requestPayout`, the provider is asked
about the bank account outside any estate transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import InvalidState, NotFound, ValidationFailed, WalletFrozen
from services.events import changed
from services.ledger.journal import WALLET_REFUNDS_IN_TRANSIT, Line, post_entry, system_account
from services.money import Money, shortfall, to_major
from services.payments.idempotency import request_fingerprint
from services.payments.transfers.providers import transfers_adapter
from services.payouts.lifecycle import (
    REFUND_KIND,
    REFUND_OUT_PREFIX,
    WALLET_REFUND,
    hold_funds,
    tell_admins,
)
from services.payouts.models import Payout
from services.payouts.requests import (
    INPUT,
    SECOND_ADMIN_NEEDED,
    BankAccount,
    admin_count,
    bank_named,
    checked_account,
    earlier,
    new_reference,
)
from services.payouts.settings import payout_gateway
from services.residents.models import Occupancy, Resident
from services.wallets.models import Wallet
from services.wallets.wallets import wallet_of
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

# Stored keys are apart from requestPayout's: the same words may name one of each.
KEY_PREFIX = "wallet-refund:"


@dataclass(frozen=True)
class WalletRefund:
    resident_id: str
    amount: Money | None  # None: everything available
    reason: str
    account: BankAccount
    idempotency_key: str


@dataclass(frozen=True)
class _Checked:
    """A request that passed the checks needing no estate data."""

    resident_id: uuid.UUID
    reason: str
    account: BankAccount
    key: str
    fingerprint: str


def _checked(estate: Estate, data: WalletRefund) -> _Checked:
    key = validation.text(data.idempotency_key, "idempotencyKey", max_length=150)
    reason = validation.text(data.reason, "reason", max_length=500)
    resident_id = parse_id(data.resident_id, "residentId", "resident")
    if data.amount is not None and data.amount.currency != estate.currency:
        raise ValidationFailed(f"currency must be {estate.currency}", field="currency")
    account = checked_account(data.account, INPUT)
    asked = data.amount.minor if data.amount is not None else None
    fingerprint = request_fingerprint(
        "wallet-refund", resident_id, asked, account.bank_code, account.account_number, reason
    )
    return _Checked(resident_id, reason, account, f"{KEY_PREFIX}{key}", fingerprint)


async def _resident(resident_id: uuid.UUID, *, lock: bool = False) -> Resident:
    query = Resident.filter(id=resident_id)
    found = await (query.select_for_update() if lock else query).first()
    if found is None:
        raise NotFound("resident not found", field="residentId")
    return found


async def _refundable(
    resident: Resident, amount: Money | None, currency: str
) -> tuple[Wallet, int]:
    """The resident's wallet and what leaves it; refused with the field to blame."""
    if resident.active and await Occupancy.exists(resident=resident, ends_on__isnull=True):
        raise InvalidState(
            "the resident still lives here: deactivate them or move them out first",
            field="residentId",
        )
    wallet = await wallet_of(resident.id, currency)
    if wallet.frozen:
        raise WalletFrozen(f"this wallet is frozen: {wallet.frozen_reason}", field="residentId")
    available = wallet.account.available
    total = amount.minor if amount is not None else available
    if total <= 0:
        raise InvalidState("the wallet has nothing to refund", field="residentId")
    if total > available:
        raise shortfall(available, total, currency)
    return wallet, total


def _fee_within(total: int, fee: int, currency: str) -> int:
    if total <= fee:
        shown = f"{to_major(fee, currency)} {currency}"
        raise ValidationFailed(
            f"amount must be more than the transfer fee of {shown}, which it pays", field="amount"
        )
    return fee


async def refund_balance(
    actor_id: uuid.UUID, estate: Estate, data: WalletRefund, encryption_key: str
) -> Payout:
    """A WALLET_REFUND payout, REQUESTED, its money already out of the wallet. The same
    key and request return the same payout; another request under the key is
    IDEMPOTENCY_CONFLICT."""
    asked = _checked(estate, data)
    async with tenant_scope(estate.slug):
        if (done := await earlier(asked.key, asked.fingerprint)) is not None:
            return done
        await _resident(asked.resident_id)  # NOT_FOUND before asking the provider
        if await admin_count(estate) < 2:
            raise InvalidState(SECOND_ADMIN_NEEDED)
        config = await payout_gateway()
        provider = transfers_adapter(config, encryption_key)
    bank = bank_named(await provider.banks(estate.currency), asked.account.bank_code, INPUT)
    try:
        name = await provider.resolve_account(asked.account.bank_code, asked.account.account_number)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.message, field=f"{INPUT}{exc.field}") from exc
    try:
        async with tenant_scope(estate.slug), savepoint():
            # Under the resident's lock: a concurrent retry waits, then finds the payout.
            resident = await _resident(asked.resident_id, lock=True)
            if (done := await earlier(asked.key, asked.fingerprint)) is not None:
                return done
            wallet, total = await _refundable(resident, data.amount, estate.currency)
            fee = _fee_within(total, provider.fee(total, estate.currency), estate.currency)
            payout = await Payout.create(
                reference=new_reference(),
                purpose=WALLET_REFUND,
                resident_id=resident.id,
                wallet_id=wallet.id,
                amount=total - fee,
                fee=fee,
                currency=estate.currency,
                status="REQUESTED",
                provider=config.provider,
                bank_code=bank.code,
                bank_name=bank.name[:100],
                account_number=asked.account.account_number,
                account_name=name[:200],
                requested_by_id=actor_id,
                note=asked.reason,
                idempotency_key=asked.key,
                request_fingerprint=asked.fingerprint,
            )
            await _open(actor_id, payout, wallet)
            return payout
    except IntegrityError:  # the same key, concurrently
        async with tenant_scope(estate.slug):
            if (done := await earlier(asked.key, asked.fingerprint)) is None:
                raise
            return done


async def _open(actor_id: uuid.UUID, payout: Payout, wallet: Wallet) -> None:
    """The money out of the wallet and held for the payout, the audit row, the events."""
    total = payout.amount + payout.fee
    before = wallet.account.balance
    in_transit = await system_account(WALLET_REFUNDS_IN_TRANSIT, payout.currency)
    await post_entry(
        f"{REFUND_OUT_PREFIX}{payout.id}",
        REFUND_KIND,
        [Line(wallet.account, -total), Line(in_transit, total)],
        description=payout.note or "",
        reference=payout.reference,
    )
    await hold_funds(payout)
    await record(
        actor_id,
        "refundWalletBalance",
        "Payout",
        payout.id,
        before={"walletBalance": before},
        after={
            "walletBalance": wallet.account.balance,
            "residentId": str(payout.resident_id),
            "walletId": str(wallet.id),
            "amount": total,
            "fee": payout.fee,
            "currency": payout.currency,
            "reason": payout.note,
            "status": payout.status,
            "bankAccount": f"{payout.bank_code} ...{payout.account_number[-4:]}",
        },
    )
    changed("payout", payout.id)
    changed("resident", payout.resident_id, payout.resident_id)
    await tell_admins(payout)
