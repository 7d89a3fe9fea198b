"""The monthly streak job in simulated time: a scheduler reads a file clock (as in a drill),
its messages run the real job for each slot, and residents pay on time or late through
the months. Exactly once across re-runs: the same slot again, another scheduler, and the
evaluation called directly grant nothing new."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from services.access import Viewer
from services.bills import issuing
from services.bills.models import Bill
from services.ledger.models import Account, JournalEntry
from services.ledger.verify import verify_ledger
from services.money import Money
from services.payments.wallet_payments import pay_bill_from_wallet
from services.properties import catalog
from services.residents import directory
from services.rewards import rewards, streaks
from services.rewards.models import RewardStreak
from services.wallets import wallets
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, make_estate
from workers import scheduled
from workers.clock import FileClock
from workers.schedule import SCHEDULE, PeriodicJob
from workers.scheduler import Scheduler

pytestmark = pytest.mark.usefixtures("database")
STREAK_JOB = next(job for job in SCHEDULE if job.name == "evaluate_reward_streaks")
ADMIN = uuid.uuid4()
ONE_OFF: dict[str, object] = {"monthsRequired": 3, "amount": 5_000, "recurring": False}  # 50.00
RECURRING: dict[str, object] = {"monthsRequired": 3, "amount": 1_000, "recurring": True}  # 10.00


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Drill:
    """A scheduler of the streak job on a file clock; its messages run the real job."""

    def __init__(self, estate: Estate, tmp_path: Path) -> None:
        self.estate = estate
        self.clock = FileClock(tmp_path / "now")
        self.sent: list[str] = []  # slots
        self.granted = 0
        # A job name of its own: the test database's other schedulers keep their chains.
        self.job = PeriodicJob(f"streaks-{uuid.uuid4().hex[:8]}", STREAK_JOB.cron)

    def scheduler(self) -> Scheduler:
        async def just_this_estate(flag: str | None = None) -> list[str]:
            return [self.estate.slug]

        return Scheduler(
            self, self.clock, lease=timedelta(minutes=5), jobs=[self.job], estates=just_this_estate
        )

    async def send(self, job: str, *args: str | int) -> None:
        slug, slot = str(args[0]), str(args[1])
        self.sent.append(slot)
        self.granted += await scheduled.evaluate_reward_streaks(slug, slot)

    async def at(self, moment: datetime) -> None:
        self.clock.set(moment)
        await self.scheduler().tick()


async def resident(estate: Estate, n: int, unit_id: str) -> Viewer:
    made = await directory.create_resident(
        None,
        estate,
        directory.ResidentInput(f"s{n}@{estate.slug}.test", f"S {n}", None, PASSWORD, [unit_id]),
    )
    wallet = await wallets.wallet_of(made.id, "NGN")
    await wallets.adjust(None, wallet, Money(10_000_000, "NGN"), "opening", f"open{n}")
    return Viewer(made.user_id, False, made.id)


async def bill_due(estate: Estate, who: Viewer, due: date) -> Bill:
    draft = issuing.BillDraft("Levy", None, "LEVY", Money(10_000, "NGN"), due)
    made = await issuing.create_bill(ADMIN, estate, str(who.resident_id), None, draft)
    await issuing.acknowledge(who, str(made.id))
    return made


async def rewards_of(who: Viewer) -> int:
    account = await Account.get_or_none(code=f"rewards:{who.resident_id}")
    return account.balance if account else 0


async def test_streaks_month_by_month(tmp_path: Path) -> None:
    estate = (await make_estate("streak")).estate  # Africa/Lagos: UTC+1
    async with tenant_scope(estate.slug):
        unit = await catalog.create_unit(
            None, str((await catalog.create_property(None, "Block", "")).id), "U1"
        )
        ada, bob = [await resident(estate, n, str(unit.id)) for n in range(2)]
        await rewards.configure(ADMIN, rewards.Config(True, [ONE_OFF, RECURRING], 0))
        bills = {
            (who, month): await bill_due(estate, viewer, date(2031, month, 15))
            for who, viewer in (("ada", ada), ("bob", bob))
            for month in range(1, 10)
        }
    drill = Drill(estate, tmp_path)

    async def pay(who: str, viewer: Viewer, month: int, moment: datetime) -> None:
        async with tenant_scope(estate.slug):
            bill_id = str(bills[(who, month)].id)
            await pay_bill_from_wallet(viewer, estate, bill_id, None, None, f"k{month}", moment)

    async def balances() -> tuple[int, int]:
        async with tenant_scope(estate.slug):
            return await rewards_of(ada), await rewards_of(bob)

    for month in range(1, 10):
        paid_at = utc(f"2031-{month:02d}-10T12:00")
        await drill.at(paid_at)
        await pay("ada", ada, month, paid_at)
        if month != 4:  # Bob pays April's bill on May 2nd: late
            await pay("bob", bob, month, paid_at)
        if month == 5:
            await pay("bob", bob, 4, utc("2031-05-02T12:00"))
        last_day = (date(2031, month, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        # 22:30 UTC on the last day is 23:30 in Lagos: the month is not over there yet.
        before, after = (
            datetime(last_day.year, last_day.month, last_day.day, 22, 30, tzinfo=UTC),
            datetime(last_day.year, last_day.month, last_day.day, 23, 30, tzinfo=UTC),
        )
        await drill.at(before)
        if month == 3:
            assert await balances() == (0, 0)  # 2 months done, March not yet
        await drill.at(after)
        if month == 3:  # one-off and recurring tiers, once each
            assert await balances() == (6_000, 6_000)
        if month == 4:  # Bob's late April resets his streak; Ada's goes on
            assert await balances() == (6_000, 6_000)
    # Ada: one-off once, recurring at 3, 6, 9. Bob: reset by April, then May to July
    # reach 3 again (a reset starts the tier counts over): both tiers once more.
    assert await balances() == (5_000 + 3 * 1_000, 2 * (5_000 + 1_000))
    assert drill.granted == 4 + 4
    async with tenant_scope(estate.slug):
        rows = {str(r.resident_id): r for r in await RewardStreak.all()}
        assert (rows[str(ada.resident_id)].streak, rows[str(bob.resident_id)].streak) == (9, 5)
        assert rows[str(ada.resident_id)].evaluated_through == date(2031, 9, 1)
        assert await JournalEntry.filter(kind="STREAK_REWARD").count() == 8
        assert await verify_ledger() == []

    # Re-runs grant nothing: the same slot again, another scheduler on the same clock,
    # and the evaluation itself for a later moment in the same month.
    last_slot = drill.sent[-1]
    assert await scheduled.evaluate_reward_streaks(estate.slug, last_slot) == 0
    assert await drill.scheduler().tick() == []
    async with tenant_scope(estate.slug):
        assert await streaks.evaluate(estate, utc("2031-10-20T12:00")) == 0
    assert await balances() == (8_000, 12_000)


async def test_unpaid_month_resets_and_empty_months_leave_the_streak(tmp_path: Path) -> None:
    estate = (await make_estate("streak")).estate
    async with tenant_scope(estate.slug):
        unit = await catalog.create_unit(
            None, str((await catalog.create_property(None, "Block", "")).id), "U1"
        )
        cy = await resident(estate, 0, str(unit.id))
        await rewards.configure(ADMIN, rewards.Config(True, [ONE_OFF], 0))
        # January and March billed and paid on time, February has no bill, April's is
        # paid after its due date (PAID, but late), May's is not paid at all.
        for month, day in ((1, 1), (3, 1), (4, 20)):
            bill = await bill_due(estate, cy, date(2031, month, 15))
            await pay_bill_from_wallet(
                cy,
                estate,
                str(bill.id),
                None,
                None,
                f"c{month}",
                utc(f"2031-{month:02d}-{day:02d}"),
            )
        await bill_due(estate, cy, date(2031, 5, 15))
        # Streaks off: nothing is evaluated (nor marked evaluated).
        await rewards.configure(ADMIN, rewards.Config(False, [ONE_OFF], 0))
        assert await streaks.evaluate(estate, utc("2031-06-02T00:00")) == 0
        assert await RewardStreak.all().count() == 0
        await rewards.configure(ADMIN, rewards.Config(True, [ONE_OFF], 0))
    drill = Drill(estate, tmp_path)
    await drill.at(utc("2031-04-01T00:00"))  # January to March: streak 2, no tier yet
    async with tenant_scope(estate.slug):
        row = await RewardStreak.get(resident_id=cy.resident_id)
        assert (row.streak, row.evaluated_through) == (2, date(2031, 3, 1))
    await drill.at(utc("2031-05-01T00:00"))  # April paid late: back to 0
    async with tenant_scope(estate.slug):
        row = await RewardStreak.get(resident_id=cy.resident_id)
        assert (row.streak, row.evaluated_through) == (0, date(2031, 4, 1))
        row.streak = 2  # as if April had not reset it: May must, being unpaid
        await row.save()
    await drill.at(utc("2031-06-01T00:00"))
    async with tenant_scope(estate.slug):
        row = await RewardStreak.get(resident_id=cy.resident_id)
        assert (row.streak, row.evaluated_through) == (0, date(2031, 5, 1))
        assert await rewards_of(cy) == 0
        assert await verify_ledger() == []
