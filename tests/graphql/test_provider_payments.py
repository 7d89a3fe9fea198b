"""Provider payments end to end on PostgreSQL and Redis: GraphQL -> fake Paystack over
HTTP -> signed webhook -> the shim -> Redis -> a real `estatepay worker` process."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.verify import verify_ledger
from services.payments.models import WebhookEvent
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import World, build_world, eventually, status_of

SECRET = "sk_test_fake_paystack_secret"
PAY = """mutation($b: ID!, $k: String!, $a: Decimal) {
  payBill(billId: $b, provider: PAYSTACK, amount: $a, idempotencyKey: $k,
          callbackUrl: "https://app.example/done") {
    id reference status checkoutUrl amount { amount currency } } }"""


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def with_paystack(world: World, base_url: str, secret: str = SECRET) -> None:
    await world.admin.ok(
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: PAYSTACK, "
        'displayName: "Paystack", credentials: $c, apiBaseUrl: $u, isDefault: true}) '
        "{ secretsSet } }",
        c={"secretKey": secret, "publicKey": "pk_test"},
        u=base_url,
    )


@pytest.fixture
async def setup(gql: GraphQLClient, paystack: tuple[FakePaystack, str]) -> AsyncIterator[Any]:
    fake, base_url = paystack
    world = await build_world(gql, residents=1, prefix="ps")
    await with_paystack(world, base_url)
    yield world, fake


async def test_pay_bill_through_paystack_webhook_worker(
    setup: Any, http: httpx.AsyncClient, worker: None
) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "2500.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="ps1"))["payBill"]
    assert payment["status"] == "PENDING"
    assert payment["checkoutUrl"] == f"https://checkout.fake/{payment['reference']}"
    assert fake.transactions[payment["reference"]].amount == 250000  # kobo

    fake.complete(payment["reference"])
    body, headers = fake.webhook(payment["reference"])
    response = await http.post(f"/webhooks/paystack/{world.slug}", content=body, headers=headers)
    assert response.status_code == 200

    async def paid() -> bool:
        return (await status_of(ada.client, payment["reference"]))["status"] == "SUCCEEDED"

    await eventually(paid)
    data = await world.admin.ok(
        "query($id: ID!) { bill(id: $id) { status } estateWallet { balance { amount } } }",
        id=bill["id"],
    )
    assert data == {"bill": {"status": "PAID"}, "estateWallet": {"balance": {"amount": "2500.00"}}}
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


async def test_duplicates_forgeries_mismatches_and_wrong_estates(
    setup: Any, http: httpx.AsyncClient, worker: None, gql: GraphQLClient
) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="dup"))["payBill"]
    fake.complete(payment["reference"])
    body, headers = fake.webhook(payment["reference"])
    url = f"/webhooks/paystack/{world.slug}"
    responses = await asyncio.gather(
        *(http.post(url, content=body, headers=headers) for _ in range(20))
    )
    assert {r.status_code for r in responses} == {200}

    async def paid() -> bool:
        return (await status_of(ada.client, payment["reference"]))["status"] == "SUCCEEDED"

    await eventually(paid)
    async with tenant_scope(world.slug):
        assert await WebhookEvent.all().count() == 1
        assert await verify_ledger() == []
    events = await world.admin.ok(
        "{ webhookEvents { totalCount edges { node { provider type status attempts } } } }"
    )
    assert events["webhookEvents"]["totalCount"] == 1
    assert events["webhookEvents"]["edges"][0]["node"] == {
        "provider": "PAYSTACK",
        "type": "charge.success",
        "status": "PROCESSED",
        "attempts": 1,
    }
    balance = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert balance["estateWallet"]["balance"]["amount"] == "100.00"  # applied once

    # A forged signature: 400, nothing stored.
    forged_body, forged = fake.webhook(payment["reference"], secret="not-the-secret")
    assert (await http.post(url, content=forged_body, headers=forged)).status_code == 400
    assert (await http.post(url, content=b"{not json", headers=headers)).status_code == 400
    async with tenant_scope(world.slug):
        assert await WebhookEvent.all().count() == 1

    # The provider says it took less than we asked: what arrived is applied to the bill.
    short_bill = await world.bill(ada, "300.00")
    short = (await ada.client.ok(PAY, b=short_bill["id"], k="short"))["payBill"]
    fake.complete(short["reference"], amount=100)
    short_body, short_headers = fake.webhook(short["reference"])
    assert (await http.post(url, content=short_body, headers=short_headers)).status_code == 200

    async def settled() -> dict[str, Any] | None:
        seen = await status_of(ada.client, short["reference"])
        return seen if seen["status"] == "SUCCEEDED" else None

    assert (await eventually(settled))["failureCode"] == "UNDERPAID"
    balance = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert balance["estateWallet"]["balance"]["amount"] == "101.00"

    # Estate A's webhook replayed to estate B's URL is refused (B's own secret).
    other = await build_world(gql, residents=1, prefix="psb")
    await with_paystack(other, str(fake_base(fake)), secret="sk_test_other_estate")
    replay = await http.post(f"/webhooks/paystack/{other.slug}", content=body, headers=headers)
    assert replay.status_code == 400
    unknown = await http.post("/webhooks/paystack/no-such-estate", content=body, headers=headers)
    assert unknown.status_code == 404
    big = await http.post(url, content=b"x" * (1024 * 1024 + 1), headers=headers)
    assert big.status_code == 413


def fake_base(fake: FakePaystack) -> str:
    return "http://127.0.0.1:9"  # B's gateway is never called in this test


async def test_deposit_to_wallet_and_verify_payment_without_webhook(setup: Any) -> None:
    world, fake = setup
    ada = world.residents[0]
    deposit = (
        await ada.client.ok(
            'mutation { depositToWallet(amount: "750.00", provider: PAYSTACK, '
            'idempotencyKey: "dep1") { reference status purpose } }'
        )
    )["depositToWallet"]
    assert deposit["status"] == "PENDING" and deposit["purpose"] == "WALLET_DEPOSIT"
    verify = "mutation($r: String!) { verifyPayment(reference: $r) { status } }"
    assert (await ada.client.ok(verify, r=deposit["reference"]))["verifyPayment"][
        "status"
    ] == "PENDING"  # not paid yet: nothing changes
    fake.complete(deposit["reference"])
    assert (await ada.client.ok(verify, r=deposit["reference"]))["verifyPayment"][
        "status"
    ] == "SUCCEEDED"
    assert (await ada.client.ok(verify, r=deposit["reference"]))["verifyPayment"][
        "status"
    ] == "SUCCEEDED"  # idempotent
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "750.00"


async def test_gateways_never_show_secrets_and_test_connection(setup: Any) -> None:
    world, fake = setup
    data = await world.admin.ok(
        "{ gateways { id provider displayName isDefault secretsSet apiBaseUrl } }"
    )
    (gateway,) = data["gateways"]
    assert gateway["secretsSet"] and SECRET not in str(data)
    test = "mutation($id: ID!) { testGatewayConnection(id: $id) { ok message } }"
    assert (await world.admin.ok(test, id=gateway["id"]))["testGatewayConnection"]["ok"]
    fake.secret_key = "rotated"
    result = (await world.admin.ok(test, id=gateway["id"]))["testGatewayConnection"]
    assert result == {"ok": False, "message": "Paystack refused our credentials"}
    error = await world.admin.error(
        'mutation { configureGateway(input: {provider: PAYSTACK, displayName: "P", '
        'credentials: {publicKey: "x"}}) { id } }'
    )
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "credentials.secretKey"}


async def test_expiry_job_and_sweep_of_unapplied_events(
    setup: Any, http: httpx.AsyncClient
) -> None:
    from datetime import UTC, datetime, timedelta

    from services.payments.models import Payment
    from workers import tasks

    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "10.00")
    stale = (await ada.client.ok(PAY, b=bill["id"], k="stale"))["payBill"]
    fresh_bill = await world.bill(ada, "10.00")
    lost = (await ada.client.ok(PAY, b=fresh_bill["id"], k="lost"))["payBill"]
    async with tenant_scope(world.slug):
        # An hour old: past the expiry window. And an event stored while the broker was
        # away: received but never applied, older than the sweeper's grace period.
        await Payment.filter(reference=stale["reference"]).update(
            created_at=datetime.now(UTC) - timedelta(hours=2)
        )
        fake.complete(lost["reference"])
        body, _ = fake.webhook(lost["reference"])
        await WebhookEvent.create(
            provider="PAYSTACK",
            event_id="charge.success:lost",
            type="charge.success",
            reference=lost["reference"],
            payload={"raw": body.decode()},
        )
        await WebhookEvent.filter(event_id="charge.success:lost").update(
            received_at=datetime.now(UTC) - timedelta(minutes=10)
        )
    slot = datetime.now(UTC).replace(second=0, microsecond=0).isoformat()
    assert await tasks.expire_stale_payments(world.slug, slot) == 1
    assert (await status_of(ada.client, stale["reference"]))["status"] == "EXPIRED"
    found = await tasks.sweep()
    assert [slug for slug, _, _ in found if slug == world.slug] == [world.slug]
    # Applying what the sweeper found settles the payment once, however often it runs.
    for slug, event_id, attempt in found:
        if slug == world.slug:
            assert await tasks.apply_webhook_event(slug, event_id, attempt) == "PROCESSED"
            assert await tasks.apply_webhook_event(slug, event_id, attempt) == "PROCESSED"
    assert (await status_of(ada.client, lost["reference"]))["status"] == "SUCCEEDED"
    assert not [s for s, _, _ in await tasks.sweep() if s == world.slug]


async def test_a_provider_that_is_down_fails_fast(setup: Any) -> None:
    world, fake = setup
    ada = world.residents[0]
    fake.failing_with = 503
    codes = []
    for attempt in range(7):
        bill = await world.bill(ada, "5.00")
        error = await ada.client.error(PAY, b=bill["id"], k=f"down{attempt}")
        codes.append(error["extensions"]["code"])
    # Five failures open the circuit; then calls fail at once without reaching Paystack.
    assert codes == ["PROVIDER_ERROR"] * 5 + ["PROVIDER_UNAVAILABLE"] * 2
    failed = await world.admin.ok(
        "{ payments(filter: {status: [FAILED]}) { edges { node { failureCode } } } }"
    )
    codes_seen = [e["node"]["failureCode"] for e in failed["payments"]["edges"]]
    assert sorted(codes_seen) == ["NETWORK_ERROR"] * 2 + ["PROVIDER_ERROR"] * 5


def signed(data: dict[str, Any], event: str = "charge.success") -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"event": event, "data": data}).encode()
    signature = hmac.new(SECRET.encode(), body, hashlib.sha512).hexdigest()
    return body, {"x-paystack-signature": signature, "content-type": "application/json"}


async def test_signed_events_with_oversized_fields_are_refused_or_ignored(
    setup: Any, http: httpx.AsyncClient
) -> None:
    from workers import tasks

    world, _ = setup
    url = f"/webhooks/paystack/{world.slug}"
    # An id or type longer than we store: a malformed event, 400 (the provider's own
    # never are), not a 500.
    for body, headers in (signed({"id": "9" * 201}), signed({"id": 1}, event="e" * 101)):
        response = await http.post(url, content=body, headers=headers)
        assert response.status_code == 400, response.text
    # A reference longer than any we issue names no payment of ours: stored, then IGNORED.
    for n, reference in enumerate(("R" * 41, "R" * 5_000)):
        body, headers = signed({"id": f"long-{n}", "reference": reference})
        assert (await http.post(url, content=body, headers=headers)).status_code == 200
    async with tenant_scope(world.slug):
        events = await WebhookEvent.filter(event_id__startswith="charge.success:long-")
        assert [e.reference for e in events] == [None, None]
    for event in events:
        outcome = await tasks.apply_webhook_event(world.slug, str(event.id), 1)
        assert outcome == "IGNORED"
