"""Wallet bill payments per second: the service layer against raw SQL, same run.

    python bench/ledger.py [--clients 8] [--seconds 10] [--database-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_ledger), provisions one estate and
measures three variants at `--clients` concurrent clients on one event loop (as one API
process would run them), each for `--seconds` after its own warm-up, in interleaved slices
of `--slice` seconds (the order turned each round) so load from anything else on the
machine hits all of them alike:

* service: `async with tenant_scope(slug): await pay_bill_from_wallet(...)`, one scope (one
  transaction) per payment, exactly what the `payBillFromWallet` operation runs minus HTTP,
  GraphQL and the viewer lookup. The bill is paid in full (amount None), no PIN.
* raw: an asyncpg pool of `--clients` connections, one transaction per payment on the real
  tables of the estate schema (`set_config('search_path', schema, true)` first, as the
  service does): lock the bill (SELECT ... FOR UPDATE), lock the two balance rows
  (SELECT ... ORDER BY id FOR UPDATE), two balance UPDATEs, INSERT one journal entry and
  its two postings (one statement), UPDATE the bill's amount_paid/status. This is the
  baseline `service_vs_raw_ratio` is computed against.
* raw, all rows: the raw transfer plus the other rows the service writes in the same
  transaction: the payment row, the audit row and the notification row.

Setup: residents are `--residents-per-client` x clients (default 8 x 8 = 64), each with a
wallet (`wallets.open_wallet`) funded through `wallets.adjust`. Every client owns its own
residents and pays only from their wallets, so no two clients ever lock the same wallet;
the estate revenue account is the one row every payment locks (as in production: all of an
estate's payments credit it). The bills are created with `Bill.bulk_create`, numbers from
`take_numbers`, status ACKNOWLEDGED; the warm-up rate decides how many each variant gets
(with a wide margin), so no client runs out in the measured window (checked). Residents
have no shared-schema user: the payment path never reads one (their user_id is random).

Also printed: every statement of one payment of each variant with its time (one client,
sequential, asyncpg's query logger), where the backends' time went under load (sampled
from pg_stat_activity), CPU per payment of this process and of the PostgreSQL backends,
the plan of the service's account lock, and `services.ledger.verify.verify_ledger()` run
at the end in the estate's scope (skipped with a note if that module is missing).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import hashlib
import json
import logging
import math
import os
import statistics
import sys
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import asyncpg
from tortoise.connection import get_connection

from bench.common import (
    add_store_arguments,
    asyncpg_dsn,
    cpu_jiffies,
    cpu_used,
    load_average,
    log,
    process_cpu,
    recreate_database,
)
from estatepay.settings import Settings
from services.access import Viewer
from services.bills.issuing import take_numbers
from services.bills.lifecycle import PAYABLE
from services.bills.models import Bill
from services.estates import provisioning
from services.estates.provisioning import EstateInput
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, system_account
from services.money import Money
from services.payments.wallet_payments import new_reference, pay_bill_from_wallet
from services.residents.models import Resident
from services.wallets.wallets import adjust, open_wallet
from tenants.database import _keep_connection_as_is, close_database, init_database
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION, schema_for, tenant_scope

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


# --- the payments -------------------------------------------------------------------

PayOne = Callable[[Job], Awaitable[None]]


def service_payer(world: World) -> PayOne:
    async def pay(job: Job) -> None:
        viewer = Viewer(job.payer.user_id, is_admin=False, resident_id=job.payer.resident_id)
        async with tenant_scope(SLUG):
            payment = await pay_bill_from_wallet(
                viewer,
                world.estate,
                str(job.bill_id),
                None,
                None,
                f"bench-{job.bill_id}",
                datetime.now(UTC),
            )
        if payment.status != "SUCCEEDED" or payment.amount != BILL_AMOUNT:
            raise AssertionError(f"payment {payment.reference} is {payment.status}")

    return pay


LOCK_BILL = (
    "SELECT amount - amount_paid FROM bills WHERE id = $1 AND status = ANY($2::varchar[]) "
    "FOR UPDATE"
)
LOCK_ACCOUNTS = (
    "SELECT id, balance, held, allow_negative FROM ledger_accounts "
    "WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE"
)
MOVE = "UPDATE ledger_accounts SET balance = balance + $2 WHERE id = $1 RETURNING balance"
INSERT_ENTRY = (
    "INSERT INTO ledger_entries (id, idempotency_key, fingerprint, kind, description, "
    "reference, created_at) VALUES ($1, $2, $3, 'BILL_PAYMENT', $4, $5, $6)"
)
INSERT_POSTINGS = (
    "INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $9), ($1, $6, $7, $4, $8, $9)"
)
UPDATE_BILL = (
    "UPDATE bills SET amount_paid = amount_paid + $2, status = CASE WHEN amount_paid + $2 "
    ">= amount THEN 'PAID' ELSE 'PARTIALLY_PAID' END, updated_at = $3 WHERE id = $1"
)
INSERT_PAYMENT = (
    "INSERT INTO payments (id, reference, purpose, provider, amount, currency, fee, status, "
    "idempotency_key, request_fingerprint, refunded_amount, created_at, completed_at, "
    "bill_id, resident_id) VALUES ($1, $2, 'BILL_PAYMENT', 'WALLET', $3, $4, 0, 'SUCCEEDED', "
    "$5, $6, 0, $7, $7, $8, $9)"
)
INSERT_AUDIT = (
    "INSERT INTO audit_log (actor_id, action, object_type, object_id, after, created_at) "
    "VALUES ($1, 'payBillFromWallet', 'Payment', $2, $3::jsonb, $4)"
)
INSERT_NOTIFICATION = (
    "INSERT INTO notifications (id, user_id, kind, title, body, created_at) "
    "VALUES ($1, $2, 'PAYMENT_SUCCEEDED', $3, '', $4)"
)


async def raw_transfer(conn: asyncpg.Connection, world: World, job: Job, all_rows: bool) -> None:
    now = datetime.now(UTC)
    payment_id = uuid.uuid4()
    reference = new_reference()
    async with conn.transaction():
        await conn.execute("SELECT set_config('search_path', $1, true)", world.schema)
        if all_rows:
            await conn.execute(
                INSERT_PAYMENT,
                payment_id,
                reference,
                BILL_AMOUNT,
                CURRENCY,
                f"raw-{job.bill_id}",
                hashlib.sha256(str(job.bill_id).encode()).hexdigest(),
                now,
                job.bill_id,
                job.payer.resident_id,
            )
        due = await conn.fetchval(LOCK_BILL, job.bill_id, PAYABLE_STATUSES)
        if due is None or due <= 0:
            raise AssertionError(f"bill {job.bill_id} is not payable")
        wallet, revenue = job.payer.account_id, world.revenue_id
        locked = {
            row["id"]: row for row in await conn.fetch(LOCK_ACCOUNTS, sorted([wallet, revenue]))
        }
        payer = locked[wallet]
        if not payer["allow_negative"] and payer["balance"] - payer["held"] < due:
            raise AssertionError("insufficient funds")
        wallet_after = await conn.fetchval(MOVE, wallet, -due)
        revenue_after = await conn.fetchval(MOVE, revenue, due)
        entry_id = uuid.uuid4()
        key = f"payment:{payment_id}" if all_rows else f"raw:{payment_id}"
        fingerprint = hashlib.sha256(f"{wallet}|{revenue}|{due}".encode()).hexdigest()
        await conn.execute(
            INSERT_ENTRY, entry_id, key, fingerprint, "Service charge", reference, now
        )
        await conn.execute(
            INSERT_POSTINGS,
            entry_id,
            wallet,
            -due,
            CURRENCY,
            wallet_after,
            revenue,
            due,
            revenue_after,
            now,
        )
        await conn.execute(UPDATE_BILL, job.bill_id, due, now)
        if all_rows:
            after = json.dumps({"amount": due, "fee": 0, "status": "PAID"})
            await conn.execute(INSERT_AUDIT, job.payer.user_id, str(payment_id), after, now)
            await conn.execute(
                INSERT_NOTIFICATION, uuid.uuid4(), job.payer.user_id, f"Paid {due}", now
            )


def raw_payer(pool: asyncpg.Pool, world: World, all_rows: bool) -> PayOne:
    async def pay(job: Job) -> None:
        async with pool.acquire() as conn:
            await raw_transfer(conn, world, job, all_rows)

    return pay


# --- measuring ----------------------------------------------------------------------


class ActivitySampler:
    """Samples pg_stat_activity every `interval` s: where the transactions' time goes."""

    def __init__(self, dsn: str, counts: Counter[str], interval: float = 0.02) -> None:
        self.dsn = dsn
        self.interval = interval
        self.counts = counts
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> ActivitySampler:
        conn = await asyncpg.connect(self.dsn)
        self._task = asyncio.create_task(self._run(conn))
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task

    async def _run(self, conn: asyncpg.Connection) -> None:
        try:
            while not self._stop.is_set():
                rows = await conn.fetch(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND backend_type = 'client backend' AND state <> 'idle'"
                )
                for row in rows:
                    self.counts[self.classify(row["state"], row["wait_event_type"])] += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), self.interval)
        finally:
            await conn.close()

    @staticmethod
    def classify(state: str, wait_type: str | None) -> str:
        if state.startswith("idle in transaction"):
            return "in transaction, waiting for the client"
        if wait_type == "Lock":
            return "waiting on a row lock"
        if wait_type is None:
            return "executing"
        if wait_type in ("IO", "LWLock", "IPC"):
            return "I/O, WAL flush, internal locks"
        return f"other ({wait_type})"


