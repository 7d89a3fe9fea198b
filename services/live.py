"""Live updates: committed domain events, fanned out to this process's subscribers.

One hub per API process. With REDIS_URL every committed event is PUBLISHed on its estate's
channel, `estatepay:events:<slug>`, and each API process holds ONE pub/sub connection,
subscribed to the channels of the estates it has subscribers for (and to a control
channel, so the connection always has something to listen to). Without Redis (the
embedded default) publishing hands the event straight to the local subscribers.

The estate comes from the scope the change committed in (publisher side) and from the
subscriber's authenticated estate (subscriber side): no client input ever names a channel.

Each subscriber has a bounded queue. Events are hints (a subscription re-reads the object
before it answers), so a queue keeps at most one pending hint per object, and when it is
full the OLDEST hint is dropped: a slow client loses stale hints, it never blocks the hub
or another subscriber, and the re-read of a later hint still shows the latest state.
Pub/sub is at-most-once: what is published while the connection is down is lost, and a
client re-queries after reconnecting.

Measured: the `broadcaster` package (0.3.1) silently delivers nothing with redis-py 8, hence
this small module on `redis.asyncio`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Hashable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from services.events import DomainEvent

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "estatepay:events:"
# Not an estate channel: slugs never contain a colon, so no estate can be named this.
CONTROL_CHANNEL = "estatepay:live:control"
QUEUE_SIZE = 256
SUBSCRIBE_TIMEOUT = 5.0
PUBLISH_TIMEOUT = 2.0  # the API and worker pass BROKER_TIMEOUT_SECONDS
PUBLISH_QUEUE = 10_000
PUBLISH_BATCH = 100  # events per pipeline
RECONNECT_MAX_DELAY = 5.0

Accept = Callable[[DomainEvent], bool]

# Set by the WebSocket transport around one operation: called once that operation's
# subscription is live, so a `ping` sent after subscribing can be answered only then.
live_signal: ContextVar[Callable[[], None] | None] = ContextVar(
    "estatepay_live_signal", default=None
)


def channel_for(estate: str) -> str:
    return CHANNEL_PREFIX + estate


@dataclass(frozen=True, slots=True)
class Hint:
    event: DomainEvent
    # Wall-clock time (epoch seconds) at which the after-commit outlet published it.
    committed_at: float
    # When this process got it (monotonic): a read started later sees the change.
    received_at: float = field(default_factory=time.monotonic)
    # One hint object reaches every subscriber of the process: what they compute for it
    # alike is computed once (see schema.execution).
    shared: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)


def encode(event: DomainEvent, committed_at: float) -> str:
    return json.dumps({"event": event.as_dict(), "at": committed_at})


def decode(channel: str, data: bytes | str) -> Hint | None:
    try:
        body = json.loads(data)
        event = DomainEvent.from_dict(body["event"])
        committed_at = float(body["at"])
    except (ValueError, KeyError, TypeError):
        log.warning("ignoring a malformed message on %s", channel)
        return None
    if channel_for(event.estate) != channel:  # the channel is the authority, never the body
        log.warning("ignoring an event for %r on %s", event.estate, channel)
        return None
    return Hint(event, committed_at)


class Subscriber:
    """One subscription's queue of hints, filtered by what it may and wants to see."""

    def __init__(self, estate: str, accept: Accept, maxsize: int = QUEUE_SIZE) -> None:
        self.estate = estate
        self._accept = accept
        self._maxsize = maxsize
        self._queue: deque[Hint] = deque()
        self._pending: set[tuple[str, str]] = set()
        self._ready = asyncio.Event()
        self.dropped = 0

    def offer(self, hint: Hint) -> None:
        event = hint.event
        if event.estate != self.estate or not self._accept(event):
            return
        key = (event.topic, event.object_id)
        if key in self._pending:  # the re-read still to come shows this change too
            return
        if len(self._queue) >= self._maxsize:
            oldest = self._queue.popleft()
            self._pending.discard((oldest.event.topic, oldest.event.object_id))
            self.dropped += 1
        self._queue.append(hint)
        self._pending.add(key)
        self._ready.set()

    def drain(self) -> list[Hint]:
        """Every hint queued now, taken at once (for a subscriber that coalesces them)."""
        hints = list(self._queue)
        self._queue.clear()
        self._pending.clear()
        return hints

    def __aiter__(self) -> Subscriber:
        return self

    async def __anext__(self) -> Hint:
        while not self._queue:
            self._ready.clear()
            await self._ready.wait()
        hint = self._queue.popleft()
        self._pending.discard((hint.event.topic, hint.event.object_id))
        return hint


