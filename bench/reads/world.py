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
SERVE = [sys.executable, "-m", "estatepay.cli", "serve"]

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


# (store, table, rows, columns); store "shared" is the users' schema or file, "tenant" the
# estate's schema or file.
Table = tuple[str, str, list[tuple[Any, ...]], list[str]]

COLUMNS = {
    "users": [
        "id",
        "email",
        "full_name",
        "phone",
        "password_hash",
        "is_platform_admin",
        "is_active",
        "created_at",
    ],
    "memberships": ["id", "role", "created_at", "estate_id", "user_id"],
    "properties": ["id", "name", "address", "created_at"],
    "units": ["id", "label", "created_at", "property_id"],
    "residents": ["id", "user_id", "created_at"],
    "occupancies": ["id", "created_at", "resident_id", "unit_id"],
    "ledger_accounts": [
        "id",
        "code",
        "kind",
        "currency",
        "balance",
        "held",
        "allow_negative",
        "created_at",
    ],
    "wallets": [
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
    "bills": [
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
    "payments": [
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
    "bill_counter": ["id", "last_number"],
}
SHARED_TABLES = ("users", "memberships")


@dataclass
class World:
    """The estate's rows, generated once and written to PostgreSQL and to SQLite alike (the
    same ids, so both backends answer the same documents with the same bytes)."""

    rows: dict[str, list[tuple[Any, ...]]]
    user_ids: list[uuid.UUID]
    start: datetime
    resident_id: uuid.UUID
    resident_bills: int
    properties: int

    @property
    def resident_email(self) -> str:
        return f"r{0:05d}@{SLUG}.example.com"

    def tables(self, estate_id: uuid.UUID) -> list[Table]:
        """Every table to write, the residents' memberships of `estate_id` included."""
        memberships = [
            (uuid.uuid4(), "RESIDENT", self.start, estate_id, user) for user in self.user_ids
        ]
        rows = {**self.rows, "memberships": memberships}
        return [
            ("shared" if name in SHARED_TABLES else "tenant", name, rows[name], columns)
            for name, columns in COLUMNS.items()
        ]


async def provision(settings: Any) -> uuid.UUID:
    """The estate (schema or file at head) and its admin, through the real code."""
    from services.estates import provisioning
    from tenants.database import close_database, init_database

    await init_database(settings)
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
    return estate.id


def split_evenly(total: int, parts: int, index: int) -> int:
    """How many of `total` items part `index` of `parts` gets (they differ by at most 1)."""
    return (index + 1) * total // parts - index * total // parts


def build_world(residents: int, bills: int, payments: int) -> World:
    """Residents (one shared precomputed argon2 hash: logging in is not what is measured),
    their units, wallets, bills (newest last) and payments."""
    from services.identity.passwords import hash_password

    shared_hash = hash_password(PASSWORD)
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=bills + 60)
    properties = max(1, -(-residents // UNITS_PER_PROPERTY))

    property_rows = [
        (uuid.uuid4(), f"Block {p + 1}", f"{p + 1} Bench Road", start) for p in range(properties)
    ]
    unit_rows, user_rows, resident_rows = [], [], []
    occupancy_rows, account_rows, wallet_rows = [], [], []
    resident_ids: list[uuid.UUID] = []
    unit_ids: list[uuid.UUID] = []
    user_ids: list[uuid.UUID] = []
    for r in range(residents):
        prop = property_rows[r // UNITS_PER_PROPERTY][0]
        unit_id, user_id, resident_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        wallet_id, account_id = uuid.uuid4(), uuid.uuid4()
        email = f"r{r:05d}@{SLUG}.example.com"
        unit_rows.append((unit_id, f"U{r % UNITS_PER_PROPERTY + 1:03d}", start, prop))
        user_rows.append((user_id, email, f"Resident {r}", None, shared_hash, False, True, start))
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
        user_ids.append(user_id)

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
        kind = BILL_TYPES[b % len(BILL_TYPES)]
        bill_rows.append(
            (
                bill_id,
                f"BILL-{b + 1:06d}",
                f"{kind.replace('_', ' ').title()} {due:%b %Y}",
                "",
                kind,
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
    rows: dict[str, list[tuple[Any, ...]]] = {
        "users": user_rows,
        "properties": property_rows,
        "units": unit_rows,
        "residents": resident_rows,
        "occupancies": occupancy_rows,
        "ledger_accounts": account_rows,
        "wallets": wallet_rows,
        "bills": bill_rows,
        "payments": payment_rows,
        "bill_counter": [(1, bills)],
    }
    return World(
        rows, user_ids, start, resident_ids[0], split_evenly(bills, residents, 0), properties
    )


async def seed(url: str, residents: int, bills: int, payments: int) -> tuple[Seeded, World]:
    """The world in PostgreSQL: the estate through the real code, then bulk COPYs."""
    from tenants.settings import Settings

    begun = time.perf_counter()
    estate_id = await provision(Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
    world = build_world(residents, bills, payments)
    schemas = {"shared": "public", "tenant": schema_name()}
    tables = world.tables(estate_id)
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        async with conn.transaction():
            for store, table, rows, columns in tables:
                await conn.copy_records_to_table(
                    table, records=rows, columns=columns, schema_name=schemas[store]
                )
        for store, table, _, _ in tables:
            await conn.execute(f'ANALYZE "{schemas[store]}"."{table}"')
    finally:
        await conn.close()
    elapsed = time.perf_counter() - begun
    log(
        f"seeded {SLUG!r} in {elapsed:.1f}s: {world.properties} properties, {residents:,}"
        " residents (users, memberships, units, occupancies, wallets + accounts),"
        f" {bills:,} bills, {len(world.rows['payments']):,} payments"
    )
    seeded = Seeded(world.resident_id, world.resident_email, world.resident_bills, elapsed)
    return seeded, world
