"""The `dashboard` query: exact figures for a seeded estate, admins only."""

from __future__ import annotations

import uuid
from decimal import Decimal

import httpx

from tenants.models import Estate
from tests.conftest import GraphQLClient
from tests.world import build_world

DASHBOARD = """query($p: DashboardPeriod!) { dashboard(period: $p) {
  period windowStart windowEnd
  collected { amount currency } outstanding { amount currency } overdue { amount currency }
  collectionRate billsByStatus { status count }
  revenueSeries { bucketStart amount { amount currency } } } }"""
PAY = """mutation($b: ID!, $a: Decimal, $k: String!) {
  payBillFromWallet(billId: $b, amount: $a, idempotencyKey: $k) { id } }"""
REFUND = """mutation($p: ID!, $a: Decimal, $k: String!) {
  refundPayment(paymentId: $p, amount: $a, reason: "overcharged", idempotencyKey: $k) {
    status } }"""


def ngn(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "NGN"}


async def test_figures_of_a_seeded_estate_are_exact(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2, prefix="dash")
    # A 1% platform fee: collected is what residents paid, the estate wallet gets less.
    await Estate.filter(slug=world.slug).update(platform_fee_bps=100)
    ada, bob = world.residents
    await world.fund(ada, "1000.00")
    await world.fund(bob, "500.00")

    full = await world.bill(ada, "300.00")
    part = await world.bill(ada, "200.00")
    await world.bill(bob, "400.00", due="2020-01-31")  # acknowledged, past due
    await world.bill(bob, "100.00", acknowledge=False)  # pending acknowledgement
    cancelled = await world.bill(bob, "70.00", acknowledge=False)
    await world.admin.ok(
        'mutation($id: ID!) { cancelBill(id: $id, reason: "typo") { status } }',
        id=cancelled["id"],
    )
    disputed = await world.bill(bob, "80.00", acknowledge=False, due="2020-01-31")
    await bob.client.ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "not mine") { status } }',
        id=disputed["id"],
    )
    paid = (await ada.client.ok(PAY, b=full["id"], a=None, k=uuid.uuid4().hex))["payBillFromWallet"]
    await ada.client.ok(PAY, b=part["id"], a="50.00", k=uuid.uuid4().hex)
    # 100.00 back: collected falls, and the bill owes it again.
    await world.admin.ok(REFUND, p=paid["id"], a="100.00", k=uuid.uuid4().hex)

    day = (await world.admin.ok(DASHBOARD, p="DAY"))["dashboard"]
    # Collected 300 + 50 - 100; outstanding 100 + 150 + 400 + 100 + 80; overdue: the
    # acknowledged late bill only (the disputed one is not overdue).
    assert day["collected"] == ngn("250.00")
    assert day["outstanding"] == ngn("830.00")
    assert day["overdue"] == ngn("400.00")
    assert day["collectionRate"] == 250 / 1080
    assert day["billsByStatus"] == [
        {"status": "PENDING_ACKNOWLEDGMENT", "count": 1},
        {"status": "ACKNOWLEDGED", "count": 1},
        {"status": "DISPUTED", "count": 1},
        {"status": "PARTIALLY_PAID", "count": 2},
        {"status": "PAID", "count": 0},
        {"status": "OVERDUE", "count": 0},
        {"status": "CANCELLED", "count": 1},
    ]
    series = day["revenueSeries"]
    assert len(series) == 24  # Africa/Lagos keeps no daylight saving
    assert series[0]["bucketStart"] == day["windowStart"]
    assert day["windowStart"].endswith("T00:00:00+01:00")
    assert all(b["amount"]["currency"] == "NGN" for b in series)
    assert sum(Decimal(b["amount"]["amount"]) for b in series) == Decimal("250.00")
    # The estate wallet got the payments minus the 1% fee, less the refund (fee back too).
    wallet = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert wallet["estateWallet"]["balance"]["amount"] == "247.50"

    for period, buckets in (("WEEK", {7}), ("MONTH", {28, 29, 30, 31}), ("YEAR", {12})):
        figures = (await world.admin.ok(DASHBOARD, p=period))["dashboard"]
        assert figures["period"] == period
        # Money and bills are the same in every period that contains today.
        for name in ("collected", "outstanding", "overdue", "collectionRate", "billsByStatus"):
            assert figures[name] == day[name], (period, name)
        assert len(figures["revenueSeries"]) in buckets
        amounts = [Decimal(b["amount"]["amount"]) for b in figures["revenueSeries"]]
        assert sum(amounts) == Decimal("250.00")
        assert sorted(amounts)[-1] == Decimal("250.00")  # all of it in today's bucket
    week = (await world.admin.ok(DASHBOARD, p="WEEK"))["dashboard"]
    assert [b["bucketStart"][11:] for b in week["revenueSeries"]] == ["00:00:00+01:00"] * 7


async def test_an_empty_estate_has_zero_figures_and_rate(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=0, prefix="dash")
    day = (
        await world.admin.ok(
            "{ dashboard { collected { amount } collectionRate "
            "revenueSeries { amount { amount } } } }"
        )
    )["dashboard"]
    assert day["collected"] == {"amount": "0.00"}
    assert day["collectionRate"] == 0.0
    assert {b["amount"]["amount"] for b in day["revenueSeries"]} == {"0.00"}


async def test_residents_and_strangers_are_refused(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="dash")
    error = await world.residents[0].client.error(DASHBOARD, p="DAY")
    assert error["extensions"]["code"] == "FORBIDDEN"
    error = await gql.error(DASHBOARD, p="DAY")
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


async def test_the_page_is_served_as_html(http: httpx.AsyncClient) -> None:
    response = await http.get("/dashboard")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for testid in ("signin-form", "collected", "outstanding", "overdue", "collection-rate"):
        assert f'data-testid="{testid}"' in response.text
    assert "graphql-transport-ws" in response.text
