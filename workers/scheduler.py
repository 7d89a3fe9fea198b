"""`estatepay scheduler`: sends each periodic job once per fire time, however many
scheduler processes run.

Each tick reads the clock and, per job, tries to claim the latest fire time not yet
claimed: an insert into `schedule_claims` that the unique (job, slot) and (job, after)
keys let only one process win (on PostgreSQL and SQLite alike, and it survives a Redis
restart: Redis here keeps nothing on disk). The winner sends one message per active
estate carrying the estate's slug and the slot, then marks the claim sent.

Catch-up policy: after downtime the first claim covers every fire time missed since the
previous claim and the job runs once, for the latest of them. Every job computes from
state as of its slot time (bills past due, reminders whose day has come, payments
pending too long), so that one run does what the missed runs would have done; nothing is
replayed slot by slot. A claim whose scheduler died before sending is sent by another
scheduler once the lease has passed; jobs skip a slot they already ran in an estate.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from collections.abc import Awaitable, Callable, Sequence
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from typing import Protocol

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from tenants.apps import SHARED_CONNECTION
from tenants.database import close_database, init_database
from tenants.models import Estate
from tenants.settings import Settings
from workers.broker import Dispatcher, RedisDispatcher, configure_broker
from workers.clock import Clock, clock_from
from workers.models import ScheduleClaim
from workers.schedule import SCHEDULE, PeriodicJob, fires_between, latest_fire

log = logging.getLogger(__name__)
# The slugs a per-estate job goes to: the active estates, those with the flag if named.
EstateSource = Callable[[str | None], Awaitable[list[str]]]
HEARTBEAT_EVERY = 500  # messages between renewals of a claim's lease while sending


async def active_estates(flag: str | None = None) -> list[str]:
    flagged = {flag: True} if flag else {}
    rows = await (
        Estate.filter(status="ACTIVE", **flagged).order_by("slug").values_list("slug", flat=True)
    )
    return [str(slug) for slug in rows]


async def claim_next(
    job: PeriodicJob, now: datetime, claimer: str, real_now: datetime
) -> ScheduleClaim | None:
    """Claim the job's latest fire time at or before `now` if nobody has; None if it is
    claimed already (by anyone) or the clock has not reached a new one."""
    slot = latest_fire(job.cron, now)
    last = await ScheduleClaim.filter(job=job.name).order_by("-slot").first()
    if last is not None and last.slot >= slot:
        return None
    try:
        async with in_transaction(SHARED_CONNECTION):
            return await ScheduleClaim.create(
                job=job.name,
                slot=slot,
                after=last.slot if last else None,
                # The first claim ever stands for its own slot only: no backfill of history.
                covers=fires_between(job.cron, last.slot, slot) if last else 1,
                claimed_by=claimer,
                claimed_at=real_now,
            )
    except IntegrityError:  # another scheduler claimed this slot, or one after `last`
        return None


async def take_over_stale(
    jobs: Sequence[PeriodicJob], claimer: str, real_now: datetime, lease: timedelta
) -> list[ScheduleClaim]:
    """Claims left unsent past the lease (their scheduler died in between), now ours."""
    cutoff = real_now - lease
    taken = []
    stale = ScheduleClaim.filter(
        job__in=[j.name for j in jobs], sent_at__isnull=True, claimed_at__lt=cutoff
    )
    for claim in await stale.order_by("slot"):
        # Compare-and-set: of several schedulers taking over, one updates the row.
        if await ScheduleClaim.filter(
            id=claim.id, sent_at__isnull=True, claimed_at__lt=cutoff
        ).update(claimed_by=claimer, claimed_at=real_now):
            log.warning("sending %s %s claimed by %s", claim.job, claim.slot, claim.claimed_by)
            taken.append(claim)
    return taken


class Scheduler:
    def __init__(
        self,
        dispatcher: Dispatcher,
        clock: Clock,
        *,
        lease: timedelta,
        jobs: Sequence[PeriodicJob] = SCHEDULE,
        estates: EstateSource = active_estates,
        name: str | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.clock = clock
        self.lease = lease
        self.jobs = {job.name: job for job in jobs}
        self.estates = estates
        self.name = name or f"{socket.gethostname()}:{os.getpid()}"

    async def tick(self) -> list[ScheduleClaim]:
        """Claim and send whatever fire times have come; returns the claims sent."""
        now = self.clock.now()
        sent = []
        for job in self.jobs.values():
            claim = await claim_next(job, now, self.name, datetime.now(UTC))
            if claim is not None:
                if claim.covers > 1:
                    log.info(
                        "%s: %s covers %d missed fire times", job.name, claim.slot, claim.covers
                    )
                await self._send(job, claim)
                sent.append(claim)
        for claim in await take_over_stale(
            list(self.jobs.values()), self.name, datetime.now(UTC), self.lease
        ):
            await self._send(self.jobs[claim.job], claim)
            sent.append(claim)
        return sent

    async def _send(self, job: PeriodicJob, claim: ScheduleClaim) -> None:
        slot = claim.slot.astimezone(UTC).isoformat()
        if job.per_estate:
            slugs = await self.estates(job.only_flagged)
            for n, slug in enumerate(slugs, 1):
                await self.dispatcher.send(job.name, slug, slot)
                if n % HEARTBEAT_EVERY == 0:  # still alive: a long send is not taken over
                    await ScheduleClaim.filter(id=claim.id, sent_at__isnull=True).update(
                        claimed_at=datetime.now(UTC)
                    )
            messages = len(slugs)
        else:
            await self.dispatcher.send(job.name, slot)
            messages = 1
        await ScheduleClaim.filter(id=claim.id).update(sent_at=datetime.now(UTC), messages=messages)

    async def run(self, stop: asyncio.Event, every: float) -> None:
        log.info("scheduler %s running: %s", self.name, ", ".join(self.jobs))
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:  # the database or broker is away: the next tick catches up
                log.exception("scheduler tick failed; retrying")
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)


def scheduler_for(settings: Settings, dispatcher: Dispatcher) -> Scheduler:
    return Scheduler(
        dispatcher,
        clock_from(settings),
        lease=timedelta(seconds=settings.scheduler_claim_lease_seconds),
    )


class Loop(Protocol):
    async def run(self, stop: asyncio.Event, every: float) -> None: ...


class InProcessLoop:
    """The embedded default's scheduler or sweeper: a task on the app's own loop."""

    def __init__(self, loop: Loop, every: float) -> None:
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(loop.run(self._stop, every))

    async def stop(self) -> None:
        self._stop.set()
        await self._task


def start_in_process(settings: Settings, dispatcher: Dispatcher) -> InProcessLoop:
    return InProcessLoop(scheduler_for(settings, dispatcher), settings.scheduler_tick_seconds)


def run_scheduler(settings: Settings) -> int:
    if not settings.redis_url:
        log.error("set REDIS_URL: the embedded default runs its scheduler inside `estatepay serve`")
        return 2
    configure_broker(settings)
    dispatcher = RedisDispatcher(
        settings.redis_url, settings.queue_namespace, settings.broker_timeout_seconds
    )

    async def main() -> None:
        await init_database(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        try:
            await scheduler_for(settings, dispatcher).run(stop, settings.scheduler_tick_seconds)
        finally:
            await close_database()

    asyncio.run(main())
    return 0
