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
    process_tree,
    read_response,
)
from bench.reads.compare import PEER_QUERY_A, PEER_QUERY_B, differences
from bench.reads.world import ADMIN_EMAIL, PASSWORD, QUERY_A, QUERY_B, SLUG, Seeded

# --- measuring ----------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    label: str
    server: Server
    request: bytes


@dataclass(frozen=True)
class Servers:
    api: Server  # estatepay, one process
    workers: Server | None  # estatepay --workers N, None when `serve` has no such flag yet
    peer: Server  # PostGraphile 5
    baseline: Server
    worker_count: int


async def load(
    variant: Variant,
    connections: int,
    seconds: float,
    result: Result,
    monitor: asyncpg.Connection | None,
) -> None:
    """`connections` keep-alive connections, each sending the request again as soon as the
    answer is in, until the time is up. Bounded: ends at the deadline. Without `monitor`
    (no PostgreSQL: the embedded server), no database CPU is counted."""
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
            try:
                status, body = await read_response(reader)
            except (asyncio.IncompleteReadError, ConnectionError) as error:
                result.failures.append(f"the server closed the connection: {error!r}")
                return
            if status != 200 or b'"errors"' in body:
                result.failures.append(f"{status}: {body[:300]!r}")
                return
            result.latencies.append(time.perf_counter() - begun)
            result.requests += 1

    server_pids = process_tree(variant.server.process.pid)  # its workers too
    pg_pids = await postgres_pids(monitor) if monitor is not None else []
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