async def backend_pids(dsn: str) -> list[int]:
    """The server processes of every connection to the bench database."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
    finally:
        await conn.close()
    return [int(r["pid"]) for r in rows]


@dataclass
class Result:
    label: str
    payments: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    ran_out: int = 0
    errors: list[str] = field(default_factory=list)
    bench_cpu_s: float = 0.0  # this process: the clients (service code or asyncpg calls)
    backend_cpu_s: float = 0.0  # the PostgreSQL backends of the bench database
    busy_jiffies: int = 0
    total_jiffies: int = 0
    activity: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.payments / self.seconds if self.seconds else 0.0

    def pct_ms(self, q: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000

    def per_payment_ms(self, cpu_s: float) -> float:
        return cpu_s / self.payments * 1000 if self.payments else float("nan")

    @property
    def machine_busy(self) -> float:
        """Busy share of all cores while this variant ran."""
        return self.busy_jiffies / self.total_jiffies if self.total_jiffies else 0.0

    @property
    def other_cpu_share(self) -> float:
        """Busy share of all cores used by anything but this process and its backends
        (other programs, PostgreSQL's WAL writer and checkpointer)."""
        if not self.total_jiffies:
            return 0.0
        cores = os.cpu_count() or 1
        all_cpu_s = self.busy_jiffies / self.total_jiffies * self.seconds * cores
        return max(0.0, all_cpu_s - self.bench_cpu_s - self.backend_cpu_s) / (self.seconds * cores)

    def activity_summary(self) -> str:
        total = sum(self.activity.values())
        if not total:
            return "no samples"
        return ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in self.activity.most_common())


