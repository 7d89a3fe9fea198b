"""Rewards: promotional balance (not money), granted by admins or earned by streaks."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers import rewards as resolvers
from resolvers import wallets as wallet_resolvers
from resolvers.bills import today
from resolvers.context import RequestContext
from schema.bills import Bill, bill_node
from schema.shared import Connection, Money, as_uuid, connection
from services.ledger.models import Account
from services.pagination import Page, nothing_to_count
from services.rewards.rewards import Config
from services.wallets.wallets import AccountLine


@strawberry.type
class RewardTransaction:
    id: strawberry.ID
    kind: str  # REWARD, REWARD_ADJUSTMENT, REWARD_REDEMPTION, REWARD_RETURN, STREAK_REWARD,
    # PREPAYMENT_REWARD, PREPAYMENT_REWARD_RETURN
    amount: Money
    balance_after: Money
    description: str
    reference: str | None
    created_at: datetime


def reward_transaction_node(line: AccountLine) -> RewardTransaction:
    posting, entry = line.posting, line.entry
    return RewardTransaction(
        id=strawberry.ID(str(posting.id)),
        kind=entry.kind,
        amount=Money.of(posting.amount, posting.currency),
        balance_after=Money.of(posting.balance_after, posting.currency),
        description=entry.description,
        reference=entry.reference,
        created_at=posting.created_at,
    )


@strawberry.type
class Rewards:
    balance: Money
    account_id: strawberry.Private[uuid.UUID | None]  # None: no reward yet

    @strawberry.field
    async def transactions(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[RewardTransaction]:
        if self.account_id is None:
            return connection(Page([], [], False, nothing_to_count), reward_transaction_node)
        page = await wallet_resolvers.history(info.context, self.account_id, first, after)
        return connection(page, reward_transaction_node)


def rewards_node(account: Account) -> Rewards:
    return Rewards(
        balance=Money.of(account.balance, account.currency),
        account_id=as_uuid(account.id) if account.id else None,
    )


@strawberry.type
class RewardTier:
    months_required: int
    amount: Money
    recurring: bool


@strawberry.type
class RewardsConfig:
    streak_enabled: bool
    tiers: list[RewardTier]
    prepayment_reward_percent: Decimal


def config_node(found: Config, currency: str) -> RewardsConfig:
    return RewardsConfig(
        streak_enabled=found.streak_enabled,
        tiers=[
            RewardTier(
                months_required=int(str(tier["monthsRequired"])),
                amount=Money.of(int(str(tier["amount"])), currency),
                recurring=bool(tier["recurring"]),
            )
            for tier in found.tiers
        ],
        prepayment_reward_percent=Decimal(found.prepayment_reward_bp).scaleb(-2),
    )


@strawberry.input
class RewardTierInput:
    months_required: int
    amount: Decimal
    recurring: bool = False


@strawberry.input
class ConfigureRewardsInput:
    streak_enabled: bool = False
    tiers: list[RewardTierInput] = strawberry.field(default_factory=list)
    prepayment_reward_percent: Decimal = Decimal(0)


@strawberry.type
class RewardQuery:
    @strawberry.field
    async def rewards(self, info: Info[RequestContext, None]) -> Rewards:
        """The signed-in resident's rewards."""
        return rewards_node(await resolvers.own_rewards(info.context))

    @strawberry.field
    async def rewards_config(self, info: Info[RequestContext, None]) -> RewardsConfig:
        ctx = info.context
        found = await resolvers.rewards_config(ctx)
        return config_node(found, ctx.require_access().estate.currency)


@strawberry.type
class RewardMutation:
    @strawberry.mutation
    async def grant_reward(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        amount: Decimal,
        reason: str,
        idempotency_key: str,
    ) -> Rewards:
        account = await resolvers.grant_reward(
            info.context, str(resident_id), amount, reason, idempotency_key, adjusting=False
        )
        return rewards_node(account)

    @strawberry.mutation
    async def adjust_rewards(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        amount: Decimal,
        reason: str,
        idempotency_key: str,
    ) -> Rewards:
        """A positive amount adds rewards, a negative one takes them back (never below 0)."""
        account = await resolvers.grant_reward(
            info.context, str(resident_id), amount, reason, idempotency_key, adjusting=True
        )
        return rewards_node(account)

    @strawberry.mutation
    async def apply_rewards(
        self,
        info: Info[RequestContext, None],
        bill_id: strawberry.ID,
        idempotency_key: str,
        amount: Decimal | None = None,
    ) -> Bill:
        ctx = info.context
        bill = await resolvers.apply_rewards(ctx, str(bill_id), amount, idempotency_key)
        return bill_node(bill, today(ctx))

    @strawberry.mutation
    async def configure_rewards(
        self, info: Info[RequestContext, None], input: ConfigureRewardsInput
    ) -> RewardsConfig:
        ctx = info.context
        found = await resolvers.configure_rewards(
            ctx,
            input.streak_enabled,
            [(t.months_required, t.amount, t.recurring) for t in input.tiers],
            input.prepayment_reward_percent,
        )
        return config_node(found, ctx.require_access().estate.currency)
