"""GraphQL reads through the real server against a bare Starlette + asyncpg baseline.

    python bench/reads.py [--connections 32] [--seconds 10]
                          [--residents 2000 --bills 50000 --payments 80000]
                          [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_reads) and seeds one estate with bulk
COPYs into its `t_<slug>` schema: properties, units, residents (each with a shared-schema
user and RESIDENT membership), occupancies, a wallet plus its ledger account per resident,
bills (spread over the residents, newest last) and payments (spread over the bills; every
bill is PAID or PARTIALLY_PAID). The estate and its admin come from `create_estate`; the
residents share one precomputed argon2 hash (logging in is not what is measured).

Then it starts, as subprocesses on 127.0.0.1:
* the real server, `python -m estatepay.cli serve --port P` with DATABASE_URL and REDIS_URL
  (uvicorn, one worker, its defaults: uvloop, httptools, access log on);
* the baseline, `python bench/reads.py --serve-baseline ...`: a bare Starlette app under
  uvicorn with the same settings, whose two routes answer the same JSON as the GraphQL
  responses (checked byte for byte before measuring), each from ONE asyncpg query on a pool
  whose connections have `search_path` set to the estate's schema. It reads the resident
  from the URL: no authentication, no tenant resolution, no GraphQL.

Scenarios, each with its baseline, at `--connections` keep-alive HTTP/1.1 connections for
`--seconds` (after a warm-up; measured in interleaved slices so load from anything else on
the machine hits all variants alike):
* (a) a resident's 20 newest bills, each with its payments
  (`bills(first: 20) { edges { node { id number status amount { amount currency }
  payments { reference amount { amount } status } } } }`, Authorization + X-Tenant);
* (b) the estate admin's 50 newest bills, six scalar fields each.

The load generator is a small asyncio HTTP/1.1 client in this process (cheaper per request
than httpx, so it takes less of the 2 cores from the servers); its CPU share is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg

from bench.common import (
    Result,
    Server,
    add_store_arguments,
    asyncpg_dsn,
    build_request,
    cpu_jiffies,
    cpu_used,
    free_port,
    http_once,
    load_average,
    log,
    postgres_pids,
    process_cpu,
    read_response,
    recreate_database,
    start_server,
    stop_server,
    wait_healthy,
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
SCRIPT = Path(__file__).resolve()

QUERY_A = (
    "{ bills(first: 20) { edges { node { id number status amount { amount currency } "
    "payments { reference amount { amount } status } } } } }"
)
QUERY_B = "{ bills(first: 50) { edges { node { id number title status dueDate createdAt } } } }"


def schema_name() -> str:
    return "t_" + SLUG.replace("-", "_")


# --- the baseline app (runs in its own process) -------------------------------------

BASELINE_A = """
SELECT b.id, b.number, b.status, b.amount, b.currency,
       array(SELECT p.reference FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS refs,
       array(SELECT p.amount FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS amounts,
       array(SELECT p.status FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS statuses
FROM bills b WHERE b.resident_id = $1
ORDER BY b.created_at DESC, b.id DESC LIMIT $2
"""
BASELINE_B = """
SELECT id, number, title, status, due_date, created_at FROM bills
ORDER BY created_at DESC, id DESC LIMIT $1
"""


def baseline_app(dsn: str, schema: str, pool_size: int) -> Any:
    """Two routes, each ONE asyncpg query, answering what the GraphQL server answers."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from services.money import to_major  # the same formatting of amounts as the API

    pool: asyncpg.Pool | None = None

    def respond(edges: list[dict[str, Any]]) -> Response:
        body = json.dumps({"data": {"bills": {"edges": edges}}}, separators=(",", ":"))
        return Response(body, media_type="application/json")

    async def bills_with_payments(request: Request) -> Response:
        await request.body()
        assert pool is not None
        resident = uuid.UUID(request.query_params["resident"])
        rows = await pool.fetch(BASELINE_A, resident, PAGE_A)
        edges = []
        for r in rows:
            currency = r["currency"]
            payments = [
                {"reference": ref, "amount": {"amount": str(to_major(amt, currency))}, "status": st}
                for ref, amt, st in zip(r["refs"], r["amounts"], r["statuses"], strict=True)
            ]
            node = {
                "id": str(r["id"]),
                "number": r["number"],
                "status": r["status"],
                "amount": {"amount": str(to_major(r["amount"], currency)), "currency": currency},
                "payments": payments,
            }
            edges.append({"node": node})
        return respond(edges)

    async def estate_bills(request: Request) -> Response:
        await request.body()
        assert pool is not None
        rows = await pool.fetch(BASELINE_B, PAGE_B)
        edges = [
            {
                "node": {
                    "id": str(r["id"]),
                    "number": r["number"],
                    "title": r["title"],
                    "status": r["status"],
                    "dueDate": r["due_date"].isoformat(),
                    "createdAt": r["created_at"].isoformat(),
                }
            }
            for r in rows
        ]
        return respond(edges)

    async def healthz(request: Request) -> Response:
        return Response('{"status":"ok"}', media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(
            dsn, min_size=1, max_size=pool_size, server_settings={"search_path": schema}
        )
        try:
            yield
        finally:
            await pool.close()

    return Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/a", bills_with_payments, methods=["POST"]),
            Route("/b", estate_bills, methods=["POST"]),
        ],
        lifespan=lifespan,
    )


def serve_baseline(args: argparse.Namespace) -> int:
    import uvicorn

    app = baseline_app(asyncpg_dsn(args.database_url), args.schema, args.pool_size)
    # The same uvicorn settings as `estatepay serve`: one worker, defaults, access log on.
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="info")
    return 0


# --- seeding ------------------------------------------------------------------------


@dataclass
class Seeded:
    resident_id: uuid.UUID
    resident_email: str
    resident_bills: int
    seconds: float


async def provision(url: str) -> tuple[uuid.UUID, str]:
    """The estate (schema at head) and its admin, through the real code; the shared hash."""
    from estatepay.settings import Settings
    from services.estates import provisioning
    from services.identity.passwords import hash_password
    from tenants.database import close_database, init_database

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


# --- measuring ----------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    label: str
    server: Server
    request: bytes


async def load(
    variant: Variant, connections: int, seconds: float, result: Result, monitor: asyncpg.Connection
) -> None:
    """`connections` keep-alive connections, each sending the request again as soon as the
    answer is in, until the time is up. Bounded: ends at the deadline."""
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for _ in range(connections):
            opened.append(await asyncio.open_connection("127.0.0.1", variant.server.port))
    except OSError:
        for _, writer in opened:
            writer.close()
        raise
    gc.collect()
    deadline = 0.0

    async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while time.perf_counter() < deadline:
            begun = time.perf_counter()
            writer.write(variant.request)
            status, body = await read_response(reader)
            if status != 200 or b'"errors"' in body:
                result.failures.append(f"{status}: {body[:300]!r}")
                return
            result.latencies.append(time.perf_counter() - begun)
            result.requests += 1

    server_pids = [variant.server.process.pid]
    pg_pids = await postgres_pids(monitor)
    try:
        cpu0, srv0 = time.process_time(), process_cpu(server_pids)
        pg0, (busy0, total0) = process_cpu(pg_pids), cpu_jiffies()
        started = time.perf_counter()
        deadline = started + seconds
        # Bounded even if the server stops answering mid-response.
        await asyncio.wait_for(asyncio.gather(*(one(r, w) for r, w in opened)), seconds + 60)
        result.seconds += time.perf_counter() - started
        cpu1, srv1 = time.process_time(), process_cpu(server_pids)
        pg1, (busy1, total1) = process_cpu(pg_pids), cpu_jiffies()
    finally:
        for _, writer in opened:
            writer.close()
        for _, writer in opened:
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    result.generator_cpu_s += cpu1 - cpu0
    result.server_cpu_s += cpu_used(srv0, srv1)
    result.postgres_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def graphql(
    server: Server, query: str, headers: dict[str, str], variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    status, raw = await http_once(server.port, "POST", "/graphql", body, headers)
    answer: dict[str, Any] = json.loads(raw)
    if status != 200 or answer.get("errors"):
        raise SystemExit(f"GraphQL {status}: {raw[:500]!r}")
    return answer


async def login(server: Server, email: str) -> str:
    answer = await graphql(
        server,
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        {},
        {"e": email, "p": PASSWORD},
    )
    return str(answer["data"]["login"]["token"])


async def prepare(
    api: Server, baseline: Server, seeded: Seeded
) -> tuple[dict[str, list[Variant]], dict[str, int]]:
    """Log in, build the four requests and check each baseline answers byte for byte what
    GraphQL answers."""
    resident_token = await login(api, seeded.resident_email)
    admin_token = await login(api, ADMIN_EMAIL)
    bodies = {
        "a": json.dumps({"query": QUERY_A}).encode(),
        "b": json.dumps({"query": QUERY_B}).encode(),
    }
    headers = {
        "a": {"Authorization": f"Bearer {resident_token}", "X-Tenant": SLUG},
        "b": {"Authorization": f"Bearer {admin_token}", "X-Tenant": SLUG},
    }
    paths = {"a": f"/a?resident={seeded.resident_id}", "b": "/b"}
    scenarios: dict[str, list[Variant]] = {}
    sizes: dict[str, int] = {}
    for key in ("a", "b"):
        api_request = build_request("POST", "/graphql", bodies[key], headers[key], api.port)
        base_request = build_request("POST", paths[key], bodies[key], headers[key], baseline.port)
        status_api, body_api = await http_once(
            api.port, "POST", "/graphql", bodies[key], headers[key]
        )
        status_base, body_base = await http_once(
            baseline.port, "POST", paths[key], bodies[key], headers[key]
        )
        if status_api != 200 or status_base != 200 or b'"errors"' in body_api:
            raise SystemExit(f"scenario {key}: {status_api} {body_api[:300]!r} / {status_base}")
        if body_api != body_base:
            raise SystemExit(
                f"scenario {key}: the baseline's answer differs from GraphQL's:\n"
                f"  graphql:  {body_api[:400]!r}\n  baseline: {body_base[:400]!r}"
            )
        edges = json.loads(body_api)["data"]["bills"]["edges"]
        sizes[key] = len(body_api)
        if key == "a":
            payments = sum(len(e["node"]["payments"]) for e in edges)
            log(
                f"(a) {len(edges)} bills, {payments} payments, {len(body_api):,} bytes:"
                " the baseline's answer is the same"
            )
        else:
            same = "the baseline's answer is the same"
            log(f"(b) {len(edges)} bills, {len(body_api):,} bytes: {same}")
        scenarios[key] = [
            Variant(f"({key}) graphql", api, api_request),
            Variant(f"({key}) baseline", baseline, base_request),
        ]
    return scenarios, sizes


async def measure(
    scenarios: dict[str, list[Variant]], args: argparse.Namespace, monitor: asyncpg.Connection
) -> dict[str, Result]:
    variants = [v for pair in scenarios.values() for v in pair]
    for variant in variants:
        warm = Result(variant.label)
        await load(variant, args.connections, args.warmup, warm, monitor)
        if warm.failures:
            raise SystemExit(f"{variant.label} warm-up failed: {warm.failures[:2]}")
        log(f"  {variant.label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f} req/s")
    rounds = max(1, -(-int(args.seconds * 1000) // int(args.slice * 1000)))
    log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
    results = {v.label: Result(v.label) for v in variants}
    for n in range(rounds):
        turn = variants[n % len(variants) :] + variants[: n % len(variants)]
        for variant in turn:
            result = results[variant.label]
            await load(variant, args.connections, args.seconds / rounds, result, monitor)
            if result.failures:
                raise SystemExit(f"{variant.label} failed: {result.failures[:2]}")
    return results


def report(results: dict[str, Result], args: argparse.Namespace, api: Server) -> None:
    log(
        f"\n{'':<15}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'server':>9}{'server CPU':>12}"
        f"{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(
        f"{'':<15}{'':>8}{'':>8}{'':>8}{'busy':>9}{'per req':>12}{'busy':>9}{'busy':>10}{'busy':>8}"
    )
    for r in results.values():
        per_req = r.server_cpu_s / r.requests * 1000 if r.requests else float("nan")
        log(
            f"{r.label:<15}{r.rate:>8.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{100 * r.share(r.server_cpu_s):>8.0f}%{per_req:>9.2f} ms"
            f"{100 * r.share(r.generator_cpu_s):>8.0f}%{100 * r.share(r.postgres_cpu_s):>9.0f}%"
            f"{100 * r.others_busy:>7.0f}%"
        )
    cores = os.cpu_count()
    log(
        f"  (busy: share of all {cores} cores while the variant ran. server: its one uvicorn"
        " process; loadgen: this process; postgres: the backends of the bench database;"
        " others: everything else on the machine)"
    )
    log(
        f"\n{args.connections} keep-alive connections per variant, all on 127.0.0.1; the load"
        " generator runs on the same 2-core machine as the server and PostgreSQL and takes"
        " the CPU shown above from them."
    )
    log(f"server: `python -m estatepay.cli serve` pid {api.process.pid}, 1 uvicorn worker")
    a_ratio = results["(a) graphql"].rate / results["(a) baseline"].rate
    b_ratio = results["(b) graphql"].rate / results["(b) baseline"].rate
    log(f"reads_a_ratio: {a_ratio:.2f}  (graphql req/s / baseline req/s, resident's bills)")
    log(f"reads_b_ratio: {b_ratio:.2f}  (graphql req/s / baseline req/s, admin's 50 bills)")


async def run(args: argparse.Namespace) -> int:
    begun = time.perf_counter()
    dsn = asyncpg_dsn(args.database_url)
    await recreate_database(args.database_url)
    seeded = await seed(args.database_url, args.residents, args.bills, args.payments)
    log(f"logging in as {seeded.resident_email} ({seeded.resident_bills} bills) and the admin")
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "PYTHONUNBUFFERED": "1",
    }
    servers: list[Server] = []
    # Opened before the servers: it reads their backends' pids for the CPU figures.
    monitor = await asyncpg.connect(dsn)
    with tempfile.TemporaryDirectory(prefix="bench-reads-") as logs:
        log_dir = Path(logs)
        try:
            api = start_server(
                "api",
                [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(free_port())],
                env,
                log_dir,
            )
            servers.append(api)
            baseline = start_server(
                "baseline",
                [
                    sys.executable,
                    str(SCRIPT),
                    "--serve-baseline",
                    "--port",
                    str(free_port()),
                    "--schema",
                    schema_name(),
                    "--database-url",
                    args.database_url,
                ],
                env,
                log_dir,
            )
            servers.append(baseline)
            await wait_healthy(api)
            await wait_healthy(baseline)
            log(f"api on :{api.port} (pid {api.process.pid}), baseline on :{baseline.port}")
            scenarios, _ = await prepare(api, baseline, seeded)
            log(f"\nload before measuring: {load_average()}")
            results = await measure(scenarios, args, monitor)
            log(f"load after measuring: {load_average()}")
            report(results, args, api)
        finally:
            for server in servers:
                stop_server(server)
            await monitor.close()
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="GraphQL reads vs a bare baseline (drops and recreates its database)."
    )
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per variant")
    parser.add_argument("--slice", type=float, default=2.5, help="seconds per interleaved slice")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds per variant")
    parser.add_argument("--residents", type=int, default=2000)
    parser.add_argument("--bills", type=int, default=50000)
    parser.add_argument("--payments", type=int, default=80000)
    add_store_arguments(parser, DEFAULT_URL, DEFAULT_REDIS_URL, "the server's REDIS_URL")
    # Internal: the baseline server process.
    parser.add_argument("--serve-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--schema", default=schema_name(), help=argparse.SUPPRESS)
    parser.add_argument("--pool-size", type=int, default=20, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_baseline:
        return args
    if min(args.seconds, args.slice, args.warmup) <= 0 or args.connections < 1:
        parser.error("need --connections >= 1 and --seconds, --slice, --warmup > 0")
    if args.residents < 1 or args.bills < args.residents or args.payments < 0:
        parser.error("need --residents >= 1, --bills >= --residents, --payments >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve_baseline:
        return serve_baseline(args)
    try:
        import uvloop
    except ImportError:
        return asyncio.run(run(args))
    return uvloop.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
