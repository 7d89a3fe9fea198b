"""The estate registry (shared schema)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Estate(Model):
    id = fields.UUIDField(primary_key=True)
    slug = fields.CharField(max_length=40, unique=True)
    name = fields.CharField(max_length=200)
    currency = fields.CharField(max_length=3)
    timezone = fields.CharField(max_length=64)
    # PROVISIONING until its schema is at head; only ACTIVE estates are served. A platform
    # admin may make it SUSPENDED (webhooks still applied) or ARCHIVED (for good).
    status = fields.CharField(max_length=16, default="PROVISIONING")
    status_reason = fields.CharField(max_length=500, null=True)
    status_changed_at = fields.DatetimeField(null=True)
    # The platform's cut of each bill payment: basis points and/or a fixed minor amount.
    platform_fee_bps = fields.IntField(default=0)
    platform_fee_fixed = fields.BigIntField(default=0)
    # Set when a Bitcoin gateway is first configured and never cleared (its payments may
    # outlive it): the minute-by-minute chain watch visits only these estates.
    watches_bitcoin = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "shared"
        table = "estates"
        ordering = ("created_at", "id")
