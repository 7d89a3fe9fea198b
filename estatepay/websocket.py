"""GraphQL over WebSocket: both protocols behind the door (`estatepay.wsdoor`), and
`graphql-transport-ws` with a readiness guarantee.

Behind the door: a socket over its address's cap is closed (4429) as soon as it is
accepted; one that sends no `connection_init` within the view's
`connection_init_wait_timeout` is closed (4408, on the legacy `graphql-ws` too, which has
no such timeout of its own); `connection_init` is checked by the view's `on_ws_connect`,
which raises `Refused` (closed with its code, never acknowledged); an operation started
while the socket already runs its cap is refused with `RATE_LIMITED`, the socket stays.

A subscription goes live a moment after its `subscribe` message (the hub may have to
SUBSCRIBE to the estate's Redis channel first), and the protocol has no message saying so.
Here a `pong` answers a `ping` only once every operation the client started before it is
live (or over): a client that subscribes, pings and waits for the pong misses nothing
committed after the pong. Clients that do not ping lose nothing either.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Protocol, cast

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    PingMessage,
    SubscribeMessage,
)
from strawberry.subscriptions.protocols.graphql_ws import types as legacy
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler

from estatepay.wsdoor import INIT_TIMEOUT, TOO_MANY, Door, Refused, keep_checking
from resolvers.context import RequestContext
from services.live import live_signal
from services.telemetry.metrics import OPEN_SUBSCRIPTIONS

# How long a `pong` may wait for subscriptions to go live (Redis away, say).
LIVE_WAIT_SECONDS = 10.0


class DoorView(Protocol):
    door: Door


def door_of(view: object) -> Door:
    return cast(DoorView, view).door


ADDRESS_FULL = "Too many sockets from this address"


class TransportWSHandler(BaseGraphQLTransportWSHandler[RequestContext, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.door = door_of(self.view)
        self._live: dict[str, asyncio.Event] = {}
        self._pongs: set[asyncio.Task[None]] = set()

    async def handle(self) -> None:
        if not self.door.enter(self.context):
            await self.websocket.close(TOO_MANY, ADDRESS_FULL)
            return
        watch = asyncio.create_task(
            keep_checking(self.context, self.door.recheck_seconds, self.websocket.close)
        )
        try:
            await super().handle()
        finally:
            watch.cancel()
            self.door.leave(self.context)

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        try:
            await super().handle_connection_init(message)
        except Refused as refused:
            await self.websocket.close(refused.code, refused.reason)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        operation_id = message["id"]
        fresh = operation_id not in self.operations
        if fresh and self.connection_acknowledged and len(self.operations) >= self.door.per_socket:
            error = self.door.over_cap().formatted
            await self.send_message({"id": operation_id, "type": "error", "payload": [error]})
            return
        if fresh:  # before the operation's task exists, so it finds its event
            self._live[operation_id] = asyncio.Event()
        await super().handle_subscribe(message)
        if fresh and operation_id not in self.operations:  # refused or already over
            self._live.pop(operation_id, None)

    async def run_operation(self, operation: Operation[RequestContext, None]) -> None:
        live = self._live.get(operation.id)
        live_signal.set(live.set if live is not None else None)  # this task's context only
        OPEN_SUBSCRIPTIONS.inc()
        try:
            await super().run_operation(operation)
        finally:
            OPEN_SUBSCRIPTIONS.dec()
            if live is not None:
                live.set()
                if self._live.get(operation.id) is live:
                    del self._live[operation.id]

    async def handle_ping(self, message: PingMessage) -> None:
        waiting = [
            self._live[op_id]
            for op_id in self.operations
            if op_id in self._live and not self._live[op_id].is_set()
        ]
        if not waiting:
            await super().handle_ping(message)
            return
        # Wait in a task: the socket keeps reading (a `complete` may be what we wait for).
        task = asyncio.create_task(self._pong_when_live(message, waiting))
        self._pongs.add(task)
        task.add_done_callback(self._pongs.discard)

    async def _pong_when_live(self, message: PingMessage, waiting: list[asyncio.Event]) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(LIVE_WAIT_SECONDS):
                await asyncio.gather(*(event.wait() for event in waiting))
        with contextlib.suppress(Exception):  # the socket may have gone meanwhile
            await super().handle_ping(message)

    async def shutdown(self) -> None:
        for task in list(self._pongs):
            task.cancel()
        await super().shutdown()


class LegacyWSHandler(BaseGraphQLWSHandler[RequestContext, None]):
    """The legacy `graphql-ws` protocol behind the same door."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.door = door_of(self.view)
        self._init_received = False

    async def handle(self) -> None:
        if not self.door.enter(self.context):
            await self.websocket.close(TOO_MANY, ADDRESS_FULL)
            return
        deadline = asyncio.create_task(self._close_if_silent())
        watch = asyncio.create_task(
            keep_checking(self.context, self.door.recheck_seconds, self.websocket.close)
        )
        try:
            await super().handle()
        finally:
            deadline.cancel()
            watch.cancel()
            self.door.leave(self.context)

    async def _close_if_silent(self) -> None:
        await asyncio.sleep(self.view.connection_init_wait_timeout.total_seconds())
        if not self._init_received:
            await self.websocket.close(INIT_TIMEOUT, "Connection initialisation timeout")

    async def handle_connection_init(self, message: legacy.ConnectionInitMessage) -> None:
        # Once per socket, as graphql-transport-ws does: the credentials are settled.
        if self._init_received:
            await self.websocket.close(TOO_MANY, "Too many initialisation requests")
            return
        self._init_received = True
        try:
            await super().handle_connection_init(message)
        except Refused as refused:
            await self.send_message(
                {"type": "connection_error", "payload": {"message": refused.reason}}
            )
            await self.websocket.close(refused.code, refused.reason)

    async def handle_start(self, message: legacy.StartMessage) -> None:
        operation_id = message["id"]
        if (
            self.connection_acknowledged
            and operation_id not in self.tasks
            and len(self.tasks) >= self.door.per_socket
        ):
            error = self.door.over_cap().formatted
            await self.send_message({"type": "error", "id": operation_id, "payload": error})
            return
        await super().handle_start(message)

    async def handle_async_results(
        self,
        operation_id: str,
        query: str,
        operation_name: str | None,
        variables: dict[str, object] | None,
    ) -> None:
        OPEN_SUBSCRIPTIONS.inc()
        try:
            await super().handle_async_results(operation_id, query, operation_name, variables)
        finally:
            OPEN_SUBSCRIPTIONS.dec()
