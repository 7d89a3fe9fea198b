"""Wallets, compiled: `wallet`, `estateWallet`, and the Wallet type (also under
Resident.wallet) with its transactions; the estate wallet's operations."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.access import viewer_resident
from schema.compiled.build import Build, Unsupported
from schema.compiled.dialect import literal
from schema.compiled.params import currency_param, now_param
from schema.compiled.sql import (
    Emitter,
    Listing,
    boolean,
    connection,
    datetime,
    money,
    obj,
    object_type,
    text,
)
from schema.wallets import WalletTransactionKind
from services.ledger.journal import ESTATE_REVENUE

# A wallet with its ledger account's figures.
WALLET_ROWS = (
    "(SELECT w.*, acc.balance AS account_balance, acc.held AS account_held,"
    " acc.currency AS account_currency FROM wallets w"
    " JOIN ledger_accounts acc ON acc.id = w.account_id)"
)
# An account's postings with their journal entries (`AccountLine`).
LINES = (
    "(SELECT p.*, e.kind AS entry_kind, e.description AS entry_description,"
    " e.reference AS entry_reference FROM ledger_postings p"
    " JOIN ledger_entries e ON e.id = p.entry_id)"
)
_KINDS = ", ".join(literal(kind) for kind in WalletTransactionKind.__members__)

TRANSACTION: dict[str, Emitter] = {
    "id": text("CAST({a}.id AS TEXT)"),
    # `transaction_node`: a kind the enum lacks shows as ADJUSTMENT; what a bill payment
    # put in the wallet (what the bill did not take) as PREPAYMENT_CREDIT.
    "kind": text(
        "(CASE WHEN {a}.entry_kind = 'BILL_PAYMENT' AND {a}.amount > 0"
        " THEN 'PREPAYMENT_CREDIT'"
        f" WHEN {{a}}.entry_kind IN ({_KINDS}) THEN {{a}}.entry_kind ELSE 'ADJUSTMENT' END)"
    ),
    "amount": money("{a}.amount", "{a}.currency"),
    "balanceAfter": money("{a}.balance_after", "{a}.currency"),
    "description": text("{a}.entry_description"),
    "reference": text("{a}.entry_reference"),
    "createdAt": datetime("{a}.created_at"),
}

LEDGER_ENTRY: dict[str, Emitter] = {
    **TRANSACTION,
    "id": text("{a}.entry_id"),
    "kind": text("{a}.entry_kind"),
}


def history(node: dict[str, Emitter]) -> Emitter:
    """`account_history` of the row's account: newest first, by posting."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        listing = Listing(LINES, "{r}.account_id = {a}.account_id", True, node, integer_ids=True)
        args = b.plan_args(d, nodes[0])
        after = b.arg(d, nodes[0], "after") if args["after"] is not None else None
        return connection(b, d, nodes, a, listing, b.arg(d, nodes[0], "first"), after)

    return emit


def _locked(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    return b.dialect.boolean(f"{a}.locked_until IS NOT NULL AND {a}.locked_until > {now_param(b)}")


WALLET: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "balance": money("{a}.account_balance", "{a}.account_currency"),
    "available": money("({a}.account_balance - {a}.account_held)", "{a}.account_currency"),
    "frozen": boolean("{a}.frozen"),
    "hasPin": boolean("{a}.pin_hash IS NOT NULL"),
    "locked": _locked,
    "transactions": history(TRANSACTION),
}


def wallet(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    """`resident_viewer` (FORBIDDEN for a caller without a resident row), then the wallet
    in the estate's currency (NOT_FOUND without one)."""
    viewer = viewer_resident(b)
    b.guards.append(f"{viewer} IS NOT NULL")
    value = obj(b, object_type(d), nodes, "r", WALLET)
    return (
        f"(SELECT {value} FROM {WALLET_ROWS} r"
        f" WHERE r.resident_id = {viewer} AND r.currency = {currency_param(b)})"
    )


def estate_wallet(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    """The revenue account's balance (0 before anything was paid) and postings."""
    if not b.is_admin:
        raise Unsupported("admins only: graphql-core says FORBIDDEN")
    currency = currency_param(b)
    account = (
        f"FROM ledger_accounts x WHERE x.code = {literal(ESTATE_REVENUE)}"
        f" AND x.currency = {currency}"
    )
    emitters: dict[str, Emitter] = {
        "balance": money("COALESCE({a}.balance, 0)", currency),
        "available": money("COALESCE({a}.balance, 0) - COALESCE({a}.held, 0)", currency),
        "held": money("COALESCE({a}.held, 0)", currency),
        "operations": history(LEDGER_ENTRY),
    }
    value = obj(b, object_type(d), nodes, "r", emitters)
    return (
        f"(SELECT {value} FROM (SELECT (SELECT x.id {account}) AS account_id,"
        f" (SELECT x.balance {account}) AS balance, (SELECT x.held {account}) AS held) r)"
    )
