"""Dunning: the days an estate's bills are reminded of before and after their due date.
The deployment's `REMINDER_DAYS_BEFORE_DUE` / `REMINDER_DAYS_AFTER_DUE` hold until an
estate's admins set their own (`setDunningSchedule`); setting none returns to them. The
reminders themselves are the bills' (`services.bills.reminders`): each once per bill and
day, whatever runs them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from services.audit.log import record
from services.bills.reminders import ReminderPolicy
from services.errors import ValidationFailed
from services.plans.models import DunningSchedule
from tenants.scope import savepoint

MAX_DAYS_BEFORE = 60
MAX_DAYS_AFTER = 90
MAX_REMINDERS = 10


@dataclass(frozen=True)
class Schedule:
    days_before: tuple[int, ...]
    days_after: tuple[int, ...]
    custom: bool


def _days(values: list[int], low: int, high: int, field: str) -> list[int]:
    if len(values) > MAX_REMINDERS:
        raise ValidationFailed(f"{field} has more than {MAX_REMINDERS} days", field=field)
    if any(not low <= v <= high for v in values):
        raise ValidationFailed(f"{field} must be days from {low} to {high}", field=field)
    return sorted(set(values))


async def schedule(default: ReminderPolicy) -> Schedule:
    row = await DunningSchedule.get_or_none(id=1)
    if row is None:
        return Schedule(default.days_before, default.days_after, custom=False)
    return Schedule(tuple(row.days_before), tuple(row.days_after), custom=True)


async def policy(default: ReminderPolicy) -> ReminderPolicy:
    """The reminder policy of the current estate (its own days, the default's hour)."""
    own = await schedule(default)
    return replace(default, days_before=own.days_before, days_after=own.days_after)


async def set_schedule(
    actor_id: uuid.UUID,
    days_before: list[int] | None,
    days_after: list[int] | None,
    default: ReminderPolicy,
) -> Schedule:
    """Both lists, or neither (back to the deployment's days)."""
    if (days_before is None) != (days_after is None):
        raise ValidationFailed(
            "give daysBeforeDue and daysAfterDue, or neither", field="daysAfterDue"
        )
    async with savepoint():
        before = await schedule(default)
        if days_before is None or days_after is None:
            await DunningSchedule.filter(id=1).delete()
        else:
            values: dict[str, Any] = {
                "days_before": _days(days_before, 0, MAX_DAYS_BEFORE, "daysBeforeDue"),
                "days_after": _days(days_after, 1, MAX_DAYS_AFTER, "daysAfterDue"),
                "updated_by": actor_id,
            }
            if not await DunningSchedule.filter(id=1).update(**values):
                await DunningSchedule.create(id=1, **values)
        after = await schedule(default)
        await record(
            actor_id,
            "setDunningSchedule",
            "Estate",
            "dunning",
            before={"before": list(before.days_before), "after": list(before.days_after)},
            after={"before": list(after.days_before), "after": list(after.days_after)},
        )
        return after
