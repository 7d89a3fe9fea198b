"""The ledger's invariants (DESIGN.md), checked in the current estate's scope.

Each check is one aggregate query in plain SQL that PostgreSQL and SQLite both run (the
scope resolves the unqualified table names to the estate), so verifying stays cheap on a
large estate and never loads rows it does not report.
"""

from __future__ import annotations

from typing import Any

from tortoise.connection import get_connection

from services.ledger.journal import REWARD_KINDS
from tenants.scope import TENANT_CONNECTION, current_scope

# Payment statuses in which the money moved (and must have exactly one entry).
MONEY_MOVED = ("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED")
# Kinds of the entry `services.payments.settlement.settle` writes for a payment.
PAYMENT_ENTRY_KINDS = ("BILL_PAYMENT", "DEPOSIT")


def _sql_list(values: tuple[str, ...]) -> str:
    """A constant tuple as an SQL list of literals (module constants only, never input)."""
    return ", ".join("'" + value.replace("'", "''") + "'" for value in values)


async def _rows(sql: str) -> list[dict[str, Any]]:
    current_scope()  # raw SQL must not escape the estate either
    return list(await get_connection(TENANT_CONNECTION).execute_query_dict(sql))


def _int(value: Any) -> int:
    return int(value or 0)  # PostgreSQL's SUM(bigint) is numeric (Decimal)


async def _entries() -> list[str]:
    problems = [
        f"entry {row['id']} ({row['idempotency_key']}) does not balance in {row['currency']}: "
        f"postings sum to {_int(row['total'])}"
        for row in await _rows(
            "SELECT e.id, e.idempotency_key, p.currency, SUM(p.amount) AS total "
            "FROM ledger_entries e JOIN ledger_postings p ON p.entry_id = e.id "
            "GROUP BY e.id, e.idempotency_key, p.currency "
            "HAVING SUM(p.amount) <> 0 ORDER BY e.idempotency_key, p.currency"
        )
    ]
    problems += [
        f"entry {row['id']} ({row['idempotency_key']}) has {_int(row['n'])} postings, "
        "needs at least 2"
        for row in await _rows(
            "SELECT e.id, e.idempotency_key, COUNT(p.id) AS n FROM ledger_entries e "
            "LEFT JOIN ledger_postings p ON p.entry_id = e.id "
            "GROUP BY e.id, e.idempotency_key HAVING COUNT(p.id) < 2 "
            "ORDER BY e.idempotency_key"
        )
    ]
    problems += [
        f"posting {row['id']} of entry {row['idempotency_key']} is in {row['currency']} "
        f"but account {row['code']} is in {row['account_currency']}"
        for row in await _rows(
            "SELECT p.id, e.idempotency_key, p.currency, a.code, a.currency AS account_currency "
            "FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id "
            "JOIN ledger_entries e ON e.id = p.entry_id "
            "WHERE p.currency <> a.currency ORDER BY p.id"
        )
    ]
    return problems


