"""`useCredits` and `useRewards` on payBill and payBillFromWallet (credits, then rewards,
then the method for the rest), the prepayment reward, and what a refund does to rewards
spent with a payment or earned by it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.models import JournalEntry
from services.ledger.verify import verify_ledger
from services.rewards.models import RewardRedemption
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_provider_payments import SECRET, with_paystack
from tests.world import Person, World, build_world

WALLET_PAY = """mutation($b: ID!, $k: String!, $a: Decimal, $c: Boolean, $r: Boolean,
  $pin: String) { payBillFromWallet(billId: $b, idempotencyKey: $k, amount: $a, pin: $pin,
  useCredits: $c, useRewards: $r) { id provider status amount { amount } } }"""
PROVIDER_PAY = """mutation($b: ID!, $k: String!, $a: Decimal, $c: Boolean, $r: Boolean,
  $pin: String) { payBill(billId: $b, provider: PAYSTACK, idempotencyKey: $k, amount: $a,
  useCredits: $c, useRewards: $r, pin: $pin) {
  id reference provider status amount { amount } } }"""
GRANT = """mutation($r: ID!, $a: Decimal!, $k: String!) { grantReward(residentId: $r,
  amount: $a, reason: "promo", idempotencyKey: $k) { balance { amount } } }"""
REFUND = """mutation($p: ID!, $a: Decimal, $k: String!) { refundPayment(paymentId: $p,
  amount: $a, reason: "refunded", idempotencyKey: $k) { status } }"""
VERIFY = "mutation($r: String!) { verifyPayment(reference: $r) { status } }"
BILL = "query($id: ID!) { bill(id: $id) { status amountPaid { amount } } }"
CONFIGURE = """mutation($p: Decimal!) { configureRewards(input: {prepaymentRewardPercent: $p})
  { prepaymentRewardPercent } }"""


async def balances(person: Person) -> tuple[str, str]:
    """(wallet, rewards)."""
    found = await person.client.ok(
        "{ wallet { balance { amount } } rewards { balance { amount } } }"
    )
    return found["wallet"]["balance"]["amount"], found["rewards"]["balance"]["amount"]


async def paid(person: Person, bill: dict) -> tuple[str, str]:
    shown = (await person.client.ok(BILL, id=bill["id"]))["bill"]
    return shown["status"], shown["amountPaid"]["amount"]


async def healthy(world: World) -> None:
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


async def rewarded(world: World, person: Person, amount: str) -> None:
    await world.admin.ok(GRANT, r=person.resident_id, a=amount, k=uuid.uuid4().hex)


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
async def world(gql: GraphQLClient, paystack: tuple[FakePaystack, str]) -> AsyncIterator[Any]:
    built = await build_world(gql, residents=1, prefix="spend")
    await with_paystack(built, paystack[1])
    yield built


async def test_wallet_payment_with_rewards_then_credits_first(world: World) -> None:
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    await rewarded(world, ada, "30.00")
    bill = await world.bill(ada, "50.00")
    # Rewards first (no useCredits), the wallet for the rest.
    first = (await ada.client.ok(WALLET_PAY, b=bill["id"], k="w1", r=True))["payBillFromWallet"]
    assert (first["provider"], first["status"], first["amount"]) == (
        "WALLET",
        "SUCCEEDED",
        {"amount": "20.00"},
    )
    assert await paid(ada, bill) == ("PAID", "50.00")
    assert await balances(ada) == ("80.00", "0.00")
    again = (await ada.client.ok(WALLET_PAY, b=bill["id"], k="w1", r=True))["payBillFromWallet"]
    assert again == first and await balances(ada) == ("80.00", "0.00")  # once per key
    conflict = await ada.client.error(WALLET_PAY, b=bill["id"], k="w1", r=False)
    assert conflict["extensions"]["code"] == "IDEMPOTENCY_CONFLICT"

    # useCredits puts the wallet before the rewards: they pay only what it cannot.
    await rewarded(world, ada, "100.00")
    big = await world.bill(ada, "100.00")
    both = (await ada.client.ok(WALLET_PAY, b=big["id"], k="w2", c=True, r=True))[
        "payBillFromWallet"
    ]
    assert both["amount"] == {"amount": "80.00"}
    assert await paid(ada, big) == ("PAID", "100.00")
    assert await balances(ada) == ("0.00", "80.00")
    await healthy(world)


async def test_bad_spending_names_the_field(world: World) -> None:
    ada = world.residents[0]
    await world.fund(ada, "10.00")
    await rewarded(world, ada, "5.00")
    bill = await world.bill(ada, "50.00")
    short = await ada.client.error(WALLET_PAY, b=bill["id"], k="s", c=True, r=True)
    assert (short["extensions"]["code"], short["extensions"]["field"]) == (
        "INSUFFICIENT_FUNDS",
        "amount",
    )
    negative = await ada.client.error(WALLET_PAY, b=bill["id"], k="n", a="-1.00", r=True)
    assert (negative["extensions"]["code"], negative["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "amount",
    )
    over = await ada.client.error(WALLET_PAY, b=bill["id"], k="o", a="50.01", r=True)
    assert (over["extensions"]["code"], over["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "amount",
    )
    small = await world.bill(ada, "5.00")
    covered = await ada.client.error(WALLET_PAY, b=small["id"], k="c", r=True)
    assert (covered["extensions"]["code"], covered["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "useRewards",
    )
    # Nothing moved by any refusal.
    assert await balances(ada) == ("10.00", "5.00")
    assert await paid(ada, bill) == ("ACKNOWLEDGED", "0.00")
    # Credits spent through payBill need the wallet's PIN once it has one.
    await ada.client.ok('mutation { setWalletPin(pin: "1357") { id } }')
    no_pin = await ada.client.error(PROVIDER_PAY, b=bill["id"], k="p", c=True)
    assert no_pin["extensions"]["field"] == "pin"
    await healthy(world)


async def test_provider_payment_for_the_rest_and_its_refund(
    world: World, paystack: tuple[FakePaystack, str]
) -> None:
    fake = paystack[0]
    ada = world.residents[0]
    await world.fund(ada, "20.00")
    await rewarded(world, ada, "30.00")
    bill = await world.bill(ada, "100.00")
    started = (await ada.client.ok(PROVIDER_PAY, b=bill["id"], k="mix", c=True, r=True))["payBill"]
    assert (started["provider"], started["status"], started["amount"]) == (
        "PAYSTACK",
        "PENDING",
        {"amount": "50.00"},
    )
    assert await paid(ada, bill) == ("PARTIALLY_PAID", "50.00")
    assert await balances(ada) == ("0.00", "0.00")
    retry = (await ada.client.ok(PROVIDER_PAY, b=bill["id"], k="mix", c=True, r=True))["payBill"]
    assert retry == started
    fake.complete(started["reference"])
    assert (await ada.client.ok(VERIFY, r=started["reference"]))["verifyPayment"] == {
        "status": "SUCCEEDED"
    }
    assert await paid(ada, bill) == ("PAID", "100.00")
    await healthy(world)

    # A partial refund keeps the rewards spent; the full one gives them back.
    await world.admin.ok(REFUND, p=started["id"], a="10.00", k="r1")
    assert await balances(ada) == ("0.00", "0.00")
    await world.admin.ok(REFUND, p=started["id"], a=None, k="r2")
    assert await balances(ada) == ("0.00", "30.00")
    assert await paid(ada, bill) == ("PARTIALLY_PAID", "20.00")  # the credits' payment stays
    await world.admin.ok(REFUND, p=started["id"], a=None, k="r2")  # a retry: nothing twice
    assert await balances(ada) == ("0.00", "30.00")
    async with tenant_scope(world.slug):
        assert await JournalEntry.filter(kind="REWARD_RETURN").count() == 1
        assert await RewardRedemption.filter(returned_at__isnull=False).count() == 1
    await healthy(world)


async def test_credits_covering_the_bill_answer_with_the_wallet_payment(world: World) -> None:
    ada = world.residents[0]
    await world.fund(ada, "70.00")
    await rewarded(world, ada, "10.00")
    bill = await world.bill(ada, "60.00")
    done = (await ada.client.ok(PROVIDER_PAY, b=bill["id"], k="c", c=True, r=True))["payBill"]
    assert (done["provider"], done["status"], done["amount"]) == (
        "WALLET",
        "SUCCEEDED",
        {"amount": "60.00"},
    )
    assert await balances(ada) == ("10.00", "10.00")  # credits came first: no rewards needed
    assert (await ada.client.ok(PROVIDER_PAY, b=bill["id"], k="c", c=True, r=True))[
        "payBill"
    ] == done
    await healthy(world)


async def test_prepayment_reward_and_its_return_on_refund(world: World) -> None:
    ada = world.residents[0]
    await world.admin.ok(CONFIGURE, p="2.5")
    await world.fund(ada, "300.00")
    early = await world.bill(ada, "100.00", due="2099-12-31")
    payment = (await ada.client.ok(WALLET_PAY, b=early["id"], k="e"))["payBillFromWallet"]
    assert await balances(ada) == ("200.00", "2.50")
    late = await world.bill(ada, "100.00", due="2020-01-31")  # past due: nothing earned
    await ada.client.ok(WALLET_PAY, b=late["id"], k="l")
    assert await balances(ada) == ("100.00", "2.50")
    notices = await ada.client.ok("{ notifications(first: 20) { edges { node { kind } } } }")
    kinds = [e["node"]["kind"] for e in notices["notifications"]["edges"]]
    assert kinds.count("REWARD") == 1

    # Refunds take the reward back in proportion, then the rest.
    await world.admin.ok(REFUND, p=payment["id"], a="50.00", k="h")
    assert await balances(ada) == ("150.00", "1.25")
    await world.admin.ok(REFUND, p=payment["id"], a=None, k="all")
    assert await balances(ada) == ("200.00", "0.00")
    await healthy(world)


async def test_a_reward_spent_already_is_taken_back_only_as_far_as_it_goes(world: World) -> None:
    ada = world.residents[0]
    await world.admin.ok(CONFIGURE, p="10")
    await world.fund(ada, "100.00")
    first = await world.bill(ada, "100.00", due="2099-12-31")
    payment = (await ada.client.ok(WALLET_PAY, b=first["id"], k="a"))["payBillFromWallet"]
    assert await balances(ada) == ("0.00", "10.00")
    second = await world.bill(ada, "8.00", due="2099-12-31")
    await ada.client.ok(
        'mutation($b: ID!) { applyRewards(billId: $b, idempotencyKey: "x") { status } }',
        b=second["id"],
    )
    await world.admin.ok(REFUND, p=payment["id"], a=None, k="r")
    assert await balances(ada) == ("100.00", "0.00")  # 2.00 left was taken, never below 0
    await healthy(world)
