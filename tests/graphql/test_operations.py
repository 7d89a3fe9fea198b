"""The operator's API (API.md "Operations"): the audit log, the estate's settings with who
may set what, and the bank-transfer instructions residents read; for both roles, the
platform operator, across estates, and with bad input naming its field."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.conftest import GraphQLClient
from tests.world import build_world

AUDIT = """query($f: AuditLogFilter, $first: Int, $after: String, $estate: String) {
  auditLog(filter: $f, first: $first, after: $after, estate: $estate) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id actor { id fullName } action objectType objectId changes ip createdAt } }
  } }"""
UPDATE = """mutation($input: UpdateEstateSettingsInput!, $estate: String) {
  updateEstateSettings(input: $input, estate: $estate) {
    slug name timezone
    settings { platformFeePercent platformFeeFixed { amount currency } payoutProvider
               autoPayoutThreshold { amount } }
  } }"""
ESTATE = """{ estate { name timezone settings { platformFeePercent payoutProvider
  autoPayoutThreshold { amount } } } }"""
INSTRUCTIONS = "{ paymentInstructions { bankName accountName accountNumber note updatedAt } }"
SET_INSTRUCTIONS = """mutation($input: PaymentInstructionsInput!) {
  setPaymentInstructions(input: $input) { bankName accountName accountNumber note } }"""
PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { status } }"""
BANK = {
    "bankName": "Zenith Bank",
    "accountName": "Palm Grove Estate",
    "accountNumber": "0123456789",
}


def field_error(error: dict[str, Any]) -> tuple[str, str | None]:
    return error["extensions"]["code"], error["extensions"].get("field")


async def test_settings_split_between_estate_admins_and_the_platform_operator(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=1, prefix="set")
    admin, ada = world.admin, world.residents[0]

    changed = (
        await admin.ok(
            UPDATE,
            input={
                "name": "Palm Grove",
                "timezone": "Europe/London",
                "payoutProvider": "FLUTTERWAVE",
            },
        )
    )["updateEstateSettings"]
    assert changed["name"] == "Palm Grove" and changed["timezone"] == "Europe/London"
    assert changed["settings"] == {
        "platformFeePercent": "0.00",
        "platformFeeFixed": {"amount": "0.00", "currency": "NGN"},
        "payoutProvider": "FLUTTERWAVE",
        "autoPayoutThreshold": None,  # with its account: tests/graphql/test_payout_settings.py
    }
    assert (await admin.ok(ESTATE))["estate"]["name"] == "Palm Grove"
    # Fees are the platform's: an estate admin may not set them.
    refused = await admin.error(UPDATE, input={"platformFeePercent": "1.00"})
    assert field_error(refused) == ("FORBIDDEN", "platformFeePercent")
    # The platform operator names the estate (no membership needed) and sets its fees...
    fees = (
        await operator.ok(
            UPDATE,
            input={"platformFeePercent": "2.50", "platformFeeFixed": "10.00"},
            estate=world.slug,
        )
    )["updateEstateSettings"]
    assert fees["settings"]["platformFeePercent"] == "2.50"
    assert fees["settings"]["platformFeeFixed"] == {"amount": "10.00", "currency": "NGN"}
    # ...but not the estate's own settings.
    not_theirs = await operator.error(UPDATE, input={"name": "Mine"}, estate=world.slug)
    assert field_error(not_theirs) == ("FORBIDDEN", "name")
    # Cleared with null; left out, kept.
    cleared = (await admin.ok(UPDATE, input={"autoPayoutThreshold": None}))["updateEstateSettings"]
    assert cleared["settings"]["autoPayoutThreshold"] is None
    assert cleared["settings"]["payoutProvider"] == "FLUTTERWAVE"
    default = (await admin.ok(UPDATE, input={"payoutProvider": None}))["updateEstateSettings"]
    assert default["settings"]["payoutProvider"] is None  # back to the default gateway

    # Residents see the estate, not its settings; the fee applies to their next payment.
    assert (await ada.client.ok(ESTATE))["estate"]["settings"] is None
    await world.fund(ada, "1000.00")
    bill = await world.bill(ada, "1000.00")
    before = await admin.ok("{ estateWallet { balance { amount } } }")
    assert (await ada.client.ok(PAY, b=bill["id"], k="fee-1"))["payBillFromWallet"]["status"] == (
        "SUCCEEDED"
    )
    after = await admin.ok("{ estateWallet { balance { amount } } }")
    gained = float(after["estateWallet"]["balance"]["amount"]) - float(
        before["estateWallet"]["balance"]["amount"]
    )
    assert round(gained, 2) == 1000 - 25 - 10  # 2.5 % and 10.00 to the platform


