"""Tenancy at scale: many estates on one server, then a 3-node Citus cluster against one.

    python -m bench.tenancy.scale [--estates 10000] [--iterations 200] [--concurrency 3]
        [--migrate-at 1000] [--cluster-estates 100] [--keep]

Everything runs on throwaway servers of its own under /tmp (bench/citus_cluster.py, the
same settings for each: fsync off, 64 MB shared buffers), never on the shared server.

1. One PostgreSQL. Estate 1 (`bench-target`) gets a resident with a funded wallet, 25
   bills and a large acknowledged bill (a fresh one at each size). At 1, 100, 1,000 and
   10,000 estates (the others provisioned `--concurrency` at a time, with a progress bar
   and the rate), the resident's bills page and a wallet payment of 1.00 are timed through
   `estatepay serve` over HTTP (with Redis, `--redis-url`: the API tier alone), one client:
   p50 and p99 at each size. Interleaved with them, the same through a second server over
   a copy of the database taken when estate 1 was alone, so that drift on a shared machine
   hits both sides of the ratio alike.
2. At `--migrate-at` estates, and again at the last size, a new tenant migration (a column
   added to `properties`) is shipped and `migrate_all_estates` timed over all of them.
3. `--cluster-estates` estates, each seeded as estate 1, on a fresh database of the same
   single server and on a 3-node Citus cluster (DATABASE_DISTRIBUTED=citus): the same two
   operations rotating over those estates; the cluster/single ratio of p50 and p99, and
   Citus's EXPLAIN of an estate's bills query (one task, on one worker).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import httpx
from redis import Redis
from tortoise.connection import get_connection

from bench.citus_cluster import Cluster, free_base_port
from bench.common import (
    Server,
    free_port,
    load_average,
    log,
    start_server,
    stop_server,
    wait_healthy,
)
from bench.tenancy.residents import (
    Latency,
    Resident,
    pay_one,
    provision_many,
    read_bills,
    seed_resident,
    time_ops,
)
from bench.tenancy.world import copy_database, drop_database, provision_fast
from estatepay.app import create_app
from services.estates import provisioning
from tenants import migrations
from tenants.database import close_database, init_database
from tenants.scope import TENANT_CONNECTION, tenant_scope
from tenants.settings import Settings

SIZES = (1, 100, 1_000, 10_000)
BILLS, PAY = "resident bills page", "wallet payment"
BILLS_ONE, PAY_ONE = f"{BILLS} (1 alone)", f"{PAY} (1 alone)"
SECRET_KEY = "bench-secret-key-with-enough-length-0123456789"
HOST = "127.0.0.1"
# The first request after 10,000 schemas were migrated took over httpx's default 5 s
# (a run was lost to it): the server's catalog caches fill again. Warm-up absorbs it.
SLOW = 120.0
NEW_MIGRATION = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """ALTER TABLE "properties" ADD "bench_note_{n}" VARCHAR(40);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''


def settings_for(url: str, concurrency: int, citus: bool = False) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=url,
        redis_url=None,
        database_distributed="citus" if citus else None,
        db_pool_max_size=concurrency + 2,
        db_command_timeout_seconds=600,
        secret_key=SECRET_KEY,
    )


def ship_migration(root: Path, n: int) -> None:
    """A copy of migrations/ with one more tenant migration (the n-th shipped)."""
    if not root.exists():
        shutil.copytree(migrations.MIGRATIONS_ROOT, root)
    head = max(int(m.version.split("_", 1)[0]) for m in migrations.available("postgres", "tenant"))
    target = root / "postgres" / "tenant" / f"{head + 1}_2099010100000{n}_bench_{n}.py"
    target.write_text(NEW_MIGRATION.format(n=n))
    migrations.MIGRATIONS_ROOT = root


async def timed_migration(root: Path, n: int, estates: int, concurrency: int) -> float:
    ship_migration(root, n)
    started = time.perf_counter()
    report = await provisioning.migrate_all_estates(concurrency)
    elapsed = time.perf_counter() - started
    if report.failed or report.applied != estates:
        raise AssertionError(f"migrate: {report}")
    log(f"  tenants migrate of a new migration over {estates} estates: {elapsed:.1f}s")
    return elapsed


