"""Rewards: promotional balance, not money. Each resident's rewards live on an account of
their own (`rewards:<resident id>`), granted from the estate's `rewards` account and, when
applied to a bill, retired to `rewards:redeemed`; no entry ever moves them to or from an
account that holds money (a wallet, the estate's revenue, a clearing or payout account),
so they cannot be withdrawn, transferred or paid out (`ledger verify` checks it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import Viewer, get_visible, visible_resident_id
from services.audit.log import record
from services.bills.lifecycle import status_after_payment, transition
from services.bills.models import Bill
from services.errors import (
    IdempotencyConflict,
    InsufficientFunds,
    NotFound,
    ValidationFailed,
)
from services.events import changed
from services.ledger.journal import (
    REWARDS,
    REWARDS_PREFIX,
    REWARDS_REDEEMED,
    Line,
    post_entry,
    system_account,
)
from services.ledger.models import Account
from services.money import Money, to_major
from services.notifications.inbox import notify
from services.payments.idempotency import payer_key, request_fingerprint
from services.residents.models import Resident
from services.rewards.models import RewardRedemption, RewardsConfig
from tenants.models import Estate
from tenants.scope import savepoint

MAX_TIERS = 20


async def rewards_account(resident_id: uuid.UUID | str, currency: str) -> Account:
    """The resident's rewards account, opened on first use (guarded: never below zero)."""
    code = f"{REWARDS_PREFIX}{resident_id}"
    account = await Account.get_or_none(code=code, currency=currency)
    if account is not None:
        return account
    try:
        async with savepoint():
            return await Account.create(code=code, kind="RESIDENT_REWARDS", currency=currency)
    except IntegrityError:  # opened concurrently
        return await Account.get(code=code, currency=currency)


def _shown(money: Money) -> str:
    return f"{to_major(money.minor, money.currency)} {money.currency}"


async def grant(
    actor_id: uuid.UUID | None,
    estate: Estate,
    resident_id: str | uuid.UUID,
    amount: Money,
    reason: str,
    key: str,
    *,
    kind: str = "REWARD",
) -> Account:
    """Rewards for a resident (negative `amount`: taken back, never below zero). `key`
    makes it happen once; the resident is told."""
    reason = validation.text(reason, "reason", max_length=500)
    if amount.currency != estate.currency:
        raise ValidationFailed(f"currency must be {estate.currency}", field="currency")
    resident = await Resident.get_or_none(id=resident_id)
    if resident is None:
        raise NotFound("resident not found", field="residentId")
    account = await rewards_account(resident.id, amount.currency)
    source = await system_account(REWARDS, amount.currency)
    async with savepoint():
        _, created = await post_entry(
            key,
            kind,
            [Line(account, amount.minor), Line(source, -amount.minor)],
            description=reason,
            reference=str(resident.id),
        )
        if created:
            await record(
                actor_id,
                "grantReward" if amount.minor > 0 else "adjustRewards",
                "Resident",
                resident.id,
                after={"amount": amount.minor, "reason": reason},
            )
            title = (
                f"You earned {_shown(amount)} in rewards"
                if amount.minor > 0
                else f"{_shown(Money(-amount.minor, amount.currency))} of rewards taken back"
            )
            await notify([resident.user_id], "REWARD", title, reason)
    return await Account.get(id=account.id)


async def admin_grant(
    actor_id: uuid.UUID,
    estate: Estate,
    resident_id: str,
    amount: Money,
    reason: str,
    key: str,
    *,
    adjusting: bool,
) -> Account:
    key = validation.text(key, "idempotencyKey", max_length=150)
    wanted = await visible_resident_id(Viewer(actor_id, True, None), resident_id)
    if not adjusting and amount.minor <= 0:
        raise ValidationFailed("amount must be positive", field="amount")
    # An admin's key is the admin's own: two admins' apps never answer each other's.
    return await grant(
        actor_id,
        estate,
        wanted,
        amount,
        reason,
        f"rewards:{actor_id}:{key}",
        kind="REWARD" if not adjusting else "REWARD_ADJUSTMENT",
    )


async def balance(resident_id: uuid.UUID, currency: str) -> Account:
    """The resident's rewards account; an unsaved empty one before any reward (a read
    opens nothing)."""
    found = await accounts_by_resident([resident_id])
    return found.get(resident_id) or empty_account(resident_id, currency)


def empty_account(resident_id: uuid.UUID, currency: str) -> Account:
    return Account(
        code=f"{REWARDS_PREFIX}{resident_id}",
        kind="RESIDENT_REWARDS",
        currency=currency,
        balance=0,
        held=0,
    )


async def accounts_by_resident(resident_ids: list[uuid.UUID]) -> dict[uuid.UUID, Account]:
    """Each resident's rewards account that exists (for a loader)."""
    codes = {f"{REWARDS_PREFIX}{r}": r for r in resident_ids}
    rows = await Account.filter(code__in=list(codes))
    return {codes[row.code]: row for row in rows}


@dataclass(frozen=True)
class Applied:
    redemption: RewardRedemption
    bill: Bill


