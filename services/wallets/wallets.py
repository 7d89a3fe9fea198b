"""Opening wallets, PINs, freezing, admin adjustments and history."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import (
    InvalidPin,
    NotFound,
    PinRequired,
    ValidationFailed,
    WalletFrozen,
    WalletLocked,
)
from services.events import changed
from services.identity.passwords import hash_password, verify_password
from services.ledger.journal import (
    ESTATE_ADJUSTMENTS,
    WALLET_PREFIX,
    Line,
    post_entry,
    system_account,
)
from services.ledger.models import Account, JournalEntry, Posting
from services.money import Money
from services.notifications.inbox import notify
from services.pagination import Page, paginate
from services.residents.models import Resident
from services.wallets.models import Wallet
from tenants.scope import savepoint

MAX_PIN_ATTEMPTS = 5
PIN_LOCK = timedelta(minutes=15)
PIN_PATTERN = re.compile(r"^[0-9]{4,6}$")


async def open_wallet(resident: Resident, currency: str) -> Wallet:
    async with savepoint():
        wallet_id = uuid.uuid4()
        account = await Account.create(
            code=f"{WALLET_PREFIX}{wallet_id}", kind="RESIDENT_WALLET", currency=currency
        )
        return await Wallet.create(
            id=wallet_id, resident=resident, account=account, currency=currency
        )


async def wallet_of(resident_id: uuid.UUID | str, currency: str) -> Wallet:
    wallet = await Wallet.get_or_none(resident_id=resident_id, currency=currency).select_related(
        "account"
    )
    if wallet is None:
        raise NotFound("wallet not found", field="walletId")
    return wallet


async def get_wallet(wallet_id: str | uuid.UUID) -> Wallet:
    wallet = await Wallet.get_or_none(
        id=parse_id(wallet_id, "walletId", "wallet")
    ).prefetch_related("account")
    if wallet is None:
        raise NotFound("wallet not found", field="walletId")
    return wallet


def _valid_pin(pin: str | None, field: str) -> str:
    if pin is None or not PIN_PATTERN.match(pin):
        raise ValidationFailed(f"{field} must be 4 to 6 digits", field=field)
    return pin


async def set_pin(
    actor_id: uuid.UUID | None, wallet: Wallet, pin: str, current_pin: str | None, now: datetime
) -> Wallet:
    pin = _valid_pin(pin, "pin")
    if wallet.pin_hash is not None:
        if not current_pin:
            raise PinRequired("currentPin is required to change the PIN", field="currentPin")
        await check_pin(wallet, current_pin, now, field="currentPin")
    wallet.pin_hash = await asyncio.to_thread(hash_password, pin)
    await wallet.save(update_fields=["pin_hash"])
    await record(actor_id, "setWalletPin", "Wallet", wallet.id)
    return wallet


async def check_pin(wallet: Wallet, pin: str | None, now: datetime, field: str = "pin") -> None:
    """Verify the PIN, counting failures: the fifth wrong one locks the wallet for 15
    minutes. Call outside the payment's savepoint so a failure is remembered.

    The wallet row is locked and re-read first, and stays locked until the operation
    commits: parallel attempts queue here one by one, so each sees the failures counted
    before it and no more than MAX_PIN_ATTEMPTS are ever checked."""
    locked = await Wallet.filter(id=wallet.id).select_for_update().get()
    wallet.pin_hash = locked.pin_hash
    wallet.failed_pin_attempts, wallet.locked_until = (
        locked.failed_pin_attempts,
        locked.locked_until,
    )
    if wallet.locked_until is not None and wallet.locked_until > now:
        raise WalletLocked(
            f"too many wrong PINs; try again after {wallet.locked_until.isoformat()}", field=field
        )
    if not pin:
        raise PinRequired(f"this wallet has a PIN: send it as {field}", field=field)
    if not PIN_PATTERN.match(pin):
        raise ValidationFailed(f"{field} must be 4 to 6 digits", field=field)
    if await asyncio.to_thread(verify_password, wallet.pin_hash or "", pin):
        if wallet.failed_pin_attempts or wallet.locked_until:
            wallet.failed_pin_attempts, wallet.locked_until = 0, None
            await wallet.save(update_fields=["failed_pin_attempts", "locked_until"])
        return
    wallet.failed_pin_attempts += 1
    if wallet.failed_pin_attempts >= MAX_PIN_ATTEMPTS:
        wallet.failed_pin_attempts, wallet.locked_until = 0, now + PIN_LOCK
        await wallet.save(update_fields=["failed_pin_attempts", "locked_until"])
        raise WalletLocked("too many wrong PINs; the wallet is locked for 15 minutes", field=field)
    await wallet.save(update_fields=["failed_pin_attempts", "locked_until"])
    left = MAX_PIN_ATTEMPTS - wallet.failed_pin_attempts
    attempts = "attempt" if left == 1 else "attempts"
    raise InvalidPin(f"wrong PIN; {left} {attempts} left", field=field)


async def set_frozen(
    actor_id: uuid.UUID | None, wallet: Wallet, frozen: bool, reason: str | None
) -> Wallet:
    if frozen:
        reason = validation.text(reason, "reason", max_length=500)
    before = {"frozen": wallet.frozen, "reason": wallet.frozen_reason}
    wallet.frozen, wallet.frozen_reason = frozen, reason if frozen else None
    await wallet.save(update_fields=["frozen", "frozen_reason"])
    changed("wallet", wallet.id)
    if before["frozen"] != frozen:  # freezing a frozen wallet again tells no one
        owner = await Resident.get(id=wallet.resident_id)
        await notify(
            [owner.user_id],
            "WALLET_FROZEN" if frozen else "WALLET_UNFROZEN",
            "Your wallet was frozen" if frozen else "Your wallet was unfrozen",
            reason or "",
        )
    await record(
        actor_id,
        "freezeWallet" if frozen else "unfreezeWallet",
        "Wallet",
        wallet.id,
        before=before,
        after={"frozen": frozen, "reason": wallet.frozen_reason},
    )
    return wallet


def ensure_can_debit(wallet: Wallet) -> None:
    if wallet.frozen:
        raise WalletFrozen(f"this wallet is frozen: {wallet.frozen_reason}", field="walletId")


async def adjust(
    actor_id: uuid.UUID | None,
    wallet: Wallet,
    amount: Money,
    reason: str,
    idempotency_key: str,
    allow_negative_amount: bool = True,
) -> JournalEntry:
    """An audited manual credit (positive) or debit (negative) against the estate's
    adjustments account."""
    reason = validation.text(reason, "reason", max_length=500)
    key = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    if amount.currency != wallet.currency:
        raise ValidationFailed(
            f"currency must be the wallet's currency {wallet.currency}", field="currency"
        )
    if amount.minor < 0:
        ensure_can_debit(wallet)
    other = await system_account(ESTATE_ADJUSTMENTS, wallet.currency)
    async with savepoint():
        entry, created = await post_entry(
            # An admin's key is the admin's own: two admins' apps never answer each other's.
            f"adjust:{actor_id}:{key}",
            "ADJUSTMENT",
            [Line(wallet.account, amount.minor), Line(other, -amount.minor)],
            description=reason,
            reference=str(wallet.id),
        )
        if created:
            await record(
                actor_id,
                "adjustWallet",
                "Wallet",
                wallet.id,
                after={
                    "amount": amount.minor,
                    "currency": amount.currency,
                    "reason": reason,
                    "entryId": str(entry.id),
                },
            )
    return entry


@dataclass(frozen=True)
class AccountLine:
    """One posting on an account, with the entry it belongs to."""

    posting: Posting
    entry: JournalEntry


async def account_history(
    account_id: uuid.UUID | str, first: int | None, after: str | None, cap: int
) -> Page[AccountLine]:
    page = await paginate(
        Posting.filter(account_id=account_id).prefetch_related("entry"),
        first,
        after,
        cap,
        newest_first=True,
    )
    lines = [AccountLine(p, p.entry) for p in page.items]
    return Page(lines, page.cursors, page.has_next_page, page.count)


def now_utc() -> datetime:
    return datetime.now(UTC)


async def wallets_by_resident(resident_ids: list[uuid.UUID]) -> dict[uuid.UUID, Wallet]:
    """Each resident's wallet with its account (for a loader)."""
    rows = await Wallet.filter(resident_id__in=resident_ids).prefetch_related("account")
    return {uuid.UUID(str(w.resident_id)): w for w in rows}
