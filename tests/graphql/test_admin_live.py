"""Live updates of the administration verbs, over a real WebSocket (the app under uvicorn)
and real Redis pub/sub: `residentUpdated` (admins), `propertyUpdated` and `estateUpdated`
(members) after each verb, and never to another estate."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from services import events
from tests.conftest import GraphQLClient
from tests.test_websocket_door import serving
from tests.world import build_world
from tests.wsclient import LiveClient, live_client

RESIDENTS = """subscription($id: ID) { residentUpdated(residentId: $id) {
  id active deactivationReason user { fullName } units { label } } }"""
PROPERTIES = """subscription($id: ID) { propertyUpdated(propertyId: $id) {
  id name archived units { label archived } } }"""
ESTATE = "subscription { estateUpdated { slug name status statusReason } }"
RENAME = """mutation($id: ID!, $n: String!) { updateResident(id: $id, input: {fullName: $n})
  { id } }"""
MOVE_OUT = """mutation($r: ID!, $u: ID!) { moveOutResident(residentId: $r, unitId: $u)
  { id } }"""
DEACTIVATE = """mutation($id: ID!) { deactivateResident(id: $id, reason: "left") { id } }"""
RENAME_PROPERTY = """mutation($id: ID!, $n: String!) { updateProperty(id: $id,
  input: {name: $n}) { id } }"""
ARCHIVE_UNIT = "mutation($id: ID!) { archiveUnit(id: $id) { id } }"
SETTINGS = """mutation($n: String!) { updateEstateSettings(input: {name: $n}) { name } }"""


def token(client: GraphQLClient) -> str:
    assert client.token is not None
    return client.token


@asynccontextmanager
async def served() -> AsyncIterator[str]:
    """The app on a real port; what commits in this process is published through its hub
    on Redis, as the app's lifespan wires it."""
    async with serving() as app:
        events.install_outlet(app.hub.publish)
        try:
            yield app.base
        finally:
            events.remove_outlet(app.hub.publish)


async def data(client: LiveClient, op: str) -> dict[str, Any]:
    return (await client.next(op)).data


async def test_resident_property_and_estate_updates_reach_their_estate_only(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=2, prefix="alive")
    other = await build_world(gql, residents=1, prefix="alive")
    ada, bo = world.residents
    async with (
        served() as base,
        live_client(base, token(world.admin), world.slug) as admin,
        live_client(base, token(bo.client), world.slug) as neighbour,
        live_client(base, token(other.admin), other.slug) as stranger,
    ):
        residents = await admin.subscribe(RESIDENTS)
        only_ada = await admin.subscribe(RESIDENTS, id=ada.resident_id)
        properties = await admin.subscribe(PROPERTIES, id=world.property_id)
        estate = await admin.subscribe(ESTATE)
        their_properties = await neighbour.subscribe(PROPERTIES)
        their_estate = await neighbour.subscribe(ESTATE)
        not_theirs = await neighbour.subscribe(RESIDENTS)
        elsewhere = [
            await stranger.subscribe(RESIDENTS),
            await stranger.subscribe(PROPERTIES),
            await stranger.subscribe(ESTATE),
        ]
        # A resident may not watch the directory; another estate's ids are NOT_FOUND.
        assert (await neighbour.error(not_theirs))["extensions"]["code"] == "FORBIDDEN"
        foreign = await stranger.subscribe(RESIDENTS, id=ada.resident_id)
        assert (await stranger.error(foreign))["extensions"]["code"] == "NOT_FOUND"
        for client in (admin, neighbour, stranger):
            await client.live()

        # A resident's own profile change shows on their resident too.
        await ada.client.ok('mutation { updateProfile(input: {fullName: "Ada L."}) { id } }')
        assert (await data(admin, only_ada))["residentUpdated"]["user"] == {"fullName": "Ada L."}
        assert (await data(admin, residents))["residentUpdated"]["id"] == ada.resident_id

        await world.admin.ok(RENAME, id=ada.resident_id, n="Ada Lovelace")
        renamed = (await data(admin, residents))["residentUpdated"]
        assert renamed["id"] == ada.resident_id
        assert renamed["user"] == {"fullName": "Ada Lovelace"}
        assert (await data(admin, only_ada))["residentUpdated"]["user"]["fullName"] == (
            "Ada Lovelace"
        )

        await world.admin.ok(MOVE_OUT, r=ada.resident_id, u=ada.unit_id)
        moved = (await data(admin, residents))["residentUpdated"]
        assert (moved["id"], moved["units"]) == (ada.resident_id, [])
        assert (await data(admin, only_ada))["residentUpdated"]["units"] == []
        assert (await data(admin, properties))["propertyUpdated"]["id"] == world.property_id
        assert (await data(neighbour, their_properties))["propertyUpdated"]["id"] == (
            world.property_id
        )

        await world.admin.ok(DEACTIVATE, id=ada.resident_id)
        gone = (await data(admin, residents))["residentUpdated"]
        assert (gone["active"], gone["deactivationReason"]) == (False, "left")
        assert (await data(admin, only_ada))["residentUpdated"]["active"] is False

        # One at a time: a subscriber's pending hints for one object coalesce.
        await world.admin.ok(ARCHIVE_UNIT, id=ada.unit_id)
        for client, op in ((admin, properties), (neighbour, their_properties)):
            archived = (await data(client, op))["propertyUpdated"]
            assert {u["label"]: u["archived"] for u in archived["units"]}["U1"] is True
        await world.admin.ok(RENAME_PROPERTY, id=world.property_id, n="Block A")
        for client, op in ((admin, properties), (neighbour, their_properties)):
            assert (await data(client, op))["propertyUpdated"]["name"] == "Block A"

        await world.admin.ok(SETTINGS, n="Renamed Estate")
        for client, op in ((admin, estate), (neighbour, their_estate)):
            assert (await data(client, op))["estateUpdated"] == {
                "slug": world.slug,
                "name": "Renamed Estate",
                "status": "ACTIVE",
                "statusReason": None,
            }
        await operator.ok(
            'mutation($s: String!) { suspendEstate(slug: $s, reason: "unpaid fees") { status } }',
            s=world.slug,
        )
        for client, op in ((admin, estate), (neighbour, their_estate)):
            suspended = (await data(client, op))["estateUpdated"]
            assert (suspended["status"], suspended["statusReason"]) == (
                "SUSPENDED",
                "unpaid fees",
            )

        # The other estate's subscribers hear of their own estate's change, published
        # after all of the above on the same connection: nothing of it reached them.
        await other.admin.ok(RENAME, id=other.residents[0].resident_id, n="Cy")
        assert (await data(stranger, elsewhere[0]))["residentUpdated"]["id"] == (
            other.residents[0].resident_id
        )
        assert [stranger.pending(op) for op in elsewhere] == [[], [], []]
        assert admin.pending(residents) == [] and admin.pending(properties) == []
