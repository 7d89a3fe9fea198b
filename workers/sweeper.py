"""The embedded default's webhook sweeper: without Redis there is no `estatepay worker`
to sweep, so a task on the app's own loop sends every due webhook event (first copies
lost with a restart, retries past their backoff) to the in-process worker."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from datetime import datetime

from workers import tasks
from workers.broker import Dispatcher

log = logging.getLogger(__name__)


class Sweeper:
    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher

    async def sweep(self, now: datetime | None = None) -> int:
        """Send a copy of each due event's next attempt; returns how many were sent."""
        due = await tasks.sweep(now)
        for slug, event_id, attempt in due:
            await self.dispatcher.send("apply_webhook_event", slug, event_id, attempt)
        if due:
            log.info("sweeper sent %d webhook events", len(due))
        return len(due)

    async def run(self, stop: asyncio.Event, every: float) -> None:
        while not stop.is_set():
            try:
                await self.sweep()
            except Exception:  # the database is away: the events wait for the next pass
                log.exception("sweep failed; retrying at the next period")
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
