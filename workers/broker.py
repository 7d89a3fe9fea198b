"""The message broker: Redis in production; for the embedded default, no broker at all
but tasks run on the web app's own event loop (lost if the process dies: a warning
says so at start, and the app's sweeper, `workers.sweeper`, re-sends stored webhook
events on the next start)."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
import weakref
from collections.abc import Awaitable
from typing import Any, Protocol

import dramatiq
import redis
from dramatiq.brokers.redis import RedisBroker, _scripts
from dramatiq.brokers.stub import StubBroker
from dramatiq.common import current_millis
from dramatiq.middleware import AsyncIO
from redis.asyncio import Redis
from redis.commands.core import AsyncScript

from services.events import DomainEvent
from tenants.settings import Settings
from workers.jobs import BY_NAME, JOBS
from workers.telemetry import job_finished, message_options

log = logging.getLogger(__name__)
# Dramatiq's own script for every queue operation; enqueueing with it keeps the messages
# exactly as its workers expect them.
DISPATCH_SCRIPT = _scripts["dispatch"]


def configure_broker(settings: Settings) -> dramatiq.Broker:
    """Install the process's Dramatiq broker. Call before importing `workers.actors`."""
    broker: dramatiq.Broker = (
        RedisBroker(url=settings.redis_url, namespace=settings.queue_namespace)
        if settings.redis_url
        else StubBroker()
    )
    broker.add_middleware(AsyncIO())
    dramatiq.set_broker(broker)
    return broker


class Dispatcher(Protocol):
    """Sends a background job: `job` names one of `workers.jobs.JOBS`; per-estate jobs
    take the estate's slug first."""

    async def send(self, job: str, *args: str | int) -> None: ...


class RedisDispatcher:
    """Sends jobs as Dramatiq's Redis broker enqueues them (its own Lua script, the same
    keys and message encoding), but on an asyncio Redis client: no thread per send, and
    nothing blocks the loop. Every socket operation, and each send as a whole, is bounded
    by `timeout`: a request handing over a job must not hang on a Redis that is down or
    stalled. The send then fails; what needs the job done is stored first (webhook events,
    notifications), so the sweeper sends it again."""

    def __init__(self, redis_url: str, namespace: str, timeout: float) -> None:
        self.redis_url = redis_url
        self.timeout = timeout
        # Only for its names (namespace, broker id, timeouts) and script; never called.
        self.broker = RedisBroker(client=redis.Redis.from_url(redis_url), namespace=namespace)
        self._clients: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[Redis, AsyncScript]
        ] = weakref.WeakKeyDictionary()

    async def send(self, job: str, *args: str | int) -> None:
        from workers.actors import ACTORS

        # The request id rides along, for the job's log lines (`workers.telemetry`).
        message = ACTORS[job].message_with_options(args=args, **message_options())
        await asyncio.wait_for(self._enqueue(message), self.timeout)

    async def _enqueue(self, message: dramatiq.Message[Any]) -> None:
        # `RedisBroker.enqueue` and its `do_enqueue`, without maintenance (a sender's
        # business is sending; the workers' fetches do it).
        broker = self.broker
        redis_id = str(uuid.uuid4())  # each enqueued copy has its own, as Dramatiq's do
        encoded = message.copy(options={"redis_message_id": redis_id}).encode()
        arguments = [
            "enqueue",
            current_millis(),
            message.queue_name,
            broker.broker_id,
            broker.heartbeat_timeout,
            broker.dead_message_ttl,
            0,  # no maintenance
            0,  # the unpack limit: for fetches only
            redis_id,
            encoded,
        ]
        _, dispatch = self._client()
        await dispatch(keys=[broker.namespace], args=arguments)

    def _client(self) -> tuple[Redis, AsyncScript]:
        """A client per event loop (the app's, a worker's, a test's): asyncio connections
        belong to the loop that opened them."""
        loop = asyncio.get_running_loop()
        found = self._clients.get(loop)
        if found is None:
            client = Redis.from_url(
                self.redis_url, socket_connect_timeout=self.timeout, socket_timeout=self.timeout
            )
            found = self._clients[loop] = (client, client.register_script(DISPATCH_SCRIPT))
        return found


