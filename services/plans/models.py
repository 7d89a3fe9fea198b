"""Billing plans, the units subscribed to them, each period's bill run and what it
issued, late fees, and autopay mandates with their charges."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from services.bills.models import Bill
from services.properties.models import Unit
from services.residents.models import Resident
from tenants.scope import TenantModel

INTERVALS = ("MONTHLY", "QUARTERLY", "YEARLY")
SUBSCRIPTION_STATUSES = ("ACTIVE", "ENDING", "ENDED")


class BillingPlan(TenantModel):
    """A recurring charge of units: what (the current price is the latest
    `BillingPlanPrice` in force), how often (calendar periods), on which day of the
    period's first month bills go out, when they fall due, and the late fee."""

    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    bill_type = fields.CharField(max_length=20)
    currency = fields.CharField(max_length=3)
    interval = fields.CharField(max_length=10)
    billing_day = fields.IntField()  # 1-31; past a month's end, its last day
    due_days = fields.IntField()
    prorate = fields.BooleanField(default=False)
    # Percent in hundredths (2.5% = 250) of the bill's balance due, or a fixed amount.
    late_fee_percent_bp = fields.IntField(null=True)
    late_fee_fixed = fields.BigIntField(null=True)
    late_fee_grace_days = fields.IntField(null=True)
    late_fee_max_applications = fields.IntField(default=0)
    # The period the plan was created in: nothing earlier is ever billed.
    first_period = fields.DateField()
    archived_at = fields.DatetimeField(null=True)
    created_by = fields.UUIDField()  # shared-schema user: no foreign key
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "billing_plans"
        indexes = (("created_at", "id"),)


class BillingPlanPrice(TenantModel):
    """The plan's price from a period on: a change takes effect from the next period, and
    earlier rows stay as the price history."""

    id = fields.BigIntField(primary_key=True)
    plan: fields.ForeignKeyRelation[BillingPlan] = fields.ForeignKeyField(
        "tenant.BillingPlan", related_name="prices", on_delete=fields.CASCADE
    )
    effective_from = fields.DateField()  # the first day of the first period it prices
    amount = fields.BigIntField()  # minor units: the sum of the lines when there are lines
    # [[description, quantity in thousandths, unit amount, amount], ...] or null.
    lines: fields.Field[list[list[Any]] | None] = fields.JSONField(null=True)
    created_by = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    plan_id: str

    class Meta:
        app = "tenant"
        table = "billing_plan_prices"
        unique_together = (("plan", "effective_from"),)


class PlanSubscription(TenantModel):
    """A unit charged by a plan from `start_date`, until `end_date` (inclusive) once it is
    unsubscribed: ENDING until then, ENDED after."""

    id = fields.UUIDField(primary_key=True)
    plan: fields.ForeignKeyRelation[BillingPlan] = fields.ForeignKeyField(
        "tenant.BillingPlan", related_name="subscriptions", on_delete=fields.RESTRICT
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "tenant.Unit", related_name="plan_subscriptions", on_delete=fields.RESTRICT
    )
    status = fields.CharField(max_length=10, default="ACTIVE")
    start_date = fields.DateField()
    end_date = fields.DateField(null=True)
    created_by = fields.UUIDField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    plan_id: str
    unit_id: str

    class Meta:
        app = "tenant"
        table = "plan_subscriptions"
        indexes = (("plan", "status"), ("unit", "status"), ("created_at", "id"))


class BillRun(TenantModel):
    """A plan's period, billed once: the unique (plan, period) is what makes a second run
    of it, scheduled or by hand, find this one instead of billing again."""

    id = fields.UUIDField(primary_key=True)
    plan: fields.ForeignKeyRelation[BillingPlan] = fields.ForeignKeyField(
        "tenant.BillingPlan", related_name="runs", on_delete=fields.RESTRICT
    )
    period = fields.DateField()  # the period's first day
    count = fields.IntField(default=0)  # bills issued
    total = fields.BigIntField(default=0)
    failures = fields.IntField(default=0)
    vacant = fields.IntField(default=0)  # units with vacant days in the period
    vacancy_total = fields.BigIntField(default=0)
    currency = fields.CharField(max_length=3)
    triggered_by = fields.UUIDField(null=True)  # null: the schedule
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    plan_id: str

    class Meta:
        app = "tenant"
        table = "bill_runs"
        unique_together = (("plan", "period"),)
        indexes = (("created_at", "id"),)


