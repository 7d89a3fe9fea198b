"""DataLoaders, made per request (per operation on WebSockets) so nothing is cached
across callers."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

from services.bills.models import Bill
from services.bills.queries import payments_by_bill
from services.identity.models import Membership, User
from services.notifications.delivery import deliveries_by_notification
from services.notifications.models import NotificationDelivery
from services.payments.models import Payment
from services.properties.catalog import units_by_id, units_by_property
from services.properties.models import Unit
from services.residents.directory import units_by_resident, users_by_id
from services.residents.models import Resident
from services.wallets.models import Wallet
from tenants.scope import scope_or_none, tenant_scope

K = TypeVar("K")
V = TypeVar("V")


@asynccontextmanager
async def _estate_scope(estate_slug: Callable[[], str | None]) -> AsyncIterator[None]:
    """Loads run in the operation's scope; operations that manage their own scopes
    (around provider calls) get one per batch instead."""
    slug = estate_slug()
    if scope_or_none() is not None or slug is None:
        yield
        return
    async with tenant_scope(slug):
        yield


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


async def _by_id(model: type[Any], ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return {row.id: row for row in await model.filter(id__in=ids)}


async def _wallet_by_resident(resident_ids: list[uuid.UUID]) -> dict[uuid.UUID, Wallet | None]:
    rows = await Wallet.filter(resident_id__in=resident_ids).prefetch_related("account")
    return {uuid.UUID(str(w.resident_id)): w for w in rows}


async def _units(ids: list[uuid.UUID]) -> dict[uuid.UUID, Unit | None]:
    return dict(await units_by_id(ids))


async def _residents(ids: list[uuid.UUID]) -> dict[uuid.UUID, Resident | None]:
    return await _by_id(Resident, ids)


async def _bills(ids: list[uuid.UUID]) -> dict[uuid.UUID, Bill | None]:
    return await _by_id(Bill, ids)


class Loaders:
    def __init__(self, estate_slug: Callable[[], str | None] = lambda: None) -> None:
        self._estate_slug = estate_slug
        self.units_by_property: DataLoader[uuid.UUID, list[Unit]] = DataLoader(
            self._keyed(units_by_property, list)
        )
        self.units_by_resident: DataLoader[uuid.UUID, list[Unit]] = DataLoader(
            self._keyed(units_by_resident, list)
        )
        self.user: DataLoader[uuid.UUID, User | None] = DataLoader(
            self._keyed(_users_by_id, lambda: None)
        )
        self.memberships: DataLoader[uuid.UUID, list[Membership]] = DataLoader(
            self._keyed(_memberships_by_user, list)
        )
        self.payments_by_bill: DataLoader[uuid.UUID, list[Payment]] = DataLoader(
            self._keyed(payments_by_bill, list)
        )
        self.wallet_by_resident: DataLoader[uuid.UUID, Wallet | None] = DataLoader(
            self._keyed(_wallet_by_resident, lambda: None)
        )
        self.unit: DataLoader[uuid.UUID, Unit | None] = DataLoader(
            self._keyed(_units, lambda: None)
        )
        self.resident: DataLoader[uuid.UUID, Resident | None] = DataLoader(
            self._keyed(_residents, lambda: None)
        )
        self.bill: DataLoader[uuid.UUID, Bill | None] = DataLoader(
            self._keyed(_bills, lambda: None)
        )
        self.deliveries_by_notification: DataLoader[uuid.UUID, list[NotificationDelivery]] = (
            DataLoader(self._keyed(deliveries_by_notification, list))
        )

    def _keyed(
        self, fetch: Callable[[list[K]], Awaitable[dict[K, V]]], default: Callable[[], V]
    ) -> Callable[[Sequence[K]], Awaitable[list[V]]]:
        async def load(keys: Sequence[K]) -> list[V]:
            async with _estate_scope(self._estate_slug):
                found = await fetch(list(keys))
            return [found.get(key, default()) for key in keys]

        return load
