"""Per-request observation at the ASGI level, so every answer counts whichever path made
it (graphql-core, the compiled read path, a refusal, a webhook): the request id (taken
from `X-Request-Id` or made, echoed back), the HTTP and GraphQL series, and one log line
per request on `estatepay.access` with the estate, operation, duration and outcome."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, parse
from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.telemetry import metrics
from services.telemetry.context import client_address, new_request_id, request_id
from tenants.database import pools_in_use
from tenants.scope import SLUG_PATTERN

access_log = logging.getLogger("estatepay.access")
# Probes and scrapes come every few seconds: their lines only at DEBUG.
QUIET_PATHS = frozenset({"/metrics", "/healthz", "/readyz"})
# Clients name operations as they like: past this many distinct names (per process) the
# rest are counted as "other", so a client cannot grow the series without bound.
MAX_OPERATION_NAMES = 200
# Documents longer than this are described once each, not remembered.
CACHEABLE_DOCUMENT = 10_000


@dataclass
class Observed:
    """What the GraphQL view learns about the request it answers."""

    operation: str | None = None
    kind: str | None = None
    outcome: str = "ok"
    read_path: str | None = None


observed: ContextVar[Observed | None] = ContextVar("estatepay_observed", default=None)
_names: set[str] = set()


def _bounded(name: str) -> str:
    if name in _names:
        return name
    if len(_names) >= MAX_OPERATION_NAMES:
        return "other"
    _names.add(name)
    return name


def _describe(query: str, operation_name: str | None) -> tuple[str, str]:
    """(operation type, name): the named operation's name, else its root fields."""
    try:
        document = parse(query, no_location=True, max_tokens=5000)
    except GraphQLError:
        return "invalid", "invalid"
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name and o.name.value == operation_name)
    ]
    if len(chosen) != 1:
        return "invalid", "invalid"
    operation = chosen[0]
    if operation.name:
        name = operation.name.value
    else:
        fields = sorted(
            {s.name.value for s in operation.selection_set.selections if isinstance(s, FieldNode)}
        )
        name = "+".join(fields)[:100] or "anonymous"
    return operation.operation.value, name


_describe_cached = lru_cache(maxsize=1024)(_describe)


def note_operation(body: object) -> None:
    """Name the request's GraphQL operation from its JSON body (for the metrics and log)."""
    seen = observed.get()
    if seen is None or not isinstance(body, dict):
        return
    query, name = body.get("query"), body.get("operationName")
    if not isinstance(query, str):
        return
    name = name if isinstance(name, str) and name else None
    describe = _describe_cached if len(query) <= CACHEABLE_DOCUMENT else _describe
    seen.kind, operation = describe(query, name)
    seen.operation = _bounded(operation)


def note_outcome(outcome: str, read_path: str | None = None) -> None:
    seen = observed.get()
    if seen is not None:
        seen.outcome, seen.read_path = outcome, read_path


def _route(routes: Sequence[BaseRoute], scope: Scope) -> str:
    for route in routes:
        match, _ = route.matches(scope)
        if match != Match.NONE:
            return str(getattr(route, "path", "other"))
    return "unmatched"


def _estate(headers: Headers) -> str | None:
    slug = (headers.get("x-tenant") or "").strip().lower()
    return slug if SLUG_PATTERN.match(slug) else None


def sample_pools() -> None:
    for pool, in_use in pools_in_use().items():
        metrics.DB_POOL_IN_USE.labels(pool).set(in_use)


class Observe:
    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        rid = new_request_id(headers.get("x-request-id"))
        rid_token, seen = request_id.set(rid), Observed()
        client = scope.get("client")
        address_token = client_address.set(client[0] if client else None)
        seen_token = observed.set(seen)
        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-Id"] = rid
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            elapsed = time.perf_counter() - started
            self._record(scope, headers, seen, status, elapsed)
            observed.reset(seen_token)
            client_address.reset(address_token)
            request_id.reset(rid_token)

    def _record(
        self, scope: Scope, headers: Headers, seen: Observed, status: int, elapsed: float
    ) -> None:
        route, method = _route(self.routes, scope), scope["method"]
        metrics.HTTP_REQUESTS.labels(route, method, str(status)).inc()
        metrics.HTTP_SECONDS.labels(route).observe(elapsed)
        if seen.operation is not None:
            metrics.GRAPHQL_OPERATIONS.labels(seen.operation, seen.kind, seen.outcome).inc()
            metrics.GRAPHQL_SECONDS.labels(seen.operation, seen.outcome).observe(elapsed)
        sample_pools()
        level = logging.DEBUG if scope["path"] in QUIET_PATHS else logging.INFO
        if not access_log.isEnabledFor(level):
            return
        fields = {
            "method": method,
            "path": scope["path"],
            "status": status,
            "duration_ms": round(elapsed * 1000, 1),
            "estate": _estate(headers),
            "operation": seen.operation,
            "outcome": seen.outcome if seen.operation else ("ok" if status < 400 else "error"),
            "read_path": seen.read_path,
        }
        access_log.log(
            level,
            "%s %s %d %.1f ms",
            method,
            scope["path"],
            status,
            elapsed * 1000,
            extra={"fields": fields},
        )
