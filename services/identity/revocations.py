"""Revocations: a change of who may do what (a session ended, a password or membership
changed, an estate suspended), announced once it has committed so that every API process
forgets what it remembered about those callers (`services.identity.authcache`).

Services call `revoked(...)` after their commit; the assembly layer decides how the news
travels (in-process, or through Redis to every process) by setting the announcer for the
request it serves. Without one (a CLI command, a test calling a service) nothing is told:
no process remembers a caller for longer than AUTH_CACHE_SECONDS anyway.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

Kind = Literal["session", "user", "estate"]
KINDS: tuple[Kind, ...] = ("session", "user", "estate")


@dataclass(frozen=True, slots=True)
class Revocation:
    """Forget every remembered caller of this session, user or estate."""

    kind: Kind
    id: str

    def encode(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def decode(cls, text: str) -> Revocation | None:
        kind, _, value = text.partition(":")
        for known in KINDS:
            if kind == known and value:
                return cls(known, value)
        return None


def session(session_id: uuid.UUID | str) -> Revocation:
    return Revocation("session", str(session_id))


def user(user_id: uuid.UUID | str) -> Revocation:
    return Revocation("user", str(user_id))


def estate(estate_id: uuid.UUID | str) -> Revocation:
    return Revocation("estate", str(estate_id))


Announce = Callable[[Sequence[Revocation]], Awaitable[None]]
_announcer: ContextVar[Announce | None] = ContextVar("estatepay_revocations", default=None)


@contextmanager
def announcing(announce: Announce) -> Iterator[None]:
    """Within the block (and the tasks it starts), revocations are told to `announce`."""
    token = _announcer.set(announce)
    try:
        yield
    finally:
        _announcer.reset(token)


async def revoked(*revocations: Revocation) -> None:
    """Call after the change has committed: a caller remembered before the commit is
    forgotten, and one looked up meanwhile is not remembered (see `AuthCache.store`)."""
    announce = _announcer.get()
    if announce is not None and revocations:
        await announce(revocations)
