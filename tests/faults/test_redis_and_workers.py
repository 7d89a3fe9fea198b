"""Redis and the workers die under payments, webhooks, logins and notifications.

A private `redis-server` (killed, back empty: no persistence) and real `estatepay worker`
processes (SIGKILLed mid-work) behind the API, the fake Paystack and a fake SMTP server.
The test counts what it sent against what was applied: every provider payment confirmed
by its webhook, every wallet payment, every notification emailed, each exactly once."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from estatepay.app import create_app
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services import events
from services.bills.models import Bill
from services.identity.models import User
from services.ledger.models import JournalEntry
from services.ledger.verify import verify_ledger
from services.notifications.models import Notification, NotificationDelivery
from services.payments.models import Payment, WebhookEvent
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import DATABASE_URL, PASSWORD, GraphQLClient, make_settings
from tests.faults.processes import Process, environment, worker
from tests.graphql.test_provider_payments import PAY, SECRET, with_paystack
from tests.notification_fakes import FakeSmtp
from tests.private_redis import PrivateRedis
from tests.world import World, build_world, eventually
from workers.broker import jobs_outlet

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
WALLET_PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { reference status } }"""
# Each verify call to the fake provider takes this long: a worker is always in the middle
# of some event when it is killed.
PROVIDER_DELAY = 0.3
REDIS_DOWN_SECONDS = 6.0


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET, delay=PROVIDER_DELAY)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    with FakeSmtp.running() as fake:
        yield fake


