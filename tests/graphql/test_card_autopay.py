"""Autopay from a saved Stripe card (the fake, over real HTTP): a bill run's bill is
charged off-session once; a declined card is a failed try with its category, retried on
the schedule; a resident cannot put another's card on their subscription."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from estatepay.demo.fakes.stripe import FakeStripe
from services.plans import card_autopay
from services.plans.models import AutopayCharge
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import GraphQLClient
from tests.graphql.test_payment_methods import fake_stripe, ledger_holds, save_card, stripe_world
from tests.plans.test_plans_api import CREATE, RUN, SUBSCRIBE, plan_input, this_period
from tests.plans.test_plans_residents import ENABLE

__all__ = ["fake_stripe"]  # the fixture, imported for this module's tests
BILL = "query($id: ID!) { bill(id: $id) { status amount { amount } amountPaid { amount } } }"


async def test_a_bill_runs_bill_is_charged_to_the_saved_card_and_a_decline_is_retried(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada, bo = world.residents
    ada_card, _ = await save_card(world, ada, fake, http)
    bo_card, bo_card_id = await save_card(world, bo, fake, http)
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    subs = (await world.admin.ok(SUBSCRIBE, p=plan["id"], prop=world.property_id))["subscribeUnits"]
    own = {s["unit"]["id"]: s["id"] for s in subs}

    # Someone else's card is nobody's to charge here.
    error = await bo.client.error(ENABLE, s=own[bo.unit_id], src="PAYMENT_METHOD", m=ada_card)
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "paymentMethodId"}
    for person, card in ((ada, ada_card), (bo, bo_card)):
        on = await person.client.ok(ENABLE, s=own[person.unit_id], src="PAYMENT_METHOD", m=card)
        assert on["enableAutopay"]["autopay"]["status"] == "ACTIVE"

    fake.cards.decline(bo_card_id)
    await world.admin.ok(RUN, p=plan["id"], d=await this_period(world))
    estate = await Estate.get(slug=world.slug)
    now = datetime.now(UTC)
    assert await card_autopay.collect(estate, now, database.encryption_key) == 2
    assert await card_autopay.collect(estate, now, database.encryption_key) == 0  # once

    async with tenant_scope(world.slug):
        charges = {
            str(c.mandate.resident_id): c
            for c in await AutopayCharge.all().prefetch_related("mandate")
        }
    paid, declined = charges[ada.resident_id], charges[bo.resident_id]
    assert paid.status == "PAID" and paid.payment_id is not None
    state = (await ada.client.ok(BILL, id=str(paid.bill_id)))["bill"]
    assert state["status"] == "PAID" and state["amountPaid"] == state["amount"]
    assert (declined.status, declined.attempts) == ("PENDING", 1)
    assert declined.last_failure_code == "DECLINED_CARD"
    assert declined.next_attempt_at is not None and declined.next_attempt_at > now
    assert len(fake.cards.intents) == 2
    await ledger_holds(world.slug)

    # The card works again by the retry: charged then, once.
    fake.cards.declining.pop(bo_card_id)
    later = declined.next_attempt_at
    assert await card_autopay.collect(estate, later, database.encryption_key) == 1
    async with tenant_scope(world.slug):
        assert (await AutopayCharge.get(id=declined.id)).status == "PAID"
    state = (await bo.client.ok(BILL, id=str(declined.bill_id)))["bill"]
    assert state["status"] == "PAID" and state["amountPaid"] == state["amount"]
    await ledger_holds(world.slug)
