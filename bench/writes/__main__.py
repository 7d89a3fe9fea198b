"""`python -m bench.writes`: money-moving mutations through the server against pgbench's
transfer, a burst of payments, and the embedded default."""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import asyncpg
from redis.asyncio import Redis

from bench.common import (
    Result,
    Server,
    add_store_arguments,
    asyncpg_dsn,
    free_port,
    load_average,
    log,
    recreate_database,
    run_loop,
    start_server,
    stop_server,
    wait_healthy,
)
from bench.writes import pgbench, profiling
from bench.writes.burst import Burst, burst, check_bills, ledger_verify, reserve
from bench.writes.embedded import run_embedded
from bench.writes.load import ApiVariant, PgbenchVariant, Variant, measure, report
from bench.writes.operations import OPERATIONS, PAY_BILL
from bench.writes.world import (
    DEFAULT_REDIS_URL,
    DEFAULT_URL,
    SECRET_KEY,
    SERVE,
    SLUG,
    Estate,
    Resident,
    seed,
)

T = TypeVar("T")

TARGET_RATIO, TARGET_P99_MS = 0.25, 100.0  # issue #20, payBillFromWallet at 32 connections


async def with_database(url: str, work: Callable[[], Awaitable[T]]) -> T:
    """`work()` with Tortoise initialised on the bench database, in this process."""
    from tenants.database import close_database, init_database
    from tenants.settings import Settings

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=url, secret_key=SECRET_KEY, db_pool_max_size=2
    )
    await init_database(settings)
    try:
        return await work()
    finally:
        await close_database()


def variants_of(
    args: argparse.Namespace, server: Server, estate: Estate, monitor: asyncpg.Connection,
    suffix: str, work_dir: Path,
) -> list[Variant]:  # fmt: skip
    found: list[Variant] = []
    for c in args.connections:
        found += [
            ApiVariant(f"{op.name}{suffix} @{c}", op, c, server, estate, monitor)
            for op in OPERATIONS
        ]
        found.append(
            PgbenchVariant(f"pgbench transfer @{c}", c, args.database_url, args.residents, work_dir)
        )
    return found


def ratios(args: argparse.Namespace, results: dict[str, Result], suffix: str) -> None:
    for c in args.connections:
        base = results[f"pgbench transfer @{c}"]
        for op in OPERATIONS:
            r = results[f"{op.name}{suffix} @{c}"]
            log(
                f"{op.name}{suffix.replace(' ', '_')}_{c}_ratio: {r.rate / base.rate:.3f}"
                f"  (API / pgbench transfer at {c} connections: {r.rate:.0f} vs"
                f" {base.rate:.0f} tps; p99 {r.pct_ms(99):.0f} vs {base.pct_ms(99):.1f} ms)"
            )
    if 32 in args.connections:
        r, base = results[f"{PAY_BILL.name}{suffix} @32"], results["pgbench transfer @32"]
        ratio, p99 = r.rate / base.rate, r.pct_ms(99)
        meets = ratio >= TARGET_RATIO and p99 < TARGET_P99_MS
        log(
            f"target (issue #20) payBillFromWallet{suffix} @32 >= {TARGET_RATIO} x pgbench with"
            f" p99 < {TARGET_P99_MS:.0f} ms: {'meets' if meets else 'does NOT meet'}"
            f" ({ratio:.3f}, p99 {p99:.0f} ms)"
        )


async def profile(
    args: argparse.Namespace, server: Server, estate: Estate, monitor: asyncpg.Connection,
    env: dict[str, str], work_dir: Path,
) -> None:  # fmt: skip
    """payBillFromWallet at the most connections for --profile-seconds, profiled."""
    c = max(args.connections)
    log(f"\nprofile: {PAY_BILL.name} @{c} for {args.profile_seconds:.0f}s under {args.profile}")
    result = Result("profiled")
    if args.profile == "py-spy":
        binary = profiling.py_spy_binary()
        if binary is None:
            raise SystemExit("py-spy not found: `pip install py-spy`, or use --profile cprofile")
        out = work_dir / "py-spy.txt"
        sampler = await profiling.start_py_spy(binary, server, out)
        await asyncio.sleep(1.0)  # attached
        variant = ApiVariant("profiled", PAY_BILL, c, server, estate, monitor)
        await variant.run(args.profile_seconds, result)
        said = await profiling.stop_py_spy(sampler)
        if not out.exists():
            log(f"  py-spy wrote nothing: {said.strip()[-500:]}")
            return
        log(f"  {result.rate:.0f} tps, p99 {result.pct_ms(99):.0f} ms while sampled")
        profiling.show_collapsed(out)
        return
    out = work_dir / "server.prof"
    command = [*SERVE, "--port", str(free_port()), "--workers", "1"]
    profiled = start_server("api-cprofile", profiling.cprofile_command(command, out), env, work_dir)
    try:
        await wait_healthy(profiled)
        variant = ApiVariant("profiled", PAY_BILL, c, profiled, estate, monitor)
        await variant.run(args.profile_seconds, result)
        await asyncio.to_thread(profiling.interrupt, profiled)
    finally:
        stop_server(profiled)
    log(f"  {result.rate:.0f} tps, p99 {result.pct_ms(99):.0f} ms under cProfile (slower)")
    profiling.show_cprofile(out)


