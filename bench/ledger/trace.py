"""The ledger bench's checks: the statements one payment runs, its locks, and the ledger."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from typing import Any

from tortoise.connection import get_connection

from bench.common import (
    log,
)
from bench.ledger.payers import PayOne
from bench.ledger.world import SLUG, Job
from tenants.scope import TENANT_CONNECTION, tenant_scope

# --- the per-statement breakdown ----------------------------------------------------


@dataclass
class Trace:
    label: str
    wall: list[float] = field(default_factory=list)
    in_db: list[float] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    first: list[tuple[str, float]] = field(default_factory=list)


class QueryLog:
    def __init__(self) -> None:
        self.records: list[tuple[str, float]] = []

    def __call__(self, record: Any) -> None:
        self.records.append((" ".join(str(record.query).split()), float(record.elapsed)))


def pool_connections(pool: Any) -> list[Any]:
    """The open connections of an asyncpg pool (private API: bench-only)."""
    return [holder._con for holder in pool._holders if holder._con is not None]


async def traced(
    payers: dict[str, tuple[PayOne, Any]], jobs: list[Job], rounds: int
) -> list[Trace]:
    """One client, one payment after another (the variants interleaved, so drift in the
    disk's flush time hits all alike), every statement logged with its time by asyncpg's
    query logger on every connection of the variant's pool (BEGIN, SAVEPOINT, COMMIT and
    the pool's reset on release included)."""
    traces = {label: Trace(label) for label in payers}
    queue = iter(jobs)
    for _ in range(rounds):
        for label, (pay, pool) in payers.items():
            trace, queries = traces[label], QueryLog()
            connections = pool_connections(pool)
            for conn in connections:
                conn.add_query_logger(queries)
            begun = time.perf_counter()
            try:
                await pay(next(queue))
            finally:
                for conn in connections:
                    conn.remove_query_logger(queries)
            trace.wall.append(time.perf_counter() - begun)
            trace.statements.append(len(queries.records))
            trace.in_db.append(sum(elapsed for _, elapsed in queries.records))
            trace.first = trace.first or queries.records
    return list(traces.values())


def show_trace(trace: Trace) -> None:
    wall = statistics.median(trace.wall) * 1000
    in_db = statistics.median(trace.in_db) * 1000
    log(
        f"  {trace.label:<15} {trace.statements[0]:>3} statements, median {wall:6.2f} ms per"
        f" payment: {in_db:5.2f} ms waiting on PostgreSQL, {wall - in_db:5.2f} ms in Python"
    )


def show_statements(trace: Trace) -> None:
    log(f"\nstatements of one {trace.label} payment (one client, after warm-up):")
    for n, (sql, elapsed) in enumerate(trace.first, 1):
        short = sql if len(sql) <= 110 else sql[:107] + "..."
        log(f"  {n:>2} {elapsed * 1000:6.2f} ms  {short}")


# --- after the run: the ledger and the lock plan ----------------------------------


async def verify() -> str:
    try:
        from services.ledger.verify import verify_ledger
    except ImportError as exc:
        return f"skipped: services.ledger.verify is not available ({exc})"
    async with tenant_scope(SLUG):
        problems = await verify_ledger()
    if not problems:
        return "ok (no broken invariant)"
    shown = "; ".join(problems[:5])
    return f"{len(problems)} problems: {shown}"


async def lock_plan() -> list[str]:
    """How PostgreSQL runs the service's account lock (`Account.filter(id__in=ids)
    .select_for_update()`, no ORDER BY): the order rows are locked in is the plan's."""
    async with tenant_scope(SLUG):
        conn: Any = get_connection(TENANT_CONNECTION)
        ids = [
            str(r["id"])
            for r in await conn.execute_query_dict("SELECT id FROM ledger_accounts LIMIT 2")
        ]
        rows = await conn.execute_query_dict(
            "EXPLAIN SELECT * FROM ledger_accounts WHERE id IN ($1, $2) FOR UPDATE", ids
        )
    return [str(r["QUERY PLAN"]) for r in rows]
