from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from services.notifications.models import Notification
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world

PAY = """mutation($b: ID!, $a: Decimal, $pin: String, $k: String!) {
  payBillFromWallet(billId: $b, amount: $a, pin: $pin, idempotencyKey: $k) {
    id reference status provider purpose amount { amount currency } bill { number } } }"""
BILL = """query($id: ID!) { bill(id: $id) { number status amount { amount } amountPaid { amount }
  balanceDue { amount } isOverdue resident { id user { fullName } } unit { label }
  payments { reference status amount { amount } } } }"""
WALLET = (
    "{ wallet { id balance { amount currency } available { amount } frozen hasPin locked "
    "transactions(first: 10) { totalCount edges { node { kind amount { amount } "
    "balanceAfter { amount } reference } } } } }"
)


async def test_a_bill_from_creation_to_paid_in_two_parts(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "10000.00")
    bill = await world.bill(ada, "5000.00")
    assert bill["number"].startswith("BILL-") and bill["amount"] == {
        "amount": "5000.00",
        "currency": "NGN",
    }

    first = (await ada.client.ok(PAY, b=bill["id"], a="1500.50", k="k1"))["payBillFromWallet"]
    assert first["status"] == "SUCCEEDED" and first["amount"]["amount"] == "1500.50"
    assert first["provider"] == "WALLET" and first["bill"]["number"] == bill["number"]
    seen = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert seen["status"] == "PARTIALLY_PAID"
    assert seen["balanceDue"]["amount"] == "3499.50"

    rest = (await ada.client.ok(PAY, b=bill["id"], k="k2"))["payBillFromWallet"]
    assert rest["amount"]["amount"] == "3499.50"
    seen = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert seen["status"] == "PAID" and seen["balanceDue"]["amount"] == "0.00"
    assert [p["amount"]["amount"] for p in seen["payments"]] == ["1500.50", "3499.50"]
    assert seen["unit"] == {"label": "U1"} and seen["resident"]["user"]["fullName"]

    wallet = (await ada.client.ok(WALLET))["wallet"]
    assert wallet["balance"] == {"amount": "5000.00", "currency": "NGN"}
    kinds = [e["node"]["kind"] for e in wallet["transactions"]["edges"]]
    assert kinds == ["BILL_PAYMENT", "BILL_PAYMENT", "ADJUSTMENT"]  # newest first
    assert wallet["transactions"]["edges"][0]["node"]["balanceAfter"]["amount"] == "5000.00"
    estate = await world.admin.ok(
        "{ estateWallet { balance { amount } operations { "
        "totalCount edges { node { kind amount { amount } } } } } }"
    )
    assert estate["estateWallet"]["balance"]["amount"] == "5000.00"
    assert estate["estateWallet"]["operations"]["totalCount"] == 2


