"""The tenancy bench's names, and its estates: the target one seeded, the rest made fast."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
from tortoise.connection import get_connection

from bench.common import DB_NAME, asyncpg_dsn, log
from services.estates import provisioning
from services.estates.provisioning import EstateInput
from services.properties import catalog
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION, tenant_scope

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
