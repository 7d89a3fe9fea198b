"""payBillFromWallet on the embedded default (SQLite files, no Redis): an estate of its own
written by the same seeding code, one server, one request at a time and at 8 connections."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench.common import (
    Result,
    free_port,
    log,
    start_server,
    stop_server,
    wait_healthy,
    wait_idle,
)
from bench.writes.load import ApiVariant, Variant, measure
from bench.writes.operations import PAY_BILL
from bench.writes.world import SECRET_KEY, SERVE, SLUG, Estate, seed

EMBEDDED_CONNECTIONS = (1, 8)


async def seed_sqlite(data_dir: Path, residents: int, bills_each: int) -> Estate:
    from tenants.database import close_database, init_database
    from tenants.settings import Settings

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=None, redis_url=None, data_dir=data_dir
    )
    await init_database(settings)
    try:
        return await seed(SLUG, residents, bills_each, 0)
    finally:
        await close_database()


async def run_embedded(args: argparse.Namespace, log_dir: Path) -> dict[str, Result]:
    with tempfile.TemporaryDirectory(prefix="bench-writes-sqlite-") as data:
        log("\nembedded: seeding SQLite files under a temporary directory")
        estate = await seed_sqlite(
            Path(data), args.embedded_residents, args.embedded_bills_per_resident
        )
        env = {
            **os.environ,
            "DATABASE_URL": "",  # blank is unset: the embedded default, whatever .env says
            "REDIS_URL": "",
            "DATA_DIR": data,
            "SECRET_KEY": SECRET_KEY,
            "PYTHONUNBUFFERED": "1",
        }
        server = start_server("embedded", [*SERVE, "--port", str(free_port())], env, log_dir)
        try:
            await wait_healthy(server)
            # Its in-process scheduler's first pass runs at start: measure after it.
            settled = await wait_idle(server)
            log(f"embedded: ready, idle after {settled:.0f}s of start-up jobs")
            variants: list[Variant] = [
                ApiVariant(f"{PAY_BILL.name} @{c}", PAY_BILL, c, server, estate, None)
                for c in EMBEDDED_CONNECTIONS
            ]
            return await measure(variants, args.embedded_seconds, args.slice, args.warmup)
        finally:
            stop_server(server)
