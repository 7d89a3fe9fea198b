"""Live subscriptions across two API processes: commit -> client latency and events
delivered per second, against raw Redis pub/sub fan-out to plain WebSockets, same run.

    python bench/subscriptions.py [--subscribers 1000] [--admins 100] [--rounds 3]
                                  [--per-round 60] [--rate 10] [--burst 200]
                                  [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_subs) and flushes the bench Redis
database (default $BENCH_REDIS_URL or redis://127.0.0.1:6379/13). One estate is
provisioned through the real code; its residents (users, memberships, residents, wallets)
are bulk-COPYed with one shared password hash, each wallet funded through
`wallets.adjust`, and their bills COPYed as ACKNOWLEDGED. Tokens are minted with the
servers' SECRET_KEY (logging in is not what is measured).

Processes on 127.0.0.1, all under uvicorn with the same defaults (one worker, uvloop):
* two API processes, `python -m estatepay.cli serve --port P` on PostgreSQL + Redis
  (DB_POOL_MAX_SIZE=8 each, `--pool-size`);
* two baseline processes, `python bench/subscriptions.py --serve-baseline`: a bare
  Starlette WebSocket route per process and ONE redis.asyncio pub/sub connection, which
  forwards each published message, as is, to the sockets it names (a resident's, or every
  admin's). No authentication, no database, no GraphQL.

Subscribers (`--subscribers`, split evenly over the two processes of each system):
`--admins` connections of the estate admin subscribed to `billUpdated` (every bill of the
estate), the rest one resident each subscribed to `walletUpdated`. Every connection
authenticates with its `connection_init` payload and waits for the pong of a `ping` (our
transport answers it once the subscription is live) before anything is measured; the
baseline's clients connect the same number of plain sockets.

What a payment fans out to: the payer's wallet event (to their one subscriber) and the
bill event (to every admin subscriber): 1 + admins deliveries. A payment is
`payBillFromWallet` over HTTP through the process its payer is NOT subscribed on, so
every resident event crosses processes through Redis (admins sit on both). The baseline
publishes the same two messages per payment (one addressed to the resident, one to the
admins) through Redis.

Latency, commit -> client: the API stamps each event when its after-commit outlet runs
(right after the transaction commits, before PUBLISH) and sends that stamp with every
subscription message as `extensions.committedAt`; the client subtracts it from the
arrival time (time.time() on the same host, so the clocks agree). The baseline stamps each
message just before PUBLISH the same way. Both therefore measure PUBLISH -> Redis -> server
-> WebSocket -> client; ours also re-reads the object in its own tenant transaction and
runs the GraphQL selection per subscriber, which is what the ratio prices.

Phases, both systems each time, in interleaved rounds (so load from anything else on the
machine hits both alike):
* paced: `--rounds` x `--per-round` payments at `--rate` payments/s (open loop: each sent
  at its planned time), p50/p99 over every delivery;
* burst: `--burst` payments, 8 at a time, as fast as they go; events delivered per second
  from the first payment sent to the last delivery (the baseline publishes as fast as it
  goes). This is capacity on this machine, payments included.

Also printed: deliveries missing (a subscriber queue overflowing drops its oldest hints),
CPU seconds of the server processes per 1,000 deliveries, and the CPU share this client
process took.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import asyncpg

from bench.common import (
    Server,
    add_store_arguments,
    asyncpg_dsn,
    cpu_used,
    free_port,
    load_average,
    log,
    process_cpu,
    recreate_database,
    start_server,
    stop_server,
    wait_healthy,
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
SCRIPT = Path(__file__).resolve()
ROOT = SCRIPT.parent.parent

WALLET_SUB = "subscription { walletUpdated { id balance { amount } } }"
BILL_SUB = "subscription { billUpdated { id status amountPaid { amount } } }"
PAY = (
    "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
    "{ status } }"
)


# --- the baseline server (runs in its own process) ----------------------------------


def baseline_app(redis_url: str) -> Any:
    """Plain WebSockets fed by one Redis pub/sub connection, nothing else."""
    from redis.asyncio import Redis
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    sockets: dict[str, set[WebSocket]] = {}
    redis = Redis.from_url(redis_url)

    async def feed() -> None:
        async with redis.pubsub() as pubsub:
            await pubsub.subscribe(BASELINE_CHANNEL)
            while True:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=None)
                if message is None:
                    continue
                text = message["data"].decode()
                for ws in list(sockets.get(json.loads(text)["to"], ())):
                    with contextlib.suppress(Exception):
                        await ws.send_text(text)

    async def endpoint(ws: WebSocket) -> None:
        await ws.accept()
        who = ws.query_params["who"]
        sockets.setdefault(who, set()).add(ws)
        try:
            while True:
                if await ws.receive_text() == "ping":  # the same readiness handshake
                    await ws.send_text("pong")
        except WebSocketDisconnect:
            pass
        finally:
            sockets[who].discard(ws)

    async def healthz(request: Request) -> Response:
        return Response('{"status":"ok"}', media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(feed())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await redis.aclose()

    return Starlette(
        routes=[Route("/healthz", healthz), WebSocketRoute("/ws", endpoint)],
        lifespan=lifespan,
    )


def serve_baseline(args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(baseline_app(args.redis_url), host="127.0.0.1", port=args.port, log_level="info")
    return 0


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
    from estatepay.settings import Settings

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
    from services.identity.tokens import issue_token
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
            person.token = issue_token(person.user_id, SECRET_KEY, lifetime).token
        admin_token = issue_token(admin.id, SECRET_KEY, lifetime).token
    finally:
        await close_database()
    log(
        f"seeded {SLUG!r} in {time.perf_counter() - begun:.1f}s: {residents:,} residents with "
        f"funded wallets, {number:,} acknowledged bills"
    )
    return Estate(admin_token, people)


# --- clients ------------------------------------------------------------------------


@dataclass
class Deliveries:
    """Arrivals per system: latency of each (seconds) and the arrival times."""

    latencies: list[float] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)

    def record(self, committed_at: float, at: float) -> None:
        self.latencies.append(at - committed_at)
        self.arrivals.append(at)

    def mark(self) -> int:
        return len(self.latencies)


class Connection:
    def __init__(self, ws: Any, sink: Deliveries, stamp: Callable[[dict[str, Any]], float]):
        self.ws = ws
        self.sink = sink
        self.stamp = stamp
        self.pong: asyncio.Queue[None] = asyncio.Queue()
        self.task = asyncio.create_task(self.read())

    async def read(self) -> None:
        with contextlib.suppress(Exception):
            async for raw in self.ws:
                at = time.time()
                if raw == "pong":  # the baseline's readiness answer
                    self.pong.put_nowait(None)
                    continue
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "pong":
                    self.pong.put_nowait(None)
                elif kind in ("next", None):
                    self.sink.record(self.stamp(message), at)
                elif kind in ("error", "complete"):
                    log(f"subscription ended: {raw[:300]}")

    async def live(self, ping: str) -> None:
        await self.ws.send(ping)
        await asyncio.wait_for(self.pong.get(), 120)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        self.task.cancel()


def ours_stamp(message: dict[str, Any]) -> float:
    stamp = message["payload"]["extensions"]["committedAt"]
    return datetime.fromisoformat(stamp).timestamp()


def baseline_stamp(message: dict[str, Any]) -> float:
    return float(message["at"])


async def connect_ours(port: int, token: str, query: str, sink: Deliveries) -> Connection:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    ws = await connect(
        f"ws://127.0.0.1:{port}/graphql",
        subprotocols=[Subprotocol("graphql-transport-ws")],
        compression=None,
        ping_interval=None,
        max_queue=None,
    )
    payload = {"authorization": f"Bearer {token}", "tenant": SLUG}
    await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
    ack = json.loads(await asyncio.wait_for(ws.recv(), 120))
    assert ack["type"] == "connection_ack", ack
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    return Connection(ws, sink, ours_stamp)


async def connect_baseline(port: int, who: str, sink: Deliveries) -> Connection:
    from websockets.asyncio.client import connect

    ws = await connect(
        f"ws://127.0.0.1:{port}/ws?who={who}",
        compression=None,
        ping_interval=None,
        max_queue=None,
    )
    return Connection(ws, sink, baseline_stamp)


async def gather_limited(jobs: list[Callable[[], Awaitable[Any]]], limit: int) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(job: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await job()

    return await asyncio.gather(*(one(job) for job in jobs))


# --- driving ------------------------------------------------------------------------

Act = Callable[["Payment"], Coroutine[Any, Any, None]]


@dataclass
class Payment:
    payer: Resident
    bill: uuid.UUID


class Driver:
    def __init__(self, estate: Estate, api_ports: list[int], redis_url: str) -> None:
        import httpx
        from redis.asyncio import Redis

        self.estate = estate
        self.api_ports = api_ports
        self.http = httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=64))
        self.redis = Redis.from_url(redis_url)
        self.failures: list[str] = []
        self._next_bill: dict[int, int] = {}

    def payments(self, count: int, offset: int) -> list[Payment]:
        people = self.estate.residents
        chosen = []
        for n in range(offset, offset + count):
            payer = people[n % len(people)]
            used = self._next_bill.get(payer.index, 0)
            self._next_bill[payer.index] = used + 1
            chosen.append(Payment(payer, payer.bills[used]))
        return chosen

    async def pay(self, payment: Payment) -> None:
        # Through the process the payer is not subscribed on: the event crosses Redis.
        port = self.api_ports[(payment.payer.index + 1) % 2]
        response = await self.http.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": PAY, "variables": {"b": str(payment.bill), "k": uuid.uuid4().hex}},
            headers={"Authorization": f"Bearer {payment.payer.token}", "X-Tenant": SLUG},
        )
        body = response.json()
        if body.get("errors") or body["data"]["payBillFromWallet"]["status"] != "SUCCEEDED":
            self.failures.append(str(body)[:300])

    async def publish(self, payment: Payment) -> None:
        """The baseline's equivalent of a payment: the two messages it fans out."""
        for to in (f"r{payment.payer.index}", "admin"):
            message = json.dumps({"to": to, "at": time.time()})
            await self.redis.publish(BASELINE_CHANNEL, message)

    async def paced(self, act: Act, batch: list[Payment], rate: float) -> None:
        start = time.monotonic()
        tasks: list[asyncio.Task[None]] = []
        for n, payment in enumerate(batch):
            delay = start + n / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(act(payment)))
        await asyncio.gather(*tasks)

    async def burst(self, act: Act, batch: list[Payment]) -> None:
        await gather_limited([partial(act, p) for p in batch], BURST_CONCURRENCY)

    async def close(self) -> None:
        await self.http.aclose()
        await self.redis.aclose()