async def apply(
    viewer: Viewer,
    bill_id: str,
    amount: Money | None,
    key: str,
    now: datetime,
) -> Applied:
    """Rewards towards one of the resident's payable bills (default: as much as both the
    rewards balance and the balance due allow), once per key."""
    if viewer.resident_id is None:
        raise NotFound("bill not found", field="billId")
    owner = Viewer(viewer.user_id, is_admin=False, resident_id=viewer.resident_id)
    stored = payer_key(viewer.resident_id, validation.text(key, "idempotencyKey", max_length=150))
    fingerprint = request_fingerprint("rewards", bill_id, amount.minor if amount else "all")
    async with savepoint():
        bill = await get_visible(Bill, owner, bill_id, "bill", field="billId", lock=True)
        earlier = await RewardRedemption.get_or_none(idempotency_key=stored)
        if earlier is not None:
            if earlier.request_fingerprint != fingerprint:
                raise IdempotencyConflict(
                    "this idempotency key was used for a different request",
                    field="idempotencyKey",
                )
            return Applied(earlier, bill)
        transition(bill.status, "pay", "PAID")
        account = await rewards_account(viewer.resident_id, bill.currency)
        if amount is not None and amount.currency != bill.currency:
            raise ValidationFailed(f"currency must be {bill.currency}", field="currency")
        using = amount.minor if amount else min(account.available, bill.balance_due)
        if using > bill.balance_due:
            raise ValidationFailed(
                f"amount is more than the balance due of "
                f"{to_major(bill.balance_due, bill.currency)} {bill.currency}",
                field="amount",
            )
        if using <= 0 or using > account.available:
            raise InsufficientFunds(
                f"the rewards balance is {to_major(account.available, bill.currency)} "
                f"{bill.currency}",
                field="amount",
            )
        redemption = await redeem(viewer.user_id, bill, account, using, stored, fingerprint)
        return Applied(redemption, bill)


async def redeem(
    user_id: uuid.UUID | None,
    bill: Bill,
    account: Account,
    using: int,
    stored_key: str,
    fingerprint: str,
    payment_id: uuid.UUID | None = None,
) -> RewardRedemption:
    """Retire `using` of the resident's rewards towards the locked `bill` (checked by the
    caller: payable, within its balance due and the rewards available); updates `bill`.
    `payment_id`: the payment it went with, whose full refund gives the rewards back."""
    redemption = await RewardRedemption.create(
        resident_id=bill.resident_id,
        bill=bill,
        amount=using,
        currency=bill.currency,
        idempotency_key=stored_key,
        request_fingerprint=fingerprint,
        payment_id=payment_id,
    )
    redeemed = await system_account(REWARDS_REDEEMED, bill.currency)
    await post_entry(
        f"rewards:apply:{redemption.id}",
        "REWARD_REDEMPTION",
        [Line(account, -using), Line(redeemed, using)],
        description=f"Rewards applied to {bill.number}",
        reference=str(redemption.id),
        known_new=True,
    )
    bill.amount_paid += using
    bill.status = status_after_payment(bill.amount, bill.amount_paid)
    await bill.save(update_fields=["amount_paid", "status", "updated_at"])
    changed("bill", bill.id, bill.resident_id)
    await record(
        user_id,
        "applyRewards",
        "Bill",
        bill.id,
        after={"amount": using, "redemption": str(redemption.id)},
    )
    return redemption


@dataclass(frozen=True)
class Config:
    streak_enabled: bool
    tiers: list[dict[str, object]]  # monthsRequired, amount (minor), recurring
    prepayment_reward_bp: int


async def config() -> Config:
    row = await RewardsConfig.get_or_none(id=1)
    if row is None:
        return Config(False, [], 0)
    return Config(row.streak_enabled, list(row.tiers), row.prepayment_reward_bp)


async def configure(actor_id: uuid.UUID, new: Config) -> Config:
    if len(new.tiers) > MAX_TIERS:
        raise ValidationFailed(f"at most {MAX_TIERS} tiers", field="tiers")
    for n, tier in enumerate(new.tiers):
        months = int(str(tier["monthsRequired"]))
        if not 1 <= months <= 120:
            raise ValidationFailed(
                "monthsRequired must be 1 to 120", field=f"tiers[{n}].monthsRequired"
            )
        if int(str(tier["amount"])) <= 0:
            raise ValidationFailed("amount must be positive", field=f"tiers[{n}].amount")
    if not 0 <= new.prepayment_reward_bp <= 10_000:
        raise ValidationFailed(
            "prepaymentRewardPercent must be 0 to 100", field="prepaymentRewardPercent"
        )
    async with savepoint():
        row = await RewardsConfig.filter(id=1).select_for_update().first()
        if row is None:
            row = await RewardsConfig.create(id=1)
        before = {
            "streakEnabled": row.streak_enabled,
            "tiers": row.tiers,
            "prepaymentRewardBp": row.prepayment_reward_bp,
        }
        row.streak_enabled, row.tiers = new.streak_enabled, new.tiers
        row.prepayment_reward_bp = new.prepayment_reward_bp
        await row.save()
        await record(
            actor_id,
            "configureRewards",
            "RewardsConfig",
            1,
            before=before,
            after={
                "streakEnabled": new.streak_enabled,
                "tiers": new.tiers,
                "prepaymentRewardBp": new.prepayment_reward_bp,
            },
        )
    return new
