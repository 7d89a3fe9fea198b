"""The estate's payout settings: which provider sends payouts, and the auto-payout (a
threshold, and the account it pays into)."""

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
# The input field naming the auto-payout's account.
ACCOUNT_FIELD = "autoPayoutBankAccount"


@dataclass(frozen=True)
class Destination:
    """An account payouts go to, as the provider resolved it."""

    bank_code: str
    bank_name: str
    account_number: str
    account_name: str


@dataclass(frozen=True)
class SettingsChange:
    """What `updateEstateSettings` changes; a field left out stays as it is."""

    payout_provider: str | None = None
    auto_payout_threshold: Money | None = None
    auto_payout_account: Destination | None = None
    clear_auto_payout: bool = False
    clear_auto_payout_account: bool = False
    clear_payout_provider: bool = False  # back to the default gateway


async def current() -> PayoutSettings:
    found = await PayoutSettings.get_or_none(id=SETTINGS_ID)
    return found or PayoutSettings(id=SETTINGS_ID)


def destination(row: PayoutSettings) -> Destination | None:
    if row.auto_bank_code is None:
        return None
    return Destination(
        row.auto_bank_code,
        row.auto_bank_name or "",
        row.auto_account_number or "",
        row.auto_account_name or "",
    )


def _changed(row: PayoutSettings, change: SettingsChange) -> PayoutSettings:
    """`row` with `change` applied (not saved); refused when the auto-payout would have a
    threshold but no account to pay into."""
    if change.payout_provider is not None:
        row.provider = change.payout_provider
    if change.clear_payout_provider:
        row.provider = None
    if change.auto_payout_threshold is not None:
        row.auto_payout_threshold = change.auto_payout_threshold.minor
    if change.clear_auto_payout:
        row.auto_payout_threshold = None
    account = change.auto_payout_account
    if account is not None or change.clear_auto_payout_account:
        row.auto_bank_code = account.bank_code if account else None
        row.auto_bank_name = account.bank_name if account else None
        row.auto_account_number = account.account_number if account else None
        row.auto_account_name = account.account_name if account else None
    if row.auto_payout_threshold is not None and row.auto_bank_code is None:
        raise ValidationFailed(
            "the auto-payout needs an account to pay into: give autoPayoutBankAccount "
            "with autoPayoutThreshold (or turn the auto-payout off first)",
            field=ACCOUNT_FIELD,
        )
    return row


async def check(change: SettingsChange) -> None:
    """Refuse `change` before anything is written (in the estate's scope)."""
    _changed(await current(), change)


async def update(actor_id: uuid.UUID, change: SettingsChange) -> PayoutSettings:
    if change.payout_provider is not None and change.payout_provider not in TRANSFER_PROVIDERS:
        raise ValidationFailed(
            f"payoutProvider must be one of {', '.join(TRANSFER_PROVIDERS)}",
            field="payoutProvider",
        )
    await PayoutSettings.get_or_create(id=SETTINGS_ID)
    row = _changed(await PayoutSettings.filter(id=SETTINGS_ID).select_for_update().get(), change)
    await row.save()
    account = destination(row)
    await record(
        actor_id,
        "updateEstateSettings",
        "EstateSettings",
        SETTINGS_ID,
        after={
            "payoutProvider": row.provider,
            "autoPayoutThreshold": row.auto_payout_threshold,
            ACCOUNT_FIELD: (
                f"{account.bank_code} ...{account.account_number[-4:]}" if account else None
            ),
        },
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
