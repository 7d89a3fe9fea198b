"""Deactivating a resident: their recurring payments stop (paused, resumable once they are
back), and the whole change is one step: a failure part-way leaves nothing changed, on
either side of the estate's boundary (their membership in the shared schema, their row,
plans and audit in the estate's)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from tortoise import connections

from services.audit.models import AuditEntry
from services.identity.models import Membership
from services.recurring.models import RecurringPayment
from services.residents.models import Resident
from tenants.scope import TENANT_CONNECTION, tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_recurring import act, create, run
from tests.world import Person, World, build_world

DEACTIVATE = """mutation($id: ID!) { deactivateResident(id: $id, reason: "left") {
  active } }"""
REACTIVATE = "mutation($id: ID!) { reactivateResident(id: $id) { active } }"


async def plan_status(world: World, plan_id: str) -> str:
    async with tenant_scope(world.slug):
        return (await RecurringPayment.get(id=plan_id)).status


async def membership_active(world: World, person: Person) -> bool:
    async with tenant_scope(world.slug):
        user_id = (await Resident.get(id=person.resident_id)).user_id
    row = await Membership.get(user_id=user_id, estate__slug=world.slug, role="RESIDENT")
    return row.active


async def test_deactivation_pauses_recurring_payments_and_nothing_runs(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=2)
    ada, bo = world.residents
    await world.fund(ada, "10000.00")
    await world.fund(bo, "10000.00")
    monthly = await create(ada.client)
    weekly = await create(ada.client, f="WEEKLY", t="Security")
    stopped = await create(ada.client, t="Old plan")
    assert (await act(ada.client, "cancelRecurringPayment", stopped["id"]))["data"]
    neighbours = await create(bo.client)

    await world.admin.ok(DEACTIVATE, id=ada.resident_id)
    assert await plan_status(world, monthly["id"]) == "PAUSED"
    assert await plan_status(world, weekly["id"]) == "PAUSED"
    assert await plan_status(world, stopped["id"]) == "CANCELLED"  # left as it was
    assert await run(world) == 1  # only the active neighbour's plan ran
    assert await plan_status(world, neighbours["id"]) == "ACTIVE"
    wallet = await world.admin.ok(
        "query($id: ID!) { resident(id: $id) { wallet { balance { amount } } } }",
        id=ada.resident_id,
    )
    assert wallet["resident"]["wallet"]["balance"]["amount"] == "10000.00"

    # An admin cannot restart them while the resident is away...
    refused = await act(world.admin, "resumeRecurringPayment", monthly["id"])
    assert refused["errors"][0]["extensions"]["code"] == "INVALID_STATE"
    assert "deactivated" in refused["errors"][0]["message"]
    # ...and once back, the resident resumes what they had set up.
    await world.admin.ok(REACTIVATE, id=ada.resident_id)
    assert await plan_status(world, monthly["id"]) == "PAUSED"
    resumed = await act(ada.client, "resumeRecurringPayment", monthly["id"])
    assert resumed["data"]["resumeRecurringPayment"]["status"] == "ACTIVE"
    async with tenant_scope(world.slug):
        trail = await AuditEntry.filter(
            action="pauseRecurringPayment", object_id=monthly["id"]
        ).first()
        deactivation = await AuditEntry.get(action="deactivateResident")
    assert trail is not None and trail.after is not None
    assert trail.after["why"] == "resident deactivated"
    assert deactivation.after is not None
    assert sorted(deactivation.after["recurringPaused"]) == sorted([monthly["id"], weekly["id"]])


async def test_plans_of_residents_deactivated_before_plans_paused_do_not_run(
    gql: GraphQLClient,
) -> None:
    """Rows from before deactivation paused plans: an ACTIVE plan of an inactive resident."""
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "10000.00")
    await create(ada.client)
    async with tenant_scope(world.slug):
        await Resident.filter(id=ada.resident_id).update(active=False)
    assert await run(world) == 0
    async with tenant_scope(world.slug):
        await Resident.filter(id=ada.resident_id).update(active=True)
    assert await run(world, datetime.now(UTC)) == 1  # the same plan, due: it was the guard


@asynccontextmanager
async def audit_fails(slug: str) -> AsyncIterator[None]:
    """A real failure at the last step of a deactivation: the estate's database refuses
    the audit row (a trigger), after the membership, the resident and the plans changed."""
    schema = "t_" + slug.replace("-", "_")
    db = connections.get(TENANT_CONNECTION)
    await db.execute_script(
        f"CREATE FUNCTION {schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$; "
        f"CREATE TRIGGER refuse BEFORE INSERT ON {schema}.audit_log "
        f"FOR EACH ROW EXECUTE FUNCTION {schema}.refuse();"
    )
    try:
        yield
    finally:
        await db.execute_script(
            f"DROP TRIGGER refuse ON {schema}.audit_log; DROP FUNCTION {schema}.refuse();"
        )


async def test_a_deactivation_failing_part_way_changes_nothing(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    plan = await create(ada.client, a="10.00")

    async with audit_fails(world.slug):
        failed = await world.admin.error(DEACTIVATE, id=ada.resident_id)
    assert failed["extensions"]["code"] == "INTERNAL"
    # Nothing happened: the membership, the resident and the plan are as they were...
    assert await membership_active(world, ada)
    async with tenant_scope(world.slug):
        resident = await Resident.get(id=ada.resident_id)
        assert not await AuditEntry.exists(action="deactivateResident")
    assert resident.active and resident.deactivated_at is None
    assert await plan_status(world, plan["id"]) == "ACTIVE"
    # ...so the resident still uses the estate, and a second try does it all.
    assert (await ada.client.ok("{ wallet { balance { amount } } }"))["wallet"]
    await world.admin.ok(DEACTIVATE, id=ada.resident_id)
    assert not await membership_active(world, ada)
    assert await plan_status(world, plan["id"]) == "PAUSED"

    # Reactivation is one step too.
    async with audit_fails(world.slug):
        failed = await world.admin.error(REACTIVATE, id=ada.resident_id)
    assert failed["extensions"]["code"] == "INTERNAL"
    assert not await membership_active(world, ada)
    async with tenant_scope(world.slug):
        assert not (await Resident.get(id=ada.resident_id)).active
    refused = await ada.client.error("{ wallet { balance { amount } } }")
    assert refused["extensions"]["code"] == "FORBIDDEN"
    await world.admin.ok(REACTIVATE, id=ada.resident_id)
    assert await membership_active(world, ada)
