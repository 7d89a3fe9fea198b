"""`python -m bench.reads`: estatepay against PostGraphile and the baseline, or the baseline
server."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import asyncpg

from bench.common import (
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
from bench.reads import peer
from bench.reads.baseline import serve_baseline
from bench.reads.embedded import report_embedded, run_embedded
from bench.reads.load import Servers, measure, prepare, report
from bench.reads.world import DEFAULT_REDIS_URL, DEFAULT_URL, SELF, SERVE, schema_name, seed


async def start_workers(
    workers: int, env: dict[str, str], log_dir: Path, servers: list[Server]
) -> Server | None:
    """`estatepay serve --workers N`, or None (and why) while `serve` has no such flag."""
    server = start_server(
        f"api-x{workers}",
        [*SERVE, "--port", str(free_port()), "--workers", str(workers)],
        env,
        log_dir,
    )
    servers.append(server)
    try:
        await wait_healthy(server)
    except SystemExit:
        if server.process.poll() is not None and "unrecognized arguments" in server.tail():
            log(
                f"estatepay x{workers}: SKIPPED: `estatepay serve` does not accept --workers"
                " yet (branch `workers` not merged); that row is left out"
            )
            return None
        raise
    return server


async def run(args: argparse.Namespace) -> int:
    begun = time.perf_counter()
    dsn = asyncpg_dsn(args.database_url)
    await peer.install(args.peer_dir)
    await recreate_database(args.database_url)
    seeded, world = await seed(args.database_url, args.residents, args.bills, args.payments)
    log(f"logging in as {seeded.resident_email} ({seeded.resident_bills} bills) and the admin")
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DB_POOL_MAX_SIZE": str(args.pool_size),
        "PYTHONUNBUFFERED": "1",
    }
    servers: list[Server] = []
    # Opened before the servers: it reads their backends' pids for the CPU figures.
    monitor = await asyncpg.connect(dsn)
    with tempfile.TemporaryDirectory(prefix="bench-reads-") as logs:
        log_dir = Path(logs)
        try:
            baseline = start_server(
                "baseline",
                [
                    *SELF,
                    "--serve-baseline",
                    "--port",
                    str(free_port()),
                    "--schema",
                    schema_name(),
                    "--database-url",
                    args.database_url,
                    "--pool-size",
                    str(args.pool_size),
                ],
                env,
                log_dir,
            )
            servers.append(baseline)
            postgraphile = peer.start(
                args.peer_dir, args.database_url, schema_name(), args.pool_size, log_dir
            )
            servers.append(postgraphile)
            workers = await start_workers(args.workers, env, log_dir, servers)
            # With the flag, the one-process server says so: its default may be more.
            one = ["--workers", "1"] if workers is not None else []
            api = start_server("api", [*SERVE, "--port", str(free_port()), *one], env, log_dir)
            servers.append(api)
            await wait_healthy(api)
            await wait_healthy(baseline)
            await peer.wait_ready(postgraphile)
            log(
                f"estatepay on :{api.port} (pid {api.process.pid}), baseline on"
                f" :{baseline.port}, PostGraphile on :{postgraphile.port}"
                + (f", estatepay x{args.workers} on :{workers.port}" if workers else "")
            )
            running = Servers(api, workers, postgraphile, baseline, args.workers)
            scenarios, answers = await prepare(running, seeded)
            log(f"\nload before measuring: {load_average()}")
            results = await measure(scenarios, args, monitor)
            log(f"load after measuring: {load_average()}")
        finally:
            for server in servers:
                stop_server(server)
            await monitor.close()
        report(results, args, running)
        embedded = await run_embedded(world, answers, args, log_dir)
        report_embedded(embedded)
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.reads",
        description="GraphQL reads vs a bare baseline (drops and recreates its database).",
    )
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per variant")
    parser.add_argument("--slice", type=float, default=2.5, help="seconds per interleaved slice")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up seconds per variant")
    parser.add_argument("--residents", type=int, default=2000)
    parser.add_argument("--bills", type=int, default=50000)
    parser.add_argument("--payments", type=int, default=80000)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes of `estatepay serve --workers` (default: CPU count, %(default)s)",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=10,
        help="PostgreSQL pool of every server process: estatepay's DB_POOL_MAX_SIZE,"
        " PostGraphile's PG_POOL_MAX, the baseline's (default %(default)s, node-postgres')",
    )
    parser.add_argument(
        "--embedded-seconds",
        type=float,
        default=5.0,
        help="sequential seconds per document and path on SQLite (default %(default)s)",
    )
    parser.add_argument(
        "--peer-dir",
        type=Path,
        default=peer.default_directory(),
        help="where PostGraphile and Node 22 are (npm-)installed if missing (default %(default)s)",
    )
    add_store_arguments(parser, DEFAULT_URL, DEFAULT_REDIS_URL, "the server's REDIS_URL")
    # Internal: the baseline server process.
    parser.add_argument("--serve-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--schema", default=schema_name(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_baseline:
        return args
    if min(args.seconds, args.slice, args.warmup, args.embedded_seconds) <= 0:
        parser.error("need --seconds, --slice, --warmup, --embedded-seconds > 0")
    if min(args.connections, args.workers, args.pool_size) < 1:
        parser.error("need --connections, --workers, --pool-size >= 1")
    if args.residents < 1 or args.bills < args.residents or args.payments < 0:
        parser.error("need --residents >= 1, --bills >= --residents, --payments >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve_baseline:
        return serve_baseline(args)
    try:
        return run_loop(run(args))
    except KeyboardInterrupt:  # the servers were stopped on the way out
        log("\ninterrupted: every server the bench started is stopped")
        return 130


if __name__ == "__main__":
    sys.exit(main())
