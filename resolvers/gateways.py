from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from schema.inputs import ConfigureGatewayInput, WebhookEventFilter
from schema.types import Connection, ConnectionTest, GatewayConfig, WebhookEvent, connection
from services.audit.log import record
from services.errors import DomainError
from services.payments import webhooks
from services.payments.gateways import config as gateway_config
from tenants.scope import tenant_scope


async def gateways(info: Info[RequestContext, None]) -> list[GatewayConfig]:
    info.context.require_admin()
    return [GatewayConfig.from_model(c) for c in await gateway_config.list_configs()]


async def configure_gateway(
    info: Info[RequestContext, None], input: ConfigureGatewayInput
) -> GatewayConfig:
    ctx = info.context
    ctx.require_admin()
    credentials: Any = input.credentials
    saved = await gateway_config.configure(
        ctx.user_id,
        gateway_config.GatewayInput(
            provider=input.provider.value,
            display_name=input.display_name,
            credentials=credentials,
            api_base_url=input.api_base_url,
            is_active=input.is_active,
            is_default=input.is_default,
        ),
        ctx.settings.encryption_key,
    )
    return GatewayConfig.from_model(saved)


async def test_gateway_connection(
    info: Info[RequestContext, None], id: strawberry.ID
) -> ConnectionTest:
    """Runs without an operation scope: the provider is called with no connection held."""
    ctx = info.context
    access = ctx.require_admin()
    async with tenant_scope(access.estate.slug):
        gateway = gateway_config.adapter(
            await gateway_config.get_config(id), ctx.settings.encryption_key
        )
    try:
        return ConnectionTest(ok=True, message=await gateway.test_connection())
    except DomainError as exc:
        return ConnectionTest(ok=False, message=exc.message)


async def webhook_events(
    info: Info[RequestContext, None],
    filter: WebhookEventFilter | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[WebhookEvent]:
    ctx = info.context
    ctx.require_admin()
    where = filter or WebhookEventFilter()
    page = await webhooks.list_events(
        where.status,
        where.provider.value if where.provider else None,
        first,
        after,
        ctx.settings.page_size_cap,
    )
    return connection(page, WebhookEvent.from_model)


async def replay_webhook_event(info: Info[RequestContext, None], id: strawberry.ID) -> WebhookEvent:
    """A DEAD or FAILED event made due now: the worker's sweeper sends it on its next pass."""
    ctx = info.context
    ctx.require_admin()
    event = await webhooks.replay(str(id), datetime.now(UTC))
    await record(ctx.user_id, "replayWebhookEvent", "WebhookEvent", event.id)
    return WebhookEvent.from_model(event)
