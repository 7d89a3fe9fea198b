"""The request id of the work in hand: set per HTTP request (or taken from the
`X-Request-Id` it came with), carried in every job the request sends and set again while
the job runs, so one id finds a request's log lines and its jobs' lines."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

# A caller's own id is kept if it looks like one (no spaces, quotes or control characters
# to forge log lines with), else a fresh one replaces it.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:-]{1,64}")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def new_request_id(offered: str | None = None) -> str:
    if offered and _ACCEPTABLE.fullmatch(offered):
        return offered
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return request_id.get()


# The client address of the request in hand (as uvicorn sees it), for the audit log.
client_address: ContextVar[str | None] = ContextVar("client_address", default=None)
