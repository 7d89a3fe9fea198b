"""The ledger bench's measurement: timed slices of payments, and where the time and CPU went."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import math
import os
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import asyncpg

from bench.common import (
    cpu_jiffies,
    cpu_used,
    log,
    process_cpu,
)
from bench.ledger.payers import PayOne
from bench.ledger.world import WARMUP_BILLS_PER_CLIENT, Job, World, make_bills

# --- measuring ----------------------------------------------------------------------


class ActivitySampler:
    """Samples pg_stat_activity every `interval` s: where the transactions' time goes."""

    def __init__(self, dsn: str, counts: Counter[str], interval: float = 0.02) -> None:
        self.dsn = dsn
        self.interval = interval
        self.counts = counts
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> ActivitySampler:
        conn = await asyncpg.connect(self.dsn)
        self._task = asyncio.create_task(self._run(conn))
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task

    async def _run(self, conn: asyncpg.Connection) -> None:
        try:
            while not self._stop.is_set():
                rows = await conn.fetch(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND backend_type = 'client backend' AND state <> 'idle'"
                )
                for row in rows:
                    self.counts[self.classify(row["state"], row["wait_event_type"])] += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stop.wait(), self.interval)
        finally:
            await conn.close()

    @staticmethod
    def classify(state: str, wait_type: str | None) -> str:
        if state.startswith("idle in transaction"):
            return "in transaction, waiting for the client"
        if wait_type == "Lock":
            return "waiting on a row lock"
        if wait_type is None:
            return "executing"
        if wait_type in ("IO", "LWLock", "IPC"):
            return "I/O, WAL flush, internal locks"
        return f"other ({wait_type})"


async def backend_pids(dsn: str) -> list[int]:
    """The server processes of every connection to the bench database."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )
    finally:
        await conn.close()
    return [int(r["pid"]) for r in rows]


@dataclass
class Result:
    label: str
    payments: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    ran_out: int = 0
    errors: list[str] = field(default_factory=list)
    bench_cpu_s: float = 0.0  # this process: the clients (service code or asyncpg calls)
    backend_cpu_s: float = 0.0  # the PostgreSQL backends of the bench database
    busy_jiffies: int = 0
    total_jiffies: int = 0
    activity: Counter[str] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.payments / self.seconds if self.seconds else 0.0

    def pct_ms(self, q: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000

    def per_payment_ms(self, cpu_s: float) -> float:
        return cpu_s / self.payments * 1000 if self.payments else float("nan")

    @property
    def machine_busy(self) -> float:
        """Busy share of all cores while this variant ran."""
        return self.busy_jiffies / self.total_jiffies if self.total_jiffies else 0.0

    @property
    def other_cpu_share(self) -> float:
        """Busy share of all cores used by anything but this process and its backends
        (other programs, PostgreSQL's WAL writer and checkpointer)."""
        if not self.total_jiffies:
            return 0.0
        cores = os.cpu_count() or 1
        all_cpu_s = self.busy_jiffies / self.total_jiffies * self.seconds * cores
        return max(0.0, all_cpu_s - self.bench_cpu_s - self.backend_cpu_s) / (self.seconds * cores)

    def activity_summary(self) -> str:
        total = sum(self.activity.values())
        if not total:
            return "no samples"
        return ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in self.activity.most_common())


async def run_slice(
    result: Result, pay: PayOne, queues: list[Iterator[Job]], seconds: float, dsn: str
) -> None:
    """Each client pays the next bills of its own queue, one after another, until the time
    is up; the figures add to `result`."""
    gc.collect()
    deadline = 0.0

    async def client(jobs: Iterator[Job]) -> None:
        while time.perf_counter() < deadline:
            job = next(jobs, None)
            if job is None:
                result.ran_out += 1
                return
            begun = time.perf_counter()
            try:
                await pay(job)
            except Exception as exc:  # keep going; reported (and fatal) at the end
                result.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            result.latencies.append(time.perf_counter() - begun)
            result.payments += 1

    pids = await backend_pids(dsn)
    async with ActivitySampler(dsn, result.activity):
        cpu0, pg0, (busy0, total0) = time.process_time(), process_cpu(pids), cpu_jiffies()
        started = time.perf_counter()
        deadline = started + seconds
        # Bounded even if a payment never returns.
        await asyncio.wait_for(asyncio.gather(*(client(q) for q in queues)), seconds + 120)
        result.seconds += time.perf_counter() - started
        cpu1, pg1, (busy1, total1) = time.process_time(), process_cpu(pids), cpu_jiffies()
    result.bench_cpu_s += cpu1 - cpu0
    result.backend_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def measure(
    payers: dict[str, PayOne], world: World, args: argparse.Namespace, dsn: str
) -> dict[str, Result]:
    """Warm each variant up, give it enough bills for its measured time (from its warm-up
    rate, with a margin), then measure the variants in interleaved slices (the order turned
    each round), so load from anything else on the machine hits all of them alike."""
    rounds = max(1, math.ceil(args.seconds / args.slice))
    queues: dict[str, list[Iterator[Job]]] = {}
    for label, pay in payers.items():
        warm = await make_bills(world, WARMUP_BILLS_PER_CLIENT, f"{label} warm-up")
        warmup = Result(label)
        await run_slice(warmup, pay, [iter(q) for q in warm], args.warmup, dsn)
        if warmup.errors:
            raise SystemExit(f"{label} warm-up failed: {warmup.errors[:3]}")
        log(
            f"  {label} warm-up {warmup.seconds:.1f}s: {warmup.rate:.0f} payments/s"
            f"{' (a client used up its warm-up bills)' if warmup.ran_out else ''}"
        )
        per_client = math.ceil(warmup.rate / len(world.clients) * args.seconds * 2.5) + 100
        queues[label] = [iter(q) for q in await make_bills(world, per_client, label)]
    results = {label: Result(label) for label in payers}
    order = list(payers)
    log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
    for n in range(rounds):
        for label in order[n % len(order) :] + order[: n % len(order)]:
            await run_slice(
                results[label], payers[label], queues[label], args.seconds / rounds, dsn
            )
    for r in results.values():
        log(
            f"  {r.label}: {r.payments:,} payments in {r.seconds:.1f}s, {r.rate:.0f} payments/s,"
            f" p50 {r.pct_ms(50):.1f} ms, p99 {r.pct_ms(99):.1f} ms"
        )
        if r.errors:
            raise SystemExit(f"{r.label}: {len(r.errors)} payments failed: {r.errors[:3]}")
        if r.ran_out:
            raise SystemExit(f"{r.label}: {r.ran_out} clients ran out of bills; rerun")
    return results
