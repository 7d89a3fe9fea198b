"""Part 2 of the webhooks bench: events applied per second by a worker vs in-process."""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
from dramatiq.common import dq_name

from bench.common import (
    Server,
    log,
    start_server,
    stop_server,
    wait_for_log,
)
from bench.webhooks.batches import Applied, Batches, LocalJobs, accounted, pending
from bench.webhooks.world import IN_PROCESS, SCHEMA, SLUG, WORKER


async def apply_in_process(
    ids: list[uuid.UUID],
    threads: int,
    jobs: LocalJobs,
    result: Applied,
    paystack: Server,
    monitor: Any,
) -> None:
    from workers import tasks

    queue = iter(ids)

    async def applier() -> None:
        for event_id in queue:
            status = await tasks.apply_webhook_event(SLUG, str(event_id), 1)
            if status != "PROCESSED":
                raise SystemExit(f"event {event_id} ended {status}")

    async with accounted(result, os.getpid(), paystack, monitor):
        await asyncio.gather(*(applier() for _ in range(threads)))
    result.events += len(ids)
    await jobs.drain()  # not timed, as the worker's are not: but done before the next batch


async def apply_by_worker(
    ids: list[uuid.UUID],
    worker: Server,
    broker: Any,
    result: Applied,
    paystack: Server,
    monitor: Any,
) -> None:
    from workers import actors

    def send_all() -> None:  # Dramatiq's client is synchronous: off the event loop
        for event_id in ids:
            actors.apply_webhook_event.send(SLUG, str(event_id), 1)

    deadline = time.monotonic() + 600
    async with accounted(result, worker.process.pid, paystack, monitor):
        await asyncio.to_thread(send_all)
        while await pending(monitor, ids):
            if worker.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the worker did not apply the batch:\n{worker.tail()}")
            await asyncio.sleep(0.02)
    result.events += len(ids)
    while queued(broker):  # the deliveries it sent itself: done before the next batch
        if worker.process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the worker left jobs in Redis:\n{worker.tail()}")
        await asyncio.sleep(0.05)


def queued(broker: Any) -> int:
    """Messages not yet acknowledged in any of the actors' queues (retries included)."""
    names = [name for queue in broker.queues for name in (queue, dq_name(queue))]
    return sum(int(broker.client.hlen(f"{broker.namespace}:{name}.msgs")) for name in names)


def flush_queues(broker: Any) -> None:
    for queue in list(broker.queues):
        broker.flush(queue)


async def applying(
    args: argparse.Namespace,
    env: dict[str, str],
    log_dir: Path,
    monitor: asyncpg.Connection,
    broker: Any,
    paystack: Server,
    residents: list[uuid.UUID],
) -> dict[str, Applied]:
    from services import events
    from workers.broker import jobs_outlet

    jobs = LocalJobs()
    events.install_outlet(jobs_outlet(jobs))  # the worker installs the same, to Redis
    batches = Batches(residents, paystack)
    threads = args.worker_threads
    log(f"\n2. applying: batches of stored events, {threads} at a time")
    warm_in = Applied(IN_PROCESS)
    await apply_in_process(
        await batches.make(args.warmup_events), threads, jobs, warm_in, paystack, monitor
    )
    log(f"  in-process warm-up: {warm_in.summary()}")

    worker = start_server(
        "worker",
        [sys.executable, "-m", "estatepay.cli", "worker", "--threads", str(threads)],
        env,
        log_dir,
    )
    try:
        booted = time.perf_counter()
        await wait_for_log(worker, "worker running")
        log(f"  worker pid {worker.process.pid} up in {time.perf_counter() - booted:.1f}s")
        warm_w = Applied(WORKER)
        await apply_by_worker(
            await batches.make(args.warmup_events), worker, broker, warm_w, paystack, monitor
        )
        log(f"  worker warm-up: {warm_w.summary()}")

        rounds = max(1, math.ceil(args.seconds / args.slice - 1e-9))
        sizes = {
            label: max(50, math.ceil(warm.rate * args.seconds / rounds))
            for label, warm in ((IN_PROCESS, warm_in), (WORKER, warm_w))
        }
        log(
            f"  measuring: {rounds} rounds, batches of {sizes[IN_PROCESS]} (in-process) and"
            f" {sizes[WORKER]} (worker) events"
        )
        results = {IN_PROCESS: Applied(IN_PROCESS), WORKER: Applied(WORKER)}
        order = [IN_PROCESS, WORKER]
        for n in range(rounds):
            for label in order[n % 2 :] + order[: n % 2]:
                ids = await batches.make(sizes[label])  # made just before: never swept
                if label == WORKER:
                    await apply_by_worker(ids, worker, broker, results[label], paystack, monitor)
                else:
                    await apply_in_process(ids, threads, jobs, results[label], paystack, monitor)
    finally:
        stop_server(worker)
    return results


async def final_checks(monitor: asyncpg.Connection) -> list[str]:
    from services.ledger.verify import verify_ledger
    from tenants.scope import tenant_scope

    row = await monitor.fetchrow(
        f"SELECT count(*) AS events, count(*) FILTER (WHERE status = 'PROCESSED') AS processed,"
        f" coalesce(sum(attempts - 1), 0) AS retries FROM {SCHEMA}.webhook_events"
    )
    paid = await monitor.fetchrow(
        f"SELECT count(*) AS payments, count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded"
        f" FROM {SCHEMA}.payments"
    )
    lines = [
        f"{row['processed']:,} of {row['events']:,} events PROCESSED, {row['retries']} retries;"
        f" {paid['succeeded']:,} of {paid['payments']:,} payments SUCCEEDED"
    ]
    async with tenant_scope(SLUG):
        problems = await verify_ledger()
    lines.append("ledger verify: ok" if not problems else f"ledger verify: {problems[:5]}")
    if row["processed"] != row["events"] or paid["succeeded"] != paid["payments"] or problems:
        lines.append("FAILED")
    return lines


def report_applied(results: dict[str, Applied], args: argparse.Namespace) -> None:
    log(
        f"\n{'':<12}{'events/s':>9}{'applier':>11}{'paystack':>10}{'postgres':>10}"
        f"{'machine':>9}{'others':>8}"
    )
    log(f"{'':<12}{'':>9}{'CPU/event':>11}{'CPU/ev':>10}{'CPU/ev':>10}{'busy':>9}{'busy':>8}")
    for r in results.values():
        log(
            f"{r.label:<12}{r.rate:>9.0f}{r.per_event_ms(r.applier_cpu_s):>8.2f} ms"
            f"{r.per_event_ms(r.paystack_cpu_s):>7.2f} ms"
            f"{r.per_event_ms(r.postgres_cpu_s):>7.2f} ms"
            f"{100 * r.machine_busy:>8.0f}%{100 * r.others_busy:>7.0f}%"
        )
    log(
        "  (applier: the worker process, or this process for in-process; paystack: the fake;"
        " postgres: the bench database's backends; busy: share of all cores)"
    )
    worker, inline = results[WORKER], results[IN_PROCESS]
    log(f"worker_events_per_second: {worker.rate:.0f}  ({worker.events:,} events)")
    log(f"in_process_events_per_second: {inline.rate:.0f}  ({inline.events:,} events)")
    log(
        f"worker_vs_in_process_ratio: {worker.rate / inline.rate:.2f}"
        f"  (one worker, {args.worker_threads} threads / the coroutine {args.worker_threads}"
        " at a time in this process)"
    )
