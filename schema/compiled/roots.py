"""The root fields the compiler covers, each turned into one SQL expression."""

from __future__ import annotations

from collections.abc import Callable

from graphql import FieldNode, GraphQLField

from schema.compiled import (
    bills,
    bills_summary,
    dashboard,
    estates,
    identity,
    notifications,
    payments,
    properties,
    residents,
    rewards,
    wallets,
)
from schema.compiled.build import Build

Root = Callable[[Build, GraphQLField, list[FieldNode]], str]

# Root fields read inside the caller's estate (a tenant scope).
TENANT_ROOTS: dict[str, Root] = {
    "bills": bills.bills,
    "bill": bills.bill,
    "billsSummary": bills_summary.bills_summary,
    "payments": payments.payments,
    "payment": payments.payment,
    "paymentByReference": payments.payment_by_reference,
    "wallet": wallets.wallet,
    "rewards": rewards.own_rewards,
    "estateWallet": wallets.estate_wallet,
    "residents": residents.residents,
    "resident": residents.resident,
    "properties": properties.properties,
    "property": properties.property_,
    "notifications": notifications.notifications,
    "estate": estates.estate,
    "me": identity.me,
    "dashboard": dashboard.dashboard,
}