def serve(name: str, url: str, work: Path, redis_url: str) -> Server:
    # The production API tier: with Redis, so jobs go to a broker and no scheduler runs
    # inside the server. Without it, the embedded scheduler's per-estate jobs ran in the
    # API process and, at 10,000 estates, a request waited past 120 s behind them.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REDIS_URL": redis_url,
        "DATABASE_DISTRIBUTED": "",
        "SECRET_KEY": SECRET_KEY,
        "DB_POOL_MAX_SIZE": "3",
        "LOG_FORMAT": "json",
    }
    command = [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(free_port())]
    return start_server(name, command, env, work)


async def single_server(args: argparse.Namespace, server: Cluster, work: Path) -> None:
    """Estate 1 timed through a server over the growing database and, interleaved, through
    another over a copy taken when estate 1 was alone: drift on the machine hits both."""
    url = await server.prepare_database("bench_scale")
    one_url = server.url("bench_scale_one")
    settings = settings_for(url, args.concurrency)
    await init_database(settings)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
        seeded = await seed_resident(http, "bench-target")
    await close_database()
    await copy_database(url, one_url)
    await init_database(settings)
    Redis.from_url(args.redis_url).flushdb()  # jobs the payments queue, never run here
    servers = [
        serve("api-growing", url, work, args.redis_url),
        serve("api-one-estate", one_url, work, args.redis_url),
    ]
    results: dict[int, dict[str, Latency]] = {}
    rates: list[str] = []
    migrate_s: dict[int, float] = {}
    try:
        for api in servers:
            await wait_healthy(api)
        async with (
            httpx.AsyncClient(
                base_url=f"http://{HOST}:{servers[0].port}", timeout=SLOW
            ) as http_many,
            httpx.AsyncClient(
                base_url=f"http://{HOST}:{servers[1].port}", timeout=SLOW
            ) as http_one,
        ):
            many, one = await seeded.on(http_many), await seeded.on(http_one)
            have = 1
            sizes = sorted({s for s in SIZES if s < args.estates} | {args.estates})
            for size in sizes:
                if size > have:
                    slugs = [f"bench-{i:05d}" for i in range(have, size)]
                    seconds = await provision_many(slugs, args.concurrency, provision_fast)
                    rate = len(slugs) / seconds
                    rates.append(f"{have}->{size}: {rate:.1f} estates/s ({seconds:.0f}s)")
                    log(f"  provisioned {len(slugs)} estates in {seconds:.1f}s: {rate:.1f}/s")
                    have = size
                if size in (args.migrate_at, sizes[-1]):
                    migrate_s[size] = await timed_migration(
                        work / "migrations", len(migrate_s) + 1, size, args.concurrency
                    )
                await many.fresh_bill()
                await one.fresh_bill()
                results[size] = await time_ops(
                    {
                        BILLS: lambda i: read_bills(many),
                        BILLS_ONE: lambda i: read_bills(one),
                        PAY: lambda i: pay_one(many),
                        PAY_ONE: lambda i: pay_one(one),
                    },
                    args.iterations,
                    args.warmup,
                )
                log(f"with {size} estates ({load_average()}):")
                for latency in results[size].values():
                    log(f"  {latency.line()}")
    finally:
        for api in servers:
            stop_server(api)
        await close_database()
        await drop_database(one_url)
    single_report(results, rates, migrate_s)


def single_report(
    results: dict[int, dict[str, Latency]], rates: list[str], migrate_s: dict[int, float]
) -> None:
    log("\nsingle server, estate 1 (its own server over the growing database; beside it,")
    log("interleaved, another over a copy of the database holding estate 1 alone):")
    log(f"{'estates':>8}  {'bills p50/p99 ms':>18} {'(1 alone)':>15}  {'payment p50/p99 ms':>20}"
        f" {'(1 alone)':>15}")  # fmt: skip
    for size, ops in results.items():
        cells = [f"{ops[op].pct(50):7.2f}/{ops[op].pct(99):<7.2f}" for op in (BILLS, BILLS_ONE)]
        cells += [f"{ops[op].pct(50):7.2f}/{ops[op].pct(99):<7.2f}" for op in (PAY, PAY_ONE)]
        log(f"{size:>8}  {cells[0]:>18} {cells[1]:>15}  {cells[2]:>20} {cells[3]:>15}")
    first, last = results[min(results)], results[max(results)]
    top = max(results)
    for op, alone in ((BILLS, BILLS_ONE), (PAY, PAY_ONE)):
        name = op.replace(" ", "_")
        log(
            f"p99_{top}_vs_1_{name}: {last[op].pct(99) / last[alone].pct(99):.2f} interleaved "
            f"(p50 {last[op].pct(50) / last[alone].pct(50):.2f}); sequential, against the "
            f"1-estate stage: {last[op].pct(99) / first[op].pct(99):.2f} "
            f"(p50 {last[op].pct(50) / first[op].pct(50):.2f})"
        )
    for line in rates:
        log(f"provisioning rate {line}")
    for size, seconds in migrate_s.items():
        log(f"migrate_{size}_estates_s: {seconds:.1f}")