class Hub:
    """Local fan-out; subclasses carry events between processes (or not)."""

    def __init__(self, queue_size: int = QUEUE_SIZE) -> None:
        self.queue_size = queue_size
        self._subscribers: dict[str, set[Subscriber]] = {}

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def publish(self, event: DomainEvent) -> None:
        """The after-commit outlet: announce a committed change to every subscriber."""
        raise NotImplementedError

    def subscriber_count(self) -> int:
        return sum(len(group) for group in self._subscribers.values())

    def deliver(self, hint: Hint) -> None:
        for subscriber in list(self._subscribers.get(hint.event.estate, ())):
            subscriber.offer(hint)

    @contextlib.asynccontextmanager
    async def subscribe(self, estate: str, accept: Accept) -> AsyncIterator[Subscriber]:
        """Receive the estate's events that `accept` lets through, for the block's life."""
        subscriber = Subscriber(estate, accept, self.queue_size)
        self._subscribers.setdefault(estate, set()).add(subscriber)
        try:
            await self._listen(estate)
            signal = live_signal.get()
            if signal is not None:
                signal()
            yield subscriber
        finally:
            group = self._subscribers.get(estate)
            if group is not None:
                group.discard(subscriber)
                if not group:
                    del self._subscribers[estate]
                    self._forget(estate)

    async def _listen(self, estate: str) -> None:
        """Return once events of `estate` published from now on reach this process."""

    def _forget(self, estate: str) -> None:
        """No subscriber of `estate` is left in this process."""


class LocalHub(Hub):
    """The embedded default: one process, so publishing is handing over."""

    async def publish(self, event: DomainEvent) -> None:
        self.deliver(Hint(event, time.time()))


class RedisPublisher:
    """Publishes committed events on their estates' channels, in commit order, from a task
    of its own: the request or job that committed never waits on Redis (a stalled Redis
    must not hold up a payment). Each PUBLISH is bounded by `timeout`; what cannot be
    published in time, or finds PUBLISH_QUEUE events already waiting, is dropped and
    logged (pub/sub is at-most-once: clients re-query after a reconnect anyway)."""

    def __init__(self, redis: Redis, timeout: float = PUBLISH_TIMEOUT) -> None:
        self.redis = redis
        self.timeout = timeout
        self._queue: asyncio.Queue[tuple[DomainEvent, float]] = asyncio.Queue(PUBLISH_QUEUE)
        self._task: asyncio.Task[None] | None = None
        self.dropped = 0
        self._last_warning = 0.0

    async def publish(self, event: DomainEvent) -> None:
        committed_at = time.time()  # the outlet runs right after the commit
        try:
            self._queue.put_nowait((event, committed_at))
        except asyncio.QueueFull:
            self._lost(f"{PUBLISH_QUEUE} events already waiting")
            return
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        while True:
            # Whatever has queued up goes out in one pipeline: one round trip, in order.
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < PUBLISH_BATCH:
                batch.append(self._queue.get_nowait())
            try:
                async with asyncio.timeout(self.timeout):
                    pipe = self.redis.pipeline(transaction=False)
                    for event, committed_at in batch:
                        pipe.publish(channel_for(event.estate), encode(event, committed_at))
                    await pipe.execute()
            except asyncio.CancelledError:
                self._lost("shutting down", len(batch))
                raise
            except Exception as exc:
                self._lost(f"{type(exc).__name__}: {exc}", len(batch))
            finally:
                for _ in batch:
                    self._queue.task_done()

    def _lost(self, why: str, events: int = 1) -> None:
        self.dropped += events
        now = time.monotonic()
        if now - self._last_warning > 10:  # one line per 10 s, however many are lost
            self._last_warning = now
            log.warning("live updates: %d events not published so far (%s)", self.dropped, why)

    async def close(self) -> None:
        """Give what is waiting a last chance (bounded), then stop."""
        if self._task is None:
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.timeout):
                await self._queue.join()
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        while not self._queue.empty():
            self._queue.get_nowait()
            self._queue.task_done()
            self._lost("shutting down")


