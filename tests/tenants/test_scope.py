"""The traps DESIGN.md names: unscoped queries, cross-estate saves, nested scopes."""

from __future__ import annotations

import asyncio

import pytest
from tortoise.connection import get_connection
from tortoise.exceptions import OperationalError

from services.properties.models import Property
from tenants.scope import TENANT_CONNECTION, TenantScopeError, tenant_scope
from tests.conftest import make_estate

pytestmark = pytest.mark.usefixtures("database")


async def test_tenant_query_outside_a_scope_raises() -> None:
    with pytest.raises(TenantScopeError):
        await Property.all()
    with pytest.raises(TenantScopeError):
        await Property.create(name="nowhere")


async def test_raw_sql_outside_a_scope_reaches_no_estate() -> None:
    await make_estate()  # an estate with a properties table exists
    with pytest.raises(OperationalError, match="does not exist"):
        await get_connection(TENANT_CONNECTION).execute_query("SELECT * FROM properties")


async def test_each_scope_sees_only_its_estate() -> None:
    a, b = await make_estate("a"), await make_estate("b")
    async with tenant_scope(a.slug):
        await Property.create(name="only in A")
    async with tenant_scope(b.slug):
        assert await Property.all().count() == 0
    async with tenant_scope(a.slug):
        assert [p.name for p in await Property.all()] == ["only in A"]


async def test_object_loaded_in_one_estate_cannot_be_saved_in_another() -> None:
    a, b = await make_estate("a"), await make_estate("b")
    async with tenant_scope(a.slug):
        prop = await Property.create(name="A's property")
    async with tenant_scope(b.slug):
        stolen = await Property.create(name="B's property")
        prop.name = "overwritten"
        with pytest.raises(TenantScopeError, match="belongs to estate"):
            await prop.save()
        with pytest.raises(TenantScopeError):
            await prop.delete()
        # B's own row with A's key is untouched even if ids were to collide.
        assert (await Property.get(id=stolen.id)).name == "B's property"
    async with tenant_scope(a.slug):
        assert (await Property.get(id=prop.id)).name == "A's property"


async def test_nested_scope_for_another_estate_raises() -> None:
    a, b = await make_estate("a"), await make_estate("b")
    async with tenant_scope(a.slug):
        with pytest.raises(TenantScopeError, match="inside estate"):
            async with tenant_scope(b.slug):
                pass


async def test_nested_scope_for_the_same_estate_is_a_savepoint() -> None:
    a = await make_estate("a")
    async with tenant_scope(a.slug):
        await Property.create(name="kept")
        with pytest.raises(RuntimeError):
            async with tenant_scope(a.slug):
                await Property.create(name="rolled back")
                raise RuntimeError("inner failure")
        assert [p.name for p in await Property.all()] == ["kept"]


async def test_failed_scope_rolls_back_everything() -> None:
    a = await make_estate("a")
    with pytest.raises(RuntimeError):
        async with tenant_scope(a.slug):
            await Property.create(name="never committed")
            raise RuntimeError("boom")
    async with tenant_scope(a.slug):
        assert await Property.all().count() == 0


async def test_slug_that_is_not_a_schema_name_never_reaches_sql() -> None:
    for bad in ("x; DROP SCHEMA public", "UPPER", "a", "../etc"):
        with pytest.raises(TenantScopeError):
            async with tenant_scope(bad):
                pass


async def test_concurrent_scopes_on_one_pool_stay_apart() -> None:
    estates = [await make_estate(f"c{i}") for i in range(4)]
    for fixture in estates:
        async with tenant_scope(fixture.slug):
            await Property.create(name=fixture.slug)

    async def read(slug: str) -> list[str]:
        async with tenant_scope(slug):
            await asyncio.sleep(0)  # let other scopes interleave
            return [p.name for p in await Property.all()]

    slugs = [e.slug for e in estates] * 25
    results = await asyncio.gather(*(read(s) for s in slugs))
    assert all(names == [slug] for slug, names in zip(slugs, results, strict=True))


async def test_scope_refuses_to_open_inside_a_bare_tenant_transaction() -> None:
    a = await make_estate("a")
    from tortoise.transactions import in_transaction

    async with in_transaction(TENANT_CONNECTION):
        with pytest.raises(TenantScopeError, match="bare tenant transaction"):
            async with tenant_scope(a.slug):
                pass
