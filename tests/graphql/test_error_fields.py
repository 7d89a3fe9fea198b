"""Every bad scalar names its field, inline or in variables, at the top or deep inside an
input: a `Decimal`, a `Date` and a `DateTime` that do not parse."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GraphQLClient
from tests.world import build_world

CREATE_BILL = """mutation($input: CreateBillInput!) { createBill(input: $input) { id } }"""
ADJUST = """mutation($w: ID!, $a: Decimal!) {
  adjustWallet(walletId: $w, amount: $a, reason: "r", idempotencyKey: "k") { id } }"""


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": "12,50"}, "amount"),
        ({"amount": 12.5}, "amount"),
        ({"dueDate": "31/12/2030"}, "dueDate"),
        ({"dueDate": "2030-02-30"}, "dueDate"),
    ],
)
async def test_bad_scalars_in_variables_name_the_input_field(
    gql: GraphQLClient, change: dict[str, Any], field: str
) -> None:
    world = await build_world(gql, residents=1, prefix="ef")
    person = world.residents[0]
    bill = {
        "residentId": person.resident_id,
        "title": "Water",
        "type": "WATER",
        "amount": "12.50",
        "dueDate": "2030-12-31",
        **change,
    }
    error = await world.admin.error(CREATE_BILL, input=bill)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}, error
    top = await world.admin.error(ADJUST, w=person.wallet_id, a="1e5")
    assert top["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}, top


async def test_bad_scalars_inline_name_the_input_field(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="efi")
    resident = world.residents[0].resident_id
    for literal, field in (
        ('amount: "abc", dueDate: "2030-12-31"', "amount"),
        ('amount: "1.00", dueDate: "tomorrow"', "dueDate"),
    ):
        error = await world.admin.error(
            f'mutation {{ createBill(input: {{residentId: "{resident}", title: "T", '
            f"type: OTHER, {literal}}}) {{ id }} }}"
        )
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}, error
    error = await world.admin.error('{ auditLog(filter: {from: "noon"}) { totalCount } }')
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "from"}, error
