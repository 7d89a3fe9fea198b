"""Dead letters: when a job has spent its retries, what it was for says so where people
look (Dramatiq's own dead-letter queue keeps the message and nothing else). A
notification's channels still unsent turn DEAD, a scheduled job's run for its slot turns
DEAD; both keep their last error. (The webhook actor has no Dramatiq retries: its
event's row holds its budget.)"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware, Retries

from workers.jobs import BY_NAME

log = logging.getLogger(__name__)
# Runs the recording coroutine to its end from a worker thread.
Runner = Callable[[Coroutine[Any, Any, bool]], object]


async def record(job: str, args: Sequence[Any], error: str) -> bool:
    """Mark what the job `job(*args)` was for as given up; False for a job with nothing
    to mark, or when it could not be marked (logged)."""
    declared = BY_NAME.get(job)
    if declared is None or declared.gives_up is None:
        return False
    try:
        await declared.gives_up(job, args, error)
    except Exception:  # the database is away: Dramatiq's dead-letter queue still has it
        log.exception("could not record that %s%r gave up", job, tuple(args))
        return False
    log.warning("%s%r gave up: %s", job, tuple(args), error)
    return True


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


class DeadLetters(Middleware):
    """Records a message Dramatiq has failed for good. Installed before `Retries`: the
    `after_` hooks run in reverse order, so this one runs once Retries has decided, and
    `message.failed` says whether it gave up (retries spent) or sent the message again."""

    def __init__(self, run: Runner) -> None:
        self.run = run

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any | None = None,
        exception: BaseException | None = None,
    ) -> None:
        if exception is not None and message.failed:
            self._record(message, describe(exception))

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        if message.failed:  # failed before it ran (e.g. too old to run)
            self._record(message, "failed without running")

    def _record(self, message: MessageProxy, error: str) -> None:
        self.run(record(message.actor_name, message.args, error))


def install(broker: dramatiq.Broker, run: Runner) -> None:
    broker.add_middleware(DeadLetters(run), before=Retries)
