"""Saved cards on Paystack (an authorization from a card check, `charge_authorization`)
and Flutterwave (a card token, `tokenized-charges`), on the fakes over HTTP: the card
check's webhook saves the card and the check is refunded; a charge succeeds, then the
card declines with the network's reason as the failureCode; the ledger holds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.verify import verify_ledger
from services.payment_methods.charge import charge_saved_method
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import GraphQLClient
from tests.world import World, build_world, eventually

PAYSTACK_KEY = "sk_test_paystack"
FLW_KEY, FLW_HASH = "FLWSECK_TEST-fake", "my-webhook-hash"
ADD = (
    "mutation($p: PaymentProvider!) { addPaymentMethod(provider: $p) { checkoutUrl "
    "clientSecret reference paymentMethod { id status } } }"
)
METHODS = "{ paymentMethods { id provider brand last4 expMonth expYear } }"
BILL = "query($id: ID!) { bill(id: $id) { status amountPaid { amount } } }"


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(PAYSTACK_KEY)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
def flutterwave() -> Iterator[tuple[FakeFlutterwave, str]]:
    fake = FakeFlutterwave(FLW_KEY, FLW_HASH)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def configured(gql: GraphQLClient, provider: str, credentials: dict, url: str) -> World:
    world = await build_world(gql, residents=1, prefix="pma")
    await world.admin.ok(
        "mutation($p: PaymentProvider!, $c: JSON!, $u: String!) { configureGateway(input: "
        '{provider: $p, displayName: "Cards", credentials: $c, apiBaseUrl: $u}) { id } }',
        p=provider,
        c=credentials,
        u=url,
    )
    return world


async def saved(world: World) -> dict:
    async def active() -> list:
        return list((await world.residents[0].client.ok(METHODS))["paymentMethods"])

    [method] = await eventually(active)
    return dict(method)


async def test_a_paystack_authorization_is_saved_and_charged(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = paystack
    world = await configured(gql, "PAYSTACK", {"secretKey": PAYSTACK_KEY}, base_url)
    ada = world.residents[0]
    started = (await ada.client.ok(ADD, p="PAYSTACK"))["addPaymentMethod"]
    assert started["clientSecret"] is None and started["checkoutUrl"]
    check = fake.transactions[started["reference"]]
    assert (check.amount, check.currency) == (5000, "NGN")  # the card check, 50.00
    fake.complete(started["reference"])
    body, headers = fake.webhook(started["reference"])
    assert (
        await http.post(f"/webhooks/paystack/{world.slug}", content=body, headers=headers)
    ).status_code == 200
    method = await saved(world)
    assert method == {
        "id": started["paymentMethod"]["id"],
        "provider": "PAYSTACK",
        "brand": "visa",
        "last4": "4081",
        "expMonth": 12,
        "expYear": 2030,
    }
    assert check.refunded == 5000  # the card check went back

    estate = await Estate.get(slug=world.slug)
    now, key = datetime.now(UTC), database.encryption_key
    bill = await world.bill(ada, "300.00")
    paid = await charge_saved_method(estate, method["id"], bill["id"], None, "p-1", key, now)
    assert paid.status == "SUCCEEDED"
    assert fake.transactions[paid.reference].amount == 30000
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "300.00"}}

    # Paystack down: unknown; the retry asks Paystack by reference before charging.
    third = await world.bill(ada, "20.00")
    fake.failing_with = 502
    unknown = await charge_saved_method(estate, method["id"], third["id"], None, "p-3", key, now)
    assert unknown.status == "PENDING"
    fake.failing_with = None
    retried = await charge_saved_method(estate, method["id"], third["id"], None, "p-3", key, now)
    assert (retried.status, retried.payment_id) == ("SUCCEEDED", unknown.payment_id)
    again = await charge_saved_method(estate, method["id"], third["id"], None, "p-3", key, now)
    assert again == retried
    assert fake.transactions[unknown.reference].amount == 2000

    code = str((check.authorization or {})["authorization_code"])
    fake.declining[code] = "Insufficient Funds"
    second = await world.bill(ada, "200.00")
    poor = await charge_saved_method(estate, method["id"], second["id"], None, "p-2", key, now)
    assert (poor.status, poor.failure_code) == ("FAILED", "INSUFFICIENT_FUNDS")
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


async def test_a_flutterwave_token_is_saved_and_charged(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    flutterwave: tuple[FakeFlutterwave, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = flutterwave
    world = await configured(
        gql, "FLUTTERWAVE", {"secretKey": FLW_KEY, "webhookHash": FLW_HASH}, base_url
    )
    ada = world.residents[0]
    started = (await ada.client.ok(ADD, p="FLUTTERWAVE"))["addPaymentMethod"]
    check = fake.transactions[started["reference"]]
    assert (check.amount, check.email) == (Decimal("50.00"), f"r0@{world.slug}.test")
    fake.complete(started["reference"])
    body, headers = fake.webhook(started["reference"])
    url = f"/webhooks/flutterwave/{world.slug}"
    assert (await http.post(url, content=body, headers=headers)).status_code == 200
    method = await saved(world)
    assert (method["brand"], method["last4"], method["expMonth"], method["expYear"]) == (
        "mastercard",
        "2950",
        9,
        2031,
    )
    assert check.refunded == Decimal("50.00")

    estate = await Estate.get(slug=world.slug)
    now, key = datetime.now(UTC), database.encryption_key
    bill = await world.bill(ada, "75.25")
    paid = await charge_saved_method(estate, method["id"], bill["id"], None, "f-1", key, now)
    assert paid.status == "SUCCEEDED"
    assert fake.transactions[paid.reference].amount == Decimal("75.25")

    fake.declining[str((check.card or {})["token"])] = "Transaction declined by issuer"
    second = await world.bill(ada, "10.00")
    declined = await charge_saved_method(estate, method["id"], second["id"], None, "f-2", key, now)
    assert (declined.status, declined.failure_code) == ("FAILED", "DECLINED_CARD")
    state = (await ada.client.ok(BILL, id=second["id"]))["bill"]
    assert state["status"] == "ACKNOWLEDGED"
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
