"""Payments, compiled: `payments`, `payment`, `paymentByReference` and the Payment type."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.access import visible, visible_resident
from schema.compiled.build import Build, Fallback, Getter, Request, Unsupported
from schema.compiled.sql import (
    Emitter,
    Listing,
    connection,
    datetime,
    money,
    obj,
    object_type,
    one,
    text,
)
from services.payments.models import REFERENCE_LENGTH

BILL_REF: dict[str, Emitter] = {"id": text("{a}.id"), "number": text("{a}.number")}


def _no_bitcoin(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    raise Unsupported("Payment.bitcoin")


PAYMENT: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "reference": text("{a}.reference"),
    "purpose": text("{a}.purpose"),
    "provider": text("{a}.provider"),
    "amount": money("{a}.amount", "{a}.currency"),
    "status": text("{a}.status"),
    "checkoutUrl": text("{a}.checkout_url"),
    "clientSecret": text("{a}.client_secret"),
    "bitcoin": _no_bitcoin,
    "failureCode": text("{a}.failure_code"),
    "failureMessage": text("{a}.failure_message"),
    "createdAt": datetime("{a}.created_at"),
    "completedAt": datetime("{a}.completed_at"),
    "bill": one("bills", "{r}.id = {a}.bill_id", BILL_REF, nullable=True),
    "receiptNumber": text("{a}.receipt_number"),
    "receiptUrl": lambda b, d, n, a: b.dialect.nullable(
        f"{a}.receipt_number", f"('\"/receipts/' || {a}.id || '.pdf\"')"
    ),
    "credited": money("{a}.credited", "{a}.currency"),
    "shortfall": lambda b, d, n, a: b.dialect.nullable(
        f"{a}.requested_amount",
        money("({a}.requested_amount - {a}.amount)", "{a}.currency")(b, d, n, a),
    ),
}


def payments(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    where = [visible(b)]
    args = b.plan_args(d, node)
    wanted = args["filter"] or {}

    def member(name: str) -> Getter:
        return lambda request: (request.args(d, node)["filter"] or {})[name]

    if wanted.get("status"):
        where.append(
            b.dialect.in_list(
                "{r}.status",
                b.param(lambda request: b.dialect.db_list(member("status")(request)), "text[]"),
            )
        )
    for name, column in (("provider", "provider"), ("purpose", "purpose")):
        if wanted.get(name):
            where.append(f"{{r}}.{column} = {b.param(member(name), 'text')}")
    if wanted.get("billId"):
        # `get_bill`: a bill the viewer may not see is NOT_FOUND.
        bill = b.param(lambda request: b.dialect.db_id(member("billId")(request)), "uuid")
        b.guards.append(
            f"EXISTS (SELECT 1 FROM bills g WHERE g.id = {bill} AND {visible(b, 'g.resident_id')})"
        )
        where.append(f"{{r}}.bill_id = {bill}")
    if wanted.get("residentId"):
        where.append(f"{{r}}.resident_id = {visible_resident(b, member('residentId'))}")
    listing = Listing("payments", " AND ".join(where), True, PAYMENT)
    after = b.arg(d, node, "after") if args["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)


def payment(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    wanted = b.param(lambda request: b.dialect.db_id(b.arg(d, nodes[0], "id")(request)), "uuid")
    value = obj(b, object_type(d), nodes, "r", PAYMENT)
    return (
        f"(SELECT {value} FROM payments r WHERE r.id = {wanted} AND {visible(b, 'r.resident_id')})"
    )


def payment_by_reference(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    def reference(request: Request) -> str:
        found = (b.arg(d, nodes[0], "reference")(request) or "").strip()
        if len(found) > REFERENCE_LENGTH:
            raise Fallback("longer than any reference")
        return str(found)

    wanted = b.param(reference, "text")
    value = obj(b, object_type(d), nodes, "r", PAYMENT)
    return (
        f"(SELECT {value} FROM payments r WHERE r.reference = {wanted}"
        f" AND {visible(b, 'r.resident_id')})"
    )
