"""Proration on move-out, move-in and a mid-period start, exact to the minor unit, and
wallet autopay with enough and too little money: paid at issue, retried 1, 3 and 7 days
after the first failure, then paused and the resident told; revocable; the ledger holds
after each step. The clock is injected (`now`), in 2031."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from services.access import Viewer
from services.bills.models import Bill, BillLine
from services.ledger.verify import verify_ledger
from services.money import Money
from services.notifications.models import Notification
from services.payments.models import Payment
from services.plans import autopay, catalog, runs, subscriptions
from services.plans.models import AutopayCharge, AutopayMandate, BillRun, PlanSubscription
from services.residents import occupancy
from services.residents.models import Resident
from services.wallets.wallets import wallet_of
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import Person, World, build_world

pytestmark = pytest.mark.usefixtures("database")
ACTOR = uuid.uuid4()


def at(day: str, hour: int = 12) -> datetime:
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00").replace(tzinfo=UTC)


def draft(prorate: bool) -> catalog.PlanDraft:
    return catalog.PlanDraft(
        name="Service",
        bill_type="SERVICE_CHARGE",
        price=catalog.Price(Money(10_000, "NGN"), None),
        interval="MONTHLY",
        billing_day=1,
        due_days=10,
        prorate=prorate,
        late_fee=None,
    )


async def setup(world: World, prorate: bool, day: str) -> tuple[Estate, str]:
    estate = await Estate.get(slug=world.slug)
    async with tenant_scope(world.slug):
        plan = await catalog.create_plan(ACTOR, estate, draft(prorate), at(day))
        await subscriptions.subscribe_units(
            ACTOR, estate, str(plan.id), None, world.property_id, None, at(day)
        )
    return estate, str(plan.id)


async def balance(person: Person) -> int:
    wallet = await wallet_of(person.resident_id, "NGN")
    return wallet.account.balance


async def test_moves_in_a_period_are_trued_up_to_the_minor_unit(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bo = world.residents
    estate, plan_id = await setup(world, prorate=True, day="2031-03-01")
    async with tenant_scope(world.slug):
        assert await runs.run_due(estate, at("2031-03-01")) == 2  # both units, whole March
        # Ada leaves U1 on the 11th (her last day the 10th); Bo moves from U2 to U1 then.
        await occupancy.move_out(
            ACTOR, estate, ada.resident_id, ada.unit_id, date(2031, 3, 11), at("2031-03-15")
        )
        await occupancy.transfer(
            ACTOR,
            estate,
            bo.resident_id,
            bo.unit_id,
            ada.unit_id,
            date(2031, 3, 11),
            at("2031-03-15"),
        )
        before = (await balance(ada), await balance(bo))
        preview = await runs.preview(plan_id, date(2031, 4, 1), estate, at("2031-04-01"))
        kinds = sorted(
            (line.kind, line.resident_id == bo.resident_id, line.amount) for line in preview.lines
        )
        assert kinds == [
            ("CHARGE", True, 10_000),  # April in U1
            ("CREDIT", False, -6_774),  # Ada: 21 March days in U1 not stayed
            ("CREDIT", True, -6_774),  # Bo: 21 March days in U2 after leaving it
            ("TRUE_UP", True, 6_774),  # Bo: his 21 March days in U1
            ("VACANCY", False, 6_774),  # U2 empty from the 11th...
            ("VACANCY", False, 10_000),  # ...and all April
        ]
        assert await runs.run_due(estate, at("2031-04-01")) == 1
        april = await Bill.get(resident_id=bo.resident_id, title="Service 2031-04")
        assert april.amount == 16_774 and april.unit_id is not None
        lines = (
            await BillLine.filter(bill_id=april.id)
            .order_by("position")
            .values_list("amount", flat=True)
        )
        assert list(lines) == [10_000, 6_774]
        assert (await balance(ada), await balance(bo)) == (before[0] + 6_774, before[1] + 6_774)
        run = await BillRun.get(plan_id=plan_id, period=date(2031, 4, 1))
        assert (run.count, run.total, run.vacant, run.vacancy_total) == (1, 16_774, 1, 16_774)
        # Nothing moved in April: May trues up nothing.
        may = await runs.preview(plan_id, date(2031, 5, 1), estate, at("2031-05-01"))
        assert sorted(line.kind for line in may.lines) == ["CHARGE", "VACANCY"]
        assert await verify_ledger() == []


async def test_a_subscription_starting_mid_period_pays_its_days(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    (ada,) = world.residents
    estate = await Estate.get(slug=world.slug)
    async with tenant_scope(world.slug):
        plan = await catalog.create_plan(ACTOR, estate, draft(prorate=True), at("2031-04-05"))
        await subscriptions.subscribe_units(
            ACTOR, estate, str(plan.id), [ada.unit_id], None, date(2031, 4, 20), at("2031-04-05")
        )
        made = await runs.preview(str(plan.id), date(2031, 4, 9), estate, at("2031-04-05"))
        assert made.period == date(2031, 4, 1)
        assert [(line.kind, line.days, line.amount) for line in made.lines] == [
            ("CHARGE", 11, 3_667)  # 20-30 April: 10,000 - round(10,000 x 19 / 30)
        ]


async def viewer(person: Person) -> Viewer:
    resident = await Resident.get(id=person.resident_id)
    return Viewer(resident.user_id, is_admin=False, resident_id=resident.id)


async def test_wallet_autopay_pays_at_issue_retries_then_pauses(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    rich, poor = world.residents
    await world.fund(rich, "250.00")
    await world.fund(poor, "50.00")
    estate, plan_id = await setup(world, prorate=False, day="2031-05-01")
    async with tenant_scope(world.slug):
        subs = {str(s.unit_id): str(s.id) for s in await PlanSubscription.filter(plan_id=plan_id)}
        for person in (rich, poor):
            await autopay.enable(
                await viewer(person), estate, subs[person.unit_id], "WALLET", None, at("2031-04-30")
            )
        mandate = await AutopayMandate.get(resident_id=rich.resident_id)
        assert "without my PIN" in mandate.consent and mandate.status == "ACTIVE"

        assert await runs.run_due(estate, at("2031-05-01")) == 2
        paid = await Bill.get(resident_id=rich.resident_id, title="Service 2031-05")
        assert paid.status == "PAID" and paid.acknowledged_at is not None
        assert (
            await Payment.filter(bill_id=paid.id, provider="WALLET", status="SUCCEEDED").count()
            == 1
        )
        assert await balance(rich) == 15_000
        owed = await Bill.get(resident_id=poor.resident_id, title="Service 2031-05")
        assert owed.status == "ACKNOWLEDGED"
        charge = await AutopayCharge.get(bill_id=owed.id)
        assert (charge.attempts, charge.next_attempt_at) == (1, at("2031-05-02"))
        assert charge.last_failure_code == "INSUFFICIENT_FUNDS"
        assert await verify_ledger() == []

        # Retries on day 1, 3 and 7 after the first failure; in between, nothing is tried.
        for moment, tries, attempts in [
            (at("2031-05-01", 18), 0, 1),
            (at("2031-05-02"), 1, 2),
            (at("2031-05-02", 13), 0, 2),
            (at("2031-05-04"), 1, 3),
            (at("2031-05-08"), 1, 4),
            (at("2031-05-09"), 0, 4),
        ]:
            assert await autopay.collect_due(estate, moment) == tries, moment
            assert (await AutopayCharge.get(id=charge.id)).attempts == attempts, moment
            assert await verify_ledger() == []
        assert (await AutopayCharge.get(id=charge.id)).status == "GAVE_UP"
        assert (await AutopayMandate.get(resident_id=poor.resident_id)).status == "PAUSED"
        user = (await viewer(poor)).user_id
        kinds = [
            str(k) for k in await Notification.filter(user_id=user).values_list("kind", flat=True)
        ]
        assert kinds.count("AUTOPAY_FAILED") == 3 and kinds.count("AUTOPAY_PAUSED") == 1
        assert await balance(poor) == 5_000  # nothing moved

        # The rich resident revokes: June's bill waits for them; the paused one too.
        await autopay.disable(await viewer(rich), subs[rich.unit_id], at("2031-05-20"))
        assert await runs.run_due(estate, at("2031-06-01")) == 2
        june = await Bill.filter(title="Service 2031-06").values_list("status", flat=True)
        assert sorted(june) == ["PENDING_ACKNOWLEDGMENT", "PENDING_ACKNOWLEDGMENT"]
        assert await runs.run_due(estate, at("2031-06-01", 13)) == 0  # once per period
        assert await balance(rich) == 15_000
        assert await verify_ledger() == []