class RedisHub(Hub):
    """Events through Redis pub/sub: every API process delivers to its own subscribers."""

    def __init__(
        self, redis: Redis, timeout: float = PUBLISH_TIMEOUT, queue_size: int = QUEUE_SIZE
    ) -> None:
        super().__init__(queue_size)
        self.redis = redis
        self.publisher = RedisPublisher(redis, timeout)
        self._pubsub: PubSub | None = None
        self._reader: asyncio.Task[None] | None = None
        # Channels asked of the current connection, and SUBSCRIBE replies still to come:
        # a channel is live once its last SUBSCRIBE is confirmed.
        self._requested: set[str] = set()
        self._unconfirmed: dict[str, int] = {}
        self._confirmed: dict[str, asyncio.Event] = {}
        self._lock = asyncio.Lock()
        self._chores: set[asyncio.Task[None]] = set()
        self.connections = 0  # how many times the reader (re)connected

    async def start(self) -> None:
        if self._reader is None:
            self._reader = asyncio.create_task(self._read_forever(), name="estatepay-live")

    async def stop(self) -> None:
        await self.publisher.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None

    async def publish(self, event: DomainEvent) -> None:
        await self.publisher.publish(event)

    def _wanted(self) -> set[str]:
        return {channel_for(estate) for estate in self._subscribers}

    async def _listen(self, estate: str) -> None:
        channel = channel_for(estate)
        confirmed = self._confirmed.setdefault(channel, asyncio.Event())
        if confirmed.is_set():
            return
        try:
            await self._reconcile()
        except Exception as exc:  # the reader reconnects and subscribes what is wanted
            log.warning("live updates could not subscribe %s yet: %s", estate, exc)
        try:
            await asyncio.wait_for(confirmed.wait(), SUBSCRIBE_TIMEOUT)
        except TimeoutError:
            # Redis is away: the reader subscribes this estate when it is back.
            log.warning("live updates for %s not confirmed by Redis yet", estate)

    def _forget(self, estate: str) -> None:
        task = asyncio.create_task(self._reconcile())
        self._chores.add(task)  # a task nobody holds may be collected half-way
        task.add_done_callback(self._chores.discard)
        task.add_done_callback(_log_failure)

    async def _reconcile(self) -> None:
        """Bring the connection's channels in line with the local subscribers."""
        async with self._lock:
            pubsub = self._pubsub
            if pubsub is None:  # the reader subscribes everything wanted when it connects
                return
            wanted = self._wanted()
            extra = self._requested - wanted - {CONTROL_CHANNEL}
            missing = wanted - self._requested
            if extra:
                self._requested -= extra
                for channel in extra:
                    self._confirmed.pop(channel, None)
                await pubsub.unsubscribe(*extra)
            if missing:
                await self._subscribe(pubsub, missing)

    async def _subscribe(self, pubsub: PubSub, channels: set[str]) -> None:
        self._requested |= channels
        for channel in channels:
            self._unconfirmed[channel] = self._unconfirmed.get(channel, 0) + 1
        await pubsub.subscribe(*channels)

    async def _read_forever(self) -> None:
        delay = 0.1
        while True:
            pubsub = self.redis.pubsub()
            try:
                async with self._lock:
                    # A new connection: every channel must be subscribed and confirmed again.
                    wanted = self._wanted()
                    self._requested, self._unconfirmed = set(), {}
                    self._confirmed = {c: e for c, e in self._confirmed.items() if c in wanted}
                    for confirmed in self._confirmed.values():
                        confirmed.clear()
                    await self._subscribe(pubsub, {CONTROL_CHANNEL} | wanted)
                    self._pubsub = pubsub
                self.connections += 1
                delay = 0.1
                while True:
                    message = await pubsub.get_message(timeout=None)
                    if message is not None:
                        self._handle(message)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("live updates lost Redis (%s); reconnecting in %.1fs", exc, delay)
            finally:
                self._pubsub = None
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_DELAY)

    def _handle(self, message: dict[str, object]) -> None:
        kind = message.get("type")
        raw_channel = message.get("channel")
        channel = raw_channel.decode() if isinstance(raw_channel, bytes) else str(raw_channel)
        if kind == "message":
            data = message.get("data")
            if isinstance(data, bytes | str) and (hint := decode(channel, data)) is not None:
                self.deliver(hint)
        elif kind == "subscribe":
            left = self._unconfirmed.get(channel, 0) - 1
            self._unconfirmed[channel] = max(left, 0)
            if left <= 0 and channel in self._requested:
                self._confirmed.setdefault(channel, asyncio.Event()).set()


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.warning("live updates could not unsubscribe: %s", task.exception())


def make_hub(redis: Redis | None, timeout: float = PUBLISH_TIMEOUT) -> Hub:
    return RedisHub(redis, timeout) if redis is not None else LocalHub()
