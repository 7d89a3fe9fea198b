"""What the workers do, as plain coroutines: the Dramatiq actors and the in-process
worker of the embedded default both call these."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta

from estatepay.settings import get_settings
from services.payments import webhooks
from tenants.models import Estate

log = logging.getLogger(__name__)
SWEEP_AFTER = timedelta(minutes=3)


async def apply_webhook_event(slug: str, event_id: str) -> str:
    estate = await Estate.get(slug=slug, status="ACTIVE")
    return await webhooks.process(
        estate, uuid.UUID(event_id), get_settings().encryption_key, datetime.now(UTC)
    )


async def stale_webhook_events() -> list[tuple[str, str]]:
    """(estate, event) pairs stored but not applied for a while, in every estate."""
    from tenants.scope import tenant_scope

    found: list[tuple[str, str]] = []
    now = datetime.now(UTC)
    for estate in await Estate.filter(status="ACTIVE"):
        async with tenant_scope(estate.slug):
            found += [(estate.slug, str(e)) for e in await webhooks.unprocessed(SWEEP_AFTER, now)]
    return found
