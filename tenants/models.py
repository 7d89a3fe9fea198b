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
    # PROVISIONING until its schema is at head; only ACTIVE estates are served.
    status = fields.CharField(max_length=16, default="PROVISIONING")
    # The platform's cut of each bill payment: basis points and/or a fixed minor amount.
    platform_fee_bps = fields.IntField(default=0)
    platform_fee_fixed = fields.BigIntField(default=0)
    # Estate admins': the provider payouts go through (PAYSTACK or FLUTTERWAVE; None: the
    # default gateway), and the available balance (minor units) above which the estate
    # is paid out automatically (None: never).
    payout_provider = fields.CharField(max_length=16, null=True)
    auto_payout_threshold = fields.BigIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "shared"
        table = "estates"
        ordering = ("created_at", "id")
