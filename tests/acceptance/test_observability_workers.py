"""Production-shaped observability on PostgreSQL and Redis: `serve --workers 2` answers a
scrape with both processes' counts, logs one JSON line per request, and a request's id
reaches the job it sent and that job's lines in `estatepay worker`'s log."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet

from services.telemetry.logs import JsonFormatter
from tenants.settings import Settings
from tests.acceptance.test_live_updates import server_env
from tests.acceptance.test_observability import moved, scrape
from tests.acceptance.test_serve import free_port
from tests.acceptance.test_workers import client_port, port_of, serve_workers, server_pid
from tests.conftest import GraphQLClient
from tests.world import build_world
from tests.wsclient import live_client

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc")
PROBE = "query Probe { me { id } }"


def production_env(database: Settings) -> dict[str, str]:
    return {
        **server_env(database),
        "ENVIRONMENT": "production",
        "ENCRYPTION_KEY": Fernet.generate_key().decode(),  # not the development key
    }


@contextmanager
def worker(env: dict[str, str], log: Path, *args: str) -> Iterator[None]:
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "estatepay.cli", "worker", "--threads", "2", *args],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        time.sleep(1.5)
        assert process.poll() is None, log.read_text()
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def probe(base: str, parent: int, headers: dict[str, str]) -> tuple[httpx.Response, int]:
    """One request on a new connection, and the process that answered it."""
    with httpx.Client(timeout=10) as http:
        response = http.post(f"{base}/graphql", json={"query": PROBE}, headers=headers)
        return response, server_pid(parent, port_of(base), client_port(response))


def json_lines(log: Path) -> list[dict[str, Any]]:
    """Every JSON line of the log: each must parse (one record, one line)."""
    return [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]


async def test_two_processes_one_scrape_json_lines_and_the_request_id_in_the_job(
    database: Settings, gql: GraphQLClient, tmp_path: Path
) -> None:
    world = await build_world(gql, residents=1, prefix="obs")
    env = production_env(database)
    metrics_port = free_port()
    jobs = worker(env, tmp_path / "w.log", "--metrics-port", str(metrics_port))
    with serve_workers(tmp_path, env, 2) as (base, parent, log), jobs:
        headers = {"Authorization": f"Bearer {world.admin.token}", "X-Tenant": world.slug}
        before = await asyncio.to_thread(scrape, base)
        # Requests on new connections until both processes have answered some.
        served: dict[int, int] = {}
        deadline = time.monotonic() + 60
        while len(served) < 2 or sum(served.values()) < 10:
            assert time.monotonic() < deadline, served
            response, pid = await asyncio.to_thread(probe, base, parent, headers)
            assert response.status_code == 200 and "errors" not in response.json()
            served[pid] = served.get(pid, 0) + 1
        sent = sum(served.values())
        # Whichever process answers the scrape, it counts every process's requests.
        for _ in range(4):
            after = await asyncio.to_thread(scrape, base)
            probes = moved(
                before,
                after,
                "estatepay_graphql_operations_total",
                operation="Probe",
                type="query",
                outcome="ok",
            )
            assert probes == sent, (probes, served)

        # Open subscriptions: summed over the live processes, down again once closed.
        gauge = ("estatepay_open_subscriptions", ())
        async with live_client(base, world.admin.token, world.slug) as live:
            await live.subscribe("subscription { billUpdated { id } }")
            await live.live()
            assert (await asyncio.to_thread(scrape, base))[gauge] == 1
        deadline = time.monotonic() + 10
        while (await asyncio.to_thread(scrape, base))[gauge] != 0:
            assert time.monotonic() < deadline, "the subscription is still counted"
            await asyncio.sleep(0.2)

        # A request that sends a job: its id is in the job's message and the job's lines.
        rid = f"bill-{uuid.uuid4().hex[:12]}"
        created = await asyncio.to_thread(
            httpx.post,
            f"{base}/graphql",
            json={
                "query": "mutation($r: ID!) { createBill(input: {residentId: $r, title: "
                '"Water", type: WATER, amount: "12.50", dueDate: "2031-01-31"}) { id } }',
                "variables": {"r": world.residents[0].resident_id},
            },
            headers={**headers, "X-Request-Id": rid},
            timeout=30,
        )
        assert created.status_code == 200 and "errors" not in created.json(), created.text
        assert created.headers["X-Request-Id"] == rid
        deadline = time.monotonic() + 30
        while not any(
            line.get("request_id") == rid and line.get("job") == "deliver_notification"
            for line in json_lines(tmp_path / "w.log")
        ):
            assert time.monotonic() < deadline, (tmp_path / "w.log").read_text()[-3000:]
            await asyncio.sleep(0.3)
        # The worker's own series, on its own port.
        worker_samples = await asyncio.to_thread(scrape, f"http://127.0.0.1:{metrics_port}")
        done = (
            "estatepay_jobs_total",
            (("actor", "deliver_notification"), ("outcome", "succeeded")),
        )
        assert worker_samples[done] >= 1
        output = log
        requests = [line for line in json_lines(output) if line.get("logger") == "estatepay.access"]
    probe_lines = [line for line in requests if line.get("operation") == "Probe"]
    assert len(probe_lines) == sent
    line = next(line for line in requests if line.get("request_id") == rid)
    assert line["estate"] == world.slug and line["operation"] == "createBill"
    assert line["outcome"] == "ok" and line["status"] == 200 and line["duration_ms"] > 0
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")
    assert "Tortoise-ORM shutdown" not in log.read_text()


def test_a_json_record_is_one_line_whatever_its_message_holds() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "a\u2028b\x85c\nd é", None, None)
    line = JsonFormatter().format(record)
    assert line.isascii() and line.splitlines() == [line]
    assert json.loads(line)["message"] == "a\u2028b\x85c\nd é"