@pytest.fixture
async def api(private_redis: PrivateRedis, database: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The API on the private Redis: its logins count there, its webhook shim and every
    committed change in this process send their jobs there."""
    app = create_app(make_settings(redis_url=private_redis.url))
    outlet = jobs_outlet(app.state.runtime.dispatcher)
    events.install_outlet(outlet)
    transport = httpx.ASGITransport(app=app, client=("10.20.30.40", 1234))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            yield client
    finally:
        events.remove_outlet(outlet)
        await app.state.runtime.redis.aclose()


async def deliver(
    api: httpx.AsyncClient, fake: FakePaystack, slug: str, references: list[str]
) -> None:
    """The payers finish their checkouts and Paystack posts the signed webhooks at once;
    the shim takes every one, Redis or not."""
    for reference in references:
        fake.complete(reference)
    bodies = [fake.webhook(reference) for reference in references]
    responses = await asyncio.gather(
        *(
            api.post(f"/webhooks/paystack/{slug}", content=body, headers=headers)
            for body, headers in bodies
        )
    )
    assert [r.status_code for r in responses] == [200] * len(references)


async def event_counts(slug: str) -> Counter[str]:
    async with tenant_scope(slug):
        events_ = await WebhookEvent.all().values_list("status", "attempts")
    return Counter(
        "processed" if status == "PROCESSED" else "in_flight" if tries else "waiting"
        for status, tries in events_
    )


async def test_redis_and_workers_die_and_nothing_is_lost_or_doubled(
    gql: GraphQLClient,
    database: Settings,
    private_redis: PrivateRedis,
    api: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    smtp: FakeSmtp,
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    fake, paystack_url = paystack
    env = environment(
        DATABASE_URL,
        private_redis.url,
        SWEEP_EVERY_SECONDS="1",
        SWEEP_AFTER_SECONDS="3",
        NOTIFICATION_CLAIM_LEASE_SECONDS="3",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=str(smtp.port),
        SMTP_STARTTLS="false",
    )
    world = await build_world(gql, residents=3, prefix="flt")
    await with_paystack(world, paystack_url)
    api_gql = GraphQLClient(api).as_tenant(world.slug)
    workers: dict[str, Process] = {}
    try:
        # The mail server refuses (451) while the first worker runs: a send it is killed
        # in the middle of delivered nothing, so only loss could follow, never a double.
        smtp.failing = True
        workers["killed"] = worker(env, tmp_path, "killed")
        provider: list[str] = []
        wallet_bills: list[dict[str, Any]] = []
        for n, person in enumerate(world.residents):
            await world.fund(person, "10000.00")
            for i in range(5):
                bill = await world.bill(person, f"{100 + 10 * n + i}.50")
                paid = await person.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex)
                provider.append(paid["payBill"]["reference"])
            wallet_bills += [await world.bill(person, f"{50 + n}.25") for _ in range(2)]
        first, second, third = provider[0::3], provider[1::3], provider[2::3]

        # A worker SIGKILLed in the middle of applying webhooks (and sending mail).
        await deliver(api, fake, world.slug, first)

        async def mid_processing() -> bool:
            assert workers["killed"].alive(), workers["killed"].output()
            # Some event started and not finished, and more of the batch to come: work is
            # left unfinished whatever completes between this look and the kill.
            counts = await event_counts(world.slug)
            return counts["in_flight"] > 0 and counts["processed"] < len(first) - 1

        await eventually(mid_processing, within=60)
        workers["killed"].kill()
        smtp.failing = False
        workers["next"] = worker(env, tmp_path, "next")

        # Redis down: logins are UNAVAILABLE (never INTERNAL), /readyz says so, wallet
        # payments and webhooks are still taken (the database has them), bills are issued.
        private_redis.kill()
        login = await api_gql.error(LOGIN, e=f"r0@{world.slug}.test", p=PASSWORD)
        assert login["extensions"]["code"] == "UNAVAILABLE", login
        ready = await api.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["broker"] is False
        for n, bill in enumerate(wallet_bills):
            person = world.residents[n // 2]
            await person.client.ok(WALLET_PAY, b=bill["id"], k=f"wallet-{n}")
        await deliver(api, fake, world.slug, second)
        for person in world.residents:  # their notifications cannot be queued now
            await world.bill(person, "75.00")
        await asyncio.sleep(REDIS_DOWN_SECONDS)
        assert workers["next"].alive(), workers["next"].output()

        # Back, empty: everything it held is gone. The first login works.
        private_redis.start()
        await api_gql.login(f"r0@{world.slug}.test")
        assert (await api.get("/readyz")).status_code == 200
        await deliver(api, fake, world.slug, third + first[:3])  # and repeats of some

        async def all_done() -> bool:
            assert workers["next"].alive(), workers["next"].output()
            counts = await event_counts(world.slug)
            return counts["processed"] == len(provider) and await all_notified(world, smtp)

        await eventually(all_done, within=90)
    except BaseException:
        for process in workers.values():
            print(f"--- {process.log.name}\n{process.output()}")
        raise
    finally:
        for process in workers.values():
            process.stop()

    applied = await applied_payments(world, provider, wallet_bills)
    mail = await mail_counts(world, smtp)
    fault_report(
        f"faults: webhooks sent={len(provider)} applied={applied['provider']} "
        f"lost={len(provider) - applied['provider']} duplicated={applied['provider_doubled']}"
    )
    fault_report(
        f"faults: wallet-payments sent={len(wallet_bills)} applied={applied['wallet']} "
        f"lost={len(wallet_bills) - applied['wallet']} duplicated={applied['wallet_doubled']}"
    )
    fault_report(
        f"faults: notifications sent={mail['expected']} delivered={mail['delivered']} "
        f"lost={mail['lost']} duplicated={mail['duplicated']}"
    )
    fault_report("faults: logins during-redis-outage=UNAVAILABLE after=ok-first-try")
    assert applied == {
        "provider": len(provider),
        "provider_doubled": 0,
        "wallet": len(wallet_bills),
        "wallet_doubled": 0,
    }
    assert mail["lost"] == mail["duplicated"] == 0, mail
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


async def applied_payments(
    world: World, provider: list[str], wallet_bills: list[dict[str, Any]]
) -> dict[str, int]:
    async with tenant_scope(world.slug):
        succeeded = await Payment.filter(status="SUCCEEDED").values_list("reference", "bill_id")
        journal = JournalEntry.filter(reference__in=[r for r, _ in succeeded])
        entries = Counter(str(r) for r in await journal.values_list("reference", flat=True))
        per_bill = Counter(str(bill) for _, bill in succeeded)
        bills = {str(b.id): b.status for b in await Bill.all()}
    references = {r for r, _ in succeeded}
    wallet_ids = [b["id"] for b in wallet_bills]
    return {
        "provider": sum(1 for r in provider if r in references and entries[r] == 1),
        "provider_doubled": sum(1 for r in provider if entries[r] > 1),
        "wallet": sum(1 for b in wallet_ids if per_bill[b] == 1 and bills[b] == "PAID"),
        "wallet_doubled": sum(1 for b in wallet_ids if per_bill[b] > 1),
    }


async def all_notified(world: World, smtp: FakeSmtp) -> bool:
    """Every notification of the estate emailed (its delivery row SENT)."""
    async with tenant_scope(world.slug):
        notes = await Notification.all().count()
        sent = await NotificationDelivery.filter(channel="EMAIL", status="SENT").count()
    return notes > 0 and sent == notes


async def mail_counts(world: World, smtp: FakeSmtp) -> dict[str, int]:
    """Per person, the notifications written against the emails the server received."""
    async with tenant_scope(world.slug):
        per_user = Counter(
            str(u) for u in await Notification.all().values_list("user_id", flat=True)
        )
    emails = dict(await User.filter(id__in=list(per_user)).values_list("id", "email"))
    got = {str(u): len(smtp.to(email)) for u, email in emails.items()}
    return {
        "expected": sum(per_user.values()),
        "delivered": sum(min(got[u], n) for u, n in per_user.items()),
        "lost": sum(max(0, n - got[u]) for u, n in per_user.items()),
        "duplicated": sum(max(0, got[u] - n) for u, n in per_user.items()),
    }
