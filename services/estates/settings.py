"""An estate's settings (`updateEstateSettings`): who may change what, and the change
itself, audited in the estate. The platform operator sets the platform's fees; the
estate's admins set its name, time zone, payout provider and auto-payout (threshold and
account; the payout ones kept by `services.payouts.settings`)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from tortoise.transactions import in_transaction

from services import validation
from services.audit.log import record
from services.errors import Forbidden, ValidationFailed
from services.events import changed
from services.identity import revocations
from services.money import parse_amount, to_major
from services.payments.transfers.providers import TRANSFER_PROVIDERS
from services.payouts import settings as payout_settings
from services.payouts.queries import resolve_destination
from tenants.apps import SHARED_CONNECTION
from tenants.models import Estate
from tenants.scope import tenant_scope

# Providers that can send bank transfers (payouts).
PAYOUT_PROVIDERS = TRANSFER_PROVIDERS
BASIS_POINTS = Decimal(100)  # per percent
PLATFORM_FIELDS = frozenset({"platform_fee_percent", "platform_fee_fixed"})
# The API's names of the fields, for errors.
API_NAMES = {
    "name": "name",
    "timezone": "timezone",
    "platform_fee_percent": "platformFeePercent",
    "platform_fee_fixed": "platformFeeFixed",
    "payout_provider": "payoutProvider",
    "auto_payout_threshold": "autoPayoutThreshold",
    "auto_payout_bank_account": "autoPayoutBankAccount",
}
PAYOUT_FIELDS = frozenset({"payout_provider", "auto_payout_threshold", "auto_payout_bank_account"})
UNCHANGED: Any = object()  # a field the input left out


@dataclass(frozen=True)
class SettingsChange:
    """Each field UNCHANGED unless given; None clears the three that may be cleared
    (payoutProvider, autoPayoutThreshold, autoPayoutBankAccount: a `BankAccount`)."""

    name: Any = UNCHANGED
    timezone: Any = UNCHANGED
    platform_fee_percent: Any = UNCHANGED
    platform_fee_fixed: Any = UNCHANGED
    payout_provider: Any = UNCHANGED
    auto_payout_threshold: Any = UNCHANGED
    auto_payout_bank_account: Any = UNCHANGED

    def given(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) is not UNCHANGED
        }


def snapshot(estate: Estate) -> dict[str, Any]:
    """The estate row's settings as the API shows them (the audit's before and after)."""
    return {
        "name": estate.name,
        "timezone": estate.timezone,
        "platformFeePercent": str(fee_percent(estate)),
        "platformFeeFixed": str(to_major(estate.platform_fee_fixed, estate.currency)),
    }


def fee_percent(estate: Estate) -> Decimal:
    return (Decimal(estate.platform_fee_bps) / BASIS_POINTS).quantize(Decimal("0.01"))


def _check_authority(given: dict[str, Any], platform_admin: bool, estate_admin: bool) -> None:
    for name in given:
        if name in PLATFORM_FIELDS and not platform_admin:
            raise Forbidden(
                f"only the platform operator sets {API_NAMES[name]}", field=API_NAMES[name]
            )
        if name not in PLATFORM_FIELDS and not estate_admin:
            raise Forbidden(
                f"only the estate's admins set {API_NAMES[name]}", field=API_NAMES[name]
            )


def _percent_bps(value: object) -> int:
    field = "platformFeePercent"
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationFailed(f"{field} must be a number", field=field)
    if value < 0 or value > 100:
        raise ValidationFailed(f"{field} must be between 0 and 100", field=field)
    bps = value * BASIS_POINTS
    if bps != bps.to_integral_value():
        raise ValidationFailed(f"{field} has at most 2 decimal places", field=field)
    return int(bps)


def _minor(value: Decimal, currency: str, field: str, max_major: Decimal) -> int:
    if isinstance(value, Decimal) and value == 0:
        return 0  # no fixed fee
    return parse_amount(value, currency, field=field, max_major=max_major).minor


def _apply(estate: Estate, given: dict[str, Any], max_major: Decimal) -> list[str]:
    """Validate every given field onto `estate`; the columns changed."""
    columns = []
    if "name" in given:
        estate.name = validation.text(given["name"], "name", max_length=200)
        columns.append("name")
    if "timezone" in given:
        estate.timezone = validation.timezone(given["timezone"])
        columns.append("timezone")
    if "platform_fee_percent" in given:
        estate.platform_fee_bps = _percent_bps(given["platform_fee_percent"])
        columns.append("platform_fee_bps")
    if "platform_fee_fixed" in given:
        estate.platform_fee_fixed = _minor(
            given["platform_fee_fixed"], estate.currency, "platformFeeFixed", max_major
        )
        columns.append("platform_fee_fixed")
    return columns


async def update(
    estate_id: uuid.UUID,
    change: SettingsChange,
    *,
    actor_id: uuid.UUID,
    platform_admin: bool,
    estate_admin: bool,
    max_major: Decimal,
    encryption_key: str,
) -> Estate:
    """Change what `change` gives, and audit it in the estate. The estate's own row
    (shared: name, time zone, fees) and its payout settings (its own tables,
    `services.payouts.settings`) are two transactions: the row first, and nothing of
    either when any field is refused (all are checked before either is written; an
    auto-payout account is resolved with the payout provider, outside any scope)."""
    given = change.given()
    if not given:
        raise ValidationFailed("input must change at least one setting", field="input")
    _check_authority(given, platform_admin, estate_admin)
    found = await Estate.get(id=estate_id)
    payouts = await _payout_change(given, found, max_major, encryption_key)
    if payouts is not None:
        async with tenant_scope(found.slug):
            await payout_settings.check(payouts)
    async with in_transaction(SHARED_CONNECTION):
        estate = await Estate.filter(id=estate_id).select_for_update().get()
        before = snapshot(estate)
        if columns := _apply(estate, given, max_major):
            await estate.save(update_fields=columns)
    if columns:  # requests carry the estate they were let into: not the old one
        await revocations.revoked(revocations.estate(estate.id))
    after = snapshot(estate)
    async with tenant_scope(estate.slug):
        if payouts is not None:
            await payout_settings.update(actor_id, payouts)
        keys = [key for key in after if after[key] != before[key]]
        if keys:
            await record(
                actor_id,
                "updateEstateSettings",
                "Estate",
                estate.id,
                before={key: before[key] for key in keys},
                after={key: after[key] for key in keys},
            )
        if keys or payouts is not None:
            changed("estate", estate.id)
    return estate


async def _payout_change(
    given: dict[str, Any], estate: Estate, max_major: Decimal, encryption_key: str
) -> payout_settings.SettingsChange | None:
    """The payout part of the change, checked; None when there is none. A threshold of
    null (or 0) turns the daily auto-payout off; its account is resolved with the payout
    provider this change leaves (a provider call)."""
    if not PAYOUT_FIELDS & set(given):
        return None
    provider = given.get("payout_provider")
    if provider is not None and provider not in PAYOUT_PROVIDERS:
        raise ValidationFailed(
            f"payoutProvider must be one of {', '.join(PAYOUT_PROVIDERS)}",
            field="payoutProvider",
        )
    threshold = given.get("auto_payout_threshold")
    off = "auto_payout_threshold" in given and (threshold is None or threshold == 0)
    amount = None
    if threshold is not None and not off:
        amount = parse_amount(
            threshold, estate.currency, field="autoPayoutThreshold", max_major=max_major
        )
    account = given.get("auto_payout_bank_account")
    destination = None
    if account is not None:
        # No gateway to resolve it with: blame the provider named, else the account.
        blamed = "payoutProvider" if provider else payout_settings.ACCOUNT_FIELD
        fields = (blamed, payout_settings.ACCOUNT_FIELD)
        destination = await resolve_destination(estate, provider, account, encryption_key, fields)
    return payout_settings.SettingsChange(
        payout_provider=provider,
        auto_payout_threshold=amount,
        auto_payout_account=destination,
        clear_auto_payout=off,
        clear_auto_payout_account="auto_payout_bank_account" in given and account is None,
        clear_payout_provider="payout_provider" in given and provider is None,
    )
