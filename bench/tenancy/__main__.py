"""`python -m bench.tenancy`: tenant routing against no routing, 1 against many estates."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

from tortoise.connection import get_connection

from bench.common import log, recreate_database
from bench.tenancy.measure import (
    connection_count,
    cross_estate_check,
    measure_phase,
    pool_sizes,
    report,
)
from bench.tenancy.operations import asyncpg_client
from bench.tenancy.world import (
    DEFAULT_URL,
    PROPERTIES,
    ROTATION,
    TARGET_SLUG,
    copy_database,
    copy_url_for,
    drop_database,
    estate_input,
    provision_extra,
    seed_bulk,
    seed_target,
)
from services.estates import provisioning
from tenants.apps import SHARED_CONNECTION
from tenants.database import close_database, init_database
from tenants.models import Estate
from tenants.scope import GUARD_SCHEMA, TENANT_CONNECTION
from tenants.settings import Settings


async def run(args: argparse.Namespace) -> int:
    n: int = args.estates
    begun = time.perf_counter()
    one_url = copy_url_for(args.database_url)
    await recreate_database(args.database_url)
    await init_database(Settings(database_url=args.database_url))
    try:
        started = time.perf_counter()
        await provisioning.create_estate(estate_input(TARGET_SLUG))
        elapsed = time.perf_counter() - started
        log(f"{TARGET_SLUG!r} provisioned with create_estate in {elapsed:.2f}s")
        await seed_target()
        log(f"seeded {PROPERTIES} properties in {TARGET_SLUG!r}")

        log(f"\nwith 1 estate ({args.iterations} iterations, {args.warmup} warm-up each):")
        one, statements = await measure_phase(
            args.database_url, args.iterations, args.warmup, rotation=[]
        )
        connections_one = await connection_count()
        # Keep a copy of the one-estate database to time against, interleaved, later.
        await close_database()
        await copy_database(args.database_url, one_url)
        await init_database(Settings(database_url=args.database_url))

        log(f"\nprovisioning {n - 1} more estates:")
        timings = await provision_extra(n - 1, args.concurrency, args.sample, args.budget)
        active = await Estate.filter(status="ACTIVE").count()
        log(f"  {active} estates ACTIVE after {timings.total_s:.1f}s")
        if active != n:
            raise AssertionError(f"expected {n} active estates, found {active}")
        slugs = [
            str(s)
            for s in await Estate.exclude(slug=TARGET_SLUG)
            .order_by("slug")
            .values_list("slug", flat=True)
        ]
        await cross_estate_check([TARGET_SLUG, *slugs[:5]])
        log(f"  cross-estate check passed ({TARGET_SLUG} alternating with {len(slugs[:5])} more)")
        step = max(1, len(slugs) // (ROTATION - 1))
        rotation = [TARGET_SLUG, *slugs[::step][: ROTATION - 1]] if slugs else []
        for slug in rotation[1:]:
            await seed_bulk(slug)
        if rotation:
            log(f"  seeded {PROPERTIES} properties in {len(rotation) - 1} estates for the rotation")

        log(f"\nwith {n} estates:")
        one_copy = await asyncpg_client(one_url, TENANT_CONNECTION, GUARD_SCHEMA)
        try:
            many, _ = await measure_phase(
                args.database_url, args.iterations, args.warmup, rotation, one_copy
            )
        finally:
            await one_copy.close()
        connections_end = await connection_count()
        pools = pool_sizes()
        rows = await get_connection(SHARED_CONNECTION).execute_query_dict(
            "SELECT count(*) AS n FROM pg_namespace WHERE nspname LIKE 't\\_%'"
        )
        schemas = int(rows[0]["n"])
    finally:
        await close_database()
        await drop_database(one_url)
    report(n, one, many, statements, timings, schemas, (connections_one, connections_end), pools)
    log(f"total_s: {time.perf_counter() - begun:.1f}")
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.tenancy",
        description="Tenant routing benchmark (drops and recreates its database).",
    )
    parser.add_argument("--estates", type=int, default=1000, help="estates in all")
    parser.add_argument("--iterations", type=int, default=300, help="timed runs per operation")
    parser.add_argument("--warmup", type=int, default=100, help="untimed runs per operation")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
        help="dropped and recreated! (default: $BENCH_DATABASE_URL or %(default)s)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=8, help="estates provisioned at once (fast path)"
    )
    parser.add_argument(
        "--sample", type=int, default=10, help="extra estates provisioned with create_estate"
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="seconds create_estate may take for the rest; beyond it the fast path is used",
    )
    args = parser.parse_args(argv)
    if args.estates < 1 or args.iterations < 2 or args.warmup < 0 or args.concurrency < 1:
        parser.error("need --estates >= 1, --iterations >= 2, --warmup >= 0, --concurrency >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
