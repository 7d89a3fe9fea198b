"""`python -m bench.reads`: the GraphQL server against the baseline, or the baseline server."""

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
from bench.reads.baseline import serve_baseline
from bench.reads.load import measure, prepare, report
from bench.reads.world import DEFAULT_REDIS_URL, DEFAULT_URL, SELF, schema_name, seed


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
                    *SELF,
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
    return run_loop(run(args))


if __name__ == "__main__":
    sys.exit(main())
