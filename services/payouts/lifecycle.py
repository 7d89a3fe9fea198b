"""A payout's states, and what each step does to the ledger and to the estate's admins.

REQUESTED -> APPROVED -> PROCESSING -> PAID | FAILED, PAID -> REVERSED; REQUESTED ->
REJECTED | CANCELLED. Requesting holds amount + fee on the account the payout is paid
from (`available` drops at once); rejecting, cancelling or failing releases the hold;
paying posts it (the amount to where paid money is counted, the fee to the provider's
clearing account); a reversal credits the amount back. A withdrawal is paid from the
estate's revenue; a wallet refund from `wallet-refunds:in-transit`, where its request
moved the resident's money, and what it does not pay goes back to the resident's wallet
(the estate's revenue is never touched). Every step is keyed by the payout's id, so a
step applied twice moves money once. Call these inside the estate's scope, the payout
locked."""

from __future__ import annotations

from datetime import datetime

from services.errors import InvalidState
from services.events import changed
from services.ledger.journal import (
    ESTATE_REVENUE,
    PAYOUTS_IN_TRANSIT,
    WALLET_PREFIX,
    WALLET_REFUNDS_IN_TRANSIT,
    WALLET_REFUNDS_PAID,
    Line,
    clearing_code,
    place_hold,
    post_entry,
    post_hold,
    release_hold,
    system_account,
)
from services.ledger.models import Account, Hold
from services.money import to_major
from services.notifications.inbox import current_estate_admin_ids, notify
from services.payouts.models import Payout
from services.residents.models import Resident

STATUSES = (
    "REQUESTED",
    "APPROVED",
    "PROCESSING",
    "PAID",
    "FAILED",
    "REJECTED",
    "CANCELLED",
    "REVERSED",
)
# Still holding the estate's money: the hold is ACTIVE.
HOLDING = frozenset({"REQUESTED", "APPROVED", "PROCESSING"})
# Handed to the provider (or about to be): only the provider's word moves it on.
SENDING = frozenset({"APPROVED", "PROCESSING"})
# The idempotency keys of a payout's hold and of its reversal entry (`ledger verify`).
HOLD_PREFIX = "payout:"
REVERSAL_PREFIX = "payout-reversal:"
ENTRY_KIND = "PAYOUT"
REVERSAL_KIND = "PAYOUT_REVERSAL"
WALLET_REFUND = "WALLET_REFUND"
# A wallet refund's entries: the money out of the wallet, and back when it ends unpaid.
REFUND_OUT_PREFIX = "wallet-refund:"
REFUND_BACK_PREFIX = "wallet-refund-back:"
REFUND_KIND = "REFUND"  # the resident's history shows both as refunds
# A refund's ends the resident hears of (the money reached them, or is back).
RESIDENT_HEARS = {
    "PAID": ("WALLET_REFUNDED", "refunded to {bank}"),
    "REJECTED": ("WALLET_REFUND_RETURNED", "not refunded: it is back in your wallet"),
    "CANCELLED": ("WALLET_REFUND_RETURNED", "not refunded: it is back in your wallet"),
    "FAILED": ("WALLET_REFUND_RETURNED", "not refunded: it is back in your wallet"),
    "REVERSED": ("WALLET_REFUND_RETURNED", "returned by the bank: it is back in your wallet"),
}


def require(payout: Payout, *allowed: str, field: str = "id") -> None:
    if payout.status not in allowed:
        raise InvalidState(
            f"payout {payout.reference} is {payout.status}, not {' or '.join(allowed)}",
            field=field,
        )


def _refund(payout: Payout) -> bool:
    return payout.purpose == WALLET_REFUND


async def _source(payout: Payout) -> Account:
    """Where the payout's money waits, held, until it is paid."""
    code = WALLET_REFUNDS_IN_TRANSIT if _refund(payout) else ESTATE_REVENUE
    return await system_account(code, payout.currency)


async def _paid_to(payout: Payout) -> Account:
    """Where paid money is counted once the provider sent it."""
    code = WALLET_REFUNDS_PAID if _refund(payout) else PAYOUTS_IN_TRANSIT
    return await system_account(code, payout.currency)


async def _owner(payout: Payout) -> Account:
    """Whose money it was: the estate's revenue, or the resident's wallet."""
    if _refund(payout):
        return await Account.get(code=f"{WALLET_PREFIX}{payout.wallet_id}")
    return await system_account(ESTATE_REVENUE, payout.currency)


async def hold_funds(payout: Payout) -> Hold:
    """`InsufficientFunds` on amount when the source's available balance is short."""
    return await place_hold(
        await _source(payout),
        payout.amount + payout.fee,
        f"{HOLD_PREFIX}{payout.id}",
        payout.reference,
    )


