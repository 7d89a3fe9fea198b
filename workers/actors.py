"""The Dramatiq actors, one per job of `workers.jobs.JOBS`, under the job's name and on
its queue. Import after `workers.broker.configure_broker`: actors bind to the broker that
is current when they are defined."""

from __future__ import annotations

import asyncio
from typing import Any

import dramatiq

from workers.jobs import JOBS, Job

Actor = dramatiq.Actor[..., None]


def _actor(job: Job) -> Actor:
    attempt = job.attempt or job.run

    async def run(*args: Any) -> None:
        try:
            left = await attempt(*args)
        except job.expected as exc:
            # An expected outcome, already recorded with its error: retry without a traceback.
            raise dramatiq.Retry(str(exc)) from None
        if job.leftovers_to is not None:
            assert isinstance(left, list)  # the attempt's leftovers
            for item in left:  # each on its own, with that job's retries
                await asyncio.to_thread(ACTORS[job.leftovers_to].send, args[0], item)

    declare = dramatiq.actor(actor_name=job.name, queue_name=job.queue.name, **job.queue.retries())
    return declare(run)


ACTORS: dict[str, Actor] = {job.name: _actor(job) for job in JOBS}


def __getattr__(name: str) -> Actor:
    """`actors.deliver_notification`: each actor by its job's name."""
    try:
        return ACTORS[name]
    except KeyError:
        raise AttributeError(f"no actor {name!r}") from None
