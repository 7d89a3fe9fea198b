"""Rewards: admins grant, adjust and configure; a resident sees and applies their own."""

from __future__ import annotations

import uuid
from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.bills.models import Bill
from services.errors import ValidationFailed
from services.ledger.models import Account
from services.rewards import rewards


async def own_rewards(ctx: RequestContext) -> Account:
    viewer = await ctx.resident_viewer()
    assert viewer.resident_id is not None
    return await rewards.balance(viewer.resident_id, ctx.require_access().estate.currency)


async def resident_rewards(ctx: RequestContext, resident_id: uuid.UUID) -> Account:
    """Reached from a `Resident` the caller was allowed to see (batched: a list of
    residents asks once)."""
    found = await ctx.loaders.rewards_by_resident.load(resident_id)
    return found or rewards.empty_account(resident_id, ctx.require_access().estate.currency)


async def grant_reward(
    ctx: RequestContext, resident_id: str, amount: Decimal, reason: str, key: str, adjusting: bool
) -> Account:
    access = ctx.require_admin()
    money = money_input(ctx, amount, None, allow_negative=adjusting)
    return await rewards.admin_grant(
        ctx.user_id, access.estate, resident_id, money, reason, key, adjusting=adjusting
    )


async def apply_rewards(
    ctx: RequestContext, bill_id: str, amount: Decimal | None, key: str
) -> Bill:
    money = money_input(ctx, amount, None) if amount is not None else None
    applied = await rewards.apply(await ctx.resident_viewer(), bill_id, money, key, ctx.clock())
    return applied.bill


async def rewards_config(ctx: RequestContext) -> rewards.Config:
    ctx.require_admin()
    return await rewards.config()


async def configure_rewards(
    ctx: RequestContext,
    streak_enabled: bool,
    tiers: list[tuple[int, Decimal, bool]],
    prepayment_percent: Decimal,
) -> rewards.Config:
    ctx.require_admin()
    if not prepayment_percent.is_finite() or prepayment_percent != round(prepayment_percent, 2):
        raise ValidationFailed(
            "prepaymentRewardPercent has at most 2 decimals", field="prepaymentRewardPercent"
        )
    parsed: list[dict[str, object]] = [
        {
            "monthsRequired": months,
            "amount": money_input(ctx, amount, None, field=f"tiers[{n}].amount").minor,
            "recurring": recurring,
        }
        for n, (months, amount, recurring) in enumerate(tiers)
    ]
    bp = int(prepayment_percent.scaleb(2))
    return await rewards.configure(ctx.user_id, rewards.Config(streak_enabled, parsed, bp))
