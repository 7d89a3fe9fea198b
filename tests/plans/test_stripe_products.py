"""`estatepay stripe sync` keeps billing plans as Stripe products and prices, on the fake
Stripe over HTTP through the `stripe` SDK: twice is one product with one active price; a
price change is a second price with the first deactivated (a change back takes the first
back); an archived plan's product goes inactive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from estatepay.demo.fakes.server import serving
from estatepay.demo.fakes.stripe import FakeStripe
from tests.conftest import GraphQLClient
from tests.graphql.test_payment_methods import SECRET, WEBHOOK_SECRET, run_sync, stripe_world

pytestmark = pytest.mark.usefixtures("database")
CREATE = """mutation { createBillingPlan(input: {name: "Service charge", billType: SERVICE_CHARGE,
  interval: QUARTERLY, amount: "100.00", billingDay: 1, dueDays: 7}) { id } }"""
PRICE = """mutation($id: ID!, $a: Decimal!) { updateBillingPlan(id: $id, input: {amount: $a})
  { id } }"""
ARCHIVE = "mutation($id: ID!) { archiveBillingPlan(id: $id) { archived } }"


@pytest.fixture
def fake_stripe() -> Iterator[tuple[FakeStripe, str]]:
    fake = FakeStripe(SECRET, WEBHOOK_SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


def prices(fake: FakeStripe) -> list[tuple[int, bool, str | None]]:
    """(amount, active, lookup key) of every price, oldest first."""
    return [(p["unit_amount"], p["active"], p["lookup_key"]) for p in fake.catalog.prices.values()]


async def synced(slug: str, expected: str) -> None:
    code, err = await run_sync("--estate", slug)
    assert code == 0, err
    assert f"{slug}: {expected} synced" in err


async def test_plans_are_kept_as_stripe_products_and_prices(
    gql: GraphQLClient, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    plan_id = (await world.admin.ok(CREATE))["createBillingPlan"]["id"]
    key = f"estatepay_plan_{plan_id.replace('-', '')}"

    await synced(world.slug, "3")  # two residents and the plan
    [product] = fake.catalog.products.values()
    assert (product["id"], product["name"], product["active"]) == (key, "Service charge", True)
    assert product["metadata"] == {"estate": world.slug, "planId": plan_id}
    [price] = fake.catalog.prices.values()
    assert (price["product"], price["currency"], price["unit_amount"]) == (key, "ngn", 10000)
    assert price["recurring"] == {"interval": "month", "interval_count": 3}
    assert price["lookup_key"] == key

    # Again: found by its id, nothing made or changed.
    before: dict[str, Any] = {
        "products": {k: dict(v) for k, v in fake.catalog.products.items()},
        "prices": {k: dict(v) for k, v in fake.catalog.prices.items()},
    }
    await synced(world.slug, "3")
    assert len(fake.catalog.products) == 1
    assert {k: dict(v) for k, v in fake.catalog.prices.items()} == before["prices"]
    assert {k: dict(v) for k, v in fake.catalog.products.items()} == before["products"]

    # A new price: a second Stripe price, the first deactivated; the lookup key moves.
    await world.admin.ok(PRICE, id=plan_id, a="150.00")
    await synced(world.slug, "3")
    assert prices(fake) == [(10000, False, None), (15000, True, key)]
    await synced(world.slug, "3")
    assert len(fake.catalog.prices) == 2

    # Changed back: the first price is taken back, not made again.
    await world.admin.ok(PRICE, id=plan_id, a="100.00")
    await synced(world.slug, "3")
    assert prices(fake) == [(10000, True, key), (15000, False, None)]

    # Archived: the product goes inactive, its prices are left as they are.
    assert (await world.admin.ok(ARCHIVE, id=plan_id))["archiveBillingPlan"]["archived"]
    await synced(world.slug, "3")
    assert [p["active"] for p in fake.catalog.products.values()] == [False]
    assert prices(fake) == [(10000, True, key), (15000, False, None)]
    assert len(fake.catalog.products) == 1
