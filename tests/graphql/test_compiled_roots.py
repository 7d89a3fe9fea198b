"""The compiled read path for wallets, residents, properties, notifications, the estate,
`me` and `billsSummary`: byte-for-byte the answers of graphql-core, the compiled path
taken; and every error left to graphql-core (the same bytes, not compiled)."""

from __future__ import annotations

from typing import Any

import orjson

from tests.conftest import PASSWORD, GraphQLClient
from tests.graphql.test_compiled_reads import both, paid_world, same
from tests.graphql.test_compiled_rules import compiled_only
from tests.world import build_world

MONEY = "fragment M on Money { amount currency __typename }"
PAGE = "pageInfo { hasNextPage endCursor }"
WALLET = f"""query($n: Int, $after: String) {{ wallet {{ __typename id frozen hasPin locked
  balance {{ ...M }} available {{ ...M }}
  transactions(first: $n, after: $after) {{ totalCount {PAGE} edges {{ cursor node {{
    id kind description reference createdAt amount {{ ...M }} after: balanceAfter {{ amount }}
  }} }} }} }} }} {MONEY}"""
ESTATE_WALLET = f"""query($n: Int, $after: String) {{ estateWallet {{ balance {{ ...M }}
  operations(first: $n, after: $after) {{ totalCount {PAGE} edges {{ cursor node {{
    id kind description reference createdAt amount {{ ...M }} balanceAfter {{ amount }}
  }} }} }} }} }} {MONEY}"""
RESIDENT = f"""fragment R on Resident {{ id createdAt
  user {{ id email fullName phone isPlatformAdmin __typename }}
  units {{ id label propertyId }}
  wallet {{ id frozen locked hasPin balance {{ ...M }}
    transactions(first: 1) {{ totalCount edges {{ node {{ kind amount {{ amount }} }} }} }} }}
}} {MONEY}"""
RESIDENTS = f"""query($n: Int, $after: String, $s: String) {{
  residents(first: $n, after: $after, search: $s) {{ totalCount {PAGE}
    edges {{ cursor node {{ ...R }} }} }} }} {RESIDENT}"""
ONE_RESIDENT = f"query($id: ID!) {{ resident(id: $id) {{ ...R }} }} {RESIDENT}"
PROPERTY = "id name address createdAt units { id label propertyId __typename }"
PROPERTIES = f"""query($n: Int, $after: String) {{ properties(first: $n, after: $after) {{
  totalCount {PAGE} edges {{ cursor node {{ {PROPERTY} }} }} }} }}"""
ONE_PROPERTY = f"query($id: ID!) {{ property(id: $id) {{ {PROPERTY} }} }}"
NOTIFICATIONS = f"""query($u: Boolean!, $n: Int, $after: String) {{
  notifications(unreadOnly: $u, first: $n, after: $after) {{ totalCount {PAGE}
    edges {{ cursor node {{ id kind title body readAt createdAt
      deliveries {{ channel status attempts lastError sentAt }} }} }} }} }}"""
SUMMARY = f"""query($r: ID) {{ billsSummary(residentId: $r) {{ outstanding {{ ...M }}
  overdue {{ ...M }} paidThisMonth {{ ...M }} countByStatus {{ status count }} }} }} {MONEY}"""
DASHBOARD = f"""query($p: DashboardPeriod!) {{ dashboard(period: $p) {{ period windowStart
  windowEnd collected {{ ...M }} outstanding {{ ...M }} overdue {{ amount }} collectionRate
  billsByStatus {{ status count }} revenueSeries {{ bucketStart amount {{ ...M }} }} }} }}
  {MONEY}"""
ESTATE_AND_ME = """{ estate { id slug name currency timezone __typename }
  me { id email fullName phone isPlatformAdmin } }"""


async def not_compiled(client: GraphQLClient, app: Any, query: str, **variables: Any) -> dict:
    """graphql-core answers on both apps (an error, or what the compiler leaves to it)."""
    compiled, reference = await both(client, app, query, **variables)
    assert compiled.content == reference.content
    assert "x-read-path" not in compiled.headers
    return compiled.json()


