"""Part 1 of the webhooks bench: webhooks received per second at the shim vs a bare route."""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from bench.common import (
    Result,
    Server,
    cpu_jiffies,
    cpu_used,
    free_port,
    log,
    postgres_pids,
    process_cpu,
    start_server,
    stop_server,
    wait_healthy,
)
from bench.webhooks.loadgen import Loadgen, signed_event, start_loadgens
from bench.webhooks.world import (
    BARE,
    ID_BLOCK,
    QUEUE,
    SCHEMA,
    SECRET,
    SELF,
    SHIM,
    SLUG,
    START_LEAD_S,
)
from estatepay.demo.fakes.paystack import FakePaystack

# --- part 1: receiving ----------------------------------------------------------------


@dataclass
class Received:
    results: dict[str, Result]
    # Each load generator process's CPU over each slice, as a share of one core.
    loadgen_peaks: dict[str, float] = field(default_factory=dict)
    accepted: int = 0
    stored: int = 0
    enqueued: int = 0


async def load_slice(
    client: str,
    label: str,
    server: Server,
    loadgens: list[Loadgen],
    seconds: float,
    result: Result,
    peaks: dict[str, float],
    monitor: asyncpg.Connection,
) -> None:
    start_at = time.time() + START_LEAD_S
    for lg in loadgens:
        lg.order(
            {
                "port": server.port,
                "path": f"/webhooks/paystack/{SLUG}",
                "senders": lg.senders,
                "client": client,
                "seconds": seconds,
                "start_at": start_at,
            }
        )
    pg_pids = await postgres_pids(monitor)
    await asyncio.sleep(max(0.0, start_at - time.time()))
    srv0, pg0, (busy0, total0) = (
        process_cpu([server.process.pid]),
        process_cpu(pg_pids),
        cpu_jiffies(),
    )
    # Bounded even if a server stops answering.
    answers = await asyncio.wait_for(
        asyncio.gather(*(lg.result() for lg in loadgens)), seconds + 120
    )
    srv1, pg1, (busy1, total1) = (
        process_cpu([server.process.pid]),
        process_cpu(pg_pids),
        cpu_jiffies(),
    )
    start = min(a["start"] for a in answers)
    result.seconds += max(a["start"] + a["seconds"] for a in answers) - start
    for a in answers:
        result.latencies += a["latencies"]
        result.requests += len(a["latencies"])
        result.failures += a["failures"]
        result.generator_cpu_s += a["cpu"]
        peaks[label] = max(peaks.get(label, 0.0), a["cpu"] / a["seconds"])
    result.server_cpu_s += cpu_used(srv0, srv1)
    result.postgres_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def check_shim(api: Server) -> None:
    """One good webhook (200) and one forged (400) before measuring: the check is on."""
    fake = FakePaystack(SECRET)
    url = f"http://127.0.0.1:{api.port}/webhooks/paystack/{SLUG}"
    body, headers = signed_event(fake, ID_BLOCK - 1)
    forged = {**headers, "x-paystack-signature": "0" * 128}
    async with httpx.AsyncClient(timeout=30) as client:
        good = await client.post(url, content=body, headers=headers)
        bad = await client.post(url, content=body, headers=forged)
    if (good.status_code, bad.status_code) != (200, 400):
        raise SystemExit(f"shim answered {good.status_code} / {bad.status_code}: {good.text}")


