"""Rewards that follow payments.

- Paying before the due date earns the estate's `prepaymentRewardPercent` of what the
  payment paid towards the bill (money only: not rewards, not the excess credited to the
  wallet), rounded down to the minor unit, in the transaction that settles it.
- A refund takes that reward back in proportion to what was refunded (as much as the
  resident still holds: rewards already spent are not clawed back below zero).
- A payment refunded in full gives back the rewards spent with it (`useRewards`): they
  return to the resident's rewards and the bill owes them again.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.functions import Sum

from services.bills.lifecycle import PAYABLE
from services.bills.models import Bill
from services.bills.notices import local_date
from services.events import changed
from services.ledger.journal import REWARDS_REDEEMED, Line, post_entry, system_account
from services.ledger.models import Posting
from services.money import Money, to_major
from services.notifications.inbox import notify
from services.payments.models import Payment
from services.residents.models import Resident
from services.rewards.models import RewardRedemption
from services.rewards.rewards import config, grant, rewards_account
from tenants.models import Estate
from tenants.scope import savepoint


def _earned_key(payment_id: uuid.UUID | str) -> str:
    return f"rewards:prepay:{payment_id}"


def _back_prefix(payment_id: uuid.UUID | str) -> str:
    return f"rewards:prepay-back:{payment_id}:"


async def reward_prepayment(
    estate: Estate, payment: Payment, bill: Bill, to_bill: int, now: datetime
) -> int:
    """The prepayment reward of a bill payment settling now (in its savepoint); what was
    granted, 0 when the bill was due already or the estate gives none."""
    if to_bill <= 0 or payment.currency != estate.currency:
        return 0
    if local_date(now, estate.timezone) >= bill.due_date:
        return 0
    percent_bp = (await config()).prepayment_reward_bp
    earned = to_bill * percent_bp // 10_000
    if earned <= 0:
        return 0
    await grant(
        None,
        estate,
        payment.resident_id,
        Money(earned, payment.currency),
        f"Paid {bill.number} before its due date",
        _earned_key(payment.id),
        kind="PREPAYMENT_REWARD",
    )
    return earned


async def after_refund(estate: Estate, payment_id: uuid.UUID, now: datetime) -> None:
    """Bring the payment's rewards in line with what is refunded of it; idempotent (a
    retried refund calls it again and finds nothing left to do)."""
    async with savepoint():
        payment = await Payment.filter(id=payment_id).select_for_update().get()
        if payment.purpose != "BILL_PAYMENT" or not payment.refunded_amount:
            return
        await _take_back_prepayment(estate, payment)
        if payment.status == "REFUNDED":
            await _give_back_redemptions(payment, now)


async def _posted(account_id: uuid.UUID, **entry: str) -> int:
    found = (
        await Posting.filter(account_id=account_id, **{f"entry__{k}": v for k, v in entry.items()})
        .annotate(total=Sum("amount"))
        .first()
        .values("total")
    )
    return int((found or {}).get("total") or 0)


async def _take_back_prepayment(estate: Estate, payment: Payment) -> None:
    account = await rewards_account(payment.resident_id, payment.currency)
    earned = await _posted(account.id, idempotency_key=_earned_key(payment.id))
    if earned <= 0:
        return
    prefix = _back_prefix(payment.id)
    taken = -await _posted(account.id, idempotency_key__startswith=prefix)
    paid = payment.amount - payment.credited  # what the refund proportion is of
    keep = earned - earned * min(payment.refunded_amount, paid) // paid if paid else 0
    taking = min(earned - taken - keep, account.available)
    if taking <= 0:
        return
    # Numbered under the payment's lock: each take-back its own entry, none twice.
    done = await Posting.filter(account_id=account.id, entry__idempotency_key__startswith=prefix)
    await grant(
        None,
        estate,
        payment.resident_id,
        Money(-taking, payment.currency),
        f"Prepayment reward of {payment.reference} taken back: the payment was refunded",
        f"{prefix}{len(done) + 1}",
        kind="PREPAYMENT_REWARD_RETURN",
    )


async def _give_back_redemptions(payment: Payment, now: datetime) -> None:
    redemptions = await RewardRedemption.filter(
        payment_id=payment.id, returned_at__isnull=True
    ).select_for_update()
    for redemption in redemptions:
        account = await rewards_account(redemption.resident_id, redemption.currency)
        redeemed = await system_account(REWARDS_REDEEMED, redemption.currency)
        bill = await Bill.filter(id=redemption.bill_id).select_for_update().get()
        await post_entry(
            f"rewards:return:{redemption.id}",
            "REWARD_RETURN",
            [Line(redeemed, -redemption.amount), Line(account, redemption.amount)],
            description=f"Rewards returned from {bill.number}: {payment.reference} refunded",
            reference=str(redemption.id),
        )
        redemption.returned_at = now
        await redemption.save(update_fields=["returned_at"])
        bill.amount_paid -= redemption.amount
        if bill.status in ("PAID", *PAYABLE):
            bill.status = "PARTIALLY_PAID" if bill.amount_paid else "ACKNOWLEDGED"
        await bill.save(update_fields=["amount_paid", "status", "updated_at"])
        changed("bill", bill.id, bill.resident_id)
        resident = await Resident.get(id=redemption.resident_id)
        shown = f"{to_major(redemption.amount, redemption.currency)} {redemption.currency}"
        await notify(
            [resident.user_id],
            "REWARD",
            f"{shown} of rewards given back",
            f"{payment.reference} was refunded, so the rewards spent with it are yours again",
        )