async def run_burst(
    args: argparse.Namespace,
    server: Server,
    estate: Estate,
    reserved: list[tuple[Resident, uuid.UUID]],
    env: dict[str, str],
) -> tuple[Burst, list[str]]:
    """The burst, then everything that must hold after it: its problems, none if it held."""
    log(f"\nburst: {len(reserved):,} residents pay a bill each, released together")
    log(f"  load before: {load_average()}")
    done = await burst(server.port, estate, reserved)
    problems = [f"answer: {f}" for f in done.failures[:5]]
    deadlocks = server.log_path.read_text(errors="replace").count("deadlock detected")
    if deadlocks:
        problems.append(f"the server logged {deadlocks} deadlocks")
    problems += await with_database(args.database_url, lambda: check_bills(SLUG, done.bills))
    code, output = ledger_verify(SLUG, env)
    log(f"  estatepay ledger verify --estate {SLUG}: exit {code}: {output[-300:]}")
    if code != 0:
        problems.append(f"ledger verify exited {code}")
    return done, problems


def show_burst(done: Burst, problems: list[str]) -> None:
    ok = len(done.latencies)
    log(
        f"\nburst of {done.residents:,} payBillFromWallet released together: {ok:,} succeeded,"
        f" {len(done.failures)} failed; all answered in {done.seconds:.1f}s"
        f" ({ok / done.seconds if done.seconds else 0:.0f}/s); latency from release:"
        f" p50 {done.pct_ms(50):.0f} ms, p99 {done.pct_ms(99):.0f} ms,"
        f" max {max(done.latencies, default=0) * 1000:.0f} ms"
    )
    for problem in problems:
        log(f"  PROBLEM: {problem}")
    log(f"burst_ok: {'yes' if not problems else 'NO'}  (no errors, no deadlocks, invariants hold)")


