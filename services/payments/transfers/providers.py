"""Which providers send payouts, and the adapter an estate's gateway settings build."""

from __future__ import annotations

from services.errors import ValidationFailed
from services.payments.gateways.base import breaker_for
from services.payments.gateways.config import credentials_of
from services.payments.gateways.models import GatewayConfig
from services.payments.transfers.base import TransferProvider
from services.payments.transfers.flutterwave import FlutterwaveTransfers
from services.payments.transfers.paystack import PaystackTransfers
from tenants.scope import current_scope

TRANSFER_PROVIDERS: dict[str, type[PaystackTransfers] | type[FlutterwaveTransfers]] = {
    "PAYSTACK": PaystackTransfers,
    "FLUTTERWAVE": FlutterwaveTransfers,
}


def transfers_adapter(config: GatewayConfig, key: str) -> TransferProvider:
    """Call inside the estate's scope (the breaker is per estate); use it outside."""
    cls = TRANSFER_PROVIDERS.get(config.provider)
    if cls is None:
        raise ValidationFailed(f"{config.provider} cannot send payouts", field="provider")
    breaker = breaker_for(current_scope().slug, f"{config.provider}:transfers")
    return cls(credentials_of(config, key), config.api_base_url, breaker)