async def run_slice(
    result: Result, pay: PayOne, queues: list[Iterator[Job]], seconds: float, dsn: str
) -> None:
    """Each client pays the next bills of its own queue, one after another, until the time
    is up; the figures add to `result`."""
    gc.collect()
    deadline = 0.0

    async def client(jobs: Iterator[Job]) -> None:
        while time.perf_counter() < deadline:
            job = next(jobs, None)
            if job is None:
                result.ran_out += 1
                return
            begun = time.perf_counter()
            try:
                await pay(job)
            except Exception as exc:  # keep going; reported (and fatal) at the end
                result.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            result.latencies.append(time.perf_counter() - begun)
            result.payments += 1

    pids = await backend_pids(dsn)
    async with ActivitySampler(dsn, result.activity):
        cpu0, pg0, (busy0, total0) = time.process_time(), process_cpu(pids), cpu_jiffies()
        started = time.perf_counter()
        deadline = started + seconds
        # Bounded even if a payment never returns.
        await asyncio.wait_for(asyncio.gather(*(client(q) for q in queues)), seconds + 120)
        result.seconds += time.perf_counter() - started
        cpu1, pg1, (busy1, total1) = time.process_time(), process_cpu(pids), cpu_jiffies()
    result.bench_cpu_s += cpu1 - cpu0
    result.backend_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def measure(
    payers: dict[str, PayOne], world: World, args: argparse.Namespace, dsn: str
) -> dict[str, Result]:
    """Warm each variant up, give it enough bills for its measured time (from its warm-up
    rate, with a margin), then measure the variants in interleaved slices (the order turned
    each round), so load from anything else on the machine hits all of them alike."""
    rounds = max(1, math.ceil(args.seconds / args.slice))
    queues: dict[str, list[Iterator[Job]]] = {}
    for label, pay in payers.items():
        warm = await make_bills(world, WARMUP_BILLS_PER_CLIENT, f"{label} warm-up")
        warmup = Result(label)
        await run_slice(warmup, pay, [iter(q) for q in warm], args.warmup, dsn)
        if warmup.errors:
            raise SystemExit(f"{label} warm-up failed: {warmup.errors[:3]}")
        log(
            f"  {label} warm-up {warmup.seconds:.1f}s: {warmup.rate:.0f} payments/s"
            f"{' (a client used up its warm-up bills)' if warmup.ran_out else ''}"
        )
        per_client = math.ceil(warmup.rate / len(world.clients) * args.seconds * 2.5) + 100
        queues[label] = [iter(q) for q in await make_bills(world, per_client, label)]
    results = {label: Result(label) for label in payers}
    order = list(payers)
    log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
    for n in range(rounds):
        for label in order[n % len(order) :] + order[: n % len(order)]:
            await run_slice(
                results[label], payers[label], queues[label], args.seconds / rounds, dsn
            )
    for r in results.values():
        log(
            f"  {r.label}: {r.payments:,} payments in {r.seconds:.1f}s, {r.rate:.0f} payments/s,"
            f" p50 {r.pct_ms(50):.1f} ms, p99 {r.pct_ms(99):.1f} ms"
        )
        if r.errors:
            raise SystemExit(f"{r.label}: {len(r.errors)} payments failed: {r.errors[:3]}")
        if r.ran_out:
            raise SystemExit(f"{r.label}: {r.ran_out} clients ran out of bills; rerun")
    return results


