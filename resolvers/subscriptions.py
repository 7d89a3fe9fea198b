"""Subscriptions: who may listen to what, and what each event is turned into.

A subscription starts inside the operation's tenant scope (the checks below read the
estate's tables), then waits on the hub with no scope held. Each matching event is a hint:
the per-event executor (`schema.execution`) opens a fresh tenant scope in which the object
is re-read, so the client gets the committed truth through the same mapping the queries
use, and the scope is closed before the message is sent.

Filtering happens on the hint, before any database work: the hub only ever hands over
events of the subscriber's own estate (one channel per estate), and here an admin takes
any bill or payment of the estate while a resident takes only their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar, cast

import strawberry
from strawberry.types import Info

from estatepay.live import Accept, Hub
from resolvers.context import RequestContext
from schema.types import Bill, Payment, Wallet
from services.bills import issuing
from services.bills.queries import estate_today
from services.events import DomainEvent
from services.payments import queries as payment_queries
from services.wallets import wallets

T = TypeVar("T")


class Fresh(Generic[T]):
    """One event's answer, still to be read: awaited by the subscription field while the
    per-event scope is open. An awaitable rather than a coroutine, so an event dropped
    before it executes leaves nothing un-awaited behind."""

    def __init__(self, load: Callable[[], Awaitable[T]], committed_at: float) -> None:
        self.load = load
        self.committed_at = committed_at

    def __await__(self) -> Generator[Any, None, T]:
        return self.load().__await__()


async def _events(
    hub: Hub, estate: str, accept: Accept, read: Callable[[DomainEvent], Awaitable[T]]
) -> AsyncIterator[Fresh[T]]:
    async with hub.subscribe(estate, accept) as subscriber:
        async for hint in subscriber:
            event = hint.event
            yield Fresh(lambda event=event: read(event), hint.committed_at)  # type: ignore[misc]


def _stream(
    hub: Hub, estate: str, accept: Accept, read: Callable[[DomainEvent], Awaitable[T]]
) -> AsyncIterator[T]:
    # The field's own resolver hands each item on and graphql-core awaits it (see Fresh).
    return cast(AsyncIterator[T], _events(hub, estate, accept, read))


def _own(resident_id: object) -> str | None:
    return str(resident_id) if resident_id is not None else None


async def bill_updated(
    info: Info[RequestContext, None], bill_id: strawberry.ID | None = None
) -> AsyncIterator[Bill]:
    ctx = info.context
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

    async def read(event: DomainEvent) -> Bill:
        bill = await issuing.get_bill(viewer, event.object_id)
        return Bill.from_model(bill, estate_today(estate, ctx.clock()))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def payment_updated(
    info: Info[RequestContext, None], reference: str | None = None
) -> AsyncIterator[Payment]:
    ctx = info.context
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

    async def read(event: DomainEvent) -> Payment:
        return Payment.from_model(await payment_queries.get_payment(viewer, event.object_id))

    return _stream(ctx.require_hub(), estate.slug, accept, read)


async def wallet_updated(info: Info[RequestContext, None]) -> AsyncIterator[Wallet]:
    ctx = info.context
    viewer = await ctx.resident_viewer()
    estate = ctx.require_access().estate
    own = await wallets.wallet_of(viewer.resident_id or "", estate.currency)
    wallet_id = str(own.id)

    def accept(event: DomainEvent) -> bool:
        return event.topic == "wallet" and event.object_id == wallet_id

    async def read(event: DomainEvent) -> Wallet:
        return Wallet.from_model(await wallets.get_wallet(wallet_id), ctx.clock())

    return _stream(ctx.require_hub(), estate.slug, accept, read)
