"""Jobs that spend their retries leave a visible dead letter: a notification's unsent
channels turn DEAD with their last error (shown in `Notification.deliveries`), a scheduled
job's run for its slot turns DEAD in the estate's job_runs. The Dramatiq path is driven
through a Redis broker's own middleware chain, as the worker calls it after each try."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine, Iterator
from datetime import datetime
from typing import Any

import dramatiq
import pytest
from dramatiq.broker import MessageProxy
from dramatiq.brokers.redis import RedisBroker

from services.notifications.channels import Channels
from services.notifications.delivery import DeliveryIncomplete, deliver
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import get_settings
from tests.conftest import REDIS_URL, GraphQLClient, make_estate, make_settings
from tests.graphql.test_notifications import SID, SMS_FROM, TOKEN, Household, household
from tests.notification_fakes import FakeSms, FakeSmtp
from tests.world import eventually
from workers import actors, dead_letters, tasks
from workers.broker import InProcessDispatcher
from workers.models import JobRun
from workers.scheduled import run_for_estate

pytestmark = pytest.mark.usefixtures("database")
SLOT = "2031-05-01T09:00:00+00:00"


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    with FakeSmtp.running() as fake:
        fake.failing = True  # every email is refused for now (451)
        yield fake


@pytest.fixture
def sms() -> Iterator[FakeSms]:
    with FakeSms.running(SID, TOKEN) as fake:
        yield fake


@pytest.fixture
def channels(smtp: FakeSmtp, sms: FakeSms, monkeypatch: pytest.MonkeyPatch) -> Iterator[Channels]:
    """The fakes, as the worker's settings (read once, then cached) reach them."""
    for name, value in {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp.port),
        "SMTP_STARTTLS": "false",
        "SMS_API_BASE_URL": sms.base_url,
        "SMS_ACCOUNT_SID": SID,
        "SMS_AUTH_TOKEN": TOKEN,
        "SMS_FROM": SMS_FROM,
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield tasks.notification_channels(get_settings())
    get_settings.cache_clear()  # the next reader sees the environment restored


@pytest.fixture
async def broker() -> AsyncIterator[dramatiq.Broker]:
    """A Redis broker with the worker's middleware, whose recordings run on this loop
    (as the worker runs them on its own) while the hooks run in a thread."""
    loop = asyncio.get_running_loop()

    def run(work: Coroutine[Any, Any, bool]) -> bool:
        return asyncio.run_coroutine_threadsafe(work, loop).result()

    redis = RedisBroker(url=REDIS_URL, namespace=make_settings().queue_namespace)
    dead_letters.install(redis, run)
    for actor in (actors.deliver_notification, actors.mark_overdue_bills):
        redis.declare_actor(actor)
    yield redis
    redis.close()


async def after_try(
    broker: dramatiq.Broker, message: dramatiq.Message[Any], retries: int, exc: Exception
) -> MessageProxy:
    """What the worker signals after a try that raised `exc`, `retries` retries in."""
    proxy = MessageProxy(message)
    proxy.options["retries"] = retries
    await asyncio.to_thread(broker.emit_after, "process_message", proxy, exception=exc)
    return proxy


async def deliveries(home: Household) -> dict[str, dict[str, Any]]:
    query = (
        "query { notifications(first: 5) { edges { node { kind "
        "deliveries { channel status attempts lastError } } } } }"
    )
    nodes = [e["node"] for e in (await home.resident.ok(query))["notifications"]["edges"]]
    [note] = [n for n in nodes if n["kind"] == "BILL_CREATED"]
    return {d["channel"]: d for d in note["deliveries"]}


async def test_a_notification_out_of_retries_is_dead_with_its_last_error(
    gql: GraphQLClient, channels: Channels, smtp: FakeSmtp, broker: dramatiq.Broker
) -> None:
    home = await household(gql)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    report = await deliver(home.slug, notification_id, channels)
    assert report.outcomes == {"EMAIL": "FAILED", "SMS": "SENT"}
    message = actors.deliver_notification.message(home.slug, str(notification_id))
    failure = DeliveryIncomplete(report.summary())

    # Retries left: sent again, nothing given up.
    assert not (await after_try(broker, message, 3, failure)).failed
    assert (await deliveries(home))["EMAIL"]["status"] == "FAILED"

    # The last retry failed too: the email is DEAD, its error kept; the SMS stays SENT.
    assert (await after_try(broker, message, 30, failure)).failed
    shown = await deliveries(home)
    assert shown["EMAIL"]["status"] == "DEAD" and "451" in shown["EMAIL"]["lastError"]
    assert shown["SMS"]["status"] == "SENT"

    # A late copy of the job sends nothing and asks for no retry.
    smtp.failing = False
    late = await deliver(home.slug, notification_id, channels)
    assert late.outcomes == {"EMAIL": "ALREADY_DEAD", "SMS": "ALREADY_SENT"} and late.complete
    assert smtp.to(home.email) == []


async def test_a_scheduled_job_out_of_retries_is_dead_in_its_estates_job_runs(
    broker: dramatiq.Broker,
) -> None:
    slug = (await make_estate("dead")).slug

    async def broken(estate: Estate, now: datetime) -> int:
        raise RuntimeError("the ledger is locked")

    # Every try fails; the last one leaves its run FAILED with its error...
    with pytest.raises(RuntimeError) as failed:
        await run_for_estate("mark_overdue_bills", slug, SLOT, broken)
    message = actors.mark_overdue_bills.message(slug, SLOT)
    assert not (await after_try(broker, message, 4, failed.value)).failed

    async def run_of(slot: str) -> JobRun:
        async with tenant_scope(slug):
            return await JobRun.get(job="mark_overdue_bills", slot=datetime.fromisoformat(slot))

    assert (await run_of(SLOT)).status == "FAILED"
    # ...and once Dramatiq gives up, DEAD, the error kept.
    assert (await after_try(broker, message, 5, failed.value)).failed
    run = await run_of(SLOT)
    assert (run.status, run.error) == ("DEAD", "RuntimeError: the ledger is locked")

    # A slot whose run never started (its estate's database away at every try), and one
    # failed before it ran (too old): each gets a DEAD run with the message's error.
    never = "2031-05-02T09:00:00+00:00"
    message = actors.mark_overdue_bills.message(slug, never)
    await after_try(broker, message, 5, ConnectionError("database unreachable"))
    assert (await run_of(never)).error == "ConnectionError: database unreachable"
    too_old = "2031-05-03T09:00:00+00:00"
    proxy = MessageProxy(actors.mark_overdue_bills.message(slug, too_old))
    proxy.fail()
    await asyncio.to_thread(broker.emit_after, "skip_message", proxy)
    assert [(await run_of(s)).status for s in (never, too_old)] == ["DEAD", "DEAD"]


async def test_the_in_process_worker_gives_up_the_same_way(
    gql: GraphQLClient, channels: Channels, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "IN_PROCESS_DELIVERY_ATTEMPTS", 2)
    monkeypatch.setattr(tasks, "IN_PROCESS_FIRST_BACKOFF", 0.1)
    home = await household(gql)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    await InProcessDispatcher().send("deliver_notification", home.slug, str(notification_id))

    async def given_up() -> dict[str, dict[str, Any]] | None:
        shown = await deliveries(home)
        return shown if shown.get("EMAIL", {}).get("status") == "DEAD" else None

    shown = await eventually(given_up)
    assert shown["EMAIL"]["attempts"] == 2 and "451" in shown["EMAIL"]["lastError"]
    assert shown["SMS"]["status"] == "SENT"