# --- the per-statement breakdown ----------------------------------------------------


@dataclass
class Trace:
    label: str
    wall: list[float] = field(default_factory=list)
    in_db: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    first: list[tuple[str, float]] = field(default_factory=list)


class QueryLog:
    def __init__(self) -> None:
        self.records: list[tuple[str, float]] = []

    def __call__(self, record: Any) -> None:
        self.records.append((" ".join(str(record.query).split()), float(record.elapsed)))


def pool_connections(pool: Any) -> list[Any]:
    """The open connections of an asyncpg pool (private API: bench-only)."""
    return [holder._con for holder in pool._holders if holder._con is not None]


async def traced(
    payers: dict[str, tuple[PayOne, Any]], jobs: list[Job], rounds: int
) -> list[Trace]:
    """One client, one payment after another (the variants interleaved, so drift in the
    disk's flush time hits all alike), every statement logged with its time by asyncpg's
    query logger on every connection of the variant's pool (BEGIN, SAVEPOINT, COMMIT and
    the pool's reset on release included)."""
    traces = {label: Trace(label) for label in payers}
    queue = iter(jobs)
    for _ in range(rounds):
        for label, (pay, pool) in payers.items():
            trace, queries = traces[label], QueryLog()
            connections = pool_connections(pool)
            for conn in connections:
                conn.add_query_logger(queries)
            begun = time.perf_counter()
            try:
                await pay(next(queue))
            finally:
                for conn in connections:
                    conn.remove_query_logger(queries)
            trace.wall.append(time.perf_counter() - begun)
            trace.statements.append(len(queries.records))
            trace.in_db.append(sum(elapsed for _, elapsed in queries.records))
            trace.first = trace.first or queries.records
    return list(traces.values())


