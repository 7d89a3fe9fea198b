"""Rewards: promotional balance on accounts of their own; granted, adjusted, applied to
bills; never money (`ledger verify` proves no entry mixes them with money)."""

from __future__ import annotations

from services.ledger.journal import Line, post_entry, system_account
from services.ledger.models import Account
from services.ledger.verify import verify_ledger
from services.wallets.models import Wallet
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world

GRANT = """mutation($r: ID!, $a: Decimal!, $k: String!) { grantReward(residentId: $r, amount: $a,
  reason: "welcome", idempotencyKey: $k) { balance { amount } } }"""
ADJUST = """mutation($r: ID!, $a: Decimal!, $k: String!) { adjustRewards(residentId: $r,
  amount: $a, reason: "correction", idempotencyKey: $k) { balance { amount } } }"""
APPLY = """mutation($b: ID!, $a: Decimal, $k: String!) { applyRewards(billId: $b, amount: $a,
  idempotencyKey: $k) { status amountPaid { amount } balanceDue { amount } } }"""
MINE = """{ rewards { balance { amount } transactions(first: 10) { totalCount edges { node {
  kind amount { amount } balanceAfter { amount } } } } } }"""


async def test_grant_adjust_and_apply_rewards(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bob = world.residents
    granted = await world.admin.ok(GRANT, r=ada.resident_id, a="50.00", k="g1")
    assert granted["grantReward"]["balance"] == {"amount": "50.00"}
    again = await world.admin.ok(GRANT, r=ada.resident_id, a="50.00", k="g1")  # once per key
    assert again["grantReward"]["balance"] == {"amount": "50.00"}
    conflict = await world.admin.error(GRANT, r=ada.resident_id, a="60.00", k="g1")
    assert conflict["extensions"]["code"] == "IDEMPOTENCY_CONFLICT"
    taken = await world.admin.ok(ADJUST, r=ada.resident_id, a="-10.00", k="a1")
    assert taken["adjustRewards"]["balance"] == {"amount": "40.00"}
    below = await world.admin.error(ADJUST, r=ada.resident_id, a="-40.01", k="a2")
    assert (below["extensions"]["code"], below["extensions"]["field"]) == (
        "INSUFFICIENT_FUNDS",
        "amount",
    )

    bill = await world.bill(ada, "30.00")
    too_much = await ada.client.error(APPLY, b=bill["id"], a="30.01", k="x")
    assert (too_much["extensions"]["code"], too_much["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "amount",
    )
    big = await world.bill(ada, "100.00")
    over_balance = await ada.client.error(APPLY, b=big["id"], a="40.01", k="y")
    assert (over_balance["extensions"]["code"], over_balance["extensions"]["field"]) == (
        "INSUFFICIENT_FUNDS",
        "amount",
    )
    applied = (await ada.client.ok(APPLY, b=bill["id"], a=None, k="z"))["applyRewards"]
    assert applied == {
        "status": "PAID",
        "amountPaid": {"amount": "30.00"},
        "balanceDue": {"amount": "0.00"},
    }
    assert (await ada.client.ok(APPLY, b=bill["id"], a=None, k="z"))["applyRewards"] == applied
    mine = (await ada.client.ok(MINE))["rewards"]
    assert mine["balance"] == {"amount": "10.00"}
    assert [e["node"]["kind"] for e in mine["transactions"]["edges"]] == [
        "REWARD_REDEMPTION",
        "REWARD_ADJUSTMENT",
        "REWARD",
    ]
    shown = await world.admin.ok(
        "query($id: ID!) { resident(id: $id) { rewards { balance { amount } } } }",
        id=ada.resident_id,
    )
    assert shown["resident"]["rewards"]["balance"] == {"amount": "10.00"}

    # Rewards are no money: the wallet never saw them, and the ledger holds.
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"] == {"amount": "0.00"}
    statement = await ada.client.ok(
        "query($r: ID!) { statement(residentId: $r) { lines { kind credit { amount } } } }",
        r=ada.resident_id,
    )
    assert {"kind": "REWARD", "credit": {"amount": "30.00"}} in statement["statement"]["lines"]
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []

    # Rights: a resident cannot grant; another resident's bill, or another estate's
    # resident, is NOT_FOUND.
    forbidden = await ada.client.error(GRANT, r=ada.resident_id, a="5.00", k="self")
    assert forbidden["extensions"]["code"] == "FORBIDDEN"
    other_bill = await world.bill(bob, "10.00")
    hidden = await ada.client.error(APPLY, b=other_bill["id"], a=None, k="q")
    assert (hidden["extensions"]["code"], hidden["extensions"]["field"]) == ("NOT_FOUND", "billId")
    foreign = await build_world(gql, residents=1)
    away = await foreign.admin.error(GRANT, r=ada.resident_id, a="5.00", k="f")
    assert (away["extensions"]["code"], away["extensions"]["field"]) == ("NOT_FOUND", "residentId")
    bad = await world.admin.error(GRANT, r=ada.resident_id, a="-5.00", k="neg")
    assert (bad["extensions"]["code"], bad["extensions"]["field"]) == ("VALIDATION_ERROR", "amount")


async def test_ledger_verify_catches_rewards_leaving_as_money(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.admin.ok(GRANT, r=ada.resident_id, a="50.00", k="g")
    async with tenant_scope(world.slug):
        rewards = await Account.get(code=f"rewards:{ada.resident_id}")
        wallet = await Wallet.get(resident_id=ada.resident_id).prefetch_related("account")
        await post_entry("forged", "TRANSFER", [Line(rewards, -100), Line(wallet.account, 100)])
        problems = await verify_ledger()
        assert problems == [
            "entry " + problems[0].split(" ")[1] + " (forged) moves rewards to "
            "or from a money account"
        ]
        assert await system_account("rewards", "NGN")


async def test_configure_rewards(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    config = await world.admin.ok(
        "mutation { configureRewards(input: {streakEnabled: true, prepaymentRewardPercent: "
        '"2.5", tiers: [{monthsRequired: 3, amount: "500.00"}, {monthsRequired: 6, '
        'amount: "1000.00", recurring: true}]}) { streakEnabled prepaymentRewardPercent '
        "tiers { monthsRequired amount { amount } recurring } } }"
    )
    assert config["configureRewards"] == {
        "streakEnabled": True,
        "prepaymentRewardPercent": "2.50",
        "tiers": [
            {"monthsRequired": 3, "amount": {"amount": "500.00"}, "recurring": False},
            {"monthsRequired": 6, "amount": {"amount": "1000.00"}, "recurring": True},
        ],
    }
    shown = await world.admin.ok("{ rewardsConfig { streakEnabled tiers { monthsRequired } } }")
    assert shown["rewardsConfig"]["tiers"] == [{"monthsRequired": 3}, {"monthsRequired": 6}]
    for tiers, field in (
        ('[{monthsRequired: 0, amount: "5.00"}]', "tiers[0].monthsRequired"),
        ('[{monthsRequired: 1, amount: "-5.00"}]', "tiers[0].amount"),
    ):
        error = await world.admin.error(
            f"mutation {{ configureRewards(input: {{tiers: {tiers}}}) {{ streakEnabled }} }}"
        )
        assert (error["extensions"]["code"], error["extensions"]["field"]) == (
            "VALIDATION_ERROR",
            field,
        )
    error = await world.admin.error(
        'mutation { configureRewards(input: {prepaymentRewardPercent: "101"}) { streakEnabled } }'
    )
    assert error["extensions"]["field"] == "prepaymentRewardPercent"
    resident = await world.residents[0].client.error("{ rewardsConfig { streakEnabled } }")
    assert resident["extensions"]["code"] == "FORBIDDEN"
