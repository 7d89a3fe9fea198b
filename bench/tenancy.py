"""Tenant routing benchmark: what a scoped query costs, and whether it grows with estates.

    python bench/tenancy.py [--estates 1000] [--iterations 300] [--database-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench), provisions one target estate holding
50 properties and times, from one client, one operation after another, the `properties`
first page, `catalog.list_properties(20, None, 100)`: a count plus a 21-row keyset page.

* routed: `async with tenant_scope(slug)` around the catalog call, the production path:
  one transaction on the shared tenant pool whose first statement is
  `set_config('search_path', $1, true)`, the router choosing the connection, Tortoise
  building the queries and the model instances.
* baseline ORM (no routing): the same `paginate(Property.all(), ...)` through Tortoise in
  one transaction on a separate one-connection Tortoise asyncpg client whose connection
  has `search_path` fixed to the estate's schema: no `set_config`, no router.
* baseline raw: the exact SQL and parameters Tortoise sent on the routed path (captured
  from its `tortoise.db_client` log) on a plain asyncpg pool with `search_path` fixed to
  the schema, in one transaction, rows left as asyncpg records.
* scope alone: entering and leaving `tenant_scope` with no query in it.

The operations are interleaved (one iteration of each in turn) after a warm-up, so drift
on the machine hits all of them alike. The routed query is timed with the target estate
alone, then again once the other estates (N in all) exist; with N estates it is also timed
rotating over up to 100 estates that each hold the same 50 properties (a different
estate, hence a different `search_path`, on every call).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.connection import get_connection, get_connections

from bench.common import DB_NAME, asyncpg_dsn, log, recreate_database
from estatepay.settings import Settings
from services.estates import provisioning
from services.estates.provisioning import EstateInput
from services.pagination import Page, paginate
from services.properties import catalog
from services.properties.models import Property
from tenants import scope
from tenants.apps import SHARED_CONNECTION
from tenants.database import GUARD_SCHEMA, close_database, init_database
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION, TenantScope, schema_for, tenant_scope

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench"
TARGET_SLUG = "bench-target"
PROPERTIES = 50
PAGE_SIZE = 20
PAGE_CAP = 100
ROTATION = 100  # estates the rotating measurement cycles through
ADMIN_PASSWORD = "bench-Passw0rd!"

Operation = Callable[[], Awaitable[None]]
Statement = tuple[str, list[Any]]

ROUTED = "routed"
ORM = "baseline ORM"
RAW = "baseline raw"
SCOPE = "scope alone"
ROTATING = "routed, rotating estates"
ONE_COPY = "routed, 1-estate db copy"


@dataclass(frozen=True)
class Stats:
    label: str
    samples: list[float]  # seconds

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p99_ms(self) -> float:
        return statistics.quantiles(self.samples, n=100, method="inclusive")[98] * 1000

    @property
    def mean_ms(self) -> float:
        return statistics.fmean(self.samples) * 1000


def paired_ratio(a: Stats, b: Stats) -> float:
    """Median of a_i / b_i over iterations timed side by side: robust to drift."""
    return statistics.median(x / y for x, y in zip(a.samples, b.samples, strict=True))


def estate_input(slug: str) -> EstateInput:
    return EstateInput(
        slug=slug,
        name=f"Estate {slug}",
        currency="NGN",
        timezone="Africa/Lagos",
        admin_email=f"admin+{slug}@bench.example.com",
        admin_full_name=f"Admin {slug}",
        admin_password=ADMIN_PASSWORD,
    )


# --- database setup -----------------------------------------------------------------


async def copy_database(url: str, copy_url: str) -> None:
    """Recreate `copy_url`'s database as a copy of `url`'s (which must have no sessions)."""
    source, copy = (urlsplit(u).path.lstrip("/") for u in (url, copy_url))
    if not (DB_NAME.match(source) and DB_NAME.match(copy)):
        raise SystemExit(f"bad database names {source!r}, {copy!r}")
    conn = await asyncpg.connect(asyncpg_dsn(url, "postgres"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        for attempt in range(50):  # closed sessions take a moment to go away
            try:
                await conn.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{source}"')
                break
            except asyncpg.ObjectInUseError:
                if attempt == 49:
                    raise
                await asyncio.sleep(0.1)
    finally:
        await conn.close()


async def drop_database(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    conn = await asyncpg.connect(asyncpg_dsn(url, "postgres"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def copy_url_for(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_one"))


# --- provisioning and seeding -------------------------------------------------------


async def provision_fast(slug: str) -> None:
    """What create_estate does for the schema, without the admin user (and its argon2
    hash), the membership and the audit row: registry row, schema, migrations, ACTIVE."""
    estate = await Estate.create(
        slug=slug, name=f"Estate {slug}", currency="NGN", timezone="Africa/Lagos"
    )
    await provisioning.create_schema(slug)
    await provisioning.migrate_estate(slug)
    estate.status = "ACTIVE"
    await estate.save(update_fields=["status"])


@dataclass
class ProvisionTimings:
    create_estate_ms: float | None = None  # per estate, sequential
    rest_mode: str = ""
    rest_ms: float | None = None  # per estate, wall clock
    total_s: float = 0.0


async def provision_extra(
    count: int, concurrency: int, sample: int, budget_seconds: float
) -> ProvisionTimings:
    """Provision `count` more estates. The first `sample` go through create_estate one by
    one; if the rest would take longer than `budget_seconds` that way, they are provisioned
    with `provision_fast`, `concurrency` at a time."""
    timings = ProvisionTimings()
    slugs = [f"bench-{i:05d}" for i in range(1, count + 1)]
    sample = min(sample, len(slugs))
    begun = time.perf_counter()
    for slug in slugs[:sample]:
        await provisioning.create_estate(estate_input(slug))
    rest = slugs[sample:]
    projected = 0.0
    if sample:
        per_estate = (time.perf_counter() - begun) / sample
        timings.create_estate_ms = per_estate * 1000
        projected = per_estate * len(rest)
        log(
            f"  create_estate: {sample} estates, {per_estate * 1000:.0f} ms each (sequential);"
            f" the other {len(rest)} would take ~{projected:.0f}s"
        )
    started = time.perf_counter()
    done = 0

    def progress() -> None:
        if done % 100 == 0 or done == len(rest):
            log(f"  {sample + done}/{count} estates ({time.perf_counter() - started:.1f}s)")

    if rest and sample and projected <= budget_seconds:
        timings.rest_mode = "create_estate"
        log(f"  provisioning the other {len(rest)} with create_estate, one at a time")
        for slug in rest:
            await provisioning.create_estate(estate_input(slug))
            done += 1
            progress()
    elif rest:
        timings.rest_mode = "fast"
        log(
            f"  over the {budget_seconds:.0f}s budget: the other {len(rest)} get registry row"
            f" + create_schema + migrate_estate + ACTIVE, {concurrency} at a time"
        )
        gate = asyncio.Semaphore(concurrency)

        async def one(slug: str) -> None:
            nonlocal done
            async with gate:
                await provision_fast(slug)
            done += 1
            progress()

        await asyncio.gather(*(one(slug) for slug in rest))
    if rest:
        timings.rest_ms = (time.perf_counter() - started) * 1000 / len(rest)
    timings.total_s = time.perf_counter() - begun
    return timings


async def seed_target() -> None:
    async with tenant_scope(TARGET_SLUG):
        for i in range(PROPERTIES):
            await catalog.create_property(None, f"Block {i:02d}", f"{i} Bench Close")


async def seed_bulk(slug: str) -> None:
    """The same 50 properties as the target, in one statement (for the rotation)."""
    async with tenant_scope(slug):
        await get_connection(TENANT_CONNECTION).execute_query(
            "INSERT INTO properties (id, name, address, created_at) "
            "SELECT gen_random_uuid(), 'Block ' || g, g || ' Bench Close', "
            "now() + g * interval '1 millisecond' FROM generate_series(1, $1::int) AS g",
            [PROPERTIES],
        )


# --- the timed operations -----------------------------------------------------------


async def check_page(page: Page[Any], where: str) -> None:
    """The page, and its totalCount as a client asking for it gets (in the same
    transaction: call inside the scope)."""
    total = await page.count()
    if len(page.items) != PAGE_SIZE or total != PROPERTIES or not page.has_next_page:
        raise AssertionError(
            f"{where}: {len(page.items)} items, total {total}, has_next_page {page.has_next_page}"
        )


async def routed_page(slug: str) -> None:
    async with tenant_scope(slug):
        page = await catalog.list_properties(PAGE_SIZE, None, PAGE_CAP)
        await check_page(page, slug)


async def routed_once() -> None:
    await routed_page(TARGET_SLUG)


async def scope_only_once() -> None:
    async with tenant_scope(TARGET_SLUG):
        pass


def make_rotating(slugs: list[str]) -> Operation:
    position = 0

    async def once() -> None:
        nonlocal position
        slug = slugs[position % len(slugs)]
        position += 1
        await routed_page(slug)

    return once


class SqlCapture(logging.Handler):
    """Collects the statements Tortoise sends (it logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[Statement] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 2:
            query, values = record.args
            params: list[Any] = list(values) if isinstance(values, list | tuple) else []
            self.statements.append((str(query), params))


async def capture_routed_sql() -> list[Statement]:
    logger = logging.getLogger("tortoise.db_client")
    capture = SqlCapture()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        await routed_once()
    finally:
        logger.removeHandler(capture)
        logger.setLevel(level)
        logger.propagate = propagate
    return capture.statements


async def asyncpg_client(url: str, name: str, schema: str) -> AsyncpgDBClient:
    credentials: dict[str, Any] = expand_db_url(url)["credentials"]
    client = AsyncpgDBClient(
        connection_name=name, **{**credentials, "schema": schema, "minsize": 1, "maxsize": 1}
    )
    await client.create_connection(with_db=True)
    return client


def make_routed_on(client: AsyncpgDBClient) -> Operation:
    """The routed operation, unchanged, with the tenant connection swapped for `client`
    (a tenant pool on the one-estate copy of the database) for this call only."""

    async def once() -> None:
        token = get_connections().set(TENANT_CONNECTION, client)
        try:
            await routed_once()
        finally:
            get_connections().reset(token)

    return once


def make_orm_baseline(client: AsyncpgDBClient) -> Operation:
    async def once() -> None:
        # TenantModel asks the current scope which estate a loaded row belongs to; set the
        # context variable alone (it opens no transaction and sets no search_path).
        token = scope._current.set(TenantScope(TARGET_SLUG))
        try:
            async with client._in_transaction() as tx:
                page = await paginate(Property.all().using_db(tx), PAGE_SIZE, None, PAGE_CAP)
                await check_page(page, "baseline ORM")
        finally:
            scope._current.reset(token)

    return once


def make_raw_baseline(pool: asyncpg.Pool, queries: list[Statement]) -> Operation:
    # The page runs first, then the count (totalCount is counted when asked for).
    (count_sql, count_args), (page_sql, page_args) = sorted(
        queries, key=lambda query: "COUNT(" not in query[0].upper()
    )

    async def once() -> None:
        async with pool.acquire() as conn, conn.transaction():
            total = await conn.fetchval(count_sql, *count_args)
            rows = await conn.fetch(page_sql, *page_args)
        if total != PROPERTIES or len(rows) != PAGE_SIZE + 1:
            raise AssertionError(f"baseline raw: total {total}, {len(rows)} rows")

    return once


async def measure(
    operations: dict[str, Operation], iterations: int, warmup: int
) -> dict[str, Stats]:
    """Warm each operation up, then time them interleaved, one iteration each in turn."""
    for op in operations.values():
        for _ in range(warmup):
            await op()
    samples: dict[str, list[float]] = {label: [] for label in operations}
    gc.collect()
    for _ in range(iterations):
        for label, op in operations.items():
            started = time.perf_counter()
            await op()
            samples[label].append(time.perf_counter() - started)
    stats = {label: Stats(label, values) for label, values in samples.items()}
    for s in stats.values():
        log(f"  {s.label:<26} median {s.median_ms:7.3f} ms   p99 {s.p99_ms:7.3f} ms")
    return stats


async def measure_phase(
    url: str,
    iterations: int,
    warmup: int,
    rotation: list[str],
    one_estate_copy: AsyncpgDBClient | None = None,
) -> tuple[dict[str, Stats], list[Statement]]:
    statements = await capture_routed_sql()
    queries = [(sql, args) for sql, args in statements if "set_config" not in sql]
    if len(queries) != 2:
        raise AssertionError(f"expected a count and a page query, captured {statements}")
    schema = schema_for(TARGET_SLUG)
    client = await asyncpg_client(url, "bench_unrouted", schema)
    pool = await asyncpg.create_pool(
        asyncpg_dsn(url), min_size=1, max_size=1, server_settings={"search_path": schema}
    )
    operations: dict[str, Operation] = {ROUTED: routed_once}
    if one_estate_copy is not None:
        operations[ONE_COPY] = make_routed_on(one_estate_copy)
    operations |= {
        ORM: make_orm_baseline(client),
        RAW: make_raw_baseline(pool, queries),
        SCOPE: scope_only_once,
    }
    if rotation:
        operations[ROTATING] = make_rotating(rotation)
    try:
        stats = await measure(operations, iterations, warmup)
    finally:
        await client.close()
        await pool.close()
    return stats, statements


async def cross_estate_check(slugs: list[str]) -> None:
    """Alternate scopes between estates on the shared pool: each must see its own rows,
    whatever statements its connection prepared for another estate."""
    for _ in range(3):
        for slug in slugs:
            async with tenant_scope(slug):
                total = await Property.all().count()
                names = await Property.filter(name="Block 00").count()
            expected = (PROPERTIES, 1) if slug == TARGET_SLUG else (0, 0)
            if (total, names) != expected:
                raise AssertionError(f"estate {slug}: saw {(total, names)}, not {expected}")


# --- main ---------------------------------------------------------------------------


def pool_sizes() -> str:
    sizes = []
    for name in (SHARED_CONNECTION, TENANT_CONNECTION):
        pool = getattr(get_connection(name), "_pool", None)
        size = "?" if pool is None else f"{pool.get_size()}/{pool.get_max_size()}"
        sizes.append(f"{name} pool {size}")
    return ", ".join(sizes)


async def connection_count() -> int:
    rows = await get_connection(SHARED_CONNECTION).execute_query_dict(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()"
    )
    return int(rows[0]["n"])


def report(
    n: int,
    one: dict[str, Stats],
    many: dict[str, Stats],
    statements: list[Statement],
    timings: ProvisionTimings,
    schemas: int,
    connections: tuple[int, int],
    pools: str,
) -> None:
    log("\nSQL of the routed path (asyncpg sends BEGIN and COMMIT itself; not logged):")
    for sql, values in statements:
        log(f"  {sql}  {values}")
    log("\nWhat is timed (one client, sequential, interleaved):")
    log(f"  {ROUTED:<25} tenant_scope(slug) + catalog.list_properties(20, None, 100)")
    log(f"  {ORM:<25} same paginate(Property.all()), Tortoise, one transaction on a pool")
    log(f"  {'':<25} with search_path fixed to the schema: no set_config, no router")
    log(f"  {RAW:<25} the captured count + page SQL, asyncpg pool with search_path fixed,")
    log(f"  {'':<25} one transaction, no model instances")
    log(f"  {SCOPE:<25} tenant_scope with nothing in it: BEGIN + set_config + COMMIT")
    log(f"  {ROTATING:<25} routed, each call in the next of {ROTATION} estates with 50 rows")
    log(f"  {ONE_COPY:<25} routed, timed with the {n}-estate runs but on a tenant pool over a")
    log(f"  {'':<25} copy of the database taken when it held the target estate alone")
    header = f"{'operation':<26}{'phase':>7}{'estates':>8}"
    log(f"\n{header}{'median ms':>11}{'p99 ms':>10}{'mean ms':>10}")
    for phase, results in ((1, one), (2, many)):
        for s in results.values():
            estates = 1 if phase == 1 or s.label == ONE_COPY else n
            log(
                f"{s.label:<26}{phase:>7}{estates:>8}"
                f"{s.median_ms:>11.3f}{s.p99_ms:>10.3f}{s.mean_ms:>10.3f}"
            )
    log()
    if timings.create_estate_ms is not None:
        log(f"create_estate_ms_per_estate: {timings.create_estate_ms:.0f}")
    if timings.rest_ms is not None:
        log(f"provision_{timings.rest_mode}_ms_per_estate: {timings.rest_ms:.1f}")
    log(f"provision_total_s: {timings.total_s:.1f}")
    log(f"tenant_schemas: {schemas}")
    log(f"db_connections: {connections[0]} with 1 estate, {connections[1]} at the end ({pools})")
    log(
        f"routing_overhead_ratio: {one[ROUTED].median_ms / one[ORM].median_ms:.2f}"
        f"  (routed / baseline ORM medians, 1 estate; {n} estates:"
        f" {many[ROUTED].median_ms / many[ORM].median_ms:.2f})"
    )
    log(
        f"routed_vs_raw_sql_ratio: {one[ROUTED].median_ms / one[RAW].median_ms:.2f}"
        f"  (routed / baseline raw medians, 1 estate)"
    )
    if ONE_COPY in many:
        log(
            f"estates_{n}_vs_1_ratio: {many[ROUTED].median_ms / many[ONE_COPY].median_ms:.2f}"
            f"  (routed medians, {n}-estate db / 1-estate copy, interleaved in phase 2;"
            f" p99: {many[ROUTED].p99_ms / many[ONE_COPY].p99_ms:.2f};"
            f" median of per-iteration ratios: {paired_ratio(many[ROUTED], many[ONE_COPY]):.2f})"
        )
    log(
        f"estates_{n}_vs_1_ratio_sequential: {many[ROUTED].median_ms / one[ROUTED].median_ms:.2f}"
        f"  (routed medians, phase 2 / phase 1; p99: "
        f"{many[ROUTED].p99_ms / one[ROUTED].p99_ms:.2f}; machine drift shown by baseline raw"
        f" phase 2 / phase 1: {many[RAW].median_ms / one[RAW].median_ms:.2f})"
    )
    if ROTATING in many:
        log(
            f"rotating_vs_fixed_ratio: {many[ROTATING].median_ms / many[ROUTED].median_ms:.2f}"
            f"  (routed medians, {n} estates)"
        )


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
        description="Tenant routing benchmark (drops and recreates its database)."
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
