from __future__ import annotations

from datetime import UTC, datetime

from resolvers.context import RequestContext
from services.audit.log import record
from services.errors import DomainError
from services.pagination import Page
from services.payments import webhooks
from services.payments.gateways import config as gateway_config
from services.payments.gateways.models import GatewayConfig
from services.payments.models import WebhookEvent
from tenants.scope import tenant_scope


async def gateways(ctx: RequestContext) -> list[GatewayConfig]:
    ctx.require_admin()
    return await gateway_config.list_configs()


async def configure_gateway(
    ctx: RequestContext, data: gateway_config.GatewayInput
) -> GatewayConfig:
    ctx.require_admin()
    return await gateway_config.configure(ctx.user_id, data, ctx.settings.encryption_key)


async def test_gateway_connection(ctx: RequestContext, id: str) -> tuple[bool, str]:
    """Whether the provider answers, and what it said. Runs without an operation scope:
    the provider is called with no connection held."""
    access = ctx.require_admin()
    async with tenant_scope(access.estate.slug):
        gateway = gateway_config.adapter(
            await gateway_config.get_config(id), ctx.settings.encryption_key
        )
    try:
        return True, await gateway.test_connection()
    except DomainError as exc:
        return False, exc.message


async def webhook_events(
    ctx: RequestContext,
    status: str | None,
    provider: str | None,
    first: int | None,
    after: str | None,
) -> Page[WebhookEvent]:
    ctx.require_admin()
    return await webhooks.list_events(status, provider, first, after, ctx.settings.page_size_cap)


async def replay_webhook_event(ctx: RequestContext, id: str) -> WebhookEvent:
    """A DEAD or FAILED event made due now: the worker's sweeper sends it on its next pass."""
    ctx.require_admin()
    event = await webhooks.replay(str(id), datetime.now(UTC))
    await record(ctx.user_id, "replayWebhookEvent", "WebhookEvent", event.id)
    return event
