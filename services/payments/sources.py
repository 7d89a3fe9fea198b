"""Paying a bill with what the resident already holds: `useCredits` (the wallet's
balance) first, then `useRewards`, then the payment's own method for the rest. Neither
goes beyond the bill's balance due (what is paid beyond it becomes credit, and credit
paying itself back, or rewards turning into credit, would make no sense)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from services.bills.models import Bill
from services.errors import ValidationFailed
from services.ledger.journal import REWARDS_PREFIX
from services.ledger.models import Account
from services.rewards.rewards import redeem, rewards_account


@dataclass(frozen=True)
class Sources:
    credits: bool = False
    rewards: bool = False

    def fingerprint(self) -> tuple[str, ...]:
        """Named in the request's fingerprint only when asked for, so a plain payment's
        fingerprint is what it always was."""
        return tuple(n for n, on in (("credits", self.credits), ("rewards", self.rewards)) if on)


NO_SOURCES = Sources()


@dataclass(frozen=True)
class Split:
    credits: int  # from the wallet
    rewards: int
    rest: int  # through the payment's method


async def plan_split(bill: Bill, paying: int, use: Sources, wallet: Account | None) -> Split:
    """How `paying` towards the locked `bill` divides between credits, rewards and the
    method, by the balances now (the ledger's guards catch a balance spent meanwhile)."""
    room = min(paying, bill.balance_due)
    credits = max(0, min(wallet.available, room)) if use.credits and wallet else 0
    rewards = 0
    if use.rewards:
        account = await Account.get_or_none(
            code=f"{REWARDS_PREFIX}{bill.resident_id}", currency=bill.currency
        )
        rewards = max(0, min(account.available if account else 0, room - credits))
    return Split(credits, rewards, paying - credits - rewards)


def rewards_cover_all() -> ValidationFailed:
    """A payment moves money; when rewards alone settle the amount there is none to move."""
    return ValidationFailed(
        "rewards cover the whole amount: applyRewards settles it with no payment",
        field="useRewards",
    )


async def spend_rewards(
    user_id: uuid.UUID,
    bill: Bill,
    amount: int,
    key: str,
    fingerprint: str,
    payment_id: uuid.UUID,
) -> None:
    """`amount` of rewards towards the locked `bill` as part of the payment `payment_id`
    (its full refund gives them back), under the payment's own stored key."""
    if amount <= 0:
        return
    account = await rewards_account(bill.resident_id, bill.currency)
    # "pay:" cannot begin a key of applyRewards (a resident id begins those).
    await redeem(user_id, bill, account, amount, f"pay:{key}", fingerprint, payment_id)