async def _hold(payout: Payout) -> Hold:
    return await Hold.get(idempotency_key=f"{HOLD_PREFIX}{payout.id}")


async def _release(payout: Payout, status: str) -> None:
    await release_hold(await _hold(payout))
    if _refund(payout):  # unpaid: the resident's money goes back to their wallet
        total = payout.amount + payout.fee
        await post_entry(
            f"{REFUND_BACK_PREFIX}{payout.id}",
            REFUND_KIND,
            [Line(await _source(payout), -total), Line(await _owner(payout), total)],
            description=f"Wallet refund {payout.reference} {status.lower()}: back in the wallet",
            reference=payout.reference,
        )


async def _pay(payout: Payout) -> None:
    source, paid_to = await _source(payout), await _paid_to(payout)
    lines = [Line(source, -(payout.amount + payout.fee)), Line(paid_to, payout.amount)]
    if payout.fee:
        clearing = await system_account(clearing_code(payout.provider), payout.currency)
        lines.append(Line(clearing, payout.fee))
    await post_hold(await _hold(payout), ENTRY_KIND, lines, f"Payout {payout.reference}")


async def _reverse(payout: Payout) -> None:
    await post_entry(
        f"{REVERSAL_PREFIX}{payout.id}",
        REVERSAL_KIND,
        [Line(await _paid_to(payout), -payout.amount), Line(await _owner(payout), payout.amount)],
        description=f"Payout {payout.reference} returned by the bank",
        reference=payout.reference,
    )


async def move(
    payout: Payout, status: str, now: datetime, *, failure: tuple[str, str] | None = None
) -> Payout:
    """Take the payout to `status`, with the ledger step that goes with it, and tell the
    estate's admins. Call with `payout` locked; unknown moves are a programming error."""
    before = payout.status
    if status in ("REJECTED", "CANCELLED") or (status == "FAILED" and before in SENDING):
        await _release(payout, status)
    elif status == "PAID" and before in SENDING:
        await _pay(payout)
    elif status == "REVERSED" and before in SENDING | {"PAID"}:
        if before != "PAID":  # the provider skipped telling us it arrived
            await _pay(payout)
        await _reverse(payout)
    elif not (before == "REQUESTED" and status == "APPROVED") and not (
        before == "APPROVED" and status == "PROCESSING"
    ):
        raise InvalidState(f"a {before} payout cannot become {status}")
    payout.status = status
    if status in ("PAID", "FAILED", "REVERSED"):
        payout.completed_at = now
    if failure is not None:
        payout.failure_code, payout.failure_message = failure[0], failure[1][:500]
    await payout.save()
    changed("payout", payout.id)
    if status != "PROCESSING":
        await tell_admins(payout)
    if _refund(payout) and status in RESIDENT_HEARS:
        await _tell_resident(payout)
    return payout


def _shown(minor: int, currency: str) -> str:
    return f"{to_major(minor, currency)} {currency}"


async def _tell_resident(payout: Payout) -> None:
    resident = await Resident.get_or_none(id=payout.resident_id)
    if resident is None:
        return
    kind, words = RESIDENT_HEARS[payout.status]
    total = _shown(payout.amount + payout.fee, payout.currency)
    bank = f"{payout.bank_name} ending {payout.account_number[-4:]}"
    await notify(
        [resident.user_id],
        kind,
        f"{total} {words.format(bank=bank)}",
        payout.note or "",
        data={"reference": payout.reference, "amount": total},
    )


async def tell_admins(payout: Payout) -> None:
    amount = _shown(payout.amount, payout.currency)
    words = {
        "REQUESTED": ("requested", "It waits for another admin's approval."),
        "APPROVED": ("approved", "It is being sent to the bank."),
        "REJECTED": ("rejected", payout.decision_note or ""),
        "CANCELLED": ("cancelled", payout.decision_note or ""),
        "PAID": ("paid", f"It reached {payout.bank_name} ending {payout.account_number[-4:]}."),
        "FAILED": ("failed", payout.failure_message or "The provider refused the transfer."),
        "REVERSED": ("reversed", "The bank returned it: the amount is back in the wallet."),
    }
    verb, body = words[payout.status]
    if _refund(payout) and payout.status == "REVERSED":
        body = "The bank returned it: the amount is back in the resident's wallet."
    what = "Wallet refund" if _refund(payout) else "Payout"
    await notify(
        await current_estate_admin_ids(),
        f"PAYOUT_{payout.status}",
        f"{what} {payout.reference} of {amount} {verb}",
        body,
        data={"reference": payout.reference, "amount": amount},
    )
