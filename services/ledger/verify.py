"""The ledger's invariants (DESIGN.md), checked in the current estate's scope.

Each check is one aggregate query, so verifying stays cheap on a large estate.
"""

from __future__ import annotations

from typing import Any

from tortoise.connection import get_connection

from tenants.scope import TENANT_CONNECTION, current_scope

# Payment statuses in which the money moved (and must have exactly one entry).
MONEY_MOVED = ("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED")


async def _rows(sql: str) -> list[dict[str, Any]]:
    current_scope()  # raw SQL must not escape the estate either
    return list(await get_connection(TENANT_CONNECTION).execute_query_dict(sql))


async def verify_ledger() -> list[str]:
    """Every broken invariant as a sentence naming the object; empty when healthy."""
    problems: list[str] = []
    for row in await _rows(
        "SELECT e.id, e.idempotency_key, p.currency, SUM(p.amount) AS total, COUNT(*) AS n "
        "FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id "
        "GROUP BY e.id, e.idempotency_key, p.currency "
        "HAVING SUM(p.amount) <> 0"
    ):
        problems.append(
            f"entry {row['idempotency_key']} does not balance in {row['currency']}: "
            f"postings sum to {row['total']}"
        )
    for row in await _rows(
        "SELECT e.idempotency_key, COUNT(p.id) AS n FROM ledger_entries e "
        "LEFT JOIN ledger_postings p ON p.entry_id = e.id "
        "GROUP BY e.id, e.idempotency_key HAVING COUNT(p.id) < 2"
    ):
        problems.append(f"entry {row['idempotency_key']} has {row['n']} postings, needs 2+")
    for row in await _rows(
        "SELECT a.code, a.currency, a.balance, COALESCE(SUM(p.amount), 0) AS posted "
        "FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id "
        "GROUP BY a.id, a.code, a.currency, a.balance "
        "HAVING a.balance <> COALESCE(SUM(p.amount), 0)"
    ):
        problems.append(
            f"account {row['code']} ({row['currency']}) has balance {row['balance']} "
            f"but its postings sum to {row['posted']}"
        )
    for row in await _rows(
        "SELECT code, currency, balance, held FROM ledger_accounts "
        "WHERE held < 0 OR (allow_negative = FALSE AND (balance < 0 OR balance - held < 0))"
    ):
        problems.append(
            f"account {row['code']} ({row['currency']}) is below zero: "
            f"balance {row['balance']}, held {row['held']}"
        )
    for row in await _rows(
        "SELECT currency, SUM(amount) AS total FROM ledger_postings "
        "GROUP BY currency HAVING SUM(amount) <> 0"
    ):
        problems.append(f"{row['currency']} postings sum to {row['total']}: money created or lost")
    moved = ", ".join(f"'{status}'" for status in MONEY_MOVED)
    for row in await _rows(
        "SELECT pay.reference, pay.status, COUNT(e.id) AS n FROM payments pay "
        "LEFT JOIN ledger_entries e ON e.idempotency_key = 'payment:' || pay.id "
        "GROUP BY pay.id, pay.reference, pay.status "
        f"HAVING (pay.status IN ({moved}) AND COUNT(e.id) <> 1) "
        f"OR (pay.status NOT IN ({moved}) AND COUNT(e.id) <> 0)"
    ):
        problems.append(
            f"payment {row['reference']} is {row['status']} with {row['n']} ledger entries"
        )
    return problems
