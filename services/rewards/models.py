from __future__ import annotations

from tortoise import fields

from services.bills.models import Bill
from services.residents.models import Resident
from tenants.scope import TenantModel


class RewardsConfig(TenantModel):
    """One row per estate: how residents earn rewards."""

    id = fields.IntField(primary_key=True)
    streak_enabled = fields.BooleanField(default=False)
    # Percent in hundredths of what a payment credits beyond the balance due.
    prepayment_reward_bp = fields.IntField(default=0)
    # [{"monthsRequired": 3, "amount": 50000, "recurring": false}, ...] (minor units)
    tiers: fields.Field[list] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "rewards_config"


class RewardStreak(TenantModel):
    """Where the monthly streak evaluation stands for one resident."""

    id = fields.UUIDField(primary_key=True)
    resident: fields.OneToOneRelation[Resident] = fields.OneToOneField(
        "tenant.Resident", related_name="streak", on_delete=fields.CASCADE
    )
    streak = fields.IntField(default=0)
    # The first day of the last month evaluated.
    evaluated_through = fields.DateField(null=True)
    # Tier ("<months>:once" or "<months>:recurring") -> times granted in this streak.
    granted: fields.Field[dict] = fields.JSONField(default=dict)

    resident_id: str

    class Meta:
        app = "tenant"
        table = "reward_streaks"


class RewardRedemption(TenantModel):
    """Rewards applied to a bill. `payment_id`: the bill payment it went with (payBill with
    useRewards), whose full refund returns them."""

    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="redemptions", on_delete=fields.RESTRICT
    )
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="redemptions", on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    idempotency_key = fields.CharField(max_length=200, unique=True)
    request_fingerprint = fields.CharField(max_length=64)
    payment_id = fields.UUIDField(null=True)
    returned_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    resident_id: str
    bill_id: str

    class Meta:
        app = "tenant"
        table = "reward_redemptions"
