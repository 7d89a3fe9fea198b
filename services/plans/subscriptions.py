"""Units subscribed to plans: who subscribes them (admins), who sees them (admins: all;
a resident: the subscriptions of the units they live in), and how they end."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tortoise.queryset import QuerySet

from services.access import Viewer, parse_id
from services.audit.log import record
from services.bills.queries import estate_today
from services.errors import InvalidState, NotFound, ValidationFailed
from services.pagination import Page, paginate
from services.plans import periods
from services.plans.catalog import get_plan
from services.plans.models import SUBSCRIPTION_STATUSES, AutopayMandate, PlanSubscription
from services.properties.catalog import get_property
from services.properties.models import Unit
from services.residents.models import Occupancy
from tenants.models import Estate
from tenants.scope import savepoint

MAX_UNITS_PER_CALL = 20_000


@dataclass(frozen=True)
class SubscriptionFilter:
    plan_id: str | None = None
    unit_id: str | None = None
    status: list[str] | None = None


async def subscribe_units(
    actor_id: uuid.UUID,
    estate: Estate,
    plan_id: str,
    unit_ids: list[str] | None,
    property_id: str | None,
    start_date: date | None,
    now: datetime,
) -> list[PlanSubscription]:
    """Subscribe the units (or every unit of the property that is not archived) from
    `start_date` (default today), no earlier than the current period. A unit already
    subscribed to the plan keeps its subscription, which is returned with the new ones."""
    if bool(unit_ids) == bool(property_id):
        raise ValidationFailed("give either unitIds or propertyId", field="unitIds")
    today = estate_today(estate, now)
    async with savepoint():
        # The plan's row serialises subscriptions to it: no unit subscribed twice.
        plan = await get_plan(plan_id, "planId", lock=True)
        if plan.archived_at is not None:
            raise InvalidState("the plan is archived", field="planId")
        start = start_date or today
        earliest = max(periods.period_of(plan.interval, today), plan.first_period)
        if start < earliest:
            raise ValidationFailed(
                f"startDate must not be before the current period ({earliest})", field="startDate"
            )
        if unit_ids:
            wanted = [parse_id(u, "unitIds", "unit") for u in dict.fromkeys(unit_ids)]
            if len(wanted) > MAX_UNITS_PER_CALL:
                raise ValidationFailed(f"at most {MAX_UNITS_PER_CALL} units", field="unitIds")
            units = list(await Unit.filter(id__in=wanted))
            if len(units) != len(wanted):
                raise NotFound("unit not found", field="unitIds")
            if any(u.archived_at is not None for u in units):
                raise InvalidState("an archived unit cannot be subscribed", field="unitIds")
        else:
            prop = await get_property(property_id or "", field="propertyId")
            units = list(await Unit.filter(property_id=prop.id, archived_at__isnull=True))
            if not units:
                raise ValidationFailed("the property has no units", field="propertyId")
        ids = [u.id for u in units]
        existing = {
            str(s.unit_id): s
            for s in await PlanSubscription.filter(
                plan=plan, unit_id__in=ids, status__in=("ACTIVE", "ENDING")
            )
        }
        new = [
            PlanSubscription(
                id=uuid.uuid4(), plan=plan, unit=u, start_date=start, created_by=actor_id
            )
            for u in units
            if str(u.id) not in existing
        ]
        await PlanSubscription.bulk_create(new, batch_size=1000)
        await record(
            actor_id,
            "subscribeUnits",
            "BillingPlan",
            plan.id,
            after={"units": len(new), "startDate": start.isoformat()},
        )
    return list(
        await PlanSubscription.filter(
            plan=plan, unit_id__in=ids, status__in=("ACTIVE", "ENDING")
        ).order_by("created_at", "id")
    )


async def get_subscription(
    viewer: Viewer, subscription_id: str, field: str = "id", *, lock: bool = False
) -> PlanSubscription:
    """The subscription if the viewer may see it (a resident: of a unit they live in)."""
    query = visible(viewer).filter(id=parse_id(subscription_id, field, "subscription"))
    if lock:
        query = query.select_for_update()
    found = await query.first()
    if found is None:
        raise NotFound("subscription not found", field=field)
    return found


def visible(viewer: Viewer) -> QuerySet[PlanSubscription]:
    """An admin's: all; a resident's: those of the units they live in now."""
    query = PlanSubscription.all()
    if viewer.is_admin:
        return query
    return query.filter(
        unit__occupancies__resident_id=viewer.resident_id,
        unit__occupancies__ends_on__isnull=True,
    )


async def unsubscribe(
    actor_id: uuid.UUID,
    estate: Estate,
    viewer: Viewer,
    subscription_id: str,
    at_period_end: bool,
    now: datetime,
) -> PlanSubscription:
    """End now (today is the last day charged) or with the current period. Twice is
    INVALID_STATE. Autopay on it is revoked."""
    today = estate_today(estate, now)
    async with savepoint():
        sub = await get_subscription(viewer, subscription_id, "subscriptionId", lock=True)
        if sub.status != "ACTIVE":
            raise InvalidState(f"the subscription is {sub.status} already", field="subscriptionId")
        plan = await sub.plan
        before = {"status": sub.status, "endDate": None}
        if at_period_end:
            end = periods.period_end(plan.interval, periods.period_of(plan.interval, today))
        else:
            end = today
        if end < sub.start_date:  # it never started: it ends before its first day
            end = sub.start_date - timedelta(days=1)
        sub.end_date = end
        sub.status = "ENDING" if end >= today and at_period_end else "ENDED"
        await sub.save(update_fields=["status", "end_date", "updated_at"])
        await AutopayMandate.filter(subscription=sub, status__in=("ACTIVE", "PAUSED")).update(
            status="REVOKED", ended_at=now
        )
        await record(
            actor_id,
            "unsubscribeUnit",
            "PlanSubscription",
            sub.id,
            before=before,
            after={"status": sub.status, "endDate": end.isoformat()},
        )
        return sub


async def finish_ended(today: date) -> int:
    """ENDING subscriptions whose last day has passed are ENDED."""
    return await PlanSubscription.filter(status="ENDING", end_date__lt=today).update(status="ENDED")


async def list_subscriptions(
    viewer: Viewer, where: SubscriptionFilter, first: int | None, after: str | None, cap: int
) -> Page[PlanSubscription]:
    query = visible(viewer)
    if where.plan_id is not None:
        query = query.filter(plan_id=parse_id(where.plan_id, "filter.planId", "billing plan"))
    if where.unit_id is not None:
        query = query.filter(unit_id=parse_id(where.unit_id, "filter.unitId", "unit"))
    if where.status:
        unknown = set(where.status) - set(SUBSCRIPTION_STATUSES)
        if unknown:
            raise ValidationFailed("filter.status has an unknown status", field="filter.status")
        query = query.filter(status__in=where.status)
    return await paginate(query.distinct(), first, after, cap, newest_first=True)


async def occupants_of(unit_ids: list[uuid.UUID]) -> list[Occupancy]:
    """Every stay in the units of residents still active, earliest first."""
    return list(
        await Occupancy.filter(unit_id__in=unit_ids, resident__active=True).order_by(
            "starts_on", "created_at", "id"
        )
    )
