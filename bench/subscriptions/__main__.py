"""`python -m bench.subscriptions`: both systems measured in one run, or the baseline server."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path

import bench.subscriptions
from bench.common import (
    ROOT,
    Server,
    add_store_arguments,
    cpu_used,
    free_port,
    load_average,
    log,
    process_cpu,
    recreate_database,
    run_loop,
    start_server,
    stop_server,
    wait_healthy,
)
from bench.subscriptions.baseline import serve_baseline
from bench.subscriptions.clients import (
    Act,
    Connection,
    Deliveries,
    Driver,
    connect_baseline,
    connect_ours,
    gather_limited,
    ours_stamp,
    settle,
)
from bench.subscriptions.report import Phase, report
from bench.subscriptions.world import (
    BILL_SUB,
    DEFAULT_REDIS_URL,
    DEFAULT_URL,
    SECRET_KEY,
    SELF,
    WALLET_SUB,
    seed,
)

# --- the run ------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> int:
    from redis.asyncio import Redis

    admins = args.admins
    residents = args.subscribers - admins
    if residents < 2 or admins < 0:
        raise SystemExit("need at least 2 resident subscribers")
    warmup = 20
    total = warmup + args.rounds * args.per_round + args.burst
    bills_each = -(-total // residents) + 1
    log(f"{load_average()}; client {'uvloop' if uvloop_ok() else 'asyncio'}")
    await recreate_database(args.database_url)
    redis = Redis.from_url(args.redis_url)
    await redis.flushdb()
    await redis.aclose()
    estate = await seed(args.database_url, residents, bills_each)

    log_dir = Path(tempfile.mkdtemp(prefix="bench-subs-"))
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "SECRET_KEY": SECRET_KEY,
        "DB_POOL_MAX_SIZE": str(args.pool_size),
        "GRAPHIQL_ENABLED": "false",
        "PYTHONPATH": str(ROOT),
        # Every subscriber connects from 127.0.0.1 and the admin subscribers are one user:
        # the door's caps must let the whole load in (and a loaded server read its inits).
        "WS_MAX_SOCKETS_PER_ADDRESS": str(args.subscribers),
        "WS_MAX_SOCKETS_PER_USER": str(max(admins, 1)),
        "WS_CONNECTION_INIT_TIMEOUT_SECONDS": "120",
    }
    python = sys.executable
    servers: list[Server] = []
    for n in range(2):
        port = free_port()
        servers.append(
            start_server(
                f"api{n + 1}",
                [python, "-m", "estatepay.cli", "serve", "--port", str(port)],
                env,
                log_dir,
            )
        )
    for n in range(2):
        port = free_port()
        servers.append(
            start_server(
                f"baseline{n + 1}",
                [
                    *SELF,
                    "--serve-baseline",
                    "--port",
                    str(port),
                    "--redis-url",
                    args.redis_url,
                ],
                env,
                log_dir,
            )
        )
    api, base = servers[:2], servers[2:]
    connections: list[Connection] = []
    driver = Driver(estate, [s.port for s in api], args.redis_url)
    try:
        await asyncio.gather(*(wait_healthy(s) for s in servers))
        log(f"servers up (logs in {log_dir}); connecting {args.subscribers:,} subscribers to each")
        ours, theirs = Deliveries(), Deliveries()
        jobs: list[Callable[[], Awaitable[Connection]]] = []
        for person in estate.residents:
            port = api[person.index % 2].port
            jobs.append(partial(connect_ours, port, person.token, WALLET_SUB, ours))
            bport = base[person.index % 2].port
            jobs.append(partial(connect_baseline, bport, f"r{person.index}", theirs))
        for n in range(admins):
            port, bport = api[n % 2].port, base[n % 2].port
            jobs.append(partial(connect_ours, port, estate.admin_token, BILL_SUB, ours))
            jobs.append(partial(connect_baseline, bport, "admin", theirs))
        begun = time.perf_counter()
        connections = await gather_limited(jobs, 32)
        ping = json.dumps({"type": "ping"})
        await gather_limited(
            [partial(c.live, ping if c.stamp is ours_stamp else "ping") for c in connections],
            64,
        )
        log(
            f"{len(connections):,} sockets connected and live in {time.perf_counter() - begun:.1f}s"
        )

        fanout = 1 + admins
        offset = 0

        async def one_phase(kind: str, batch_size: int, sink: Deliveries, act: Act) -> Phase:
            nonlocal offset
            batch = driver.payments(batch_size, offset)
            offset += batch_size
            mark = sink.mark()
            pids = [s.process.pid for s in (api if sink is ours else base)]
            cpu_before = process_cpu(pids)
            started = time.time()
            if kind == "burst":
                await driver.burst(act, batch)
            else:
                await driver.paced(act, batch, args.rate)
            await settle(sink, mark + batch_size * fanout)
            phase = Phase(
                latencies=sink.latencies[mark:],
                delivered=sink.mark() - mark,
                expected=batch_size * fanout,
                server_cpu=cpu_used(cpu_before, process_cpu(pids)),
            )
            arrivals = sink.arrivals[mark:]
            phase.seconds = (max(arrivals) - started) if arrivals else 0.0
            return phase

        def merge(phases: list[Phase]) -> Phase:
            merged = Phase()
            for p in phases:
                merged.latencies += p.latencies
                merged.delivered += p.delivered
                merged.expected += p.expected
                merged.seconds += p.seconds
                merged.server_cpu += p.server_cpu
            return merged

        client_before = os.times()
        await one_phase("paced", warmup // 2, ours, driver.pay)  # warm-up, not counted
        await one_phase("paced", warmup // 2, theirs, driver.publish)
        paced: dict[str, list[Phase]] = {"ours": [], "baseline": []}
        for n in range(args.rounds):
            order = [("ours", ours, driver.pay), ("baseline", theirs, driver.publish)]
            for label, sink, act in order if n % 2 == 0 else order[::-1]:
                paced[label].append(await one_phase("paced", args.per_round, sink, act))
            log(f"paced round {n + 1}/{args.rounds} done")
        bursts = {
            "ours": await one_phase("burst", args.burst, ours, driver.pay),
            "baseline": await one_phase("burst", args.burst, theirs, driver.publish),
        }
        client_after = os.times()
        report(
            args,
            merge(paced["ours"]),
            merge(paced["baseline"]),
            bursts["ours"],
            bursts["baseline"],
            driver.failures,
            (client_after.user + client_after.system) - (client_before.user + client_before.system),
            client_after.elapsed - client_before.elapsed,
        )
        return 1 if driver.failures else 0
    finally:
        for connection in connections:
            await connection.close()
        await driver.close()
        for server in servers:
            stop_server(server)


def uvloop_ok() -> bool:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return False
    return True


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    doc = bench.subscriptions.__doc__
    parser = argparse.ArgumentParser(
        prog="python -m bench.subscriptions", description=doc.split("\n\n")[0] if doc else None
    )
    parser.add_argument("--subscribers", type=int, default=1000, help="WebSocket subscribers")
    parser.add_argument("--admins", type=int, default=100, help="of which admin billUpdated")
    parser.add_argument("--rounds", type=int, default=3, help="paced rounds per system")
    parser.add_argument("--per-round", type=int, default=60, help="payments per paced round")
    parser.add_argument("--rate", type=float, default=10.0, help="paced payments per second")
    parser.add_argument("--burst", type=int, default=200, help="payments in the burst phase")
    parser.add_argument("--pool-size", type=int, default=8, help="DB_POOL_MAX_SIZE per API")
    add_store_arguments(parser, DEFAULT_URL, DEFAULT_REDIS_URL, "flushed!")
    parser.add_argument("--serve-baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.serve_baseline:
        return serve_baseline(args)
    return run_loop(run(args))


if __name__ == "__main__":
    sys.exit(main())
