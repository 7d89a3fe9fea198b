"""The estate dashboard: figures of the current period, and their live updates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import dashboard as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.bills import StatusCount, status_counts
from schema.shared import Money
from services.dashboard.figures import DashboardFigures


@strawberry.enum
class DashboardPeriod(Enum):
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"


@strawberry.type
class RevenueBucket:
    bucket_start: datetime = strawberry.field(
        description="Local start of the bucket in the estate's timezone, with its offset."
    )
    amount: Money


@strawberry.type(
    description="Figures of the current period in the estate's timezone; see "
    "services/dashboard/figures.py for the exact definitions."
)
class Dashboard:
    period: DashboardPeriod
    window_start: datetime
    window_end: datetime
    collected: Money
    outstanding: Money
    overdue: Money
    collection_rate: float
    bills_by_status: list[StatusCount]
    revenue_series: list[RevenueBucket]
    paid_out: Money = strawberry.field(
        description="What payouts took to the estate's bank in the period, net of reversals."
    )


def dashboard_node(figures: DashboardFigures) -> Dashboard:
    currency = figures.currency
    return Dashboard(
        period=DashboardPeriod(figures.period),
        window_start=figures.window_start,
        window_end=figures.window_end,
        collected=Money.of(figures.collected, currency),
        outstanding=Money.of(figures.outstanding, currency),
        overdue=Money.of(figures.overdue, currency),
        collection_rate=figures.collection_rate,
        bills_by_status=status_counts(figures.bills_by_status.items()),
        revenue_series=[
            RevenueBucket(bucket_start=b.start, amount=Money.of(b.amount, currency))
            for b in figures.revenue_series
        ],
        paid_out=Money.of(figures.paid_out, currency),
    )


@strawberry.type
class DashboardQuery:
    @strawberry.field
    async def dashboard(
        self, info: Info[RequestContext, None], period: DashboardPeriod = DashboardPeriod.DAY
    ) -> Dashboard:
        return dashboard_node(await resolvers.dashboard(info.context, period.value))


@strawberry.type
class DashboardSubscription:
    @strawberry.subscription
    async def dashboard_updated(self, info: Info[RequestContext, None]) -> AsyncIterator[Dashboard]:
        return await subscriptions.dashboard_updated(info.context, dashboard_node)
