"""Plan-time state: the selection as graphql-core would collect it, and the parameters.

A plan is built for one (document, operation, role, variable shape) and reused for every
request of that shape: everything that varies between such requests (ids, filters, page
sizes, cursors) is a bound parameter, read from the request by a getter at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.execution.values import get_argument_values, get_directive_values

from schema.compiled.dialect import Dialect


class Unsupported(Exception):
    """The compiler does not cover this selection: graphql-core answers it."""


class Fallback(Exception):
    """This request needs graphql-core (it will answer with an error, or an edge case the
    plan does not cover): raised at run time, before any statement is sent."""


@dataclass
class Request:
    """What a plan's parameters are read from."""

    variables: Any  # graphql-core's VariableValues
    user_id: str
    session_id: str  # the token's session, still standing
    slug: str
    timezone: str
    currency: str
    today: date
    page_cap: int
    _args: dict[int, dict[str, Any]] = field(default_factory=dict)

    def args(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        found = self._args.get(id(node))
        if found is None:
            found = self._args[id(node)] = plain(
                get_argument_values(definition, node, self.variables)
            )
        return found


Getter = Callable[[Request], Any]
Fields = dict[str, list[FieldNode]]


def plain(value: Any) -> Any:
    """Coerced argument values with enums as their names' values."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@dataclass
class Build:
    dialect: Dialect
    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: Any
    is_admin: bool
    page_cap: int  # the largest page a connection returns (`_page_size`)
    getters: list[Getter] = field(default_factory=list)
    # SQL conditions the answer depends on: when one is false, graphql-core answers
    # (with the error the request deserves).
    guards: list[str] = field(default_factory=list)
    # Run for every request whether or not their parameter made it into the SQL: what
    # graphql-core refuses even when it need not read (a negative `first`, a bad cursor).
    checks: list[Getter] = field(default_factory=list)
    # SQL made once per plan (the viewer's resident row) under a name.
    shared: dict[str, str] = field(default_factory=dict)
    aliases: int = 0

    def alias(self) -> str:
        """A new table alias, unique in the plan (the same document plans to the same SQL)."""
        self.aliases += 1
        return f"r{self.aliases}"

    def param(self, getter: Getter, pg_type: str) -> str:
        self.getters.append(getter)
        return self.dialect.param(len(self.getters), pg_type)

    def plan_args(self, definition: GraphQLField, node: FieldNode) -> dict[str, Any]:
        """The arguments as this plan's shape sees them (only their nullness may decide
        the SQL; values are parameters)."""
        return plain(get_argument_values(definition, node, self.variables))

    def arg(self, definition: GraphQLField, node: FieldNode, name: str) -> Getter:
        return lambda request: request.args(definition, node)[name]

    def collect(self, parent: GraphQLObjectType, nodes: list[FieldNode]) -> Fields:
        """The fields selected under `nodes` (one response key, merged), by response key."""
        found: Fields = {}
        for node in nodes:
            if node.selection_set is not None:
                self._collect(parent, node.selection_set, found, set())
        return found

    def collect_root(self, root: GraphQLObjectType, selection_set: SelectionSetNode) -> Fields:
        found: Fields = {}
        self._collect(root, selection_set, found, set())
        return found

    def _collect(
        self, parent: GraphQLObjectType, selections: SelectionSetNode, found: Fields, seen: set[str]
    ) -> None:
        for selection in selections.selections:
            if not self._included(selection):
                continue
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                found.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                self._check_condition(parent, selection.type_condition)
                self._collect(parent, selection.selection_set, found, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in seen:
                    continue
                seen.add(name)
                fragment = self.fragments[name]
                self._check_condition(parent, fragment.type_condition)
                self._collect(parent, fragment.selection_set, found, seen)

    def _check_condition(self, parent: GraphQLObjectType, condition: Any) -> None:
        # Every type of the read API is an object type: a valid condition names it.
        if condition is not None and condition.name.value != parent.name:
            raise Unsupported(f"fragment on {condition.name.value} inside {parent.name}")

    def _included(self, node: Any) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip and skip.get("if"):
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return not (include and not include.get("if"))