class BillRunLine(TenantModel):
    """What a run charged (or credited) one resident, or left vacant, for one
    subscription and period: its own period, or the one before (a true-up once the
    occupancy of that period is known)."""

    id = fields.BigIntField(primary_key=True)
    run: fields.ForeignKeyRelation[BillRun] = fields.ForeignKeyField(
        "tenant.BillRun", related_name="lines", on_delete=fields.CASCADE
    )
    subscription: fields.ForeignKeyRelation[PlanSubscription] = fields.ForeignKeyField(
        "tenant.PlanSubscription", related_name="run_lines", on_delete=fields.RESTRICT
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "tenant.Unit", related_name="run_lines", on_delete=fields.RESTRICT
    )
    resident: fields.ForeignKeyNullableRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="run_lines", on_delete=fields.RESTRICT, null=True
    )
    bill: fields.ForeignKeyNullableRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="run_lines", on_delete=fields.RESTRICT, null=True
    )
    period = fields.DateField()
    kind = fields.CharField(max_length=10)  # CHARGE, TRUE_UP, CREDIT, VACANCY, FAILED
    days = fields.IntField()
    amount = fields.BigIntField()  # signed: a credit or a vacancy true-up may be negative
    note = fields.CharField(max_length=300, null=True)

    subscription_id: str
    resident_id: str | None
    bill_id: str | None
    unit_id: str

    class Meta:
        app = "tenant"
        table = "bill_run_lines"
        indexes = (("subscription", "period"), ("period", "kind"))


class LateFee(TenantModel):
    """The n-th late fee of a plan's bill, issued as a bill of its own: the unique
    (bill, application) makes each one happen once, however often the job runs."""

    id = fields.BigIntField(primary_key=True)
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="late_fees", on_delete=fields.RESTRICT
    )
    application = fields.IntField()
    fee_bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="late_fee_of", on_delete=fields.RESTRICT
    )
    amount = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    bill_id: str
    fee_bill_id: str

    class Meta:
        app = "tenant"
        table = "late_fees"
        unique_together = (("bill", "application"),)


class AutopayMandate(TenantModel):
    """A resident's standing consent to pay a subscription's bills as they are issued,
    with the words they agreed to; revoking keeps the row (REVOKED), and so does an
    automatic pause after failed retries (PAUSED)."""

    id = fields.UUIDField(primary_key=True)
    subscription: fields.ForeignKeyRelation[PlanSubscription] = fields.ForeignKeyField(
        "tenant.PlanSubscription", related_name="mandates", on_delete=fields.RESTRICT
    )
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="mandates", on_delete=fields.RESTRICT
    )
    source = fields.CharField(max_length=16)  # WALLET, PAYMENT_METHOD
    payment_method_id = fields.UUIDField(null=True)
    consent = fields.TextField()
    consented_at = fields.DatetimeField()
    status = fields.CharField(max_length=10, default="ACTIVE")  # ACTIVE, PAUSED, REVOKED
    ended_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    subscription_id: str
    resident_id: str

    class Meta:
        app = "tenant"
        table = "autopay_mandates"
        indexes = (("subscription", "status"),)


class AutopayCharge(TenantModel):
    """One bill to collect under a mandate: tried when issued, retried 1, 3 and 7 days
    after the first failure; then the mandate pauses."""

    id = fields.UUIDField(primary_key=True)
    mandate: fields.ForeignKeyRelation[AutopayMandate] = fields.ForeignKeyField(
        "tenant.AutopayMandate", related_name="charges", on_delete=fields.RESTRICT
    )
    bill: fields.ForeignKeyRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="autopay_charges", on_delete=fields.RESTRICT, unique=True
    )
    status = fields.CharField(max_length=10, default="PENDING")  # PENDING, PAID, GAVE_UP
    attempts = fields.IntField(default=0)
    first_failed_at = fields.DatetimeField(null=True)
    next_attempt_at = fields.DatetimeField(null=True, db_index=True)
    last_failure_code = fields.CharField(max_length=32, null=True)
    last_failure = fields.CharField(max_length=500, null=True)
    payment_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    mandate_id: str
    bill_id: str

    class Meta:
        app = "tenant"
        table = "autopay_charges"


class DunningSchedule(TenantModel):
    """The estate's own reminder days (one row), in place of the deployment's
    `REMINDER_DAYS_*` for every bill of the estate."""

    id = fields.IntField(primary_key=True)
    days_before: fields.Field[list[int]] = fields.JSONField()
    days_after: fields.Field[list[int]] = fields.JSONField()
    updated_by = fields.UUIDField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "dunning_schedule"
