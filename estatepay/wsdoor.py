"""The WebSocket door: who may hold a socket on /graphql, and how many may.

A socket is acknowledged only once its `connection_init` carries a valid token and an
estate the user is a member of; before that it is closed, never acknowledged: 4401 for a
missing, malformed, bad or expired token, 4403 for a missing, malformed or unknown estate or
one the user does not belong to (the two answer alike: no existence oracle); 4503 when the
database is down and neither can be checked (the client should retry later; its token may
well be good). Every live
update is estate-scoped, so there is no socket without an estate, for platform operators
too (they are members of no estate by virtue of their role, as over HTTP).

An acknowledged socket is checked again every `WS_RECHECK_SECONDS` (the same checks,
with the same credentials): once the token has expired or been revoked, the user
deactivated, the membership removed or the role changed, the socket is closed with 4403
and its subscriptions end; a client signs in again and reconnects. While the database is
down the socket is left as it is (its rights cannot be told).

The caps are counted per API process, in memory: a process that dies takes its sockets
and its counts with it, so nothing shared is ever left to clean up. With N processes behind
a balancer a user or address may hold up to N times each cap.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from graphql import GraphQLError

from resolvers.context import RequestContext, build_context
from services.errors import Unavailable
from tenants.scope import SLUG_PATTERN

UNAUTHORIZED = 4401
FORBIDDEN = 4403
INIT_TIMEOUT = 4408
TOO_MANY = 4429
UNAVAILABLE = 4503
# Longer than any token we sign: anything past it is refused without being parsed.
MAX_AUTHORIZATION_LENGTH = 4096


class Refused(Exception):
    """The socket is to be closed with `code` before it is acknowledged."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason  # a WebSocket close reason: at most 123 bytes


class Door:
    """This process's open sockets, per client address and per signed-in user. A socket
    is known by its connection context (one per socket) from `enter` to `leave`."""

    def __init__(
        self, per_user: int, per_address: int, per_socket: int, recheck_seconds: float = 30.0
    ) -> None:
        self.per_user = per_user
        self.recheck_seconds = recheck_seconds  # how often an open socket is checked again
        self.per_address = per_address
        self.per_socket = per_socket  # operations running at once on one socket
        self._addresses: Counter[str] = Counter()
        self._users: Counter[str] = Counter()
        self._open: dict[int, tuple[str, str | None]] = {}

    def enter(self, socket: RequestContext) -> bool:
        """A socket was accepted; False (and not counted) if its address is at the cap."""
        address = socket.client_address
        if self._addresses[address] >= self.per_address:
            return False
        self._addresses[address] += 1
        self._open[id(socket)] = (address, None)
        return True

    def sign_in(self, socket: RequestContext) -> None:
        """The socket's user is known: count it against the user's cap, or refuse it."""
        # Once per socket: both protocol handlers let one `connection_init` through.
        address, _ = self._open[id(socket)]
        user = str(socket.user_id)
        if self._users[user] >= self.per_user:
            raise Refused(TOO_MANY, "Too many sockets for this user")
        self._users[user] += 1
        self._open[id(socket)] = (address, user)

    def leave(self, socket: RequestContext) -> None:
        address, user = self._open.pop(id(socket))
        _release(self._addresses, address)
        if user is not None:
            _release(self._users, user)

    def sockets(self) -> int:
        return len(self._open)

    def over_cap(self) -> GraphQLError:
        """The error of an operation started on a socket already running `per_socket`."""
        return GraphQLError(
            f"at most {self.per_socket} operations at once on one socket",
            extensions={"code": "RATE_LIMITED"},
        )


def _release(counts: Counter[str], key: str) -> None:
    counts[key] -= 1
    if counts[key] <= 0:
        del counts[key]  # an address seen once is not remembered for ever


def _credentials(context: RequestContext) -> tuple[Any, Any]:
    """From the `connection_init` payload (browsers cannot set headers on a WebSocket);
    when it names neither, from the upgrade request's headers."""
    params = context.connection_params or {}
    if "authorization" in params or "tenant" in params:
        return params.get("authorization"), params.get("tenant")
    headers = context.request.headers if context.request is not None else {}
    return headers.get("authorization"), headers.get("x-tenant")


async def still_admitted(context: RequestContext) -> bool | None:
    """Whether the socket's credentials still admit it with the rights it was given;
    None while the database cannot tell."""
    authorization, tenant = _credentials(context)
    slug = tenant.strip().lower() if isinstance(tenant, str) else None
    fresh = await build_context(
        context.settings, context.login_failures, context.client_address, authorization, slug
    )
    if isinstance(fresh.auth_error, Unavailable) or isinstance(fresh.tenant_error, Unavailable):
        return None
    if fresh.access is None or context.access is None:
        return False
    return fresh.access.roles == context.access.roles


async def keep_checking(
    context: RequestContext, every: float, close: Callable[[int, str], Awaitable[None]]
) -> None:
    """Run beside a socket: close it (4403) once `still_admitted` says no."""
    while True:
        await asyncio.sleep(every)
        if context.access is None:  # not acknowledged yet: the door's first check is due
            continue
        if await still_admitted(context) is False:
            await close(FORBIDDEN, "Forbidden: signed out, expired or no longer a member")
            return


async def admit(context: RequestContext) -> None:
    """Check the socket's credentials and adopt them, or raise `Refused`."""
    authorization, tenant = _credentials(context)
    if (
        not isinstance(authorization, str)
        or not authorization.strip()
        or len(authorization) > MAX_AUTHORIZATION_LENGTH
    ):
        raise Refused(UNAUTHORIZED, "Unauthorized: send authorization: Bearer <token>")
    slug = tenant.strip().lower() if isinstance(tenant, str) else ""
    well_formed = SLUG_PATTERN.fullmatch(slug) is not None
    fresh = await build_context(
        context.settings,
        context.login_failures,
        context.client_address,
        authorization,
        slug if well_formed else None,
    )
    if isinstance(fresh.auth_error, Unavailable) or isinstance(fresh.tenant_error, Unavailable):
        raise Refused(UNAVAILABLE, "UNAVAILABLE: the database is unavailable; retry later")
    if fresh.user is None:
        raise Refused(UNAUTHORIZED, "Unauthorized: invalid or expired token")
    if fresh.access is None:
        raise Refused(FORBIDDEN, "Forbidden: send the slug of an estate you belong to as tenant")
    context.adopt_credentials(fresh)
