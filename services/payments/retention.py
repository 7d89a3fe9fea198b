"""Retention of provider webhook events: once applied (or ignored) they are history."""

from __future__ import annotations

from datetime import datetime, timedelta

from services.payments.models import WebhookEvent

# RECEIVED and FAILED events are kept: the sweeper still owes them an application.
FINISHED = ("PROCESSED", "IGNORED")


async def purge_webhook_events(older_than: timedelta, now: datetime) -> int:
    """Deletes finished events received before `now - older_than` in the current estate."""
    return await WebhookEvent.filter(status__in=FINISHED, received_at__lt=now - older_than).delete()