def raise_file_limit(connections: int) -> None:
    """Room for the burst's sockets, in this process and the servers it starts."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 2 * connections + 512
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, wanted), hard))


async def start_api(
    name: str, workers: int, env: dict[str, str], log_dir: Path, servers: list[Server]
) -> Server:
    command = [*SERVE, "--port", str(free_port()), "--workers", str(workers)]
    server = start_server(name, command, env, log_dir)
    servers.append(server)
    await wait_healthy(server)
    log(f"{name}: `estatepay serve --workers {workers}` on :{server.port}")
    return server


async def run(args: argparse.Namespace) -> int:
    begun = time.perf_counter()
    if pgbench.available() is None:
        raise SystemExit("pgbench not found: install PostgreSQL's client tools (postgresql-client)")
    raise_file_limit(args.burst)
    await recreate_database(args.database_url)
    redis = Redis.from_url(args.redis_url)
    await redis.flushdb()  # the jobs the mutations queue pile up here: no worker runs
    await redis.aclose()
    bills = args.bills_per_resident
    estate = await with_database(
        args.database_url, lambda: seed(SLUG, args.residents, bills, bills)
    )
    reserved = reserve(estate, args.burst) if args.burst else []
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": SECRET_KEY,
        "DB_POOL_MAX_SIZE": str(args.pool_size),
        "PYTHONUNBUFFERED": "1",
    }
    # Opened before the servers: it reads their backends' pids for the CPU figures.
    monitor = await asyncpg.connect(asyncpg_dsn(args.database_url))
    phases: list[tuple[str, dict[str, Result]]] = []
    outcome: tuple[Burst, list[str]] | None = None
    servers: list[Server] = []
    with tempfile.TemporaryDirectory(prefix="bench-writes-") as logs:
        work_dir = Path(logs)
        try:
            await pgbench.create_tables(monitor, args.residents)
            server_version = await monitor.fetchval("SHOW server_version")
            commit = await monitor.fetchval("SHOW synchronous_commit")
            log(f"PostgreSQL {server_version}, synchronous_commit={commit}")
            api = await start_api("api", 1, env, work_dir, servers)
            log(f"\nload before measuring: {load_average()}")
            variants = variants_of(args, api, estate, monitor, "", work_dir)
            phases.append(("1 process", await measure(variants, *timing(args))))
            log(f"load after measuring: {load_average()}")
            if args.profile:
                await profile(args, api, estate, monitor, env, work_dir)
            if reserved:
                outcome = await run_burst(args, api, estate, reserved, env)
            stop_server(api)
            if args.workers > 1:
                many = await start_api(f"api-x{args.workers}", args.workers, env, work_dir, servers)
                variants = variants_of(args, many, estate, monitor, f" x{args.workers}", work_dir)
                phases.append(
                    (f"x{args.workers} processes", await measure(variants, *timing(args)))
                )
        finally:
            for server in servers:
                stop_server(server)
            await monitor.close()
        for title, results in phases:
            suffix = "" if title == "1 process" else f" x{args.workers}"
            report(
                f"through `estatepay serve` ({title}, PostgreSQL pool {args.pool_size} per"
                " pool and process) next to pgbench's transfer, in interleaved slices:",
                results,
            )
            ratios(args, results, suffix)
        if outcome is not None:
            show_burst(*outcome)
        embedded = None
        if args.embedded_seconds > 0:
            embedded = await run_embedded(args, work_dir)
            report("embedded default (SQLite, no Redis), one server process:", embedded)
    log(
        f"\nnotes: every request has its own idempotency key and row; each connection pays"
        f" from its own residents' wallets ({args.residents:,} residents), all credit the"
        " estate's one revenue account and adjustWallet debits its one adjustments account"
        " (rows every request locks, as in production); pgbench's transfer credits one"
        " revenue row too. No worker runs: the jobs mutations queue stay in Redis. The load"
        " generator and pgbench share the machine with the servers and PostgreSQL."
    )
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    failed = any(r.failures for _, results in phases for r in results.values())
    failed = failed or any(r.failures for r in (embedded or {}).values())
    return 1 if failed or (outcome is not None and outcome[1]) else 0


def timing(args: argparse.Namespace) -> tuple[float, int, float]:
    return args.seconds, args.slice, args.warmup


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.writes",
        description="Money-moving mutations vs pgbench (drops and recreates its database).",
    )
    parser.add_argument(
        "--connections", type=int, nargs="+", default=[8, 32], help="(default: 8 32)"
    )
    parser.add_argument("--seconds", type=float, default=6.0, help="measured seconds per variant")
    parser.add_argument(
        "--slice", type=int, default=2, help="whole seconds per slice (pgbench's -T)"
    )
    parser.add_argument("--warmup", type=float, default=1.0, help="warm-up seconds per variant")
    parser.add_argument("--residents", type=int, default=1000, help="(each with a funded wallet)")
    parser.add_argument(
        "--bills-per-resident",
        type=int,
        default=16,
        help="acknowledged bills to pay, and as many to acknowledge (default %(default)s)",
    )
    parser.add_argument(
        "--burst", type=int, default=1000, help="residents paying at once (0: no burst)"
    )
    parser.add_argument(
        "--workers", type=int, default=0, help="also measure `serve --workers N` (N >= 2)"
    )
    parser.add_argument(
        "--pool-size", type=int, default=10, help="the server's DB_POOL_MAX_SIZE (default 10)"
    )
    parser.add_argument(
        "--profile",
        choices=["py-spy", "cprofile"],
        help="profile the server during one extra payBillFromWallet run at the most connections",
    )
    parser.add_argument("--profile-seconds", type=float, default=5.0)
    parser.add_argument(
        "--embedded-seconds",
        type=float,
        default=5.0,
        help="measured seconds per embedded variant (0: skip the embedded default)",
    )
    parser.add_argument("--embedded-residents", type=int, default=64)
    parser.add_argument("--embedded-bills-per-resident", type=int, default=40)
    add_store_arguments(parser, DEFAULT_URL, DEFAULT_REDIS_URL, "the server's REDIS_URL (flushed!)")
    args = parser.parse_args(argv)
    args.connections = sorted(set(args.connections))
    if min(args.seconds, args.warmup, args.profile_seconds) <= 0 or args.slice < 1:
        parser.error("need --seconds, --warmup, --profile-seconds > 0 and --slice >= 1")
    if min(args.connections) < 1 or args.pool_size < 1:
        parser.error("need --connections and --pool-size >= 1")
    if args.residents < max(args.connections, default=1) or args.bills_per_resident < 1:
        parser.error("need --residents >= every --connections, --bills-per-resident >= 1")
    if not 0 <= args.burst <= args.residents:
        parser.error("need 0 <= --burst <= --residents")
    if args.embedded_seconds > 0 and args.embedded_residents < 8:
        parser.error("need --embedded-residents >= 8 (one per connection)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return run_loop(run(args))
    except KeyboardInterrupt:  # the servers were stopped on the way out
        log("\ninterrupted: every server the bench started is stopped")
        return 130


if __name__ == "__main__":
    sys.exit(main())
