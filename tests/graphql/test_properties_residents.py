from __future__ import annotations

from services.audit.models import AuditEntry
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient, make_estate

CREATE_PROPERTY = """mutation($name: String!) {
  createProperty(input: {name: $name, address: "1 Road"}) { id name address } }"""
CREATE_UNIT = """mutation($p: ID!, $label: String!) {
  createUnit(input: {propertyId: $p, label: $label}) { id label } }"""
CREATE_RESIDENT = """mutation($email: String!, $units: [ID!]!, $password: String!) {
  createResident(input: {email: $email, fullName: "Res Ident", password: $password,
                         unitIds: $units, phone: "+2348000000000"}) {
    id user { email fullName } units { label } } }"""


async def admin_of_new_estate(gql: GraphQLClient) -> tuple[GraphQLClient, str]:
    fixture = await make_estate()
    return await gql.as_tenant(fixture.slug).login(fixture.admin_email), fixture.slug


async def test_admin_builds_properties_units_and_residents(gql: GraphQLClient) -> None:
    admin, slug = await admin_of_new_estate(gql)
    prop = (await admin.ok(CREATE_PROPERTY, name="Block A"))["createProperty"]
    units = [
        (await admin.ok(CREATE_UNIT, p=prop["id"], label=label))["createUnit"]
        for label in ("A2", "A1")
    ]
    resident = (
        await admin.ok(
            CREATE_RESIDENT,
            email=f"r@{slug}.test",
            units=[u["id"] for u in units],
            password=PASSWORD,
        )
    )["createResident"]
    assert resident["user"] == {"email": f"r@{slug}.test", "fullName": "Res Ident"}
    assert [u["label"] for u in resident["units"]] == ["A1", "A2"]

    data = await admin.ok(
        "{ properties { totalCount edges { node { name units { label } } } } "
        'residents(search: "res ident") { totalCount edges { node { id } } } }'
    )
    assert data["properties"]["edges"][0]["node"]["units"] == [{"label": "A1"}, {"label": "A2"}]
    assert data["residents"]["edges"] == [{"node": {"id": resident["id"]}}]
    single = await admin.ok(
        "query($id: ID!) { resident(id: $id) { user { email } } }", id=resident["id"]
    )
    assert single["resident"]["user"]["email"] == f"r@{slug}.test"

    async with tenant_scope(slug):
        actions = [a.action for a in await AuditEntry.all().order_by("id")]
    assert actions == [
        "createEstate",
        "createProperty",
        "createUnit",
        "createUnit",
        "createResident",
    ]


async def test_resident_signs_in_and_sees_the_estate_but_not_residents(
    gql: GraphQLClient,
) -> None:
    admin, slug = await admin_of_new_estate(gql)
    prop = (await admin.ok(CREATE_PROPERTY, name="Block A"))["createProperty"]
    unit = (await admin.ok(CREATE_UNIT, p=prop["id"], label="A1"))["createUnit"]
    await admin.ok(CREATE_RESIDENT, email=f"r@{slug}.test", units=[unit["id"]], password=PASSWORD)
    resident = await gql.as_tenant(slug).login(f"r@{slug}.test")
    assert (await resident.ok("{ estate { slug } }"))["estate"]["slug"] == slug
    for query in ("{ residents { totalCount } }", CREATE_PROPERTY):
        error = await resident.error(query, name="x")
        assert error["extensions"]["code"] == "FORBIDDEN"


async def test_bad_input_names_the_field(gql: GraphQLClient) -> None:
    admin, slug = await admin_of_new_estate(gql)
    prop = (await admin.ok(CREATE_PROPERTY, name="Block A"))["createProperty"]
    unit = (await admin.ok(CREATE_UNIT, p=prop["id"], label="A1"))["createUnit"]
    cases = [
        (CREATE_PROPERTY, {"name": ""}, "VALIDATION_ERROR", "name"),
        (CREATE_UNIT, {"p": prop["id"], "label": "A1"}, "VALIDATION_ERROR", "label"),
        (CREATE_UNIT, {"p": "not-a-uuid", "label": "Z"}, "VALIDATION_ERROR", "propertyId"),
        (
            CREATE_RESIDENT,
            {"email": "bad-email", "units": [unit["id"]], "password": PASSWORD},
            "VALIDATION_ERROR",
            "email",
        ),
        (
            CREATE_RESIDENT,
            {"email": f"w@{slug}.test", "units": [unit["id"]], "password": "weak"},
            "VALIDATION_ERROR",
            "password",
        ),
        (
            CREATE_RESIDENT,
            {"email": f"u@{slug}.test", "units": [], "password": PASSWORD},
            "VALIDATION_ERROR",
            "unitIds",
        ),
    ]
    for query, variables, code, field in cases:
        error = await admin.error(query, **variables)
        assert error["extensions"] == {"code": code, "field": field}, (variables, error)
    # Nothing was half-created by the failures.
    data = await admin.ok(
        "{ residents { totalCount } properties { edges { node { units { label } } } } }"
    )
    assert data["residents"]["totalCount"] == 0
    assert data["properties"]["edges"][0]["node"]["units"] == [{"label": "A1"}]


async def test_one_person_can_be_resident_of_two_estates(gql: GraphQLClient) -> None:
    first, slug1 = await admin_of_new_estate(gql)
    second, slug2 = await admin_of_new_estate(gql)
    email = f"nomad@{slug1}.test"
    for admin in (first, second):
        prop = (await admin.ok(CREATE_PROPERTY, name="P"))["createProperty"]
        unit = (await admin.ok(CREATE_UNIT, p=prop["id"], label="U1"))["createUnit"]
        await admin.ok(CREATE_RESIDENT, email=email, units=[unit["id"]], password=PASSWORD)
    person = await gql.as_tenant(None).login(email)
    me = (await person.ok("{ me { memberships { role estate { slug } } } }"))["me"]
    assert sorted(m["estate"]["slug"] for m in me["memberships"]) == sorted([slug1, slug2])
    # Another estate's admin sees only memberships of their own estate.
    resident_id = (await first.ok("{ residents { edges { node { id } } } }"))["residents"]["edges"][
        0
    ]["node"]["id"]
    seen = await first.ok(
        "query($id: ID!) { resident(id: $id) { user { memberships { estate { slug } } } } }",
        id=resident_id,
    )
    assert seen["resident"]["user"]["memberships"] == [{"estate": {"slug": slug1}}]
