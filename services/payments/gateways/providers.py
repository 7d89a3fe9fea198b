"""Every payment provider, declared once. A provider with an API declares itself on its
gateway class (`provider`, `required_credentials`, `webhooks`); the others are declared
here. The gateway settings' checks and adapters (`gateways.config`) and the webhook
endpoint (`payments.webhooks`) are built from `PROVIDERS`, and `NAMES` is the list the
API's `PaymentProvider` enum mirrors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from services.payments.gateways.base import CircuitBreaker, Gateway
from services.payments.gateways.bitcoin import BitcoinGateway
from services.payments.gateways.flutterwave import FlutterwaveGateway
from services.payments.gateways.paystack import PaystackGateway
from services.payments.gateways.stripe import StripeGateway


class GatewayClass(Protocol):
    """A gateway class: its provider's declaration, and the adapter it builds from an
    estate's settings (credentials, API address override)."""

    provider: str
    required_credentials: tuple[str, ...]
    webhooks: bool

    def __call__(
        self, credentials: dict[str, str], base_url: str | None, breaker: CircuitBreaker
    ) -> Gateway: ...


@dataclass(frozen=True)
class Provider:
    # Payment.provider, GatewayConfig.provider and the API's PaymentProvider value.
    name: str
    # What an estate's settings for it must hold; None: it has no settings.
    credentials: tuple[str, ...] | None = None
    # The adapter an estate's settings build; None: no API to call.
    gateway: GatewayClass | None = None
    # Posts events to /webhooks/{slug}/{estate}.
    webhooks: bool = False

    @property
    def slug(self) -> str:
        return self.name.lower()


def declared_by(gateway: GatewayClass) -> Provider:
    return Provider(gateway.provider, gateway.required_credentials, gateway, gateway.webhooks)


PROVIDERS: tuple[Provider, ...] = (
    # The resident's own wallet: nothing to configure (`gateways.wallet`).
    Provider("WALLET"),
    declared_by(StripeGateway),
    declared_by(PaystackGateway),
    declared_by(FlutterwaveGateway),
    declared_by(BitcoinGateway),
    # Bank transfers an admin confirms: the settings are the account payers are shown.
    Provider("MANUAL", credentials=("bankName", "accountNumber", "accountName")),
)
BY_NAME: dict[str, Provider] = {provider.name: provider for provider in PROVIDERS}
NAMES: tuple[str, ...] = tuple(provider.name for provider in PROVIDERS)
