"""refundWalletBalance: a leaving resident's wallet balance paid back to them, as one
balanced, idempotent ledger entry; only for a resident who is deactivated or lives in no
unit; bad input names its field."""

from __future__ import annotations

import asyncio
from typing import Any

from services.audit.models import AuditEntry
from services.ledger.journal import WALLET_REFUNDS_PAID
from services.ledger.models import Account, JournalEntry
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import World, build_world

REFUND = """mutation($r: ID!, $a: Decimal, $c: String, $why: String!, $ref: String,
  $k: String!) { refundWalletBalance(residentId: $r, amount: $a, currency: $c, reason: $why,
  reference: $ref, idempotencyKey: $k) { id balance { amount } available { amount } } }"""
DEACTIVATE = """mutation($id: ID!) { deactivateResident(id: $id, reason: "left") { active } }"""
HISTORY = """query($id: ID!) { resident(id: $id) { wallet { balance { amount } transactions(
  first: 1) { edges { node { kind amount { amount } description reference } } } } } }"""


async def refund(world: World, resident_id: str, **given: Any) -> dict[str, Any]:
    variables = {"r": resident_id, "why": "moved out", "k": "k1", **given}
    return await world.admin.execute(REFUND, **variables)


def code_and_field(body: dict[str, Any]) -> tuple[str, str | None]:
    assert body.get("errors"), body
    extensions = body["errors"][0]["extensions"]
    return extensions["code"], extensions.get("field")


async def assert_ledger_holds(world: World, refunded: str) -> None:
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
        paid = await Account.get(code=WALLET_REFUNDS_PAID, currency="NGN")
    assert paid.balance == int(refunded.replace(".", ""))


async def test_a_deactivated_residents_balance_is_refunded_once(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="wref")
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    # Still living here and active: the wallet is theirs to spend.
    assert code_and_field(await refund(world, ada.resident_id)) == ("INVALID_STATE", "residentId")
    await world.admin.ok(DEACTIVATE, id=ada.resident_id)

    # A part, twice at once under one key: one entry, both answers alike.
    first, again = await asyncio.gather(
        refund(world, ada.resident_id, a="30.00", ref="TRF-123"),
        refund(world, ada.resident_id, a="30.00", ref="TRF-123"),
    )
    assert first == again
    assert first["data"]["refundWalletBalance"]["balance"] == {"amount": "70.00"}
    seen = (await world.admin.ok(HISTORY, id=ada.resident_id))["resident"]["wallet"]
    assert seen["transactions"]["edges"][0]["node"] == {
        "kind": "REFUND",
        "amount": {"amount": "-30.00"},
        "description": "moved out",
        "reference": "TRF-123",
    }
    # The same key for another request is a conflict, naming the key.
    assert code_and_field(await refund(world, ada.resident_id, a="10.00")) == (
        "IDEMPOTENCY_CONFLICT",
        "idempotencyKey",
    )
    # Without an amount: all that is left.
    rest = await refund(world, ada.resident_id, k="k2")
    assert rest["data"]["refundWalletBalance"]["balance"] == {"amount": "0.00"}
    assert code_and_field(await refund(world, ada.resident_id, k="k3")) == (
        "INVALID_STATE",
        "residentId",
    )
    await assert_ledger_holds(world, "100.00")
    async with tenant_scope(world.slug):
        trail = await AuditEntry.filter(action="refundWalletBalance").order_by("id")
        entries = await JournalEntry.filter(idempotency_key__startswith="wallet-refund:").count()
    assert entries == 2
    assert [(row.after or {}).get("amount") for row in trail] == [3000, 7000]
    inbox = await world.admin.ok(
        "query($id: ID!) { resident(id: $id) { active } }", id=ada.resident_id
    )
    assert inbox["resident"] == {"active": False}  # still visible, nothing else changed


async def test_a_moved_out_resident_is_refunded_and_bad_input_names_its_field(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1, prefix="wref")
    other = await build_world(gql, residents=1, prefix="wref")
    ada = world.residents[0]
    await world.fund(ada, "50.00")
    await world.admin.ok(
        "mutation($r: ID!, $u: ID!) { moveOutResident(residentId: $r, unitId: $u) { id } }",
        r=ada.resident_id,
        u=ada.unit_id,
    )
    cases: list[tuple[dict[str, Any], tuple[str, str]]] = [
        ({"a": "0"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "-5.00"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "1.234"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "50.01"}, ("INSUFFICIENT_FUNDS", "amount")),
        ({"a": "5.00", "c": "USD"}, ("VALIDATION_ERROR", "currency")),
        ({"why": "  "}, ("VALIDATION_ERROR", "reason")),
        ({"k": ""}, ("VALIDATION_ERROR", "idempotencyKey")),
        ({"ref": "x" * 101}, ("VALIDATION_ERROR", "reference")),
        ({"r": "not-an-id"}, ("VALIDATION_ERROR", "residentId")),
        ({"r": other.residents[0].resident_id}, ("NOT_FOUND", "residentId")),
    ]
    for given, expected in cases:
        assert code_and_field(await refund(world, ada.resident_id, **given)) == expected, given
    # Residents cannot refund themselves; another estate's admin cannot see Ada.
    mine = await ada.client.execute(REFUND, r=ada.resident_id, why="mine", k="own")
    assert mine["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    theirs = await other.admin.execute(REFUND, r=ada.resident_id, why="x", k="x")
    assert code_and_field(theirs) == ("NOT_FOUND", "residentId")
    # A frozen wallet is not debited.
    await world.admin.ok(
        'mutation($w: ID!) { freezeWallet(walletId: $w, reason: "dispute") { frozen } }',
        w=ada.wallet_id,
    )
    assert code_and_field(await refund(world, ada.resident_id)) == ("WALLET_FROZEN", "residentId")
    await world.admin.ok(
        "mutation($w: ID!) { unfreezeWallet(walletId: $w) { frozen } }", w=ada.wallet_id
    )
    done = await refund(world, ada.resident_id, k="final")
    assert done["data"]["refundWalletBalance"]["balance"] == {"amount": "0.00"}
    await assert_ledger_holds(world, "50.00")
