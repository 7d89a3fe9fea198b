"""Estates: the tenant itself, its settings, and provisioning new ones (platform
operators)."""

from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers import estates as resolvers
from resolvers.context import RequestContext
from resolvers.operations import may_see_settings
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.shared import Connection, Money, connection, convert, plain
from services.estates.provisioning import EstateInput
from services.estates.settings import fee_percent
from tenants.models import Estate as EstateRow


@strawberry.type
class EstateSettings:
    platform_fee_percent: Decimal = strawberry.field(
        description="The platform's cut of each bill payment, in percent (platform operator's)"
    )
    platform_fee_fixed: Money = strawberry.field(
        description="Added to the percentage on each payment (platform operator's)"
    )
    payout_provider: PaymentProvider | None = strawberry.field(
        description="Sends the estate's payouts (PAYSTACK or FLUTTERWAVE); null: its default "
        "gateway (estate admins')"
    )
    auto_payout_threshold: Money | None = strawberry.field(
        description="Available balance above which the estate is paid out (estate admins')"
    )


def settings_node(row: EstateRow) -> EstateSettings:
    threshold = row.auto_payout_threshold
    return EstateSettings(
        platform_fee_percent=fee_percent(row),
        platform_fee_fixed=Money.of(row.platform_fee_fixed, row.currency),
        payout_provider=PaymentProvider(row.payout_provider) if row.payout_provider else None,
        auto_payout_threshold=(
            Money.of(threshold, row.currency) if threshold is not None else None
        ),
    )


@strawberry.type
class Estate:
    id: strawberry.ID
    slug: str
    name: str
    currency: str
    timezone: str
    row: strawberry.Private[EstateRow]

    @strawberry.field(
        description="Fees and payout settings: the estate's admins and the platform operator "
        "see them, null for anyone else"
    )
    def settings(self, info: Info[RequestContext, None]) -> EstateSettings | None:
        if not may_see_settings(info.context, self.row.id):
            return None
        return settings_node(self.row)


def estate_node(row: EstateRow) -> Estate:
    return convert(Estate, row, row=row)


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
        return estate_node(resolvers.estate(info.context))

    @strawberry.field(metadata=UNSCOPED)
    async def estates(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[Estate]:
        page = await resolvers.estates(info.context, first, after)
        return connection(page, estate_node)


@strawberry.type
class EstateMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def create_estate(
        self, info: Info[RequestContext, None], input: CreateEstateInput
    ) -> Estate:
        data = plain(EstateInput, input)
        return estate_node(await resolvers.create_estate(info.context, data))