async def test_platform_fee_goes_to_the_platform_account(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    await Estate.filter(slug=world.slug).update(platform_fee_bps=150, platform_fee_fixed=1000)
    world.admin = await world.admin.login(f"admin@{world.slug}.test")  # re-read the estate
    ada = world.residents[0]
    ada.client = await ada.client.login(f"r0@{world.slug}.test")
    await world.fund(ada, "1000.00")
    bill = await world.bill(ada, "1000.00")
    await ada.client.ok(PAY, b=bill["id"], k="fee")
    # 1.5% of 1000.00 = 15.00, plus 10.00 fixed: the estate receives 975.00.
    data = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert data["estateWallet"]["balance"]["amount"] == "975.00"


async def test_bill_numbers_are_sequential_per_estate(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    numbers = [
        (await world.bill(world.residents[0], "1.00", acknowledge=False))["number"]
        for _ in range(3)
    ]
    assert numbers == ["BILL-000001", "BILL-000002", "BILL-000003"]
    other = await build_world(gql, residents=1)
    assert (await other.bill(other.residents[0], "1.00"))["number"] == "BILL-000001"


async def test_dispute_notifies_admins_and_resolution_paths(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    bill = await world.bill(ada, "200.00", acknowledge=False)
    disputed = await ada.client.ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "I moved out") { status '
        "disputeReason } }",
        id=bill["id"],
    )
    assert disputed["disputeBill"] == {"status": "DISPUTED", "disputeReason": "I moved out"}
    inbox = await world.admin.ok("{ notifications { edges { node { id kind title } } } }")
    kinds = [e["node"]["kind"] for e in inbox["notifications"]["edges"]]
    assert "BILL_DISPUTED" in kinds
    error = await ada.client.error(PAY, b=bill["id"], k="x")
    assert error["extensions"]["code"] == "INVALID_STATE"

    adjusted = await world.admin.ok(
        'mutation($id: ID!) { resolveDispute(id: $id, action: ADJUST, amount: "150.00", '
        'note: "pro rata") { status amount { amount } disputeResolution } }',
        id=bill["id"],
    )
    assert adjusted["resolveDispute"] == {
        "status": "PENDING_ACKNOWLEDGMENT",
        "amount": {"amount": "150.00"},
        "disputeResolution": "pro rata",
    }
    await ada.client.ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "still no") { status } }', id=bill["id"]
    )
    cancelled = await world.admin.ok(
        "mutation($id: ID!) { resolveDispute(id: $id, action: CANCEL) { status } }", id=bill["id"]
    )
    assert cancelled["resolveDispute"]["status"] == "CANCELLED"
    error = await ada.client.error(PAY, b=bill["id"], k="y")
    assert error["extensions"]["code"] == "INVALID_STATE"
    error = await ada.client.error(
        "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=bill["id"]
    )
    assert error["extensions"]["code"] == "INVALID_STATE"


async def test_cancel_only_when_nothing_was_paid(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    paid = await world.bill(ada, "100.00")
    await ada.client.ok(PAY, b=paid["id"], a="10.00", k="part")
    cancel = 'mutation($id: ID!) { cancelBill(id: $id, reason: "error") { status } }'
    error = await world.admin.error(cancel, id=paid["id"])
    assert error["extensions"]["code"] == "INVALID_STATE"
    fresh = await world.bill(ada, "100.00")
    assert (await world.admin.ok(cancel, id=fresh["id"]))["cancelBill"]["status"] == "CANCELLED"
    error = await ada.client.error(cancel, id=fresh["id"])
    assert error["extensions"]["code"] == "FORBIDDEN"


async def test_create_bills_per_property_is_all_or_nothing_and_scales(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=3)
    data = await world.admin.ok(
        'mutation($p: ID!) { createBills(input: {propertyId: $p, title: "Levy", type: LEVY, '
        'amount: "25.00", dueDate: "2030-02-01"}) { count bills { number unit { label } } } }',
        p=world.property_id,
    )
    assert data["createBills"]["count"] == 3
    assert [b["unit"]["label"] for b in data["createBills"]["bills"]] == ["U1", "U2", "U3"]

    ids = [p.resident_id for p in world.residents]
    many = await world.admin.ok(
        'mutation($r: [ID!]) { createBills(input: {residentIds: $r, title: "Water", type: WATER, '
        'amount: "1.00", dueDate: "2030-02-01"}) { count } }',
        r=ids * 1,
    )
    assert many["createBills"]["count"] == 3
    # 1,000 bills in one call (residents repeat in the list only once each, so use many).
    bigger = await build_world(gql, residents=1)
    await bigger.admin.ok(
        'mutation($r: [ID!]) { createBills(input: {residentIds: $r, title: "X", type: OTHER, '
        'amount: "1.00", dueDate: "2030-02-01"}) { count } }',
        r=[bigger.residents[0].resident_id],
    )
    error = await world.admin.error(
        'mutation($r: [ID!]) { createBills(input: {residentIds: $r, title: "W", type: WATER, '
        'amount: "1.00", dueDate: "2030-02-01"}) { count } }',
        r=[*ids, str(uuid.uuid4())],
    )
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "residentIds"}
    total = await world.admin.ok("{ bills { totalCount } }")
    assert total["bills"]["totalCount"] == 6  # the failed call created nothing


