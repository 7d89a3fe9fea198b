from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel


class GatewayConfig(TenantModel):
    """An estate's settings for one provider. Credentials are stored encrypted."""

    id = fields.UUIDField(primary_key=True)
    provider = fields.CharField(max_length=16, unique=True)
    display_name = fields.CharField(max_length=100)
    credentials_encrypted = fields.TextField()
    # Overrides the provider's API address: sandboxes, and the fakes the tests run.
    api_base_url = fields.CharField(max_length=500, null=True)
    is_active = fields.BooleanField(default=True)
    is_default = fields.BooleanField(default=False)
    # Settings that are not secret (Bitcoin: confirmations, payment window, rate API).
    settings: fields.Field[dict | None] = fields.JSONField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "gateway_configs"
