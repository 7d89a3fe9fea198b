"""Every administration verb for the roles that may not use it (a resident: FORBIDDEN;
an estate admin for the platform operator's verbs: FORBIDDEN) and with another estate's
ids (NOT_FOUND naming the field: no existence oracle); nothing changes either way."""

from __future__ import annotations

from typing import Any

from tests.conftest import GraphQLClient
from tests.world import World, build_world

MOVE_IN = "mutation($r: ID!, $u: ID!) { moveInResident(residentId: $r, unitId: $u) { id } }"
TRANSFER = """mutation($r: ID!, $f: ID!, $t: ID!) { transferResident(residentId: $r,
  fromUnitId: $f, toUnitId: $t) { id } }"""
DEACTIVATE = "mutation($id: ID!) { deactivateResident(id: $id) { id } }"
REACTIVATE = "mutation($id: ID!) { reactivateResident(id: $id) { id } }"
UPDATE_PROPERTY = """mutation($id: ID!) { updateProperty(id: $id, input: {name: "X"})
  { id } }"""
UPDATE_UNIT = 'mutation($id: ID!) { updateUnit(id: $id, input: {label: "X"}) { id } }'
ARCHIVE_UNIT = "mutation($id: ID!) { archiveUnit(id: $id) { id } }"
ARCHIVE_PROPERTY = "mutation($id: ID!) { archiveProperty(id: $id) { id } }"
SUSPEND = 'mutation($s: String!) { suspendEstate(slug: $s, reason: "x") { id } }'
REACTIVATE_ESTATE = "mutation($s: String!) { reactivateEstate(slug: $s) { id } }"
ARCHIVE_ESTATE = "mutation($s: String!) { archiveEstate(slug: $s) { id } }"
SEEN = """query($r: ID!, $p: ID!) { resident(id: $r) { active units { label } }
  property(id: $p) { name archived units { label archived } } }"""


async def extensions(client: GraphQLClient, query: str, **variables: Any) -> dict[str, Any]:
    return dict((await client.error(query, **variables))["extensions"])


async def state(world: World) -> dict[str, Any]:
    """What the verbs would change: a resident's access and units, the property's units."""
    return await world.admin.ok(SEEN, r=world.residents[0].resident_id, p=world.property_id)


async def test_residents_and_units_verbs_by_role_and_across_estates(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2, prefix="roles")
    other = await build_world(gql, residents=2, prefix="roles")
    ada, bo = world.residents
    cy = other.residents[0]
    before, theirs_before = await state(world), await state(other)
    verbs: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        # (operation, variables in our estate, the same with another estate's ids)
        (MOVE_IN, {"r": ada.resident_id, "u": bo.unit_id}, {"r": cy.resident_id, "u": bo.unit_id}),
        (
            TRANSFER,
            {"r": ada.resident_id, "f": ada.unit_id, "t": bo.unit_id},
            {"r": cy.resident_id, "f": cy.unit_id, "t": bo.unit_id},
        ),
        (DEACTIVATE, {"id": bo.resident_id}, {"id": cy.resident_id}),
        (REACTIVATE, {"id": bo.resident_id}, {"id": cy.resident_id}),
        (UPDATE_PROPERTY, {"id": world.property_id}, {"id": other.property_id}),
        (UPDATE_UNIT, {"id": ada.unit_id}, {"id": cy.unit_id}),
        (ARCHIVE_UNIT, {"id": ada.unit_id}, {"id": cy.unit_id}),
        (ARCHIVE_PROPERTY, {"id": world.property_id}, {"id": other.property_id}),
    ]
    for query, ours, foreign in verbs:
        assert (await extensions(ada.client, query, **ours))["code"] == "FORBIDDEN", query
        refused = await extensions(world.admin, query, **foreign)
        assert refused["code"] == "NOT_FOUND", (query, refused)
        assert refused.get("field") in ("id", "residentId"), (query, refused)
    # Our resident with another estate's unit: the unit is not found.
    into = await extensions(world.admin, MOVE_IN, r=ada.resident_id, u=cy.unit_id)
    assert into == {"code": "NOT_FOUND", "field": "unitId"}
    across = await extensions(world.admin, TRANSFER, r=ada.resident_id, f=ada.unit_id, t=cy.unit_id)
    assert across == {"code": "NOT_FOUND", "field": "toUnitId"}
    assert await state(world) == before and await state(other) == theirs_before
    assert (await bo.client.ok("{ wallet { id } }"))["wallet"]["id"] == bo.wallet_id


async def test_estate_verbs_are_the_platform_operators_only(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="roles")
    for client in (world.admin, world.residents[0].client):
        for query in (SUSPEND, REACTIVATE_ESTATE, ARCHIVE_ESTATE):
            assert (await extensions(client, query, s=world.slug))["code"] == "FORBIDDEN"
    assert (await world.admin.ok("{ estate { status } }"))["estate"]["status"] == "ACTIVE"
