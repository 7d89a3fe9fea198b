"""The compiled read path (schema/compiled/) against graphql-core, on chosen documents:
the answers are byte-for-byte equal, and the compiled path was really taken. The random
documents of tests/compiled/ cover the rest."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import GraphQLClient
from tests.world import World, build_world

BILLS = """query($f: BillFilter, $n: Int, $after: String) {
  bills(filter: $f, first: $n, after: $after) {
  totalCount pageInfo { hasNextPage endCursor __typename }
  edges { cursor node { __typename id number title description type status dueDate isOverdue
    createdAt acknowledgedAt disputeReason disputeResolution
    amount { amount currency } amountPaid { amount } due: balanceDue { amount }
    resident { id user { fullName } } unit { id label propertyId }
    payments { id reference purpose provider status amount { amount currency } checkoutUrl
      clientSecret failureCode failureMessage createdAt completedAt bill { id number } } } } } }"""


async def both(
    client: GraphQLClient, other_app: Any, query: str, **variables: Any
) -> tuple[httpx.Response, httpx.Response]:
    headers = {"Authorization": f"Bearer {client.token}", "X-Tenant": client.tenant or ""}
    body = {"query": query, "variables": variables}
    compiled = await client.http.post("/graphql", json=body, headers=headers)
    transport = httpx.ASGITransport(app=other_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        reference = await http.post("/graphql", json=body, headers=headers)
    return compiled, reference


async def same(
    client: GraphQLClient, other_app: Any, query: str, **variables: Any
) -> dict[str, Any]:
    compiled, reference = await both(client, other_app, query, **variables)
    assert compiled.content == reference.content
    assert compiled.headers.get("x-read-path") == "compiled", compiled.text
    assert "x-read-path" not in reference.headers
    body: dict[str, Any] = compiled.json()
    return body


async def paid_world(gql: GraphQLClient) -> World:
    world = await build_world(gql, residents=2)
    ada = world.residents[0]
    await world.fund(ada, "10000.00")
    bill = await world.bill(ada, "5000.00")
    await ada.client.ok(
        'mutation($b: ID!) { payBillFromWallet(billId: $b, amount: "1500.50", '
        'idempotencyKey: "k1") { id } }',
        b=bill["id"],
    )
    await world.bill(world.residents[1], "70.00")
    return world


async def test_bills_answer_the_same_for_admin_and_resident(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await paid_world(gql)
    admin = (await same(world.admin, graphql_core_app, BILLS))["data"]["bills"]
    assert admin["totalCount"] == 2
    mine = (await same(world.residents[0].client, graphql_core_app, BILLS))["data"]["bills"]
    assert mine["totalCount"] == 1
    assert mine["edges"][0]["node"]["payments"][0]["amount"]["amount"] == "1500.50"
    page = (await same(world.admin, graphql_core_app, BILLS, n=1))["data"]["bills"]
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await same(
        world.admin, graphql_core_app, BILLS, n=1, after=page["pageInfo"]["endCursor"]
    )
    assert rest["data"]["bills"]["pageInfo"]["hasNextPage"] is False
