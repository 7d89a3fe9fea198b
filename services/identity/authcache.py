"""Who a token is, remembered per process: the user, session, roles and estate that a
request's authentication found, so the next request with that token (and estate) runs
no SQL to know its caller.

An entry is served only while all of these hold:
- it is younger than the TTL (AUTH_CACHE_SECONDS);
- no revocation naming its session, user or estate arrived since it was stored;
- the process is trusted to hear revocations (`trust`): always in-process, and with Redis
  only while the subscription is confirmed and heard from recently. When it lapses the
  memory is emptied and nothing is served until it is back.

A lookup that raced a revocation of its session, user or estate (started before, stored
after) is not stored: every revocation bumps `generation` and notes it against the ids it
names, and `store` refuses a value one of whose ids was revoked after its lookup began.
So a value read from the database before a commit is never remembered after that
commit's revocation has been applied (other callers' revocations do not get in the way).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from services.bounded import Bounded
from services.identity.revocations import Revocation

SIZE = 10_000
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class _Entry(Generic[V]):
    value: V
    session: str
    user: str
    estate: str | None
    stored_at: float


class AuthCache(Generic[V]):
    def __init__(self, ttl: float, size: int = SIZE, trusted: bool = True) -> None:
        self.ttl = ttl
        self._entries: Bounded[Hashable, _Entry[V]] = Bounded(size)
        self.generation = 0
        # The generation of the last revocation of each id ("user:<id>"), the oldest
        # forgotten first; a lookup older than the last one forgotten is not stored.
        self._revoked: OrderedDict[str, int] = OrderedDict()
        self._size = size
        self._forgotten = 0
        # Monotonic time until which entries may be served (see `trust`).
        self._trusted_until = math.inf if trusted else 0.0
        self.hits = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def enabled(self) -> bool:
        return self.ttl > 0

    def trust(self, until: float) -> None:
        """Serve entries until this monotonic time (the revocation listener extends it
        each time it hears from Redis)."""
        self._trusted_until = until

    def distrust(self) -> None:
        """Revocations may be missed from now on: forget everything, serve nothing."""
        self._trusted_until = 0.0
        self.clear()

    def trusted(self) -> bool:
        return self.enabled and time.monotonic() < self._trusted_until

    def begin(self) -> int:
        """Call before looking a caller up in the database; pass the result to `store`."""
        return self.generation

    def get(self, key: Hashable) -> V | None:
        if not self.trusted():
            return None
        entry = self._entries.get(key)
        if entry is None:
            return None
        if time.monotonic() - entry.stored_at >= self.ttl:
            del self._entries[key]
            return None
        self.hits += 1
        return entry.value

    def store(
        self,
        key: Hashable,
        value: V,
        generation: int,
        *,
        session: object,
        user: object,
        estate: object | None,
    ) -> None:
        entry = _Entry(
            value,
            str(session),
            str(user),
            None if estate is None else str(estate),
            time.monotonic(),
        )
        if not self.trusted() or generation < self._forgotten:
            return
        ids = [f"session:{entry.session}", f"user:{entry.user}", f"estate:{entry.estate}"]
        if any(self._revoked.get(id_, 0) > generation for id_ in ids):
            return  # revoked during the lookup: what it found may be stale
        self._entries.remember(key, entry)

    def drop(self, revocations: Iterable[Revocation]) -> int:
        """Forget the entries the revocations name; how many were forgotten."""
        self.generation += 1
        named: dict[str, set[str]] = {"session": set(), "user": set(), "estate": set()}
        for revocation in revocations:
            named[revocation.kind].add(revocation.id)
            self._note(revocation.encode())
        if not any(named.values()):
            return 0
        # Revocations are rare next to requests: a scan of at most SIZE entries is fine.
        gone = [
            key
            for key, entry in self._entries.items()
            if entry.session in named["session"]
            or entry.user in named["user"]
            or (entry.estate is not None and entry.estate in named["estate"])
        ]
        for key in gone:
            del self._entries[key]
        return len(gone)

    def _note(self, revoked: str) -> None:
        self._revoked.pop(revoked, None)
        self._revoked[revoked] = self.generation
        if len(self._revoked) > self._size:
            _, generation = self._revoked.popitem(last=False)
            self._forgotten = generation

    def clear(self) -> None:
        self.generation += 1
        self._forgotten = self.generation  # every lookup under way may have missed something
        self._entries.clear()
