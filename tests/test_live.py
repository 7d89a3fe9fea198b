"""The live-updates hub on real Redis (and in-process): what commits is delivered to the
subscribers of its estate, what rolls back is not, a lost connection is made again."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from services import events
from services.events import DomainEvent
from services.live import Hint, Hub, LocalHub, RedisHub, RedisPublisher, Subscriber, channel_for
from tenants.scope import tenant_scope
from tests.conftest import REDIS_URL, unique_slug

pytestmark = pytest.mark.usefixtures("database")


def everything(event: DomainEvent) -> bool:
    return True


@pytest.fixture
async def redis_hub() -> AsyncIterator[RedisHub]:
    # Its own client, named, so a test can find and cut exactly this hub's connection.
    client = Redis.from_url(REDIS_URL, client_name=f"live-test-{uuid.uuid4().hex[:8]}")
    hub = RedisHub(client)
    await hub.start()
    events.install_outlet(hub.publish)
    yield hub
    events.remove_outlet(hub.publish)
    await hub.stop()
    await client.aclose()


async def change(slug: str, object_id: str, fail: bool = False) -> None:
    """A committed (or rolled back) change in `slug`'s scope announcing a bill."""
    try:
        async with tenant_scope(slug):
            events.changed("bill", object_id, "r-1")
            if fail:
                raise RuntimeError("rolled back")
    except RuntimeError:
        assert fail


async def next_hint(subscriber: Subscriber) -> Hint:
    return await asyncio.wait_for(anext(subscriber), 15)


async def test_a_commit_reaches_its_estate_and_a_rollback_reaches_nobody(
    redis_hub: RedisHub,
) -> None:
    mine, other = unique_slug("live"), unique_slug("live")
    async with (
        redis_hub.subscribe(mine, everything) as subscriber,
        redis_hub.subscribe(other, everything) as bystander,
    ):
        await change(mine, "rolled-back", fail=True)
        await change(other, "elsewhere")
        await change(mine, "committed")
        hint = await next_hint(subscriber)
        # Redis keeps the order of one publisher: had the rollback been published, it
        # would have come first.
        assert hint.event == DomainEvent(mine, "bill", "committed", "r-1")
        assert (await next_hint(bystander)).event.object_id == "elsewhere"
        await change(mine, "last")
        assert (await next_hint(subscriber)).event.object_id == "last"
    assert redis_hub.subscriber_count() == 0


async def test_two_hubs_both_deliver(redis_hub: RedisHub) -> None:
    """Two processes' hubs: every one delivers to its own subscribers."""
    other_client = Redis.from_url(REDIS_URL)
    other_hub = RedisHub(other_client)
    await other_hub.start()
    slug = unique_slug("live")
    try:
        async with (
            redis_hub.subscribe(slug, everything) as here,
            other_hub.subscribe(slug, everything) as there,
        ):
            await change(slug, "both")
            assert (await next_hint(here)).event.object_id == "both"
            assert (await next_hint(there)).event.object_id == "both"
    finally:
        await other_hub.stop()
        await other_client.aclose()


async def test_a_message_naming_another_estate_than_its_channel_is_ignored(
    redis_hub: RedisHub, redis: Redis
) -> None:
    mine, other = unique_slug("live"), unique_slug("live")
    forged = {"event": DomainEvent(other, "bill", "forged", None).as_dict(), "at": 0}
    async with (
        redis_hub.subscribe(mine, everything) as subscriber,
        redis_hub.subscribe(other, everything) as target,
    ):
        await redis.publish(channel_for(mine), json.dumps(forged))
        await redis.publish(channel_for(mine), "not json")
        await change(mine, "genuine")
        await change(other, "genuine-other")
        assert (await next_hint(subscriber)).event.object_id == "genuine"
        assert (await next_hint(target)).event.object_id == "genuine-other"


async def test_the_hub_subscribes_again_after_losing_its_connection(
    redis_hub: RedisHub, redis: Redis
) -> None:
    slug = unique_slug("live")
    async with redis_hub.subscribe(slug, everything) as subscriber:
        name = redis_hub.redis.connection_pool.connection_kwargs["client_name"]
        clients = await redis.client_list(_type="pubsub")
        ours = [c["id"] for c in clients if c.get("name") == name]
        assert len(ours) == 1
        await redis.execute_command("CLIENT", "KILL", "ID", ours[0])
        # Pub/sub is at-most-once: what is published while it reconnects is lost, so keep
        # publishing until one gets through.
        for attempt in range(300):
            await change(slug, f"after-{attempt}")
            try:
                hint = await asyncio.wait_for(anext(subscriber), 0.1)
            except TimeoutError:
                continue
            assert hint.event.object_id.startswith("after-")
            break
        else:
            pytest.fail("nothing delivered after the connection was cut")


async def test_the_embedded_hub_delivers_in_process() -> None:
    hub: Hub = LocalHub()
    events.install_outlet(hub.publish)
    slug, other = unique_slug("live"), unique_slug("live")
    try:
        async with hub.subscribe(slug, lambda e: e.object_id != "filtered") as subscriber:
            await change(slug, "rolled-back", fail=True)
            await change(other, "elsewhere")
            await change(slug, "filtered")
            await change(slug, "kept")
            assert (await next_hint(subscriber)).event.object_id == "kept"
    finally:
        events.remove_outlet(hub.publish)


def hint(object_id: str, topic: str = "bill") -> Hint:
    return Hint(DomainEvent("est", topic, object_id), 0.0)  # type: ignore[arg-type]


async def test_a_slow_subscriber_keeps_one_hint_per_object_and_drops_the_oldest() -> None:
    subscriber = Subscriber("est", everything, maxsize=3)
    for object_id in ["a", "b", "a", "c", "d"]:
        subscriber.offer(hint(object_id))
    subscriber.offer(hint("a", topic="payment"))  # another kind of object
    subscriber.offer(Hint(DomainEvent("other", "bill", "x"), 0.0))  # another estate
    received = [(await next_hint(subscriber)).event for _ in range(3)]
    # "a" was queued once (its re-read covers both changes), then dropped as the oldest.
    assert [(e.topic, e.object_id) for e in received] == [
        ("bill", "c"),
        ("bill", "d"),
        ("payment", "a"),
    ]
    assert subscriber.dropped == 2
    subscriber.offer(hint("a"))  # taken out of the queue: a new change is queued again
    assert (await next_hint(subscriber)).event.object_id == "a"


async def test_a_stalled_redis_never_holds_up_the_commit() -> None:
    """A Redis that accepts and never answers: the committed change returns at once, the
    event is given up after the publish timeout, and nothing else is held."""
    accepted: list[asyncio.StreamWriter] = []

    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(writer)  # read nothing, answer nothing

    server = await asyncio.start_server(stall, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = Redis.from_url(f"redis://127.0.0.1:{port}/0")
    publisher = RedisPublisher(client, timeout=0.2)
    events.install_outlet(publisher.publish)
    try:
        slug = unique_slug("live")
        await change(slug, "stalled")  # returns: the outlet only queued the event
        assert publisher.dropped == 0
        await publisher.close()  # waits at most the timeout for the queue to drain
        assert publisher.dropped == 1
    finally:
        events.remove_outlet(publisher.publish)
        for writer in accepted:
            writer.close()
        server.close()
        await client.aclose()
