"""DataLoaders, made per request (per operation on WebSockets) so nothing is cached
across callers."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from strawberry.dataloader import DataLoader

from services.identity.models import Membership, User
from services.properties.catalog import units_by_property
from services.properties.models import Unit
from services.residents.directory import units_by_resident, users_by_id

K = TypeVar("K")
V = TypeVar("V")


def _keyed(
    fetch: Callable[[list[K]], Awaitable[dict[K, V]]], default: Callable[[], V]
) -> Callable[[Sequence[K]], Awaitable[list[V]]]:
    async def load(keys: Sequence[K]) -> list[V]:
        found = await fetch(list(keys))
        return [found.get(key, default()) for key in keys]

    return load


async def _memberships_by_user(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Membership]]:
    grouped: dict[uuid.UUID, list[Membership]] = {}
    rows = await Membership.filter(user_id__in=user_ids, estate__status="ACTIVE").prefetch_related(
        "estate"
    )
    for membership in rows:
        grouped.setdefault(uuid.UUID(str(membership.user_id)), []).append(membership)
    return grouped


async def _users_by_id(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, User | None]:
    return dict(await users_by_id(user_ids))


class Loaders:
    def __init__(self) -> None:
        self.units_by_property: DataLoader[uuid.UUID, list[Unit]] = DataLoader(
            _keyed(units_by_property, list)
        )
        self.units_by_resident: DataLoader[uuid.UUID, list[Unit]] = DataLoader(
            _keyed(units_by_resident, list)
        )
        self.user: DataLoader[uuid.UUID, User | None] = DataLoader(
            _keyed(_users_by_id, lambda: None)
        )
        self.memberships: DataLoader[uuid.UUID, list[Membership]] = DataLoader(
            _keyed(_memberships_by_user, list)
        )
