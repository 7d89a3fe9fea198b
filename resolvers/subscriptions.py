"""Subscriptions: who may listen to what, and what each event is turned into.

A subscription starts inside the operation's tenant scope (the checks below read the
estate's tables), then waits on the hub with no scope held. Each matching event is a hint:
the per-event executor (`schema.execution`) opens a fresh tenant scope in which the object
is re-read, so the client gets the committed truth through the same mapping the queries
use, and the scope is closed before the message is sent. Each resolver takes that mapping
(`to_node`, from the schema) and applies it to the object it re-reads.

Filtering happens on the hint, before any database work: the hub only ever hands over
events of the subscriber's own estate (one channel per estate), and here an admin takes
any bill or payment of the estate while a resident takes only their own.

`dashboardUpdated` is the exception to one-read-per-message: every admin watching an
estate's dashboard sees the same figures, so each process computes them at most once per
`DASHBOARD_INTERVAL` per estate, shared by all its subscribers (a burst of payments costs
two computations, not one per payment and per subscriber).
"""

from __future__ import annotations

import asyncio
import contextvars
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Hashable
from datetime import date, datetime
from typing import Any, Generic, TypeVar, cast

from resolvers.context import RequestContext
from services.bills import issuing
from services.bills.models import Bill
from services.bills.queries import estate_today
from services.dashboard.figures import DashboardFigures, figures
from services.events import DomainEvent
from services.live import Accept, Hub
from services.payments import queries as payment_queries
from services.payments.models import Payment
from services.payouts.models import Payout
from services.payouts.requests import get_payout
from services.properties import catalog
from services.properties.models import Property
from services.residents import directory
from services.residents.models import Resident
from services.wallets import wallets
from services.wallets.models import Wallet
from tenants.models import Estate
from tenants.scope import tenant_scope

T = TypeVar("T")
DASHBOARD_INTERVAL = 0.25  # seconds between two computations of one estate's dashboard


class Fresh(Generic[T]):
    """One event's answer, still to be read: awaited by the subscription field while the
    per-event scope is open. An awaitable rather than a coroutine, so an event dropped
    before it executes leaves nothing un-awaited behind."""

    def __init__(
        self,
        load: Callable[[], Awaitable[T]],
        committed_at: float,
        *,
        scoped: bool = True,
        shared: dict[Hashable, Any] | None = None,
    ) -> None:
        self.load = load
        self.committed_at = committed_at
        # False when the answer is read elsewhere and needs no scope of its own.
        self.scoped = scoped
        # Where subscribers of this process that would execute the same thing for the
        # same event find each other (the hint's `shared`); None: never shared.
        self.shared = shared

    def __await__(self) -> Generator[Any, None, T]:
        return self.load().__await__()


async def _events(
    hub: Hub, estate: str, accept: Accept, read: Callable[[DomainEvent], Awaitable[T]]
) -> AsyncIterator[Fresh[T]]:
    async with hub.subscribe(estate, accept) as subscriber:
        async for hint in subscriber:
            event = hint.event
            yield Fresh(
                lambda event=event: read(event),  # type: ignore[misc]
                hint.committed_at,
                shared=hint.shared,
            )


def _stream(
    hub: Hub, estate: str, accept: Accept, read: Callable[[DomainEvent], Awaitable[T]]
) -> AsyncIterator[T]:
    # The field's own resolver hands each item on and graphql-core awaits it (see Fresh).
    return cast(AsyncIterator[T], _events(hub, estate, accept, read))


def _own(resident_id: object) -> str | None:
    return str(resident_id) if resident_id is not None else None


