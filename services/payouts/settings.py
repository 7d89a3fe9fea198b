"""The estate's payout settings: which provider sends payouts, and the auto-payout
threshold."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from services.audit.log import record
from services.errors import ValidationFailed
from services.money import Money
from services.payments.gateways.config import active_config
from services.payments.gateways.models import GatewayConfig
from services.payments.transfers.providers import TRANSFER_PROVIDERS
from services.payouts.models import PayoutSettings

SETTINGS_ID = 1


@dataclass(frozen=True)
class SettingsChange:
    """What `updateEstateSettings` changes; a field left out stays as it is."""

    payout_provider: str | None = None
    auto_payout_threshold: Money | None = None
    clear_auto_payout: bool = False
    clear_payout_provider: bool = False  # back to the default gateway


async def current() -> PayoutSettings:
    found = await PayoutSettings.get_or_none(id=SETTINGS_ID)
    return found or PayoutSettings(id=SETTINGS_ID)


async def update(actor_id: uuid.UUID, change: SettingsChange) -> PayoutSettings:
    if change.payout_provider is not None and change.payout_provider not in TRANSFER_PROVIDERS:
        raise ValidationFailed(
            f"payoutProvider must be one of {', '.join(TRANSFER_PROVIDERS)}",
            field="payoutProvider",
        )
    row, _ = await PayoutSettings.get_or_create(id=SETTINGS_ID)
    row = await PayoutSettings.filter(id=SETTINGS_ID).select_for_update().get()
    if change.payout_provider is not None:
        row.provider = change.payout_provider
    if change.clear_payout_provider:
        row.provider = None
    if change.auto_payout_threshold is not None:
        row.auto_payout_threshold = change.auto_payout_threshold.minor
    if change.clear_auto_payout:
        row.auto_payout_threshold = None
    await row.save()
    await record(
        actor_id,
        "updateEstateSettings",
        "EstateSettings",
        SETTINGS_ID,
        after={"payoutProvider": row.provider, "autoPayoutThreshold": row.auto_payout_threshold},
    )
    return row


async def payout_gateway(provider: str | None = None, field: str = "provider") -> GatewayConfig:
    """The active gateway settings payouts go through: `provider` when given, else the
    estate's payout provider, else its default gateway when that can send transfers."""
    chosen = provider or (await current()).provider
    if chosen is not None and chosen not in TRANSFER_PROVIDERS:
        raise ValidationFailed(f"{chosen} cannot send payouts", field=field)
    try:
        config = await active_config(chosen)
    except ValidationFailed as exc:
        raise ValidationFailed(
            f"no active {chosen or 'default'} gateway to send payouts through: "
            "configure Paystack or Flutterwave first",
            field=field,
        ) from exc
    if config.provider not in TRANSFER_PROVIDERS:
        raise ValidationFailed(
            f"the default gateway ({config.provider}) cannot send payouts: "
            "set payoutProvider to PAYSTACK or FLUTTERWAVE",
            field=field,
        )
    return config
