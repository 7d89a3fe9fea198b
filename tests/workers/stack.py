"""The production-shaped stack as processes, on a database of its own: `estatepay serve`,
`estatepay worker` and any number of `estatepay scheduler`s reading one file clock.

The schedulers send every job to every active estate, so these tests get a fresh database
rather than the session's (which holds every other test's estates)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from tests.acceptance.test_serve import free_port
from tests.conftest import DATABASE_URL, PASSWORD, REDIS_URL, GraphQLClient, recreate_database
from tests.world import World, populate
from workers.clock import FileClock
from workers.schedule import SCHEDULE, latest_fire

OPERATOR = "operator@clock.test"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Stack:
    url: str
    env: dict[str, str]
    logs: Path
    clock: FileClock
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    base: str = ""
    connection: asyncpg.Connection | None = None

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "estatepay.cli", *args],
                env=self.env,
                cwd=self.logs,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text()

    def start_scheduler(self, name: str) -> None:
        self.start(name, "scheduler")

    def kill(self, name: str) -> None:
        """SIGKILL: no clean shutdown, as when a machine dies."""
        process = self.processes.pop(name)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=20)

    def stop_all(self) -> None:
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()

    async def rows(self, query: str, *args: Any) -> list[asyncpg.Record]:
        if self.connection is None:
            self.connection = await asyncpg.connect(self.url)
        return list(await self.connection.fetch(query, *args))

    async def close(self) -> None:
        self.stop_all()
        if self.connection is not None:
            await self.connection.close()

    async def travel(self, moment: datetime, slugs: list[str], within: float = 90.0) -> None:
        """Set the clock, then wait until every job's slot for `moment` is sent and, in
        each estate, run."""
        self.clock.set(moment)
        slots = {job.name: latest_fire(job.cron, moment) for job in SCHEDULE}
        # Flagged jobs (the chain watch) skip these estates: none has the flag.
        per_estate = [job.name for job in SCHEDULE if job.per_estate and not job.only_flagged]
        deadline = time.monotonic() + within
        while True:
            for name, process in self.processes.items():
                assert process.poll() is None, f"{name} exited:\n{self.log(name)}"
            sent = await self.rows(
                "SELECT job, slot FROM schedule_claims WHERE sent_at IS NOT NULL "
                "AND slot = ANY($1::timestamptz[])",
                list(set(slots.values())),
            )
            done = {(r["job"], r["slot"]) for r in sent} >= set(slots.items())
            for slug in slugs if done else []:
                ran = await self.rows(
                    f"SELECT job, slot FROM {schema(slug)}.job_runs WHERE status = 'DONE'"
                )
                wanted = {(job, slots[job]) for job in per_estate}
                done = done and {(r["job"], r["slot"]) for r in ran} >= wanted
            if done:
                return
            assert time.monotonic() < deadline, f"step {moment} not done:\n" + "\n".join(
                f"--- {name}\n{self.log(name)[-3000:]}" for name in self.processes
            )
            await asyncio.sleep(0.1)


def schema(slug: str) -> str:
    return "t_" + slug.replace("-", "_")


async def start_stack(logs: Path, start: datetime) -> Stack:
    base, _, name = DATABASE_URL.rpartition("/")
    url = f"{base}/{name}_clock"
    await recreate_database(url)
    clock = FileClock(logs / "clock")
    clock.set(start)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": url,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "test-secret-key-with-enough-length-0123456789",
        "SCHEDULER_CLOCK_FILE": str(clock.path),
        "DB_POOL_MAX_SIZE": "3",  # the PostgreSQL server is shared
        "SCHEDULER_TICK_SECONDS": "0.2",
        "SCHEDULER_CLAIM_LEASE_SECONDS": "3",
        # Keep the whole simulated month's claims and runs for the assertions.
        "JOB_HISTORY_RETENTION_DAYS": "60",
    }
    stack = Stack(url, env, logs, clock)
    admin = stack.start("admin", "admin", "create", "--email", OPERATOR, "--password", PASSWORD)
    assert await asyncio.to_thread(admin.wait, 60) == 0, stack.log("admin")
    del stack.processes["admin"]
    port = free_port()
    stack.start("serve", "serve", "--port", str(port))
    stack.base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    async with httpx.AsyncClient() as http:
        while True:
            assert stack.processes["serve"].poll() is None, stack.log("serve")
            try:
                if (await http.get(f"{stack.base}/healthz", timeout=1)).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, stack.log("serve")
            await asyncio.sleep(0.2)
    stack.start("worker", "worker", "--threads", "2")
    return stack


async def client(stack: Stack) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(base_url=stack.base, timeout=30) as http:
        yield GraphQLClient(http)


async def estate_world(
    operator: GraphQLClient, timezone: str, residents: int, prefix: str
) -> World:
    """An estate made through the API in `timezone`, with residents each in a unit."""
    slug = f"{prefix}-{uuid.uuid4().hex[:8]}"
    await operator.ok(
        "mutation($i: CreateEstateInput!) { createEstate(input: $i) { slug } }",
        i={
            "slug": slug,
            "name": f"Estate {slug}",
            "currency": "NGN",
            "timezone": timezone,
            "adminEmail": f"admin@{slug}.test",
            "adminFullName": "Admin",
            "adminPassword": PASSWORD,
        },
    )
    return await populate(operator, slug, f"admin@{slug}.test", residents)