async def spread(url: str, args: argparse.Namespace, citus: bool) -> dict[str, Latency]:
    """`--cluster-estates` seeded estates; the two operations rotating over them."""
    settings = settings_for(url, args.concurrency, citus)
    await init_database(settings)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=create_app(settings)), base_url="http://bench"
        ) as http:
            slugs = [f"spread-{i:03d}" for i in range(args.cluster_estates)]
            residents: dict[str, Resident] = {}

            async def make(slug: str) -> None:
                residents[slug] = await seed_resident(http, slug, bills=3)

            await provision_many(slugs, args.concurrency, make)
            ring = [residents[s] for s in slugs]
            results = await time_ops(
                {
                    BILLS: lambda i: read_bills(ring[i % len(ring)]),
                    PAY: lambda i: pay_one(ring[(i * 7) % len(ring)]),
                },
                args.iterations,
                args.warmup,
            )
            if citus:
                await explain(ring[0].slug)
    finally:
        await close_database()
    for latency in results.values():
        log(f"  {latency.line()}")
    return results


async def explain(slug: str) -> None:
    """Citus's plan of the estate's bills page: one task, on the worker holding it."""
    async with tenant_scope(slug):
        rows = await get_connection(TENANT_CONNECTION).execute_query_dict(
            "EXPLAIN SELECT * FROM bills ORDER BY created_at DESC LIMIT 21"
        )
    plan = [str(next(iter(r.values()))) for r in rows]
    tasks = [line.strip() for line in plan if "Task Count" in line or "Node: host" in line]
    log(f"  EXPLAIN of {slug}'s bills page on the cluster: {'; '.join(tasks)}")


async def run(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="estatepay-scale-"))
    os.chmod(work, 0o755)  # the servers run as `postgres`
    shipped = migrations.MIGRATIONS_ROOT
    single = Cluster(work / "single", free_base_port(), workers=0)
    cluster = Cluster(work / "cluster", free_base_port())
    try:
        await single.start_async()
        log(f"single server on port {single.coordinator.port}; {load_average()}")
        if args.estates:
            await single_server(args, single, work)
        if args.cluster_estates:
            migrations.MIGRATIONS_ROOT = shipped  # the estates below as the code ships them
            log(f"\n{args.cluster_estates} estates on one server:")
            one = await spread(await single.prepare_database("bench_spread"), args, False)
            await cluster.start_async()
            log(f"\n{args.cluster_estates} estates on the 3-node cluster:")
            many = await spread(await cluster.prepare_database("bench_spread"), args, True)
            for op in (BILLS, PAY):
                log(
                    f"cluster_vs_single_{op.replace(' ', '_')}: p50 "
                    f"{many[op].pct(50) / one[op].pct(50):.2f}, p99 "
                    f"{many[op].pct(99) / one[op].pct(99):.2f}"
                )
    finally:
        if not args.keep:
            cluster.destroy()
            single.destroy()
            shutil.rmtree(work, ignore_errors=True)
    return 0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.tenancy.scale", description=__doc__)
    parser.add_argument("--estates", type=int, default=10_000, help="largest size (0: skip)")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=3, help="estates made at once")
    parser.add_argument("--migrate-at", type=int, default=1_000)
    parser.add_argument("--cluster-estates", type=int, default=100, help="0: skip")
    parser.add_argument("--keep", action="store_true", help="leave the servers running")
    parser.add_argument(
        "--redis-url", default="redis://127.0.0.1:6379/7", help="the servers' broker (flushed)"
    )
    args = parser.parse_args(argv)
    if args.iterations < 2 or args.concurrency < 1 or args.estates < 0:
        parser.error("need --iterations >= 2, --concurrency >= 1, --estates >= 0")
    return args


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