async def settle(sink: Deliveries, expected: int) -> None:
    """Wait until `expected` deliveries arrived, or none for SETTLE_SECONDS."""
    last, quiet_since = sink.mark(), time.monotonic()
    while sink.mark() < expected:
        await asyncio.sleep(0.05)
        if sink.mark() != last:
            last, quiet_since = sink.mark(), time.monotonic()
        elif time.monotonic() - quiet_since > SETTLE_SECONDS:
            return


# --- reporting ----------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    delivered: int = 0
    expected: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0

    @property
    def per_second(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    def ms(self, q: float) -> float:
        return percentile(self.latencies, q) * 1000


def mean_ms(phase: Phase) -> float:
    return statistics.fmean(phase.latencies) * 1000 if phase.latencies else math.nan


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}x" if base and not math.isnan(base) else "n/a"


# --- the run ------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    from redis.asyncio import Redis

    admins = args.admins
    residents = args.subscribers - admins
    if residents < 2 or admins < 0:
        raise SystemExit("need at least 2 resident subscribers")
    warmup = 20
    total = warmup + args.rounds * args.per_round + args.burst
    bills_each = -(-total // residents) + 1
    log(f"{load_average()}; client {'uvloop' if uvloop_ok() else 'asyncio'}")
    await recreate_database(args.database_url)
    redis = Redis.from_url(args.redis_url)
    await redis.flushdb()
    await redis.aclose()
    estate = await seed(args.database_url, residents, bills_each)

    log_dir = Path(tempfile.mkdtemp(prefix="bench-subs-"))
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": SECRET_KEY,
        "DB_POOL_MAX_SIZE": str(args.pool_size),
        "GRAPHIQL_ENABLED": "false",
        "PYTHONPATH": str(ROOT),
        # Every subscriber connects from 127.0.0.1 and the admin subscribers are one user:
        # the door's caps must let the whole load in (and a loaded server read its inits).
        "WS_MAX_SOCKETS_PER_ADDRESS": str(args.subscribers),
        "WS_MAX_SOCKETS_PER_USER": str(max(admins, 1)),
        "WS_CONNECTION_INIT_TIMEOUT_SECONDS": "120",
    }
    python = sys.executable
    servers: list[Server] = []
    for n in range(2):
        port = free_port()
        servers.append(
            start_server(
                f"api{n + 1}",
                [python, "-m", "estatepay.cli", "serve", "--port", str(port)],
                env,
                log_dir,
            )
        )
    for n in range(2):
        port = free_port()
        servers.append(
            start_server(
                f"baseline{n + 1}",
                [
                    python,
                    str(SCRIPT),
                    "--serve-baseline",
                    "--port",
                    str(port),
                    "--redis-url",
                    args.redis_url,
                ],
                env,
                log_dir,
            )
        )
    api, base = servers[:2], servers[2:]
    connections: list[Connection] = []
    driver = Driver(estate, [s.port for s in api], args.redis_url)
    try:
        await asyncio.gather(*(wait_healthy(s) for s in servers))
        log(f"servers up (logs in {log_dir}); connecting {args.subscribers:,} subscribers to each")
        ours, theirs = Deliveries(), Deliveries()
        jobs: list[Callable[[], Awaitable[Connection]]] = []
        for person in estate.residents:
            port = api[person.index % 2].port
            jobs.append(partial(connect_ours, port, person.token, WALLET_SUB, ours))
            bport = base[person.index % 2].port
            jobs.append(partial(connect_baseline, bport, f"r{person.index}", theirs))
        for n in range(admins):
            port, bport = api[n % 2].port, base[n % 2].port
            jobs.append(partial(connect_ours, port, estate.admin_token, BILL_SUB, ours))
            jobs.append(partial(connect_baseline, bport, "admin", theirs))
        begun = time.perf_counter()
        connections = await gather_limited(jobs, 32)
        ping = json.dumps({"type": "ping"})
        await gather_limited(
            [partial(c.live, ping if c.stamp is ours_stamp else "ping") for c in connections],
            64,
        )
        log(
            f"{len(connections):,} sockets connected and live in {time.perf_counter() - begun:.1f}s"
        )

        fanout = 1 + admins
        offset = 0

        async def one_phase(kind: str, batch_size: int, sink: Deliveries, act: Act) -> Phase:
            nonlocal offset
            batch = driver.payments(batch_size, offset)
            offset += batch_size
            mark = sink.mark()
            pids = [s.process.pid for s in (api if sink is ours else base)]
            cpu_before = process_cpu(pids)
            started = time.time()
            if kind == "burst":
                await driver.burst(act, batch)
            else:
                await driver.paced(act, batch, args.rate)
            await settle(sink, mark + batch_size * fanout)
            phase = Phase(
                latencies=sink.latencies[mark:],
                delivered=sink.mark() - mark,
                expected=batch_size * fanout,
                server_cpu=cpu_used(cpu_before, process_cpu(pids)),
            )
            arrivals = sink.arrivals[mark:]
            phase.seconds = (max(arrivals) - started) if arrivals else 0.0
            return phase

        def merge(phases: list[Phase]) -> Phase:
            merged = Phase()
            for p in phases:
                merged.latencies += p.latencies
                merged.delivered += p.delivered
                merged.expected += p.expected
                merged.seconds += p.seconds
                merged.server_cpu += p.server_cpu
            return merged

        client_before = os.times()
        await one_phase("paced", warmup // 2, ours, driver.pay)  # warm-up, not counted
        await one_phase("paced", warmup // 2, theirs, driver.publish)
        paced: dict[str, list[Phase]] = {"ours": [], "baseline": []}
        for n in range(args.rounds):
            order = [("ours", ours, driver.pay), ("baseline", theirs, driver.publish)]
            for label, sink, act in order if n % 2 == 0 else order[::-1]:
                paced[label].append(await one_phase("paced", args.per_round, sink, act))
            log(f"paced round {n + 1}/{args.rounds} done")
        bursts = {
            "ours": await one_phase("burst", args.burst, ours, driver.pay),
            "baseline": await one_phase("burst", args.burst, theirs, driver.publish),
        }
        client_after = os.times()
        report(
            args,
            merge(paced["ours"]),
            merge(paced["baseline"]),
            bursts["ours"],
            bursts["baseline"],
            driver.failures,
            (client_after.user + client_after.system) - (client_before.user + client_before.system),
            client_after.elapsed - client_before.elapsed,
        )
        return 1 if driver.failures else 0
    finally:
        for connection in connections:
            await connection.close()
        await driver.close()
        for server in servers:
            stop_server(server)


def report(
    args: argparse.Namespace,
    ours: Phase,
    base: Phase,
    ours_burst: Phase,
    base_burst: Phase,
    failures: list[str],
    client_cpu: float,
    elapsed: float,
) -> None:
    log()
    log(
        f"{args.subscribers:,} subscribers over 2 API processes ({args.admins} admin "
        f"billUpdated, {args.subscribers - args.admins} resident walletUpdated); "
        f"each payment fans out to {1 + args.admins} deliveries"
    )
    log(f"paced: {args.rounds} x {args.per_round} payments at {args.rate:g}/s")
    log("                          ours     baseline   ratio")
    for q in (50, 99):
        log(
            f"  commit->client p{q}  {ours.ms(q):8.1f} ms {base.ms(q):8.1f} ms  "
            f"{ratio(ours.ms(q), base.ms(q))}"
        )
    log(f"  max                {ours.ms(100):8.1f} ms {base.ms(100):8.1f} ms")
    log(f"  mean               {mean_ms(ours):8.1f} ms {mean_ms(base):8.1f} ms")
    log(
        f"  delivered          {ours.delivered:8,d}    {base.delivered:8,d}     "
        f"(expected {ours.expected:,})"
    )
    log(f"  events/s (offered) {ours.per_second:8.0f}    {base.per_second:8.0f}")
    log(f"burst: {args.burst} payments, {BURST_CONCURRENCY} at a time")
    log(
        f"  events/s delivered {ours_burst.per_second:8.0f}    {base_burst.per_second:8.0f}     "
        f"{ratio(ours_burst.per_second, base_burst.per_second)}"
    )
    log(f"  commit->client p50 {ours_burst.ms(50):8.1f} ms {base_burst.ms(50):8.1f} ms")
    log(f"  commit->client p99 {ours_burst.ms(99):8.1f} ms {base_burst.ms(99):8.1f} ms")
    log(
        f"  delivered          {ours_burst.delivered:8,d}    {base_burst.delivered:8,d}     "
        f"(expected {ours_burst.expected:,})"
    )
    for label, phase in (("paced", ours), ("burst", ours_burst)):
        if phase.delivered:
            log(
                f"server CPU per 1,000 deliveries ({label}): ours "
                f"{phase.server_cpu / phase.delivered * 1000:.2f} s"
            )
    for label, phase in (("paced", base), ("burst", base_burst)):
        if phase.delivered:
            log(
                f"server CPU per 1,000 deliveries ({label}): baseline "
                f"{phase.server_cpu / phase.delivered * 1000:.3f} s"
            )
    log(f"this client process: {client_cpu:.1f} CPU s over {elapsed:.1f} s")
    log(f"{load_average()}")
    if failures:
        log(f"{len(failures)} payments failed, e.g. {failures[0]}")
    log()
    log(
        f"latency_p50_ratio={ratio(ours.ms(50), base.ms(50))} "
        f"latency_p99_ratio={ratio(ours.ms(99), base.ms(99))} "
        f"events_per_second_ratio={ratio(ours_burst.per_second, base_burst.per_second)}"
    )


def uvloop_ok() -> bool:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return False
    return True


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=1000, help="WebSocket subscribers")
    parser.add_argument("--admins", type=int, default=100, help="of which admin billUpdated")
    parser.add_argument("--rounds", type=int, default=3, help="paced rounds per system")
    parser.add_argument("--per-round", type=int, default=60, help="payments per paced round")
    parser.add_argument("--rate", type=float, default=10.0, help="paced payments per second")
    parser.add_argument("--burst", type=int, default=200, help="payments in the burst phase")
    parser.add_argument("--pool-size", type=int, default=8, help="DB_POOL_MAX_SIZE per API")
    add_store_arguments(parser, DEFAULT_URL, DEFAULT_REDIS_URL, "flushed!")
    parser.add_argument("--serve-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve_baseline:
        return serve_baseline(args)
    if uvloop_ok():
        import uvloop

        return uvloop.run(run(args))
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
