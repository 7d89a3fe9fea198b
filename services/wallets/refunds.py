"""Paying a resident's wallet balance back to them when they leave: the estate sends the
money by its own means (a bank transfer it names in `reference`) and the ledger records
it leaving, like a payout. Only for a resident who is deactivated or lives in no unit:
an active resident's wallet is theirs to spend."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import (
    IdempotencyConflict,
    InvalidState,
    NotFound,
    ValidationFailed,
    WalletFrozen,
)
from services.events import changed
from services.ledger.journal import WALLET_REFUNDS_PAID, Line, post_entry, system_account
from services.ledger.models import JournalEntry, Posting
from services.money import Money, shortfall, to_major
from services.notifications.inbox import notify
from services.residents.models import Occupancy, Resident
from services.wallets.models import Wallet
from services.wallets.wallets import wallet_of
from tenants.models import Estate
from tenants.scope import savepoint

ENTRY_KIND = "REFUND"  # the resident's history shows it as a refund


@dataclass(frozen=True)
class WalletRefund:
    resident_id: str
    amount: Money | None  # None: everything available
    reason: str
    reference: str | None
    idempotency_key: str


async def refund_balance(actor_id: uuid.UUID, estate: Estate, data: WalletRefund) -> Wallet:
    """One balanced entry (the wallet to `wallets:refunded`) under the admin's own key:
    the same key and request return the wallet again, another request under it is
    IDEMPOTENCY_CONFLICT."""
    key = validation.text(data.idempotency_key, "idempotencyKey", max_length=150)
    reason = validation.text(data.reason, "reason", max_length=500)
    reference = validation.text(data.reference, "reference", max_length=100, required=False)
    resident_uuid = parse_id(data.resident_id, "residentId", "resident")
    if data.amount is not None and data.amount.currency != estate.currency:
        raise ValidationFailed(f"currency must be {estate.currency}", field="currency")
    entry_key = f"wallet-refund:{actor_id}:{key}"
    async with savepoint():
        resident = await Resident.filter(id=resident_uuid).select_for_update().first()
        if resident is None:
            raise NotFound("resident not found", field="residentId")
        wallet = await wallet_of(resident.id, estate.currency)
        # Looked up under the resident's lock: a concurrent retry waits and finds it here.
        earlier = await JournalEntry.get_or_none(idempotency_key=entry_key)
        if earlier is not None:
            await _check_retry(earlier, wallet, data.amount, reason)
            return wallet
        if resident.active and await Occupancy.exists(resident=resident, ends_on__isnull=True):
            raise InvalidState(
                "the resident still lives here: deactivate them or move them out first",
                field="residentId",
            )
        if wallet.frozen:
            raise WalletFrozen(f"this wallet is frozen: {wallet.frozen_reason}", field="residentId")
        available = wallet.account.available
        amount = data.amount.minor if data.amount is not None else available
        if amount <= 0:
            raise InvalidState("the wallet has nothing to refund", field="residentId")
        if amount > available:
            raise shortfall(available, amount, estate.currency)
        paid_out = await system_account(WALLET_REFUNDS_PAID, estate.currency)
        entry, _ = await post_entry(
            entry_key,
            ENTRY_KIND,
            [Line(wallet.account, -amount), Line(paid_out, amount)],
            description=reason,
            reference=reference or str(wallet.id),
        )
        shown = f"{to_major(amount, estate.currency)} {estate.currency}"
        await record(
            actor_id,
            "refundWalletBalance",
            "Wallet",
            wallet.id,
            after={
                "residentId": str(resident.id),
                "amount": amount,
                "currency": estate.currency,
                "reason": reason,
                "reference": reference,
                "entryId": str(entry.id),
            },
        )
        await notify([resident.user_id], "WALLET_REFUNDED", f"{shown} refunded", reason)
        changed("resident", resident.id, resident.id)
    return wallet


async def _check_retry(
    earlier: JournalEntry, wallet: Wallet, amount: Money | None, reason: str
) -> None:
    """A key's second use must ask for what its first did: the same wallet, reason and
    amount (when one is given), else it is another request under a used key."""
    postings = await Posting.filter(entry=earlier)
    mine = str(wallet.account.id)
    debited = -sum(p.amount for p in postings if str(p.account_id) == mine)
    same_amount = amount is None or amount.minor == debited
    if not debited or earlier.description != reason or not same_amount:
        raise IdempotencyConflict(
            "this idempotency key was used for a different refund", field="idempotencyKey"
        )
