from __future__ import annotations

from tortoise import fields

from services.residents.models import Resident
from tenants.scope import TenantModel

STATUSES = ("ACTIVE", "PAUSED", "CANCELLED")
DEFAULT_MAX_FAILURES = 3


class RecurringPayment(TenantModel):
    """A resident's standing instruction to pay from their wallet on a schedule: their
    open bills of `bill_type` up to `amount`, or, without a bill type, `amount` to the
    estate. `next_run_date` is the period waiting to be paid; a failed period is retried
    at `next_attempt_at` until it succeeds or the plan pauses."""

    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="recurring_payments", on_delete=fields.RESTRICT
    )
    title = fields.CharField(max_length=200)
    amount = fields.BigIntField()  # minor units
    currency = fields.CharField(max_length=3)
    frequency = fields.CharField(max_length=10)
    bill_type = fields.CharField(max_length=20, null=True)
    status = fields.CharField(max_length=10, default="ACTIVE")
    start_date = fields.DateField()
    next_run_date = fields.DateField()
    next_attempt_at = fields.DatetimeField(null=True)  # set only while a retry waits
    failure_count = fields.IntField(default=0)
    max_failures = fields.IntField(default=DEFAULT_MAX_FAILURES)
    last_run_at = fields.DatetimeField(null=True)  # the last successful run
    last_failure_code = fields.CharField(max_length=32, null=True)
    last_failure = fields.CharField(max_length=500, null=True)
    created_by = fields.UUIDField()  # shared-schema user: no foreign key
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    resident_id: str

    class Meta:
        app = "tenant"
        table = "recurring_payments"
        # The run job's scan, and the pages every list reads.
        indexes = (("status", "next_run_date"), ("created_at", "id"), ("resident", "created_at"))


class RecurringRun(TenantModel):
    """One attempt to pay one period of a plan, inserted before any money moves. A
    successful run holds the period's key in `settled_key` (unique): whatever happens to
    the plan row, the database refuses a second settlement of the same period."""

    id = fields.UUIDField(primary_key=True)
    plan: fields.ForeignKeyRelation[RecurringPayment] = fields.ForeignKeyField(
        "tenant.RecurringPayment", related_name="runs", on_delete=fields.RESTRICT
    )
    period_date = fields.DateField()
    attempt = fields.IntField()
    status = fields.CharField(max_length=12)  # PAID, NOTHING_DUE, FAILED
    amount = fields.BigIntField(default=0)  # what this run paid, minor units
    currency = fields.CharField(max_length=3)
    failure_code = fields.CharField(max_length=32, null=True)
    failure_message = fields.CharField(max_length=500, null=True)
    settled_key = fields.CharField(max_length=80, unique=True, null=True)  # null: FAILED
    created_at = fields.DatetimeField(auto_now_add=True)

    plan_id: str

    class Meta:
        app = "tenant"
        table = "recurring_runs"
        unique_together = (("plan", "period_date", "attempt"),)
