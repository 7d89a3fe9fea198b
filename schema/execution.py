"""How each subscription event executes: in its own tenant scope, with fresh DataLoaders.

graphql-core runs a subscription's selection once per event, with the event as root value.
Wrapping that run gives one scope per subscription message (never one per socket): the
re-read and every field below it see one transaction, which commits before the message
is sent, so a slow client never holds a database connection.

Subscribers of one process that run the same operation (same document, same variables)
for the same event, with the same audience (estate, admin or not, which resident), are
entitled to the same answer: the first one executes it, the others send its result. Many
admins' screens on one estate's bills cost one read per event and process, not one each.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Hashable
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from resolvers.context import RequestContext
from tenants.scope import tenant_scope


class EstatepayExecutor(StrawberryGraphQLCoreExecutionContext):
    _per_event = False

    def build_per_event_executor(self, payload: Any) -> Any:
        executor = super().build_per_event_executor(payload)
        assert isinstance(executor, EstatepayExecutor)  # a copy of this one
        executor._per_event = True
        return executor

    def execute_operation(self, serially: bool | None = None) -> Any:
        if not self._per_event or not isinstance(self.context_value, RequestContext):
            return super().execute_operation(serially)
        return self._execute_event(self.context_value, serially)

    async def _execute_event(self, ctx: RequestContext, serially: bool | None) -> Any:
        ctx.start_event(getattr(self.root_value, "committed_at", None))
        shared = getattr(self.root_value, "shared", None)
        key = self._sharing_key(ctx) if shared is not None else None
        if shared is None or key is None:
            return await self._execute_scoped(ctx, serially)
        earlier: asyncio.Future[Any] | None = shared.get(key)
        if earlier is not None:
            result = await asyncio.shield(earlier)
            if result is not None:
                return result
            # The one computing it failed or left: compute it ourselves.
            return await self._execute_scoped(ctx, serially)
        mine: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        shared[key] = mine
        try:
            result = await self._execute_scoped(ctx, serially)
            if not result.errors:  # an error may be this subscriber's own bad luck
                mine.set_result(result)
            return result
        finally:
            if not mine.done():
                mine.set_result(None)
                shared.pop(key, None)

    def _sharing_key(self, ctx: RequestContext) -> Hashable | None:
        audience = ctx.audience()
        source = self.operation.loc.source.body if self.operation.loc else None
        if audience is None or source is None:
            return None
        variables = json.dumps(self.variable_values.coerced, sort_keys=True, default=str)
        return (audience, source, self.operation.name and self.operation.name.value, variables)

    async def _execute_scoped(self, ctx: RequestContext, serially: bool | None) -> Any:
        try:
            if not getattr(self.root_value, "scoped", True):
                return await self._execute(serially)
            async with tenant_scope(ctx.require_access().estate.slug):
                return await self._execute(serially)
        except Exception as exc:
            # One event that could not be read (the database away for a moment) is an
            # error message on the stream; the subscription itself carries on.
            return ExecutionResult(None, [GraphQLError(str(exc), original_error=exc)])

    async def _execute(self, serially: bool | None) -> Any:
        result = super().execute_operation(serially)
        return await result if self.is_awaitable(result) else result