def show_trace(trace: Trace) -> None:
    wall = statistics.median(trace.wall) * 1000
    in_db = statistics.median(trace.in_db) * 1000
    log(
        f"  {trace.label:<15} {trace.statements[0]:>3} statements, median {wall:6.2f} ms per"
        f" payment: {in_db:5.2f} ms waiting on PostgreSQL, {wall - in_db:5.2f} ms in Python"
    )


def show_statements(trace: Trace) -> None:
    log(f"\nstatements of one {trace.label} payment (one client, after warm-up):")
    for n, (sql, elapsed) in enumerate(trace.first, 1):
        short = sql if len(sql) <= 110 else sql[:107] + "..."
        log(f"  {n:>2} {elapsed * 1000:6.2f} ms  {short}")


# --- main ---------------------------------------------------------------------------


async def verify() -> str:
    try:
        from services.ledger.verify import verify_ledger
    except ImportError as exc:
        return f"skipped: services.ledger.verify is not available ({exc})"
    async with tenant_scope(SLUG):
        problems = await verify_ledger()
    if not problems:
        return "ok (no broken invariant)"
    shown = "; ".join(problems[:5])
    return f"{len(problems)} problems: {shown}"


async def lock_plan() -> list[str]:
    """How PostgreSQL runs the service's account lock (`Account.filter(id__in=ids)
    .select_for_update()`, no ORDER BY): the order rows are locked in is the plan's."""
    async with tenant_scope(SLUG):
        conn: Any = get_connection(TENANT_CONNECTION)
        ids = [
            str(r["id"])
            for r in await conn.execute_query_dict("SELECT id FROM ledger_accounts LIMIT 2")
        ]
        rows = await conn.execute_query_dict(
            "EXPLAIN SELECT * FROM ledger_accounts WHERE id IN ($1, $2) FOR UPDATE", ids
        )
    return [str(r["QUERY PLAN"]) for r in rows]