async def _accounts() -> list[str]:
    problems = [
        f"account {row['code']} ({row['currency']}) has balance {_int(row['balance'])} "
        f"but its postings sum to {_int(row['posted'])}"
        for row in await _rows(
            "SELECT a.code, a.currency, a.balance, COALESCE(SUM(p.amount), 0) AS posted "
            "FROM ledger_accounts a LEFT JOIN ledger_postings p ON p.account_id = a.id "
            "GROUP BY a.id, a.code, a.currency, a.balance "
            "HAVING a.balance <> COALESCE(SUM(p.amount), 0) ORDER BY a.code, a.currency"
        )
    ]
    for row in await _rows(
        "SELECT code, currency, balance, held, allow_negative FROM ledger_accounts "
        "WHERE held < 0 OR (allow_negative = FALSE AND (balance < 0 OR balance - held < 0)) "
        "ORDER BY code, currency"
    ):
        balance, held = _int(row["balance"]), _int(row["held"])
        name = f"account {row['code']} ({row['currency']})"
        if held < 0:
            problems.append(f"{name} has negative held {held}")
        if not row["allow_negative"]:
            if balance < 0:
                problems.append(f"{name} is below zero: balance {balance}")
            elif balance - held < 0:
                problems.append(
                    f"{name} is below zero: available {balance - held} "
                    f"(balance {balance}, held {held})"
                )
    # Postings of one account are written under its row lock, so the highest id is the
    # latest; its running balance must be the account's balance.
    problems += [
        f"account {row['code']} ({row['currency']}) has balance {_int(row['balance'])} "
        f"but its latest posting {row['posting_id']} has balance_after "
        f"{_int(row['balance_after'])}"
        for row in await _rows(
            "SELECT a.code, a.currency, a.balance, p.id AS posting_id, p.balance_after "
            "FROM ledger_accounts a JOIN ledger_postings p ON p.account_id = a.id "
            "WHERE p.id = (SELECT MAX(q.id) FROM ledger_postings q WHERE q.account_id = a.id) "
            "AND p.balance_after <> a.balance ORDER BY a.code, a.currency"
        )
    ]
    problems += [
        f"{row['currency']} postings sum to {_int(row['total'])}: money created or lost"
        for row in await _rows(
            "SELECT currency, SUM(amount) AS total FROM ledger_postings "
            "GROUP BY currency HAVING SUM(amount) <> 0 ORDER BY currency"
        )
    ]
    return problems


async def _payments() -> list[str]:
    moved, kinds = _sql_list(MONEY_MOVED), _sql_list(PAYMENT_ENTRY_KINDS)
    problems = [
        f"payment {row['reference']} is {row['status']} with {_int(row['n'])} ledger entries"
        f" (expected {1 if row['status'] in MONEY_MOVED else 0})"
        for row in await _rows(
            "SELECT pay.reference, pay.status, COUNT(e.id) AS n FROM payments pay "
            "LEFT JOIN ledger_entries e ON e.idempotency_key = 'payment:' || pay.id "
            "GROUP BY pay.id, pay.reference, pay.status "
            f"HAVING (pay.status IN ({moved}) AND COUNT(e.id) <> 1) "
            f"OR (pay.status NOT IN ({moved}) AND COUNT(e.id) <> 0) ORDER BY pay.reference"
        )
    ]
    problems += [
        f"payment {row['reference']}'s entry {row['entry_id']} has kind {row['kind']} and "
        f"reference {row['entry_reference']}, expected one of {', '.join(PAYMENT_ENTRY_KINDS)} "
        f"and {row['reference']}"
        for row in await _rows(
            "SELECT pay.reference, e.id AS entry_id, e.kind, e.reference AS entry_reference "
            "FROM payments pay "
            "JOIN ledger_entries e ON e.idempotency_key = 'payment:' || pay.id "
            f"WHERE e.reference IS NULL OR e.reference <> pay.reference "
            f"OR e.kind NOT IN ({kinds}) ORDER BY pay.reference"
        )
    ]
    return problems


# A payout's hold is ACTIVE while the payout holds money, POSTED once it was paid out
# (and after a reversal), RELEASED when it ended without paying (services.payouts).
PAYOUT_HOLD_STATUS = {
    "REQUESTED": "ACTIVE",
    "APPROVED": "ACTIVE",
    "PROCESSING": "ACTIVE",
    "PAID": "POSTED",
    "REVERSED": "POSTED",
    "FAILED": "RELEASED",
    "REJECTED": "RELEASED",
    "CANCELLED": "RELEASED",
}


async def _holds() -> list[str]:
    return [
        f"account {row['code']} ({row['currency']}) has held {_int(row['held'])} but its "
        f"active holds sum to {_int(row['active'])}"
        for row in await _rows(
            "SELECT a.code, a.currency, a.held, COALESCE(SUM(h.amount), 0) AS active "
            "FROM ledger_accounts a LEFT JOIN ledger_holds h "
            "ON h.account_id = a.id AND h.status = 'ACTIVE' "
            "GROUP BY a.id, a.code, a.currency, a.held "
            "HAVING a.held <> COALESCE(SUM(h.amount), 0) ORDER BY a.code, a.currency"
        )
    ]


