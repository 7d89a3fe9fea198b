"""Properties, compiled: `properties`, `property` and the Property type with its units
(any member of the estate may read them), and a unit's occupancies (admins: all of them;
a resident: their own)."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.access import visible
from schema.compiled.build import Build
from schema.compiled.identity import user_of
from schema.compiled.params import id_param
from schema.compiled.sql import (
    Emitter,
    Listing,
    boolean,
    connection,
    date,
    datetime,
    many,
    obj,
    object_type,
    one,
    text,
)

OCCUPANT: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "active": boolean("{a}.active"),
    "user": user_of("{a}.user_id"),
}


def _occupancies(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    # `occupancies_by_unit`: by the day each began (`started`: the creation day when no
    # start was given), then as created.
    began = f"COALESCE({{a}}.starts_on, {b.dialect.utc_date('{a}.created_at')})"
    occupancy = {
        "from": date(began),
        "to": date("{a}.ends_on"),
        "resident": one("residents", "{r}.id = {a}.resident_id", OCCUPANT),
    }
    where = f"{{r}}.unit_id = {{a}}.id AND {visible(b)}"
    order = began.replace("{a}", "{r}") + ", {r}.created_at, {r}.id"
    return many("occupancies", where, order, occupancy)(b, d, nodes, a)


UNIT: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "label": text("{a}.label"),
    "propertyId": text("{a}.property_id"),
    "archived": boolean("{a}.archived_at IS NOT NULL"),
    "occupancies": _occupancies,
}

PROPERTY: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "name": text("{a}.name"),
    "address": text("{a}.address"),
    "createdAt": datetime("{a}.created_at"),
    "archived": boolean("{a}.archived_at IS NOT NULL"),
    # `units_by_property`: ORDER BY label, id in the database's collation.
    "units": many("units", "{r}.property_id = {a}.id", "{r}.label, {r}.id", UNIT),
}


def properties(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    listing = Listing("properties", "1 = 1", False, PROPERTY)
    after = b.arg(d, node, "after") if b.plan_args(d, node)["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)


def property_(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    wanted = id_param(b, b.arg(d, nodes[0], "id"))
    value = obj(b, object_type(d), nodes, "r", PROPERTY)
    return f"(SELECT {value} FROM properties r WHERE r.id = {wanted})"
