"""Saved cards on the fakes, over real HTTP: a Stripe card saved through a SetupIntent
(confirmed by its webhook), charged off-session for a bill, then declined; a duplicate
payment webhook applies once; residents see and remove only their own cards; the
customer portal. The ledger holds after each step."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from estatepay.demo.fakes.server import serving
from estatepay.demo.fakes.stripe import FakeStripe
from services.errors import DomainError
from services.ledger.verify import verify_ledger
from services.payment_methods.charge import charge_saved_method
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import DATABASE_URL, GraphQLClient
from tests.world import Person, World, build_world, eventually

SECRET, WEBHOOK_SECRET = "sk_test_fake_stripe", "whsec_fake"
ADD = (
    "mutation { addPaymentMethod(provider: STRIPE) { clientSecret checkoutUrl reference "
    "paymentMethod { id status provider } } }"
)
METHODS = "{ paymentMethods { id provider status brand last4 expMonth expYear } }"
REMOVE = "mutation($id: ID!) { removePaymentMethod(id: $id) { id status } }"
BILL = "query($id: ID!) { bill(id: $id) { status amountPaid { amount } } }"


@pytest.fixture
def fake_stripe() -> Iterator[tuple[FakeStripe, str]]:
    fake = FakeStripe(SECRET, WEBHOOK_SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def stripe_world(gql: GraphQLClient, base_url: str) -> World:
    world = await build_world(gql, residents=2, prefix="pm")
    await world.admin.ok(
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: STRIPE, "
        'displayName: "Stripe", credentials: $c, apiBaseUrl: $u, isDefault: true}) { id } }',
        c={"secretKey": SECRET, "webhookSecret": WEBHOOK_SECRET},
        u=base_url,
    )
    return world


async def save_card(
    world: World, person: Person, fake: FakeStripe, http: httpx.AsyncClient
) -> tuple[str, str]:
    """The resident saves a card; Stripe's webhook confirms it. (method id, card id)"""
    started = (await person.client.ok(ADD))["addPaymentMethod"]
    assert started["paymentMethod"]["status"] == "PENDING"
    assert started["checkoutUrl"] is None
    setup = fake.cards.setup_for(started["reference"])
    assert started["clientSecret"] == f"{setup.id}_secret_fake"
    card = fake.cards.confirm_setup(setup.id, brand="visa", last4="4242", exp_year=2031)
    body, headers = fake.intent_webhook(setup.id, "setup_intent.succeeded")
    url = f"/webhooks/stripe/{world.slug}"
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def active() -> list:
        return list((await person.client.ok(METHODS))["paymentMethods"])

    [method] = await eventually(active)
    assert method == {
        "id": started["paymentMethod"]["id"],
        "provider": "STRIPE",
        "status": "ACTIVE",
        "brand": "visa",
        "last4": "4242",
        "expMonth": 12,
        "expYear": 2031,
    }
    return method["id"], card.id


async def ledger_holds(slug: str) -> None:
    async with tenant_scope(slug):
        assert await verify_ledger() == []


async def test_a_saved_stripe_card_pays_then_declines(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada = world.residents[0]
    method_id, card_id = await save_card(world, ada, fake, http)
    estate = await Estate.get(slug=world.slug)
    key = database.encryption_key
    now = datetime.now(UTC)

    # A bill not yet acknowledged: the autopay mandate stands for the acknowledgement.
    bill = await world.bill(ada, "120.00", acknowledge=False)
    paid = await charge_saved_method(estate, method_id, bill["id"], None, "run-1", key, now)
    assert (paid.status, paid.failure_code) == ("SUCCEEDED", None)
    intent = fake.cards.intent_for(paid.reference)
    assert (intent.amount, intent.currency, intent.customer) == (12000, "ngn", intent.customer)
    assert intent.customer == fake.cards.cards[card_id].customer
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "120.00"}}
    # The same key again: the first outcome, and Stripe is not asked again.
    again = await charge_saved_method(estate, method_id, bill["id"], None, "run-1", key, now)
    assert again == paid
    assert len(fake.cards.intents) == 1
    await ledger_holds(world.slug)

    # The card now declines: a FAILED payment with the category, the bill still payable.
    fake.cards.decline(card_id)
    second = await world.bill(ada, "80.00")
    declined = await charge_saved_method(estate, method_id, second["id"], None, "run-2", key, now)
    assert (declined.status, declined.failure_code) == ("FAILED", "DECLINED_CARD")
    state = (await ada.client.ok(BILL, id=second["id"]))["bill"]
    assert state == {"status": "ACKNOWLEDGED", "amountPaid": {"amount": "0.00"}}
    payment = (
        await ada.client.ok(
            "query($r: String!) { paymentByReference(reference: $r) { status failureCode "
            "provider bill { id } } }",
            r=declined.reference,
        )
    )["paymentByReference"]
    assert payment == {
        "status": "FAILED",
        "failureCode": "DECLINED_CARD",
        "provider": "STRIPE",
        "bill": {"id": second["id"]},
    }
    await ledger_holds(world.slug)

    # Insufficient funds is told apart from a plain decline.
    fake.cards.decline(card_id, "insufficient_funds")
    poor = await charge_saved_method(estate, method_id, second["id"], None, "run-3", key, now)
    assert (poor.status, poor.failure_code) == ("FAILED", "INSUFFICIENT_FUNDS")
    await ledger_holds(world.slug)


