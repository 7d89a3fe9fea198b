from __future__ import annotations

from tortoise import fields

from services.properties.models import Unit
from services.residents.models import Resident
from tenants.scope import TenantModel

BILL_TYPES = (
    "SERVICE_CHARGE",
    "SECURITY",
    "WASTE",
    "WATER",
    "ELECTRICITY",
    "LEVY",
    "RENT",
    "OTHER",
)


class Bill(TenantModel):
    id = fields.UUIDField(primary_key=True)
    number = fields.CharField(max_length=20, unique=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="bills", on_delete=fields.RESTRICT
    )
    unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "tenant.Unit", related_name="bills", on_delete=fields.RESTRICT, null=True
    )
    title = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    type = fields.CharField(max_length=20)
    amount = fields.BigIntField()  # minor units: subtotal - discount + tax
    # The invoice's figures (services/bills/invoices.py); a bill without line items has
    # subtotal = amount and no tax or discount.
    subtotal = fields.BigIntField(null=True)
    tax = fields.BigIntField(default=0)
    discount = fields.BigIntField(default=0)
    # Percent in hundredths (7.5% = 750), so the rate is exact.
    tax_rate_bp = fields.IntField(default=0)
    amount_paid = fields.BigIntField(default=0)
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=24, default="PENDING_ACKNOWLEDGMENT", db_index=True)
    due_date = fields.DateField()
    acknowledged_at = fields.DatetimeField(null=True)
    dispute_reason = fields.TextField(null=True)
    dispute_resolution = fields.TextField(null=True)
    cancel_reason = fields.TextField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    resident_id: str
    unit_id: str | None

    class Meta:
        app = "tenant"
        table = "bills"
        # Lists page newest first by (created_at, id): estate-wide and per resident.
        indexes = (("created_at", "id"), ("resident", "created_at"), ("due_date", "status"))

    @property
    def balance_due(self) -> int:
        return 0 if self.status == "CANCELLED" else self.amount - self.amount_paid


class BillCounter(TenantModel):
    """One row per estate: the last bill number handed out. Taking numbers updates this
    row inside the creating transaction, so numbers have no gaps or duplicates."""

    id = fields.IntField(primary_key=True)
    last_number = fields.BigIntField(default=0)

    class Meta:
        app = "tenant"
        table = "bill_counter"


class BillNotice(TenantModel):
    """A notice sent about a bill by the schedule ("overdue", "before:3", "after:7"): the
    unique pair is what makes each one go out at most once, however often the job runs."""

    id = fields.UUIDField(primary_key=True)
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="notices", on_delete=fields.CASCADE
    )
    notice = fields.CharField(max_length=20)
    sent_at = fields.DatetimeField()

    bill_id: str

    class Meta:
        app = "tenant"
        table = "bill_notices"
        unique_together = (("bill", "notice"),)


class BillLine(TenantModel):
    """One line of a bill's invoice; `amount` = quantity x unit amount, rounded half-even
    to the minor unit once, when the bill is issued."""

    id = fields.BigIntField(primary_key=True)
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="lines", on_delete=fields.CASCADE
    )
    position = fields.IntField()
    description = fields.CharField(max_length=500)
    # Thousandths of a unit, so 2.5 units is exact.
    quantity_milli = fields.BigIntField()
    unit_amount = fields.BigIntField()
    amount = fields.BigIntField()

    bill_id: str

    class Meta:
        app = "tenant"
        table = "bill_lines"
        unique_together = (("bill", "position"),)
