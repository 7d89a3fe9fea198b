"""Random valid query documents over the read API, walked from the live schema: random
subsets of fields at every level, aliases (one field twice with different arguments),
inline and named fragments, `__typename`, arguments inline or as variables (with
defaults), `@include`/`@skip`, and argument values drawn from the seeded world: its ids,
the other estate's, unknown ones, real and bad cursors, every filter."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import graphql
from hypothesis import strategies as st

from tests.compiled.builder import DiffWorld

# The read API of issue #12: the root fields whose answers the compiled path must equal.
READ_ROOTS = (
    "me",
    "estate",
    "bills",
    "bill",
    "billsSummary",
    "wallet",
    "rewards",
    "estateWallet",
    "payments",
    "payment",
    "paymentByReference",
    "residents",
    "resident",
    "properties",
    "property",
    "notifications",
    "dashboard",
)
# What an id argument names, by argument (or input field) name.
ID_KINDS = {
    "bill": "bill",
    "payment": "payment",
    "resident": "resident",
    "property": "property",
    "residentId": "resident",
    "propertyId": "property",
    "billId": "bill",
}
FIRSTS = (0, 1, 2, 3, 5, 100, 101, 1000)
DATES = ("1999-12-31", "2024-01-15", "2024-03-01", "2030-01-01", "2031-06-30")
SEARCHES = ("", "Ad", "ọ", "O'Neil", "ünal", "zzz", '"', "\\", "%", "_", "a%", "B_")
BAD_CURSORS = ("not-a-cursor", "Zm9v", "MjAyNC0wMS0wMXwx", "=" * 4)


@dataclass
class Document:
    query: str
    variables: dict[str, Any]
    operation_name: str | None = None

    def body(self) -> bytes:
        payload: dict[str, Any] = {"query": self.query, "variables": self.variables}
        if self.operation_name:
            payload["operationName"] = self.operation_name
        return json.dumps(payload).encode()

    def __repr__(self) -> str:  # what hypothesis prints for a falsifying example
        return f"Document(\n{self.query}\nvariables={self.variables!r}\n)"


def _named(type_: graphql.GraphQLType) -> graphql.GraphQLNamedType:
    return graphql.get_named_type(type_)


def is_leaf(type_: graphql.GraphQLType) -> bool:
    return graphql.is_leaf_type(_named(type_))


@dataclass
class _Key:
    signature: str
    children: dict[str, _Key] = field(default_factory=dict)


class _Draft:
    """One document being drawn: its variables, fragments and budgets."""

    def __init__(self, draw: Any, gen: Generator) -> None:
        self.draw, self.gen = draw, gen
        self.definitions: list[str] = []
        self.variables: dict[str, Any] = {}
        self.fragments: list[str] = []
        self.aliases = 0
        self.counter = 0
        self.budget = 90  # selections: keeps documents well within MAX_QUERY_TOKENS

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def chance(self, p: float) -> bool:
        # Integers, not floats (hypothesis draws 0.0 and 1.0 far more often than 1 in
        # 100), and true at the high end: the simplest draw, 0, adds nothing.
        return bool(self.draw(st.integers(0, 99)) >= 100 - p * 100)

    def pick(self, options: Any) -> Any:
        return self.draw(st.sampled_from(list(options)))

    def alias(self) -> str | None:
        if self.aliases >= self.gen.max_aliases:
            return None
        self.aliases += 1
        return self.fresh("a")

    # -- values -------------------------------------------------------------------------

    def value(self, name: str, type_: graphql.GraphQLInputType, connection: str) -> Any:
        """`connection`: the field the argument belongs to."""
        named = _named(type_)
        nullable = not graphql.is_non_null_type(type_)
        if nullable and self.chance(0.05):
            return None
        if graphql.is_list_type(graphql.get_nullable_type(type_)):
            inner = graphql.get_nullable_type(type_).of_type  # type: ignore[union-attr]
            if graphql.is_enum_type(_named(inner)):
                values = list(_named(inner).values)  # type: ignore[attr-defined]
                return self.draw(st.lists(st.sampled_from(values), max_size=3, unique=True))
            return [self.value(name, inner, connection)]
        if isinstance(named, graphql.GraphQLInputObjectType):
            return {
                key: self.value(key, f.type, connection)
                for key, f in named.fields.items()
                if graphql.is_non_null_type(f.type) or self.chance(0.4)
            }
        if isinstance(named, graphql.GraphQLEnumType):
            return self.pick(named.values)
        return self.scalar(name, named.name, connection)

    def scalar(self, name: str, scalar: str, connection: str) -> Any:
        world = self.gen.world
        if scalar == "Boolean":
            return self.draw(st.booleans())
        if scalar == "Int":
            return -1 if self.chance(0.01) else self.pick(FIRSTS)
        if scalar == "Date":
            return self.pick(DATES)
        if name == "after":
            own = world.cursors.get(connection) or []
            others = [c for k, v in world.cursors.items() if k != connection for c in v]
            roll = self.draw(st.integers(0, 9))
            pool = own if roll < 7 else others if roll < 9 else []
            return self.pick(pool or BAD_CURSORS)
        if name == "reference":
            return self.pick([*world.references, "PAY-NOPE", "PAY-000000"])
        if name == "search":
            return self.pick(SEARCHES)
        if scalar == "ID":
            # `bill(id:)` names a bill, `filter: {residentId}` a resident.
            kind = ID_KINDS.get(connection if name == "id" else name, "bill")
            roll = self.draw(st.integers(0, 19))
            if roll < 16 and world.ids.get(kind):
                return self.pick(world.ids[kind])
            if roll == 16:
                return str(uuid.UUID(int=self.draw(st.integers(0, 2**128 - 1))))
            if roll == 17 and world.ids.get("foreign"):
                return self.pick(world.ids["foreign"])
            return self.pick([i for ids in world.ids.values() for i in ids])
        return self.pick(["", "x", *SEARCHES])

    def literal(self, value: Any, type_: graphql.GraphQLInputType, const: bool = False) -> str:
        """`const`: no variables inside (a variable's default value)."""
        if value is None:
            return "null"
        nullable = graphql.get_nullable_type(type_)
        if isinstance(nullable, graphql.GraphQLList):
            items = value if isinstance(value, list) else [value]
            return "[" + ", ".join(self.literal(v, nullable.of_type, const) for v in items) + "]"
        if isinstance(nullable, graphql.GraphQLInputObjectType):
            fields = nullable.fields
            inner = (
                self.literal(v, fields[k].type, const)
                if const
                else self.argument(k, fields[k].type, v)
                for k, v in value.items()
            )
            return "{" + ", ".join(f"{k}: {v}" for k, v in zip(value, inner, strict=True)) + "}"
        if isinstance(nullable, graphql.GraphQLEnumType):
            return str(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        return json.dumps(value)  # a JSON string is a GraphQL string

    def argument(self, name: str, type_: graphql.GraphQLInputType, value: Any) -> str:
        """A value inline, or as a variable (sometimes declared with a default and not
        sent, sometimes declared nullable where the argument may be null)."""
        if not self.chance(0.45):
            return self.literal(value, type_)
        var = self.fresh("v")
        declared = str(type_)
        if value is not None and self.chance(0.15):
            default = self.literal(value, type_, const=True)
            self.definitions.append(f"${var}: {declared} = {default}")
        else:
            self.definitions.append(f"${var}: {declared}")
            self.variables[var] = value
        return f"${var}"

    def directive(self) -> str:
        if not self.chance(0.12):
            return ""
        name = self.pick(["include", "skip"])
        if self.chance(0.5):
            return f" @{name}(if: {self.pick(['true', 'false'])})"
        var = self.fresh("c")
        self.definitions.append(f"${var}: Boolean!")
        self.variables[var] = self.draw(st.booleans())
        return f" @{name}(if: ${var})"

    # -- selections ---------------------------------------------------------------------

    def arguments(self, parent: str, name: str, f: graphql.GraphQLField) -> str:
        parts = []
        for arg_name, arg in f.args.items():
            required = graphql.is_non_null_type(arg.type) and arg.default_value is graphql.Undefined
            if not required and self.chance(0.5):
                continue
            value = self.value(arg_name, arg.type, name)
            parts.append(f"{arg_name}: {self.argument(arg_name, arg.type, value)}")
        return f"({', '.join(parts)})" if parts else ""

    def field(
        self, parent: graphql.GraphQLObjectType, name: str, depth: int, scope: dict[str, _Key]
    ) -> str | None:
        f = parent.fields[name]
        self.budget -= 1
        defined, sent = len(self.definitions), set(self.variables)
        args = self.arguments(parent.name, name, f)
        signature = name + args
        alias = self.alias() if self.chance(0.12) else None
        key = alias or name
        if key in scope and scope[key].signature != signature:
            alias = self.alias()  # the same name with other arguments: a second alias
            if alias is None:  # no alias left: drop the field and its variables
                del self.definitions[defined:]
                for var in set(self.variables) - sent:
                    del self.variables[var]
                return None
            key = alias
        slot = scope.setdefault(key, _Key(signature))
        head = f"{alias}: {name}{args}" if alias else f"{name}{args}"
        head += self.directive()
        child = _named(f.type)
        if isinstance(child, graphql.GraphQLObjectType):
            return f"{head} {{ {self.selection_set(child, depth + 1, slot.children)} }}"
        return head

    def selection_set(
        self, type_: graphql.GraphQLObjectType, depth: int, scope: dict[str, _Key]
    ) -> str:
        names = list(type_.fields)
        leaves = [n for n in names if is_leaf(type_.fields[n].type)]
        if depth >= self.gen.max_depth:
            names = leaves
        elif self.budget <= 0:
            names = leaves or names  # EstateWallet has no leaf: the budget is soft
        if not names:
            return "__typename"
        # A prefix of a permutation: lists of sampled_from favour the first names.
        order = self.draw(st.permutations(names))
        chosen = order[: self.draw(st.integers(1, min(len(names), 7)))]
        with_args = [n for n in chosen if type_.fields[n].args]
        if with_args and self.chance(0.25):
            chosen.append(self.pick(with_args))  # the same field again, other arguments
        parts = [p for n in chosen if (p := self.field(type_, n, depth, scope))]
        if not parts or self.chance(0.15):
            alias = self.alias() if self.chance(0.3) else None
            parts.append(f"{alias}: __typename" if alias else "__typename")
        if len(parts) > 1 and self.chance(0.2):
            cut = self.draw(st.integers(1, len(parts) - 1))
            condition = "" if self.chance(0.3) else f" on {type_.name}"
            parts[cut:] = [f"...{condition}{self.directive()} {{ {' '.join(parts[cut:])} }}"]
        if len(self.fragments) < 6 and self.budget > 0 and self.chance(0.15):
            name = self.fresh("F")
            before = self.aliases
            inner = self.selection_set(type_, depth, scope)
            self.fragments.append(f"fragment {name} on {type_.name} {{ {inner} }}")
            parts.append(f"...{name}")
            # Spread twice it merges with itself; MAX_ALIASES counts its aliases twice.
            again = self.aliases - before
            if self.aliases + again <= self.gen.max_aliases and self.chance(0.3):
                self.aliases += again
                parts.append(f"...{name}")
        return " ".join(parts)


class Generator:
    def __init__(
        self, schema: graphql.GraphQLSchema, world: DiffWorld, max_depth: int, max_aliases: int
    ) -> None:
        self.schema, self.world = schema, world
        # Root fields sit at depth 0; a field deeper than max_query_depth is refused.
        self.max_depth = max_depth - 1
        self.max_aliases = max_aliases
        assert schema.query_type is not None
        self.query = schema.query_type

    def documents(self, root: str, allowed: frozenset[str]) -> st.SearchStrategy[Document]:
        """Documents selecting `root`, sometimes with more root fields, mostly of those in
        `allowed`: a root the caller may not read fails the whole answer (every root field
        is non-null)."""
        usual = [r for r in READ_ROOTS if r in allowed]
        others = [r for r in READ_ROOTS if r not in allowed] or usual

        @st.composite
        def document(draw: Any) -> Document:
            draft = _Draft(draw, self)
            picked = [root]
            for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
                picked.append(draw(st.sampled_from(usual if draft.chance(0.93) else others)))
            scope: dict[str, _Key] = {}
            parts = [p for root in picked if (p := draft.field(self.query, root, 0, scope))]
            if not parts or draft.chance(0.05):
                parts.append("__typename")
            body = " ".join(parts)
            name = draft.fresh("Q") if draft.definitions or draft.chance(0.3) else None
            if name:
                variables = f"({', '.join(draft.definitions)})" if draft.definitions else ""
                operation = f"query {name}{variables} {{ {body} }}"
            else:
                operation = f"{{ {body} }}"
            definitions = [operation, *draft.fragments]
            operation_name = None
            if name and draft.chance(0.1):
                # Two operations in one document: the one named runs.
                definitions.append("query Other { me { id } }")
                operation_name = "Other" if draft.chance(0.2) else name
            return Document("\n".join(definitions), draft.variables, operation_name)

        return document()


def selected_fields(schema: graphql.GraphQLSchema, query: str) -> set[str]:
    """ "Type.field" of every field a document selects, fragments included."""
    found: set[str] = set()
    info = graphql.TypeInfo(schema)

    class Fields(graphql.Visitor):
        def enter_field(self, node: graphql.FieldNode, *_: Any) -> None:
            parent = info.get_parent_type()
            if parent is not None and not node.name.value.startswith("__"):
                found.add(f"{parent.name}.{node.name.value}")

    graphql.visit(graphql.parse(query), graphql.TypeInfoVisitor(info, Fields()))
    return found


MAX_NESTING = 8


def full_document(
    schema: graphql.GraphQLSchema,
    root: str,
    arguments: str = "",
    omit: frozenset[str] = frozenset(),
) -> str:
    """Every field under one root field (but the `Type.field`s in `omit`), with default
    arguments (the `first` of nested connections at 3): the fixed documents that must
    take the compiled path."""
    assert schema.query_type is not None

    def select(type_: graphql.GraphQLObjectType, seen: tuple[str, ...]) -> str:
        parts = []
        for name, f in type_.fields.items():
            if f"{type_.name}.{name}" in omit:
                continue
            child = _named(f.type)
            if isinstance(child, graphql.GraphQLObjectType):
                # Not a type twice on a path, and within MAX_QUERY_DEPTH (10; the root
                # field is one level, its object's leaves another).
                if child.name in seen or len(seen) >= MAX_NESTING:
                    continue
                args = "(first: 3)" if "first" in f.args else ""
                parts.append(f"{name}{args} {{ {select(child, (*seen, child.name))} }}")
            else:
                parts.append(name)
        return " ".join(parts)

    f = schema.query_type.fields[root]
    child = _named(f.type)
    assert isinstance(child, graphql.GraphQLObjectType)
    return f"{{ {root}{arguments} {{ {select(child, (child.name,))} }} }}"
