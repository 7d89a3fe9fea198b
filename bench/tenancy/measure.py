"""The tenancy bench's timing: paired runs of each operation, their ratios and the report."""

from __future__ import annotations

import gc
import statistics
import time
from dataclasses import dataclass

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.connection import get_connection

from bench.common import asyncpg_dsn, log
from bench.tenancy.operations import (
    asyncpg_client,
    capture_routed_sql,
    make_orm_baseline,
    make_raw_baseline,
    make_rotating,
    make_routed_on,
    routed_once,
    scope_only_once,
)
from bench.tenancy.world import (
    ONE_COPY,
    ORM,
    PROPERTIES,
    RAW,
    ROTATING,
    ROTATION,
    ROUTED,
    SCOPE,
    TARGET_SLUG,
    Operation,
    ProvisionTimings,
    Statement,
)
from services.properties.models import Property
from tenants.apps import SHARED_CONNECTION
from tenants.scope import TENANT_CONNECTION, schema_for, tenant_scope


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


# --- the pools, and the report ------------------------------------------------------


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
