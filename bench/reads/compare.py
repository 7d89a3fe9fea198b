"""The peer's forms of documents (a) and (b), and the check that PostGraphile and estatepay
answer the same rows: ids, numbers, statuses, amounts (the peer's stored integers against
estatepay's decimals in minor units), dates, payments, in the same order."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

# PostGraphile's own names over the estate schema: `allBills`, `rowId` (its `id` is a global
# Node ID), `paymentsByBillId`; amounts and currency are the stored columns. The fields are
# estatepay's (a) and (b), and each list is in estatepay's order: newest bills first, a
# bill's payments oldest first (the seed gives no two bills or payments the same instant).
PEER_QUERY_A = (
    "query($r: UUID!) { allBills(condition: {residentId: $r}, orderBy: [CREATED_AT_DESC],"
    " first: 20) { nodes { rowId number status amount currency"
    " paymentsByBillId(orderBy: [CREATED_AT_ASC]) { nodes { reference amount status } } } } }"
)
PEER_QUERY_B = (
    "{ allBills(orderBy: [CREATED_AT_DESC], first: 50)"
    " { nodes { rowId number title status dueDate createdAt } } }"
)

Row = tuple[Any, ...]


def minor(amount: str, currency: str) -> int:
    """estatepay's decimal amount in minor units; a fraction finer than the currency's is an
    error, not something to round away."""
    from services.money import exponent

    value = Decimal(amount).scaleb(exponent(currency))
    if value != value.to_integral_value():
        raise ValueError(f"{amount} {currency} is not a whole number of minor units")
    return int(value)


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def estatepay_rows(key: str, answer: dict[str, Any]) -> list[Row]:
    nodes = [edge["node"] for edge in answer["data"]["bills"]["edges"]]
    if key == "a":
        rows: list[Row] = []
        for n in nodes:
            currency = n["amount"]["currency"]
            payments = tuple(
                (p["reference"], minor(p["amount"]["amount"], currency), p["status"])
                for p in n["payments"]
            )
            amount = minor(n["amount"]["amount"], currency)
            rows.append((n["id"], n["number"], n["status"], amount, currency, payments))
        return rows
    return [
        (n["id"], n["number"], n["title"], n["status"], n["dueDate"], instant(n["createdAt"]))
        for n in nodes
    ]


def peer_rows(key: str, answer: dict[str, Any]) -> list[Row]:
    nodes = answer["data"]["allBills"]["nodes"]
    if key == "a":
        return [
            (
                n["rowId"],
                n["number"],
                n["status"],
                int(n["amount"]),
                n["currency"],
                tuple(
                    (p["reference"], int(p["amount"]), p["status"])
                    for p in n["paymentsByBillId"]["nodes"]
                ),
            )
            for n in nodes
        ]
    return [
        (n["rowId"], n["number"], n["title"], n["status"], n["dueDate"], instant(n["createdAt"]))
        for n in nodes
    ]


def differences(key: str, ours: dict[str, Any], peers: dict[str, Any]) -> list[str]:
    """What differs between the two answers to document `key`, row by row; empty when the
    peer returned the same rows in the same order."""
    for name, answer in (("estatepay", ours), ("postgraphile", peers)):
        if answer.get("errors") or not answer.get("data"):
            return [f"{name} answered with errors: {str(answer)[:300]}"]
    left, right = estatepay_rows(key, ours), peer_rows(key, peers)
    found = []
    if len(left) != len(right):
        found.append(f"estatepay returned {len(left)} rows, postgraphile {len(right)}")
    for i, (a, b) in enumerate(zip(left, right, strict=False)):
        if a != b:
            found.append(f"row {i}: estatepay {a!r} != postgraphile {b!r}")
    return found