async def answer(server: Server, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    status, raw = await http_once(server.port, "POST", path, body, headers)
    if status != 200 or b'"errors"' in raw:
        raise SystemExit(f"{server.name} {path}: {status} {raw[:300]!r}")
    return raw


async def prepare(
    servers: Servers, seeded: Seeded
) -> tuple[dict[str, list[Variant]], dict[str, bytes]]:
    """Log in, build the requests of every variant, and check that every server answers
    the same: the baseline and the N-process server byte for byte what the one-process
    server answers, PostGraphile the same rows. Returns the variants and estatepay's
    answers."""
    api = servers.api
    resident_token = await login(api, seeded.resident_email)
    admin_token = await login(api, ADMIN_EMAIL)
    bodies = {
        "a": json.dumps({"query": QUERY_A}).encode(),
        "b": json.dumps({"query": QUERY_B}).encode(),
    }
    peer_bodies = {
        "a": json.dumps({"query": PEER_QUERY_A, "variables": {"r": str(seeded.resident_id)}}),
        "b": json.dumps({"query": PEER_QUERY_B}),
    }
    headers = {
        "a": {"Authorization": f"Bearer {resident_token}", "X-Tenant": SLUG},
        "b": {"Authorization": f"Bearer {admin_token}", "X-Tenant": SLUG},
    }
    paths = {"a": f"/a?resident={seeded.resident_id}", "b": "/b"}
    scenarios: dict[str, list[Variant]] = {}
    answers: dict[str, bytes] = {}
    for key in ("a", "b"):
        ours = await answer(api, "/graphql", bodies[key], headers[key])
        answers[key] = ours
        base = await answer(servers.baseline, paths[key], bodies[key], headers[key])
        if base != ours:
            raise SystemExit(
                f"scenario {key}: the baseline's answer differs from estatepay's:\n"
                f"  estatepay: {ours[:400]!r}\n  baseline:  {base[:400]!r}"
            )
        peer_body = peer_bodies[key].encode()
        peers = await answer(servers.peer, "/graphql", peer_body, {})
        found = differences(key, json.loads(ours), json.loads(peers))
        if found:
            listed = "\n  ".join(found[:5])
            raise SystemExit(
                f"scenario {key}: PostGraphile's rows differ from estatepay's:\n  {listed}"
            )
        edges = json.loads(ours)["data"]["bills"]["edges"]
        what = f"{len(edges)} bills"
        if key == "a":
            what += f", {sum(len(e['node']['payments']) for e in edges)} payments"
        log(
            f"({key}) {what}, {len(ours):,} bytes (PostGraphile {len(peers):,}): the"
            " baseline's answer is the same, PostGraphile's rows are the same"
        )
        variants = [Variant(f"({key}) estatepay", api, request(api, bodies[key], headers[key]))]
        if servers.workers is not None:
            many = await answer(servers.workers, "/graphql", bodies[key], headers[key])
            if many != ours:
                raise SystemExit(f"scenario {key}: estatepay --workers answers differently")
            label = f"({key}) estatepay x{servers.worker_count}"
            variants.append(
                Variant(label, servers.workers, request(servers.workers, bodies[key], headers[key]))
            )
        variants.append(
            Variant(f"({key}) postgraphile", servers.peer, request(servers.peer, peer_body, {}))
        )
        variants.append(
            Variant(
                f"({key}) baseline",
                servers.baseline,
                build_request("POST", paths[key], bodies[key], headers[key], servers.baseline.port),
            )
        )
        scenarios[key] = variants
    return scenarios, answers


def request(server: Server, body: bytes, headers: dict[str, str]) -> bytes:
    return build_request("POST", "/graphql", body, headers, server.port)


async def measure(
    scenarios: dict[str, list[Variant]],
    args: argparse.Namespace,
    monitor: asyncpg.Connection | None,
    connections: int | None = None,
    seconds: float | None = None,
) -> dict[str, Result]:
    """Warm each variant up, then measure them in interleaved slices (`args.connections`
    and `args.seconds` unless given)."""
    connections = connections or args.connections
    seconds = seconds or args.seconds
    variants = [v for pair in scenarios.values() for v in pair]
    for variant in variants:
        warm = Result(variant.label)
        await load(variant, connections, args.warmup, warm, monitor)
        if warm.failures:
            raise SystemExit(f"{variant.label} warm-up failed: {warm.failures[:2]}")
        log(f"  {variant.label} warm-up {warm.seconds:.1f}s: {warm.rate:.0f} req/s")
    rounds = max(1, -(-int(seconds * 1000) // int(args.slice * 1000)))
    log(f"  measuring: {rounds} rounds of {seconds / rounds:.1f}s per variant")
    results = {v.label: Result(v.label) for v in variants}
    for n in range(rounds):
        turn = variants[n % len(variants) :] + variants[: n % len(variants)]
        for variant in turn:
            result = results[variant.label]
            await load(variant, connections, seconds / rounds, result, monitor)
            if result.failures:
                raise SystemExit(f"{variant.label} failed: {result.failures[:2]}")
    return results


def report(results: dict[str, Result], args: argparse.Namespace, servers: Servers) -> None:
    width = max(len(label) for label in results) + 2
    log(
        f"\n{'':<{width}}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'server':>9}{'server CPU':>12}"
        f"{'loadgen':>9}{'postgres':>10}{'others':>8}"
    )
    log(
        f"{'':<{width}}{'':>8}{'':>8}{'':>8}{'busy':>9}{'per req':>12}{'busy':>9}{'busy':>10}"
        f"{'busy':>8}"
    )
    for r in results.values():
        per_req = r.server_cpu_s / r.requests * 1000 if r.requests else float("nan")
        log(
            f"{r.label:<{width}}{r.rate:>8.0f}{r.pct_ms(50):>8.1f}{r.pct_ms(99):>8.1f}"
            f"{100 * r.share(r.server_cpu_s):>8.0f}%{per_req:>9.2f} ms"
            f"{100 * r.share(r.generator_cpu_s):>8.0f}%{100 * r.share(r.postgres_cpu_s):>9.0f}%"
            f"{100 * r.others_busy:>7.0f}%"
        )
    cores = os.cpu_count()
    log(
        f"  (busy: share of all {cores} cores while the variant ran. server: its processes;"
        " loadgen: this process; postgres: the backends of the bench database;"
        " others: everything else on the machine)"
    )
    log(
        f"\n{args.connections} keep-alive connections per variant, one variant at a time, all"
        f" on 127.0.0.1; every server's PostgreSQL pool holds {args.pool_size} connections"
        " (per process). The load generator runs on the same machine as the servers and"
        " PostgreSQL and takes the CPU shown above from them."
    )
    log(
        f"estatepay: `python -m estatepay.cli serve` pid {servers.api.process.pid}, 1 process;"
        f" postgraphile: PostGraphile 5.1.5 on Node 22, pid {servers.peer.process.pid}"
    )
    if servers.workers is None:
        log(f"estatepay x{servers.worker_count}: skipped (`serve` has no --workers yet)")
    for key, what in (("a", "resident's bills"), ("b", "admin's 50 bills")):
        ours, peer = results[f"({key}) estatepay"], results[f"({key}) postgraphile"]
        base = results[f"({key}) baseline"]
        log(f"reads_{key}_ratio: {ours.rate / base.rate:.2f}  (estatepay / baseline, {what})")
        log(f"peer_{key}_ratio: {ours.rate / peer.rate:.2f}  (estatepay / PostGraphile, {what})")
        many = results.get(f"({key}) estatepay x{servers.worker_count}")
        if many is not None:
            log(
                f"peer_{key}_ratio_workers: {many.rate / peer.rate:.2f}  (estatepay"
                f" x{servers.worker_count} / PostGraphile, {what}; p99 {many.pct_ms(99):.1f}"
                f" vs {peer.pct_ms(99):.1f} ms)"
            )
        else:
            log(f"peer_{key}_ratio_workers: skipped")
