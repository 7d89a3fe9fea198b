"""The message broker: Redis in production, in-process for the embedded default."""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from redis.asyncio import Redis

from estatepay.settings import Settings

log = logging.getLogger(__name__)


def configure_broker(settings: Settings) -> dramatiq.Broker:
    broker: dramatiq.Broker
    if settings.redis_url:
        broker = RedisBroker(url=settings.redis_url)
    else:
        log.warning("no REDIS_URL: using the in-process broker; queued work is lost on exit")
        broker = StubBroker()
    dramatiq.set_broker(broker)
    return broker


async def broker_ready(redis: Redis | None) -> bool:
    """Reachable broker: a Redis PING, or always for the in-process broker."""
    if redis is None:
        return True
    try:
        return bool(await redis.ping())
    except Exception:
        return False