async def run(args: argparse.Namespace) -> int:
    begun = time.perf_counter()
    dsn = asyncpg_dsn(args.database_url)
    await recreate_database(args.database_url, args.synchronous_commit)
    settings = Settings(_env_file=None, database_url=args.database_url)  # type: ignore[call-arg]
    await init_database(settings)
    raw_pool: asyncpg.Pool | None = None
    results: dict[str, Result] = {}
    traces: list[Trace] = []
    try:
        world = await build_world(args.clients, args.residents_per_client)
        # The same pool settings as the service's: no reset round trip on release.
        raw_pool = await asyncpg.create_pool(
            dsn, min_size=args.clients, max_size=args.clients, reset=_keep_connection_as_is
        )
        async with raw_pool.acquire() as conn:
            pg_settings = {
                name: await conn.fetchval(f"SHOW {name}")
                for name in ("synchronous_commit", "fsync", "server_version")
            }
        log(
            f"PostgreSQL {pg_settings['server_version']}: synchronous_commit="
            f"{pg_settings['synchronous_commit']}, fsync={pg_settings['fsync']};"
            f" tenant pool max {settings.db_pool_max_size}, raw pool {args.clients}"
        )
        payers: dict[str, PayOne] = {
            SERVICE: service_payer(world),
            RAW: raw_payer(raw_pool, world, all_rows=False),
            RAW_FULL: raw_payer(raw_pool, world, all_rows=True),
        }
        log(f"\nload before the run: {load_average()}")
        results = await measure(payers, world, args, dsn)
        log(f"load after the run: {load_average()}")

        log("\nper-statement breakdown (one client, sequential):")
        jobs = (await make_bills(world, 3 * (TRACE_PAYMENTS + 10), "the traces"))[0]
        tenant_pool = get_connection(TENANT_CONNECTION)._pool
        variants = {
            label: (pay, tenant_pool if label == SERVICE else raw_pool)
            for label, pay in payers.items()
        }
        await traced(variants, jobs[:30], 10)  # warm-up
        traces = await traced(variants, jobs[30:], TRACE_PAYMENTS)
        plan = await lock_plan()
        verdict = await verify()
    finally:
        if raw_pool is not None:
            await raw_pool.close()
        await close_database()

    for trace in traces:
        show_statements(trace)
    log("\nservice account lock (no ORDER BY), EXPLAIN:")
    for line in plan:
        log(f"  {line}")

    log(
        f"\n{'':<15}{'payments/s':>11}{'p50 ms':>8}{'p99 ms':>8}{'Python CPU':>12}"
        f"{'PG CPU':>9}{'machine':>9}{'others':>8}"
    )
    log(f"{'':<15}{'':>11}{'':>8}{'':>8}{'per payment':>12}{'per pay':>9}{'busy':>9}{'busy':>8}")
    for r in results.values():
        python_ms, pg_ms = r.per_payment_ms(r.bench_cpu_s), r.per_payment_ms(r.backend_cpu_s)
        log(
            f"{r.label:<15}{r.rate:>11.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{python_ms:>9.2f} ms{pg_ms:>6.2f} ms"
            f"{100 * r.machine_busy:>8.0f}%{100 * r.other_cpu_share:>7.0f}%"
        )
    log(
        "  (Python CPU: this process; PG CPU: the bench database's backends; machine busy:"
        " all cores; others busy: all cores minus those two, i.e. other programs and"
        " PostgreSQL's WAL writer/checkpointer)"
    )
    log("\nwhere the transactions' time went (pg_stat_activity samples, non-idle backends):")
    for r in results.values():
        log(f"  {r.label:<15} {r.activity_summary()}")
    log("")
    for trace in traces:
        show_trace(trace)
    log(
        f"\n{args.clients} clients on one event loop (one process, as one API worker), 2-core"
        " machine shared with PostgreSQL; each client pays from its own residents' wallets;"
        "\nevery payment credits the one estate revenue account (a row all clients lock)."
    )
    log(
        "No wallet PIN is set: PIN checks hash with argon2 (deliberately slow, in a thread)"
        " and would dominate; this measures the payment itself."
    )
    log(f"service_payments_per_s: {results[SERVICE].rate:.0f}")
    log(f"raw_payments_per_s: {results[RAW].rate:.0f}")
    log(f"raw_all_rows_payments_per_s: {results[RAW_FULL].rate:.0f}")
    ratio = results[SERVICE].rate / results[RAW].rate
    meets = "meets" if ratio >= TARGET_RATIO else "does NOT meet"
    log(f"service_vs_raw_ratio: {ratio:.2f}  ({meets} the target >= {TARGET_RATIO})")
    log(
        f"service_vs_raw_all_rows_ratio: {results[SERVICE].rate / results[RAW_FULL].rate:.2f}"
        "  (raw also writing the payment, audit and notification rows)"
    )
    log(f"ledger verify: {verdict}")
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    return 0 if verdict.startswith(("ok", "skipped")) else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Wallet bill payments: service vs raw SQL (drops and recreates its database)."
    )
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per variant")
    parser.add_argument(
        "--slice", type=float, default=2.0, help="seconds per interleaved measuring slice"
    )
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds per variant")
    parser.add_argument(
        "--residents-per-client", type=int, default=8, help="residents (wallets) each client owns"
    )
    parser.add_argument(
        "--synchronous-commit",
        choices=["on", "off"],
        help="set on the bench database for both sides (default: the server's setting)",
    )
    add_store_arguments(parser, DEFAULT_URL)
    args = parser.parse_args(argv)
    if min(args.seconds, args.slice, args.warmup) <= 0:
        parser.error("--seconds, --slice and --warmup must be > 0")
    if args.clients < 1 or args.residents_per_client < 1:
        parser.error("need --clients >= 1 and --residents-per-client >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    args = parse_args(argv)
    try:
        import uvloop  # the server's loop (uvicorn picks uvloop when installed)
    except ImportError:
        return asyncio.run(run(args))
    return uvloop.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
