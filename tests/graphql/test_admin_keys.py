"""Admins' idempotency keys: each admin's own, a retry answered only for the same
request, and a key never answering for a payment it was not used on."""

from __future__ import annotations

import asyncio
from collections import Counter

from services.identity.accounts import add_membership, find_or_create_user
from services.ledger.verify import verify_ledger
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient
from tests.world import World, build_world

PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { id } }"""
REFUND = """mutation($p: ID!, $a: Decimal, $r: String!, $k: String!) {
  refundPayment(paymentId: $p, amount: $a, reason: $r, idempotencyKey: $k) {
    id status } }"""
ADJUST = """mutation($w: ID!, $a: Decimal!, $k: String!) {
  adjustWallet(walletId: $w, amount: $a, reason: "credit", idempotencyKey: $k) {
    balance { amount } } }"""
UNKNOWN = "00000000-0000-4000-8000-000000000000"


async def second_admin(gql: GraphQLClient, world: World) -> GraphQLClient:
    estate = await Estate.get(slug=world.slug)
    user, _ = await find_or_create_user(f"second@{world.slug}.test", "Second Admin", PASSWORD)
    await add_membership(user, estate.id, "ADMIN")
    return await gql.as_tenant(world.slug).login(user.email)


async def paid_twice(world: World) -> tuple[str, str]:
    ada = world.residents[0]
    await world.fund(ada, "200.00")
    payments = []
    for n in range(2):
        bill = await world.bill(ada, "100.00")
        payments.append((await ada.client.ok(PAY, b=bill["id"], k=f"p{n}"))["payBillFromWallet"])
    return payments[0]["id"], payments[1]["id"]


async def test_a_refund_key_answers_only_its_own_request(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    first, second = await paid_twice(world)
    done = await world.admin.ok(REFUND, p=first, a="10.00", r="overcharged", k="k1")

    assert await world.admin.ok(REFUND, p=first, a="10.00", r="overcharged", k="k1") == done
    # The same key for another payment, amount or reason is another request.
    for p, a, r in (
        (second, "10.00", "overcharged"),
        (first, "11.00", "overcharged"),
        (first, "10.00", "other"),
    ):
        error = await world.admin.error(REFUND, p=p, a=a, r=r, k="k1")
        assert error["extensions"] == {"code": "IDEMPOTENCY_CONFLICT", "field": "idempotencyKey"}
    # An unknown payment is NOT_FOUND whatever key comes with it.
    error = await world.admin.error(REFUND, p=UNKNOWN, a="10.00", r="overcharged", k="k1")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "paymentId"}

    # Another admin's "k1" is that admin's own refund.
    other = await second_admin(gql, world)
    await other.ok(REFUND, p=first, a="10.00", r="overcharged", k="k1")
    async with tenant_scope(world.slug):
        assert (await Payment.get(id=first)).refunded_amount == 2000
        assert await verify_ledger() == []


async def test_parallel_retries_of_a_refund_refund_once(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    first, _ = await paid_twice(world)
    results = await asyncio.gather(
        *(world.admin.execute(REFUND, p=first, a="10.00", r="dup", k="same") for _ in range(10))
    )
    assert Counter(str(r.get("errors")) for r in results) == {"None": 10}
    async with tenant_scope(world.slug):
        payment = await Payment.get(id=first)
        assert (payment.refunded_amount, payment.status) == (1000, "PARTIALLY_REFUNDED")
        assert await verify_ledger() == []
    wallet = await world.residents[0].client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "10.00"


async def test_two_admins_using_one_key_make_two_adjustments(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    other = await second_admin(gql, world)
    await world.admin.ok(ADJUST, w=ada.wallet_id, a="5.00", k="same")
    await world.admin.ok(ADJUST, w=ada.wallet_id, a="5.00", k="same")  # a retry
    credited = await other.ok(ADJUST, w=ada.wallet_id, a="5.00", k="same")
    assert credited["adjustWallet"]["balance"]["amount"] == "10.00"