class InProcessDispatcher:
    """The embedded default's worker: tasks on the app's own loop."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[object]] = set()
        log.warning("no REDIS_URL: background work runs in-process and is lost on exit")

    async def send(self, job: str, *args: str | int) -> None:
        run = BY_NAME[job].run
        task: asyncio.Task[object] = asyncio.create_task(self._run(job, args, run(*args)))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _run(job: str, args: tuple[str | int, ...], work: Awaitable[object]) -> None:
        from workers import dead_letters

        # The task runs in a copy of the sender's context: its request id included.
        started = time.perf_counter()
        try:
            await work
        except Exception as exc:  # nobody awaits this task: say what failed
            job_finished(job, started, exc)
            log.exception("in-process job %s failed", job)
            # No retries here beyond the job's own: it has given up.
            await dead_letters.record(job, args, dead_letters.describe(exc))
        else:
            job_finished(job, started, None)


# The background job a committed change calls for, by event topic.
JOBS_FOR_TOPIC: dict[str, str] = {job.topic: job.name for job in JOBS if job.topic}


# Notifications of one commit past this many travel in batch jobs of this size.
BATCH_FROM = 10
BATCH_SIZE = 200


class JobsOutlet:
    """The outlet that turns committed domain events into background jobs: one job per
    event, except that many notifications of one commit (bulk billing) are sent as a few
    `deliver_notification_batch` jobs, not one message each."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher

    async def __call__(self, event: DomainEvent) -> None:
        job = JOBS_FOR_TOPIC.get(event.topic)
        if job is not None:
            await self.dispatcher.send(job, event.estate, event.object_id)

    async def many(self, events: list[DomainEvent]) -> None:
        """Each send on its own: one lost (Redis away) loses no other; what needed it is
        stored, and the sweepers send it again."""
        sends: list[tuple[str, str, str]] = []
        notifications: dict[str, list[str]] = {}
        for event in events:
            job = JOBS_FOR_TOPIC.get(event.topic)
            if event.topic == "notification" and isinstance(self.dispatcher, RedisDispatcher):
                notifications.setdefault(event.estate, []).append(event.object_id)
            elif job is not None:
                sends.append((job, event.estate, event.object_id))
        for estate, ids in notifications.items():
            if len(ids) < BATCH_FROM:
                sends += [("deliver_notification", estate, one) for one in ids]
                continue
            for start in range(0, len(ids), BATCH_SIZE):
                batch = ",".join(ids[start : start + BATCH_SIZE])
                sends.append(("deliver_notification_batch", estate, batch))
        for job, estate, argument in sends:
            try:
                await self.dispatcher.send(job, estate, argument)
            except Exception:
                log.exception("could not send %s for estate %s", job, estate)


def jobs_outlet(dispatcher: Dispatcher) -> JobsOutlet:
    return JobsOutlet(dispatcher)


async def broker_ready(redis: Redis | None) -> bool:
    """Reachable broker: a Redis PING, or always for the in-process one."""
    if redis is None:
        return True
    try:
        return bool(await redis.ping())
    except Exception:
        return False


async def queue_depths(dispatcher: Dispatcher, redis: Redis | None) -> dict[tuple[str, str], int]:
    """Jobs waiting per (queue, state): Dramatiq's Redis hashes of messages not yet
    acknowledged (ready) and of delayed ones (retries waiting out their backoff); the
    in-process worker's running tasks. Empty while Redis cannot say."""
    if isinstance(dispatcher, InProcessDispatcher):
        return {("in-process", "running"): len(dispatcher._tasks)}
    if redis is None:
        return {}
    names = sorted({job.queue.name for job in JOBS})
    try:
        async with redis.pipeline(transaction=False) as pipe:
            for name in names:
                pipe.hlen(f"dramatiq:{name}.msgs")
                pipe.hlen(f"dramatiq:{name}.DQ.msgs")
            counts = await pipe.execute()
    except Exception:  # a scrape during an outage still answers, without this series
        return {}
    depths = {}
    for i, name in enumerate(names):
        depths[(name, "ready")], depths[(name, "delayed")] = counts[2 * i], counts[2 * i + 1]
    return depths
