"""The root fields a plan does not compile, answered by graphql-core beside the compiled
ones: the operation cut down to them (and the fragments and variables they use)."""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
    print_ast,
    visit,
)
from strawberry import Schema

from resolvers.context import RequestContext


class _Uses(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.fragments: set[str] = set()
        self.variables: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.fragments.add(node.name.value)

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        self.variables.add(node.name.value)


def rest_document(
    operation: OperationDefinitionNode, fragments: dict[str, Any], keys: set[str]
) -> str | None:
    """The operation with only the root fields of `keys`, or None when its root selects
    through fragments (graphql-core then answers the whole operation)."""
    kept = []
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode):
            return None
        key = selection.alias.value if selection.alias else selection.name.value
        if key in keys:
            kept.append(selection)
    uses = _Uses()
    for node in [*kept, *(operation.directives or ())]:
        visit(node, uses)
    done: set[str] = set()
    while pending := uses.fragments - done:  # fragments spread inside fragments
        for name in pending:
            done.add(name)
            visit(fragments[name], uses)
    cut = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(
            d
            for d in operation.variable_definitions or ()
            if d.variable.name.value in uses.variables
        ),
        directives=operation.directives,
        selection_set=SelectionSetNode(selections=tuple(kept)),
    )
    used = tuple(fragments[name] for name in sorted(done))
    return print_ast(DocumentNode(definitions=(cut, *used)))


async def run_rest(
    schema: Schema, query: str, variables: dict[str, Any] | None, ctx: RequestContext
) -> dict[str, Any] | None:
    """graphql-core's data for the cut-down operation, or None if it has any error (then
    graphql-core answers the whole operation, so that errors and nulls propagate as they
    would have)."""
    result = await schema.execute(query, variable_values=variables, context_value=ctx)
    if result.errors or result.data is None:
        return None
    return dict(result.data)
