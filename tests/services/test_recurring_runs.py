"""`run_due` with an injected clock: one payment per period however often or however
concurrently it runs, bills paid oldest first up to the plan's amount, failures retried
with backoff and the plan paused after `max_failures`, resume and cancel."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest

from services.audit.models import AuditEntry
from services.bills import issuing
from services.bills.models import Bill
from services.errors import (
    InvalidPin,
    InvalidState,
    NotFound,
    PinRequired,
    ValidationFailed,
)
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES
from services.ledger.models import Account, JournalEntry
from services.ledger.verify import verify_ledger
from services.money import Money
from services.notifications.models import Notification
from services.payments.models import Payment
from services.payments.wallet_payments import pay_bill_from_wallet
from services.properties import catalog
from services.recurring import plans
from services.recurring.models import RecurringPayment, RecurringRun
from services.recurring.runs import run_due
from services.residents import directory
from services.wallets import wallets
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, make_estate

pytestmark = pytest.mark.usefixtures("database")

# Lagos is UTC+1: 10:00 UTC on 31 Jan 2030 is 11:00 on 31 Jan there.
NOW = datetime(2030, 1, 31, 10, tzinfo=UTC)
TODAY = date(2030, 1, 31)
ADMIN = issuing.Viewer(uuid.uuid4(), is_admin=True, resident_id=None)


@dataclass
class Home:
    estate: Estate
    viewers: list[issuing.Viewer]
    wallet_ids: list[uuid.UUID]

    @property
    def slug(self) -> str:
        return self.estate.slug

    async def balance(self, who: int = 0) -> int:
        async with tenant_scope(self.slug):
            return (await wallets.get_wallet(self.wallet_ids[who])).account.balance

    async def revenue(self) -> int:
        async with tenant_scope(self.slug):
            account = await Account.get_or_none(code=ESTATE_REVENUE, currency="NGN")
            return account.balance if account else 0

    async def run(self, now: datetime) -> int:
        async with tenant_scope(self.slug):
            return await run_due(now)

    async def plan(
        self,
        amount: int,
        *,
        who: int = 0,
        frequency: str = "MONTHLY",
        start: date = TODAY,
        bill_type: str | None = None,
        max_failures: int = 3,
        pin: str | None = None,
    ) -> RecurringPayment:
        draft = plans.PlanDraft(
            "Levy", Money(amount, "NGN"), frequency, start, bill_type, max_failures
        )
        async with tenant_scope(self.slug):
            return await plans.create_plan(self.viewers[who], self.estate, draft, pin, NOW)

    async def reload(self, plan: RecurringPayment) -> RecurringPayment:
        async with tenant_scope(self.slug):
            return await RecurringPayment.get(id=plan.id)

    async def bill(
        self,
        amount: int,
        due: date,
        *,
        who: int = 0,
        type: str = "SERVICE_CHARGE",
        ack: bool = True,
    ) -> Bill:
        async with tenant_scope(self.slug):
            draft = issuing.BillDraft("Charge", None, type, Money(amount, "NGN"), due)
            bill = await issuing.create_bill(
                ADMIN.user_id, self.estate, str(self.viewers[who].resident_id), None, draft
            )
            if ack:
                bill = await issuing.acknowledge(self.viewers[who], str(bill.id))
            return bill

    async def kinds(self, who: int = 0) -> list[str]:
        async with tenant_scope(self.slug):
            rows = await Notification.filter(
                user_id=self.viewers[who].user_id, kind__startswith="RECURRING"
            ).order_by("created_at", "id")
            return [n.kind for n in rows]

    async def fund(self, amount: int, who: int = 0) -> None:
        async with tenant_scope(self.slug):
            wallet = await wallets.get_wallet(self.wallet_ids[who])
            await wallets.adjust(None, wallet, Money(amount, "NGN"), "top up", uuid.uuid4().hex)

    async def healthy(self) -> bool:
        async with tenant_scope(self.slug):
            problems = await verify_ledger()
        assert problems == []
        return True


async def home(balances: tuple[int, ...] = (1_000_000,), prefix: str = "rc") -> Home:
    fixture = await make_estate(prefix)
    made = Home(fixture.estate, [], [])
    async with tenant_scope(fixture.slug):
        prop = await catalog.create_property(None, "Block", "")
        for n, balance in enumerate(balances):
            unit = await catalog.create_unit(None, str(prop.id), f"U{n}")
            resident = await directory.create_resident(
                None,
                fixture.estate,
                directory.ResidentInput(
                    f"p{n}@{fixture.slug}.test", f"P {n}", None, PASSWORD, [str(unit.id)]
                ),
            )
            wallet = await wallets.wallet_of(resident.id, "NGN")
            if balance:
                await wallets.adjust(None, wallet, Money(balance, "NGN"), "opening", f"open{n}")
            made.viewers.append(issuing.Viewer(resident.user_id, False, resident.id))
            made.wallet_ids.append(wallet.id)
    return made


# A fixed amount to the estate.


async def test_a_fixed_amount_is_paid_once_per_period() -> None:
    h = await home()
    plan = await h.plan(25_000)
    assert plan.status == "ACTIVE" and plan.next_run_date == TODAY

    assert await h.run(NOW) == 1
    assert await h.balance() == 975_000 and await h.revenue() == 25_000
    plan = await h.reload(plan)
    assert plan.next_run_date == date(2030, 2, 28) and plan.last_run_at == NOW
    assert plan.failure_count == 0
    # Again the same day, and later the same month: nothing more to pay.
    assert await h.run(NOW) == 0
    assert await h.run(NOW + timedelta(days=27)) == 0
    assert await h.balance() == 975_000
    assert await h.kinds() == ["RECURRING_PAYMENT_PROCESSED"]
    async with tenant_scope(h.slug):
        entry = await JournalEntry.get(idempotency_key=f"recurring:{plan.id}:2030-01-31")
        assert entry.kind == "TRANSFER_OUT" and entry.reference == str(plan.id)
    assert await h.healthy()


async def test_month_ends_and_catching_up_after_downtime() -> None:
    """31 Jan monthly -> 28 Feb -> 31 Mar -> 30 Apr -> 31 May; a job down for months
    pays each missed period once, oldest first."""
    h = await home()
    plan = await h.plan(10_000)
    assert await h.run(NOW) == 1
    assert await h.run(datetime(2030, 2, 27, 12, tzinfo=UTC)) == 0
    assert await h.run(datetime(2030, 2, 28, 12, tzinfo=UTC)) == 1
    assert (await h.reload(plan)).next_run_date == date(2030, 3, 31)
    # Down from March to early June: March, April and May are paid in one call.
    assert await h.run(datetime(2030, 6, 2, 12, tzinfo=UTC)) == 3
    plan = await h.reload(plan)
    assert plan.next_run_date == date(2030, 6, 30)
    async with tenant_scope(h.slug):
        periods = await RecurringRun.filter(plan_id=plan.id).order_by("period_date")
    assert [r.period_date.isoformat() for r in periods] == [
        "2030-01-31",
        "2030-02-28",
        "2030-03-31",
        "2030-04-30",
        "2030-05-31",
    ]
    assert await h.balance() == 1_000_000 - 5 * 10_000
    assert await h.healthy()


async def test_the_estates_midnight_decides_the_day() -> None:
    h = await home()
    plan = await h.plan(1_000, start=date(2030, 2, 1), frequency="DAILY")
    # 22:59 UTC on 31 Jan is 23:59 in Lagos: not yet; 23:00 UTC is midnight there.
    assert await h.run(datetime(2030, 1, 31, 22, 59, tzinfo=UTC)) == 0
    assert await h.run(datetime(2030, 1, 31, 23, 0, tzinfo=UTC)) == 1
    assert (await h.reload(plan)).next_run_date == date(2030, 2, 2)


async def test_the_platform_fee_applies_to_fixed_amounts() -> None:
    h = await home()
    await Estate.filter(id=h.estate.id).update(platform_fee_bps=100)
    h.estate = await Estate.get(id=h.estate.id)
    await h.plan(50_000)
    assert await h.run(NOW) == 1
    async with tenant_scope(h.slug):
        fees = await Account.get(code=PLATFORM_FEES, currency="NGN")
    assert fees.balance == 500 and await h.revenue() == 49_500
    assert await h.healthy()


# Bills of a type.


async def test_bills_of_the_type_are_paid_oldest_first_up_to_the_amount() -> None:
    h = await home()
    newer = await h.bill(30_000, date(2030, 3, 1))
    older = await h.bill(20_000, date(2030, 1, 1))
    newest = await h.bill(5_000, date(2030, 4, 1))
    water = await h.bill(7_000, date(2029, 12, 1), type="WATER")
    unacknowledged = await h.bill(9_000, date(2029, 11, 1), ack=False)
    plan = await h.plan(35_000, bill_type="SERVICE_CHARGE")

    assert await h.run(NOW) == 1
    async with tenant_scope(h.slug):
        state = {b.id: (b.status, b.amount_paid) for b in await Bill.all()}
        payments = await Payment.filter(bill_id__in=[older.id, newer.id]).order_by("amount")
    assert state[older.id] == ("PAID", 20_000)
    assert state[newer.id] == ("PARTIALLY_PAID", 15_000)
    assert state[newest.id] == ("ACKNOWLEDGED", 0)
    assert state[water.id] == ("ACKNOWLEDGED", 0)
    assert state[unacknowledged.id] == ("PENDING_ACKNOWLEDGMENT", 0)
    assert [p.idempotency_key for p in payments] == [
        f"recurring:{plan.id}:2030-01-31:{newer.id}",
        f"recurring:{plan.id}:2030-01-31:{older.id}",
    ]
    assert all(p.provider == "WALLET" and p.status == "SUCCEEDED" for p in payments)
    assert await h.balance() == 1_000_000 - 35_000 and await h.revenue() == 35_000

    # Next month: the rest of `newer` and all of `newest`.
    assert await h.run(datetime(2030, 2, 28, 9, tzinfo=UTC)) == 1
    async with tenant_scope(h.slug):
        assert (await Bill.get(id=newer.id)).status == "PAID"
        assert (await Bill.get(id=newest.id)).status == "PAID"
    assert await h.balance() == 1_000_000 - 55_000
    assert await h.healthy()


async def test_a_period_with_no_open_bill_passes_without_payment() -> None:
    h = await home()
    plan = await h.plan(35_000, bill_type="RENT")
    assert await h.run(NOW) == 1
    plan = await h.reload(plan)
    assert plan.next_run_date == date(2030, 2, 28) and plan.failure_count == 0
    async with tenant_scope(h.slug):
        run = await RecurringRun.get(plan_id=plan.id)
    assert (run.status, run.amount) == ("NOTHING_DUE", 0)
    assert await h.balance() == 1_000_000 and await h.kinds() == []


async def test_the_wallet_pin_authorises_the_plan_not_each_run() -> None:
    h = await home()
    async with tenant_scope(h.slug):
        wallet = await wallets.get_wallet(h.wallet_ids[0])
        await wallets.set_pin(h.viewers[0].user_id, wallet, "2468", None, NOW)
    with pytest.raises(PinRequired):
        await h.plan(1_000)
    with pytest.raises(InvalidPin):
        await h.plan(1_000, pin="1111")
    await h.bill(1_000, date(2030, 1, 1))
    await h.plan(1_000, pin="2468", bill_type="SERVICE_CHARGE")
    assert await h.run(NOW) == 1
    assert await h.balance() == 999_000
    # The payment is audited as authorised by the plan, with no person as its actor.
    async with tenant_scope(h.slug):
        row = await AuditEntry.get(action="payBillFromWallet")
    assert row.actor_id is None and (row.after or {})["authorisation"].startswith("recurring")


# Idempotency and concurrency.


async def test_concurrent_runs_pay_each_period_once_and_never_deadlock() -> None:
    h = await home((500_000, 500_000, 500_000))
    for who in range(3):
        await h.bill(40_000, date(2030, 1, 1), who=who)
        await h.plan(30_000, who=who, bill_type="SERVICE_CHARGE")
        await h.plan(10_000, who=who, frequency="WEEKLY")
    manual = await h.bill(1_000, date(2030, 1, 2), who=1)

    async def pay_by_hand() -> None:
        async with tenant_scope(h.slug):
            await pay_bill_from_wallet(h.viewers[1], h.estate, str(manual.id), None, None, "m", NOW)

    results = await asyncio.gather(h.run(NOW), h.run(NOW), pay_by_hand(), h.run(NOW))
    assert sum(r for r in results if r is not None) == 6  # 3 residents x 2 plans, once each
    async with tenant_scope(h.slug):
        runs = await RecurringRun.all()
        assert len(runs) == 6 and {r.status for r in runs} == {"PAID"}
    for who in range(3):
        assert await h.balance(who) == 500_000 - 40_000 - (1_000 if who == 1 else 0)
    assert await h.healthy()


async def test_a_settled_period_is_never_paid_again_even_if_the_plan_forgets() -> None:
    h = await home()
    plan = await h.plan(25_000)
    assert await h.run(NOW) == 1
    # A lost update: the plan says January is still to pay.
    async with tenant_scope(h.slug):
        await RecurringPayment.filter(id=plan.id).update(next_run_date=TODAY)
    assert await h.run(NOW) == 0
    assert await h.balance() == 975_000
    assert (await h.reload(plan)).next_run_date == date(2030, 2, 28)
    assert await h.healthy()


# Failures, backoff, pause, resume, cancel.


async def test_failures_back_off_then_pause_and_notify() -> None:
    h = await home((5_000,))
    plan = await h.plan(25_000)

    assert await h.run(NOW) == 1
    plan = await h.reload(plan)
    assert plan.failure_count == 1 and plan.next_attempt_at == NOW + timedelta(hours=1)
    assert plan.last_failure_code == "INSUFFICIENT_FUNDS" and plan.next_run_date == TODAY
    assert await h.run(NOW + timedelta(minutes=59)) == 0  # waiting for the retry

    second = NOW + timedelta(hours=1)
    assert await h.run(second) == 1
    plan = await h.reload(plan)
    assert plan.failure_count == 2 and plan.next_attempt_at == second + timedelta(hours=2)
    assert await h.run(second + timedelta(hours=1)) == 0

    third = second + timedelta(hours=2)
    assert await h.run(third) == 1
    plan = await h.reload(plan)
    assert plan.status == "PAUSED" and plan.failure_count == 3 and plan.next_attempt_at is None
    assert await h.run(third + timedelta(days=40)) == 0
    assert await h.kinds() == [
        "RECURRING_PAYMENT_FAILED",
        "RECURRING_PAYMENT_FAILED",
        "RECURRING_PAYMENT_PAUSED",
    ]
    async with tenant_scope(h.slug):
        runs = await RecurringRun.filter(plan_id=plan.id).order_by("attempt")
    assert [(r.period_date, r.attempt, r.status) for r in runs] == [
        (TODAY, 1, "FAILED"),
        (TODAY, 2, "FAILED"),
        (TODAY, 3, "FAILED"),
    ]
    assert await h.balance() == 5_000 and await h.revenue() == 0

    # Topped up and resumed the same day: that day's period is paid at the next run.
    await h.fund(100_000)
    async with tenant_scope(h.slug):
        resumed = await plans.resume(h.viewers[0], h.estate, str(plan.id), third)
    assert (resumed.status, resumed.failure_count, resumed.next_run_date) == ("ACTIVE", 0, TODAY)
    assert await h.run(third) == 1
    plan = await h.reload(plan)
    assert plan.next_run_date == date(2030, 2, 28) and plan.failure_count == 0
    assert await h.balance() == 80_000
    assert await h.healthy()


async def test_a_success_after_a_failure_resets_the_count() -> None:
    h = await home((0,))
    plan = await h.plan(25_000, max_failures=5)
    assert await h.run(NOW) == 1
    await h.fund(30_000)
    assert await h.run(NOW + timedelta(hours=1)) == 1
    plan = await h.reload(plan)
    assert plan.failure_count == 0 and plan.next_attempt_at is None
    assert plan.last_failure is None and plan.next_run_date == date(2030, 2, 28)
    assert await h.kinds() == ["RECURRING_PAYMENT_FAILED", "RECURRING_PAYMENT_PROCESSED"]


async def test_a_frozen_wallet_fails_the_run() -> None:
    h = await home()
    plan = await h.plan(1_000, max_failures=1)
    async with tenant_scope(h.slug):
        wallet = await wallets.get_wallet(h.wallet_ids[0])
        await wallets.set_frozen(ADMIN.user_id, wallet, True, "audit")
    assert await h.run(NOW) == 1
    plan = await h.reload(plan)
    assert (plan.status, plan.last_failure_code) == ("PAUSED", "WALLET_FROZEN")
    assert await h.kinds() == ["RECURRING_PAYMENT_PAUSED"]


async def test_resume_skips_periods_that_fell_due_while_paused() -> None:
    h = await home()
    plan = await h.plan(1_000, frequency="WEEKLY")
    async with tenant_scope(h.slug):
        await plans.pause(h.viewers[0], str(plan.id))
    assert await h.run(NOW + timedelta(days=20)) == 0
    later = NOW + timedelta(days=20)  # 20 Feb: the weekly dates are 31 Jan, 7, 14, 21 Feb
    async with tenant_scope(h.slug):
        resumed = await plans.resume(ADMIN, h.estate, str(plan.id), later)
    assert resumed.next_run_date == date(2030, 2, 21)
    assert await h.run(later) == 0
    assert await h.run(later + timedelta(days=1)) == 1
    assert await h.balance() == 999_000


async def test_pause_resume_cancel_rules_and_who_may() -> None:
    h = await home((1_000, 1_000))
    plan = await h.plan(1_000)
    other = h.viewers[1]
    async with tenant_scope(h.slug):
        with pytest.raises(NotFound):
            await plans.pause(other, str(plan.id))
        with pytest.raises(ValidationFailed):
            await plans.cancel(other, "not-a-uuid")
        with pytest.raises(InvalidState):
            await plans.resume(h.viewers[0], h.estate, str(plan.id), NOW)
        await plans.pause(ADMIN, str(plan.id))
        with pytest.raises(InvalidState):
            await plans.pause(h.viewers[0], str(plan.id))
        cancelled = await plans.cancel(h.viewers[0], str(plan.id))
        assert cancelled.status == "CANCELLED"
        with pytest.raises(InvalidState):
            await plans.resume(ADMIN, h.estate, str(plan.id), NOW)
        with pytest.raises(InvalidState):
            await plans.cancel(ADMIN, str(plan.id))
        page = await plans.list_plans(other, None, None, 100)
        assert page.items == []
        assert [p.id for p in (await plans.list_plans(ADMIN, None, None, 100)).items] == [plan.id]
    assert await h.run(NOW) == 0
    # The admin's pause told the owner; their own cancel did not.
    assert await h.kinds() == ["RECURRING_PAYMENT_PAUSED"]


async def test_invalid_plans_name_the_field() -> None:
    h = await home()
    cases = [
        ({"start": TODAY - timedelta(days=1)}, "startDate"),
        ({"frequency": "HOURLY"}, "frequency"),
        ({"bill_type": "PIZZA"}, "billType"),
        ({"max_failures": 0}, "maxFailures"),
    ]
    for change, field in cases:
        with pytest.raises(ValidationFailed) as caught:
            await h.plan(1_000, **change)  # type: ignore[arg-type]
        assert caught.value.field == field
    with pytest.raises(ValidationFailed) as caught:
        await h.plan(0)
    assert caught.value.field == "amount"
