"""The periodic jobs (those of `workers.jobs.JOBS` with a cron expression) and when they
fire: cron expressions read in UTC, so every scheduler process computes the same fire
times (an interval timer drifts per process)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cronsim import CronSim

from workers.jobs import JOBS

# Past this many fire times one catch-up claim stops counting (a 5-minute job down a year).
MAX_COUNTED = 200_000


@dataclass(frozen=True)
class PeriodicJob:
    # Names a job of `workers.jobs.JOBS` (tests schedule made-up ones).
    name: str
    cron: str
    # One message per active estate carrying its slug; otherwise one message in all.
    per_estate: bool = True
    # Per estate: only those with this `Estate` flag set (`workers.jobs.Job.only_flagged`).
    only_flagged: str | None = None


SCHEDULE: tuple[PeriodicJob, ...] = tuple(
    PeriodicJob(job.name, job.cron, job.per_estate, job.only_flagged) for job in JOBS if job.cron
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
