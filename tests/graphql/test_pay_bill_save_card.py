"""`payBill(savePaymentMethod: true)` on Paystack and Flutterwave, on the fakes over HTTP:
the successful charge's webhook saves its reusable card once (however often it is
applied), `paymentMethods` lists it, and charging it pays a second bill of 50.00 for
real; nothing is saved without the flag, for a card that cannot be reused, or for a
provider that hands back no card."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import httpx

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from services.ledger.verify import verify_ledger
from services.payment_methods.charge import charge_saved_method
from services.payment_methods.from_payments import save_from_payment
from services.payment_methods.models import PaymentMethod
from services.payments.models import WebhookEvent
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.conftest import GraphQLClient
from tests.graphql.test_saved_cards_africa import (
    BILL,
    FLW_HASH,
    FLW_KEY,
    METHODS,
    PAYSTACK_KEY,
    configured,
    flutterwave,
    paystack,
)
from tests.world import Person, World, eventually

__all__ = ["flutterwave", "paystack"]  # the fixtures, used here by name
PAY = """mutation($b: ID!, $p: PaymentProvider!, $k: String!, $s: Boolean) { payBill(billId: $b,
  provider: $p, idempotencyKey: $k, savePaymentMethod: $s) { reference status } }"""


async def pay(person: Person, bill_id: str, provider: str, save: bool) -> str:
    started = await person.client.ok(PAY, b=bill_id, p=provider, k=uuid.uuid4().hex, s=save)
    return str(started["payBill"]["reference"])


async def delivered(world: World, http: httpx.AsyncClient, path: str, webhook: tuple) -> None:
    """Post the provider's webhook and wait until the worker has applied it."""
    body, headers = webhook
    response = await http.post(f"/webhooks/{path}/{world.slug}", content=body, headers=headers)
    assert response.status_code == 200

    async def applied() -> bool:
        async with tenant_scope(world.slug):
            statuses = await WebhookEvent.all().values_list("status", flat=True)
        return bool(statuses) and all(s in ("PROCESSED", "IGNORED") for s in statuses)

    # Generous: under load the worker may take a while to reach it.
    await eventually(applied, within=90)


async def cards(world: World) -> list[dict]:
    return list((await world.residents[0].client.ok(METHODS))["paymentMethods"])


async def stored_methods(slug: str) -> int:
    async with tenant_scope(slug):
        return await PaymentMethod.all().count()


async def pays_second_bill(world: World, method_id: str, key: str) -> str:
    """Charge the saved card for a bill of 50.00: it is paid, the ledger holds."""
    ada = world.residents[0]
    estate = await Estate.get(slug=world.slug)
    second = await world.bill(ada, "50.00")
    paid = await charge_saved_method(
        estate, method_id, second["id"], None, "second", key, datetime.now(UTC)
    )
    assert (paid.status, paid.failure_code) == ("SUCCEEDED", None)
    state = (await ada.client.ok(BILL, id=second["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "50.00"}}
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
    return paid.reference


async def test_a_paystack_bill_payment_saves_its_card(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    worker: None,
    database: Settings,
) -> None:
    fake, base_url = paystack
    world = await configured(gql, "PAYSTACK", {"secretKey": PAYSTACK_KEY}, base_url)
    ada = world.residents[0]

    # Without the flag: the bill is paid, no card kept.
    plain = await pay(ada, (await world.bill(ada, "30.00"))["id"], "PAYSTACK", False)
    fake.complete(plain)
    await delivered(world, http, "paystack", fake.webhook(plain))
    assert await cards(world) == []

    # A card Paystack will not let us reuse: nothing kept either.
    one_off = await pay(ada, (await world.bill(ada, "20.00"))["id"], "PAYSTACK", True)
    fake.complete(one_off)
    (fake.transactions[one_off].authorization or {})["reusable"] = False
    await delivered(world, http, "paystack", fake.webhook(one_off))
    assert await cards(world) == []

    bill = await world.bill(ada, "120.00")
    reference = await pay(ada, bill["id"], "PAYSTACK", True)
    fake.complete(reference)
    await delivered(world, http, "paystack", fake.webhook(reference))
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "120.00"}}
    [method] = await cards(world)
    assert {k: v for k, v in method.items() if k != "id"} == {
        "provider": "PAYSTACK",
        "brand": "visa",
        "last4": "4081",
        "expMonth": 12,
        "expYear": 2030,
    }
    # The webhook again (a second event about the charge), and two copies at once: one card.
    await delivered(world, http, "paystack", fake.webhook(reference, event="charge.updated"))
    estate = await Estate.get(slug=world.slug)
    now, key = datetime.now(UTC), database.encryption_key
    again = await asyncio.gather(*(save_from_payment(estate, reference, key, now) for _ in "ab"))
    assert {str(m.id) for m in again if m is not None} == {method["id"]}
    assert await stored_methods(world.slug) == 1

    charged = await pays_second_bill(world, method["id"], key)
    second = fake.transactions[charged]
    assert (second.amount, second.currency, second.status) == (5000, "NGN", "success")
    code = (fake.transactions[reference].authorization or {})["authorization_code"]
    assert (second.authorization or {})["authorization_code"] == code


async def test_a_flutterwave_bill_payment_saves_its_card(
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
    plain = await pay(ada, (await world.bill(ada, "30.00"))["id"], "FLUTTERWAVE", False)
    fake.complete(plain)
    await delivered(world, http, "flutterwave", fake.webhook(plain))
    assert await cards(world) == []

    bill = await world.bill(ada, "75.00")
    reference = await pay(ada, bill["id"], "FLUTTERWAVE", True)
    fake.complete(reference)
    await delivered(world, http, "flutterwave", fake.webhook(reference))
    state = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert state == {"status": "PAID", "amountPaid": {"amount": "75.00"}}
    [method] = await cards(world)
    assert {k: v for k, v in method.items() if k != "id"} == {
        "provider": "FLUTTERWAVE",
        "brand": "mastercard",
        "last4": "2950",
        "expMonth": 9,
        "expYear": 2031,
    }
    estate = await Estate.get(slug=world.slug)
    key = database.encryption_key
    assert await save_from_payment(estate, reference, key, datetime.now(UTC)) is not None
    assert await stored_methods(world.slug) == 1

    charged = await pays_second_bill(world, method["id"], key)
    second = fake.transactions[charged]
    assert (second.amount, second.status) == (Decimal("50.00"), "successful")
    assert (second.card or {}).get("token") == (fake.transactions[reference].card or {})["token"]


async def test_save_payment_method_is_for_paystack_and_flutterwave(gql: GraphQLClient) -> None:
    world = await configured(
        gql, "STRIPE", {"secretKey": "sk", "webhookSecret": "wh"}, "http://127.0.0.1:9"
    )
    ada = world.residents[0]
    bill = await world.bill(ada, "10.00")
    error = await ada.client.error(PAY, b=bill["id"], p="STRIPE", k="k-1", s=True)
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    assert error["extensions"]["field"] == "savePaymentMethod"