async def test_a_thousand_bills_in_one_call(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    # A property with 1,000 occupied units.
    ada = world.residents[0]
    async with tenant_scope(world.slug):
        from services.properties.models import Unit
        from services.residents.models import Occupancy

        units = [Unit(property_id=world.property_id, label=f"B{n:04d}") for n in range(999)]
        await Unit.bulk_create(units)
        await Occupancy.bulk_create(
            [Occupancy(resident_id=ada.resident_id, unit_id=u.id) for u in units]
        )
    data = await world.admin.ok(
        'mutation($p: ID!) { createBills(input: {propertyId: $p, title: "Levy", type: LEVY, '
        'amount: "25.00", dueDate: "2030-02-01"}) { count } }',
        p=world.property_id,
    )
    assert data["createBills"]["count"] == 1000
    last = await world.admin.ok("{ bills(first: 1) { totalCount edges { node { number } } } }")
    assert last["bills"]["totalCount"] == 1000
    assert last["bills"]["edges"][0]["node"]["number"] == "BILL-001000"
    async with tenant_scope(world.slug):
        assert await Notification.filter(kind="BILL_CREATED").count() == 1  # one resident


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("12.345", "VALIDATION_ERROR"),
        ("0", "VALIDATION_ERROR"),
        ("-5.00", "VALIDATION_ERROR"),
        ("NaN", "VALIDATION_ERROR"),
        ("abc", "VALIDATION_ERROR"),
        ("100000000000.00", "VALIDATION_ERROR"),
    ],
)
async def test_bad_amounts_are_refused_with_the_field(
    gql: GraphQLClient, amount: str, code: str
) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    error = await ada.client.error(PAY, b=bill["id"], a=amount, k=uuid.uuid4().hex)
    assert error["extensions"]["code"] == code
    assert error["extensions"]["field"] == "amount"
    error = await world.admin.error(
        'mutation($r: ID!, $a: Decimal!) { createBill(input: {residentId: $r, title: "T", '
        'type: OTHER, amount: $a, dueDate: "2030-01-01"}) { id } }',
        r=ada.resident_id,
        a=amount,
    )
    assert error["extensions"]["field"] == "amount"


async def test_other_bad_payment_input(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bob = world.residents
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    error = await ada.client.error(PAY, b=bill["id"], a="60.00", k="over")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}
    assert "50.00" in error["message"]
    error = await bob.client.error(PAY, b=bill["id"], k="theft")
    assert error["extensions"]["code"] == "NOT_FOUND"
    error = await world.admin.error(
        'mutation($r: ID!) { createBill(input: {residentId: $r, title: "T", type: OTHER, '
        'amount: "1.00", currency: "USD", dueDate: "2030-01-01"}) { id } }',
        r=ada.resident_id,
    )
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "currency"}
    error = await ada.client.error('mutation { setWalletPin(pin: "abcd") { hasPin } }')
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "pin"}
    unacknowledged = await world.bill(ada, "5.00", acknowledge=False)
    error = await ada.client.error(PAY, b=unacknowledged["id"], k="early")
    assert error["extensions"]["code"] == "INVALID_STATE"
    poor = await world.bill(bob, "5.00")
    error = await bob.client.error(PAY, b=poor["id"], k="broke")
    assert error["extensions"] == {"code": "INSUFFICIENT_FUNDS", "field": "amount"}
    assert error["message"] == "insufficient funds: 0.00 NGN available, 5.00 NGN needed"


