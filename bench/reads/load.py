"""The reads bench's load: the variants, interleaved timed slices and their report."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import time
from dataclasses import dataclass
from typing import Any

import asyncpg

from bench.common import (
    Result,
    Server,
    build_request,
    cpu_jiffies,
    cpu_used,
    http_once,
    log,
    postgres_pids,
    process_cpu,
    read_response,
)
from bench.reads.world import ADMIN_EMAIL, PASSWORD, QUERY_A, QUERY_B, SLUG, Seeded

# --- measuring ----------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    label: str
    server: Server
    request: bytes


async def load(
    variant: Variant, connections: int, seconds: float, result: Result, monitor: asyncpg.Connection
) -> None:
    """`connections` keep-alive connections, each sending the request again as soon as the
    answer is in, until the time is up. Bounded: ends at the deadline."""
    opened: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    try:
        for _ in range(connections):
            opened.append(await asyncio.open_connection("127.0.0.1", variant.server.port))
    except OSError:
        for _, writer in opened:
            writer.close()
        raise
    gc.collect()
    deadline = 0.0

    async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while time.perf_counter() < deadline:
            begun = time.perf_counter()
            writer.write(variant.request)
            status, body = await read_response(reader)
            if status != 200 or b'"errors"' in body:
                result.failures.append(f"{status}: {body[:300]!r}")
                return
            result.latencies.append(time.perf_counter() - begun)
            result.requests += 1

    server_pids = [variant.server.process.pid]
    pg_pids = await postgres_pids(monitor)
    try:
        cpu0, srv0 = time.process_time(), process_cpu(server_pids)
        pg0, (busy0, total0) = process_cpu(pg_pids), cpu_jiffies()
        started = time.perf_counter()
        deadline = started + seconds
        # Bounded even if the server stops answering mid-response.
        await asyncio.wait_for(asyncio.gather(*(one(r, w) for r, w in opened)), seconds + 60)
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
    result.postgres_cpu_s += cpu_used(pg0, pg1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


async def graphql(
    server: Server, query: str, headers: dict[str, str], variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    status, raw = await http_once(server.port, "POST", "/graphql", body, headers)
    answer: dict[str, Any] = json.loads(raw)
    if status != 200 or answer.get("errors"):
        raise SystemExit(f"GraphQL {status}: {raw[:500]!r}")
    return answer


async def login(server: Server, email: str) -> str:
    answer = await graphql(
        server,
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        {},
        {"e": email, "p": PASSWORD},
    )
    return str(answer["data"]["login"]["token"])


async def prepare(
    api: Server, baseline: Server, seeded: Seeded
) -> tuple[dict[str, list[Variant]], dict[str, int]]:
    """Log in, build the four requests and check each baseline answers byte for byte what
    GraphQL answers."""
    resident_token = await login(api, seeded.resident_email)
    admin_token = await login(api, ADMIN_EMAIL)
    bodies = {
        "a": json.dumps({"query": QUERY_A}).encode(),
        "b": json.dumps({"query": QUERY_B}).encode(),
    }
    headers = {
        "a": {"Authorization": f"Bearer {resident_token}", "X-Tenant": SLUG},
        "b": {"Authorization": f"Bearer {admin_token}", "X-Tenant": SLUG},
    }
    paths = {"a": f"/a?resident={seeded.resident_id}", "b": "/b"}
    scenarios: dict[str, list[Variant]] = {}
    sizes: dict[str, int] = {}
    for key in ("a", "b"):
        api_request = build_request("POST", "/graphql", bodies[key], headers[key], api.port)
        base_request = build_request("POST", paths[key], bodies[key], headers[key], baseline.port)
        status_api, body_api = await http_once(
            api.port, "POST", "/graphql", bodies[key], headers[key]
        )
        status_base, body_base = await http_once(
            baseline.port, "POST", paths[key], bodies[key], headers[key]
        )
        if status_api != 200 or status_base != 200 or b'"errors"' in body_api:
            raise SystemExit(f"scenario {key}: {status_api} {body_api[:300]!r} / {status_base}")
        if body_api != body_base:
            raise SystemExit(
                f"scenario {key}: the baseline's answer differs from GraphQL's:\n"
                f"  graphql:  {body_api[:400]!r}\n  baseline: {body_base[:400]!r}"
            )
        edges = json.loads(body_api)["data"]["bills"]["edges"]
        sizes[key] = len(body_api)
        if key == "a":
            payments = sum(len(e["node"]["payments"]) for e in edges)
            log(
                f"(a) {len(edges)} bills, {payments} payments, {len(body_api):,} bytes:"
                " the baseline's answer is the same"
            )
        else:
            same = "the baseline's answer is the same"
            log(f"(b) {len(edges)} bills, {len(body_api):,} bytes: {same}")
        scenarios[key] = [
            Variant(f"({key}) graphql", api, api_request),
            Variant(f"({key}) baseline", baseline, base_request),
        ]
    return scenarios, sizes


async def measure(
    scenarios: dict[str, list[Variant]], args: argparse.Namespace, monitor: asyncpg.Connection
) -> dict[str, Result]:
    variants = [v for pair in scenarios.values() for v in pair]
    for variant in variants:
        warm = Result(variant.label)
        await load(variant, args.connections, args.warmup, warm, monitor)
        if warm.failures:
            raise SystemExit(f"{variant.label} warm-up failed: {warm.failures[:2]}")
        log(f"  {variant.label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f} req/s")
    rounds = max(1, -(-int(args.seconds * 1000) // int(args.slice * 1000)))
    log(f"  measuring: {rounds} rounds of {args.seconds / rounds:.1f}s per variant")
    results = {v.label: Result(v.label) for v in variants}
    for n in range(rounds):
        turn = variants[n % len(variants) :] + variants[: n % len(variants)]
        for variant in turn:
            result = results[variant.label]
            await load(variant, args.connections, args.seconds / rounds, result, monitor)
            if result.failures:
                raise SystemExit(f"{variant.label} failed: {result.failures[:2]}")
    return results


def report(results: dict[str, Result], args: argparse.Namespace, api: Server) -> None:
    log(
        f"\n{'':<15}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'server':>9}{'server CPU':>12}"
        f"{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(
        f"{'':<15}{'':>8}{'':>8}{'':>8}{'busy':>9}{'per req':>12}{'busy':>9}{'busy':>10}{'busy':>8}"
    )
    for r in results.values():
        per_req = r.server_cpu_s / r.requests * 1000 if r.requests else float("nan")
        log(
            f"{r.label:<15}{r.rate:>8.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{100 * r.share(r.server_cpu_s):>8.0f}%{per_req:>9.2f} ms"
            f"{100 * r.share(r.generator_cpu_s):>8.0f}%{100 * r.share(r.postgres_cpu_s):>9.0f}%"
            f"{100 * r.others_busy:>7.0f}%"
        )
    cores = os.cpu_count()
    log(
        f"  (busy: share of all {cores} cores while the variant ran. server: its one uvicorn"
        " process; loadgen: this process; postgres: the backends of the bench database;"
        " others: everything else on the machine)"
    )
    log(
        f"\n{args.connections} keep-alive connections per variant, all on 127.0.0.1; the load"
        " generator runs on the same 2-core machine as the server and PostgreSQL and takes"
        " the CPU shown above from them."
    )
    log(f"server: `python -m estatepay.cli serve` pid {api.process.pid}, 1 uvicorn worker")
    a_ratio = results["(a) graphql"].rate / results["(a) baseline"].rate
    b_ratio = results["(b) graphql"].rate / results["(b) baseline"].rate
    log(f"reads_a_ratio: {a_ratio:.2f}  (graphql req/s / baseline req/s, resident's bills)")
    log(f"reads_b_ratio: {b_ratio:.2f}  (graphql req/s / baseline req/s, admin's 50 bills)")
