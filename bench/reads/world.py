"""The reads bench's names and queries, and its estate: residents, bills and payments."""

from __future__ import annotations

import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from bench.common import (
    asyncpg_dsn,
    log,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_reads"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
SLUG = "bench-reads"
CURRENCY = "NGN"
PASSWORD = "bench-Passw0rd!"
ADMIN_EMAIL = f"admin@{SLUG}.example.com"
UNITS_PER_PROPERTY = 100
BILL_TYPES = ("SERVICE_CHARGE", "SECURITY", "WASTE", "WATER", "ELECTRICITY", "LEVY")
PAGE_A = 20
PAGE_B = 50
SELF = [sys.executable, "-m", "bench.reads"]  # run from ROOT

QUERY_A = (
    "{ bills(first: 20) { edges { node { id number status amount { amount currency } "
    "payments { reference amount { amount } status } } } } }"
)
QUERY_B = "{ bills(first: 50) { edges { node { id number title status dueDate createdAt } } } }"


def schema_name() -> str:
    return "t_" + SLUG.replace("-", "_")


# --- seeding ------------------------------------------------------------------------


@dataclass
class Seeded:
    resident_id: uuid.UUID
    resident_email: str
    resident_bills: int
    seconds: float


async def provision(url: str) -> tuple[uuid.UUID, str]:
    """The estate (schema at head) and its admin, through the real code; the shared hash."""
    from services.estates import provisioning
    from services.identity.passwords import hash_password
    from tenants.database import close_database, init_database
    from tenants.settings import Settings

    await init_database(Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
    try:
        estate = await provisioning.create_estate(
            provisioning.EstateInput(
                slug=SLUG,
                name="Reads bench estate",
                currency=CURRENCY,
                timezone="Africa/Lagos",
                admin_email=ADMIN_EMAIL,
                admin_full_name="Bench Admin",
                admin_password=PASSWORD,
            )
        )
    finally:
        await close_database()
    return estate.id, hash_password(PASSWORD)


def split_evenly(total: int, parts: int, index: int) -> int:
    """How many of `total` items part `index` of `parts` gets (they differ by at most 1)."""
    return (index + 1) * total // parts - index * total // parts


async def seed(url: str, residents: int, bills: int, payments: int) -> Seeded:
    begun = time.perf_counter()
    estate_id, shared_hash = await provision(url)
    schema = schema_name()
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=bills + 60)
    properties = max(1, -(-residents // UNITS_PER_PROPERTY))

    property_rows = [
        (uuid.uuid4(), f"Block {p + 1}", f"{p + 1} Bench Road", start) for p in range(properties)
    ]
    unit_rows, user_rows, membership_rows, resident_rows = [], [], [], []
    occupancy_rows, account_rows, wallet_rows = [], [], []
    resident_ids: list[uuid.UUID] = []
    unit_ids: list[uuid.UUID] = []
    for r in range(residents):
        prop = property_rows[r // UNITS_PER_PROPERTY][0]
        unit_id, user_id, resident_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        wallet_id, account_id = uuid.uuid4(), uuid.uuid4()
        email = f"r{r:05d}@{SLUG}.example.com"
        unit_rows.append((unit_id, f"U{r % UNITS_PER_PROPERTY + 1:03d}", start, prop))
        user_rows.append((user_id, email, f"Resident {r}", None, shared_hash, False, True, start))
        membership_rows.append((uuid.uuid4(), "RESIDENT", start, estate_id, user_id))
        resident_rows.append((resident_id, user_id, start))
        occupancy_rows.append((uuid.uuid4(), start, resident_id, unit_id))
        account_rows.append(
            (account_id, f"wallet:{wallet_id}", "RESIDENT_WALLET", CURRENCY, 0, 0, False, start)
        )
        wallet_rows.append(
            (wallet_id, CURRENCY, None, 0, None, False, None, start, resident_id, account_id)
        )
        resident_ids.append(resident_id)
        unit_ids.append(unit_id)

    bill_rows, payment_rows = [], []
    payment_number = 0
    for b in range(bills):
        owner = b % residents
        bill_id = uuid.uuid4()
        created = start + timedelta(minutes=b)
        amount = 5_000 + (b % 40) * 2_500
        count = split_evenly(payments, bills, b)
        paid = amount if b % 5 else amount // 2  # every fifth bill is part-paid
        status = "PAID" if paid >= amount else "PARTIALLY_PAID"
        if count == 0:
            paid, status = 0, "ACKNOWLEDGED"
        due = (created + timedelta(days=30)).date()
        bill_rows.append(
            (
                bill_id,
                f"BILL-{b + 1:06d}",
                f"{BILL_TYPES[b % len(BILL_TYPES)].replace('_', ' ').title()} {due:%b %Y}",
                "",
                BILL_TYPES[b % len(BILL_TYPES)],
                amount,
                paid,
                CURRENCY,
                status,
                due,
                created,
                None,
                None,
                None,
                created,
                created,
                resident_ids[owner],
                unit_ids[owner],
            )
        )
        for k in range(count):
            share = split_evenly(paid, count, k)
            payment_number += 1
            paid_at = created + timedelta(seconds=10 + k)
            payment_rows.append(
                (
                    uuid.uuid4(),
                    f"PAY-{payment_number:016X}",
                    "BILL_PAYMENT",
                    "WALLET",
                    share,
                    CURRENCY,
                    0,
                    "SUCCEEDED",
                    None,
                    None,
                    None,
                    None,
                    0,
                    paid_at,
                    paid_at,
                    bill_id,
                    resident_ids[owner],
                )
            )

    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            copies: list[tuple[str, str, list[tuple[Any, ...]], list[str]]] = [
                (
                    "public",
                    "users",
                    user_rows,
                    [
                        "id",
                        "email",
                        "full_name",
                        "phone",
                        "password_hash",
                        "is_platform_admin",
                        "is_active",
                        "created_at",
                    ],
                ),
                (
                    "public",
                    "memberships",
                    membership_rows,
                    ["id", "role", "created_at", "estate_id", "user_id"],
                ),
                (schema, "properties", property_rows, ["id", "name", "address", "created_at"]),
                (schema, "units", unit_rows, ["id", "label", "created_at", "property_id"]),
                (schema, "residents", resident_rows, ["id", "user_id", "created_at"]),
                (
                    schema,
                    "occupancies",
                    occupancy_rows,
                    ["id", "created_at", "resident_id", "unit_id"],
                ),
                (
                    schema,
                    "ledger_accounts",
                    account_rows,
                    [
                        "id",
                        "code",
                        "kind",
                        "currency",
                        "balance",
                        "held",
                        "allow_negative",
                        "created_at",
                    ],
                ),
                (
                    schema,
                    "wallets",
                    wallet_rows,
                    [
                        "id",
                        "currency",
                        "pin_hash",
                        "failed_pin_attempts",
                        "locked_until",
                        "frozen",
                        "frozen_reason",
                        "created_at",
                        "resident_id",
                        "account_id",
                    ],
                ),
                (
                    schema,
                    "bills",
                    bill_rows,
                    [
                        "id",
                        "number",
                        "title",
                        "description",
                        "type",
                        "amount",
                        "amount_paid",
                        "currency",
                        "status",
                        "due_date",
                        "acknowledged_at",
                        "dispute_reason",
                        "dispute_resolution",
                        "cancel_reason",
                        "created_at",
                        "updated_at",
                        "resident_id",
                        "unit_id",
                    ],
                ),
                (
                    schema,
                    "payments",
                    payment_rows,
                    [
                        "id",
                        "reference",
                        "purpose",
                        "provider",
                        "amount",
                        "currency",
                        "fee",
                        "status",
                        "idempotency_key",
                        "request_fingerprint",
                        "failure_code",
                        "failure_message",
                        "refunded_amount",
                        "created_at",
                        "completed_at",
                        "bill_id",
                        "resident_id",
                    ],
                ),
            ]
            for schema_, table, rows, columns in copies:
                await conn.copy_records_to_table(
                    table, records=rows, columns=columns, schema_name=schema_
                )
            await conn.execute(
                f'INSERT INTO "{schema}".bill_counter (id, last_number) VALUES (1, $1)', bills
            )
        for schema_, table, _, _ in copies:
            await conn.execute(f'ANALYZE "{schema_}"."{table}"')
    finally:
        await conn.close()
    elapsed = time.perf_counter() - begun
    log(
        f"seeded {SLUG!r} in {elapsed:.1f}s: {properties} properties, {residents:,} residents"
        f" (users, memberships, units, occupancies, wallets + accounts), {bills:,} bills,"
        f" {len(payment_rows):,} payments"
    )
    return Seeded(
        resident_ids[0], f"r{0:05d}@{SLUG}.example.com", split_evenly(bills, residents, 0), elapsed
    )
