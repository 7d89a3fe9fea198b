"""Provider webhooks: received per second at the shim against a bare route, and applied per
second by one worker process against the same coroutine called in-process. Same run.

    python bench/webhooks.py [--seconds 10] [--senders 32] [--loadgen-processes 2]
                             [--client httpx|raw] [--worker-threads 4]
                             [--parts both|receiving|applying]
                             [--database-url URL] [--redis-url URL]

Setup: it drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_webhooks) and empties the Dramatiq
`webhooks` queue of the Redis database given (default $BENCH_REDIS_URL or
redis://127.0.0.1:6379/13). It provisions one estate (`create_estate`), configures its
Paystack gateway through `gateways.config.configure` (apiBaseUrl: the fake Paystack of
`estatepay.demo.fakes.paystack`, served by uvicorn in a subprocess on 127.0.0.1) and creates 50
residents. Every server it starts gets DATABASE_URL, REDIS_URL and the same ENCRYPTION_KEY.
The servers' pools follow DB_POOL_MAX_SIZE (default 20 a pool): at 32 senders the shim can
hold ~40 PostgreSQL connections; set it lower on a server whose max_connections is tight.

1. Receiving. Two servers, each one uvicorn process on 127.0.0.1 with the same settings
   (one worker, uvicorn's defaults: uvloop, httptools, access log on):
   * shim: `python -m estatepay.cli serve`, `POST /webhooks/paystack/<slug>`. Every request
     is a new `charge.success` event (its own transaction id, so its own `event_id`), body
     and `x-paystack-signature` made by `FakePaystack.webhook` (HMAC-SHA512 of the raw
     body with the estate's secret key). So each does all the shim does: find the estate,
     open its scope, load and decrypt the gateway settings, check the signature, parse,
     INSERT the event (in a savepoint), commit, and send `apply_webhook_event` to Redis
     (the messages wait there: no worker runs in this part).
   * bare: a Starlette app (`--serve-bare`) whose one route, at the same path, reads the
     body and answers the shim's `{"received": true}`: HTTP, uvicorn and Starlette alone.
   The load: `--senders` senders, each sending its next webhook as soon as the answer is
   in, each on its own keep-alive connection and its own httpx.AsyncClient (a client
   shared by 32 connections costs ~4x the CPU per request), spread over
   `--loadgen-processes` processes of this script (`--loadgen`). Both servers get the same
   requests. After a warm-up of each, they are measured in interleaved slices of `--slice`
   s (the order turned each round), `--seconds` in all each, so load from anything else on
   the machine hits both alike. Then it checks that the 200s, the stored events and the
   messages in Redis are the same number. `--client raw` swaps httpx for bench/common.py's
   small HTTP/1.1 client (a fraction of the CPU per request) to see the bare route's own
   ceiling.

2. Applying. Each batch is N stored events (RECEIVED rows in `webhook_events`, made from
   the fake's signed bodies through `PaystackGateway.parse_webhook`) for N pending Paystack
   bill payments, each of its own acknowledged bill, whose checkout the fake has been told
   succeeded. Applying one is `workers.tasks.apply_webhook_event`: lock the event, find the
   payment, the real verify call (`GET /transaction/verify/<reference>` on the fake, over
   HTTP), then `apply_verification`, which settles it: bill PAID, notification written,
   ledger entry from the Paystack clearing account to the estate revenue. Once it commits,
   the notification's `deliver_notification` job is sent too; the bench's residents have
   no user account, so each delivery ends at the user lookup (a few queries).
   * worker: one `python -m estatepay.cli worker --threads T` process, started and warmed
     up before; the clock runs from the first `send` to Redis (all N sent from here through
     the Dramatiq broker) until all N are PROCESSED (polled every 20 ms). It runs the
     delivery jobs it sends meanwhile, as in production.
   * in-process: the baseline, `apply_webhook_event` awaited directly in this process, T at
     a time (the worker's concurrency: its T threads share one event loop), no broker; the
     delivery jobs run as tasks on the same loop (as the embedded default runs them).
   Neither clock waits for the last deliveries, but each batch starts once they are done.
   A warm-up batch of each sizes the batches so that each takes about one slice; then the
   two alternate, `--seconds` in all each. At the end it checks that every event is
   PROCESSED and every payment SUCCEEDED, counts retries and runs `verify_ledger()`.

How to read it. The machine's cores are shared by the servers, PostgreSQL, the load
generator and whatever else runs: the `busy` columns say how much of them each took while
a variant ran (`others`: everything else), and the CPU per request or per event is the
figure that moves least when the machine is busy.
* `shim_vs_bare_ratio`: the shim's webhooks/s over the bare route's answers/s, i.e. what
  signature check, durable store and enqueue cost on top of HTTP. When the load generator
  spends more CPU per request than the bare server (it says so), bare's rate is the
  client's limit and the ratio is flattered: compare the servers' CPU per request, or run
  with `--client raw`.
* `worker_vs_in_process_ratio`: what the broker costs (Redis round trips, Dramatiq's
  threads handing work to the event loop) on top of applying; the applier's CPU per event
  (the worker process, or this one) says the same from the other side.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import logging
import math
import os
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from dramatiq.common import dq_name

from bench.common import (
    ROOT,
    Result,
    Server,
    add_store_arguments,
    asyncpg_dsn,
    build_request,
    cpu_jiffies,
    cpu_used,
    free_port,
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
from estatepay.demo.fakes.paystack import FakePaystack, Transaction

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_webhooks"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
SLUG = "bench-webhooks"
SCHEMA = "t_bench_webhooks"
SECRET = "sk_test_bench_webhooks_secret"
CURRENCY = "NGN"
AMOUNT = 250_000  # minor units: 2,500.00 NGN per bill and payment
RESIDENTS = 50
QUEUE = "webhooks"  # the actor's Dramatiq queue
ID_BLOCK = 10**12  # load generator i signs transaction ids i * ID_BLOCK + n; part 2 < ID_BLOCK
START_LEAD_S = 0.5  # the load generators get their orders this long before the start
SCRIPT = Path(__file__).resolve()

SHIM = "shim"
BARE = "bare"
WORKER = "worker"
IN_PROCESS = "in-process"


# --- the helper processes: bare route, fake Paystack, load generator -----------------


def bare_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    async def receive(request: Request) -> Response:
        await request.body()  # the shim reads the whole body too
        return JSONResponse({"received": True})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/webhooks/{provider}/{tenant_slug}", receive, methods=["POST"]),
        ]
    )


def serve_bare(args: argparse.Namespace) -> int:
    import uvicorn

    # The same uvicorn settings as `estatepay serve`: one worker, defaults, access log on.
    uvicorn.run(bare_app(), host="127.0.0.1", port=args.port, log_level="info")
    return 0


def serve_paystack(args: argparse.Namespace) -> int:
    """The fake Paystack, plus a route that records completed checkouts in bulk."""
    import uvicorn
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    fake = FakePaystack(args.secret)
    app = fake.app()

    async def completed(request: Request) -> Response:
        for tx in await request.json():
            fake.transactions[tx["reference"]] = Transaction(
                tx["id"], tx["reference"], tx["amount"], tx["currency"], tx["email"], "success"
            )
        return JSONResponse({"transactions": len(fake.transactions)})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    app.router.routes += [
        Route("/bench/completed", completed, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    # Not under test: no access log, less of the cores taken from what is.
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


def signed_event(fake: FakePaystack, tx_id: int) -> tuple[bytes, dict[str, str]]:
    """A new completed charge and its webhook as the fake Paystack signs it."""
    reference = f"PAY-BENCH{tx_id:016d}"
    fake.transactions[reference] = Transaction(
        tx_id, reference, AMOUNT, CURRENCY, "payer@example.com", "success"
    )
    try:
        return fake.webhook(reference)
    finally:
        del fake.transactions[reference]  # bounded memory however long it runs


Post = Callable[[bytes, dict[str, str]], Awaitable[tuple[int, bytes]]]


async def httpx_posts(stack: contextlib.AsyncExitStack, base: str, path: str, n: int) -> list[Post]:
    """Each sender its own httpx.AsyncClient: one client's pool shared by 32 connections
    costs ~4x the CPU per request (3.4 ms against 0.8 ms, measured), enough to make the
    client the bottleneck of the bare route."""
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        await stack.enter_async_context(httpx.AsyncClient(limits=one, timeout=60)) for _ in range(n)
    ]
    # Every connection open before the clock starts.
    await asyncio.gather(*(client.get(base + "/healthz") for client in clients))

    def poster(client: httpx.AsyncClient) -> Post:
        async def post(body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
            response = await client.post(base + path, content=body, headers=headers)
            return response.status_code, response.content

        return post

    return [poster(client) for client in clients]


async def raw_posts(stack: contextlib.AsyncExitStack, port: int, path: str, n: int) -> list[Post]:
    """bench/common.py's small HTTP/1.1 client, one keep-alive connection per sender."""
    connections = []
    for _ in range(n):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        stack.callback(writer.close)
        connections.append((reader, writer))

    def poster(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Post:
        async def post(body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
            signature = {"x-paystack-signature": headers["x-paystack-signature"]}
            writer.write(build_request("POST", path, body, signature, port))  # adds the type
            return await read_response(reader)

        return post

    return [poster(reader, writer) for reader, writer in connections]


async def loadgen_slice(
    fake: FakePaystack, ids: Iterator[int], order: dict[str, Any]
) -> dict[str, Any]:
    """`order["senders"]` senders, each on its own keep-alive connection, each sending its
    next webhook as soon as the answer is in, until the time is up."""
    port, path, senders = int(order["port"]), str(order["path"]), int(order["senders"])
    latencies: list[float] = []
    failures: list[str] = []
    async with contextlib.AsyncExitStack() as stack:
        if order["client"] == "raw":
            posts = await raw_posts(stack, port, path, senders)
        else:
            posts = await httpx_posts(stack, f"http://127.0.0.1:{port}", path, senders)
        gc.collect()
        await asyncio.sleep(max(0.0, float(order["start_at"]) - time.time()))
        cpu0, wall_start, started = time.process_time(), time.time(), time.perf_counter()
        deadline = started + float(order["seconds"])

        async def sender(post: Post) -> None:
            while time.perf_counter() < deadline:
                body, headers = signed_event(fake, next(ids))
                begun = time.perf_counter()
                status, answer = await post(body, headers)
                if status != 200:
                    failures.append(f"{status}: {answer[:300]!r}")
                    return
                latencies.append(time.perf_counter() - begun)

        await asyncio.gather(*(sender(post) for post in posts))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu0
    return {
        "latencies": latencies,
        "failures": failures,
        "start": wall_start,
        "seconds": seconds,
        "cpu": cpu,
    }


async def loadgen(args: argparse.Namespace) -> int:
    """One load generator process: a JSON order per stdin line, a JSON result per line."""
    fake = FakePaystack(args.secret)
    ids = itertools.count(args.index * ID_BLOCK)
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        result = await loadgen_slice(fake, ids, json.loads(line))
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    return 0


@dataclass
class Loadgen:
    process: asyncio.subprocess.Process
    senders: int

    def order(self, order: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(order) + "\n").encode())

    async def result(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            raise SystemExit(f"load generator {self.process.pid} exited")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def start_loadgens(senders: int, processes: int, env: dict[str, str]) -> list[Loadgen]:
    """The load generator processes (their errors go to this process's stderr)."""
    loadgens = []
    for i in range(processes):
        process = await asyncio.create_subprocess_exec(
            *[sys.executable, str(SCRIPT), "--loadgen", "--index", str(i + 1)],
            *["--secret", SECRET],
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**26,  # one line carries a slice's latencies
        )
        share = (i + 1) * senders // processes - i * senders // processes
        loadgens.append(Loadgen(process, share))
    return loadgens


# --- setup ----------------------------------------------------------------------------


async def provision(paystack_url: str, encryption_key: str) -> list[uuid.UUID]:
    """The estate, its Paystack gateway and system accounts, and the residents."""
    from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, system_account
    from services.payments.gateways.config import GatewayInput, configure
    from services.residents.models import Resident
    from tenants import provisioning
    from tenants.scope import tenant_scope

    await provisioning.create_estate(
        provisioning.EstateInput(
            slug=SLUG,
            name="Webhooks bench estate",
            currency=CURRENCY,
            timezone="Africa/Lagos",
            admin_email=f"admin@{SLUG}.example.com",
            admin_full_name="Bench Admin",
            admin_password="bench-Passw0rd!",
        )
    )
    async with tenant_scope(SLUG):
        await configure(
            None,
            GatewayInput(
                provider="PAYSTACK",
                display_name="Paystack",
                credentials={"secretKey": SECRET, "publicKey": "pk_test_bench"},
                api_base_url=paystack_url,
                is_active=True,
                is_default=True,
            ),
            encryption_key,
        )
        for code in (ESTATE_REVENUE, PLATFORM_FEES, "clearing:paystack"):
            await system_account(code, CURRENCY)
        # No shared-schema user: settling reads only the resident's user_id.
        residents = [(await Resident.create(user_id=uuid.uuid4())).id for _ in range(RESIDENTS)]
    log(f"estate {SLUG!r}: Paystack gateway at {paystack_url}, {RESIDENTS} residents")
    return residents


# --- part 1: receiving ----------------------------------------------------------------


@dataclass
class Received:
    results: dict[str, Result]
    # Each load generator process's CPU over each slice, as a share of one core.
    loadgen_peaks: dict[str, float] = field(default_factory=dict)
    accepted: int = 0
    stored: int = 0
    enqueued: int = 0


async def load_slice(
    client: str,
    label: str,
    server: Server,
    loadgens: list[Loadgen],
    seconds: float,
    result: Result,
    peaks: dict[str, float],
    monitor: asyncpg.Connection,
) -> None:
    start_at = time.time() + START_LEAD_S
    for lg in loadgens:
        lg.order(
            {
                "port": server.port,
                "path": f"/webhooks/paystack/{SLUG}",
                "senders": lg.senders,
                "client": client,
                "seconds": seconds,
                "start_at": start_at,
            }
        )
    pg_pids = await postgres_pids(monitor)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    srv0, pg0, (busy0, total0) = (
        process_cpu([server.process.pid]),
        process_cpu(pg_pids),
        cpu_jiffies(),
    )
    # Bounded even if a server stops answering.
    answers = await asyncio.wait_for(
        asyncio.gather(*(lg.result() for lg in loadgens)), seconds + 120
    )
    srv1, pg1, (busy1, total1) = (
        process_cpu([server.process.pid]),
        process_cpu(pg_pids),
        cpu_jiffies(),
    )
    start = min(a["start"] for a in answers)
    result.seconds += max(a["start"] + a["seconds"] for a in answers) - start
    for a in answers:
        result.latencies += a["latencies"]
        result.requests += len(a["latencies"])
        result.failures += a["failures"]
        result.generator_cpu_s += a["cpu"]
        peaks[label] = max(peaks.get(label, 0.0), a["cpu"] / a["seconds"])
    result.server_cpu_s += cpu_used(srv0, srv1)
    result.postgres_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def check_shim(api: Server) -> None:
    """One good webhook (200) and one forged (400) before measuring: the check is on."""
    fake = FakePaystack(SECRET)
    url = f"http://127.0.0.1:{api.port}/webhooks/paystack/{SLUG}"
    body, headers = signed_event(fake, ID_BLOCK - 1)
    forged = {**headers, "x-paystack-signature": "0" * 128}
    async with httpx.AsyncClient(timeout=30) as client:
        good = await client.post(url, content=body, headers=headers)
        bad = await client.post(url, content=body, headers=forged)
    if (good.status_code, bad.status_code) != (200, 400):
        raise SystemExit(f"shim answered {good.status_code} / {bad.status_code}: {good.text}")


async def receiving(
    args: argparse.Namespace,
    env: dict[str, str],
    log_dir: Path,
    monitor: asyncpg.Connection,
    broker: Any,
) -> Received:
    api = start_server(
        "api",
        [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(free_port())],
        env,
        log_dir,
    )
    bare = start_server(
        "bare",
        [sys.executable, str(SCRIPT), "--serve-bare", "--port", str(free_port())],
        env,
        log_dir,
    )
    loadgens: list[Loadgen] = []
    try:
        loadgens = await start_loadgens(args.senders, args.loadgen_processes, env)
        await wait_healthy(api)
        await wait_healthy(bare)
        await check_shim(api)
        log(
            f"\n1. receiving: shim :{api.port} (pid {api.process.pid}), bare :{bare.port};"
            f" {args.senders} senders in {len(loadgens)} load generator processes ({args.client})"
        )
        servers = {SHIM: api, BARE: bare}
        accepted = 1  # check_shim's
        peaks: dict[str, float] = {}
        for label, server in servers.items():
            warm = Result(label)
            await load_slice(args.client, label, server, loadgens, args.warmup, warm, {}, monitor)
            if warm.failures:
                raise SystemExit(f"{label} warm-up failed: {warm.failures[:2]}")
            accepted += warm.requests if label == SHIM else 0
            log(f"  {label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f} req/s")
        rounds = max(1, math.ceil(args.seconds / args.slice - 1e-9))
        log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
        results = {label: Result(label) for label in servers}
        order = list(servers)
        for n in range(rounds):
            for label in order[n % 2 :] + order[: n % 2]:
                result = results[label]
                await load_slice(
                    args.client,
                    label,
                    servers[label],
                    loadgens,
                    args.seconds / rounds,
                    result,
                    peaks,
                    monitor,
                )
                if result.failures:
                    raise SystemExit(f"{label} failed: {result.failures[:2]}\n{api.tail()}")
        accepted += results[SHIM].requests
        stored = int(await monitor.fetchval(f"SELECT count(*) FROM {SCHEMA}.webhook_events"))
        enqueued = int(broker.client.hlen(f"{broker.namespace}:{QUEUE}.msgs"))
        return Received(results, peaks, accepted, stored, enqueued)
    finally:
        for lg in loadgens:
            await lg.stop()
        stop_server(api)
        stop_server(bare)


def report_received(received: Received, args: argparse.Namespace) -> bool:
    """Prints part 1; False when some 200 was not stored or not enqueued exactly once."""
    results = received.results
    log(
        f"\n{'':<8}{'req/s':>7}{'p50 ms':>8}{'p99 ms':>8}{'server':>8}{'server CPU':>12}"
        f"{'loadgen CPU':>13}{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(
        f"{'':<8}{'':>7}{'':>8}{'':>8}{'busy':>8}{'per req':>12}{'per req':>13}"
        f"{'per proc':>9}{'busy':>10}{'busy':>8}"
    )
    for r in results.values():
        log(
            f"{r.label:<8}{r.rate:>7.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{100 * r.share(r.server_cpu_s):>7.0f}%{per_request_ms(r, r.server_cpu_s):>9.2f} ms"
            f"{per_request_ms(r, r.generator_cpu_s):>10.2f} ms"
            f"{100 * received.loadgen_peaks.get(r.label, 0.0):>8.0f}%"
            f"{100 * r.share(r.postgres_cpu_s):>9.0f}%{100 * r.others_busy:>7.0f}%"
        )
    log(
        f"  (busy: share of all {os.cpu_count()} cores while the variant ran; server: its one"
        " uvicorn process; loadgen CPU per req: all load generator processes; loadgen per"
        " proc: the busiest one, share of ONE core; postgres: the bench database's backends;"
        " others: everything else on the machine)"
    )
    shim, bare = results[SHIM], results[BARE]
    client_ms = per_request_ms(bare, bare.generator_cpu_s)
    server_ms = per_request_ms(bare, bare.server_cpu_s)
    if client_ms > server_ms:  # on a CPU-bound machine the costlier side sets the rate
        log(
            f"  bare: the client spends {client_ms:.2f} ms CPU per request, the server"
            f" {server_ms:.2f} ms: bare's rate is the load generator's limit ({args.client}),"
            " so shim_vs_bare_ratio is flattered"
        )
    consistent = received.accepted == received.stored == received.enqueued
    log(
        f"  {'ok' if consistent else 'MISMATCH'}: {received.accepted:,} webhooks answered 200,"
        f" {received.stored:,} events stored, {received.enqueued:,} messages in Redis"
    )
    log(f"shim_webhooks_per_second: {shim.rate:.0f}")
    log(f"shim_p50_ms: {shim.pct_ms(50):.1f}  shim_p99_ms: {shim.pct_ms(99):.1f}")
    log(f"bare_requests_per_second: {bare.rate:.0f}")
    log(f"bare_p50_ms: {bare.pct_ms(50):.1f}  bare_p99_ms: {bare.pct_ms(99):.1f}")
    log(f"shim_vs_bare_ratio: {shim.rate / bare.rate:.2f}  (shim req/s / bare req/s)")
    return consistent


def per_request_ms(result: Result, cpu_s: float) -> float:
    return cpu_s / result.requests * 1000 if result.requests else float("nan")


# --- part 2: applying -----------------------------------------------------------------


@dataclass
class Applied:
    label: str
    events: int = 0
    seconds: float = 0.0
    applier_cpu_s: float = 0.0  # the worker process, or this one
    paystack_cpu_s: float = 0.0
    postgres_cpu_s: float = 0.0
    busy_jiffies: int = 0
    total_jiffies: int = 0

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return f"{self.events} events in {self.seconds:.1f}s, {self.rate:.0f}/s"

    def per_event_ms(self, cpu_s: float) -> float:
        return cpu_s / self.events * 1000 if self.events else float("nan")

    @property
    def machine_busy(self) -> float:
        return self.busy_jiffies / self.total_jiffies if self.total_jiffies else 0.0

    @property
    def others_busy(self) -> float:
        cores = os.cpu_count() or 1
        mine = self.applier_cpu_s + self.paystack_cpu_s + self.postgres_cpu_s
        return max(0.0, self.machine_busy - mine / (self.seconds * cores))


class Batches:
    """Stored events for pending payments whose checkout the fake says succeeded."""

    def __init__(self, residents: list[uuid.UUID], paystack: Server) -> None:
        from services.payments.gateways.base import CircuitBreaker
        from services.payments.gateways.paystack import PaystackGateway

        self.residents = residents
        self.paystack = paystack
        self.fake = FakePaystack(SECRET)  # signs the bodies the real fake would send
        self.gateway = PaystackGateway({"secretKey": SECRET}, None, CircuitBreaker())
        self.ids = itertools.count(1)

    async def make(self, count: int) -> list[uuid.UUID]:
        from services.bills.issuing import take_numbers
        from services.bills.models import Bill
        from services.payments.idempotency import new_reference
        from services.payments.models import Payment, WebhookEvent
        from tenants.scope import tenant_scope

        now = datetime.now(UTC)
        bills: list[Bill] = []
        payments: list[Payment] = []
        events: list[WebhookEvent] = []
        completed: list[dict[str, Any]] = []
        async with tenant_scope(SLUG):
            numbers = await take_numbers(count)
            for i in range(count):
                resident = self.residents[i % len(self.residents)]
                tx_id, reference = next(self.ids), new_reference()
                bill = Bill(
                    id=uuid.uuid4(),
                    number=numbers[i],
                    resident_id=resident,
                    title="Service charge",
                    description="",
                    type="SERVICE_CHARGE",
                    amount=AMOUNT,
                    currency=CURRENCY,
                    status="ACKNOWLEDGED",
                    due_date=date(2030, 1, 31),
                    acknowledged_at=now,
                )
                bills.append(bill)
                payments.append(
                    Payment(
                        id=uuid.uuid4(),
                        reference=reference,
                        purpose="BILL_PAYMENT",
                        provider="PAYSTACK",
                        amount=AMOUNT,
                        currency=CURRENCY,
                        status="PENDING",
                        resident_id=resident,
                        bill_id=bill.id,
                        provider_reference=str(tx_id),
                    )
                )
                tx = Transaction(tx_id, reference, AMOUNT, CURRENCY, "payer@example.com", "success")
                self.fake.transactions[reference] = tx
                body, headers = self.fake.webhook(reference)
                del self.fake.transactions[reference]
                self.gateway.verify_webhook(body, headers)
                parsed = self.gateway.parse_webhook(body)
                events.append(
                    WebhookEvent(
                        id=uuid.uuid4(),
                        provider="PAYSTACK",
                        event_id=parsed.event_id,
                        type=parsed.type,
                        reference=parsed.reference,
                        payload=parsed.payload,
                    )
                )
                completed.append(
                    {
                        "id": tx_id,
                        "reference": reference,
                        "amount": AMOUNT,
                        "currency": CURRENCY,
                        "email": "payer@example.com",
                    }
                )
            await Bill.bulk_create(bills, batch_size=1000)
            await Payment.bulk_create(payments, batch_size=1000)
            await WebhookEvent.bulk_create(events, batch_size=1000)
        async with httpx.AsyncClient(timeout=60) as client:
            answer = await client.post(
                f"http://127.0.0.1:{self.paystack.port}/bench/completed", json=completed
            )
            answer.raise_for_status()
        return [e.id for e in events]


async def pending(monitor: asyncpg.Connection, ids: list[uuid.UUID]) -> int:
    return int(
        await monitor.fetchval(
            f"SELECT count(*) FROM {SCHEMA}.webhook_events "
            "WHERE id = ANY($1::uuid[]) AND status <> 'PROCESSED'",
            ids,
        )
    )


@contextlib.asynccontextmanager
async def accounted(
    result: Applied, applier_pid: int, paystack: Server, monitor: asyncpg.Connection
) -> AsyncIterator[None]:
    """Times the block and adds it, and the CPU used meanwhile, to `result`."""
    pg_pids = await postgres_pids(monitor)
    pids = [applier_pid, paystack.process.pid, *pg_pids]
    gc.collect()
    cpu0, (busy0, total0) = process_cpu(pids), cpu_jiffies()
    started = time.perf_counter()
    yield
    result.seconds += time.perf_counter() - started
    cpu1, (busy1, total1) = process_cpu(pids), cpu_jiffies()
    result.applier_cpu_s += cpu_used({applier_pid: cpu0[applier_pid]}, cpu1)
    result.paystack_cpu_s += cpu_used({paystack.process.pid: cpu0[paystack.process.pid]}, cpu1)
    result.postgres_cpu_s += cpu_used({p: cpu0[p] for p in pg_pids if p in cpu0}, cpu1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


class LocalJobs:
    """The jobs applying sends (a delivery per notification written), run as tasks on this
    loop, as the worker runs them on its own; `drain` waits for them."""

    def __init__(self) -> None:
        self.running: set[asyncio.Task[None]] = set()

    async def send(self, job: str, *args: str | int) -> None:
        from workers import tasks

        task = asyncio.create_task(getattr(tasks, job)(*args))
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def drain(self) -> None:
        await asyncio.gather(*self.running)


async def apply_in_process(
    ids: list[uuid.UUID],
    threads: int,
    jobs: LocalJobs,
    result: Applied,
    paystack: Server,
    monitor: Any,
) -> None:
    from workers import tasks

    queue = iter(ids)

    async def applier() -> None:
        for event_id in queue:
            status = await tasks.apply_webhook_event(SLUG, str(event_id), 1)
            if status != "PROCESSED":
                raise SystemExit(f"event {event_id} ended {status}")

    async with accounted(result, os.getpid(), paystack, monitor):
        await asyncio.gather(*(applier() for _ in range(threads)))
    result.events += len(ids)
    await jobs.drain()  # not timed, as the worker's are not: but done before the next batch


async def apply_by_worker(
    ids: list[uuid.UUID],
    worker: Server,
    broker: Any,
    result: Applied,
    paystack: Server,
    monitor: Any,
) -> None:
    from workers import actors

    def send_all() -> None:  # Dramatiq's client is synchronous: off the event loop
        for event_id in ids:
            actors.apply_webhook_event.send(SLUG, str(event_id), 1)

    deadline = time.monotonic() + 600
    async with accounted(result, worker.process.pid, paystack, monitor):
        await asyncio.to_thread(send_all)
        while await pending(monitor, ids):
            if worker.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the worker did not apply the batch:\n{worker.tail()}")
            await asyncio.sleep(0.02)
    result.events += len(ids)
    while queued(broker):  # the deliveries it sent itself: done before the next batch
        if worker.process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the worker left jobs in Redis:\n{worker.tail()}")
        await asyncio.sleep(0.05)


def queued(broker: Any) -> int:
    """Messages not yet acknowledged in any of the actors' queues (retries included)."""
    names = [name for queue in broker.queues for name in (queue, dq_name(queue))]
    return sum(int(broker.client.hlen(f"{broker.namespace}:{name}.msgs")) for name in names)


def flush_queues(broker: Any) -> None:
    for queue in list(broker.queues):
        broker.flush(queue)


async def wait_for_log(server: Server, text: str, within: float = 90.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(
                f"{server.name} exited ({server.process.returncode}):\n{server.tail()}"
            )
        with contextlib.suppress(OSError):
            if text in server.log_path.read_text(errors="replace"):
                return
        await asyncio.sleep(0.1)
    raise SystemExit(f"{server.name} did not log {text!r} in {within:.0f}s:\n{server.tail()}")


async def applying(
    args: argparse.Namespace,
    env: dict[str, str],
    log_dir: Path,
    monitor: asyncpg.Connection,
    broker: Any,
    paystack: Server,
    residents: list[uuid.UUID],
) -> dict[str, Applied]:
    from services import events
    from workers.broker import jobs_outlet

    jobs = LocalJobs()
    events.install_outlet(jobs_outlet(jobs))  # the worker installs the same, to Redis
    batches = Batches(residents, paystack)
    threads = args.worker_threads
    log(f"\n2. applying: batches of stored events, {threads} at a time")
    warm_in = Applied(IN_PROCESS)
    await apply_in_process(
        await batches.make(args.warmup_events), threads, jobs, warm_in, paystack, monitor
    )
    log(f"  in-process warm-up: {warm_in.summary()}")

    worker = start_server(
        "worker",
        [sys.executable, "-m", "estatepay.cli", "worker", "--threads", str(threads)],
        env,
        log_dir,
    )
    try:
        booted = time.perf_counter()
        await wait_for_log(worker, "worker running")
        log(f"  worker pid {worker.process.pid} up in {time.perf_counter() - booted:.1f}s")
        warm_w = Applied(WORKER)
        await apply_by_worker(
            await batches.make(args.warmup_events), worker, broker, warm_w, paystack, monitor
        )
        log(f"  worker warm-up: {warm_w.summary()}")

        rounds = max(1, math.ceil(args.seconds / args.slice - 1e-9))
        sizes = {
            label: max(50, math.ceil(warm.rate * args.seconds / rounds))
            for label, warm in ((IN_PROCESS, warm_in), (WORKER, warm_w))
        }
        log(
            f"  measuring: {rounds} rounds, batches of {sizes[IN_PROCESS]} (in-process) and"
            f" {sizes[WORKER]} (worker) events"
        )
        results = {IN_PROCESS: Applied(IN_PROCESS), WORKER: Applied(WORKER)}
        order = [IN_PROCESS, WORKER]
        for n in range(rounds):
            for label in order[n % 2 :] + order[: n % 2]:
                ids = await batches.make(sizes[label])  # made just before: never swept
                if label == WORKER:
                    await apply_by_worker(ids, worker, broker, results[label], paystack, monitor)
                else:
                    await apply_in_process(ids, threads, jobs, results[label], paystack, monitor)
    finally:
        stop_server(worker)
    return results


async def final_checks(monitor: asyncpg.Connection) -> list[str]:
    from services.ledger.verify import verify_ledger
    from tenants.scope import tenant_scope

    row = await monitor.fetchrow(
        f"SELECT count(*) AS events, count(*) FILTER (WHERE status = 'PROCESSED') AS processed,"
        f" coalesce(sum(attempts - 1), 0) AS retries FROM {SCHEMA}.webhook_events"
    )
    paid = await monitor.fetchrow(
        f"SELECT count(*) AS payments, count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded"
        f" FROM {SCHEMA}.payments"
    )
    lines = [
        f"{row['processed']:,} of {row['events']:,} events PROCESSED, {row['retries']} retries;"
        f" {paid['succeeded']:,} of {paid['payments']:,} payments SUCCEEDED"
    ]
    async with tenant_scope(SLUG):
        problems = await verify_ledger()
    lines.append("ledger verify: ok" if not problems else f"ledger verify: {problems[:5]}")
    if row["processed"] != row["events"] or paid["succeeded"] != paid["payments"] or problems:
        lines.append("FAILED")
    return lines


def report_applied(results: dict[str, Applied], args: argparse.Namespace) -> None:
    log(
        f"\n{'':<12}{'events/s':>9}{'applier':>11}{'paystack':>10}{'postgres':>10}"
        f"{'machine':>9}{'others':>8}"
    )
    log(f"{'':<12}{'':>9}{'CPU/event':>11}{'CPU/ev':>10}{'CPU/ev':>10}{'busy':>9}{'busy':>8}")
    for r in results.values():
        log(
            f"{r.label:<12}{r.rate:>9.0f}{r.per_event_ms(r.applier_cpu_s):>8.2f} ms"
            f"{r.per_event_ms(r.paystack_cpu_s):>7.2f} ms"
            f"{r.per_event_ms(r.postgres_cpu_s):>7.2f} ms"
            f"{100 * r.machine_busy:>8.0f}%{100 * r.others_busy:>7.0f}%"
        )
    log(
        "  (applier: the worker process, or this process for in-process; paystack: the fake;"
        " postgres: the bench database's backends; busy: share of all cores)"
    )
    worker, inline = results[WORKER], results[IN_PROCESS]
    log(f"worker_events_per_second: {worker.rate:.0f}  ({worker.events:,} events)")
    log(f"in_process_events_per_second: {inline.rate:.0f}  ({inline.events:,} events)")
    log(
        f"worker_vs_in_process_ratio: {worker.rate / inline.rate:.2f}"
        f"  (one worker, {args.worker_threads} threads / the coroutine {args.worker_threads}"
        " at a time in this process)"
    )


# --- main -------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    from estatepay.settings import Settings, get_settings
    from tenants.database import close_database, init_database
    from workers.broker import configure_broker

    begun = time.perf_counter()
    await recreate_database(args.database_url)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=args.database_url, redis_url=args.redis_url
    )
    encryption_key = get_settings().encryption_key  # what tasks.apply_webhook_event uses
    broker = configure_broker(settings)
    from workers import actors  # noqa: F401 - declares the queue on this broker

    flush_queues(broker)  # anything left from an earlier run
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "ENCRYPTION_KEY": encryption_key,
        "PYTHONUNBUFFERED": "1",
    }
    monitor: asyncpg.Connection | None = None
    received: Received | None = None
    applied: dict[str, Applied] = {}
    checks: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-webhooks-") as logs:
        log_dir = Path(logs)
        paystack = start_server(
            "paystack",
            [sys.executable, str(SCRIPT), "--serve-paystack", "--port", str(free_port())],
            env,
            log_dir,
        )
        try:
            await init_database(settings)
            await wait_healthy(paystack)
            residents = await provision(f"http://127.0.0.1:{paystack.port}", encryption_key)
            monitor = await asyncpg.connect(asyncpg_dsn(args.database_url))
            log(f"load before: {load_average()}")
            if args.parts in ("both", "receiving"):
                received = await receiving(args, env, log_dir, monitor, broker)
                # Part 1's events and messages out of the way: the worker must see only
                # part 2's.
                await monitor.execute(f"DELETE FROM {SCHEMA}.webhook_events")
                flush_queues(broker)
            if args.parts in ("both", "applying"):
                applied = await applying(args, env, log_dir, monitor, broker, paystack, residents)
                checks = await final_checks(monitor)
            log(f"load after: {load_average()}")
        finally:
            stop_server(paystack)
            if monitor is not None:
                await monitor.close()
            await close_database()
    consistent = True
    if received is not None:
        consistent = report_received(received, args)
    if applied:
        report_applied(applied, args)
    for line in checks:
        log(line)
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    return 0 if consistent and "FAILED" not in checks else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Webhooks: shim vs bare route, worker vs in-process (recreates its database)."
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per variant")
    parser.add_argument("--senders", type=int, default=32, help="concurrent webhook senders")
    parser.add_argument("--slice", type=float, default=2.5, help="seconds per interleaved slice")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds per server")
    parser.add_argument(
        "--loadgen-processes", type=int, default=2, help="processes the senders are spread over"
    )
    parser.add_argument(
        "--parts",
        choices=["both", "receiving", "applying"],
        default="both",
        help="run part 1 (receiving), part 2 (applying) or both",
    )
    parser.add_argument(
        "--client",
        choices=["httpx", "raw"],
        default="httpx",
        help="the senders' HTTP client (raw: bench/common.py's, far cheaper per request)",
    )
    parser.add_argument(
        "--worker-threads", type=int, default=4, help="`estatepay worker --threads` (its default)"
    )
    parser.add_argument(
        "--warmup-events", type=int, default=100, help="events in each applying warm-up batch"
    )
    add_store_arguments(
        parser, DEFAULT_URL, DEFAULT_REDIS_URL, "its Dramatiq webhooks queue is emptied"
    )
    # Internal: the helper processes.
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve-paystack", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--loadgen", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--secret", default=SECRET, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if min(args.seconds, args.slice, args.warmup) <= 0:
        parser.error("--seconds, --slice and --warmup must be > 0")
    if not 1 <= args.loadgen_processes <= args.senders:
        parser.error("need 1 <= --loadgen-processes <= --senders")
    if args.worker_threads < 1 or args.warmup_events < 1:
        parser.error("need --worker-threads >= 1 and --warmup-events >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    args = parse_args(argv)
    if args.serve_bare:
        return serve_bare(args)
    if args.serve_paystack:
        return serve_paystack(args)
    try:
        import uvloop  # the servers' loop (uvicorn picks uvloop when installed)
    except ImportError:
        return asyncio.run(loadgen(args) if args.loadgen else run(args))
    return uvloop.run(loadgen(args) if args.loadgen else run(args))


if __name__ == "__main__":
    sys.exit(main())
