from __future__ import annotations

from resolvers.context import RequestContext
from services.bitcoin import overview


async def bitcoin_gateway(ctx: RequestContext) -> overview.GatewayView | None:
    ctx.require_admin()
    return await overview.gateway_view(ctx.settings.encryption_key)
