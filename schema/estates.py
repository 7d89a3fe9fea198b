"""Estates: the tenant itself, and provisioning new ones (platform operators)."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import estates as resolvers
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.shared import Connection, Money, connection, convert, plain
from services.estates.provisioning import EstateInput
from services.payouts.models import PayoutSettings


@strawberry.type
class EstateSettings:
    payout_provider: PaymentProvider | None = strawberry.field(
        description="Sends payouts; null: the default gateway, when it is PAYSTACK or FLUTTERWAVE."
    )
    auto_payout_threshold: Money | None


def settings_node(row: PayoutSettings, currency: str) -> EstateSettings:
    threshold = row.auto_payout_threshold
    return EstateSettings(
        payout_provider=PaymentProvider(row.provider) if row.provider else None,
        auto_payout_threshold=Money.of(threshold, currency) if threshold is not None else None,
    )


@strawberry.enum
class EstateStatus(Enum):
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    ARCHIVED = "ARCHIVED"


@strawberry.type
class Estate:
    id: strawberry.ID
    slug: str
    name: str
    currency: str
    timezone: str
    status: EstateStatus
    status_reason: str | None  # why it is suspended

    @strawberry.field(description="The X-Tenant estate's settings; null for any other estate.")
    async def settings(self, info: Info[RequestContext, None]) -> EstateSettings | None:
        row = await resolvers.settings(info.context, self.slug)
        return settings_node(row, self.currency) if row is not None else None


@strawberry.input
class CreateEstateInput:
    slug: str
    name: str
    currency: str
    timezone: str
    admin_email: str
    admin_full_name: str
    admin_password: str


@strawberry.type
class EstateQuery:
    @strawberry.field
    async def estate(self, info: Info[RequestContext, None]) -> Estate:
        return convert(Estate, resolvers.estate(info.context))

    @strawberry.field(metadata=UNSCOPED)
    async def estates(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[Estate]:
        page = await resolvers.estates(info.context, first, after)
        return connection(page, lambda estate: convert(Estate, estate))


@strawberry.type
class EstateMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def create_estate(
        self, info: Info[RequestContext, None], input: CreateEstateInput
    ) -> Estate:
        data = plain(EstateInput, input)
        return convert(Estate, await resolvers.create_estate(info.context, data))

    @strawberry.mutation(metadata=UNSCOPED)
    async def suspend_estate(
        self, info: Info[RequestContext, None], slug: str, reason: str
    ) -> Estate:
        """Its users are refused (FORBIDDEN, saying why); webhooks are still stored and
        applied, so no money is lost; its scheduled jobs pause."""
        return convert(Estate, await resolvers.suspend_estate(info.context, slug, reason))

    @strawberry.mutation(metadata=UNSCOPED)
    async def reactivate_estate(self, info: Info[RequestContext, None], slug: str) -> Estate:
        return convert(Estate, await resolvers.reactivate_estate(info.context, slug))

    @strawberry.mutation(metadata=UNSCOPED)
    async def archive_estate(self, info: Info[RequestContext, None], slug: str) -> Estate:
        """For good, and only with a zero balance on every account (`INVALID_STATE`)."""
        return convert(Estate, await resolvers.archive_estate(info.context, slug))
