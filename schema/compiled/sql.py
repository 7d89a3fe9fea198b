"""The building blocks of a compiled selection: objects, columns, nested rows, lists and
Relay connections, each an SQL expression that yields the JSON text of its value.

A field's emitter gets the plan (`Build`), the field's definition, its merged field nodes
and the SQL alias of the row it belongs to. Templates name that row `{a}`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import FieldNode, GraphQLField, GraphQLObjectType, get_named_type

from schema.compiled.build import Build, Fallback, Request, Unsupported
from schema.compiled.dialect import literal
from services.pagination import decode_cursor

Emitter = Callable[[Build, GraphQLField, list[FieldNode], str], str]


def object_type(definition: GraphQLField) -> GraphQLObjectType:
    found = get_named_type(definition.type)
    assert isinstance(found, GraphQLObjectType)
    return found


def obj(
    b: Build, of: GraphQLObjectType, nodes: list[FieldNode], row: str, emitters: dict[str, Emitter]
) -> str:
    """The JSON object of the fields selected under `nodes`, read from row `row`."""
    pieces: list[str] = []
    pending = "{"
    for key, field_nodes in b.collect(of, nodes).items():
        name = field_nodes[0].name.value
        pending += orjson.dumps(key).decode() + ":"
        if name == "__typename":
            pending += orjson.dumps(of.name).decode()
        else:
            emitter = emitters.get(name)
            if emitter is None:
                raise Unsupported(f"{of.name}.{name}")
            pieces += [literal(pending), emitter(b, of.fields[name], field_nodes, row)]
            pending = ""
        pending += ","
    pieces.append(literal(pending.rstrip(",") + "}"))
    return "(" + " || ".join(pieces) + ")"


def text(template: str) -> Emitter:
    return lambda b, d, n, a: b.dialect.text(template.format(a=a))


def integer(template: str) -> Emitter:
    return lambda b, d, n, a: b.dialect.integer(template.format(a=a))


def boolean(template: str) -> Emitter:
    return lambda b, d, n, a: b.dialect.boolean(template.format(a=a))


def date(template: str) -> Emitter:
    return lambda b, d, n, a: b.dialect.date(template.format(a=a))


def datetime(template: str) -> Emitter:
    return lambda b, d, n, a: b.dialect.datetime(template.format(a=a))


def constant(json: str) -> Emitter:
    return lambda b, d, n, a: literal(json)


def money(minor: str, currency: str) -> Emitter:
    """A `Money` of the row's minor units and currency (templates or SQL expressions)."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        amount, code = minor.format(a=a), currency.format(a=a)
        return obj(
            b,
            object_type(d),
            nodes,
            a,
            {
                "amount": lambda b, d, n, a: b.dialect.money_amount(amount, code),
                "currency": lambda b, d, n, a: b.dialect.text(code),
            },
        )

    return emit


def one(table: str, where: str, emitters: dict[str, Emitter], *, nullable: bool = False) -> Emitter:
    """An object read from another row: `where` joins it (`{a}` the outer row, `{r}` it)."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        r = b.alias()
        value = obj(b, object_type(d), nodes, r, emitters)
        found = f"(SELECT {value} FROM {table.format(shared=b.dialect.shared_tables)} {r}"
        found += f" WHERE {where.format(a=a, r=r)})"
        return f"COALESCE({found}, 'null')" if nullable else found

    return emit


def many(table: str, where: str, order: str, emitters: dict[str, Emitter]) -> Emitter:
    """A plain list of rows (`order` names the inner row `{r}`)."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        return (
            "('[' || "
            + rows(b, object_type(d), nodes, a, table, where, order, emitters)
            + " || ']')"
        )

    return emit


def rows(
    b: Build,
    of: GraphQLObjectType,
    nodes: list[FieldNode],
    a: str,
    table: str,
    where: str,
    order: str,
    emitters: dict[str, Emitter],
    limit: str = "",
) -> str:
    """The comma-joined objects of the rows (empty text for none); `limit`: a page of
    them (at most the page cap)."""
    r = b.alias()
    inner = f"SELECT * FROM {table} {r} WHERE {where.format(a=a, r=r)}"
    inner = _bounded(b, inner, order.format(r=r), r, limit)
    value = obj(b, of, nodes, r, emitters)
    joined = b.dialect.join_rows(value, order.format(r=r))
    return f"COALESCE((SELECT {joined} FROM ({inner}) {r}), '')"


def _bounded(b: Build, select: str, order: str, r: str, limit: str, extra: int = 0) -> str:
    """`select` in `order`, `limit` rows (`extra` more than the page cap at most). A
    generic plan (the read sessions keep them) guesses a tenth of the table for `LIMIT
    $n` and may sort the whole table for it: a constant bound first, which the page never
    exceeds, keeps the plan on the (created_at, id) index."""
    if not limit:
        return f"{select} ORDER BY {order}"
    capped = f"{select} ORDER BY {order} LIMIT {b.page_cap + extra}"
    return f"SELECT * FROM ({capped}) {r} ORDER BY {order}{limit}"