async def test_a_duplicate_payment_webhook_applies_once(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada = world.residents[0]
    method_id, _ = await save_card(world, ada, fake, http)
    estate = await Estate.get(slug=world.slug)
    key = database.encryption_key
    bill = await world.bill(ada, "50.00")
    paid = await charge_saved_method(
        estate, method_id, bill["id"], None, "dup-1", key, datetime.now(UTC)
    )
    assert paid.status == "SUCCEEDED"
    intent = fake.cards.intent_for(paid.reference)
    url = f"/webhooks/stripe/{world.slug}"
    # The same event twice, and the same payment under two other event ids.
    for event_id in ("evt_a", "evt_a", "evt_b", "evt_c"):
        body, headers = fake.intent_webhook(intent.id, "payment_intent.succeeded", event_id)
        assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def all_applied() -> bool:
        events = (await world.admin.ok("{ webhookEvents { edges { node { eventId status } } } }"))[
            "webhookEvents"
        ]["edges"]
        mine = [e["node"] for e in events if e["node"]["eventId"] in ("evt_a", "evt_b", "evt_c")]
        return len(mine) == 3 and all(e["status"] == "PROCESSED" for e in mine)

    await eventually(all_applied)
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "50.00"}}
    async with tenant_scope(world.slug):
        assert await Payment.filter(bill_id=bill["id"], status="SUCCEEDED").count() == 1
    await ledger_holds(world.slug)


