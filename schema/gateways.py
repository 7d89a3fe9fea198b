"""Payment gateways an estate configures, and the provider webhooks they receive."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from resolvers import gateways as resolvers
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.shared import Connection, connection, convert, plain
from services.payments.gateways.config import GatewayInput
from services.payments.gateways.models import GatewayConfig as GatewayConfigModel


@strawberry.type
class GatewayConfig:
    id: strawberry.ID
    provider: PaymentProvider
    display_name: str
    api_base_url: str | None
    is_active: bool
    is_default: bool
    secrets_set: bool
    created_at: datetime


def gateway_node(config: GatewayConfigModel) -> GatewayConfig:
    return convert(GatewayConfig, config, secrets_set=bool(config.credentials_encrypted))


@strawberry.type
class ConnectionTest:
    ok: bool
    message: str


@strawberry.type
class WebhookEvent:
    id: strawberry.ID
    provider: PaymentProvider
    event_id: str
    type: str
    status: str
    attempts: int
    received_at: datetime
    processed_at: datetime | None
    error: str | None
    next_attempt_at: datetime | None


@strawberry.input
class GatewaySettingsInput:
    """Bitcoin's: confirmations to wait for (1-20, default 2), the payment window
    (1-1440 minutes, default 30) and a CoinGecko-compatible rate API."""

    required_confirmations: int | None = None
    payment_window_minutes: int | None = None
    rate_api_url: str | None = None


@strawberry.input
class ConfigureGatewayInput:
    provider: PaymentProvider
    display_name: str
    credentials: JSON | None = None
    api_base_url: str | None = None
    is_active: bool = True
    is_default: bool = False
    settings: GatewaySettingsInput | None = None


def _settings(given: GatewaySettingsInput | None) -> dict[str, object] | None:
    if given is None:
        return None
    return {
        "requiredConfirmations": given.required_confirmations,
        "paymentWindowMinutes": given.payment_window_minutes,
        "rateApiUrl": given.rate_api_url,
    }


@strawberry.input
class WebhookEventFilter:
    status: str | None = None
    provider: PaymentProvider | None = None


@strawberry.type
class GatewayQuery:
    @strawberry.field
    async def gateways(self, info: Info[RequestContext, None]) -> list[GatewayConfig]:
        return [gateway_node(c) for c in await resolvers.gateways(info.context)]

    @strawberry.field
    async def webhook_events(
        self,
        info: Info[RequestContext, None],
        filter: WebhookEventFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[WebhookEvent]:
        where = filter or WebhookEventFilter()
        provider = where.provider.value if where.provider else None
        page = await resolvers.webhook_events(info.context, where.status, provider, first, after)
        return connection(page, lambda event: convert(WebhookEvent, event))


@strawberry.type
class GatewayMutation:
    @strawberry.mutation
    async def configure_gateway(
        self, info: Info[RequestContext, None], input: ConfigureGatewayInput
    ) -> GatewayConfig:
        data = plain(GatewayInput, input, settings=_settings(input.settings))
        return gateway_node(await resolvers.configure_gateway(info.context, data))

    @strawberry.mutation
    async def replay_webhook_event(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> WebhookEvent:
        return convert(WebhookEvent, await resolvers.replay_webhook_event(info.context, id))

    @strawberry.mutation(metadata=UNSCOPED)
    async def test_gateway_connection(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> ConnectionTest:
        ok, message = await resolvers.test_gateway_connection(info.context, id)
        return ConnectionTest(ok=ok, message=message)
