"""An estate's own reminder days (dunning): set and read by its admins, refused out of
range naming the field, and used by the reminders job in that estate only."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest

from services.bills.models import Bill, BillNotice
from services.bills.reminders import ReminderPolicy
from services.plans import dunning
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world
from workers import scheduled

pytestmark = pytest.mark.usefixtures("database")
SET = """mutation($b: [Int!], $a: [Int!]) { setDunningSchedule(daysBeforeDue: $b,
  daysAfterDue: $a) { daysBeforeDue daysAfterDue custom } }"""
DEFAULT = ReminderPolicy(days_before=(3, 1), days_after=(1, 7), hour=9)


async def test_admins_set_the_estates_reminder_days(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    shown = await world.admin.ok("{ dunningSchedule { daysBeforeDue daysAfterDue custom } }")
    assert shown["dunningSchedule"]["custom"] is False
    made = (await world.admin.ok(SET, b=[5, 0, 5], a=[2, 14]))["setDunningSchedule"]
    assert made == {"daysBeforeDue": [0, 5], "daysAfterDue": [2, 14], "custom": True}
    for before, after, field in [
        ([61], [1], "daysBeforeDue"),
        ([-1], [1], "daysBeforeDue"),
        ([1], [0], "daysAfterDue"),
        ([1], None, "daysAfterDue"),
    ]:
        error = await world.admin.error(SET, b=before, a=after)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}
    error = await world.residents[0].client.error(SET, b=[1], a=[1])
    assert error["extensions"]["code"] == "FORBIDDEN"
    back = (await world.admin.ok(SET, b=None, a=None))["setDunningSchedule"]
    assert back["custom"] is False


async def test_the_reminders_job_uses_the_estates_days(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=0)
    other = await build_world(gql, residents=0, prefix="other")
    actor = uuid.uuid4()
    due = date(2031, 3, 20)
    found = {}
    for each in (world, other):
        estate = await Estate.get(slug=each.slug)
        async with tenant_scope(each.slug):
            if each is world:
                await dunning.set_schedule(actor, [5], [2], DEFAULT)
            resident = await Resident.create(user_id=uuid.uuid4())
            bill = await Bill.create(
                number=f"B-{uuid.uuid4().hex[:6]}",
                resident=resident,
                title="Dues",
                type="LEVY",
                amount=1_000,
                currency="NGN",
                status="ACKNOWLEDGED",
                due_date=due,
            )
            for day in ("2031-03-15", "2031-03-16", "2031-03-22"):
                moment = datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=UTC)
                await scheduled._reminders(estate, moment)  # the job's own work
            notices = await BillNotice.filter(bill_id=bill.id).order_by("sent_at")
            found[each.slug] = [n.notice for n in notices]
    assert found[world.slug] == ["before:5", "after:2"]
    assert found[other.slug] == ["after:1"]  # the deployment's days: 3 and 1 before, none visited
