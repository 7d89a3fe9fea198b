"""What the workers do, as plain coroutines: the Dramatiq actors and the in-process
worker of the embedded default both call these."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta

from estatepay.settings import get_settings
from services.payments import provider_payments, webhooks
from tenants.models import Estate
from tenants.scope import tenant_scope
from workers.scheduled import expire_stale_payments as expire_stale_payments
from workers.scheduled import mark_overdue_bills as mark_overdue_bills
from workers.scheduled import process_recurring_payments as process_recurring_payments
from workers.scheduled import prune_schedule as prune_schedule
from workers.scheduled import purge_old_records as purge_old_records
from workers.scheduled import send_bill_reminders as send_bill_reminders

log = logging.getLogger(__name__)
SWEEP_AFTER = timedelta(minutes=3)


async def apply_webhook_event(slug: str, event_id: str) -> str:
    estate = await Estate.get(slug=slug, status="ACTIVE")
    return await webhooks.process(
        estate, uuid.UUID(event_id), get_settings().encryption_key, datetime.now(UTC)
    )


async def sweep() -> list[tuple[str, str]]:
    """In every estate: expire provider payments left pending too long, and return the
    (estate, event) pairs stored but not applied for a while, to be sent again."""
    expiry = timedelta(minutes=get_settings().payment_expiry_minutes)
    found: list[tuple[str, str]] = []
    now = datetime.now(UTC)
    for estate in await Estate.filter(status="ACTIVE"):
        async with tenant_scope(estate.slug):
            expired = await provider_payments.expire_stale(expiry, now)
            if expired:
                log.info("%s: %d pending payments expired", estate.slug, expired)
            found += [(estate.slug, str(e)) for e in await webhooks.unprocessed(SWEEP_AFTER, now)]
    return found