@dataclass(frozen=True)
class Listing:
    """A Relay connection over one table: `where` filters it (`{a}` the outer row, `{r}`
    the listed one), newest first or oldest first by (created_at, id)."""

    table: str
    where: str
    newest_first: bool
    node: dict[str, Emitter]
    integer_ids: bool = False


def connection(
    b: Build,
    d: GraphQLField,
    nodes: list[FieldNode],
    a: str,
    listing: Listing,
    first: Callable[[Request], Any],
    after: Callable[[Request], Any] | None,
) -> str:
    """`edges { cursor node }`, `pageInfo { hasNextPage endCursor }` and `totalCount` as
    services.pagination.paginate gives them: keyset pages by (created_at, id)."""
    direction, op = ("DESC", "<") if listing.newest_first else ("ASC", ">")
    order = f"{{r}}.created_at {direction}, {{r}}.id {direction}"
    reverse = order.replace(direction, "ASC" if direction == "DESC" else "DESC")
    where = listing.where
    limit = b.param(lambda request: _page_size(request, first(request)), "int")
    b.checks.append(lambda request: _page_size(request, first(request)))
    if after is not None:
        at = b.param(
            lambda request: b.dialect.db_datetime(_after(request, after, listing)[0]), "timestamptz"
        )
        key_type = "bigint" if listing.integer_ids else "uuid"
        key = b.param(lambda request: _key(b, _after(request, after, listing)[1]), key_type)
        b.checks.append(lambda request: _after(request, after, listing))
        where = (
            f"({where}) AND ({{r}}.created_at {op} {at} OR"
            f" ({{r}}.created_at = {at} AND {{r}}.id {op} {key}))"
        )
    page = f" LIMIT {limit}"
    of = object_type(d)
    edge_type = object_type(of.fields["edges"])

    def edges(b: Build, d: GraphQLField, edge_nodes: list[FieldNode], a: str) -> str:
        edge = {
            "cursor": lambda b, d, n, r: b.dialect.cursor(f"{r}.created_at", f"{r}.id"),
            "node": lambda b, d, n, r: obj(b, object_type(d), n, r, listing.node),
        }
        joined = rows(b, edge_type, edge_nodes, a, listing.table, where, order, edge, page)
        return "('[' || " + joined + " || ']')"

    def page_info(b: Build, d: GraphQLField, info_nodes: list[FieldNode], a: str) -> str:
        def has_next(b: Build, d: GraphQLField, n: list[FieldNode], _: str) -> str:
            r = b.alias()
            probe = _bounded(
                b,
                f"SELECT {r}.created_at, {r}.id FROM {listing.table} {r}"
                f" WHERE {where.format(a=a, r=r)}",
                order.format(r=r),
                r,
                f" LIMIT {limit} + 1",
                extra=1,
            )
            return b.dialect.boolean(f"(SELECT count(*) FROM ({probe}) {b.alias()}) > {limit}")

        def end_cursor(b: Build, d: GraphQLField, n: list[FieldNode], _: str) -> str:
            r, last = b.alias(), b.alias()
            page_rows = _bounded(
                b,
                f"SELECT {r}.created_at, {r}.id FROM {listing.table} {r}"
                f" WHERE {where.format(a=a, r=r)}",
                order.format(r=r),
                r,
                page,
            )
            cursor = b.dialect.cursor(f"{last}.created_at", f"{last}.id")
            newest = reverse.format(r=last)
            found = f"(SELECT {cursor} FROM ({page_rows}) {last} ORDER BY {newest} LIMIT 1)"
            return f"COALESCE({found}, 'null')"

        return obj(
            b, object_type(d), info_nodes, a, {"hasNextPage": has_next, "endCursor": end_cursor}
        )

    def total(b: Build, d: GraphQLField, n: list[FieldNode], _: str) -> str:
        r = b.alias()
        counted = f"SELECT count(*) FROM {listing.table} {r} WHERE {listing.where.format(a=a, r=r)}"
        return b.dialect.integer(f"({counted})")

    return obj(b, of, nodes, a, {"edges": edges, "pageInfo": page_info, "totalCount": total})


def _page_size(request: Request, first: int | None) -> int:
    if first is not None and first < 0:
        raise Fallback("first must not be negative")
    return min(request.page_cap if first is None else first, request.page_cap)


def _after(request: Request, after: Callable[[Request], Any], listing: Listing) -> tuple[Any, Any]:
    cursor = after(request)
    try:
        return decode_cursor(cursor, listing.integer_ids)
    except Exception as exc:  # graphql-core answers with the error
        raise Fallback("not a cursor of this list") from exc


def _key(b: Build, key: Any) -> Any:
    return key if isinstance(key, int) else b.dialect.db_id(str(key))
