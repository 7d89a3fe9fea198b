"""A transfer that times out at the provider, then the worker is killed and restarted:
the payout ends PAID exactly once. Real `estatepay worker` processes on Redis; the fake
Paystack records the transfer, then answers after the client has given up.

The killed worker holds the send's retry (Dramatiq's workers prefetch delayed messages):
the restarted worker gets it back (`workers.orphans`) and verifies before it resends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from redis.asyncio import Redis

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services import events
from services.ledger.verify import verify_ledger
from services.payouts.models import Payout
from tenants.scope import tenant_scope
from tests.conftest import DATABASE_URL, REDIS_URL, GraphQLClient
from tests.payout_world import APPROVE, PAYOUT, fake_paystack, payout_world
from tests.world import eventually
from workers.broker import jobs_outlet

STALL = 12.0  # seconds: longer than the adapters' 10 s timeout


def start_worker(settings: Any, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": settings.secret_key,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "estatepay.cli", "worker", "--threads", "2"],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


async def held_retries(redis: Redis, namespace: str) -> int:
    """Payout messages some worker fetched and holds until their retry is due."""
    held = 0
    async for key in redis.scan_iter(match=f"{namespace}:__acks__.*.payouts.DQ"):
        held += await redis.scard(key)
    return held


@pytest.fixture
def jobs(app: Any) -> Iterator[None]:
    """Committed changes in this process send their jobs to Redis (the approval's send)."""
    outlet = jobs_outlet(app.state.runtime.dispatcher)
    events.install_outlet(outlet)
    yield
    events.remove_outlet(outlet)


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = fake_paystack()
    with serving(fake.app()) as url:
        yield fake, url


async def test_timeout_then_killed_worker_pays_exactly_once(
    gql: GraphQLClient,
    database: Any,
    redis: Redis,
    paystack: tuple[FakePaystack, str],
    jobs: None,
    tmp_path: Path,
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("3000.00")
    fake.desk.stall_next = STALL
    log = tmp_path / "worker.log"
    worker = start_worker(database, log)
    try:
        await pw.checker.ok(APPROVE, id=payout["id"])

        async def timed_out() -> bool:
            async with tenant_scope(pw.slug):
                row = await Payout.get(id=payout["id"])
            return bool(row.last_error and "TIMEOUT" in row.last_error)

        await eventually(timed_out, within=60)
        assert payout["reference"] in fake.desk.transfers  # it got through, unanswered

        async def retry_held() -> bool:
            return await held_retries(redis, database.queue_namespace) > 0

        # Killed while it holds the retry: only a dead worker's messages coming back
        # can finish the payout (no scheduler runs here).
        await eventually(retry_held, within=30)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    restarted = start_worker(database, log)
    try:

        async def paid() -> bool:
            found = (await pw.checker.ok(PAYOUT, id=payout["id"]))["payout"]
            return bool(found["status"] == "PAID")

        await eventually(paid, within=150)
    finally:
        restarted.terminate()
        restarted.wait(timeout=20)
    assert fake.desk.posts[payout["reference"]] == 1
    # No job ran before the worker's database was ready (such jobs failed with Tortoise's
    # ConfigurationError into a 30-60 s backoff: the timeout came a minute late).
    assert "ConfigurationError" not in log.read_text()
    # 3,000 and its 10.00 fee left the wallet, once.
    assert await pw.wallet() == {"balance": "96990.00", "available": "96990.00", "held": "0.00"}
    async with tenant_scope(pw.slug):
        assert await verify_ledger() == []
