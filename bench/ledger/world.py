"""The ledger bench's names and its estate: payers with funded wallets and bills to pay."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from bench.common import (
    log,
)
from services.bills.issuing import take_numbers
from services.bills.lifecycle import PAYABLE
from services.bills.models import Bill
from services.estates import provisioning
from services.estates.provisioning import EstateInput
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, system_account
from services.money import Money
from services.residents.models import Resident
from services.wallets.wallets import adjust, open_wallet
from tenants.models import Estate
from tenants.scope import schema_for, tenant_scope

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_ledger"
SLUG = "bench-ledger"
CURRENCY = "NGN"
BILL_AMOUNT = 1_000  # minor units: 10.00 NGN
FUNDING = 100_000_000_000  # minor units per wallet: far more than any run spends
ADMIN_PASSWORD = "bench-Passw0rd!"
WARMUP_BILLS_PER_CLIENT = 400
TRACE_PAYMENTS = 100  # sequential, one client: the per-statement breakdown
TARGET_RATIO = 0.5
PAYABLE_STATUSES = sorted(PAYABLE)

SERVICE = "service"
RAW = "raw"
RAW_FULL = "raw, all rows"


# --- setup --------------------------------------------------------------------------


@dataclass(frozen=True)
class Payer:
    resident_id: uuid.UUID
    user_id: uuid.UUID
    account_id: uuid.UUID  # the wallet's ledger account


@dataclass(frozen=True)
class Job:
    bill_id: uuid.UUID
    payer: Payer


@dataclass
class World:
    estate: Estate
    schema: str
    revenue_id: uuid.UUID
    clients: list[list[Payer]]  # each client's own residents


async def build_world(clients: int, per_client: int) -> World:
    estate = await provisioning.create_estate(
        EstateInput(
            slug=SLUG,
            name="Ledger bench estate",
            currency=CURRENCY,
            timezone="Africa/Lagos",
            admin_email=f"admin@{SLUG}.example.com",
            admin_full_name="Bench Admin",
            admin_password=ADMIN_PASSWORD,
        )
    )
    payers: list[Payer] = []
    async with tenant_scope(SLUG):
        revenue = await system_account(ESTATE_REVENUE, CURRENCY)
        await system_account(PLATFORM_FEES, CURRENCY)
        for _ in range(clients * per_client):
            resident = await Resident.create(user_id=uuid.uuid4())
            wallet = await open_wallet(resident, CURRENCY)
            await adjust(
                None, wallet, Money(FUNDING, CURRENCY), "bench top-up", f"fund-{wallet.id}"
            )
            payers.append(Payer(resident.id, uuid.UUID(str(resident.user_id)), wallet.account.id))
    log(
        f"estate {SLUG!r}: {len(payers)} residents ({per_client} per client), each wallet"
        f" funded with {FUNDING // 100:,} {CURRENCY} via wallets.adjust"
    )
    return World(
        estate=estate,
        schema=schema_for(SLUG),
        revenue_id=revenue.id,
        clients=[payers[c * per_client : (c + 1) * per_client] for c in range(clients)],
    )


async def make_bills(world: World, per_client: int, label: str) -> list[list[Job]]:
    """`per_client` acknowledged bills for each client, spread over its residents."""
    started = time.perf_counter()
    queues: list[list[Job]] = [[] for _ in world.clients]
    bills: list[Bill] = []
    now = datetime.now(UTC)
    async with tenant_scope(SLUG):
        numbers = iter(await take_numbers(per_client * len(world.clients)))
        for c, payers in enumerate(world.clients):
            for i in range(per_client):
                payer = payers[i % len(payers)]
                bill = Bill(
                    id=uuid.uuid4(),
                    number=next(numbers),
                    resident_id=payer.resident_id,
                    title="Service charge",
                    description="",
                    type="SERVICE_CHARGE",
                    amount=BILL_AMOUNT,
                    currency=CURRENCY,
                    status="ACKNOWLEDGED",
                    due_date=date(2030, 1, 31),
                    acknowledged_at=now,
                )
                bills.append(bill)
                queues[c].append(Job(bill.id, payer))
        await Bill.bulk_create(bills, batch_size=1000)
    elapsed = time.perf_counter() - started
    log(f"  {len(bills):,} bills for {label} ({per_client:,} per client) in {elapsed:.1f}s")
    return queues
