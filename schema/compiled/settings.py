"""An estate's settings, compiled: `Estate.settings` (under `estate` and under a user's
memberships). The estates are shared rows: PostgreSQL only, as the Estate type is."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build
from schema.compiled.params import shared_tables, user_param
from schema.compiled.sql import Emitter, money, obj, object_type, text
from services.payouts.settings import SETTINGS_ID


def _last4(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    number = f"COALESCE({a}.auto_account_number, '')"
    return b.dialect.text(b.dialect.last_chars(number, 4))


# `destination`: the auto-payout's account, from its columns (the absent ones blank).
BANK_ACCOUNT: dict[str, Emitter] = {
    "bankCode": text("{a}.auto_bank_code"),
    "bankName": text("COALESCE({a}.auto_bank_name, '')"),
    "accountNumberLast4": _last4,
    "accountName": text("COALESCE({a}.auto_account_name, '')"),
}


def settings(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """`may_see_settings`: the platform operator sees every estate's, an admin of the
    X-Tenant estate that estate's; null for anyone else. The payout settings are the
    X-Tenant estate's own (its schema's single row): null for any other estate."""
    shared = shared_tables(b)
    slug = b.param(lambda request: request.slug, "text")
    here = f"{a}.slug = {slug}"
    operator = (
        f"EXISTS (SELECT 1 FROM {shared}users op WHERE op.id = {user_param(b)}"
        " AND op.is_platform_admin)"
    )
    may_see = f"({operator} OR {here})" if b.is_admin else operator
    p = b.alias()

    def threshold(b: Build, d: GraphQLField, n: list[FieldNode], s: str) -> str:
        amount = money(f"{s}.auto_payout_threshold", f"{a}.currency")(b, d, n, s)
        return b.dialect.nullable(f"{s}.auto_payout_threshold", amount)

    def account(b: Build, d: GraphQLField, n: list[FieldNode], s: str) -> str:
        return b.dialect.nullable(f"{s}.auto_bank_code", obj(b, object_type(d), n, s, BANK_ACCOUNT))

    emitters: dict[str, Emitter] = {
        "platformFeePercent": lambda b, d, n, s: b.dialect.decimal(f"{a}.platform_fee_bps", 2),
        "platformFeeFixed": money(f"{a}.platform_fee_fixed", f"{a}.currency"),
        "payoutProvider": text("{a}.provider"),
        "autoPayoutThreshold": threshold,
        "autoPayoutBankAccount": account,
    }
    value = obj(b, object_type(d), nodes, p, emitters)
    # One row whatever the estate: its payout settings if it is X-Tenant's and has them.
    row = (
        f"SELECT {value} FROM (SELECT 1 AS one) o"
        f" LEFT JOIN payout_settings {p} ON {p}.id = {SETTINGS_ID} AND {here}"
    )
    return f"(CASE WHEN {may_see} THEN ({row}) ELSE 'null' END)"