async def test_settings_refuse_bad_input_naming_the_field(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=0, prefix="bad")
    cases: list[tuple[GraphQLClient, dict[str, Any], str, str]] = [
        (world.admin, {"timezone": "Mars/Olympus"}, "VALIDATION_ERROR", "timezone"),
        (world.admin, {"name": "   "}, "VALIDATION_ERROR", "name"),
        (world.admin, {"name": None}, "VALIDATION_ERROR", "name"),
        (world.admin, {"payoutProvider": "STRIPE"}, "VALIDATION_ERROR", "payoutProvider"),
        (world.admin, {"autoPayoutThreshold": "-5.00"}, "VALIDATION_ERROR", "autoPayoutThreshold"),
        (world.admin, {"autoPayoutThreshold": "1.001"}, "VALIDATION_ERROR", "autoPayoutThreshold"),
        (world.admin, {}, "VALIDATION_ERROR", "input"),
        (operator, {"platformFeePercent": "100.01"}, "VALIDATION_ERROR", "platformFeePercent"),
        (operator, {"platformFeePercent": "1.234"}, "VALIDATION_ERROR", "platformFeePercent"),
        (operator, {"platformFeePercent": "-1"}, "VALIDATION_ERROR", "platformFeePercent"),
        (operator, {"platformFeeFixed": "0.001"}, "VALIDATION_ERROR", "platformFeeFixed"),
    ]
    for client, given, code, field in cases:
        error = await client.error(UPDATE, input=given, estate=world.slug)
        assert field_error(error) == (code, field), (given, error)
    # Nothing was changed by any of them.
    estate = (await world.admin.ok(ESTATE))["estate"]
    assert estate["timezone"] == "Africa/Lagos" and estate["settings"]["platformFeePercent"] == (
        "0.00"
    )