async def bill_updated(
    ctx: RequestContext, bill_id: str | None, to_node: Callable[[Bill, date], T]
) -> AsyncIterator[T]:
    """`to_node` gets each bill with the estate's date when it was read."""
    viewer = await ctx.viewer()
    estate = ctx.require_access().estate
    # A bill the viewer cannot see is NOT_FOUND now, not a silent, empty stream.
    wanted = str((await issuing.get_bill(viewer, bill_id)).id) if bill_id else None
    mine = _own(viewer.resident_id)

    def accept(event: DomainEvent) -> bool:
        return (
            event.topic == "bill"
            and (wanted is None or event.object_id == wanted)
            and (viewer.is_admin or event.resident_id == mine)
        )

    async def read(event: DomainEvent) -> T:
        bill = await issuing.get_bill(viewer, event.object_id)
        return to_node(bill, estate_today(estate, ctx.clock()))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def payment_updated(
    ctx: RequestContext, reference: str | None, to_node: Callable[[Payment], T]
) -> AsyncIterator[T]:
    viewer = await ctx.viewer()
    estate = ctx.require_access().estate
    wanted = None
    if reference is not None:
        wanted = str((await payment_queries.payment_by_reference(viewer, reference)).id)
    mine = _own(viewer.resident_id)

    def accept(event: DomainEvent) -> bool:
        return (
            event.topic == "payment"
            and (wanted is None or event.object_id == wanted)
            and (viewer.is_admin or event.resident_id == mine)
        )

    async def read(event: DomainEvent) -> T:
        return to_node(await payment_queries.get_payment(viewer, event.object_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def payout_updated(
    ctx: RequestContext, payout_id: str | None, to_node: Callable[[Payout], T]
) -> AsyncIterator[T]:
    """Admins: every payout of the estate, or the one named."""
    estate = ctx.require_admin().estate
    wanted = str((await get_payout(payout_id)).id) if payout_id else None

    def accept(event: DomainEvent) -> bool:
        return event.topic == "payout" and (wanted is None or event.object_id == wanted)

    async def read(event: DomainEvent) -> T:
        return to_node(await get_payout(event.object_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def wallet_updated(ctx: RequestContext, to_node: Callable[[Wallet], T]) -> AsyncIterator[T]:
    viewer = await ctx.resident_viewer()
    estate = ctx.require_access().estate
    own = await wallets.wallet_of(viewer.resident_id or "", estate.currency)
    wallet_id = str(own.id)

    def accept(event: DomainEvent) -> bool:
        return event.topic == "wallet" and event.object_id == wallet_id

    async def read(event: DomainEvent) -> T:
        return to_node(await wallets.get_wallet(wallet_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def resident_updated(
    ctx: RequestContext, resident_id: str | None, to_node: Callable[[Resident], T]
) -> AsyncIterator[T]:
    """Admins: a resident after each change of their details, units or access (created,
    updated, moved, deactivated, reactivated, refunded)."""
    estate = ctx.require_admin().estate
    wanted = str((await directory.get_resident(resident_id)).id) if resident_id else None

    def accept(event: DomainEvent) -> bool:
        return event.topic == "resident" and (wanted is None or event.object_id == wanted)

    async def read(event: DomainEvent) -> T:
        return to_node(await directory.get_resident(event.object_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def property_updated(
    ctx: RequestContext, property_id: str | None, to_node: Callable[[Property], T]
) -> AsyncIterator[T]:
    """Members, like the `property` query: a property after each change of it or of its
    units (created, edited, archived, moved into or out of)."""
    estate = ctx.require_access().estate
    await ctx.viewer()  # a deactivated resident is refused here, as by the queries
    wanted = str((await catalog.get_property(property_id)).id) if property_id else None

    def accept(event: DomainEvent) -> bool:
        return event.topic == "property" and (wanted is None or event.object_id == wanted)

    async def read(event: DomainEvent) -> T:
        return to_node(await catalog.get_property(event.object_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def estate_updated(ctx: RequestContext, to_node: Callable[[Estate], T]) -> AsyncIterator[T]:
    """Members: their estate after its settings or status change (a suspension reaches
    them before the socket's next credential check closes it)."""
    estate = ctx.require_access().estate
    await ctx.viewer()
    estate_id = str(estate.id)

    def accept(event: DomainEvent) -> bool:
        return event.topic == "estate" and event.object_id == estate_id

    async def read(event: DomainEvent) -> T:
        return to_node(await Estate.get(id=estate_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


class _Computation:
    def __init__(self, started: float, task: asyncio.Task[DashboardFigures]) -> None:
        self.started = started
        self.task = task


class DashboardFeed:
    """One process's dashboard figures, per estate: computed at most once per interval and
    shared by every subscriber whose latest hint arrived before the computation began."""

    def __init__(self, interval: float = DASHBOARD_INTERVAL) -> None:
        self.interval = interval
        self._latest: dict[str, _Computation] = {}

    async def wait_turn(self, estate: str) -> None:
        """Sleep (holding nothing) until the estate's next computation may start."""
        latest = self._latest.get(estate)
        if latest is not None:
            delay = latest.started + self.interval - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)

    async def figures(
        self, estate: Estate, now: datetime, received_after: float
    ) -> DashboardFigures:
        latest = self._latest.get(estate.slug)
        if latest is None or latest.started < received_after or _failed(latest.task):
            # In a clean context: the computation opens its own scope, whoever asked first.
            task = asyncio.get_running_loop().create_task(
                self._compute(estate, now), context=contextvars.Context()
            )
            latest = _Computation(time.monotonic(), task)
            self._latest[estate.slug] = latest
        # Shielded: one subscriber leaving must not cancel what the others wait for.
        return await asyncio.shield(latest.task)

    @staticmethod
    async def _compute(estate: Estate, now: datetime) -> DashboardFigures:
        async with tenant_scope(estate.slug):
            return await figures(estate, "DAY", now)


def _failed(task: asyncio.Task[DashboardFigures]) -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)


_feeds: weakref.WeakKeyDictionary[Hub, DashboardFeed] = weakref.WeakKeyDictionary()


def dashboard_feed(hub: Hub) -> DashboardFeed:
    feed = _feeds.get(hub)
    if feed is None:
        feed = _feeds[hub] = DashboardFeed()
    return feed


async def _dashboards(
    hub: Hub,
    estate: Estate,
    clock: Callable[[], datetime],
    to_node: Callable[[DashboardFigures], T],
) -> AsyncIterator[Fresh[T]]:
    feed = dashboard_feed(hub)

    def accept(event: DomainEvent) -> bool:
        return event.topic in ("bill", "payment", "payout")

    async with hub.subscribe(estate.slug, accept) as subscriber:
        async for first in subscriber:
            await feed.wait_turn(estate.slug)
            burst = [first, *subscriber.drain()]  # all covered by one computation
            received_after = max(hint.received_at for hint in burst)

            async def read(received_after: float = received_after) -> T:
                return to_node(await feed.figures(estate, clock(), received_after))

            # The oldest change covered: its latency is the one the client feels.
            yield Fresh(read, min(hint.committed_at for hint in burst), scoped=False)


async def dashboard_updated(
    ctx: RequestContext, to_node: Callable[[DashboardFigures], T]
) -> AsyncIterator[T]:
    estate = ctx.require_admin().estate
    events = _dashboards(ctx.require_hub(), estate, ctx.clock, to_node)
    return cast(AsyncIterator[T], events)
