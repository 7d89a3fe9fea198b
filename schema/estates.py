"""Estates: the tenant itself, its settings, and provisioning new ones (platform
operators)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import estates as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from resolvers.operations import may_see_settings
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.shared import Connection, Money, PayoutBankAccount, connection, convert, plain
from services.estates.provisioning import EstateInput
from services.estates.settings import fee_percent
from services.payouts.models import PayoutSettings
from services.payouts.settings import destination
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
        description="Sends payouts; null: the default gateway, when it is PAYSTACK or "
        "FLUTTERWAVE (estate admins'). Null too for an estate other than X-Tenant's."
    )
    auto_payout_threshold: Money | None = strawberry.field(
        description="Available balance above which the estate is paid out daily (estate "
        "admins'); null: never. Null too for an estate other than X-Tenant's."
    )
    auto_payout_bank_account: PayoutBankAccount | None = strawberry.field(
        description="The account the daily auto-payout pays into (estate admins'). Null "
        "too for an estate other than X-Tenant's."
    )


def settings_node(estate: EstateRow, payouts: PayoutSettings | None) -> EstateSettings:
    threshold = payouts.auto_payout_threshold if payouts else None
    provider = payouts.provider if payouts else None
    account = destination(payouts) if payouts else None
    return EstateSettings(
        platform_fee_percent=fee_percent(estate),
        platform_fee_fixed=Money.of(estate.platform_fee_fixed, estate.currency),
        payout_provider=PaymentProvider(provider) if provider else None,
        auto_payout_threshold=(
            Money.of(threshold, estate.currency) if threshold is not None else None
        ),
        auto_payout_bank_account=(
            PayoutBankAccount(
                bank_code=account.bank_code,
                bank_name=account.bank_name,
                account_number_last4=account.account_number[-4:],
                account_name=account.account_name,
            )
            if account
            else None
        ),
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
    row: strawberry.Private[EstateRow]

    @strawberry.field(
        description="Fees and payout settings: the estate's admins and the platform operator "
        "see them, null for anyone else"
    )
    async def settings(self, info: Info[RequestContext, None]) -> EstateSettings | None:
        if not may_see_settings(info.context, self.row.id):
            return None
        return settings_node(self.row, await resolvers.settings(info.context, self.slug))


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

    @strawberry.mutation(metadata=UNSCOPED)
    async def suspend_estate(
        self, info: Info[RequestContext, None], slug: str, reason: str
    ) -> Estate:
        """Its users are refused (FORBIDDEN, saying why); webhooks are still stored and
        applied, so no money is lost; its scheduled jobs pause."""
        return estate_node(await resolvers.suspend_estate(info.context, slug, reason))

    @strawberry.mutation(metadata=UNSCOPED)
    async def reactivate_estate(self, info: Info[RequestContext, None], slug: str) -> Estate:
        return estate_node(await resolvers.reactivate_estate(info.context, slug))

    @strawberry.mutation(metadata=UNSCOPED)
    async def archive_estate(self, info: Info[RequestContext, None], slug: str) -> Estate:
        """For good, and only with a zero balance on every account (`INVALID_STATE`)."""
        return estate_node(await resolvers.archive_estate(info.context, slug))


@strawberry.type
class EstateSubscription:
    @strawberry.subscription
    async def estate_updated(self, info: Info[RequestContext, None]) -> AsyncIterator[Estate]:
        """The caller's estate after its settings or status change."""
        return await subscriptions.estate_updated(info.context, estate_node)
