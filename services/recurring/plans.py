"""Creating, listing, pausing, resuming and cancelling recurring payments.

Who may do what: a resident creates plans for themselves only (the plan debits their
wallet, so their PIN authorises it when the wallet has one) and manages their own; an
estate admin lists every plan and may pause, resume or cancel any. Another resident's or
another estate's plan is NOT_FOUND, never FORBIDDEN.

Status changes: ACTIVE -> PAUSED (by hand, or automatically after `max_failures`
consecutive failed attempts), PAUSED -> ACTIVE, and ACTIVE or PAUSED -> CANCELLED, which
is final. Any other change is INVALID_STATE.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from services import validation
from services.access import Viewer, get_visible, visible_rows
from services.audit.log import record
from services.bills.models import BILL_TYPES
from services.errors import InvalidState, NotFound, PinRequired, ValidationFailed
from services.money import Money, to_major
from services.notifications.inbox import notify
from services.pagination import Page, paginate
from services.recurring import schedule
from services.recurring.models import DEFAULT_MAX_FAILURES, RecurringPayment
from services.residents.models import Resident
from services.wallets.wallets import check_pin, wallet_of
from tenants.models import Estate
from tenants.scope import savepoint

MAX_FAILURES_LIMIT = 10
PAUSED_KIND = "RECURRING_PAYMENT_PAUSED"
CANCELLED_KIND = "RECURRING_PAYMENT_CANCELLED"


@dataclass(frozen=True)
class PlanDraft:
    title: str
    amount: Money
    frequency: str
    start_date: date
    bill_type: str | None = None
    max_failures: int = DEFAULT_MAX_FAILURES


def _validated(draft: PlanDraft, estate: Estate, now: datetime) -> PlanDraft:
    if draft.frequency not in schedule.FREQUENCIES:
        raise ValidationFailed(
            f"frequency must be one of {', '.join(schedule.FREQUENCIES)}", field="frequency"
        )
    if draft.bill_type is not None and draft.bill_type not in BILL_TYPES:
        raise ValidationFailed(f"billType must be one of {', '.join(BILL_TYPES)}", field="billType")
    if draft.amount.currency != estate.currency:
        raise ValidationFailed(
            f"currency must be the estate's currency {estate.currency}", field="currency"
        )
    if draft.amount.minor <= 0:  # parse_amount refuses these; other callers may not use it
        raise ValidationFailed("amount must be positive", field="amount")
    # "Today" is the estate's: a plan starting today runs at the next job after creation.
    if draft.start_date < schedule.local_today(estate.timezone, now):
        raise ValidationFailed("startDate must not be in the past", field="startDate")
    if not 1 <= draft.max_failures <= MAX_FAILURES_LIMIT:
        raise ValidationFailed(
            f"maxFailures must be between 1 and {MAX_FAILURES_LIMIT}", field="maxFailures"
        )
    return PlanDraft(
        title=validation.text(draft.title, "title", max_length=200),
        amount=draft.amount,
        frequency=draft.frequency,
        start_date=draft.start_date,
        bill_type=draft.bill_type,
        max_failures=draft.max_failures,
    )


def snapshot(plan: RecurringPayment) -> dict[str, object]:
    """What the audit log keeps of a plan."""
    return {
        "title": plan.title,
        "amount": plan.amount,
        "currency": plan.currency,
        "frequency": plan.frequency,
        "billType": plan.bill_type,
        "status": plan.status,
        "startDate": plan.start_date.isoformat(),
        "nextRunDate": plan.next_run_date.isoformat(),
        "failureCount": plan.failure_count,
        "maxFailures": plan.max_failures,
    }


async def create_plan(
    viewer: Viewer, estate: Estate, draft: PlanDraft, pin: str | None, now: datetime
) -> RecurringPayment:
    """A plan for the viewer's own wallet, first due on its start date. When the wallet
    has a PIN, the PIN is required here: it is the resident's consent to every run, which
    then pays without one."""
    if viewer.resident_id is None:
        raise NotFound("resident not found", field="residentId")
    draft = _validated(draft, estate, now)
    wallet = await wallet_of(viewer.resident_id, estate.currency)
    # Before the savepoint, as for payments: a wrong PIN is counted though creation fails.
    if wallet.pin_hash is not None:
        if pin is None:
            raise PinRequired("this wallet has a PIN: give it to authorise the plan", field="pin")
        await check_pin(wallet, pin, now)
    async with savepoint():
        plan = await RecurringPayment.create(
            resident_id=viewer.resident_id,
            title=draft.title,
            amount=draft.amount.minor,
            currency=draft.amount.currency,
            frequency=draft.frequency,
            bill_type=draft.bill_type,
            start_date=draft.start_date,
            next_run_date=draft.start_date,
            max_failures=draft.max_failures,
            created_by=viewer.user_id,
        )
        await record(
            viewer.user_id,
            "createRecurringPayment",
            "RecurringPayment",
            plan.id,
            after=snapshot(plan),
        )
    return plan


async def get_plan(
    viewer: Viewer, plan_id: str | uuid.UUID, *, lock: bool = False
) -> RecurringPayment:
    """The plan if the viewer may see it: an admin any of the estate's, a resident their own."""
    return await get_visible(RecurringPayment, viewer, plan_id, "recurring payment", lock=lock)


