"""The root fields the compiler covers, each turned into one SQL expression."""

from __future__ import annotations

from collections.abc import Callable

from graphql import FieldNode, GraphQLField

from schema.compiled import bills, payments
from schema.compiled.build import Build

Root = Callable[[Build, GraphQLField, list[FieldNode]], str]

# Root fields read inside the caller's estate (a tenant scope).
TENANT_ROOTS: dict[str, Root] = {
    "bills": bills.bills,
    "bill": bills.bill,
    "payments": payments.payments,
    "payment": payments.payment,
    "paymentByReference": payments.payment_by_reference,
}
