"""The message broker: Redis in production; for the embedded default, no broker at all
but tasks run on the web app's own event loop (lost if the process dies: a warning
says so at start, and the sweeper re-applies stored webhook events on the next start)."""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AsyncIO
from redis.asyncio import Redis

from estatepay.settings import Settings

log = logging.getLogger(__name__)


def configure_broker(settings: Settings) -> dramatiq.Broker:
    """Install the process's Dramatiq broker. Call before importing `workers.actors`."""
    broker: dramatiq.Broker = (
        RedisBroker(url=settings.redis_url) if settings.redis_url else StubBroker()
    )
    broker.add_middleware(AsyncIO())
    dramatiq.set_broker(broker)
    return broker


class Dispatcher(Protocol):
    async def webhook_received(self, slug: str, event_id: str) -> None: ...


class RedisDispatcher:
    async def webhook_received(self, slug: str, event_id: str) -> None:
        from workers import actors

        # redis-py's sync client under Dramatiq: off the event loop.
        await asyncio.to_thread(actors.apply_webhook_event.send, slug, event_id)


class InProcessDispatcher:
    """The embedded default's worker: tasks on the app's own loop."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[object]] = set()
        log.warning("no REDIS_URL: background work runs in-process and is lost on exit")

    async def webhook_received(self, slug: str, event_id: str) -> None:
        from workers import tasks

        task: asyncio.Task[object] = asyncio.create_task(tasks.apply_webhook_event(slug, event_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


async def broker_ready(redis: Redis | None) -> bool:
    """Reachable broker: a Redis PING, or always for the in-process one."""
    if redis is None:
        return True
    try:
        return bool(await redis.ping())
    except Exception:
        return False
