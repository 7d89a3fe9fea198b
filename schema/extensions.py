"""Schema extension: one tenant scope per operation."""

from __future__ import annotations

import weakref
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from graphql import GraphQLSchema, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult
from strawberry.types.execution import StreamExecutionResult

from schema.errors import shape_errors
from tenants.scope import tenant_scope

_UNSCOPED_KEY = "estatepay.unscoped"
# Metadata of a root field that opens no operation-wide tenant scope: it touches no estate
# tables, or (createEstate, and those that call a provider, which must not hold a
# connection while it answers) opens its own scopes. An operation made only of such
# fields runs unscoped: `@strawberry.mutation(metadata=UNSCOPED)`.
UNSCOPED: Mapping[str, Any] = MappingProxyType({_UNSCOPED_KEY: True})

_unscoped_by_schema: weakref.WeakKeyDictionary[GraphQLSchema, frozenset[str]] = (
    weakref.WeakKeyDictionary()
)


def unscoped_fields(schema: GraphQLSchema) -> frozenset[str]:
    """The root fields of `schema` marked UNSCOPED, read once per schema."""
    found = _unscoped_by_schema.get(schema)
    if found is None:
        roots = (schema.query_type, schema.mutation_type, schema.subscription_type)
        found = frozenset(
            {"__typename"}
            | {
                name
                for root in roots
                if root is not None
                for name, field in root.fields.items()
                if _is_unscoped(field.extensions.get("strawberry-definition"))
            }
        )
        _unscoped_by_schema[schema] = found
    return found


def _is_unscoped(definition: Any) -> bool:
    metadata = getattr(definition, "metadata", None) or {}
    return bool(metadata.get(_UNSCOPED_KEY))


class TenantScopeExtension(SchemaExtension):
    """Run the whole operation in the caller's estate: resolvers and the DataLoaders
    they trigger all see one scope (one transaction) and nothing else."""

    def _needs_tenant(self) -> bool:
        ec = self.execution_context
        if ec.context is None or ec.context.access is None or ec.graphql_document is None:
            return False
        for definition in ec.graphql_document.definitions:
            if isinstance(definition, OperationDefinitionNode) and (
                ec.operation_name is None
                or (definition.name and definition.name.value == ec.operation_name)
            ):
                names = {
                    sel.name.value
                    for sel in definition.selection_set.selections
                    if hasattr(sel, "name")
                }
                fragments = len(names) < len(definition.selection_set.selections)
                return fragments or not names <= unscoped_fields(ec.schema._schema)
        return True

    async def on_execute(self) -> AsyncIterator[None]:
        if not self._needs_tenant():
            yield
            return
        async with tenant_scope(self.execution_context.context.access.estate.slug):
            yield


class StreamResultExtension(SchemaExtension):
    """What `process_result` does for HTTP answers, done for streamed ones (WebSocket):
    errors shaped and masked. A subscription event also says, in `extensions.committedAt`
    (ISO 8601, UTC), when the change it reports was committed and published."""

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        if isinstance(result, ExecutionResult):
            result.errors = shape_errors(result.errors)
            ctx = self.execution_context.context
            committed_at = getattr(ctx, "event_committed_at", None)
            if committed_at is not None:
                stamp = datetime.fromtimestamp(committed_at, UTC).isoformat()
                result.extensions = {**(result.extensions or {}), "committedAt": stamp}
        yield
