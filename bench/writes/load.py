"""The writes bench's load: its variants (a mutation through a server at N connections, or
pgbench's transfer), interleaved timed slices, and the table they make."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from bench.common import (
    Result,
    Server,
    cpu_jiffies,
    cpu_used,
    log,
    postgres_pids,
    process_cpu,
    process_tree,
    read_response,
)
from bench.writes import pgbench
from bench.writes.operations import NextRequest, Operation, sources
from bench.writes.world import Estate

RAN_OUT = "ran out of rows to write"


@dataclass(frozen=True)
class ApiVariant:
    """One mutation through one server at `connections` keep-alive connections."""

    label: str
    operation: Operation
    connections: int
    server: Server
    estate: Estate
    monitor: asyncpg.Connection | None  # None: no PostgreSQL (the embedded default)

    async def run(self, seconds: float, result: Result) -> None:
        await load(self, seconds, result)


@dataclass(frozen=True)
class PgbenchVariant:
    label: str
    connections: int
    url: str
    wallets: int
    work_dir: Path

    async def run(self, seconds: float, result: Result) -> None:
        await pgbench.run(
            self.url, self.connections, max(1, round(seconds)), self.wallets, self.work_dir, result
        )


Variant = ApiVariant | PgbenchVariant


async def load(variant: ApiVariant, seconds: float, result: Result) -> None:
    """Each connection sends its next request as soon as the answer to the last is in,
    until the time is up. Bounded: ends at the deadline (+60 s for a stuck server). A
    failed answer is counted and the connection goes on; a dropped connection stops."""
    server, port = variant.server, variant.server.port
    next_requests = sources(variant.operation, variant.estate, port, variant.connections)
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for _ in next_requests:
            opened.append(await asyncio.open_connection("127.0.0.1", port))
    except OSError:
        for _, writer in opened:
            writer.close()
        raise
    gc.collect()
    deadline = 0.0
    expect = variant.operation.expect

    async def one(
        reader: asyncio.StreamReader, writer: asyncio.StreamWriter, next_request: NextRequest
    ) -> None:
        while time.perf_counter() < deadline:
            request = next_request()
            if request is None:
                result.failures.append(RAN_OUT)
                return
            begun = time.perf_counter()
            writer.write(request)
            try:
                status, body = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError) as error:
                result.failures.append(f"the server closed the connection: {error!r}")
                return
            if status != 200 or b'"errors"' in body or expect not in body:
                result.failures.append(f"{status}: {body[:300]!r}")
                continue
            result.latencies.append(time.perf_counter() - begun)
            result.requests += 1

    server_pids = process_tree(server.process.pid)  # its workers too
    pg_pids = await postgres_pids(variant.monitor) if variant.monitor is not None else []
    try:
        cpu0, srv0 = time.process_time(), process_cpu(server_pids)
        pg0, (busy0, total0) = process_cpu(pg_pids), cpu_jiffies()
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.wait_for(
            asyncio.gather(
                *(one(r, w, n) for (r, w), n in zip(opened, next_requests, strict=True))
            ),
            seconds + 60,
        )
        result.seconds += time.perf_counter() - started
        cpu1, srv1 = time.process_time(), process_cpu(server_pids)
        pg1, (busy1, total1) = process_cpu(pg_pids), cpu_jiffies()
    finally:
        for _, writer in opened:
            writer.close()
        for _, writer in opened:
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    result.generator_cpu_s += cpu1 - cpu0
    result.server_cpu_s += cpu_used(srv0, srv1)
    result.postgres_cpu_s += cpu_used(pg0, pg1) if variant.monitor is not None else math.nan
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


def stop_on_failures(variant: Variant, result: Result, phase: str) -> None:
    if RAN_OUT in result.failures:
        raise SystemExit(
            f"{variant.label} {phase}: {RAN_OUT}: seed more bills per resident"
            " (--bills-per-resident) or measure for less time"
        )
    if isinstance(variant, PgbenchVariant) and result.failures:
        raise SystemExit(f"{variant.label} {phase} failed: {result.failures[:2]}")


async def measure(
    variants: list[Variant], seconds: float, slice_s: int, warmup: float
) -> dict[str, Result]:
    """Warm each variant up, then measure them in interleaved slices of `slice_s` (the
    order turned each round), so load from anything else on the machine hits all alike.
    API failures are counted and shown, not fatal: the report says how many."""
    for variant in variants:
        warm = Result(variant.label)
        await variant.run(warmup, warm)
        stop_on_failures(variant, warm, "warm-up")
        errors = f", {len(warm.failures)} errors" if warm.failures else ""
        log(f"  {variant.label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f}/s{errors}")
    rounds = max(1, math.ceil(seconds / slice_s))
    log(f"  measuring: {rounds} rounds of {seconds / rounds:.1f}s per variant")
    results = {v.label: Result(v.label) for v in variants}
    for n in range(rounds):
        turn = variants[n % len(variants) :] + variants[: n % len(variants)]
        for variant in turn:
            result = results[variant.label]
            await variant.run(seconds / rounds, result)
            stop_on_failures(variant, result, "measuring")
    return results


def busy(r: Result, cpu_s: float) -> str:
    return "-" if math.isnan(cpu_s) else f"{100 * r.share(cpu_s):.0f}%"


def report(title: str, results: dict[str, Result]) -> None:
    width = max(len(label) for label in results) + 2
    log(f"\n{title}")
    log(
        f"{'':<{width}}{'tps':>7}{'p50 ms':>8}{'p99 ms':>8}{'errors':>7}{'server':>8}"
        f"{'server CPU':>12}{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(f"{'':<{width}}{'':>30}{'busy':>8}{'per req':>12}{'busy':>9}{'busy':>10}{'busy':>8}")
    for r in results.values():
        per_req = r.server_cpu_s / r.requests * 1000 if r.requests else math.nan
        server = "-" if not r.server_cpu_s else busy(r, r.server_cpu_s)
        per = "-" if not r.server_cpu_s else f"{per_req:.2f} ms"
        mine = r.generator_cpu_s + r.server_cpu_s
        mine += 0.0 if math.isnan(r.postgres_cpu_s) else r.postgres_cpu_s
        others = (
            "-" if not r.server_cpu_s else f"{100 * max(0.0, r.machine_busy - r.share(mine)):.0f}%"
        )
        log(
            f"{r.label:<{width}}{r.rate:>7.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{len(r.failures):>7}{server:>8}{per:>12}{busy(r, r.generator_cpu_s):>9}"
            f"{busy(r, r.postgres_cpu_s):>10}{others:>8}"
        )
    log(
        f"  (busy: share of all {os.cpu_count()} cores while the variant ran. server: its"
        " processes; loadgen: this process, or pgbench; postgres: the backends of the bench"
        " database (not counted for pgbench, whose backends end with it); others: the rest"
        " of the machine)"
    )
    for r in results.values():
        if r.failures:
            log(f"  {r.label}: {len(r.failures)} errors, the first: {r.failures[0]}")