async def test_pin_is_required_once_set_and_locks_after_five_failures(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    assert (await ada.client.ok('mutation { setWalletPin(pin: "1234") { hasPin } }'))[
        "setWalletPin"
    ]["hasPin"]
    error = await ada.client.error('mutation { setWalletPin(pin: "5678") { hasPin } }')
    assert error["extensions"]["field"] == "currentPin"
    codes, messages = [], []
    for attempt in range(5):
        error = await ada.client.error(PAY, b=bill["id"], pin="0000", k=f"bad{attempt}")
        codes.append(error["extensions"]["code"])
        messages.append(error["message"])
    assert codes == ["INVALID_PIN"] * 4 + ["WALLET_LOCKED"]
    assert messages[2:4] == ["wrong PIN; 2 attempts left", "wrong PIN; 1 attempt left"]
    error = await ada.client.error(PAY, b=bill["id"], pin="1234", k="good")
    assert error["extensions"]["code"] == "WALLET_LOCKED"
    wallet = (await ada.client.ok(WALLET))["wallet"]
    assert wallet["locked"] is True and wallet["balance"]["amount"] == "100.00"


async def test_frozen_wallet_cannot_pay_and_unfreezes(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    await world.admin.ok(
        'mutation($w: ID!) { freezeWallet(walletId: $w, reason: "audit") { frozen } }',
        w=ada.wallet_id,
    )
    error = await ada.client.error(PAY, b=bill["id"], k="frozen")
    assert error["extensions"]["code"] == "WALLET_FROZEN"
    error = await world.admin.error(
        'mutation($w: ID!) { adjustWallet(walletId: $w, amount: "-1.00", reason: "fee", '
        'idempotencyKey: "d1") { frozen } }',
        w=ada.wallet_id,
    )
    assert error["extensions"]["code"] == "WALLET_FROZEN"
    await world.admin.ok(
        "mutation($w: ID!) { unfreezeWallet(walletId: $w) { frozen } }", w=ada.wallet_id
    )
    assert (await ada.client.ok(PAY, b=bill["id"], k="thawed"))["payBillFromWallet"][
        "status"
    ] == "SUCCEEDED"


async def test_idempotency_key_replays_and_conflicts(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    first = (await ada.client.ok(PAY, b=bill["id"], a="10.00", k="same"))["payBillFromWallet"]
    again = (await ada.client.ok(PAY, b=bill["id"], a="10.00", k="same"))["payBillFromWallet"]
    assert first == again
    error = await ada.client.error(PAY, b=bill["id"], a="11.00", k="same")
    assert error["extensions"] == {"code": "IDEMPOTENCY_CONFLICT", "field": "idempotencyKey"}
    assert (await ada.client.ok(WALLET))["wallet"]["balance"]["amount"] == "90.00"


async def test_filters_and_summary(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bob = world.residents
    await world.fund(ada, "1000.00")
    late = await world.bill(ada, "100.00", due="2020-01-01")
    await world.bill(ada, "40.00", due="2031-01-01")
    await world.bill(bob, "7.00", acknowledge=False)
    await ada.client.ok(PAY, b=late["id"], a="30.00", k="p")
    own = await ada.client.ok("{ bills { totalCount edges { node { isOverdue } } } }")
    assert own["bills"]["totalCount"] == 2
    overdue = await world.admin.ok(
        "{ bills(filter: {overdueOnly: true}) { edges { node { id } } } }"
    )
    assert [e["node"]["id"] for e in overdue["bills"]["edges"]] == [late["id"]]
    by_status = await world.admin.ok(
        "{ bills(filter: {status: [PENDING_ACKNOWLEDGMENT]}) { totalCount } }"
    )
    assert by_status["bills"]["totalCount"] == 1
    by_resident = await world.admin.ok(
        'query($r: ID!) { bills(filter: {residentId: $r, dueAfter: "2025-01-01"}) { totalCount } }',
        r=ada.resident_id,
    )
    assert by_resident["bills"]["totalCount"] == 1
    summary = (
        await ada.client.ok(
            "{ billsSummary { outstanding { amount } overdue { amount } paidThisMonth { amount } "
            "countByStatus { status count } } }"
        )
    )["billsSummary"]
    assert summary["outstanding"]["amount"] == "110.00"
    assert summary["overdue"]["amount"] == "70.00"
    assert summary["paidThisMonth"]["amount"] == "30.00"
    assert {c["status"]: c["count"] for c in summary["countByStatus"]} == {
        "ACKNOWLEDGED": 1,
        "PARTIALLY_PAID": 1,
    }
    estate = (await world.admin.ok("{ billsSummary { outstanding { amount } } }"))["billsSummary"]
    assert Decimal(estate["outstanding"]["amount"]) == Decimal("117.00")
    error = await ada.client.error(
        "query($r: ID!) { billsSummary(residentId: $r) { outstanding { amount } } }",
        r=bob.resident_id,
    )
    assert error["extensions"]["code"] == "NOT_FOUND"
