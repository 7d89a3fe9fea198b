"""Dramatiq actors. Import after `workers.broker.configure_broker`: actors bind to the
broker that is current when they are defined."""

from __future__ import annotations

import dramatiq

from services.notifications.delivery import DeliveryIncomplete
from workers import tasks


@dramatiq.actor(queue_name="webhooks", max_retries=8, min_backoff=1_000, max_backoff=120_000)
async def apply_webhook_event(slug: str, event_id: str) -> None:
    await tasks.apply_webhook_event(slug, event_id)


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
