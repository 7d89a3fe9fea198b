"""The compiled read path keeps the API's rules: one statement per root field, nothing of
another estate, a resident's own rows only, a remembered caller re-checked in SQL, and
every error answered exactly as graphql-core answers it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg
import pytest
from tortoise.connection import get_connection

from services.identity.models import Membership, User
from tenants.database import read_sessions
from tenants.models import Estate
from tenants.scope import schema_for
from tests.conftest import GraphQLClient
from tests.graphql.test_compiled_reads import both, paid_world
from tests.world import build_world

NESTED = """query($n: Int) { bills(first: $n) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id resident { id user { fullName } } unit { label }
    payments { reference bill { number } amount { amount } } } } } }"""


@contextmanager
def statements(*pools: Any) -> Iterator[list[str]]:
    """Every statement the pools' connections send while the block runs (asyncpg's query
    logger on each open connection: what reaches PostgreSQL, not what we meant); by
    default the tenant pool's and the compiled reads'."""
    seen: list[str] = []
    pools = pools or (get_connection("tenant")._pool, read_sessions()._pool)
    connections = [h._con for pool in pools if pool for h in pool._holders if h._con is not None]

    def log(query: Any) -> None:
        seen.append(query.query)

    for connection in connections:
        connection.add_query_logger(log)
    try:
        yield seen
    finally:
        for connection in connections:
            connection.remove_query_logger(log)


def reads(seen: list[str]) -> list[str]:
    """Without transaction control and a read session's switch to another estate's schema
    (once per estate, not per root field)."""
    return [s for s in seen if not s.startswith(("BEGIN", "COMMIT", "ROLLBACK", "SET search_path"))]


async def compiled_only(
    client: GraphQLClient, query: str, path: str = "compiled", **variables: Any
) -> list[str]:
    """The compiled statements of one request to the compiled app."""
    headers = {"Authorization": f"Bearer {client.token}", "X-Tenant": client.tenant or ""}
    with statements() as seen:
        response = await client.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
    assert response.headers.get("x-read-path") == path, response.text
    if path == "partial":  # graphql-core's part sends the ORM's statements too
        return [s for s in reads(seen) if "'{" in s]
    return reads(seen)


async def test_one_statement_per_root_field_whatever_the_page_and_depth(
    gql: GraphQLClient,
    graphql_core_app: Any,
) -> None:
    world = await paid_world(gql)
    for _ in range(3):  # more bills, so pages and nesting have rows to multiply
        await world.bill(world.residents[0], "10.00")
    await world.admin.ok("{ bills(first: 1) { totalCount } }")  # the caller is remembered
    for n in (1, 5, 100):
        assert len(await compiled_only(world.admin, NESTED, n=n)) == 1
        compiled, reference = await both(world.admin, graphql_core_app, NESTED, n=n)
        assert compiled.content == reference.content
    two = "{ a: bills(first: 2) { totalCount } b: payments { edges { node { id } } } }"
    assert len(await compiled_only(world.admin, two)) == 2


async def test_another_estates_slug_and_ids_get_graphql_cores_answer(
    gql: GraphQLClient,
    graphql_core_app: Any,
) -> None:
    mine, theirs = await paid_world(gql), await paid_world(gql)
    their_bill = await theirs.admin.ok("{ bills(first: 1) { edges { node { id } } } }")
    bill_id = their_bill["bills"]["edges"][0]["node"]["id"]
    their_payment = await theirs.admin.ok("{ payments { edges { node { id reference } } } }")
    payment = their_payment["payments"]["edges"][0]["node"]
    cases = [
        (mine.admin, "query($id: ID!) { bill(id: $id) { id } }", {"id": bill_id}),
        (mine.admin, "query($id: ID!) { payment(id: $id) { id } }", {"id": payment["id"]}),
        (
            mine.admin,
            "query($r: String!) { paymentByReference(reference: $r) { id } }",
            {"r": payment["reference"]},
        ),
        (mine.admin.as_tenant(theirs.slug), "{ bills { totalCount } }", {}),
        (mine.residents[0].client.as_tenant(theirs.slug), "{ payments { totalCount } }", {}),
    ]
    for client, query, variables in cases:
        compiled, reference = await both(client, graphql_core_app, query, **variables)
        assert compiled.content == reference.content, query
        assert "x-read-path" not in compiled.headers, query
        assert compiled.json()["errors"][0]["extensions"]["code"] in ("NOT_FOUND", "FORBIDDEN")


async def test_a_resident_sees_only_their_own_rows_and_not_anothers_by_id(
    gql: GraphQLClient,
    graphql_core_app: Any,
) -> None:
    world = await paid_world(gql)
    ada, tunde = world.residents[0].client, world.residents[1].client
    query = "{ bills { edges { node { id resident { id } } } } payments { totalCount } }"
    compiled, reference = await both(ada, graphql_core_app, query)
    assert compiled.content == reference.content
    assert compiled.headers.get("x-read-path") == "compiled"
    edges = compiled.json()["data"]["bills"]["edges"]
    assert {e["node"]["resident"]["id"] for e in edges} == {world.residents[0].resident_id}
    ada_bill = edges[0]["node"]["id"]
    for query, variables in [
        ("query($id: ID!) { bill(id: $id) { id } }", {"id": ada_bill}),
        (
            "query($r: ID) { bills(filter: {residentId: $r}) { totalCount } }",
            {"r": world.residents[0].resident_id},
        ),
    ]:
        compiled, reference = await both(tunde, graphql_core_app, query, **variables)
        assert compiled.content == reference.content
        assert compiled.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_bad_input_gets_the_same_errors(
    gql: GraphQLClient,
    graphql_core_app: Any,
) -> None:
    world = await build_world(gql, residents=1)
    cases: list[tuple[str, dict[str, Any]]] = [
        ("{ bills { edges { node { nope } } } }", {}),  # an unknown field
        ("query($n: Int) { bills(first: $n) { totalCount } }", {"n": "ten"}),  # wrong type
        ("query($n: Int) { bills(first: $n) { totalCount } }", {"n": -1}),
        ('{ bills(after: "bm90IG91cnM=") { totalCount } }', {}),  # a cursor that is not ours
        ('{ bills(after: "%%%") { totalCount } }', {}),
        ("query($id: ID!) { bill(id: $id) { id } }", {"id": "not-a-uuid"}),
        ('{ bill(id: "00000000-0000-0000-0000-000000000000") { id } }', {}),
    ]
    for query, variables in cases:
        compiled, reference = await both(world.admin, graphql_core_app, query, **variables)
        assert compiled.status_code == reference.status_code
        assert compiled.content == reference.content, query
        assert "x-read-path" not in compiled.headers
        assert compiled.json()["errors"]
    capped = "{ bills(first: 1000) { edges { cursor } } }"  # over the cap: capped, no error
    compiled, reference = await both(world.admin, graphql_core_app, capped)
    assert compiled.content == reference.content
    assert compiled.headers.get("x-read-path") == "compiled"


@pytest.mark.parametrize("change", ["demoted", "removed", "deactivated", "suspended"])
async def test_a_remembered_caller_is_checked_again_by_every_statement(
    gql: GraphQLClient,
    graphql_core_app: Any,
    change: str,
) -> None:
    world = await build_world(gql, residents=1)
    query = "{ bills { totalCount } }"
    first, _ = await both(world.admin, graphql_core_app, query)
    assert first.headers.get("x-read-path") == "compiled"
    estate = await Estate.get(slug=world.slug)
    admin = await User.get(email=f"admin@{world.slug}.test")
    if change == "demoted":
        await Membership.filter(user_id=admin.id, estate_id=estate.id).update(role="RESIDENT")
    elif change == "removed":
        await Membership.filter(user_id=admin.id, estate_id=estate.id).delete()
    elif change == "deactivated":
        await User.filter(id=admin.id).update(is_active=False)
    else:
        await Estate.filter(id=estate.id).update(status="SUSPENDED")
    compiled, reference = await both(world.admin, graphql_core_app, query)
    assert compiled.content == reference.content
    assert "x-read-path" not in compiled.headers
    assert compiled.json()["errors"]


async def test_root_fields_the_compiler_does_not_cover_are_answered_beside_it(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await paid_world(gql)
    mixed = """query Mixed($n: Int, $on: Boolean!) { gateways { provider }
      bills(first: $n) @include(if: $on) { ...B } recurringPayments { totalCount } }
      fragment B on BillConnection { totalCount edges { node { number } } }"""
    compiled, reference = await both(world.admin, graphql_core_app, mixed, n=1, on=True)
    assert compiled.content == reference.content
    assert compiled.headers.get("x-read-path") == "partial"
    assert list(compiled.json()["data"]) == ["gateways", "bills", "recurringPayments"]
    assert len(await compiled_only(world.admin, mixed, n=1, on=True, path="partial")) == 1
    # An error in the part graphql-core answers: it answers the whole operation.
    failing = "query($id: ID!) { bills { totalCount } recurringPayment(id: $id) { id } }"
    compiled, reference = await both(world.admin, graphql_core_app, failing, id=world.property_id)
    assert compiled.content == reference.content
    assert "x-read-path" not in compiled.headers


@pytest.mark.parametrize("change", ["logged out", "password changed elsewhere", "deactivated"])
async def test_a_revoked_token_or_deactivated_resident_is_refused_by_the_statement(
    gql: GraphQLClient,
    graphql_core_app: Any,
    change: str,
) -> None:
    """The remembered caller's session and membership are re-checked in SQL: a token
    revoked since (logout, a password change from another session) or a resident the
    estate deactivated gets graphql-core's error, never the compiled answer."""
    world = await build_world(gql, residents=1)
    resident = world.residents[0].client
    query = "{ bills { totalCount } }"
    caller = world.admin if change != "deactivated" else resident
    first, _ = await both(caller, graphql_core_app, query)
    assert first.headers.get("x-read-path") == "compiled"
    if change == "logged out":
        assert (await caller.ok("mutation { logout }")) == {"logout": True}
    elif change == "password changed elsewhere":
        elsewhere = await gql.as_tenant(world.slug).login(f"admin@{world.slug}.test")
        await elsewhere.ok(
            'mutation { changePassword(currentPassword: "correct-horse-9", '
            'newPassword: "battery-staple-42") }'
        )
        second, _ = await both(elsewhere, graphql_core_app, query)
        assert second.headers.get("x-read-path") == "compiled"  # that session stands
    else:
        await world.admin.ok(
            'mutation($id: ID!) { deactivateResident(id: $id, reason: "left") { active } }',
            id=world.residents[0].resident_id,
        )
    compiled, reference = await both(caller, graphql_core_app, query)
    assert compiled.content == reference.content
    assert "x-read-path" not in compiled.headers
    code = "FORBIDDEN" if change == "deactivated" else "UNAUTHENTICATED"
    assert compiled.json()["errors"][0]["extensions"]["code"] == code


async def test_read_sessions_follow_the_estate_and_refuse_writes(gql: GraphQLClient) -> None:
    """The compiled reads' own sessions keep the schema of the estate they last read: the
    next estate's read sets its own first, and nothing written goes through them."""
    mine, theirs = await build_world(gql, residents=1), await build_world(gql, residents=1)
    sessions = read_sessions()
    for world in (mine, theirs, mine):
        schema = schema_for(world.slug)
        [row] = await sessions.fetch(schema, [("SELECT current_schema(), count(*) FROM bills", [])])
        assert row[0] == schema
    with pytest.raises(asyncpg.ReadOnlySQLTransactionError):
        await sessions.fetch(schema, [("DELETE FROM bills", [])])
