"""The reads bench on the embedded default (SQLite files, no Redis): the same estate, the
same two documents, one request at a time, through the compiled read path and through
graphql-core (the COMPILED_READS setting)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import tempfile
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench.common import (
    Result,
    Server,
    build_request,
    free_port,
    log,
    start_server,
    stop_server,
    wait_healthy,
    wait_idle,
)
from bench.reads.load import Variant, answer, login, measure
from bench.reads.world import (
    ADMIN_EMAIL,
    QUERY_A,
    QUERY_B,
    SERVE,
    SLUG,
    World,
    provision,
    schema_name,
)

# (label, COMPILED_READS)
PATHS = (("compiled", "true"), ("graphql-core", "false"))


def sqlite_value(value: Any) -> Any:
    """A value as Tortoise stores it in SQLite: UUIDs as text, instants as
    `isoformat(" ")` (UTC, with the offset), dates as ISO text."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_sqlite(data_dir: Path, world: World, estate_id: uuid.UUID) -> None:
    files = {
        "shared": data_dir / "shared.sqlite3",
        "tenant": data_dir / "tenants" / f"{schema_name()}.sqlite3",
    }
    connections = {store: sqlite3.connect(path) for store, path in files.items()}
    try:
        for store, table, rows, columns in world.tables(estate_id):
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            connections[store].executemany(
                f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                ([sqlite_value(v) for v in row] for row in rows),
            )
        for conn in connections.values():
            conn.commit()
            conn.execute("ANALYZE")
            conn.commit()
    finally:
        for conn in connections.values():
            conn.close()


async def seed_sqlite(data_dir: Path, world: World) -> None:
    """The estate and its admin through the real code, then the world's rows."""
    from tenants.settings import Settings

    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=None, redis_url=None, data_dir=data_dir
    )
    estate_id = await provision(settings)
    await asyncio.to_thread(write_sqlite, data_dir, world, estate_id)


async def run_embedded(
    world: World, expected: dict[str, bytes], args: argparse.Namespace, log_dir: Path
) -> dict[str, Result]:
    """An embedded server per path over a copy of the world, each checked to answer what
    the PostgreSQL server answered, then every (path, document) one request at a time, in
    interleaved slices (so neither path gets the quieter moments of the machine)."""
    servers: list[Server] = []
    scenarios: dict[str, list[Variant]] = {"a": [], "b": []}
    with tempfile.TemporaryDirectory(prefix="bench-reads-sqlite-") as data:
        await seed_sqlite(Path(data), world)
        log(f"\nembedded: {SLUG!r} written to SQLite under a temporary directory")
        env = {
            **os.environ,
            "DATABASE_URL": "",  # blank is unset: the embedded default, whatever .env says
            "REDIS_URL": "",
            "DATA_DIR": data,
            "PYTHONUNBUFFERED": "1",
        }
        try:
            for label, compiled in PATHS:
                command = [*SERVE, "--port", str(free_port())]
                server = start_server(
                    f"embedded-{label}", command, {**env, "COMPILED_READS": compiled}, log_dir
                )
                servers.append(server)
                await wait_healthy(server)
                # Its in-process scheduler's first pass (reminders of the unpaid bills)
                # runs at start: measured reads come after it, not beside it.
                settled = await wait_idle(server)
                log(f"embedded {label}: ready, idle after {settled:.0f}s of start-up jobs")
                for key, variant in (await variants(server, label, world, expected)).items():
                    scenarios[key].append(variant)
            return await measure(scenarios, args, None, 1, args.embedded_seconds)
        finally:
            for server in servers:
                stop_server(server)


async def variants(
    server: Server, label: str, world: World, expected: dict[str, bytes]
) -> dict[str, Variant]:
    """The server's requests for (a) and (b), once it answered each as PostgreSQL did."""
    tokens = {"a": await login(server, world.resident_email), "b": await login(server, ADMIN_EMAIL)}
    found = {}
    for key, query in (("a", QUERY_A), ("b", QUERY_B)):
        body = json.dumps({"query": query}).encode()
        headers = {"Authorization": f"Bearer {tokens[key]}", "X-Tenant": SLUG}
        got = await answer(server, "/graphql", body, headers)
        if got != expected[key]:
            raise SystemExit(
                f"embedded {label} ({key}) answers differently from PostgreSQL:\n"
                f"  sqlite:     {got[:400]!r}\n  postgresql: {expected[key][:400]!r}"
            )
        request = build_request("POST", "/graphql", body, headers, server.port)
        found[key] = Variant(f"({key}) {label}", server, request)
    return found


def report_embedded(results: dict[str, Result]) -> None:
    log(
        "\nembedded (SQLite, no Redis), one request at a time on one keep-alive connection"
        " (COMPILED_READS=true: compiled, false: graphql-core):"
    )
    log(f"{'':<20}{'req/s':>8}{'mean ms':>9}{'p50 ms':>8}{'p99 ms':>8}")
    for r in sorted(results.values(), key=lambda r: r.label):
        mean = sum(r.latencies) / len(r.latencies) * 1000 if r.latencies else float("nan")
        log(f"{r.label:<20}{r.rate:>8.0f}{mean:>9.1f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}")
    for key in ("a", "b"):
        fast, slow = results[f"({key}) compiled"], results[f"({key}) graphql-core"]
        log(
            f"embedded_{key}_speedup: {slow.pct_ms(50) / fast.pct_ms(50):.2f}"
            "  (graphql-core p50 / compiled p50)"
        )
