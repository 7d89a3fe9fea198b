"""The subscriptions bench's names and its estate: residents with wallets and bills, seeded."""

from __future__ import annotations

import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg

from bench.common import (
    asyncpg_dsn,
    log,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_subs"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
SLUG = "bench-subs"
CURRENCY = "NGN"
PASSWORD = "bench-Passw0rd!"
ADMIN_EMAIL = f"admin@{SLUG}.example.com"
SECRET_KEY = "bench-subscriptions-secret-key-0123456789abcdef"
BASELINE_CHANNEL = "bench:subscriptions:baseline"
BILL_AMOUNT = 1_000  # minor units: 10.00
FUNDS = "1000.00"
BURST_CONCURRENCY = 8
SETTLE_SECONDS = 15.0  # how long to wait for deliveries still on their way
SELF = [sys.executable, "-m", "bench.subscriptions"]  # run from ROOT

WALLET_SUB = "subscription { walletUpdated { id balance { amount } } }"
BILL_SUB = "subscription { billUpdated { id status amountPaid { amount } } }"
PAY = (
    "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
    "{ status } }"
)


# --- seeding ------------------------------------------------------------------------


@dataclass
class Resident:
    index: int
    user_id: uuid.UUID
    resident_id: uuid.UUID
    wallet_id: uuid.UUID
    token: str = ""
    bills: list[uuid.UUID] = field(default_factory=list)


@dataclass
class Estate:
    admin_token: str
    residents: list[Resident]


def settings_for(url: str, redis_url: str) -> Any:
    from tenants.settings import Settings

    return Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=url, redis_url=redis_url, secret_key=SECRET_KEY
    )


class Table:
    """Rows for one COPY: each row given by column name, sent in column order."""

    def __init__(self, schema: str, name: str) -> None:
        self.schema, self.name = schema, name
        self.columns: list[str] = []
        self.rows: list[tuple[Any, ...]] = []

    def add(self, **values: Any) -> None:
        if not self.columns:
            self.columns = list(values)
        self.rows.append(tuple(values[c] for c in self.columns))


async def seed(url: str, residents: int, bills_each: int) -> Estate:
    from services.estates import provisioning
    from services.identity.models import User
    from services.identity.passwords import hash_password
    from services.identity.sessions import start_session
    from services.money import parse_amount
    from services.wallets import wallets
    from services.wallets.models import Wallet
    from tenants.database import close_database, init_database
    from tenants.scope import schema_for, tenant_scope

    begun = time.perf_counter()
    await init_database(settings_for(url, ""))
    try:
        estate = await provisioning.create_estate(
            provisioning.EstateInput(
                slug=SLUG,
                name="Subscriptions bench estate",
                currency=CURRENCY,
                timezone="Africa/Lagos",
                admin_email=ADMIN_EMAIL,
                admin_full_name="Bench Admin",
                admin_password=PASSWORD,
            )
        )
        admin = await User.get(email=ADMIN_EMAIL)
        shared_hash = hash_password(PASSWORD)
        schema = schema_for(SLUG)
        now = datetime.now(UTC)
        people = [Resident(r, uuid.uuid4(), uuid.uuid4(), uuid.uuid4()) for r in range(residents)]
        users, memberships = Table("public", "users"), Table("public", "memberships")
        resident_rows, accounts = Table(schema, "residents"), Table(schema, "ledger_accounts")
        wallet_rows, bill_rows = Table(schema, "wallets"), Table(schema, "bills")
        number = 0
        for person in people:
            account_id = uuid.uuid4()
            users.add(
                id=person.user_id,
                email=f"r{person.index:05d}@{SLUG}.example.com",
                full_name=f"Resident {person.index}",
                phone=None,
                password_hash=shared_hash,
                is_platform_admin=False,
                is_active=True,
                created_at=now,
            )
            memberships.add(
                id=uuid.uuid4(),
                role="RESIDENT",
                created_at=now,
                estate_id=estate.id,
                user_id=person.user_id,
            )
            resident_rows.add(id=person.resident_id, user_id=person.user_id, created_at=now)
            accounts.add(
                id=account_id,
                code=f"wallet:{person.wallet_id}",
                kind="RESIDENT_WALLET",
                currency=CURRENCY,
                balance=0,
                held=0,
                allow_negative=False,
                created_at=now,
            )
            wallet_rows.add(
                id=person.wallet_id,
                currency=CURRENCY,
                pin_hash=None,
                failed_pin_attempts=0,
                locked_until=None,
                frozen=False,
                frozen_reason=None,
                created_at=now,
                resident_id=person.resident_id,
                account_id=account_id,
            )
            for _ in range(bills_each):
                number += 1
                bill_id = uuid.uuid4()
                person.bills.append(bill_id)
                bill_rows.add(
                    id=bill_id,
                    number=f"BILL-{number:06d}",
                    title="Service charge",
                    description="",
                    type="SERVICE_CHARGE",
                    amount=BILL_AMOUNT,
                    amount_paid=0,
                    currency=CURRENCY,
                    status="ACKNOWLEDGED",
                    due_date=date(2030, 1, 31),
                    acknowledged_at=now,
                    dispute_reason=None,
                    dispute_resolution=None,
                    cancel_reason=None,
                    created_at=now,
                    updated_at=now,
                    resident_id=person.resident_id,
                    unit_id=None,
                )
        tables = [users, memberships, resident_rows, accounts, wallet_rows, bill_rows]
        conn = await asyncpg.connect(asyncpg_dsn(url))
        try:
            async with conn.transaction():
                for table in tables:
                    await conn.copy_records_to_table(
                        table.name,
                        records=table.rows,
                        columns=table.columns,
                        schema_name=table.schema,
                    )
                await conn.execute(
                    f'INSERT INTO "{schema}".bill_counter (id, last_number) VALUES (1, $1)',
                    number,
                )
            for table in tables:
                await conn.execute(f'ANALYZE "{table.schema}"."{table.name}"')
        finally:
            await conn.close()
        # Funds through the ledger, so the wallets' balances are backed by postings.
        funds = parse_amount(FUNDS, CURRENCY)
        for person in people:
            async with tenant_scope(SLUG):
                wallet = await Wallet.get(id=person.wallet_id).prefetch_related("account")
                await wallets.adjust(admin.id, wallet, funds, "bench funds", f"f{person.index}")
        lifetime = timedelta(hours=2)
        for person in people:
            person.token = (await start_session(person.user_id, SECRET_KEY, lifetime)).token
        admin_token = (await start_session(admin.id, SECRET_KEY, lifetime)).token
    finally:
        await close_database()
    log(
        f"seeded {SLUG!r} in {time.perf_counter() - begun:.1f}s: {residents:,} residents with "
        f"funded wallets, {number:,} acknowledged bills"
    )
    return Estate(admin_token, people)
