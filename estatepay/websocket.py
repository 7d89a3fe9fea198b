"""GraphQL over WebSocket: `graphql-transport-ws` with a readiness guarantee.

A subscription goes live a moment after its `subscribe` message (the hub may have to
SUBSCRIBE to the estate's Redis channel first), and the protocol has no message saying so.
Here a `pong` answers a `ping` only once every operation the client started before it is
live (or over): a client that subscribes, pings and waits for the pong misses nothing
committed after the pong. Clients that do not ping lose nothing either.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    PingMessage,
    SubscribeMessage,
)

from estatepay.live import live_signal
from resolvers.context import RequestContext

# How long a `pong` may wait for subscriptions to go live (Redis away, say).
LIVE_WAIT_SECONDS = 10.0


class TransportWSHandler(BaseGraphQLTransportWSHandler[RequestContext, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._live: dict[str, asyncio.Event] = {}
        self._pongs: set[asyncio.Task[None]] = set()

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        operation_id = message["id"]
        fresh = operation_id not in self.operations
        if fresh:  # before the operation's task exists, so it finds its event
            self._live[operation_id] = asyncio.Event()
        await super().handle_subscribe(message)
        if fresh and operation_id not in self.operations:  # refused or already over
            self._live.pop(operation_id, None)

    async def run_operation(self, operation: Operation[RequestContext, None]) -> None:
        live = self._live.get(operation.id)
        live_signal.set(live.set if live is not None else None)  # this task's context only
        try:
            await super().run_operation(operation)
        finally:
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
