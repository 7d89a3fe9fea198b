"""How each subscription event executes: in its own tenant scope, with fresh DataLoaders.

graphql-core runs a subscription's selection once per event, with the event as root value.
Wrapping that run gives one scope per subscription message (never one per socket): the
re-read and every field below it see one transaction, which commits before the message
is sent, so a slow client never holds a database connection.
"""

from __future__ import annotations

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
