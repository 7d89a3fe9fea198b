"""The issue's outage: kill the worker mid-processing and take Redis away for a minute
while webhooks keep arriving; once both are back, every stored event is applied exactly
once. Everything is real: a private `redis-server`, `estatepay worker` processes, the
fake Paystack over HTTP, the app's webhook shim and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from estatepay.app import create_app
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.bills.models import Bill
from services.ledger.models import JournalEntry
from services.ledger.verify import verify_ledger
from services.money import to_major
from services.payments.models import Payment, WebhookEvent
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import DATABASE_URL, GraphQLClient, make_settings
from tests.graphql.test_provider_payments import PAY, SECRET, with_paystack
from tests.private_redis import PrivateRedis
from tests.world import World, build_world, eventually

# The "Redis for a minute".
OUTAGE_SECONDS = 60.0
# The sweeper's timings, in seconds instead of minutes, so recovery is quick.
SWEEP_EVERY = "1"
SWEEP_AFTER = "3"
# Webhooks arrive in this many waves spread over the outage.
WAVES = 6
# Each verify call to the fake provider takes this long: the worker is always busy in
# the middle of some event when it is killed.
PROVIDER_DELAY = 0.2
DEPOSIT = """mutation($a: Decimal!, $k: String!) {
  depositToWallet(amount: $a, provider: PAYSTACK, idempotencyKey: $k) { reference } }"""


class Worker:
    """An `estatepay worker` process on the private Redis, its output in a file."""

    def __init__(self, name: str, redis_url: str, settings: Settings, logs: Path) -> None:
        self.log = logs / f"{name}.log"
        env = {
            **os.environ,
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": redis_url,
            "SECRET_KEY": settings.secret_key,
            "ENCRYPTION_KEY": settings.encryption_key,
            "SWEEP_EVERY_SECONDS": SWEEP_EVERY,
            "SWEEP_AFTER_SECONDS": SWEEP_AFTER,
        }
        with self.log.open("wb") as log:
            # A file, not a pipe: nobody reads a pipe, and a full one would block the
            # worker on its own log lines during the outage.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "estatepay.cli", "worker", "--threads", "2"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def kill(self) -> None:
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@dataclass
class Expected:
    reference: str
    resident: int
    amount_minor: int
    bill_id: str | None  # None: a wallet deposit


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET, delay=PROVIDER_DELAY)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
async def shim(private_redis: PrivateRedis) -> AsyncIterator[httpx.AsyncClient]:
    """The app under test, its REDIS_URL on the private Redis: it receives the webhooks."""
    app = create_app(make_settings(redis_url=private_redis.url))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shim") as client:
        yield client
    await app.state.runtime.redis.aclose()


@pytest.fixture
def workers(
    private_redis: PrivateRedis, database: Settings, tmp_path: Path
) -> Iterator[dict[str, Worker]]:
    started: dict[str, Worker] = {}
    yield started
    for worker in started.values():
        worker.stop()


async def make_payments(world: World) -> list[Expected]:
    """Per resident: six bill payments and three wallet deposits through Paystack."""
    made: list[Expected] = []
    for n, person in enumerate(world.residents):
        for i in range(6):
            amount = 100 + 10 * n + i  # naira, distinct per payment
            bill = await world.bill(person, f"{amount}.50")
            payment = (await person.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex))["payBill"]
            made.append(Expected(payment["reference"], n, amount * 100 + 50, bill["id"]))
        for i in range(3):
            amount = 20 + 5 * n + i
            deposit = (await person.client.ok(DEPOSIT, a=f"{amount}.00", k=uuid.uuid4().hex))[
                "depositToWallet"
            ]
            made.append(Expected(deposit["reference"], n, amount * 100, None))
    return made


async def deliver(
    shim: httpx.AsyncClient, fake: FakePaystack, slug: str, batch: list[Expected]
) -> None:
    """The payers finish their checkouts and Paystack posts the signed webhooks, all at
    once; the shim must answer 200 to every one, Redis or not."""
    for expected in batch:
        fake.complete(expected.reference)
    url = f"/webhooks/paystack/{slug}"
    bodies = [fake.webhook(expected.reference) for expected in batch]
    responses = await asyncio.gather(
        *(shim.post(url, content=body, headers=headers) for body, headers in bodies)
    )
    assert [r.status_code for r in responses] == [200] * len(batch)


async def event_counts(slug: str) -> dict[str, int]:
    """How many stored events are processed, and how many a worker has started on
    (attempts counted) without finishing."""
    async with tenant_scope(slug):
        events = await WebhookEvent.all().values_list("status", "attempts")
    return {
        "stored": len(events),
        "processed": sum(1 for status, _ in events if status == "PROCESSED"),
        "in_flight": sum(1 for status, tries in events if status != "PROCESSED" and tries),
    }


@pytest.mark.slow
async def test_worker_killed_and_redis_down_for_a_minute(
    gql: GraphQLClient,
    database: Settings,
    paystack: tuple[FakePaystack, str],
    private_redis: PrivateRedis,
    shim: httpx.AsyncClient,
    workers: dict[str, Worker],
    tmp_path: Path,
) -> None:
    fake, base_url = paystack
    world = await build_world(gql, residents=5, prefix="out")
    await with_paystack(world, base_url)
    payments = await make_payments(world)
    assert len(payments) == 45
    first, second, third = payments[0::3], payments[1::3], payments[2::3]

    def start_worker(name: str) -> Worker:
        workers[name] = Worker(name, private_redis.url, database, tmp_path)
        return workers[name]

    try:
        # The first third is being processed when the worker is killed.
        killed = start_worker("killed")
        await deliver(shim, fake, world.slug, first)

        async def mid_processing() -> bool:
            counts = await event_counts(world.slug)
            assert killed.alive(), killed.output()
            # Some done, some under way, and some not even started: whatever finishes
            # between this look and the kill, work is left unfinished.
            started = counts["processed"] + counts["in_flight"]
            return counts["processed"] > 0 and counts["in_flight"] > 0 and started < len(first) - 2

        await eventually(mid_processing, within=60)
        killed.kill()
        at_kill = await event_counts(world.slug)
        assert at_kill["processed"] < len(first)

        # Its replacement starts on Redis and picks up work (the sweeper re-sends what
        # the killed one held) before Redis goes away under it.
        survivor = start_worker("survivor")

        async def survivor_working() -> bool:
            assert survivor.alive(), survivor.output()
            return (await event_counts(world.slug))["processed"] > at_kill["processed"]

        await eventually(survivor_working, within=60)
        private_redis.kill()
        down_since = time.monotonic()

        # Redis is down for the whole minute: webhooks keep arriving throughout and are
        # stored, with duplicates of stored events (which change nothing); a worker
        # (re)started now must come up without Redis.
        arrivals = [second[n::WAVES] for n in range(WAVES)]
        arrivals[WAVES // 2] += first[:5]
        late: Worker | None = None
        for wave, batch in enumerate(arrivals):
            await asyncio.sleep(
                max(0.0, down_since + wave * OUTAGE_SECONDS / WAVES - time.monotonic())
            )
            await deliver(shim, fake, world.slug, batch)
            if wave == 1:
                late = start_worker("started-during-outage")
        assert late is not None
        during = await event_counts(world.slug)
        assert during["stored"] == len(first) + len(second)
        await asyncio.sleep(max(0.0, down_since + OUTAGE_SECONDS - time.monotonic()))
        assert survivor.alive(), survivor.output()
        assert late.alive(), late.output()

        # Redis is back, empty: every message it held is gone.
        private_redis.start()
        await deliver(shim, fake, world.slug, third)

        async def all_processed() -> bool:
            counts = await event_counts(world.slug)
            return counts["processed"] == counts["stored"] == len(payments)

        await eventually(all_processed, within=120)
        assert survivor.alive(), survivor.output()
        assert late.alive(), late.output()
    except BaseException:
        for worker in workers.values():
            print(f"--- {worker.log.name}\n{worker.output()}")
        raise

    await assert_applied_exactly_once(world, payments)


async def assert_applied_exactly_once(world: World, payments: list[Expected]) -> None:
    bills_total = sum(p.amount_minor for p in payments if p.bill_id)
    deposits = [
        sum(p.amount_minor for p in payments if p.bill_id is None and p.resident == n)
        for n in range(len(world.residents))
    ]
    async with tenant_scope(world.slug):
        assert await WebhookEvent.exclude(status="PROCESSED").count() == 0
        statuses = dict(await Payment.all().values_list("reference", "status"))
        assert statuses == {p.reference: "SUCCEEDED" for p in payments}
        bills = {
            str(b.id): (b.status, b.amount_paid, b.amount)
            for b in await Bill.filter(id__in=[p.bill_id for p in payments if p.bill_id])
        }
        assert all(status == "PAID" and paid == amount for status, paid, amount in bills.values())
        # One ledger entry per payment, however many times its event was sent.
        entries = await JournalEntry.filter(
            reference__in=[p.reference for p in payments]
        ).values_list("reference", flat=True)
        assert sorted(entries) == sorted(p.reference for p in payments)
        assert await verify_ledger() == []
    wallet = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert wallet["estateWallet"]["balance"]["amount"] == str(to_major(bills_total, "NGN"))
    for n, person in enumerate(world.residents):
        own = await person.client.ok("{ wallet { balance { amount } } }")
        assert own["wallet"]["balance"]["amount"] == str(to_major(deposits[n], "NGN"))


@pytest.fixture
def silent_redis() -> Iterator[str]:
    """A Redis address that accepts connections and never answers (a stalled server)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)  # the kernel completes connections nobody ever reads
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"


async def test_a_stalled_redis_does_not_hold_up_the_shim(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str], silent_redis: str
) -> None:
    fake, base_url = paystack
    world = await build_world(gql, residents=1, prefix="stall")
    await with_paystack(world, base_url)
    bill = await world.bill(world.residents[0], "75.00")
    payment = (await world.residents[0].client.ok(PAY, b=bill["id"], k="stall"))["payBill"]
    app = create_app(make_settings(redis_url=silent_redis, broker_timeout_seconds=0.5))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://shim") as shim:
        expected = Expected(payment["reference"], 0, 7500, bill["id"])
        await deliver(shim, fake, world.slug, [expected])
    await app.state.runtime.redis.aclose()
    async with tenant_scope(world.slug):
        stored = await WebhookEvent.get(reference=payment["reference"])
    assert (stored.status, stored.attempts) == ("RECEIVED", 0)  # the sweeper's to send
