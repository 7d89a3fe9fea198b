"""Flutterwave end to end on PostgreSQL and Redis, through the shim and a real worker."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.server import serving
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world, eventually, status_of

SECRET, HASH = "FLWSECK_TEST-fake", "my-webhook-hash"


@pytest.fixture
def flutterwave() -> Iterator[tuple[FakeFlutterwave, str]]:
    fake = FakeFlutterwave(SECRET, HASH)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def test_bill_and_deposit_through_flutterwave(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    flutterwave: tuple[FakeFlutterwave, str],
    worker: None,
) -> None:
    fake, base_url = flutterwave
    world = await build_world(gql, residents=1, prefix="flw")
    await world.admin.ok(
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: FLUTTERWAVE, "
        'displayName: "Flutterwave", credentials: $c, apiBaseUrl: $u}) { id } }',
        c={"secretKey": SECRET, "webhookHash": HASH},
        u=base_url,
    )
    ada = world.residents[0]
    bill = await world.bill(ada, "1234.56")
    started = (
        await ada.client.ok(
            'mutation($b: ID!) { payBill(billId: $b, provider: FLUTTERWAVE, idempotencyKey: "f1") '
            "{ reference checkoutUrl status } }",
            b=bill["id"],
        )
    )["payBill"]
    assert started["checkoutUrl"].startswith("https://checkout.fake-flw/")
    assert str(fake.transactions[started["reference"]].amount) == "1234.56"

    fake.complete(started["reference"])
    body, headers = fake.webhook(started["reference"], verif_hash="wrong")
    url = f"/webhooks/flutterwave/{world.slug}"
    assert (await http.post(url, content=body, headers=headers)).status_code == 400
    body, headers = fake.webhook(started["reference"])
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def paid() -> bool:
        return (await status_of(ada.client, started["reference"]))["status"] == "SUCCEEDED"

    await eventually(paid)
    deposit = (
        await ada.client.ok(
            'mutation { depositToWallet(amount: "99.99", provider: FLUTTERWAVE, '
            'idempotencyKey: "f2") { reference } }'
        )
    )["depositToWallet"]
    fake.complete(deposit["reference"])
    body, headers = fake.webhook(deposit["reference"])
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def deposited() -> bool:
        return (await status_of(ada.client, deposit["reference"]))["status"] == "SUCCEEDED"

    await eventually(deposited)
    data = await ada.client.ok(
        "query($id: ID!) { bill(id: $id) { status } wallet { balance { amount } } }", id=bill["id"]
    )
    assert data == {"bill": {"status": "PAID"}, "wallet": {"balance": {"amount": "99.99"}}}
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
