"""`python -m bench.ledger`: the service's payments against raw SQL's, in one run."""

from __future__ import annotations

import argparse
import logging
import sys
import time

import asyncpg
from tortoise.connection import get_connection

from bench.common import (
    add_store_arguments,
    asyncpg_dsn,
    load_average,
    log,
    recreate_database,
    run_loop,
)
from bench.ledger.measure import Result, measure
from bench.ledger.payers import PayOne, raw_payer, service_payer
from bench.ledger.trace import Trace, lock_plan, show_statements, show_trace, traced, verify
from bench.ledger.world import (
    DEFAULT_URL,
    RAW,
    RAW_FULL,
    SERVICE,
    TARGET_RATIO,
    TRACE_PAYMENTS,
    build_world,
    make_bills,
)
from tenants.database import _keep_connection_as_is, close_database, init_database
from tenants.scope import TENANT_CONNECTION
from tenants.settings import Settings


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
        prog="python -m bench.ledger",
        description="Wallet bill payments: service vs raw SQL (drops and recreates its database).",
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
    return run_loop(run(args))


if __name__ == "__main__":
    sys.exit(main())
