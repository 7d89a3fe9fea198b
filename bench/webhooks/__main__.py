"""`python -m bench.webhooks`: both parts in one run, or a helper process."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import asyncpg

from bench.common import (
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
from bench.webhooks.applying import applying, final_checks, flush_queues, report_applied
from bench.webhooks.batches import Applied
from bench.webhooks.loadgen import loadgen
from bench.webhooks.receiving import Received, receiving, report_received
from bench.webhooks.servers import serve_bare, serve_paystack
from bench.webhooks.world import DEFAULT_REDIS_URL, DEFAULT_URL, SCHEMA, SECRET, SELF, provision


async def run(args: argparse.Namespace) -> int:
    from tenants.database import close_database, init_database
    from tenants.settings import Settings, get_settings
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
            [*SELF, "--serve-paystack", "--port", str(free_port())],
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
        prog="python -m bench.webhooks",
        description="Webhooks: shim vs bare route, worker vs in-process (recreates its database).",
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
    return run_loop(loadgen(args) if args.loadgen else run(args))


if __name__ == "__main__":
    sys.exit(main())
