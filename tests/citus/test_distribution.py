"""On the cluster: every estate schema a distributed schema on a worker, holding nothing
that points into another schema; shared tables copied to every node; migrations too."""

from __future__ import annotations

from pathlib import Path

import pytest
from tortoise.connection import get_connection

from services.estates import provisioning
from tenants import citus
from tenants.scope import TENANT_CONNECTION, schema_for, tenant_scope
from tests.conftest import make_estate
from tests.tenants.test_migrations import add_migration, versions

pytestmark = [pytest.mark.citus, pytest.mark.usefixtures("database")]

SHARED_TABLES = {
    "aerich",
    "estates",
    "memberships",
    "password_resets",
    "schedule_claims",
    "sessions",
    "users",
}


async def citus_tables(kind: str) -> set[str]:
    rows = await get_connection("shared").execute_query_dict(
        "SELECT table_name::text AS name FROM citus_tables WHERE citus_table_type = $1", [kind]
    )
    return {str(r["name"]) for r in rows}


async def test_estate_schemas_are_distributed_on_workers_and_self_contained() -> None:
    slugs = [(await make_estate("cit")).slug for _ in range(2)]
    db = get_connection("shared")
    workers = await citus.workers(db)
    assert len(workers) == 2
    assert await citus_tables("reference") >= SHARED_TABLES
    distributed = await citus_tables("schema")
    for slug in slugs:
        schema = schema_for(slug)
        found = await citus.placement_of(db, schema)
        assert found is not None, f"{schema} is not a distributed schema"
        assert found[0] in workers
        assert {f"{schema}.bills", f"{schema}.wallets", f"{schema}.aerich"} <= distributed
        assert await citus.cross_schema_references(db, schema) == []


async def test_the_catalog_check_finds_what_points_into_another_schema() -> None:
    """The check above can fail: a schema of local tables with a foreign key, a sequence
    default and a type from another schema is caught on each count."""
    db = get_connection("shared")
    await db.execute_script(
        """
        DROP SCHEMA IF EXISTS leaky CASCADE; DROP SCHEMA IF EXISTS elsewhere CASCADE;
        CREATE SCHEMA elsewhere; CREATE SCHEMA leaky;
        CREATE TYPE elsewhere.mood AS ENUM ('calm');
        CREATE SEQUENCE elsewhere.counter;
        CREATE TABLE elsewhere.target (id INT PRIMARY KEY);
        CREATE TABLE leaky.t (
            id INT PRIMARY KEY REFERENCES elsewhere.target (id),
            n BIGINT DEFAULT nextval('elsewhere.counter'),
            m elsewhere.mood
        );
        """
    )
    try:
        found = await citus.cross_schema_references(db, "leaky")
    finally:
        await db.execute_script("DROP SCHEMA leaky CASCADE; DROP SCHEMA elsewhere CASCADE")
    assert len(found) == 3, found
    assert any("references elsewhere.target" in f for f in found)
    assert any("depends on elsewhere.counter" in f for f in found)
    assert any("has the type elsewhere.mood" in f for f in found)


async def test_a_new_migration_reaches_every_estate_on_the_cluster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slugs = [(await make_estate("mig")).slug for _ in range(3)]
    version = add_migration(tmp_path, monkeypatch)
    report = await provisioning.migrate_all_estates(concurrency=2)
    assert report.failed == {}
    assert report.applied == report.estates  # every estate here, ours and the others'
    distributed = await citus_tables("schema")
    db = get_connection("shared")
    for slug in slugs:
        assert version in await versions(slug)
        assert f"{schema_for(slug)}.gate_passes" in distributed  # created on its worker
        assert await citus.cross_schema_references(db, schema_for(slug)) == []
    assert (await provisioning.migrate_all_estates(concurrency=2)).applied == 0


async def test_an_estate_query_joining_shared_tables_runs_on_its_one_worker() -> None:
    """What the compiled reads do (an estate's rows joined with the shared users), planned
    by Citus as one task on the worker holding the estate."""
    slug = (await make_estate("one")).slug
    found = await citus.placement_of(get_connection("shared"), schema_for(slug))
    assert found is not None
    async with tenant_scope(slug):
        rows = await get_connection(TENANT_CONNECTION).execute_query_dict(
            "EXPLAIN SELECT u.email, count(b.id) FROM residents r "
            "JOIN public.users u ON u.id = r.user_id "
            "LEFT JOIN bills b ON b.resident_id = r.id GROUP BY u.email"
        )
    plan = "\n".join(str(next(iter(row.values()))) for row in rows)
    assert "Task Count: 1" in plan, plan
    assert f"Node: host={found[0].host} port={found[0].port}" in plan, plan
