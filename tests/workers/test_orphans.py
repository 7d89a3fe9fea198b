"""A dead worker's messages go back to their queues on the keeper's next round (in real
Redis, under a namespace of the test's own): the delayed retries it had fetched and the
jobs it was running; a live worker's are left alone."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import dramatiq
import pytest
import redis
from dramatiq.brokers.redis import RedisBroker

from tests.conftest import REDIS_URL
from workers.orphans import OrphanKeeper

QUEUE = "payouts"


@pytest.fixture
def namespace() -> Iterator[str]:
    name = f"orphans-{uuid.uuid4().hex[:8]}"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{name}:*"):
        client.delete(key)
    client.close()


def worker_broker(namespace: str) -> RedisBroker:
    broker = RedisBroker(url=REDIS_URL, namespace=namespace, middleware=[])
    broker.declare_queue(QUEUE)  # and its delay queue
    return broker


def message(queue: str) -> dramatiq.Message[None]:
    return dramatiq.Message(
        queue_name=queue, actor_name="send_payout", args=("estate", "id"), kwargs={}, options={}
    )


def holds(broker: RedisBroker, queue: str) -> int:
    return int(broker.client.scard(f"{broker.namespace}:__acks__.{broker.broker_id}.{queue}"))


def queued(broker: RedisBroker, queue: str) -> int:
    return int(broker.client.llen(f"{broker.namespace}:{queue}"))


def test_a_dead_workers_messages_come_back_and_a_live_ones_stay(namespace: str) -> None:
    dead, alive, restarted = (worker_broker(namespace) for _ in range(3))
    delay_queue = f"{QUEUE}.DQ"
    # The killed worker had fetched a delayed retry and a job it was running.
    for queue in (delay_queue, QUEUE):
        dead.enqueue(message(queue))
        assert len(dead.do_fetch(queue, 10)) == 1
    # A worker still beating holds a job too.
    alive.enqueue(message(QUEUE))
    assert len(alive.do_fetch(QUEUE, 10)) == 1
    assert (holds(dead, delay_queue), holds(dead, QUEUE), holds(alive, QUEUE)) == (1, 1, 1)

    keeper = OrphanKeeper(restarted)
    keeper.requeue()  # the dead one's last beat is recent: not dead yet
    assert (holds(dead, delay_queue), holds(dead, QUEUE)) == (1, 1)

    # Its last heartbeat is older than the timeout (as 60 s after a SIGKILL).
    stale = int(time.time() * 1000) - dead.heartbeat_timeout - 1000
    dead.client.zadd(f"{namespace}:__heartbeats__", {dead.broker_id: stale})
    keeper.requeue()
    assert (holds(dead, delay_queue), holds(dead, QUEUE)) == (0, 0)
    assert (queued(restarted, delay_queue), queued(restarted, QUEUE)) == (1, 1)
    assert holds(alive, QUEUE) == 1  # the live worker keeps what it runs
    # The restarted worker takes them up.
    assert len(restarted.do_fetch(delay_queue, 10)) == 1
    assert len(restarted.do_fetch(QUEUE, 10)) == 1
