"""Statements: every bill, payment, credit, refund and adjustment as a line with a
running balance, reconciled with the ledger over random histories; CSV and PDF."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.bills.models import Bill
from services.ledger.verify import verify_ledger
from services.wallets.models import Wallet
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.pdftext import fetch, fetch_pdf
from tests.world import World, build_world

STATEMENT = """query($r: ID!, $f: Date, $t: Date) { statement(residentId: $r, from: $f, to: $t) {
  from to openingBalance { amount } closingBalance { amount } csvUrl pdfUrl
  lines { kind description reference debit { amount } credit { amount } balance { amount } } } }"""
PAY = """mutation($b: ID!, $k: String!, $a: Decimal) {
  payBillFromWallet(billId: $b, idempotencyKey: $k, amount: $a) { id } }"""

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["bill", "fund", "pay", "refund", "cancel", "debit", "manual"]),
        st.integers(min_value=1, max_value=300),
    ),
    min_size=1,
    max_size=10,
)


async def play(world: World, actions: list[tuple[str, int]]) -> None:
    ada = world.residents[0]
    bills: list[dict[str, Any]] = []
    payments: list[str] = []
    for action, n in actions:
        amount = f"{n}.{n % 100:02d}"
        if action == "bill" or not bills:
            bills.append(await world.bill(ada, amount))
        elif action == "fund":
            await world.fund(ada, amount)
        elif action == "pay":
            body = await ada.client.execute(PAY, b=bills[-1]["id"], k=uuid.uuid4().hex, a=None)
            if not body.get("errors"):
                payments.append(body["data"]["payBillFromWallet"]["id"])
        elif action == "manual":  # a transfer for more than asked: the rest is credit
            body = await ada.client.execute(
                "mutation($b: ID!, $a: Decimal!, $k: String!) { submitManualPayment("
                'billId: $b, amount: $a, bankReference: "T", idempotencyKey: $k) { id } }',
                b=bills[-1]["id"],
                a=amount,
                k=uuid.uuid4().hex,
            )
            if not body.get("errors"):
                paid = body["data"]["submitManualPayment"]["id"]
                await world.admin.ok(
                    "mutation($p: ID!) { approveManualPayment(paymentId: $p) { id } }", p=paid
                )
                payments.append(paid)
        elif action == "refund" and payments:
            await world.admin.execute(
                'mutation($p: ID!, $k: String!) { refundPayment(paymentId: $p, reason: "r", '
                "idempotencyKey: $k) { id } }",
                p=payments.pop(),
                k=uuid.uuid4().hex,
            )
        elif action == "cancel":
            await world.admin.execute(
                'mutation($b: ID!) { cancelBill(id: $b, reason: "wrong") { id } }',
                b=bills[-1]["id"],
            )
        elif action == "debit":
            await world.admin.execute(
                "mutation($w: ID!, $a: Decimal!, $k: String!) { adjustWallet(walletId: $w, "
                'amount: $a, reason: "fee", idempotencyKey: $k) { id } }',
                w=ada.wallet_id,
                a=f"-{amount}",
                k=uuid.uuid4().hex,
            )


def minor(value: dict[str, str] | None) -> int:
    return 0 if value is None else int(value["amount"].replace(".", ""))


async def owed_per_ledger(world: World) -> int:
    """What the resident owes net of their wallet, read from the bills and the ledger."""
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
        bills = await Bill.filter(resident_id=world.residents[0].resident_id)
        wallet = await Wallet.get(resident_id=world.residents[0].resident_id).prefetch_related(
            "account"
        )
        return sum(b.balance_due for b in bills) - wallet.account.balance


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(actions=ACTIONS)
async def test_a_statement_reconciles_with_the_ledger_over_any_history(
    gql: GraphQLClient, actions: list[tuple[str, int]]
) -> None:
    world = await build_world(gql, residents=1)
    await play(world, actions)
    ada = world.residents[0]
    today = date.today()
    found = (
        await ada.client.ok(
            STATEMENT,
            r=ada.resident_id,
            f=(today - timedelta(days=1)).isoformat(),
            t=(today + timedelta(days=1)).isoformat(),
        )
    )["statement"]
    assert minor(found["openingBalance"]) == 0
    running = 0
    for line in found["lines"]:
        running += minor(line["debit"]) - minor(line["credit"])
        assert minor(line["balance"]) == running, line
    assert minor(found["closingBalance"]) == running == await owed_per_ledger(world)
    # A period that ends before anything happened is empty, and opens where it closes.
    before = (await world.admin.ok(STATEMENT, r=ada.resident_id, f="2020-01-01", t="2020-01-31"))[
        "statement"
    ]
    assert before["lines"] == [] and before["closingBalance"] == before["openingBalance"]


async def test_statement_lines_csv_and_pdf(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada = world.residents[0]
    await world.fund(ada, "1000.00")
    bill = await world.bill(ada, "300.00")
    await ada.client.ok(PAY, b=bill["id"], k="p", a="100.00")
    found = (await ada.client.ok(STATEMENT, r=ada.resident_id, f=None, t=None))["statement"]
    kinds = [(line["kind"], line["debit"], line["credit"]) for line in found["lines"]]
    assert kinds == [
        ("ADJUSTMENT", None, {"amount": "1000.00"}),  # the admin's top-up
        ("BILL", {"amount": "300.00"}, None),
        ("PAYMENT", None, None),  # from the wallet: owed and held both fall by 100
    ]
    assert found["closingBalance"] == {"amount": "-700.00"}  # 200 owed, 900 held

    response = await fetch(ada.client, found["csvUrl"])
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["date", "kind", "description", "reference", "debit", "credit", "balance"]
    assert rows[1][1] == "OPENING" and rows[-1][1:] == [
        "CLOSING",
        "Closing balance",
        "",
        "",
        "",
        "-700.00",
    ]
    assert rows[3][1] == "BILL" and rows[3][4] == "300.00"

    text = await fetch_pdf(world.admin, found["pdfUrl"])
    for expected in (
        "Statement",
        "Resident 0",
        bill["number"],
        "NGN 300.00",
        "Closing balance",
        "-NGN 700.00",
    ):
        assert expected in text, (expected, text)

    # Rights: another resident's statement is NOT_FOUND / 404; bad input names its field.
    other = world.residents[1]
    error = await other.client.error(STATEMENT, r=ada.resident_id, f=None, t=None)
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert (await fetch(other.client, found["csvUrl"])).status_code == 404
    foreign = await build_world(gql, residents=1)
    error = await foreign.admin.error(STATEMENT, r=ada.resident_id, f=None, t=None)
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert (await fetch(foreign.admin, found["pdfUrl"])).status_code == 404
    error = await ada.client.error(STATEMENT, r=ada.resident_id, f="2030-02-01", t="2030-01-01")
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "from",
    )
    bad = await fetch(
        ada.client, f"/statements/{ada.resident_id}.csv?from=2030-02-01&to=2030-01-01"
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "from"
    bad = await fetch(ada.client, f"/statements/{ada.resident_id}.csv?from=yesterday")
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "from"
    assert (await fetch(ada.client, f"/statements/{ada.resident_id}.xls")).status_code == 404
    anonymous = gql.as_tenant(world.slug)
    assert (await fetch(anonymous, found["csvUrl"])).status_code == 401
