"""Each estate's provider settings: credentials encrypted at rest, never returned; one
default gateway; adapters built from them."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

from cryptography.fernet import Fernet, InvalidToken

from services import validation
from services.audit.log import record
from services.bitcoin.terms import account_key, checked_terms
from services.errors import NotFound, ValidationFailed
from services.payments.gateways.base import Gateway, breaker_for
from services.payments.gateways.models import GatewayConfig
from services.payments.gateways.providers import BY_NAME, PROVIDERS
from services.payments.gateways.wallet import WalletGateway
from tenants.models import Estate
from tenants.scope import current_scope, savepoint

# The credential keys each configurable provider needs (API.md's `credentials: JSON`).
REQUIRED_CREDENTIALS = {p.name: p.credentials for p in PROVIDERS if p.credentials is not None}


@lru_cache(maxsize=4)
def cipher(key: str) -> Fernet:
    return Fernet(key.encode())


@dataclass(frozen=True)
class GatewayInput:
    provider: str
    display_name: str
    credentials: dict[str, Any] | None
    api_base_url: str | None
    is_active: bool
    is_default: bool
    # Not secret; only Bitcoin has any (`services.bitcoin.terms`).
    settings: dict[str, Any] | None = None


def _checked_credentials(provider: str, credentials: Any) -> dict[str, str]:
    if not isinstance(credentials, dict):
        raise ValidationFailed("credentials must be a JSON object", field="credentials")
    for key in REQUIRED_CREDENTIALS[provider]:
        if not str(credentials.get(key) or "").strip():
            raise ValidationFailed(
                f"credentials.{key} is required for {provider}", field=f"credentials.{key}"
            )
    if provider == "BITCOIN":  # a watch-only key, checked for what it is (never a private one)
        account_key(credentials)
    return {str(k): str(v) for k, v in credentials.items()}


def _checked_settings(
    provider: str, settings: dict[str, Any] | None, stored: dict[str, Any] | None
) -> dict[str, Any] | None:
    if provider == "BITCOIN":
        return checked_terms(settings, stored).stored()
    if settings is not None:
        raise ValidationFailed(f"{provider} takes no settings", field="settings")
    return stored


def _checked_url(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationFailed("apiBaseUrl must be an http(s) URL", field="apiBaseUrl")
    return url.rstrip("/")


async def configure(actor_id: uuid.UUID | None, data: GatewayInput, key: str) -> GatewayConfig:
    if data.provider not in REQUIRED_CREDENTIALS:
        raise ValidationFailed("unknown provider", field="provider")
    name = validation.text(data.display_name, "displayName", max_length=100)
    url = _checked_url(data.api_base_url)
    async with savepoint():
        config = await GatewayConfig.filter(provider=data.provider).select_for_update().first()
        if config is None and data.credentials is None:
            raise ValidationFailed("credentials are required", field="credentials")
        if data.provider == "BITCOIN":  # the chain watch visits this estate from now on
            await Estate.filter(slug=current_scope().slug).update(watches_bitcoin=True)
        if data.credentials is not None:
            secret = json.dumps(_checked_credentials(data.provider, data.credentials))
            encrypted = cipher(key).encrypt(secret.encode()).decode()
        else:
            assert config is not None
            encrypted = config.credentials_encrypted
        settings = _checked_settings(
            data.provider, data.settings, config.settings if config is not None else None
        )
        if data.is_default:
            await GatewayConfig.filter(is_default=True).update(is_default=False)
        values: dict[str, Any] = {
            "display_name": name,
            "credentials_encrypted": encrypted,
            "settings": settings,
            "api_base_url": url,
            "is_active": data.is_active,
            "is_default": data.is_default,
        }
        if config is None:
            config = await GatewayConfig.create(provider=data.provider, **values)
        else:
            config.update_from_dict(values)
            await config.save()
        await record(
            actor_id,
            "configureGateway",
            "GatewayConfig",
            config.id,
            after={
                "provider": data.provider,
                "displayName": name,
                "apiBaseUrl": url,
                "isActive": data.is_active,
                "isDefault": data.is_default,
                "settings": settings,
                "credentialsChanged": data.credentials is not None,
            },
        )
    return config


def credentials_of(config: GatewayConfig, key: str) -> dict[str, str]:
    try:
        loaded: dict[str, str] = json.loads(cipher(key).decrypt(config.credentials_encrypted))
    except InvalidToken as exc:
        raise RuntimeError("gateway credentials do not decrypt: ENCRYPTION_KEY changed?") from exc
    return loaded


def adapter(config: GatewayConfig, key: str) -> Gateway:
    credentials = credentials_of(config, key)
    breaker = breaker_for(current_scope().slug, config.provider)
    declared = BY_NAME.get(config.provider)
    if declared is None or declared.gateway is None:
        raise ValidationFailed(
            f"{config.provider} payments are not available yet", field="provider"
        )
    return declared.gateway(credentials, config.api_base_url, breaker)


async def gateway_for(provider: str, key: str) -> Gateway | None:
    """The adapter that moves money for the current estate's payments of `provider`:
    the wallet needs no settings; None for manual bank transfers (people move that money)."""
    if provider == "WALLET":
        return WalletGateway(current_scope().slug)
    if provider == "MANUAL":
        return None
    return adapter(await active_config(provider), key)


async def list_configs() -> list[GatewayConfig]:
    return list(await GatewayConfig.all().order_by("provider"))


async def get_config(config_id: str) -> GatewayConfig:
    try:
        wanted = uuid.UUID(str(config_id))
    except ValueError as exc:
        raise NotFound("gateway not found", field="id") from exc
    config = await GatewayConfig.get_or_none(id=wanted)
    if config is None:
        raise NotFound("gateway not found", field="id")
    return config


async def active_config(provider: str | None) -> GatewayConfig:
    """The named provider's active settings, or the estate's default gateway."""
    query = GatewayConfig.filter(is_active=True)
    config = await (
        query.filter(provider=provider) if provider else query.filter(is_default=True)
    ).first()
    if config is None:
        raise ValidationFailed(
            f"{provider or 'no default'} gateway is not configured for this estate",
            field="provider",
        )
    return config
