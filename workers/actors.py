"""Dramatiq actors. Import after `workers.broker.configure_broker`: actors bind to the
broker that is current when they are defined."""

from __future__ import annotations

import dramatiq

from workers import tasks


@dramatiq.actor(queue_name="webhooks", max_retries=8, min_backoff=1_000, max_backoff=120_000)
async def apply_webhook_event(slug: str, event_id: str) -> None:
    await tasks.apply_webhook_event(slug, event_id)
