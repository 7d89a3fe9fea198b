from __future__ import annotations

from tortoise import fields

from services.bills.models import Bill
from services.residents.models import Resident
from tenants.scope import TenantModel

PROVIDERS = ("WALLET", "STRIPE", "PAYSTACK", "FLUTTERWAVE", "BITCOIN", "MANUAL")


class Payment(TenantModel):
    id = fields.UUIDField(primary_key=True)
    reference = fields.CharField(max_length=40, unique=True)
    purpose = fields.CharField(max_length=20)  # BILL_PAYMENT, WALLET_DEPOSIT
    provider = fields.CharField(max_length=16)
    amount = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    fee = fields.BigIntField(default=0)
    status = fields.CharField(max_length=20, db_index=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="payments", on_delete=fields.RESTRICT
    )
    bill: fields.ForeignKeyNullableRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="payments", on_delete=fields.RESTRICT, null=True
    )
    idempotency_key = fields.CharField(max_length=200, unique=True, null=True)
    # Hash of the request, to tell a retry from a different request under the same key.
    request_fingerprint = fields.CharField(max_length=64, null=True)
    failure_code = fields.CharField(max_length=32, null=True)
    failure_message = fields.CharField(max_length=500, null=True)
    refunded_amount = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)

    resident_id: str
    bill_id: str | None

    class Meta:
        app = "tenant"
        table = "payments"
        indexes = (("resident", "created_at"), ("bill", "created_at"))
