"""Rewards, compiled: `rewards` (the signed-in resident's) and `Resident.rewards` (a
resident the caller was allowed to see): the balance and the account's postings."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.access import viewer_resident
from schema.compiled.build import Build
from schema.compiled.dialect import literal
from schema.compiled.params import currency_param
from schema.compiled.sql import Emitter, money, obj, object_type, text
from schema.compiled.wallets import TRANSACTION, history
from services.ledger.journal import REWARDS_PREFIX

# `reward_transaction_node`: the entry's kind as it is (no enum to fall back from).
REWARD_TRANSACTION: dict[str, Emitter] = {**TRANSACTION, "kind": text("{a}.entry_kind")}


def rewards(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """`resident_rewards`: the account "rewards:<resident id>" if one was opened, else an
    empty one in the estate's currency (no postings: an empty connection)."""
    r = b.alias()
    currency = currency_param(b)
    emitters: dict[str, Emitter] = {
        "balance": money("COALESCE({a}.balance, 0)", f"COALESCE({{a}}.currency, {currency})"),
        "transactions": history(REWARD_TRANSACTION),
    }
    value = obj(b, object_type(d), nodes, r, emitters)
    account = (
        "SELECT x.id AS account_id, x.balance, x.currency FROM (SELECT 1 AS one) o"
        f" LEFT JOIN ledger_accounts x ON x.code = {literal(REWARDS_PREFIX)} || {a}.id"
    )
    return f"(SELECT {value} FROM ({account}) {r})"


def own_rewards(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    """`own_rewards`: the caller's resident row's (`resident_viewer`: FORBIDDEN from
    graphql-core for a caller without one)."""
    viewer = viewer_resident(b)
    b.guards.append(f"{viewer} IS NOT NULL")
    v = b.alias()
    return f"(SELECT {rewards(b, d, nodes, v)} FROM (SELECT {viewer} AS id) {v})"
