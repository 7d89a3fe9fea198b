"""Jobs under observation: each message carries the request id of the request (or job)
that sent it, set again while it runs so the job's log lines carry it too; each run is
counted by job and outcome and logged in one line."""

from __future__ import annotations

import logging
import time
from contextvars import Token
from typing import Any

import dramatiq
from dramatiq.broker import MessageProxy
from dramatiq.middleware import Middleware

from services.telemetry.context import current_request_id, request_id
from services.telemetry.metrics import JOBS

log = logging.getLogger("estatepay.jobs")
OPTION = "request_id"


def message_options() -> dict[str, Any]:
    """Options for a message sent now: the request id in hand, if any."""
    rid = current_request_id()
    return {OPTION: rid} if rid else {}


def job_finished(job: str, started: float, error: BaseException | None) -> None:
    outcome = "failed" if error is not None else "succeeded"
    JOBS.labels(job, outcome).inc()
    fields = {
        "job": job,
        "outcome": outcome,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    if error is not None:
        fields["error"] = f"{type(error).__name__}: {error}"
    # A job a request sent is worth its line; the schedule's routine runs only at DEBUG.
    level = logging.INFO if current_request_id() or error is not None else logging.DEBUG
    log.log(level, "job %s %.1f ms", job, fields["duration_ms"], extra={"fields": fields})


class JobTelemetry(Middleware):
    """On the worker's broker: the request id and the count and line per message (the
    actor's coroutine runs on the event loop with the context of the worker thread that
    scheduled it, so the id set here reaches it)."""

    def __init__(self) -> None:
        self._running: dict[str, tuple[float, Token[str | None]]] = {}

    def before_process_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        token = request_id.set(message.options.get(OPTION))
        self._running[message.message_id] = (time.perf_counter(), token)

    def after_process_message(
        self,
        broker: dramatiq.Broker,
        message: MessageProxy,
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        started, token = self._running.pop(message.message_id, (time.perf_counter(), None))
        job_finished(message.actor_name, started, exception)
        if token is not None:
            request_id.reset(token)

    def after_skip_message(self, broker: dramatiq.Broker, message: MessageProxy) -> None:
        self.after_process_message(broker, message)
