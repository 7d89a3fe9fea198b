"""The estate dashboard: admins only."""

from __future__ import annotations

from strawberry.types import Info

from resolvers.context import RequestContext
from schema.types import Dashboard, DashboardPeriod
from services.dashboard.figures import figures


async def dashboard(
    info: Info[RequestContext, None], period: DashboardPeriod = DashboardPeriod.DAY
) -> Dashboard:
    ctx = info.context
    access = ctx.require_admin()
    return Dashboard.from_figures(await figures(access.estate, period.value, ctx.clock()))
