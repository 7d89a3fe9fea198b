"""The periodic jobs and when they fire: cron expressions read in UTC, so every
scheduler process computes the same fire times (an interval timer drifts per process)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cronsim import CronSim

# Past this many fire times one catch-up claim stops counting (a 5-minute job down a year).
MAX_COUNTED = 200_000


@dataclass(frozen=True)
class PeriodicJob:
    # Names the coroutine in `workers.tasks` and the Dramatiq actor in `workers.actors`.
    name: str
    cron: str
    # One message per active estate carrying its slug; otherwise one message in all.
    per_estate: bool = True


SCHEDULE: tuple[PeriodicJob, ...] = (
    # Hourly, so that each estate's midnight (any timezone) is acted on within the hour.
    PeriodicJob("mark_overdue_bills", "0 * * * *"),
    PeriodicJob("send_bill_reminders", "5 * * * *"),
    # Plans run on their date in the estate's timezone: hourly catches each midnight.
    PeriodicJob("process_recurring_payments", "10 * * * *"),
    PeriodicJob("expire_stale_payments", "*/5 * * * *"),
    PeriodicJob("purge_old_records", "30 3 * * *"),
    PeriodicJob("prune_schedule", "45 3 * * *", per_estate=False),
)


def latest_fire(cron: str, now: datetime) -> datetime:
    """The last fire time at or before `now`."""
    now = now.astimezone(UTC)
    # cronsim iterates strictly before its start: start at the next whole minute.
    start = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return next(CronSim(cron, start, reverse=True))


def fires_between(cron: str, after: datetime, until: datetime) -> int:
    """How many fire times lie in (after, until]."""
    count = 0
    for fire in CronSim(cron, after.astimezone(UTC)):
        if fire > until or count >= MAX_COUNTED:
            break
        count += 1
    return count