async def test_settings_and_audit_of_another_estate_are_not_found(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    a = await build_world(gql, residents=1, prefix="isoa")
    b = await build_world(gql, residents=0, prefix="isob")
    for client in (a.admin, a.residents[0].client):
        for query, variables in (
            (UPDATE, {"input": {"name": "Taken"}, "estate": b.slug}),
            (AUDIT, {"estate": b.slug}),
        ):
            error = await client.error(query, **variables)
            assert field_error(error) == ("NOT_FOUND", "estate")
    unknown = await operator.error(AUDIT, estate="no-such-estate")
    assert field_error(unknown) == ("NOT_FOUND", "estate")
    assert (await b.admin.ok(ESTATE))["estate"]["name"] != "Taken"
    # A resident of the estate itself is refused its audit log and its settings.
    resident = a.residents[0].client
    assert field_error(await resident.error(AUDIT)) == ("FORBIDDEN", None)
    assert (await resident.error(UPDATE, input={"name": "X"}))["extensions"]["code"] == "FORBIDDEN"


async def test_audit_log_lists_filters_and_pages(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=1, prefix="aud")
    admin = world.admin
    await admin.ok(SET_INSTRUCTIONS, input=BANK)
    await admin.ok(SET_INSTRUCTIONS, input={**BANK, "note": "Quote your bill number"})
    await admin.ok(UPDATE, input={"name": "Audited"})

    entries = (await admin.ok(AUDIT))["auditLog"]
    nodes = [edge["node"] for edge in entries["edges"]]
    actions = [node["action"] for node in nodes]
    # Newest first; createResident and its kind are there from the world's making.
    assert actions[:3] == [
        "updateEstateSettings",
        "setPaymentInstructions",
        "setPaymentInstructions",
    ]
    assert entries["totalCount"] == len(nodes)
    settings_entry = nodes[0]
    assert settings_entry["objectType"] == "Estate"
    assert settings_entry["actor"]["fullName"] == "Admin Person"
    assert settings_entry["changes"]["before"]["name"].startswith("Estate ")
    assert settings_entry["changes"]["after"] == {"name": "Audited"}
    assert settings_entry["ip"].startswith("127.")  # the test client's own address
    second = nodes[1]
    assert second["changes"]["before"]["note"] is None
    assert second["changes"]["after"]["note"] == "Quote your bill number"

    by_action = (await admin.ok(AUDIT, f={"action": "setPaymentInstructions"}))["auditLog"]
    assert by_action["totalCount"] == 2
    by_type = (await admin.ok(AUDIT, f={"objectType": "Estate"}))["auditLog"]
    assert [e["node"]["action"] for e in by_type["edges"]] == [
        "updateEstateSettings",
        "createEstate",
    ]
    admin_id = settings_entry["actor"]["id"]
    by_actor = (await admin.ok(AUDIT, f={"actorId": admin_id}))["auditLog"]
    mine = [node["id"] for node in nodes if (node["actor"] or {}).get("id") == admin_id]
    assert [e["node"]["id"] for e in by_actor["edges"]] == mine and len(mine) >= 4
    nobody = (await admin.ok(AUDIT, f={"actorId": str(uuid.uuid4())}))["auditLog"]
    assert nobody["totalCount"] == 0 and nobody["edges"] == []
    now = datetime.now(UTC)
    window = {
        "from": (now - timedelta(hours=1)).isoformat(),
        "to": (now + timedelta(hours=1)).isoformat(),
    }
    assert (await admin.ok(AUDIT, f=window))["auditLog"]["totalCount"] == len(nodes)
    future = {"from": (now + timedelta(hours=1)).isoformat()}
    assert (await admin.ok(AUDIT, f=future))["auditLog"]["totalCount"] == 0

    # Pages of one, newest first, meet the whole list exactly.
    seen, after = [], None
    while True:
        page = (await admin.ok(AUDIT, first=1, after=after))["auditLog"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [node["id"] for node in nodes]

    # The platform operator reads any estate's log by naming it.
    theirs = (await operator.ok(AUDIT, estate=world.slug))["auditLog"]
    assert [e["node"]["id"] for e in theirs["edges"]] == seen


async def test_audit_log_refuses_bad_filters_naming_the_field(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=0, prefix="audbad")
    now = datetime.now(UTC)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"actorId": "not-a-uuid"}, "actorId"),
        ({"action": ""}, "action"),
        ({"objectType": "x" * 65}, "objectType"),
        ({"from": now.isoformat(), "to": (now - timedelta(days=1)).isoformat()}, "from"),
        ({"from": "2026-01-01T00:00:00"}, "from"),  # no UTC offset: no instant
        ({"to": "yesterday"}, "to"),
    ]
    for given, field in cases:
        error = await world.admin.error(AUDIT, f=given)
        assert field_error(error) == ("VALIDATION_ERROR", field), (given, error)
    assert field_error(await world.admin.error(AUDIT, after="bogus")) == (
        "VALIDATION_ERROR",
        "after",
    )


async def test_payment_instructions_set_by_admins_read_by_residents(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="pin")
    other = await build_world(gql, residents=1, prefix="pio")
    ada = world.residents[0].client
    assert (await ada.ok(INSTRUCTIONS))["paymentInstructions"] is None

    saved = await world.admin.ok(SET_INSTRUCTIONS, input={**BANK, "note": "Quote BILL-…"})
    assert saved["setPaymentInstructions"]["accountNumber"] == "0123456789"
    shown = (await ada.ok(INSTRUCTIONS))["paymentInstructions"]
    assert {k: shown[k] for k in BANK} == BANK and shown["note"] == "Quote BILL-…"
    assert (await world.admin.ok(INSTRUCTIONS))["paymentInstructions"]["bankName"] == "Zenith Bank"
    # Another estate's residents see their own estate's (none), never these.
    assert (await other.residents[0].client.ok(INSTRUCTIONS))["paymentInstructions"] is None
    # Residents read, never write.
    assert field_error(await ada.error(SET_INSTRUCTIONS, input=BANK)) == ("FORBIDDEN", None)
    for given, field in (
        ({**BANK, "accountNumber": "12"}, "accountNumber"),
        ({**BANK, "accountNumber": "0123-456"}, "accountNumber"),
        ({**BANK, "bankName": " "}, "bankName"),
        ({**BANK, "accountName": "x" * 201}, "accountName"),
        ({**BANK, "note": "x" * 1001}, "note"),
    ):
        error = await world.admin.error(SET_INSTRUCTIONS, input=given)
        assert field_error(error) == ("VALIDATION_ERROR", field), (given, error)
    assert (await ada.ok(INSTRUCTIONS))["paymentInstructions"]["accountNumber"] == "0123456789"
