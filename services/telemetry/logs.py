"""Log output: one JSON object per line in production (for a log pipeline), a readable
line elsewhere (the demo, a developer's terminal). Either way every record made while a
request or a job runs carries its request id.

Structured fields go in `extra={"fields": {...}}`; the JSON format writes them as keys,
the console format as `key=value` after the message."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from services.telemetry.context import current_request_id

FORMATS = ("json", "console")
# Libraries whose INFO lines say nothing an operator needs (Tortoise announces its
# shutdown on every start and CLI command).
QUIET = {"tortoise": logging.WARNING, "aerich": logging.WARNING}


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    found = getattr(record, "fields", None)
    return found if isinstance(found, dict) else {}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id:
            line["request_id"] = request_id
        line.update(_fields(record))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        # ASCII only: a message's own line separators (U+2028, NEL...) escaped, so one
        # record is one line to every reader.
        return json.dumps(line, default=str)


class ConsoleFormatter(logging.Formatter):
    # Fields a request's message already shows ("POST /graphql 200 12.5 ms").
    IN_MESSAGE = frozenset({"method", "path", "status", "duration_ms", "job"})

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        parts = [f"{stamp} {record.levelname:<7} {record.name}: {record.getMessage()}"]
        parts += [
            f"{key}={value}"
            for key, value in _fields(record).items()
            if value is not None and key not in self.IN_MESSAGE
        ]
        request_id = getattr(record, "request_id", None)
        if request_id:
            parts.append(f"[{request_id[:12]}]")
        text = " ".join(parts)
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def configure_logging(format: str = "console", level: int = logging.INFO) -> None:
    """The process's root handler (replacing any before it) on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if format == "json" else ConsoleFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name, quiet in QUIET.items():
        logging.getLogger(name).setLevel(quiet)
    # uvicorn's own handlers would print its lines twice, and its access lines say less
    # than ours (estatepay.access): its records go through the root handler only.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
