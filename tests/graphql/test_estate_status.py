"""A platform operator suspends, reactivates and archives estates: a suspended estate's
users are told so (FORBIDDEN), its provider webhooks are still stored and applied, and
only an estate that owes and holds nothing can be archived."""

from __future__ import annotations

import httpx

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.audit.models import AuditEntry
from services.ledger.journal import Line, clearing_code, post_entry, system_account
from services.ledger.models import Account
from services.ledger.verify import verify_ledger
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_manual_payments import REJECT, SUBMIT
from tests.graphql.test_provider_payments import PAY, SECRET, with_paystack
from tests.world import build_world, eventually

SUSPEND = 'mutation($s: String!) { suspendEstate(slug: $s, reason: "unpaid fees") { status } }'
REACTIVATE = "mutation($s: String!) { reactivateEstate(slug: $s) { status statusReason } }"
ARCHIVE = "mutation($s: String!) { archiveEstate(slug: $s) { status } }"
PAYMENT = "{ payments { edges { node { status } } } estateWallet { balance { amount } } }"


async def test_a_suspended_estate_refuses_its_users_and_still_takes_its_money(
    gql: GraphQLClient, operator: GraphQLClient, http: httpx.AsyncClient, worker: None
) -> None:
    fake = FakePaystack(SECRET)
    world = await build_world(gql, residents=1, prefix="susp")
    ada = world.residents[0]
    with serving(fake.app()) as base_url:
        await with_paystack(world, base_url)
        bill = await world.bill(ada, "80.00")
        payment = (await ada.client.ok(PAY, b=bill["id"], k="s1"))["payBill"]
        # Only the platform operator suspends; an estate admin may not.
        mine = await world.admin.error(SUSPEND, s=world.slug)
        assert mine["extensions"]["code"] == "FORBIDDEN"
        assert (await operator.ok(SUSPEND, s=world.slug))["suspendEstate"]["status"] == (
            "SUSPENDED"
        )
        for client in (world.admin, ada.client):
            refused = await client.error("{ estate { name } }")
            assert refused["extensions"]["code"] == "FORBIDDEN"
            assert "suspended by the platform operator: unpaid fees" in refused["message"]
        # The payer paid meanwhile: the webhook is stored and applied all the same.
        fake.complete(payment["reference"])
        body, headers = fake.webhook(payment["reference"])
        url = f"/webhooks/paystack/{world.slug}"
        assert (await http.post(url, content=body, headers=headers)).status_code == 200

        async def applied() -> bool:
            async with tenant_scope(world.slug):
                from services.payments.models import Payment

                found = await Payment.get(reference=payment["reference"])
            return found.status == "SUCCEEDED"

        await eventually(applied)
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
    again = await operator.ok(REACTIVATE, s=world.slug)
    assert again["reactivateEstate"] == {"status": "ACTIVE", "statusReason": None}
    seen = await world.admin.ok(PAYMENT)
    assert seen["payments"]["edges"][0]["node"]["status"] == "SUCCEEDED"
    assert seen["estateWallet"]["balance"]["amount"] == "80.00"
    # Money on its accounts: it cannot be archived.
    kept = await operator.error(ARCHIVE, s=world.slug)
    assert kept["extensions"] == {"code": "INVALID_STATE", "field": "slug"}
    twice = await operator.error(REACTIVATE, s=world.slug)
    assert twice["extensions"] == {"code": "INVALID_STATE", "field": "slug"}
    async with tenant_scope(world.slug):
        actions = (
            await AuditEntry.filter(object_type="Estate")
            .order_by("id")
            .values_list("action", "before", "after")
        )
    assert actions[1:] == [
        (
            "suspendEstate",
            {"status": "ACTIVE", "reason": None},
            {"status": "SUSPENDED", "reason": "unpaid fees"},
        ),
        (
            "reactivateEstate",
            {"status": "SUSPENDED", "reason": "unpaid fees"},
            {"status": "ACTIVE", "reason": None},
        ),
    ]


async def test_an_empty_estate_is_archived_for_good(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=1, prefix="arch")
    assert (await operator.ok(ARCHIVE, s=world.slug))["archiveEstate"] == {"status": "ARCHIVED"}
    refused = await world.admin.error("{ estate { name } }")
    assert "archived" in refused["message"]
    assert (await Estate.get(slug=world.slug)).status == "ARCHIVED"
    gone = await operator.error(SUSPEND, s="no-such-estate")
    assert gone["extensions"] == {"code": "NOT_FOUND", "field": "slug"}
    archived = await operator.error(REACTIVATE, s=world.slug)
    assert archived["extensions"] == {"code": "INVALID_STATE", "field": "slug"}


async def test_a_missing_pin_is_pin_required(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="pin")
    ada = world.residents[0]
    await world.fund(ada, "50.00")
    await ada.client.ok('mutation { setWalletPin(pin: "4321") { hasPin } }')
    bill = await world.bill(ada, "10.00")
    pay = (
        "mutation($b: ID!, $pin: String) { payBillFromWallet(billId: $b, pin: $pin, "
        'idempotencyKey: "p1") { status } }'
    )
    missing = await ada.client.error(pay, b=bill["id"])
    assert missing["extensions"] == {"code": "PIN_REQUIRED", "field": "pin"}
    malformed = await ada.client.error(pay, b=bill["id"], pin="12ab")
    assert malformed["extensions"] == {"code": "VALIDATION_ERROR", "field": "pin"}
    change = await ada.client.error('mutation { setWalletPin(pin: "5555") { hasPin } }')
    assert change["extensions"] == {"code": "PIN_REQUIRED", "field": "currentPin"}
    assert (await ada.client.ok(pay, b=bill["id"], pin="4321"))["payBillFromWallet"] == {
        "status": "SUCCEEDED"
    }


async def test_archiving_looks_at_what_the_estate_owes_not_at_settled_accounts(
    gql: GraphQLClient, operator: GraphQLClient
) -> None:
    world = await build_world(gql, residents=1, prefix="archowed")
    ada = world.residents[0]
    # A resident's money in the wallet: refused, naming the account.
    await world.fund(ada, "25.00")
    owed = await operator.error(ARCHIVE, s=world.slug)
    assert owed["extensions"] == {"code": "INVALID_STATE", "field": "slug"}
    assert "wallet:" in owed["message"] and "25.00" in owed["message"]
    # Taken back: the wallet is empty. A provider's clearing account keeps what came
    # through it (and adjustments what the estate put in): those never empty.
    await world.fund(ada, "-25.00")
    async with tenant_scope(world.slug):
        await post_entry(
            "test:clearing",
            "DEPOSIT",
            [
                Line(await system_account(clearing_code("PAYSTACK"), "NGN"), -1000),
                Line(await system_account("estate:adjustments", "NGN"), 1000),
            ],
        )
        assert await Account.filter(balance__not=0).count() == 2
    # A bank transfer awaiting approval may still bring money: refused.
    bill = await world.bill(ada, "40.00")
    submitted = await ada.client.ok(SUBMIT, b=bill["id"], k="archive-open")
    waiting = await operator.error(ARCHIVE, s=world.slug)
    assert waiting["extensions"] == {"code": "INVALID_STATE", "field": "slug"}
    assert "1 payment(s) still open" in waiting["message"]
    await world.admin.ok(REJECT, p=submitted["submitManualPayment"]["id"])
    # Nothing owed, nothing open: archived, with its history kept.
    archived = await operator.ok(ARCHIVE, s=world.slug)
    assert archived["archiveEstate"] == {"status": "ARCHIVED"}
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
