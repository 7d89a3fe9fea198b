"""Messages a dead worker held, handed back to their queues.

A Redis worker keeps what it fetched (jobs in flight, and every delayed retry, which it
prefetches and holds until its time) in an ack set of its own. Dramatiq moves a dead
worker's set back to the queue only during "maintenance", which runs on a random 0.1 %
of broker commands, for the queue that command touched, once the worker has not beaten
for `heartbeat_timeout`: a queue polled about once a second waits some 15 minutes on
average, and without bound. A killed worker's payout retry then lay idle that long. So
each `estatepay worker` runs that maintenance itself for every queue, every few seconds.
"""

from __future__ import annotations

from dramatiq.brokers.redis import MAINTENANCE_SCALE, RedisBroker

# How often a running worker looks for dead workers' messages: they come back within
# Dramatiq's heartbeat timeout (60 s) plus this.
CHECK_EVERY_SECONDS = 5.0


class OrphanKeeper:
    """A broker handle of its own (its own id, so it never owns messages) on which every
    command also runs Dramatiq's maintenance for the queue it names."""

    def __init__(self, broker: RedisBroker) -> None:
        self.broker = broker
        self.keeper = RedisBroker(
            middleware=[],
            client=broker.client,
            namespace=broker.namespace,
            heartbeat_timeout=broker.heartbeat_timeout,
            dead_message_ttl=broker.dead_message_ttl,
            maintenance_chance=MAINTENANCE_SCALE,
        )

    def queues(self) -> list[str]:
        broker = self.broker
        return sorted(broker.get_declared_queues() | broker.get_declared_delay_queues())

    def requeue(self) -> None:
        """Hand back whatever dead workers held, on every queue (a cheap no-op when no
        worker has died: two sorted-set range reads per queue)."""
        for queue in self.queues():
            self.keeper.do_qsize(queue)
