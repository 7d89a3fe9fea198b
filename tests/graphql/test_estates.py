from __future__ import annotations

from typing import Any

import pytest
from tortoise.connection import get_connection

from services.audit.models import AuditEntry
from services.identity.models import User
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient, make_estate, unique_slug

CREATE = """mutation($input: CreateEstateInput!) {
  createEstate(input: $input) { id slug name currency timezone } }"""


def estate_input(**overrides: Any) -> dict[str, Any]:
    slug = unique_slug("new")
    values = {
        "slug": slug,
        "name": "Green Meadows",
        "currency": "NGN",
        "timezone": "Africa/Lagos",
        "adminEmail": f"boss@{slug}.test",
        "adminFullName": "Boss Person",
        "adminPassword": PASSWORD,
    }
    values.update(overrides)
    return values


async def schema_exists(slug: str) -> bool:
    rows = await get_connection("shared").execute_query_dict(
        "SELECT 1 FROM information_schema.schemata WHERE schema_name = $1",
        ["t_" + slug.replace("-", "_")],
    )
    return bool(rows)


async def test_platform_admin_creates_an_estate_its_admin_can_use(
    operator: GraphQLClient,
) -> None:
    values = estate_input()
    estate = (await operator.ok(CREATE, input=values))["createEstate"]
    assert estate["slug"] == values["slug"] and estate["currency"] == "NGN"
    assert await schema_exists(values["slug"])

    async with tenant_scope(values["slug"]):
        audit = await AuditEntry.get(action="createEstate")
    assert audit.after and audit.after["slug"] == values["slug"] and audit.actor_id

    admin = await operator.as_tenant(values["slug"]).login(values["adminEmail"])
    data = await admin.ok("{ estate { slug name } properties { totalCount } }")
    assert data == {
        "estate": {"slug": values["slug"], "name": "Green Meadows"},
        "properties": {"totalCount": 0},
    }


async def test_only_platform_admins_create_estates(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    await gql.login(fixture.admin_email)
    error = await gql.error(CREATE, input=estate_input())
    assert error["extensions"]["code"] == "FORBIDDEN"
    gql.token = None
    error = await gql.error(CREATE, input=estate_input())
    assert error["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"adminEmail": "not-an-email"}, "adminEmail"),
        ({"adminPassword": "short"}, "adminPassword"),
        ({"adminPassword": "aaaaaaaaaaaa"}, "adminPassword"),
        ({"slug": "Bad Slug!"}, "slug"),
        ({"currency": "XYZ"}, "currency"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"name": "   "}, "name"),
    ],
)
async def test_bad_input_names_the_field_and_creates_nothing(
    operator: GraphQLClient, overrides: dict[str, Any], field: str
) -> None:
    values = estate_input(**overrides)
    error = await operator.error(CREATE, input=values)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": field}
    slug = str(values["slug"]).strip().lower()
    assert not await Estate.exists(slug=slug)
    assert not await User.exists(email=str(values["adminEmail"]).lower())
    if field != "slug":
        assert not await schema_exists(slug)


async def test_duplicate_slug_is_refused(operator: GraphQLClient) -> None:
    fixture = await make_estate()
    error = await operator.error(CREATE, input=estate_input(slug=fixture.slug))
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "slug"}


async def test_missing_input_field_is_a_validation_error(operator: GraphQLClient) -> None:
    values = estate_input()
    del values["name"]
    error = await operator.error(CREATE, input=values)
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    assert error["extensions"]["field"] == "name"


async def test_estates_lists_for_platform_admins_only(operator: GraphQLClient) -> None:
    fixture = await make_estate()
    seen: list[str] = []
    after = None
    while True:
        page = (
            await operator.ok(
                "query($after: String) { estates(first: 2, after: $after) { totalCount "
                "edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }",
                after=after,
            )
        )["estates"]
        seen += [edge["node"]["slug"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert fixture.slug in seen and len(seen) == len(set(seen)) == page["totalCount"]

    admin = await operator.as_tenant(None).login(fixture.admin_email)
    error = await admin.error("{ estates { totalCount } }")
    assert error["extensions"]["code"] == "FORBIDDEN"


async def test_tenant_tables_hold_no_foreign_keys_outside_their_schema(
    operator: GraphQLClient,
) -> None:
    fixture = await make_estate()
    schema = "t_" + fixture.slug.replace("-", "_")
    rows = await get_connection("shared").execute_query_dict(
        """SELECT DISTINCT ccu.table_schema AS target FROM information_schema.table_constraints tc
           JOIN information_schema.constraint_column_usage ccu
             ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.constraint_schema
           WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = $1""",
        [schema],
    )
    assert [r["target"] for r in rows] == [schema]
