"""Bills, compiled: `bills`, `bill` and the Bill type with its resident, unit, payments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import FieldNode, GraphQLField

from schema.bills import OPEN_STATUSES
from schema.compiled.access import visible, visible_resident
from schema.compiled.build import Build, Getter, Request, Unsupported
from schema.compiled.dialect import in_values
from schema.compiled.params import today_param
from schema.compiled.payments import PAYMENT
from schema.compiled.properties import UNIT
from schema.compiled.sql import (
    Emitter,
    Listing,
    connection,
    date,
    datetime,
    many,
    money,
    obj,
    object_type,
    one,
    text,
)
from services.bills.lifecycle import PAYABLE

SUBTOTAL = "COALESCE({a}.subtotal, {a}.amount)"  # `invoices.bill_subtotal`


def _is_overdue(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    return b.dialect.boolean(
        f"{in_values(a + '.status', OPEN_STATUSES)} AND {a}.due_date < {today_param(b)}"
    )


def _resident_user(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    if not b.dialect.shared_tables:
        raise Unsupported("users live in the shared database")
    return one("{shared}users", "{r}.id = {a}.user_id", {"fullName": text("{a}.full_name")})(
        b, d, nodes, a
    )


BILL_RESIDENT: dict[str, Emitter] = {"id": text("{a}.id"), "user": _resident_user}

BILL: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "number": text("{a}.number"),
    "title": text("{a}.title"),
    "description": text("{a}.description"),
    "type": text("{a}.type"),
    "amount": money("{a}.amount", "{a}.currency"),
    "amountPaid": money("{a}.amount_paid", "{a}.currency"),
    "balanceDue": money(
        "(CASE WHEN {a}.status = 'CANCELLED' THEN 0 ELSE {a}.amount - {a}.amount_paid END)",
        "{a}.currency",
    ),
    "status": text("{a}.status"),
    "dueDate": date("{a}.due_date"),
    "isOverdue": _is_overdue,
    "createdAt": datetime("{a}.created_at"),
    "acknowledgedAt": datetime("{a}.acknowledged_at"),
    "disputeReason": text("{a}.dispute_reason"),
    "disputeResolution": text("{a}.dispute_resolution"),
    "resident": one("residents", "{r}.id = {a}.resident_id", BILL_RESIDENT),
    "unit": one("units", "{r}.id = {a}.unit_id", UNIT, nullable=True),
    "payments": many("payments", "{r}.bill_id = {a}.id", "{r}.created_at, {r}.id", PAYMENT),
    "subtotal": money(SUBTOTAL, "{a}.currency"),
    "tax": money("{a}.tax", "{a}.currency"),
    "discount": money("{a}.discount", "{a}.currency"),
    # Decimal(tax_rate_bp).scaleb(-2), written out: basis points as a two-place decimal.
    "taxRate": lambda b, d, n, a: b.dialect.decimal(f"{a}.tax_rate_bp", 2),
    "invoiceUrl": lambda b, d, n, a: f"('\"/bills/' || {a}.id || '/invoice.pdf\"')",
    "lineItems": lambda b, d, n, a: _line_items(b, d, n, a),
}


def _line_items(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """`invoices.lines_of`: the stored lines by position, or one line, the bill's title
    once at its subtotal, for a bill issued without any."""
    line: dict[str, Emitter] = {
        "description": text("{a}.description"),
        "quantity": lambda b, d, n, r: b.dialect.quantity(f"{r}.quantity_milli"),
        "unitAmount": money("{a}.unit_amount", f"{a}.currency"),
        "amount": money("{a}.amount", f"{a}.currency"),
    }
    stored = many("bill_lines", "{r}.bill_id = {a}.id", "{r}.position", line)(b, d, nodes, a)
    r = b.alias()
    subtotal = SUBTOTAL.format(a=a)
    one_line = (
        f"(SELECT {obj(b, object_type(d), nodes, r, line)} FROM (SELECT {a}.title AS description,"
        f" 1000 AS quantity_milli, {subtotal} AS unit_amount, {subtotal} AS amount) {r})"
    )
    has_lines = f"EXISTS (SELECT 1 FROM bill_lines g WHERE g.bill_id = {a}.id)"
    return f"(CASE WHEN {has_lines} THEN {stored} ELSE '[' || {one_line} || ']' END)"


def bills(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    args = b.plan_args(d, node)
    wanted = args["filter"] or {}

    def member(name: str) -> Callable[[Request], Any]:
        return lambda request: (request.args(d, node)["filter"] or {})[name]

    where = [visible(b)]
    if wanted.get("residentId"):
        where.append(f"{{r}}.resident_id = {visible_resident(b, member('residentId'))}")
    if wanted.get("propertyId"):
        # `get_property`: an unknown property is NOT_FOUND.
        prop = b.param(lambda request: b.dialect.db_id(member("propertyId")(request)), "uuid")
        b.guards.append(f"EXISTS (SELECT 1 FROM properties g WHERE g.id = {prop})")
        where.append(f"{{r}}.unit_id IN (SELECT u.id FROM units u WHERE u.property_id = {prop})")
    if wanted.get("status"):
        statuses = b.param(lambda request: b.dialect.db_list(member("status")(request)), "text[]")
        where.append(b.dialect.in_list("{r}.status", statuses))
    if wanted.get("type"):
        where.append(f"{{r}}.type = {b.param(member('type'), 'text')}")
    if wanted.get("overdueOnly"):
        where.append(f"{in_values('{r}.status', PAYABLE)} AND {{r}}.due_date < {today_param(b)}")
    for name, op in (("dueBefore", "<"), ("dueAfter", ">")):
        if wanted.get(name):
            day = b.param(_day(b, member(name)), "date")
            where.append(f"{{r}}.due_date {op} {day}")
    listing = Listing("bills", " AND ".join(f"({w})" for w in where), True, BILL)
    after = b.arg(d, node, "after") if args["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)


def _day(b: Build, getter: Getter) -> Getter:
    return lambda request: b.dialect.db_date(getter(request))


def bill(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    wanted = b.param(lambda request: b.dialect.db_id(b.arg(d, nodes[0], "id")(request)), "uuid")
    value = obj(b, object_type(d), nodes, "r", BILL)
    return f"(SELECT {value} FROM bills r WHERE r.id = {wanted} AND {visible(b, 'r.resident_id')})"
