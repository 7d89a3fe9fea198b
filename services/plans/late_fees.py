"""Late fees on plan bills (the scheduled job).

A bill a run issued that is still unpaid `graceDays` after its due date gets its plan's
late fee as a linked bill of its own ("Late fee 1 on BILL-000042"), and another after
each further `graceDays`, at most `maxApplications` in all. The fee is the plan's fixed
amount, or its percent of the bill's balance due at the time (rounded half to even).
How many fees are due is computed from the day (in the estate's time zone), and each
(bill, application) is unique, so re-runs, overlapping runs and a clock set back apply
nothing twice; a job down for weeks applies the missed ones at once."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from tortoise.exceptions import IntegrityError

from services.bills.invoices import half_even
from services.bills.issuing import take_numbers
from services.bills.models import Bill
from services.bills.queries import estate_today
from services.money import to_major
from services.notifications.inbox import notify
from services.plans.models import BillingPlan, BillRunLine, LateFee
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import savepoint

UNPAID = ("PENDING_ACKNOWLEDGMENT", "ACKNOWLEDGED", "PARTIALLY_PAID", "OVERDUE")
KIND = "LATE_FEE"


def fee_for(plan: BillingPlan, balance_due: int) -> int:
    if plan.late_fee_fixed is not None:
        return plan.late_fee_fixed
    return half_even(balance_due * (plan.late_fee_percent_bp or 0), 10_000)


def applications_due(plan: BillingPlan, days_late: int) -> int:
    grace = plan.late_fee_grace_days or 0
    if grace <= 0 or days_late < grace:
        return 0
    return min(days_late // grace, plan.late_fee_max_applications)


async def apply_late_fees(estate: Estate, now: datetime) -> int:
    """Every late fee due in the current estate; returns how many were applied."""
    today = estate_today(estate, now)
    plans = {
        str(p.id): p
        for p in await BillingPlan.filter(
            late_fee_grace_days__isnull=False, late_fee_max_applications__gt=0
        )
    }
    if not plans:
        return 0
    shortest = min(p.late_fee_grace_days or 0 for p in plans.values())
    rows = await BillRunLine.filter(
        run__plan_id__in=list(plans),
        bill_id__isnull=False,
        bill__status__in=UNPAID,
        bill__due_date__lte=today - timedelta(days=shortest),
    ).values_list("bill_id", "run__plan_id")
    plan_of = {uuid.UUID(str(b)): plans[str(p)] for b, p in rows}
    if not plan_of:
        return 0
    counts: dict[uuid.UUID, int] = {}
    for bill_id, n in await LateFee.filter(bill_id__in=list(plan_of)).values_list(
        "bill_id", "application"
    ):
        key = uuid.UUID(str(bill_id))
        counts[key] = max(counts.get(key, 0), n)
    made = 0
    bills = await Bill.filter(id__in=list(plan_of)).order_by("due_date", "number")
    for bill in bills:
        plan = plan_of[bill.id]
        due = applications_due(plan, (today - bill.due_date).days)
        for application in range(counts.get(bill.id, 0) + 1, due + 1):
            if await _apply(bill, plan, application, today):
                made += 1
    return made


async def _apply(bill: Bill, plan: BillingPlan, application: int, today: date) -> bool:
    amount = fee_for(plan, bill.balance_due)
    if amount <= 0:
        return False
    try:
        async with savepoint():  # a savepoint: a lost race undoes this
            (number,) = await take_numbers(1)
            acknowledged = bill.status != "PENDING_ACKNOWLEDGMENT"
            fee = await Bill.create(
                number=number,
                resident_id=bill.resident_id,
                unit_id=bill.unit_id,
                title=f"Late fee {application} on {bill.number}",
                description=f"{bill.title}: unpaid {application * (plan.late_fee_grace_days or 0)} "
                "days after its due date",
                type=plan.bill_type,
                amount=amount,
                currency=bill.currency,
                due_date=today,
                status="ACKNOWLEDGED" if acknowledged else "PENDING_ACKNOWLEDGMENT",
                acknowledged_at=bill.acknowledged_at if acknowledged else None,
            )
            await LateFee.create(bill=bill, application=application, fee_bill=fee, amount=amount)
            owner = await Resident.get(id=bill.resident_id)
            await notify(
                [owner.user_id],
                KIND,
                f"Late fee {number} on {bill.number}",
                f"{to_major(amount, bill.currency)} {bill.currency}, due now",
                data={
                    "billNumber": number,
                    "amount": f"{to_major(amount, bill.currency)} {bill.currency}",
                    "dueDate": fee.due_date.isoformat(),
                },
            )
    except IntegrityError:  # applied by a concurrent run
        return False
    return True
