"""Every background job, declared once: its name, what it runs, its queue and retries,
when it is scheduled and what marks it given up. The Dramatiq actors (`workers.actors`),
the schedule (`workers.schedule`), the dispatchers (`workers.broker`) and the dead
letters (`workers.dead_letters`) are all built from `JOBS`.

A job's name is also its Dramatiq actor's name, and it names the job in the estates'
`job_runs` and the shared `schedule_claims`: renaming one strands the messages queued in
Redis and the history under the old name."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from services.notifications import delivery
from services.payouts.processing import SendIncomplete
from workers import scheduled, tasks

Run = Callable[..., Awaitable[object]]
# Marks what a job that spent its retries was for: (job name, its arguments, last error).
GiveUp = Callable[[str, Sequence[Any], str], Awaitable[None]]


@dataclass(frozen=True)
class Queue:
    """A Dramatiq queue and the retries of its actors (backoffs in milliseconds)."""

    name: str
    max_retries: int
    min_backoff: int | None = None
    max_backoff: int | None = None

    def retries(self) -> dict[str, Any]:
        options: dict[str, Any] = {"max_retries": self.max_retries}
        if self.min_backoff is not None:
            options["min_backoff"] = self.min_backoff
        if self.max_backoff is not None:
            options["max_backoff"] = self.max_backoff
        return options


# No Dramatiq retries: the event's row holds its retry schedule (backoff, budget, DEAD),
# and the sweeper sends a copy for each attempt when it is due. (A copy that fails anyway,
# such as one sent before `attempt` existed, is resent by the sweeper once its lease ends.)
WEBHOOKS = Queue("webhooks", max_retries=0)
# The schedule: one message per (job, estate, slot). A later slot supersedes a failing one,
# so retries stop within the hour; failures are kept in the estate's job_runs.
SCHEDULED = Queue("schedule", max_retries=5, min_backoff=5_000, max_backoff=300_000)
# Retried for about a day (backoff doubling from 2 s, capped at 1 h); what is still
# undelivered then stays FAILED, with its last error, in notification_deliveries.
NOTIFICATIONS = Queue("notifications", max_retries=30, min_backoff=2_000, max_backoff=3_600_000)
NOTIFICATION_BATCHES = Queue("notifications", max_retries=0)
# A send whose answer never came is retried (verified first, never resent blindly) after
# the payout's resend lease, backing off to an hour; then the periodic check takes over.
PAYOUTS = Queue("payouts", max_retries=10, min_backoff=30_000, max_backoff=3_600_000)


@dataclass(frozen=True)
class Job:
    name: str
    # What the in-process worker of the embedded default runs, retries and all.
    run: Run
    queue: Queue
    # One try, for the Dramatiq actor (the broker retries); `run` unless it differs.
    attempt: Run | None = None
    # Failures already recorded with their error: the actor retries them without a traceback.
    expected: tuple[type[Exception], ...] = ()
    # Scheduled jobs: a cron expression read in UTC.
    cron: str | None = None
    # One message per active estate carrying its slug first; otherwise one in all.
    per_estate: bool = True
    # Per estate, only to the estates with this `Estate` flag set (a job with nothing to
    # do elsewhere, run so often that 10,000 idle estates would cost a server its time).
    only_flagged: str | None = None
    # Committed domain events of this topic send the job (the estate, the object's id).
    topic: str | None = None
    # Once its retries are spent (`workers.dead_letters`).
    gives_up: GiveUp | None = None
    # The job that takes on, one message each, what `attempt` returns as left over.
    leftovers_to: str | None = None


async def _notification_given_up(job: str, args: Sequence[Any], error: str) -> None:
    slug, notification_id = args
    await delivery.give_up(slug, uuid.UUID(notification_id), datetime.now(UTC))


async def _slot_given_up(job: str, args: Sequence[Any], error: str) -> None:
    slug, slot = args
    await scheduled.give_up(job, slug, slot, error)


def _scheduled(
    name: str, cron: str, run: Run, *, per_estate: bool = True, only_flagged: str | None = None
) -> Job:
    return Job(
        name,
        run,
        SCHEDULED,
        cron=cron,
        per_estate=per_estate,
        only_flagged=only_flagged,
        gives_up=_slot_given_up if per_estate else None,
    )


JOBS: tuple[Job, ...] = (
    Job("apply_webhook_event", tasks.apply_webhook_event, WEBHOOKS),
    Job(
        "deliver_notification",
        tasks.deliver_notification,
        NOTIFICATIONS,
        attempt=tasks.deliver_notification_once,
        expected=(delivery.DeliveryIncomplete,),
        topic="notification",
        gives_up=_notification_given_up,
    ),
    # A batch of notifications (ids joined by commas), sent for bulk changes; no retries
    # of its own: what it cannot settle goes on as `deliver_notification` jobs.
    Job(
        "deliver_notification_batch",
        tasks.deliver_notification_batch_in_process,
        NOTIFICATION_BATCHES,
        attempt=tasks.deliver_notification_batch,
        leftovers_to="deliver_notification",
    ),
    # Every committed change of a payout sends it: approved ones go to the provider.
    Job(
        "send_payout",
        tasks.send_payout,
        PAYOUTS,
        attempt=tasks.send_payout_once,
        expected=(SendIncomplete,),
        topic="payout",
    ),
    # Not per estate: the person asking may belong to several, or to none yet.
    Job("send_password_reset", tasks.send_password_reset, NOTIFICATIONS),
    # Hourly, so that each estate's midnight (any timezone) is acted on within the hour.
    _scheduled("mark_overdue_bills", "0 * * * *", tasks.mark_overdue_bills),
    _scheduled("send_bill_reminders", "5 * * * *", tasks.send_bill_reminders),
    # Plans run on their date in the estate's timezone: hourly catches each midnight.
    _scheduled("process_recurring_payments", "10 * * * *", tasks.process_recurring_payments),
    # Billing plans (`services.plans`): each plan's period once its billing day has come
    # in the estate's timezone, then late fees, then autopay's charges and retries.
    _scheduled("run_bill_runs", "15 * * * *", tasks.run_bill_runs),
    _scheduled("apply_late_fees", "20 * * * *", tasks.apply_late_fees),
    _scheduled("collect_autopay", "25 * * * *", tasks.collect_autopay),
    _scheduled("expire_stale_payments", "*/5 * * * *", tasks.expire_stale_payments),
    # Saved cards whose holder never finished entering them: expired after a day, their
    # card check refunded (`services.payment_methods.expiry`).
    _scheduled("expire_card_setups", "35 * * * *", tasks.expire_card_setups),
    # Bitcoin payments' addresses, against the chain API (`services.bitcoin.watching`).
    _scheduled(
        "watch_bitcoin_payments",
        "* * * * *",
        tasks.watch_bitcoin_payments,
        only_flagged="watches_bitcoin",
    ),
    # Monthly streaks, checked hourly so each estate's month end (any timezone) is acted
    # on within the hour; each resident's month is evaluated once (`services.rewards.streaks`).
    _scheduled("evaluate_reward_streaks", "20 * * * *", tasks.evaluate_reward_streaks),
    _scheduled("purge_old_records", "30 3 * * *", tasks.purge_old_records),
    _scheduled("check_payouts", "*/5 * * * *", tasks.check_payouts),
    _scheduled("auto_payouts", "0 6 * * *", tasks.auto_payouts),
    _scheduled("prune_schedule", "45 3 * * *", tasks.prune_schedule, per_estate=False),
)
BY_NAME: dict[str, Job] = {job.name: job for job in JOBS}
