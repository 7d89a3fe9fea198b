"""The estate dashboard: admins only."""

from __future__ import annotations

from resolvers.context import RequestContext
from services.dashboard.figures import DashboardFigures, Period, figures


async def dashboard(ctx: RequestContext, period: Period) -> DashboardFigures:
    access = ctx.require_admin()
    return await figures(access.estate, period, ctx.clock())
