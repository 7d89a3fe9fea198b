"""Invoices: line items, tax and discount in exact arithmetic, and the invoice PDF."""

from __future__ import annotations

from typing import Any

from tests.conftest import GraphQLClient
from tests.pdftext import fetch, fetch_pdf
from tests.world import Person, World, build_world

CREATE = """mutation($input: CreateBillInput!) { createBill(input: $input) {
  id number amount { amount } subtotal { amount } tax { amount } discount { amount } taxRate
  invoiceUrl lineItems { description quantity unitAmount { amount } amount { amount } } } }"""
BILL = """query($id: ID!) { bill(id: $id) { amount { amount } subtotal { amount }
  tax { amount } discount { amount } lineItems { description quantity amount { amount } } } }"""
LINES = [
    # 2.5 x 100.01 = 250.025: half-even to 250.02
    {"description": "Water, m3", "quantity": "2.5", "unitAmount": "100.01"},
    # 3 x 0.05 = 0.15
    {"description": "Bin bags", "quantity": "3", "unitAmount": "0.05"},
]


def bill_input(person: Person, **extra: Any) -> dict[str, Any]:
    return {
        "residentId": person.resident_id,
        "unitId": person.unit_id,
        "title": "March charges",
        "type": "SERVICE_CHARGE",
        "dueDate": "2030-03-31",
        **extra,
    }


async def test_an_invoice_is_computed_exactly_and_rounded_half_even_per_line(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    created = (
        await world.admin.ok(
            CREATE, input=bill_input(ada, lineItems=LINES, taxRate="7.5", discount="10.00")
        )
    )["createBill"]
    # subtotal 250.17, less 10.00 = 240.17; 7.5% = 18.01275 -> 18.01; total 258.18
    assert created["subtotal"] == {"amount": "250.17"}
    assert created["discount"] == {"amount": "10.00"}
    assert created["tax"] == {"amount": "18.01"}
    assert created["amount"] == {"amount": "258.18"}
    assert created["taxRate"] == "7.50"
    assert [line["amount"]["amount"] for line in created["lineItems"]] == ["250.02", "0.15"]
    assert created["lineItems"][0]["quantity"] == "2.5"
    assert created["invoiceUrl"] == f"/bills/{created['id']}/invoice.pdf"

    # The same through createBills, and an amount that agrees is accepted.
    many = await world.admin.ok(
        "mutation($input: CreateBillsInput!) { createBills(input: $input) { count bills { "
        "amount { amount } lineItems { amount { amount } } } } }",
        input={
            "residentIds": [ada.resident_id],
            "title": "April",
            "type": "WATER",
            "dueDate": "2030-04-30",
            "lineItems": LINES,
            "taxRate": "7.5",
            "discount": "10.00",
            "amount": "258.18",
        },
    )
    bills = many["createBills"]["bills"]
    assert bills[0]["amount"] == {"amount": "258.18"}
    assert len(bills[0]["lineItems"]) == 2


async def test_a_bill_without_line_items_shows_one_line(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    bill = await world.bill(world.residents[0], "1500.00")
    shown = (await world.residents[0].client.ok(BILL, id=bill["id"]))["bill"]
    assert shown == {
        "amount": {"amount": "1500.00"},
        "subtotal": {"amount": "1500.00"},
        "tax": {"amount": "0.00"},
        "discount": {"amount": "0.00"},
        "lineItems": [
            {"description": "Service charge", "quantity": "1", "amount": {"amount": "1500.00"}}
        ],
    }


async def test_bad_invoices_name_the_field(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    cases: list[tuple[dict[str, Any], str]] = [
        (
            {"lineItems": [{"description": "x", "quantity": "-1", "unitAmount": "5.00"}]},
            "lineItems[0].quantity",
        ),
        (
            {"lineItems": [{"description": "x", "quantity": "1.0001", "unitAmount": "5.00"}]},
            "lineItems[0].quantity",
        ),
        (
            {"lineItems": [LINES[0], {"description": "y", "quantity": "1", "unitAmount": "0.001"}]},
            "lineItems[1].unitAmount",
        ),
        (
            {"lineItems": [{"description": " ", "quantity": "1", "unitAmount": "5.00"}]},
            "lineItems[0].description",
        ),
        ({"lineItems": LINES, "taxRate": "100.01"}, "taxRate"),
        ({"lineItems": LINES, "taxRate": "-1"}, "taxRate"),
        ({"lineItems": LINES, "discount": "250.18"}, "discount"),
        ({"lineItems": LINES, "discount": "250.17"}, "discount"),
        ({"lineItems": LINES, "amount": "250.00"}, "amount"),
        ({"lineItems": [], "amount": "10.00"}, "lineItems"),
        ({"amount": "10.00", "taxRate": "5"}, "lineItems"),
        ({}, "amount"),
    ]
    for extra, field in cases:
        error = await world.admin.error(CREATE, input=bill_input(ada, **extra))
        assert error["extensions"]["code"] == "VALIDATION_ERROR", (extra, error)
        assert error["extensions"]["field"] == field, (extra, error)


async def invoice_world(gql: GraphQLClient) -> tuple[World, dict[str, Any]]:
    world = await build_world(gql, residents=2)
    ada = world.residents[0]
    created = (
        await world.admin.ok(
            CREATE, input=bill_input(ada, lineItems=LINES, taxRate="7.5", discount="10.00")
        )
    )["createBill"]
    return world, created


async def test_the_invoice_pdf_states_the_figures(gql: GraphQLClient) -> None:
    world, bill = await invoice_world(gql)
    ada = world.residents[0]
    await ada.client.ok("mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=bill["id"])
    await world.fund(ada, "100.00")
    await ada.client.ok(
        'mutation($b: ID!) { payBillFromWallet(billId: $b, amount: "100.00", '
        'idempotencyKey: "part") { id } }',
        b=bill["id"],
    )
    text = await fetch_pdf(ada.client, bill["invoiceUrl"])
    for expected in (
        f"Estate {world.slug}",
        f"Invoice {bill['number']}",
        "Resident 0",
        "U1",
        "2030-03-31",
        "Water, m3",
        "2.5",
        "NGN 100.01",
        "NGN 250.02",
        "Bin bags",
        "NGN 0.15",
        "NGN 250.17",  # subtotal
        "-NGN 10.00",  # discount
        "Tax (7.5%)",
        "NGN 18.01",
        "NGN 258.18",  # total
        "NGN 100.00",  # paid
        "NGN 158.18",  # balance due
        "half-even",
        "How to pay",
        bill["number"],
    ):
        assert expected in text, (expected, text)
    # The admin gets the same invoice.
    assert f"Invoice {bill['number']}" in await fetch_pdf(world.admin, bill["invoiceUrl"])


async def test_another_residents_or_estates_invoice_is_404_and_no_token_is_401(
    gql: GraphQLClient,
) -> None:
    world, bill = await invoice_world(gql)
    other = await build_world(gql, residents=1)
    url = bill["invoiceUrl"]
    assert (await fetch(world.residents[1].client, url)).status_code == 404
    assert (await fetch(other.admin, url)).status_code == 404  # another estate's admin
    assert (await fetch(other.residents[0].client, url)).status_code == 404
    assert (await fetch(world.admin, "/bills/not-a-uuid/invoice.pdf")).status_code == 404
    missing = "/bills/00000000-0000-4000-8000-000000000000/invoice.pdf"
    assert (await fetch(world.admin, missing)).status_code == 404
    anonymous = gql.as_tenant(world.slug)
    anonymous.token = None
    response = await fetch(anonymous, url)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "UNAUTHENTICATED"
