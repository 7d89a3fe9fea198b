from __future__ import annotations

from tortoise import fields

from services.ledger.models import Account
from services.residents.models import Resident
from tenants.scope import TenantModel


class Wallet(TenantModel):
    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="wallets", on_delete=fields.RESTRICT
    )
    account: fields.OneToOneRelation[Account] = fields.OneToOneField(
        "tenant.Account", related_name="wallet", on_delete=fields.RESTRICT
    )
    currency = fields.CharField(max_length=3)
    pin_hash = fields.CharField(max_length=255, null=True)
    failed_pin_attempts = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    frozen = fields.BooleanField(default=False)
    frozen_reason = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    resident_id: str
    account_id: str

    class Meta:
        app = "tenant"
        table = "wallets"
        unique_together = (("resident", "currency"),)
