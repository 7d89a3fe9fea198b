"""DataLoaders, made per request (per operation on WebSockets) so nothing is cached
across callers. Each batch query lives with its domain in services/; this only wires
them to the request's estate scope."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import TypeVar

from strawberry.dataloader import DataLoader

from services.bills.invoices import lines_by_bill
from services.bills.models import Bill, BillLine
from services.bills.queries import bills_by_id, payments_by_bill
from services.bitcoin.invoices import invoices_by_payment
from services.bitcoin.models import BitcoinInvoice
from services.identity.accounts import memberships_by_user
from services.identity.models import Membership, User
from services.ledger.models import Account
from services.notifications.delivery import deliveries_by_notification
from services.notifications.models import NotificationDelivery
from services.payments.models import Payment
from services.properties.catalog import units_by_id, units_by_property
from services.properties.models import Unit
from services.residents.directory import residents_by_id, units_by_resident, users_by_id
from services.residents.models import Occupancy, Resident
from services.residents.occupancy import occupancies_by_unit
from services.rewards.rewards import accounts_by_resident
from services.wallets.models import Wallet
from services.wallets.wallets import wallets_by_resident
from tenants.scope import scope_or_none, tenant_scope

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")  # what a key nothing was found for gets


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
            self._keyed(users_by_id, lambda: None)
        )
        self.memberships: DataLoader[uuid.UUID, list[Membership]] = DataLoader(
            self._keyed(memberships_by_user, list)
        )
        self.payments_by_bill: DataLoader[uuid.UUID, list[Payment]] = DataLoader(
            self._keyed(payments_by_bill, list)
        )
        self.wallet_by_resident: DataLoader[uuid.UUID, Wallet | None] = DataLoader(
            self._keyed(wallets_by_resident, lambda: None)
        )
        self.unit: DataLoader[uuid.UUID, Unit | None] = DataLoader(
            self._keyed(units_by_id, lambda: None)
        )
        self.resident: DataLoader[uuid.UUID, Resident | None] = DataLoader(
            self._keyed(residents_by_id, lambda: None)
        )
        self.bill: DataLoader[uuid.UUID, Bill | None] = DataLoader(
            self._keyed(bills_by_id, lambda: None)
        )
        self.lines_by_bill: DataLoader[uuid.UUID, list[BillLine]] = DataLoader(
            self._keyed(lines_by_bill, list)
        )
        self.rewards_by_resident: DataLoader[uuid.UUID, Account | None] = DataLoader(
            self._keyed(accounts_by_resident, lambda: None)
        )
        self.bitcoin_invoice: DataLoader[uuid.UUID, BitcoinInvoice | None] = DataLoader(
            self._keyed(invoices_by_payment, lambda: None)
        )
        self.occupancies_by_unit: DataLoader[uuid.UUID, list[Occupancy]] = DataLoader(
            self._keyed(occupancies_by_unit, list)
        )
        self.deliveries_by_notification: DataLoader[uuid.UUID, list[NotificationDelivery]] = (
            DataLoader(self._keyed(deliveries_by_notification, list))
        )

    def _keyed(
        self, fetch: Callable[[list[K]], Awaitable[Mapping[K, V]]], default: Callable[[], D]
    ) -> Callable[[Sequence[K]], Awaitable[list[V | D]]]:
        async def load(keys: Sequence[K]) -> list[V | D]:
            async with _estate_scope(self._estate_slug):
                found = await fetch(list(keys))
            return [found.get(key, default()) for key in keys]

        return load