async def list_plans(
    viewer: Viewer, first: int | None, after: str | None, cap: int
) -> Page[RecurringPayment]:
    """Newest first: every plan for an admin, one's own for a resident."""
    query = visible_rows(RecurringPayment, viewer)
    return await paginate(query, first, after, cap, newest_first=True)


async def pause(viewer: Viewer, plan_id: str) -> RecurringPayment:
    """Stop runs until resumed. An admin pausing a resident's plan tells the resident."""
    async with savepoint():
        plan = await get_plan(viewer, plan_id, lock=True)
        if plan.status != "ACTIVE":
            raise InvalidState(f"only an active plan can be paused; this one is {plan.status}")
        before = snapshot(plan)
        plan.status, plan.next_attempt_at = "PAUSED", None
        await plan.save()
        await record(
            viewer.user_id,
            "pauseRecurringPayment",
            "RecurringPayment",
            plan.id,
            before=before,
            after=snapshot(plan),
        )
        await _tell_owner_of_admin_action(
            viewer, plan, PAUSED_KIND, f"Recurring payment {plan.title!r} paused by the estate"
        )
        return plan


async def resume(viewer: Viewer, estate: Estate, plan_id: str, now: datetime) -> RecurringPayment:
    """Run again, with a clean failure count. Periods that fell due while the plan was
    paused are not paid: the next run is the plan's first date on or after today (so a
    plan paused and resumed the same day still pays that day's period)."""
    async with savepoint():
        plan = await get_plan(viewer, plan_id, lock=True)
        if plan.status != "PAUSED":
            raise InvalidState(f"only a paused plan can be resumed; this one is {plan.status}")
        if not await Resident.exists(id=plan.resident_id, active=True):
            raise InvalidState("the plan's resident is deactivated: reactivate them first")
        before = snapshot(plan)
        today = schedule.local_today(estate.timezone, now)
        plan.next_run_date = schedule.on_or_after(
            plan.start_date, plan.frequency, max(plan.next_run_date, today)
        )
        plan.status, plan.next_attempt_at, plan.failure_count = "ACTIVE", None, 0
        await plan.save()
        await record(
            viewer.user_id,
            "resumeRecurringPayment",
            "RecurringPayment",
            plan.id,
            before=before,
            after=snapshot(plan),
        )
        return plan


async def cancel(viewer: Viewer, plan_id: str) -> RecurringPayment:
    """End the plan for good; nothing it paid is undone."""
    async with savepoint():
        plan = await get_plan(viewer, plan_id, lock=True)
        if plan.status == "CANCELLED":
            raise InvalidState("this plan is already cancelled")
        before = snapshot(plan)
        plan.status, plan.next_attempt_at = "CANCELLED", None
        await plan.save()
        await record(
            viewer.user_id,
            "cancelRecurringPayment",
            "RecurringPayment",
            plan.id,
            before=before,
            after=snapshot(plan),
        )
        await _tell_owner_of_admin_action(
            viewer,
            plan,
            CANCELLED_KIND,
            f"Recurring payment {plan.title!r} cancelled by the estate",
        )
        return plan


async def pause_for_deactivation(actor_id: uuid.UUID, resident_id: uuid.UUID) -> list[str]:
    """Every running plan of a resident being deactivated stops: PAUSED, not cancelled,
    so that once reactivated the resident (or an admin) may resume what they had set up.
    Call inside the deactivation's transaction; returns the plans paused."""
    plans = (
        await RecurringPayment.filter(resident_id=resident_id, status="ACTIVE")
        .order_by("id")
        .select_for_update()
    )
    for plan in plans:
        before = snapshot(plan)
        plan.status, plan.next_attempt_at = "PAUSED", None
        await plan.save(update_fields=["status", "next_attempt_at", "updated_at"])
        await record(
            actor_id,
            "pauseRecurringPayment",
            "RecurringPayment",
            plan.id,
            before=before,
            after={**snapshot(plan), "why": "resident deactivated"},
        )
    return [str(plan.id) for plan in plans]


async def _tell_owner_of_admin_action(
    viewer: Viewer, plan: RecurringPayment, kind: str, title: str
) -> None:
    if str(viewer.resident_id) == str(plan.resident_id):
        return  # the owner did it themselves
    owner = await Resident.get(id=plan.resident_id)
    await notify(
        [owner.user_id],
        kind,
        title,
        f"{to_major(plan.amount, plan.currency)} {plan.currency} {plan.frequency.lower()}",
    )
