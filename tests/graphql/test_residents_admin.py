"""Residents and units as an estate admin corrects and retires them: details, moves with
their history, deactivation, archiving; each verb for both roles, across estates, with
its audit trail."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from services.audit.models import AuditEntry
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient
from tests.world import build_world

UPDATE = """mutation($id: ID!, $i: UpdateResidentInput!) { updateResident(id: $id, input: $i) {
  id user { email fullName } } }"""
MOVE_IN = """mutation($r: ID!, $u: ID!, $d: Date) { moveInResident(residentId: $r, unitId: $u,
  date: $d) { units { label } } }"""
MOVE_OUT = """mutation($r: ID!, $u: ID!, $d: Date) { moveOutResident(residentId: $r, unitId: $u,
  date: $d) { units { label } } }"""
TRANSFER = """mutation($r: ID!, $f: ID!, $t: ID!, $d: Date) { transferResident(residentId: $r,
  fromUnitId: $f, toUnitId: $t, date: $d) { units { label } } }"""
UNIT = """mutation($p: ID!, $l: String!) { createUnit(input: {propertyId: $p, label: $l})
  { id } }"""
HISTORY = """query($id: ID!) { property(id: $id) { archived units { label archived
  occupancies { resident { id } from to } } } }"""
DEACTIVATE = """mutation($id: ID!) { deactivateResident(id: $id, reason: "moved abroad")
  { active deactivationReason } }"""


async def audit(slug: str, action: str) -> list[tuple[Any, Any]]:
    async with tenant_scope(slug):
        rows = await AuditEntry.filter(action=action).order_by("id")
    return [(row.before, row.after) for row in rows]


async def test_update_resident_for_both_roles_across_estates(gql: GraphQLClient) -> None:
    world, other = await build_world(gql, residents=2), await build_world(gql, residents=1)
    ada = world.residents[0]
    updated = await world.admin.ok(
        UPDATE, id=ada.resident_id, i={"fullName": "Ada Lovelace", "phone": "+2348011112222"}
    )
    assert updated["updateResident"]["user"]["fullName"] == "Ada Lovelace"
    moved = await world.admin.ok(UPDATE, id=ada.resident_id, i={"email": "ada@new.test"})
    assert moved["updateResident"]["user"]["email"] == "ada@new.test"
    taken = await world.admin.error(
        UPDATE, id=ada.resident_id, i={"email": f"r1@{world.slug}.test"}
    )
    assert taken["extensions"] == {"code": "VALIDATION_ERROR", "field": "email"}
    bad = await world.admin.error(UPDATE, id=ada.resident_id, i={"email": "nope"})
    assert bad["extensions"] == {"code": "VALIDATION_ERROR", "field": "email"}
    forbidden = await ada.client.error(UPDATE, id=ada.resident_id, i={"fullName": "Me"})
    assert forbidden["extensions"]["code"] == "FORBIDDEN"
    theirs = other.residents[0].resident_id
    assert (await world.admin.error(UPDATE, id=theirs, i={"fullName": "X"}))["extensions"][
        "code"
    ] == "NOT_FOUND"
    trail = await audit(world.slug, "updateResident")
    assert trail[0][0]["fullName"] == "Resident 0" and trail[0][1]["fullName"] == "Ada Lovelace"
    assert trail[1][1]["email"] == "ada@new.test"


async def test_moves_keep_history_and_check_dates_and_archived_units(
    gql: GraphQLClient,
) -> None:
    world, other = await build_world(gql, residents=1), await build_world(gql, residents=1)
    ada = world.residents[0]
    b2 = (await world.admin.ok(UNIT, p=world.property_id, l="B2"))["createUnit"]["id"]
    bill = await world.bill(ada, "50.00")
    today = date.today()
    # Move-out before the move-in, or in the future: refused, naming the date.
    early = await world.admin.error(
        MOVE_OUT, r=ada.resident_id, u=ada.unit_id, d=str(today - timedelta(days=400))
    )
    assert early["extensions"] == {"code": "VALIDATION_ERROR", "field": "date"}
    later = await world.admin.error(
        MOVE_OUT, r=ada.resident_id, u=ada.unit_id, d=str(today + timedelta(days=2))
    )
    assert later["extensions"] == {"code": "VALIDATION_ERROR", "field": "date"}
    moved = await world.admin.ok(TRANSFER, r=ada.resident_id, f=ada.unit_id, t=b2)
    assert moved["transferResident"]["units"] == [{"label": "B2"}]
    again = await world.admin.error(TRANSFER, r=ada.resident_id, f=ada.unit_id, t=b2)
    assert again["extensions"] == {"code": "INVALID_STATE", "field": "fromUnitId"}
    out = await world.admin.ok(MOVE_OUT, r=ada.resident_id, u=b2)
    assert out["moveOutResident"]["units"] == []
    back = await world.admin.ok(MOVE_IN, r=ada.resident_id, u=ada.unit_id)
    assert back["moveInResident"]["units"] == [{"label": "U1"}]
    history = (await world.admin.ok(HISTORY, id=world.property_id))["property"]["units"]
    u1 = next(u for u in history if u["label"] == "U1")
    periods = [(o["resident"]["id"], o["to"] is None) for o in u1["occupancies"]]
    assert periods == [(ada.resident_id, False), (ada.resident_id, True)]
    # The open bill stays theirs, and they still see it.
    seen = await ada.client.ok("{ bills { edges { node { id } } } }")
    assert [e["node"]["id"] for e in seen["bills"]["edges"]] == [bill["id"]]
    # A resident sees only their own periods; an archived unit takes nobody.
    mine = await ada.client.ok(HISTORY, id=world.property_id)
    assert all(
        o["resident"]["id"] == ada.resident_id
        for u in mine["property"]["units"]
        for o in u["occupancies"]
    )
    await world.admin.ok("mutation($id: ID!) { archiveUnit(id: $id) { archived } }", id=b2)
    archived = await world.admin.error(MOVE_IN, r=ada.resident_id, u=b2)
    assert archived["extensions"] == {"code": "INVALID_STATE", "field": "unitId"}
    # Both roles and other estates.
    assert (await ada.client.error(MOVE_OUT, r=ada.resident_id, u=ada.unit_id))["extensions"][
        "code"
    ] == "FORBIDDEN"
    theirs = other.residents[0]
    foreign = await world.admin.error(MOVE_OUT, r=theirs.resident_id, u=theirs.unit_id)
    assert foreign["extensions"] == {"code": "NOT_FOUND", "field": "residentId"}
    trail = await audit(world.slug, "transferResident")
    assert trail[0][1]["entered"]["unitId"] == b2


async def test_deactivated_resident_is_refused_and_still_visible_to_admins(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.bill(ada, "20.00")
    assert (await world.admin.ok(DEACTIVATE, id=ada.resident_id))["deactivateResident"] == {
        "active": False,
        "deactivationReason": "moved abroad",
    }
    refused = await ada.client.error("{ wallet { balance { amount } } }")
    assert refused["extensions"]["code"] == "FORBIDDEN"
    assert "deactivated" in refused["message"]
    login = await GraphQLClient(gql.http).error(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        e=f"r0@{world.slug}.test",
        p=PASSWORD,
    )
    assert login["extensions"]["code"] == "FORBIDDEN"
    seen = await world.admin.ok(
        "query($id: ID!) { resident(id: $id) { active wallet { id } } "
        "bills(filter: {residentId: $id}) { totalCount } }",
        id=ada.resident_id,
    )
    assert seen["resident"] == {"active": False, "wallet": {"id": ada.wallet_id}}
    assert seen["bills"]["totalCount"] == 1
    twice = await world.admin.error(DEACTIVATE, id=ada.resident_id)
    assert twice["extensions"] == {"code": "INVALID_STATE", "field": "id"}
    await world.admin.ok(
        "mutation($id: ID!) { reactivateResident(id: $id) { active } }", id=ada.resident_id
    )
    assert (await ada.client.ok("{ wallet { balance { amount } } }"))["wallet"]
    assert [a for _, a in await audit(world.slug, "deactivateResident")] == [
        {"active": False, "reason": "moved abroad", "recurringPaused": []}
    ]


async def test_properties_and_units_are_edited_and_archived_only_when_empty(
    gql: GraphQLClient,
) -> None:
    world, other = await build_world(gql, residents=1), await build_world(gql, residents=1)
    ada = world.residents[0]
    renamed = await world.admin.ok(
        'mutation($id: ID!) { updateProperty(id: $id, input: {name: "Block A", address: '
        '"1 Main St"}) { name address } }',
        id=world.property_id,
    )
    assert renamed["updateProperty"] == {"name": "Block A", "address": "1 Main St"}
    relabelled = await world.admin.ok(
        'mutation($id: ID!) { updateUnit(id: $id, input: {label: "A1"}) { label } }',
        id=ada.unit_id,
    )
    assert relabelled["updateUnit"] == {"label": "A1"}
    archive = "mutation($id: ID!) { archiveProperty(id: $id) { archived } }"
    occupied = await world.admin.error(archive, id=world.property_id)
    assert occupied["extensions"] == {"code": "INVALID_STATE", "field": "id"}
    occupied_unit = await world.admin.error(
        "mutation($id: ID!) { archiveUnit(id: $id) { archived } }", id=ada.unit_id
    )
    assert occupied_unit["extensions"] == {"code": "INVALID_STATE", "field": "id"}
    await world.admin.ok(MOVE_OUT, r=ada.resident_id, u=ada.unit_id)
    assert (await world.admin.ok(archive, id=world.property_id))["archiveProperty"] == {
        "archived": True
    }
    history = (await world.admin.ok(HISTORY, id=world.property_id))["property"]
    assert history["archived"] and all(u["archived"] for u in history["units"])
    closed = await world.admin.error(UNIT, p=world.property_id, l="New")
    assert closed["extensions"] == {"code": "INVALID_STATE", "field": "propertyId"}
    assert (await ada.client.error(archive, id=world.property_id))["extensions"][
        "code"
    ] == "FORBIDDEN"
    foreign = await world.admin.error(archive, id=other.property_id)
    assert foreign["extensions"] == {"code": "NOT_FOUND", "field": "id"}
    assert await audit(world.slug, "archiveProperty") == [
        ({"archived": False}, {"archived": True, "units": 1})
    ]