async def test_residents_see_and_remove_only_their_own_cards(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada, bob = world.residents
    ada_method, ada_card = await save_card(world, ada, fake, http)
    bob_method, _ = await save_card(world, bob, fake, http)
    assert [m["id"] for m in (await bob.client.ok(METHODS))["paymentMethods"]] == [bob_method]

    # Bob cannot remove Ada's card: it does not exist for him.
    error = await bob.client.error(REMOVE, id=ada_method)
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("NOT_FOUND", "id")
    assert fake.cards.cards[ada_card].customer is not None

    removed = (await ada.client.ok(REMOVE, id=ada_method))["removePaymentMethod"]
    assert removed == {"id": ada_method, "status": "REMOVED"}
    assert fake.cards.cards[ada_card].customer is None  # detached at Stripe
    assert (await ada.client.ok(METHODS))["paymentMethods"] == []
    error = await ada.client.error(REMOVE, id=ada_method)
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("INVALID_STATE", "id")

    # A removed card is never charged again.
    estate = await Estate.get(slug=world.slug)
    bill = await world.bill(ada, "10.00")
    with pytest.raises(DomainError) as raised:
        await charge_saved_method(
            estate,
            ada_method,
            bill["id"],
            None,
            "after-removal",
            database.encryption_key,
            datetime.now(UTC),
        )
    assert (raised.value.code, raised.value.field) == ("INVALID_STATE", "paymentMethodId")
    # Nor is a card charged for another resident's bill.
    with pytest.raises(DomainError) as raised:
        await charge_saved_method(
            estate,
            bob_method,
            bill["id"],
            None,
            "not-his",
            database.encryption_key,
            datetime.now(UTC),
        )
    assert (raised.value.code, raised.value.field) == ("NOT_FOUND", "billId")


async def test_the_billing_portal_for_stripe_estates(
    gql: GraphQLClient, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada = world.residents[0]
    query = "query($u: String) { billingPortalUrl(returnUrl: $u) }"
    url = (await ada.client.ok(query, u="https://app.example/back"))["billingPortalUrl"]
    [session] = fake.cards.portals
    assert url == session["url"] and session["return_url"] == "https://app.example/back"
    customer = fake.cards.customers[session["customer"]]
    assert customer["email"] == f"r0@{world.slug}.test"
    # The resident is one Stripe customer however often they ask.
    await ada.client.ok(query)
    assert len(fake.cards.customers) == 1
    error = await world.admin.error(query)
    assert error["extensions"]["code"] == "FORBIDDEN"

    plain = await build_world(gql, residents=1, prefix="pmx")
    assert (await plain.residents[0].client.ok(query))["billingPortalUrl"] is None


async def run_sync(*args: str) -> tuple[int, str]:
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": ""}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "estatepay.cli",
        "stripe",
        "sync",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=120)
    return int(process.returncode or 0), err.decode()


async def test_stripe_sync_keeps_residents_as_customers(
    gql: GraphQLClient, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    code, err = await run_sync("--estate", world.slug)
    assert code == 0, err
    assert f"{world.slug}: 2 synced" in err
    emails = sorted(c["email"] for c in fake.cards.customers.values())
    assert emails == [f"r0@{world.slug}.test", f"r1@{world.slug}.test"]
    assert {c["metadata"]["estate"] for c in fake.cards.customers.values()} == {world.slug}

    # Again: nothing new at Stripe. A renamed resident is updated, not made twice.
    before = dict(fake.cards.customers)
    assert (await run_sync("--estate", world.slug))[0] == 0
    assert fake.cards.customers == before
    await world.admin.ok(
        'mutation($id: ID!) { updateResident(id: $id, input: {fullName: "Ada Renamed"}) { id } }',
        id=world.residents[0].resident_id,
    )
    assert (await run_sync("--estate", world.slug))[0] == 0
    assert len(fake.cards.customers) == 2
    assert "Ada Renamed" in {c["name"] for c in fake.cards.customers.values()}

    # Bad input: one line naming the option, exit code 2.
    code, err = await run_sync("--estate", "no-such-estate")
    assert code == 2 and err.count("\n") == 1, err
    assert err.startswith("error (--estate): no active estate 'no-such-estate'")
    plain = await build_world(gql, residents=1, prefix="pmy")
    code, err = await run_sync("--estate", plain.slug)
    assert (code, err) == (2, f"error (--estate): {plain.slug} has no active Stripe gateway\n")
    code, err = await run_sync("--estate")
    assert code == 2 and err.count("\n") == 1, err


async def test_an_unanswered_charge_is_resolved_by_its_retry_and_refunds(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    ada = world.residents[0]
    method_id, _ = await save_card(world, ada, fake, http)
    estate = await Estate.get(slug=world.slug)
    key, now = database.encryption_key, datetime.now(UTC)
    bill = await world.bill(ada, "40.00")

    # Stripe fails with a 500: whether the card was charged is not known.
    fake.failing_with = (500, {"type": "api_error", "message": "boom"})
    unknown = await charge_saved_method(estate, method_id, bill["id"], None, "u-1", key, now)
    assert (unknown.status, unknown.failure_code) == ("PENDING", "PROVIDER_ERROR")
    async with tenant_scope(world.slug):
        assert (await Payment.get(id=unknown.payment_id)).status == "PROCESSING"
    fake.failing_with = None
    # The retry under the same key finishes that payment: one charge, one payment.
    paid = await charge_saved_method(estate, method_id, bill["id"], None, "u-1", key, now)
    assert (paid.status, paid.payment_id) == ("SUCCEEDED", unknown.payment_id)
    assert len(fake.cards.intents) == 1
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "40.00"}}

    # An autopay charge refunds like any Stripe payment.
    refunded = await world.admin.ok(
        'mutation($p: ID!) { refundPayment(paymentId: $p, amount: "15.00", reason: "waiver", '
        'idempotencyKey: "ur1") { status } }',
        p=str(paid.payment_id),
    )
    assert refunded["refundPayment"]["status"] == "PARTIALLY_REFUNDED"
    assert fake.cards.intent_for(paid.reference).refunded == 1500
    await ledger_holds(world.slug)
