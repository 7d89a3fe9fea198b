"""Webhooks late, repeated and out of order: the same delivery twenty times at once, mixed
with other events of the same payment before and after its success, through the shim, a
real worker and concurrent direct applications. Each payment is applied exactly once and
ends in the state the provider confirms."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.models import JournalEntry
from services.ledger.verify import verify_ledger
from services.payments.models import WebhookEvent
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_provider_payments import PAY, SECRET, with_paystack
from tests.world import World, build_world, eventually, status_of
from workers import tasks

REFUND = """mutation($p: ID!, $k: String!) {
  refundPayment(paymentId: $p, reason: "changed my mind", idempotencyKey: $k) { status } }"""
DEPOSIT = """mutation($a: Decimal!, $k: String!) {
  depositToWallet(amount: $a, provider: PAYSTACK, idempotencyKey: $k) { id reference } }"""
STATE = """query($id: ID!) { bill(id: $id) { status amountPaid { amount } }
  estateWallet { balance { amount } } }"""
Delivery = tuple[bytes, dict[str, str]]


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
async def setup(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> AsyncIterator[tuple[World, FakePaystack]]:
    fake, base_url = paystack
    world = await build_world(gql, residents=1, prefix="ord")
    await with_paystack(world, base_url)
    yield world, fake


async def post_all(http: httpx.AsyncClient, slug: str, deliveries: list[Delivery]) -> None:
    """Every delivery at once, in a random order; each one is answered 200."""
    shuffled = random.sample(deliveries, len(deliveries))
    url = f"/webhooks/paystack/{slug}"
    responses = await asyncio.gather(
        *(http.post(url, content=body, headers=headers) for body, headers in shuffled)
    )
    assert [r.status_code for r in responses] == [200] * len(deliveries)


async def events_applied(slug: str, expected: int) -> bool:
    """All `expected` distinct events stored, and every one processed."""
    async with tenant_scope(slug):
        statuses = await WebhookEvent.all().values_list("status", flat=True)
    return len(statuses) == expected and set(statuses) == {"PROCESSED"}


async def entry_kinds(slug: str, reference: str) -> list[str]:
    async with tenant_scope(slug):
        kinds = await JournalEntry.filter(reference=reference).values_list("kind", flat=True)
        assert await verify_ledger() == []
    return sorted(str(kind) for kind in kinds)


async def test_one_success_twenty_times_among_earlier_and_later_events(
    setup: Any, http: httpx.AsyncClient, worker: None
) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "500.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="order"))["payBill"]
    reference = payment["reference"]

    # Before the payer has finished: an event claiming failure. The provider says the
    # checkout is still open, so nothing changes.
    failed_claim = fake.webhook(reference, event="charge.failed")
    await post_all(http, world.slug, [failed_claim] * 3)
    await eventually(lambda: events_applied(world.slug, 1))
    assert (await status_of(ada.client, reference))["status"] == "PENDING"

    # The payer pays. The success arrives twenty times at once, mixed with a refund-type
    # event and late copies of the failure claim.
    fake.complete(reference)
    success = fake.webhook(reference)
    refund_claim = fake.webhook(reference, event="refund.processed")
    await post_all(http, world.slug, [success] * 20 + [refund_claim] * 5 + [failed_claim] * 5)
    # Twenty more copies of its first attempt at once, racing the worker's copy and the
    # payer asking for verification.
    async with tenant_scope(world.slug):
        success_id = (await WebhookEvent.get(event_id__startswith="charge.success:")).id
    verify = "mutation($r: String!) { verifyPayment(reference: $r) { status } }"
    await asyncio.gather(
        *(tasks.apply_webhook_event(world.slug, str(success_id), 1) for _ in range(20)),
        *(ada.client.ok(verify, r=reference) for _ in range(5)),
    )
    await eventually(lambda: events_applied(world.slug, 3))
    assert (await status_of(ada.client, reference))["status"] == "SUCCEEDED"
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "PAID", "amountPaid": {"amount": "500.00"}},
        "estateWallet": {"balance": {"amount": "500.00"}},
    }
    assert await entry_kinds(world.slug, reference) == ["BILL_PAYMENT"]

    # Refunded; then the success, the failure claim and a new refund-type event arrive
    # late. The provider still reports the charge as paid: nothing is credited again.
    refunded = await world.admin.ok(REFUND, p=payment["id"], k="refund")
    assert refunded["refundPayment"]["status"] == "REFUNDED"
    refund_pending = fake.webhook(reference, event="refund.pending")
    await post_all(http, world.slug, [success] * 5 + [failed_claim] * 5 + [refund_pending] * 5)
    await eventually(lambda: events_applied(world.slug, 4))
    assert (await status_of(ada.client, reference))["status"] == "REFUNDED"
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "ACKNOWLEDGED", "amountPaid": {"amount": "0.00"}},
        "estateWallet": {"balance": {"amount": "0.00"}},
    }
    assert await entry_kinds(world.slug, reference) == ["BILL_PAYMENT", "REFUND"]


async def test_a_failed_attempt_then_a_paid_one_is_credited_once(
    setup: Any, http: httpx.AsyncClient, worker: None
) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "300.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="retry-bill"))["payBill"]
    deposit = (await ada.client.ok(DEPOSIT, a="200.00", k="retry-deposit"))["depositToWallet"]
    references = [payment["reference"], deposit["reference"]]

    # The first attempt on each checkout is declined.
    failures: list[Delivery] = []
    for reference in references:
        fake.complete(reference, "failed", gateway_response="Insufficient Funds")
        failures.append(fake.webhook(reference, event="charge.failed"))
    await post_all(http, world.slug, failures * 5)
    await eventually(lambda: events_applied(world.slug, 2))
    for reference in references:
        assert await status_of(ada.client, reference) == {
            "status": "FAILED",
            "failureCode": "INSUFFICIENT_FUNDS",
            "amount": {"amount": "300.00" if reference == references[0] else "200.00"},
        }

    # The payer tries again on the same checkouts and pays; the successes arrive twenty
    # times each, mixed with late copies of the declines.
    successes: list[Delivery] = []
    for reference in references:
        fake.complete(reference)
        successes.append(fake.webhook(reference))
    await post_all(http, world.slug, successes * 20 + failures * 5)
    await eventually(lambda: events_applied(world.slug, 4))
    for reference in references:
        seen = await status_of(ada.client, reference)
        assert (seen["status"], seen["failureCode"]) == ("SUCCEEDED", None)
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "PAID", "amountPaid": {"amount": "300.00"}},
        "estateWallet": {"balance": {"amount": "300.00"}},
    }
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "200.00"
    assert await entry_kinds(world.slug, references[0]) == ["BILL_PAYMENT"]
    assert await entry_kinds(world.slug, references[1]) == ["DEPOSIT"]
