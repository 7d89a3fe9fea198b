"""Domain events: what changed, announced once the change has committed.

Services call `changed(...)`; the assembly layer installs outlets that carry events on
(live subscriptions through the pub/sub hub, background jobs through the broker). The
services never learn which outlets exist, so they stay framework-free.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Literal

from tenants.scope import after_commit_batched, current_scope

log = logging.getLogger(__name__)
Topic = Literal[
    "bill", "payment", "wallet", "notification", "payout", "resident", "property", "estate"
]


@dataclass(frozen=True, slots=True)
class DomainEvent:
    estate: str  # slug: taken from the scope the change ran in, never from a client
    topic: Topic
    object_id: str
    # The resident the object belongs to, when it belongs to one (bills, payments, and a
    # resident itself).
    resident_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, str | None]) -> DomainEvent:
        return cls(**data)  # type: ignore[arg-type]


Outlet = Callable[[DomainEvent], Awaitable[None]]
_outlets: list[Outlet] = []


def install_outlet(outlet: Outlet) -> None:
    _outlets.append(outlet)


def remove_outlet(outlet: Outlet) -> None:
    if outlet in _outlets:
        _outlets.remove(outlet)


def changed(topic: Topic, object_id: object, resident_id: object | None = None) -> None:
    """Announce a change made in the current scope, once (and only if) it commits. The
    events of one commit reach each outlet in order; an outlet with a `many` method gets
    them in one call (the jobs outlet batches bulk notifications)."""
    event = DomainEvent(
        current_scope().slug,
        topic,
        str(object_id),
        str(resident_id) if resident_id is not None else None,
    )
    after_commit_batched("events", event, _deliver)


async def _deliver(events: list[DomainEvent]) -> None:
    # One outlet down (or one event it fails on) must not silence the others.
    for outlet in list(_outlets):
        many = getattr(outlet, "many", None)
        if many is not None:
            try:
                await many(events)
            except Exception:
                log.exception("outlet %r failed on %d events", outlet, len(events))
            continue
        for event in events:
            try:
                await outlet(event)
            except Exception:
                log.exception("outlet %r failed on %s", outlet, event)
