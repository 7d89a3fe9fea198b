"""Dramatiq actors. Import after `workers.broker.configure_broker`: actors bind to the
broker that is current when they are defined."""

from __future__ import annotations

from typing import Any

import dramatiq

from services.notifications.delivery import DeliveryIncomplete
from workers import tasks


# No Dramatiq retries: the event's row holds its retry schedule (backoff, budget, DEAD),
# and the sweeper sends a copy for each attempt when it is due. (A copy that fails anyway,
# such as one sent before `attempt` existed, is resent by the sweeper once its lease ends.)
@dramatiq.actor(queue_name="webhooks", max_retries=0)
async def apply_webhook_event(slug: str, event_id: str, attempt: int) -> None:
    await tasks.apply_webhook_event(slug, event_id, attempt)


# The schedule: one message per (job, estate, slot). A later slot supersedes a failing one,
# so retries stop within the hour; failures are kept in the estate's job_runs.
SCHEDULED: dict[str, Any] = {
    "queue_name": "schedule",
    "max_retries": 5,
    "min_backoff": 5_000,
    "max_backoff": 300_000,
}


@dramatiq.actor(**SCHEDULED)
async def mark_overdue_bills(slug: str, slot: str) -> None:
    await tasks.mark_overdue_bills(slug, slot)


@dramatiq.actor(**SCHEDULED)
async def send_bill_reminders(slug: str, slot: str) -> None:
    await tasks.send_bill_reminders(slug, slot)


@dramatiq.actor(**SCHEDULED)
async def process_recurring_payments(slug: str, slot: str) -> None:
    await tasks.process_recurring_payments(slug, slot)


@dramatiq.actor(**SCHEDULED)
async def expire_stale_payments(slug: str, slot: str) -> None:
    await tasks.expire_stale_payments(slug, slot)


@dramatiq.actor(**SCHEDULED)
async def purge_old_records(slug: str, slot: str) -> None:
    await tasks.purge_old_records(slug, slot)


@dramatiq.actor(**SCHEDULED)
async def prune_schedule(slot: str) -> None:
    await tasks.prune_schedule(slot)


# Retried for about a day (backoff doubling from 2 s, capped at 1 h); what is still
# undelivered then stays FAILED, with its last error, in notification_deliveries.
@dramatiq.actor(
    queue_name="notifications", max_retries=30, min_backoff=2_000, max_backoff=3_600_000
)
async def deliver_notification(slug: str, notification_id: str) -> None:
    try:
        await tasks.deliver_notification_once(slug, notification_id)
    except DeliveryIncomplete as exc:
        # An expected outcome, already recorded with its error: retry without a traceback.
        raise dramatiq.Retry(str(exc)) from None