async def test_wallet_with_its_transactions_pages_like_graphql_core(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await paid_world(gql)
    ada = world.residents[0].client
    found = (await same(ada, graphql_core_app, WALLET))["data"]["wallet"]
    assert found["balance"]["amount"] == "8499.50"
    assert found["transactions"]["totalCount"] == 2
    assert {e["node"]["kind"] for e in found["transactions"]["edges"]} == {
        "ADJUSTMENT",
        "BILL_PAYMENT",
    }
    first = (await same(ada, graphql_core_app, WALLET, n=1))["data"]["wallet"]["transactions"]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await same(ada, graphql_core_app, WALLET, n=1, after=first["pageInfo"]["endCursor"])
    assert rest["data"]["wallet"]["transactions"]["pageInfo"]["hasNextPage"] is False
    # An admin without a resident row: FORBIDDEN; a cursor of another list: refused.
    error = await not_compiled(world.admin, graphql_core_app, WALLET)
    assert error["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await not_compiled(ada, graphql_core_app, WALLET, after="bm90IGEgY3Vyc29y")
    await not_compiled(ada, graphql_core_app, WALLET, n=-1)


async def test_a_locked_frozen_wallet_with_a_pin(gql: GraphQLClient, graphql_core_app: Any) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "50.00")
    await ada.client.ok('mutation { setWalletPin(pin: "1234") { hasPin } }')
    pay = (
        "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k,"
        ' pin: "0000") { id } }'
    )
    for attempt in range(5):
        await ada.client.error(pay, b=bill["id"], k=f"bad{attempt}")
    await world.admin.ok(
        'mutation($w: ID!) { freezeWallet(walletId: $w, reason: "audit") { id } }', w=ada.wallet_id
    )
    found = (await same(ada.client, graphql_core_app, WALLET))["data"]["wallet"]
    assert (found["locked"], found["frozen"], found["hasPin"]) == (True, True, True)
    seen = await same(world.admin, graphql_core_app, ONE_RESIDENT, id=ada.resident_id)
    assert seen["data"]["resident"]["wallet"]["locked"] is True


async def test_estate_wallet_before_and_after_payments(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    empty = await build_world(gql, residents=1)
    nothing = (await same(empty.admin, graphql_core_app, ESTATE_WALLET))["data"]["estateWallet"]
    assert nothing["balance"]["amount"] == "0.00"
    assert nothing["operations"] == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "endCursor": None},
        "edges": [],
    }
    world = await paid_world(gql)
    paid = (await same(world.admin, graphql_core_app, ESTATE_WALLET))["data"]["estateWallet"]
    assert paid["operations"]["totalCount"] >= 1
    page = (await same(world.admin, graphql_core_app, ESTATE_WALLET, n=0))["data"]
    assert page["estateWallet"]["operations"]["edges"] == []
    error = await not_compiled(world.residents[0].client, graphql_core_app, ESTATE_WALLET)
    assert error["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_residents_and_resident_for_admins_only(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await paid_world(gql)
    admin, ada = world.admin, world.residents[0]
    listed = (await same(admin, graphql_core_app, RESIDENTS))["data"]["residents"]
    assert listed["totalCount"] == 2
    assert listed["edges"][0]["node"]["wallet"]["balance"]["amount"] == "8499.50"
    page = (await same(admin, graphql_core_app, RESIDENTS, n=1))["data"]["residents"]
    end = page["pageInfo"]["endCursor"]
    rest = (await same(admin, graphql_core_app, RESIDENTS, n=1, after=end))["data"]
    assert rest["residents"]["edges"][0]["node"]["id"] == world.residents[1].resident_id
    for term, count in (("resident 1", 1), ("R0@", 1), ("  ", 2), ("%", 0), ("nobody", 0)):
        found = (await same(admin, graphql_core_app, RESIDENTS, s=term))["data"]["residents"]
        assert found["totalCount"] == count, term
    one = await same(admin, graphql_core_app, ONE_RESIDENT, id=ada.resident_id)
    assert one["data"]["resident"]["units"][0]["id"] == ada.unit_id
    other = await paid_world(gql)
    for wanted in (other.residents[0].resident_id, "00000000-0000-4000-8000-000000000000"):
        error = await not_compiled(admin, graphql_core_app, ONE_RESIDENT, id=wanted)
        assert error["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    for query, variables in ((ONE_RESIDENT, {"id": ada.resident_id}), (RESIDENTS, {})):
        error = await not_compiled(ada.client, graphql_core_app, query, **variables)
        assert error["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_properties_and_property_for_every_member(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await build_world(gql, residents=2)
    await world.admin.ok('mutation { createProperty(input: {name: "Annex"}) { id } }')
    for client in (world.admin, world.residents[0].client):
        listed = (await same(client, graphql_core_app, PROPERTIES))["data"]["properties"]
        assert listed["totalCount"] == 2
        assert [u["label"] for u in listed["edges"][0]["node"]["units"]] == ["U1", "U2"]
        page = (await same(client, graphql_core_app, PROPERTIES, n=1))["data"]["properties"]
        end = page["pageInfo"]["endCursor"]
        rest = (await same(client, graphql_core_app, PROPERTIES, n=5, after=end))["data"]
        assert rest["properties"]["edges"][0]["node"]["name"] == "Annex"
        await same(client, graphql_core_app, ONE_PROPERTY, id=world.property_id)
    other = await build_world(gql, residents=0)
    for wanted in (other.property_id, "00000000-0000-4000-8000-000000000000"):
        error = await not_compiled(world.admin, graphql_core_app, ONE_PROPERTY, id=wanted)
        assert error["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_notifications_are_the_callers_own(gql: GraphQLClient, graphql_core_app: Any) -> None:
    world = await paid_world(gql)
    ada = world.residents[0].client
    mine = (await same(ada, graphql_core_app, NOTIFICATIONS, u=False))["data"]["notifications"]
    assert mine["totalCount"] >= 1
    first = mine["edges"][0]["node"]["id"]
    await ada.ok("mutation($i: [ID!]!) { markNotificationsRead(ids: $i) }", i=[first])
    unread = (await same(ada, graphql_core_app, NOTIFICATIONS, u=True))["data"]
    assert unread["notifications"]["totalCount"] == mine["totalCount"] - 1
    page = (await same(ada, graphql_core_app, NOTIFICATIONS, u=False, n=1))["data"]
    end = page["notifications"]["pageInfo"]["endCursor"]
    await same(ada, graphql_core_app, NOTIFICATIONS, u=False, n=1, after=end)
    await same(world.admin, graphql_core_app, NOTIFICATIONS, u=False)
    literal = NOTIFICATIONS.replace("$u: Boolean!, ", "").replace("$u", "true")
    await same(ada, graphql_core_app, literal)


async def test_estate_and_me(gql: GraphQLClient, graphql_core_app: Any) -> None:
    world = await build_world(gql, residents=1)
    for client in (world.admin, world.residents[0].client):
        found = (await same(client, graphql_core_app, ESTATE_AND_ME))["data"]
        assert found["estate"]["slug"] == world.slug
    # Memberships, oldest first: all of one's own; of someone else, this estate's.
    mine = "{ me { memberships { role estate { id slug name currency timezone } } } }"
    found = (await same(world.admin, graphql_core_app, mine))["data"]["me"]["memberships"]
    assert [(m["role"], m["estate"]["slug"]) for m in found] == [("ADMIN", world.slug)]
    theirs = "{ residents { edges { node { user { email memberships { role } } } } } }"
    found = (await same(world.admin, graphql_core_app, theirs))["data"]["residents"]
    assert [e["node"]["user"]["memberships"] for e in found["edges"]] == [[{"role": "RESIDENT"}]]


async def test_bills_summary_for_the_estate_and_for_one_resident(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await paid_world(gql)
    ada, bola = world.residents
    await world.bill(bola, "12.34", due="2020-01-31")  # overdue
    await world.bill(ada, "1.00", acknowledge=False)
    everyone = (await same(world.admin, graphql_core_app, SUMMARY))["data"]["billsSummary"]
    assert everyone["overdue"]["amount"] == "12.34"
    assert everyone["paidThisMonth"]["amount"] == "1500.50"
    for client in (world.admin, ada.client):
        await same(client, graphql_core_app, SUMMARY, r=ada.resident_id)
    own = (await same(ada.client, graphql_core_app, SUMMARY))["data"]["billsSummary"]
    assert [c["status"] for c in own["countByStatus"]] == [
        "PARTIALLY_PAID",
        "PENDING_ACKNOWLEDGMENT",
    ]
    unknown = "00000000-0000-4000-8000-000000000000"
    for client, wanted in ((ada.client, bola.resident_id), (world.admin, unknown)):
        error = await not_compiled(client, graphql_core_app, SUMMARY, r=wanted)
        assert error["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_several_roots_aliases_and_odd_text(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await build_world(gql, residents=0)
    odd = 'Zoë "Ọlá" \\ back\\slash 日本 \u2028 </script> 😀'
    many_lines = f"{odd}\nline two\ttab\n"
    prop = await world.admin.ok(
        "mutation($n: String!, $a: String!) { createProperty(input: {name: $n, address: $a})"
        " { id } }",
        n=odd,
        a=many_lines,
    )
    unit = await world.admin.ok(
        "mutation($p: ID!, $l: String!) { createUnit(input: {propertyId: $p, label: $l}) { id } }",
        p=prop["createProperty"]["id"],
        l=odd,
    )
    created = await world.admin.ok(
        'mutation($n: String!, $u: ID!) { createResident(input: {email: "z@odd.test", '
        f'fullName: $n, password: "{PASSWORD}", unitIds: [$u]}}) {{ wallet {{ id }} }} }}',
        n=odd,
        u=unit["createUnit"]["id"],
    )
    await world.admin.ok(
        'mutation($w: ID!, $r: String!) { adjustWallet(walletId: $w, amount: "5", reason: $r,'
        ' idempotencyKey: "odd") { id } }',
        w=created["createResident"]["wallet"]["id"],
        r=many_lines,
    )
    query = f"""query($s: String) {{ a: properties {{ edges {{ node {{ n: name ...P }} }} }}
      b: residents(search: $s) {{ totalCount edges {{ node {{ ...R
        wallet {{ every: transactions {{ edges {{ node {{ description }} }} }} }} }} }} }}
      c: estate {{ name }} d: estateWallet {{ balance {{ amount }} }} }}
      fragment P on Property {{ address units {{ label }} }} {RESIDENT}"""
    found = (await same(world.admin, graphql_core_app, query, s="ZOË"))["data"]
    assert found["b"]["totalCount"] == 1
    node = found["b"]["edges"][0]["node"]
    assert node["user"]["fullName"] == odd
    assert node["wallet"]["every"]["edges"][0]["node"]["description"] == many_lines.strip()
    assert found["a"]["edges"][-1]["node"]["address"] == many_lines.strip()


async def test_dashboard_in_every_period(gql: GraphQLClient, graphql_core_app: Any) -> None:
    empty = await build_world(gql, residents=0)
    nothing = (await same(empty.admin, graphql_core_app, DASHBOARD, p="DAY"))["data"]
    assert nothing["dashboard"]["collectionRate"] == 0.0
    world = await paid_world(gql)
    await world.bill(world.residents[1], "12.34", due="2020-01-31")  # overdue
    for period in ("DAY", "WEEK", "MONTH", "YEAR"):
        found = (await same(world.admin, graphql_core_app, DASHBOARD, p=period))["data"]
        figures = found["dashboard"]
        assert figures["collected"]["amount"] == "1500.50"
        assert 0 < figures["collectionRate"] < 1
        assert sum(s["count"] for s in figures["billsByStatus"]) == 3
        await same(world.admin, graphql_core_app, DASHBOARD.replace("collectionRate", ""), p=period)
    default = "{ dashboard { period collectionRate revenueSeries { amount { amount } } } }"
    await same(world.admin, graphql_core_app, default)
    error = await not_compiled(world.residents[0].client, graphql_core_app, default)
    assert error["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_tiny_collection_rate_is_left_to_graphql_core(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    """1e-05: PostgreSQL writes an exponent where orjson writes 0.00001."""
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "1.00")
    bill = await world.bill(ada, "1000.00")
    await ada.client.ok(
        'mutation($b: ID!) { payBillFromWallet(billId: $b, amount: "0.01", idempotencyKey: "t")'
        " { id } }",
        b=bill["id"],
    )
    found = await not_compiled(world.admin, graphql_core_app, DASHBOARD, p="MONTH")
    assert b'"collectionRate":0.00001,' in orjson.dumps(found)
    await same(world.admin, graphql_core_app, DASHBOARD.replace("collectionRate", ""), p="MONTH")


async def test_one_statement_per_root_field_of_every_domain(gql: GraphQLClient) -> None:
    world = await paid_world(gql)
    ada = world.residents[0]
    admin = f"""query($r: ID!, $p: ID!) {{ estate {{ name }} me {{ email }}
      residents(first: 5) {{ edges {{ node {{ ...R }} }} }} resident(id: $r) {{ ...R }}
      properties {{ edges {{ node {{ units {{ label }} }} }} }} property(id: $p) {{ name }}
      notifications {{ totalCount }} estateWallet {{ operations {{ totalCount }} }}
      billsSummary {{ outstanding {{ amount }} }} dashboard {{ collected {{ amount }} }} }}
      {RESIDENT}"""
    statements = await compiled_only(world.admin, admin, r=ada.resident_id, p=world.property_id)
    assert len(statements) == 10
    mine = (
        "{ wallet { transactions { totalCount } } notifications { totalCount }"
        " billsSummary { overdue { amount } } }"
    )
    assert len(await compiled_only(ada.client, mine)) == 3