async def receiving(
    args: argparse.Namespace,
    env: dict[str, str],
    log_dir: Path,
    monitor: asyncpg.Connection,
    broker: Any,
) -> Received:
    api = start_server(
        "api",
        [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(free_port())],
        env,
        log_dir,
    )
    bare = start_server(
        "bare",
        [*SELF, "--serve-bare", "--port", str(free_port())],
        env,
        log_dir,
    )
    loadgens: list[Loadgen] = []
    try:
        loadgens = await start_loadgens(args.senders, args.loadgen_processes, env)
        await wait_healthy(api)
        await wait_healthy(bare)
        await check_shim(api)
        log(
            f"\n1. receiving: shim :{api.port} (pid {api.process.pid}), bare :{bare.port};"
            f" {args.senders} senders in {len(loadgens)} load generator processes ({args.client})"
        )
        servers = {SHIM: api, BARE: bare}
        accepted = 1  # check_shim's
        peaks: dict[str, float] = {}
        for label, server in servers.items():
            warm = Result(label)
            await load_slice(args.client, label, server, loadgens, args.warmup, warm, {}, monitor)
            if warm.failures:
                raise SystemExit(f"{label} warm-up failed: {warm.failures[:2]}")
            accepted += warm.requests if label == SHIM else 0
            log(f"  {label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f} req/s")
        rounds = max(1, math.ceil(args.seconds / args.slice - 1e-9))
        log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
        results = {label: Result(label) for label in servers}
        order = list(servers)
        for n in range(rounds):
            for label in order[n % 2 :] + order[: n % 2]:
                result = results[label]
                await load_slice(
                    args.client,
                    label,
                    servers[label],
                    loadgens,
                    args.seconds / rounds,
                    result,
                    peaks,
                    monitor,
                )
                if result.failures:
                    raise SystemExit(f"{label} failed: {result.failures[:2]}\n{api.tail()}")
        accepted += results[SHIM].requests
        stored = int(await monitor.fetchval(f"SELECT count(*) FROM {SCHEMA}.webhook_events"))
        enqueued = int(broker.client.hlen(f"{broker.namespace}:{QUEUE}.msgs"))
        return Received(results, peaks, accepted, stored, enqueued)
    finally:
        for lg in loadgens:
            await lg.stop()
        stop_server(api)
        stop_server(bare)


def report_received(received: Received, args: argparse.Namespace) -> bool:
    """Prints part 1; False when some 200 was not stored or not enqueued exactly once."""
    results = received.results
    log(
        f"\n{'':<8}{'req/s':>7}{'p50 ms':>8}{'p99 ms':>8}{'server':>8}{'server CPU':>12}"
        f"{'loadgen CPU':>13}{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(
        f"{'':<8}{'':>7}{'':>8}{'':>8}{'busy':>8}{'per req':>12}{'per req':>13}"
        f"{'per proc':>9}{'busy':>10}{'busy':>8}"
    )
    for r in results.values():
        log(
            f"{r.label:<8}{r.rate:>7.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{100 * r.share(r.server_cpu_s):>7.0f}%{per_request_ms(r, r.server_cpu_s):>9.2f} ms"
            f"{per_request_ms(r, r.generator_cpu_s):>10.2f} ms"
            f"{100 * received.loadgen_peaks.get(r.label, 0.0):>8.0f}%"
            f"{100 * r.share(r.postgres_cpu_s):>9.0f}%{100 * r.others_busy:>7.0f}%"
        )
    log(
        f"  (busy: share of all {os.cpu_count()} cores while the variant ran; server: its one"
        " uvicorn process; loadgen CPU per req: all load generator processes; loadgen per"
        " proc: the busiest one, share of ONE core; postgres: the bench database's backends;"
        " others: everything else on the machine)"
    )
    shim, bare = results[SHIM], results[BARE]
    client_ms = per_request_ms(bare, bare.generator_cpu_s)
    server_ms = per_request_ms(bare, bare.server_cpu_s)
    if client_ms > server_ms:  # on a CPU-bound machine the costlier side sets the rate
        log(
            f"  bare: the client spends {client_ms:.2f} ms CPU per request, the server"
            f" {server_ms:.2f} ms: bare's rate is the load generator's limit ({args.client}),"
            " so shim_vs_bare_ratio is flattered"
        )
    consistent = received.accepted == received.stored == received.enqueued
    log(
        f"  {'ok' if consistent else 'MISMATCH'}: {received.accepted:,} webhooks answered 200,"
        f" {received.stored:,} events stored, {received.enqueued:,} messages in Redis"
    )
    log(f"shim_webhooks_per_second: {shim.rate:.0f}")
    log(f"shim_p50_ms: {shim.pct_ms(50):.1f}  shim_p99_ms: {shim.pct_ms(99):.1f}")
    log(f"bare_requests_per_second: {bare.rate:.0f}")
    log(f"bare_p50_ms: {bare.pct_ms(50):.1f}  bare_p99_ms: {bare.pct_ms(99):.1f}")
    log(f"shim_vs_bare_ratio: {shim.rate / bare.rate:.2f}  (shim req/s / bare req/s)")
    return consistent


def per_request_ms(result: Result, cpu_s: float) -> float:
    return cpu_s / result.requests * 1000 if result.requests else float("nan")