async def _payouts() -> list[str]:
    problems = []
    for row in await _rows(
        "SELECT p.reference, p.status, p.amount, p.fee, h.status AS hold_status, "
        "h.amount AS held, "
        "(SELECT COUNT(*) FROM ledger_entries e WHERE e.idempotency_key = 'hold:' || h.id "
        "AND e.kind = 'PAYOUT') AS paid, "
        "(SELECT COUNT(*) FROM ledger_entries e "
        "WHERE e.idempotency_key = 'payout-reversal:' || p.id) AS reversed "
        "FROM payouts p LEFT JOIN ledger_holds h ON h.idempotency_key = 'payout:' || p.id "
        "ORDER BY p.reference"
    ):
        name, status = f"payout {row['reference']}", row["status"]
        expected_hold = PAYOUT_HOLD_STATUS.get(status)
        if row["hold_status"] is None:
            problems.append(f"{name} is {status} but has no hold")
            continue
        if row["hold_status"] != expected_hold:
            problems.append(
                f"{name} is {status} but its hold is {row['hold_status']} "
                f"(expected {expected_hold})"
            )
        if _int(row["held"]) != _int(row["amount"]) + _int(row["fee"]):
            problems.append(
                f"{name} holds {_int(row['held'])}, expected amount + fee "
                f"{_int(row['amount']) + _int(row['fee'])}"
            )
        paid, reversed_ = _int(row["paid"]), _int(row["reversed"])
        if paid != (1 if status in ("PAID", "REVERSED") else 0):
            problems.append(f"{name} is {status} with {paid} payout entries")
        if reversed_ != (1 if status == "REVERSED" else 0):
            problems.append(f"{name} is {status} with {reversed_} reversal entries")
    return problems


# A wallet refund (a payout of purpose WALLET_REFUND, services.payouts.lifecycle) took
# its money out of the wallet in one entry, and gave it back in another when it ended
# unpaid (a reversal after paying is the payout reversal above).
REFUND_GIVEN_BACK = ("FAILED", "REJECTED", "CANCELLED")


async def _wallet_refunds() -> list[str]:
    problems = []
    for row in await _rows(
        "SELECT p.reference, p.status, "
        "(SELECT COUNT(*) FROM ledger_entries e "
        "WHERE e.idempotency_key = 'wallet-refund:' || p.id) AS taken, "
        "(SELECT COUNT(*) FROM ledger_entries e "
        "WHERE e.idempotency_key = 'wallet-refund-back:' || p.id) AS given_back "
        "FROM payouts p WHERE p.purpose = 'WALLET_REFUND' ORDER BY p.reference"
    ):
        name, status = f"wallet refund {row['reference']}", row["status"]
        if _int(row["taken"]) != 1:
            problems.append(f"{name} took its money from the wallet {_int(row['taken'])} times")
        expected = 1 if status in REFUND_GIVEN_BACK else 0
        if _int(row["given_back"]) != expected:
            problems.append(
                f"{name} is {status} with {_int(row['given_back'])} entries giving it back"
            )
    return problems


async def _rewards() -> list[str]:
    """Rewards are not money: an entry touching a rewards account touches only those."""
    kinds = _sql_list(REWARD_KINDS)
    return [
        f"entry {row['id']} ({row['idempotency_key']}) moves rewards to or from a money account"
        for row in await _rows(
            "SELECT e.id, e.idempotency_key FROM ledger_entries e "
            "JOIN ledger_postings p ON p.entry_id = e.id "
            "JOIN ledger_accounts a ON a.id = p.account_id GROUP BY e.id, e.idempotency_key "
            f"HAVING COUNT(CASE WHEN a.kind IN ({kinds}) THEN 1 END) > 0 "
            f"AND COUNT(CASE WHEN a.kind NOT IN ({kinds}) THEN 1 END) > 0 "
            "ORDER BY e.idempotency_key"
        )
    ]


async def verify_ledger() -> list[str]:
    """Every broken invariant as a sentence naming the object and the numbers; empty when
    the estate's ledger is healthy. Runs in the caller's tenant scope."""
    current_scope()
    return [
        *await _entries(),
        *await _accounts(),
        *await _holds(),
        *await _payments(),
        *await _payouts(),
        *await _wallet_refunds(),
        *await _rewards(),
    ]
