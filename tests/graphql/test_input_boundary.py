"""The input boundary (schema/boundary.py): amounts, strings and IDs refused with
VALIDATION_ERROR naming the field, inline or as variables, before anything moves."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import PASSWORD, GraphQLClient
from tests.world import World, build_world

ADJUST = (
    "mutation($w: ID!, $a: Decimal!, $k: String!) { adjustWallet(walletId: $w, amount: $a, "
    'reason: "x", idempotencyKey: $k) { balance { amount } } }'
)
BALANCE = "query($id: ID!) { resident(id: $id) { wallet { balance { amount } } } }"
# Unicode digits (full-width, Arabic-Indic, Devanagari), spaces, signs, exponents, hex,
# underscores, NaN and infinity: none of them is how an amount is written.
BAD_AMOUNTS = [
    "\uff11\uff12",
    "\u0663",
    "\u0969",
    " 5",
    "5 ",
    "5\n",
    "+5",
    "1e999999999",
    "1E3",
    "1e-999999999",
    "0x10",
    "1_000",
    "5.",
    ".5",
    "NaN",
    "Infinity",
    "",
    "1" * 65,
]


@pytest.fixture
async def world(gql: GraphQLClient) -> World:
    return await build_world(gql, residents=1, prefix="bound")


async def balance(world: World) -> str:
    data = await world.admin.ok(BALANCE, id=world.residents[0].resident_id)
    amount: str = data["resident"]["wallet"]["balance"]["amount"]
    return amount


@pytest.mark.parametrize("amount", BAD_AMOUNTS)
async def test_amounts_are_ascii_digits_only(world: World, amount: str) -> None:
    wallet = world.residents[0].wallet_id
    before = await balance(world)
    error = await world.admin.error(ADJUST, w=wallet, a=amount, k="bad-amount")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}, error
    inline = (
        f'mutation {{ adjustWallet(walletId: "{wallet}", amount: {json.dumps(amount)}, '
        'reason: "x", idempotencyKey: "bad-amount") { id } }'
    )
    error = await world.admin.error(inline)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}, error
    assert await balance(world) == before


async def test_amounts_as_json_numbers_and_over_the_maximum_are_refused(world: World) -> None:
    wallet = world.residents[0].wallet_id
    for amount in (5, 5.5, "1000000000.01", "-1000000000.01"):
        error = await world.admin.error(ADJUST, w=wallet, a=amount, k="number")
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}, error
    await world.admin.ok(ADJUST, w=wallet, a="12.50", k="good")
    assert await balance(world) == "12.50"


@pytest.mark.parametrize(
    "bad", ["a\x00b", "a\x01b", "a\x7fb", "a\x85b", "a\u202eb", "a\u2066b", "a\nb", "a\tb"]
)
async def test_control_characters_in_one_line_text_name_the_field(world: World, bad: str) -> None:
    query = "mutation($n: String!) { createProperty(input: {name: $n}) { id } }"
    error = await world.admin.error(query, n=bad)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "name"}, error
    inline = f"mutation {{ createProperty(input: {{name: {json.dumps(bad)}}}) {{ id }} }}"
    error = await world.admin.error(inline)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "name"}, error
    names = await world.admin.ok("{ properties { edges { node { name } } } }")
    assert all(bad not in e["node"]["name"] for e in names["properties"]["edges"])


async def test_multiline_fields_take_newlines_and_tabs_but_never_nul(world: World) -> None:
    query = "mutation($a: String) { createProperty(input: {name: $n, address: $a}) { address } }"
    query = query.replace("mutation($a: String)", "mutation($n: String!, $a: String)")
    data = await world.admin.ok(query, n="Block N", a="14 Palm Grove\nLekki\tLagos")
    assert data["createProperty"]["address"] == "14 Palm Grove\nLekki\tLagos"
    error = await world.admin.error(query, n="Block M", a="14 Palm\x00 Grove")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "address"}


async def test_login_refuses_nul_in_email_and_password(gql: GraphQLClient) -> None:
    query = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
    for email, password, field in (
        ("operator@test.example\x00", PASSWORD, "email"),
        ("operator@test.example", PASSWORD + "\x00", "password"),
    ):
        error = await gql.error(query, e=email, p=password)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}, error
        inline = (
            f"mutation {{ login(email: {json.dumps(email)}, password: {json.dumps(password)}) "
            "{ token } }"
        )
        error = await gql.error(inline)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}, error


async def test_strings_are_capped_everywhere(world: World) -> None:
    """Over MAX_STRING_LENGTH (10,000 by default): refused before any service sees it,
    whatever the field (here an idempotency key and a search, which have no limit of
    their own)."""
    wallet = world.residents[0].wallet_id
    error = await world.admin.error(ADJUST, w=wallet, a="1.00", k="k" * 10_001)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "idempotencyKey"}
    query = "query($s: String) { residents(search: $s) { totalCount } }"
    error = await world.admin.error(query, s="s" * 10_001)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "search"}


@pytest.mark.parametrize(
    "bad_id",
    [
        "not-a-uuid",
        "{00000000-0000-0000-0000-000000000000}",
        "urn:uuid:00000000-0000-0000-0000-000000000000",
        "00000000000000000000000000000000",
        "\u0660" * 8 + "-0000-0000-0000-000000000000",
        "00000000-0000-0000-0000-000000000000\x00",
        12,
    ],
)
async def test_malformed_ids_are_validation_errors_naming_the_field(
    world: World, bad_id: Any
) -> None:
    checks = [
        ("query($id: ID!) { bill(id: $id) { id } }", {"id": bad_id}, "id"),
        (
            "query($r: ID) { billsSummary(residentId: $r) { outstanding { amount } } }",
            {"r": bad_id},
            "residentId",
        ),
        (
            "query($p: ID) { bills(filter: {propertyId: $p}) { totalCount } }",
            {"p": bad_id},
            "propertyId",
        ),
        (
            'mutation($u: [ID!]!) { createResident(input: {email: "m@x.test", '
            f'fullName: "M", password: "{PASSWORD}", unitIds: $u}}) {{ id }} }}',
            {"u": [world.residents[0].unit_id, bad_id]},
            "unitIds",
        ),
    ]
    for query, variables, field in checks:
        error = await world.admin.error(query, **variables)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}, error
    inline = f"{{ bill(id: {json.dumps(bad_id)}) {{ id }} }}"
    error = await world.admin.error(inline)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "id"}, error


async def test_json_inputs_hold_no_lone_surrogate_or_nul_and_nest_shallowly(
    world: World, http: httpx.AsyncClient
) -> None:
    query = (
        "mutation($c: JSON) { configureGateway(input: {provider: PAYSTACK, "
        'displayName: "P", credentials: $c}) { id } }'
    )
    deep: Any = "x"
    for _ in range(100):
        deep = {"k": deep}
    for credentials in ({"secretKey": "sk\x00"}, {"a": ["\ud800"]}, {"\x00": "k"}, deep):
        # json.dumps escapes the lone surrogate as \ud800, as a hostile client would.
        response = await http.post(
            "/graphql",
            content=json.dumps({"query": query, "variables": {"c": credentials}}),
            headers={
                "content-type": "application/json",
                "authorization": f"Bearer {world.admin.token}",
                "x-tenant": world.slug,
            },
        )
        error = response.json()["errors"][0]
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "credentials"}


async def test_dates_in_other_scripts_name_the_field(world: World) -> None:
    person = world.residents[0]
    inline = (
        f'mutation {{ createBill(input: {{residentId: "{person.resident_id}", title: "T", '
        'type: RENT, amount: "5.00", dueDate: "\uff12\uff10\uff13\uff10-01-01"}) { id } }'
    )
    error = await world.admin.error(inline)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "dueDate"}, error
