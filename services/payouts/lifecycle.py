"""A payout's states, and what each step does to the ledger and to the estate's admins.

REQUESTED -> APPROVED -> PROCESSING -> PAID | FAILED, PAID -> REVERSED; REQUESTED ->
REJECTED | CANCELLED. Requesting holds amount + fee on the estate's revenue account
(`available` drops at once); rejecting, cancelling or failing releases the hold; paying
posts it (the amount to payouts in transit, the fee to the provider's clearing account);
a reversal credits the amount back. Every step is keyed by the payout's id, so a step
applied twice moves money once. Call these inside the estate's scope, the payout locked."""

from __future__ import annotations

from datetime import datetime

from services.errors import InvalidState
from services.events import changed
from services.ledger.journal import (
    ESTATE_REVENUE,
    PAYOUTS_IN_TRANSIT,
    Line,
    clearing_code,
    place_hold,
    post_entry,
    post_hold,
    release_hold,
    system_account,
)
from services.ledger.models import Hold
from services.money import to_major
from services.notifications.inbox import current_estate_admin_ids, notify
from services.payouts.models import Payout

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


def require(payout: Payout, *allowed: str, field: str = "id") -> None:
    if payout.status not in allowed:
        raise InvalidState(
            f"payout {payout.reference} is {payout.status}, not {' or '.join(allowed)}",
            field=field,
        )


async def hold_funds(payout: Payout) -> Hold:
    """`InsufficientFunds` on amount when the estate's available balance is short."""
    revenue = await system_account(ESTATE_REVENUE, payout.currency)
    return await place_hold(
        revenue, payout.amount + payout.fee, f"{HOLD_PREFIX}{payout.id}", payout.reference
    )


async def _hold(payout: Payout) -> Hold:
    return await Hold.get(idempotency_key=f"{HOLD_PREFIX}{payout.id}")


async def _release(payout: Payout) -> None:
    await release_hold(await _hold(payout))


async def _pay(payout: Payout) -> None:
    revenue = await system_account(ESTATE_REVENUE, payout.currency)
    in_transit = await system_account(PAYOUTS_IN_TRANSIT, payout.currency)
    lines = [Line(revenue, -(payout.amount + payout.fee)), Line(in_transit, payout.amount)]
    if payout.fee:
        clearing = await system_account(clearing_code(payout.provider), payout.currency)
        lines.append(Line(clearing, payout.fee))
    await post_hold(await _hold(payout), ENTRY_KIND, lines, f"Payout {payout.reference}")


async def _reverse(payout: Payout) -> None:
    revenue = await system_account(ESTATE_REVENUE, payout.currency)
    in_transit = await system_account(PAYOUTS_IN_TRANSIT, payout.currency)
    await post_entry(
        f"{REVERSAL_PREFIX}{payout.id}",
        REVERSAL_KIND,
        [Line(in_transit, -payout.amount), Line(revenue, payout.amount)],
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
        await _release(payout)
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
    return payout


async def tell_admins(payout: Payout) -> None:
    amount = f"{to_major(payout.amount, payout.currency)} {payout.currency}"
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
    await notify(
        await current_estate_admin_ids(),
        f"PAYOUT_{payout.status}",
        f"Payout {payout.reference} of {amount} {verb}",
        body,
        data={"reference": payout.reference, "amount": amount},
    )
