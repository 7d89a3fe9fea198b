"""`estatepay worker`: Dramatiq workers on Redis, one event loop per process with the
database initialised on it, plus the sweeper that re-sends forgotten webhook events and
notification deliveries, and the keeper that hands back what dead workers held."""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Coroutine
from types import FrameType
from typing import Any

import dramatiq
import redis
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import Middleware
from prometheus_client import start_http_server
from redis.asyncio import Redis

from services import events
from services.live import RedisPublisher
from services.telemetry.hooks import install_model_hooks
from services.telemetry.metrics import REGISTRY
from tenants.database import close_database, init_database
from tenants.settings import Settings
from workers import dead_letters
from workers.broker import RedisDispatcher, configure_broker, jobs_outlet
from workers.orphans import CHECK_EVERY_SECONDS, OrphanKeeper
from workers.telemetry import JobTelemetry

log = logging.getLogger(__name__)


class Database(Middleware):
    """Tortoise lives on the AsyncIO middleware's loop: initialise it there, once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    # Before the boot, not after: Dramatiq starts the worker threads between the two, so
    # messages already queued ran on an uninitialised ORM and failed into their backoff.
    # `before_` signals run in order: the AsyncIO middleware's loop exists by now.
    def before_worker_boot(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        loop = get_event_loop_thread()
        assert loop is not None, "the AsyncIO middleware must come first"
        loop.run_coroutine(init_database(self.settings))

    # After the worker threads have finished what they were doing (before them, the
    # messages in flight failed on a closed pool); `after_` signals run in reverse order,
    # so this comes before the AsyncIO middleware stops the loop.
    def after_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        loop = get_event_loop_thread()
        if loop is not None:
            loop.run_coroutine(close_database())


def run_on_worker_loop(work: Coroutine[Any, Any, bool]) -> bool:
    """From a worker thread: `work` on the loop the database lives on, to its end."""
    loop = get_event_loop_thread()
    assert loop is not None
    return loop.run_coroutine(work)


def sweep_once() -> int:
    """Re-send every stored event not applied for a while, and the delivery job of every
    notification not settled for a while; returns how many jobs were sent."""
    from workers import actors, tasks

    loop = get_event_loop_thread()
    assert loop is not None
    stale = loop.run_coroutine(tasks.sweep())
    for slug, event_id, attempt in stale:
        actors.apply_webhook_event.send(slug, event_id, attempt)
    if stale:
        log.info("sweeper re-sent %d webhook events", len(stale))
    unsettled = loop.run_coroutine(tasks.sweep_notifications())
    for slug, notification_id in unsettled:
        actors.deliver_notification.send(slug, notification_id)
    if unsettled:
        log.info("sweeper re-sent %d notification deliveries", len(unsettled))
    return len(stale) + len(unsettled)


def run_worker(
    settings: Settings,
    threads: int,
    metrics_port: int | None = None,
    metrics_host: str = "127.0.0.1",
) -> int:
    if not settings.redis_url:
        log.error("set REDIS_URL: the embedded default runs its worker inside `estatepay serve`")
        return 2
    broker = configure_broker(settings)
    assert isinstance(broker, RedisBroker)
    broker.add_middleware(Database(settings))
    broker.add_middleware(JobTelemetry())
    install_model_hooks()
    if metrics_port is not None:
        # This process's own series (jobs, webhook events applied, payments, ledger).
        start_http_server(metrics_port, addr=metrics_host, registry=REGISTRY)
        log.info("worker metrics on http://%s:%d/metrics", metrics_host, metrics_port)
    dead_letters.install(broker, run_on_worker_loop)
    from workers import actors  # noqa: F401 - defines the actors on this broker

    # What the worker commits (webhooks applied, jobs) reaches live subscribers too; it
    # serves none itself, so it only publishes. The client connects on first use, on
    # the loop the actors run on.
    live = RedisPublisher(Redis.from_url(settings.redis_url), settings.broker_timeout_seconds)
    events.install_outlet(live.publish)
    events.install_outlet(
        jobs_outlet(
            RedisDispatcher(
                settings.redis_url, settings.queue_namespace, settings.broker_timeout_seconds
            )
        )
    )

    worker = dramatiq.Worker(broker, worker_threads=threads)
    worker.start()
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    log.info("worker running (%d threads); Ctrl-C to stop", threads)
    orphans = OrphanKeeper(broker)
    next_sweep = 0.0
    try:
        while not stop.is_set():
            try:
                orphans.requeue()
                if time.monotonic() >= next_sweep:
                    next_sweep = time.monotonic() + settings.sweep_every_seconds
                    sweep_once()
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                # Redis is away: expected during an outage, one line per period is enough;
                # the events stay stored and the next sweep sends them.
                log.warning("sweep could not reach Redis (%s); retrying at the next period", exc)
            except Exception:
                log.exception("sweep failed; retrying at the next period")
            stop.wait(min(CHECK_EVERY_SECONDS, settings.sweep_every_seconds))
    finally:
        worker.stop()
    return 0
