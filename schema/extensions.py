"""Schema extensions: one tenant scope per operation, and errors shaped as API.md says."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator

from graphql import GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

from services.errors import DomainError
from tenants.scope import tenant_scope

log = logging.getLogger("estatepay.graphql")

MASKED_MESSAGE = "Internal server error"
# graphql-core names the input field in its coercion messages; surface it.
_FIELDS_IN_MESSAGE = [
    re.compile(r"required field '(\w+)'"),
    re.compile(r"[Ff]ield '(?:\w+\.)?(\w+)'"),
    re.compile(r"[Vv]ariable '\$(\w+)'"),
]


class TenantScopeExtension(SchemaExtension):
    """Run the whole operation in the caller's estate: resolvers and the DataLoaders
    they trigger all see one scope (one transaction) and nothing else."""

    def __init__(self, *, tenant_free_fields: frozenset[str]) -> None:
        self.tenant_free_fields = tenant_free_fields

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
                return fragments or not names <= self.tenant_free_fields
        return True

    async def on_execute(self) -> AsyncIterator[None]:
        if not self._needs_tenant():
            yield
            return
        async with tenant_scope(self.execution_context.context.access.estate.slug):
            yield


def _shaped(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        extensions: dict[str, object] = {"code": original.code}
        if original.field:
            extensions["field"] = original.field
        return GraphQLError(
            original.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            original,
            extensions,
        )
    if original is None or isinstance(original, GraphQLError):
        # Parse, validation and input-coercion errors: the client's input is at fault.
        extensions = {"code": "VALIDATION_ERROR", **(error.extensions or {})}
        extensions["code"] = "VALIDATION_ERROR"
        for pattern in _FIELDS_IN_MESSAGE:
            if match := pattern.search(error.message):
                extensions.setdefault("field", match.group(1))
                break
        return GraphQLError(
            error.message,
            error.nodes,
            error.source,
            error.positions,
            error.path,
            original,
            extensions,
        )
    log.error("unhandled error in %s", error.path, exc_info=original)
    return GraphQLError(
        MASKED_MESSAGE,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        None,
        {"code": "INTERNAL"},
    )


class ErrorShapingExtension(SchemaExtension):
    """Every error leaves with `extensions.code`; unexpected ones are masked and logged."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        result = self.execution_context.result
        if result and result.errors:
            result.errors = [_shaped(e) for e in result.errors]
        pre = self.execution_context.pre_execution_errors
        if pre:
            self.execution_context.pre_execution_errors = [_shaped(e) for e in pre]
