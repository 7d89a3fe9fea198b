"""The scheduled jobs and the claim store against the real database: overdue marks in
each estate's timezone, reminders once, the claim race, taking over a dead scheduler's
claim, and job runs recorded once per slot."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tortoise.exceptions import IntegrityError

from services.audit.models import AuditEntry
from services.bills.models import Bill, BillNotice
from services.bills.overdue import mark_overdue
from services.bills.reminders import ReminderPolicy, send_reminders
from services.estates import provisioning
from services.notifications.models import Notification
from services.notifications.retention import purge_read
from services.payments.models import WebhookEvent
from services.payments.retention import purge_webhook_events
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, unique_slug
from tests.world import eventually
from workers import tasks
from workers.broker import InProcessDispatcher
from workers.clock import FileClock
from workers.models import JobRun, ScheduleClaim
from workers.schedule import SCHEDULE, PeriodicJob
from workers.scheduled import run_for_estate
from workers.scheduler import Scheduler, claim_next, take_over_stale

pytestmark = pytest.mark.usefixtures("database")
POLICY = ReminderPolicy(days_before=(1, 3), days_after=(1, 7), hour=9)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def estate_in(timezone: str) -> Estate:
    slug = unique_slug("tz")
    return await provisioning.create_estate(
        provisioning.EstateInput(
            slug=slug,
            name=f"Estate {slug}",
            currency="NGN",
            timezone=timezone,
            admin_email=f"admin@{slug}.test",
            admin_full_name="Admin",
            admin_password=PASSWORD,
        )
    )


async def bill(due: str, status: str = "ACKNOWLEDGED", paid: int = 0) -> Bill:
    """A bill of a new resident (inside the caller's estate scope)."""
    resident = await Resident.create(user_id=uuid.uuid4())
    return await Bill.create(
        number=f"B-{uuid.uuid4().hex[:8]}",
        resident=resident,
        title="Service charge",
        type="SERVICE_CHARGE",
        amount=500_000,
        amount_paid=paid,
        currency="NGN",
        status=status,
        due_date=date.fromisoformat(due),
    )


async def notices(bill_id: uuid.UUID) -> list[str]:
    rows = (
        await BillNotice.filter(bill_id=bill_id)
        .order_by("sent_at")
        .values_list("notice", flat=True)
    )
    return [str(r) for r in rows]


async def kinds(user_id: uuid.UUID) -> list[str]:
    rows = (
        await Notification.filter(user_id=user_id)
        .order_by("created_at")
        .values_list("kind", flat=True)
    )
    return [str(r) for r in rows]


async def test_a_bill_due_today_in_lagos_is_already_overdue_in_auckland() -> None:
    lagos, auckland = await estate_in("Africa/Lagos"), await estate_in("Pacific/Auckland")
    ids = {}
    for estate in (lagos, auckland):
        async with tenant_scope(estate.slug):
            ids[estate.slug] = (await bill("2031-03-10")).id
    # 12:00 UTC: 13:00 on the 10th in Lagos, 01:00 on the 11th in Auckland.
    noon = at("2031-03-10 12:00")
    for estate, expected, status in ((lagos, 0, "ACKNOWLEDGED"), (auckland, 1, "OVERDUE")):
        async with tenant_scope(estate.slug):
            assert await mark_overdue(estate, noon) == expected
            assert (await Bill.get(id=ids[estate.slug])).status == status
    # Lagos' midnight comes at 23:00 UTC.
    async with tenant_scope(lagos.slug):
        assert await mark_overdue(lagos, at("2031-03-10 22:59")) == 0
        assert await mark_overdue(lagos, at("2031-03-10 23:00")) == 1
        assert (await Bill.get(id=ids[lagos.slug])).status == "OVERDUE"


async def test_only_unpaid_acknowledged_or_part_paid_bills_turn_overdue_and_tell_once() -> None:
    estate = await estate_in("Africa/Lagos")
    async with tenant_scope(estate.slug):
        acknowledged = await bill("2031-03-01")
        part_paid = await bill("2031-03-01", "PARTIALLY_PAID", paid=100_000)
        untouched = [
            await bill("2031-03-01", status)
            for status in ("PENDING_ACKNOWLEDGMENT", "DISPUTED", "PAID", "CANCELLED")
        ]
        not_yet = await bill("2031-03-09")
        assert await mark_overdue(estate, at("2031-03-05 12:00")) == 2
        assert await mark_overdue(estate, at("2031-03-05 13:00")) == 0  # nothing left
        for b in (acknowledged, part_paid):
            assert (await Bill.get(id=b.id)).status == "OVERDUE"
            assert await notices(b.id) == ["overdue"]
            user = (await Resident.get(id=b.resident_id)).user_id
            assert await kinds(user) == ["BILL_OVERDUE"]
        for b in [*untouched, not_yet]:
            assert (await Bill.get(id=b.id)).status == b.status
        # A part payment returns it to PARTIALLY_PAID: marked again, but told only once.
        await Bill.filter(id=acknowledged.id).update(status="PARTIALLY_PAID", amount_paid=1)
        assert await mark_overdue(estate, at("2031-03-06 12:00")) == 1
        user = (await Resident.get(id=acknowledged.resident_id)).user_id
        assert await kinds(user) == ["BILL_OVERDUE"]
        marks = await AuditEntry.filter(action="markOverdue", object_id=str(acknowledged.id))
        assert len(marks) == 2


async def test_each_reminder_goes_once_and_only_while_the_bill_is_unpaid() -> None:
    estate = await estate_in("Africa/Lagos")
    async with tenant_scope(estate.slug):
        unpaid = await bill("2031-03-10")
        paid_later = await bill("2031-03-10")
        user = (await Resident.get(id=unpaid.resident_id)).user_id
        days = {
            "2031-03-06": 0,
            "2031-03-07": 2,  # "before:3" for both
            "2031-03-08": 0,
            "2031-03-09": 1,  # "before:1"; the other bill is paid by now
            "2031-03-10": 0,
            "2031-03-11": 1,  # "after:1"
            "2031-03-17": 1,  # "after:7"
            "2031-03-18": 0,
        }
        for day, expected in days.items():
            if day == "2031-03-09":
                await Bill.filter(id=paid_later.id).update(status="PAID", amount_paid=500_000)
            for hour in ("10:00", "15:00"):  # a second run the same day sends nothing
                sent = await send_reminders(estate, at(f"{day} {hour}"), POLICY)
                assert sent == (expected if hour == "10:00" else 0), (day, hour)
        assert await notices(unpaid.id) == ["before:3", "before:1", "after:1", "after:7"]
        assert await notices(paid_later.id) == ["before:3"]
        assert await kinds(user) == ["BILL_REMINDER"] * 4
        first = await Notification.filter(user_id=user).order_by("created_at").first()
        assert first is not None and "due in 3 days" in first.title


async def test_reminders_wait_for_the_morning_in_the_estates_timezone() -> None:
    auckland = await estate_in("Pacific/Auckland")
    async with tenant_scope(auckland.slug):
        b = await bill("2031-03-10")
        # 19:00 UTC on the 6th is 08:00 on the 7th in Auckland: not yet the 7th's reminders.
        assert await send_reminders(auckland, at("2031-03-06 19:00"), POLICY) == 0
        assert await send_reminders(auckland, at("2031-03-06 20:00"), POLICY) == 1
        assert await notices(b.id) == ["before:3"]


async def test_concurrent_runs_of_the_reminders_send_each_once() -> None:
    estate = await estate_in("Africa/Lagos")
    async with tenant_scope(estate.slug):
        bills = [await bill("2031-03-10") for _ in range(5)]

    async def run() -> int:
        async with tenant_scope(estate.slug):
            return await send_reminders(estate, at("2031-03-07 10:00"), POLICY)

    assert sum(await asyncio.gather(run(), run(), run())) == 5
    async with tenant_scope(estate.slug):
        for b in bills:
            assert await notices(b.id) == ["before:3"]
        assert await Notification.filter(kind="BILL_REMINDER").count() == 5


def a_job() -> PeriodicJob:
    return PeriodicJob(f"test-{uuid.uuid4().hex[:8]}", "0 * * * *")


async def test_a_flagged_job_goes_only_to_the_estates_with_the_flag(tmp_path: Path) -> None:
    """The chain watch, every minute, visits only estates that configured Bitcoin."""
    plain, bitcoin = await estate_in("UTC"), await estate_in("UTC")
    await Estate.filter(id=bitcoin.id).update(watches_bitcoin=True)
    watch = next(job for job in SCHEDULE if job.name == "watch_bitcoin_payments")
    assert watch.only_flagged == "watches_bitcoin"
    job = PeriodicJob(f"test-{uuid.uuid4().hex[:8]}", "* * * * *", only_flagged="watches_bitcoin")
    everyone = PeriodicJob(f"test-{uuid.uuid4().hex[:8]}", "* * * * *")
    sent: list[tuple[str, ...]] = []

    class Recorder(InProcessDispatcher):
        async def send(self, job_name: str, *args: str | int) -> None:
            sent.append((job_name, *map(str, args)))

    clock = FileClock(tmp_path / "now")
    clock.set(at("2031-03-05 10:07"))
    await Scheduler(Recorder(), clock, lease=timedelta(minutes=5), jobs=[job, everyone]).tick()
    to_flagged = {args[0] for name, *args in sent if name == job.name}
    to_all = {args[0] for name, *args in sent if name == everyone.name}
    assert bitcoin.slug in to_flagged and plain.slug not in to_flagged
    assert {bitcoin.slug, plain.slug} <= to_all


async def test_of_three_schedulers_claiming_a_slot_exactly_one_wins() -> None:
    job, now = a_job(), at("2031-03-05 10:20")
    claims = await asyncio.gather(
        *(claim_next(job, now, f"s{n}", datetime.now(UTC)) for n in range(3))
    )
    won = [c for c in claims if c is not None]
    assert len(won) == 1 and won[0].slot == at("2031-03-05 10:00") and won[0].covers == 1
    assert await claim_next(job, now, "s0", datetime.now(UTC)) is None


async def test_claims_form_a_chain_that_covers_missed_slots_once() -> None:
    job = a_job()
    first = await claim_next(job, at("2031-03-05 10:20"), "s", datetime.now(UTC))
    assert first is not None and first.after is None
    # Down for three hours: one claim covers the three fire times, for the latest.
    late = await claim_next(job, at("2031-03-05 13:01"), "s", datetime.now(UTC))
    assert late is not None
    assert (late.slot, late.after, late.covers) == (at("2031-03-05 13:00"), first.slot, 3)
    # The clock going back (or a scheduler behind) claims nothing.
    assert await claim_next(job, at("2031-03-05 12:00"), "s", datetime.now(UTC)) is None
    # A scheduler that read the chain before `late` existed cannot fork it.
    with pytest.raises(IntegrityError):
        await ScheduleClaim.create(
            job=job.name,
            slot=at("2031-03-05 14:00"),
            after=first.slot,
            covers=4,
            claimed_by="behind",
            claimed_at=datetime.now(UTC),
        )


async def test_a_claim_left_unsent_past_the_lease_is_sent_by_another_scheduler() -> None:
    job, lease = a_job(), timedelta(seconds=30)
    stale = await ScheduleClaim.create(
        job=job.name,
        slot=at("2031-03-05 10:00"),
        claimed_by="dead",
        claimed_at=datetime.now(UTC) - timedelta(minutes=5),
    )
    fresh = await ScheduleClaim.create(
        job=job.name,
        slot=at("2031-03-05 11:00"),
        after=stale.slot,
        claimed_by="busy",
        claimed_at=datetime.now(UTC),
    )
    taken = await asyncio.gather(
        *(take_over_stale([job], f"s{n}", datetime.now(UTC), lease) for n in range(3))
    )
    assert sorted(len(t) for t in taken) == [0, 0, 1]  # one taker, and not the fresh one
    assert [c.id for t in taken for c in t] == [stale.id]
    assert (await ScheduleClaim.get(id=fresh.id)).claimed_by == "busy"


async def test_a_job_runs_once_per_slot_and_keeps_its_failures() -> None:
    estate = await estate_in("Africa/Lagos")
    async with tenant_scope(estate.slug):
        b = await bill("2031-03-01")
    slot = "2031-03-05T10:00:00+00:00"
    assert await tasks.mark_overdue_bills(estate.slug, slot) == 1
    async with tenant_scope(estate.slug):
        await Bill.filter(id=b.id).update(status="ACKNOWLEDGED")  # would be marked again...
    assert await tasks.mark_overdue_bills(estate.slug, slot) == 0  # ...but the slot is done
    async with tenant_scope(estate.slug):
        run = await JobRun.get(job="mark_overdue_bills", slot=at("2031-03-05 10:00"))
        assert (run.status, run.deliveries, run.attempts, run.affected) == ("DONE", 2, 1, 1)

    failures = iter([RuntimeError("the provider is down")])

    async def flaky(estate: Estate, now: datetime) -> int:
        for failure in failures:
            raise failure
        return 7

    with pytest.raises(RuntimeError):
        await run_for_estate("flaky", estate.slug, slot, flaky)
    async with tenant_scope(estate.slug):
        run = await JobRun.get(job="flaky")
        assert (run.status, run.attempts) == ("FAILED", 1)
        assert run.error == "RuntimeError: the provider is down"
    assert await run_for_estate("flaky", estate.slug, slot, flaky) == 7  # the retry
    async with tenant_scope(estate.slug):
        run = await JobRun.get(job="flaky")
        assert (run.status, run.attempts, run.error) == ("DONE", 2, None)


async def test_retention_removes_only_what_is_finished_and_old() -> None:
    estate = await estate_in("Africa/Lagos")
    now, month = datetime.now(UTC), timedelta(days=30)
    async with tenant_scope(estate.slug):
        for status, age in (("PROCESSED", 40), ("IGNORED", 40), ("FAILED", 40), ("PROCESSED", 1)):
            event = await WebhookEvent.create(
                provider="PAYSTACK", event_id=uuid.uuid4().hex, type="charge.success", payload={}
            )
            await WebhookEvent.filter(id=event.id).update(
                status=status, received_at=now - timedelta(days=age)
            )
        user = uuid.uuid4()
        for read in (now - timedelta(days=40), now - timedelta(days=1), None):
            await Notification.create(user_id=user, kind="X", title="t", read_at=read)
        assert await purge_webhook_events(month, now) == 2
        assert await purge_read(month, now) == 1
        assert sorted(await WebhookEvent.all().values_list("status", flat=True)) == [
            "FAILED",
            "PROCESSED",
        ]
        assert await Notification.filter(user_id=user).count() == 2


@pytest.fixture
async def fresh_schedule() -> None:
    """The real jobs' chains start over: no scheduler runs in this process otherwise."""
    await ScheduleClaim.filter(job__in=[j.name for j in SCHEDULE]).delete()


@pytest.mark.usefixtures("fresh_schedule")
async def test_a_scheduler_tick_sends_every_job_to_every_estate_with_its_slot(
    tmp_path: Path,
) -> None:
    estate = await estate_in("Africa/Lagos")
    async with tenant_scope(estate.slug):
        overdue = await bill("2031-03-04")
        reminded = await bill("2031-03-08")
    clock = FileClock(tmp_path / "now")
    clock.set(at("2031-03-05 10:07"))

    async def just_this_estate(flag: str | None = None) -> list[str]:
        return [estate.slug]

    scheduler = Scheduler(
        InProcessDispatcher(), clock, lease=timedelta(minutes=5), estates=just_this_estate
    )
    sent = await scheduler.tick()
    assert {c.job: c.slot for c in sent} == {
        "mark_overdue_bills": at("2031-03-05 10:00"),
        "send_bill_reminders": at("2031-03-05 10:05"),
        "process_recurring_payments": at("2031-03-05 09:10"),
        "run_bill_runs": at("2031-03-05 09:15"),
        "apply_late_fees": at("2031-03-05 09:20"),
        "collect_autopay": at("2031-03-05 09:25"),
        "expire_stale_payments": at("2031-03-05 10:05"),
        "expire_card_setups": at("2031-03-05 09:35"),
        "watch_bitcoin_payments": at("2031-03-05 10:07"),
        "evaluate_reward_streaks": at("2031-03-05 09:20"),
        "purge_old_records": at("2031-03-05 03:30"),
        "check_payouts": at("2031-03-05 10:05"),
        "auto_payouts": at("2031-03-05 06:00"),
        "prune_schedule": at("2031-03-05 03:45"),
    }
    assert await scheduler.tick() == []  # same clock: nothing new

    async def all_done() -> bool:
        async with tenant_scope(estate.slug):
            return await JobRun.filter(status="DONE").count() == 13  # every per-estate job

    await eventually(all_done)
    async with tenant_scope(estate.slug):
        assert (await Bill.get(id=overdue.id)).status == "OVERDUE"
        assert await notices(reminded.id) == ["before:3"]
    claims = await ScheduleClaim.filter(job__in=[j.name for j in SCHEDULE])
    assert all(c.sent_at is not None for c in claims)
    assert {c.job: c.messages for c in claims}["mark_overdue_bills"] == 1
