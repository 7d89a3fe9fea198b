"""Payouts through the API: request, maker-checker, transfers sent to fake Paystack and
Flutterwave over HTTP, their webhooks through the shim and the inbox, the ledger after."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.audit.models import AuditEntry
from services.ledger.verify import verify_ledger
from services.payments.models import WebhookEvent
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_estate_status import ARCHIVE
from tests.payout_world import (
    APPROVE,
    CANCEL,
    PAYOUT,
    REJECT,
    REQUEST,
    PayoutWorld,
    fake_flutterwave,
    fake_paystack,
    payout_world,
)
from workers import tasks


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = fake_paystack()
    with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture
def flutterwave() -> Iterator[tuple[FakeFlutterwave, str]]:
    fake = fake_flutterwave()
    with serving(fake.app()) as url:
        yield fake, url


async def deliver(
    http: httpx.AsyncClient, slug: str, provider: str, hook: tuple[bytes, dict[str, str]]
) -> str:
    """Post a provider's webhook to the shim, then apply what it stored (as the worker
    would): the payout's status after it."""
    body, headers = hook
    response = await http.post(f"/webhooks/{provider}/{slug}", content=body, headers=headers)
    assert response.status_code == 200, response.text
    async with tenant_scope(slug):
        waiting = await WebhookEvent.filter(status="RECEIVED").values_list("id", flat=True)
    for event_id in waiting:
        await tasks.apply_webhook_event(slug, str(event_id), 1)
    return "done"


async def healthy(slug: str) -> None:
    async with tenant_scope(slug):
        assert await verify_ledger() == []


async def status(pw: PayoutWorld, payout_id: str) -> dict[str, Any]:
    return dict((await pw.checker.ok(PAYOUT, id=payout_id))["payout"])


async def test_paystack_payout_end_to_end(
    gql: GraphQLClient, http: httpx.AsyncClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("10000.00")
    assert payout["status"] == "REQUESTED"
    assert payout["fee"] == {"amount": "25.00"}  # Paystack's fee up to 50,000 NGN
    assert payout["bankAccount"] == {
        "bankCode": "058",
        "bankName": "Guaranty Trust Bank",
        "accountNumberLast4": "6789",
        "accountName": "PALM GROVE ACCT 6789",
    }
    assert payout["requestedBy"] == {"fullName": "Admin Person"}
    assert await pw.wallet() == {
        "balance": "100000.00",
        "available": "89975.00",
        "held": "10025.00",
    }
    approved = await pw.checker.ok(APPROVE, id=payout["id"], n="checked the invoice")
    assert approved["approvePayout"]["status"] == "APPROVED"
    assert approved["approvePayout"]["decidedBy"] == {"fullName": "Second Admin"}
    assert await tasks.send_payout_once(pw.slug, payout["id"]) == "PROCESSING"
    assert fake.desk.posts[payout["reference"]] == 1
    assert fake.desk.transfers[payout["reference"]].amount == 1_000_000  # kobo

    await deliver(http, pw.slug, "paystack", fake.transfer_webhook(payout["reference"]))
    done = await status(pw, payout["id"])
    assert done["status"] == "PAID" and done["completedAt"]
    assert await pw.wallet() == {"balance": "89975.00", "available": "89975.00", "held": "0.00"}
    # The same webhook again changes nothing.
    await deliver(http, pw.slug, "paystack", fake.transfer_webhook(payout["reference"]))
    assert (await status(pw, payout["id"]))["status"] == "PAID"
    assert await pw.wallet() == {"balance": "89975.00", "available": "89975.00", "held": "0.00"}
    await healthy(pw.slug)

    dash = await pw.maker.ok("{ dashboard { paidOut { amount } } }")
    assert dash["dashboard"]["paidOut"] == {"amount": "10000.00"}
    ops = await pw.maker.ok(
        "{ estateWallet { operations(first: 5) { edges { node { kind amount { amount } "
        "reference } } } } }"
    )
    first = ops["estateWallet"]["operations"]["edges"][0]["node"]
    assert first == {
        "kind": "PAYOUT",
        "amount": {"amount": "-10025.00"},
        "reference": payout["reference"],
    }
    async with tenant_scope(pw.slug):
        audit = await AuditEntry.get(action="approvePayout", object_id=payout["id"])
    assert audit.after == {"status": "APPROVED", "note": "checked the invoice"}
    kinds = await pw.maker.ok("{ notifications(first: 10) { edges { node { kind } } } }")
    seen = {e["node"]["kind"] for e in kinds["notifications"]["edges"]}
    assert {"PAYOUT_REQUESTED", "PAYOUT_APPROVED", "PAYOUT_PAID"} <= seen


async def test_flutterwave_failed_transfer_releases_the_hold(
    gql: GraphQLClient, http: httpx.AsyncClient, flutterwave: tuple[FakeFlutterwave, str]
) -> None:
    fake, url = flutterwave
    pw = await payout_world(gql, "FLUTTERWAVE", url)
    fake.desk.outcome = "pending"
    payout = await pw.request("60000.00")
    assert payout["fee"] == {"amount": "53.75"} and payout["provider"] == "FLUTTERWAVE"
    await pw.checker.ok(APPROVE, id=payout["id"])
    assert await tasks.send_payout_once(pw.slug, payout["id"]) == "PROCESSING"
    assert fake.desk.transfers[payout["reference"]].amount == 6_000_000
    fake.desk.settle(payout["reference"], "failed", "Account is closed")
    await deliver(http, pw.slug, "flutterwave", fake.transfer_webhook(payout["reference"]))
    failed = await status(pw, payout["id"])
    assert failed["status"] == "FAILED"
    assert failed["failureMessage"] == "Account is closed"
    assert await pw.wallet() == {"balance": "100000.00", "available": "100000.00", "held": "0.00"}
    await healthy(pw.slug)


async def test_reversal_arriving_before_success_is_applied_once(
    gql: GraphQLClient, http: httpx.AsyncClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("1000.00")  # fee 10.00
    await pw.checker.ok(APPROVE, id=payout["id"])
    await tasks.send_payout_once(pw.slug, payout["id"])
    success = fake.transfer_webhook(payout["reference"])
    fake.desk.settle(payout["reference"], "reversed")
    await deliver(http, pw.slug, "paystack", fake.transfer_webhook(payout["reference"]))
    await deliver(http, pw.slug, "paystack", success)  # late and out of order
    assert (await status(pw, payout["id"]))["status"] == "REVERSED"
    # The amount came back; the fee was spent.
    assert await pw.wallet() == {"balance": "99990.00", "available": "99990.00", "held": "0.00"}
    await healthy(pw.slug)


async def test_reject_and_cancel_give_the_hold_back(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    first, second = await pw.request("5000.00"), await pw.request("7000.00")
    error = await pw.maker.error(APPROVE, id=first["id"])
    assert error["extensions"]["code"] == "FORBIDDEN"
    error = await pw.checker.error(CANCEL, id=second["id"])
    assert error["extensions"]["code"] == "FORBIDDEN"
    rejected = (await pw.checker.ok(REJECT, id=first["id"], n="wrong account"))["rejectPayout"]
    assert (rejected["status"], rejected["decisionNote"]) == ("REJECTED", "wrong account")
    cancelled = (await pw.maker.ok(CANCEL, id=second["id"]))["cancelPayout"]
    assert cancelled["status"] == "CANCELLED"
    error = await pw.checker.error(APPROVE, id=first["id"])
    assert error["extensions"]["code"] == "INVALID_STATE"
    assert await pw.wallet() == {"balance": "100000.00", "available": "100000.00", "held": "0.00"}
    listed = await pw.maker.ok(
        "{ payouts(filter: {status: [REJECTED, CANCELLED]}) { totalCount } }"
    )
    assert listed["payouts"]["totalCount"] == 2
    await healthy(pw.slug)


@pytest.mark.parametrize(
    ("amount", "bank", "code", "field"),
    [
        ("100.001", {}, "VALIDATION_ERROR", "amount"),
        ("0", {}, "VALIDATION_ERROR", "amount"),
        ("-5.00", {}, "VALIDATION_ERROR", "amount"),
        ("99990.00", {}, "INSUFFICIENT_FUNDS", "amount"),  # + 50.00 fee is over available
        ("100.00", {"bankCode": "999"}, "VALIDATION_ERROR", "bankAccount.bankCode"),
        (
            "100.00",
            {"accountNumber": "0001234567"},
            "VALIDATION_ERROR",
            "bankAccount.accountNumber",
        ),
        ("100.00", {"accountNumber": "12ab"}, "VALIDATION_ERROR", "bankAccount.accountNumber"),
    ],
)
async def test_bad_requests_name_their_field(
    gql: GraphQLClient,
    paystack: tuple[FakePaystack, str],
    amount: str,
    bank: dict[str, str],
    code: str,
    field: str,
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    error = await pw.maker.error(
        REQUEST, a=amount, b={"bankCode": "058", "accountNumber": "0123456789", **bank}, k="k1"
    )
    assert (error["extensions"]["code"], error["extensions"].get("field")) == (code, field)
    assert await pw.wallet() == {"balance": "100000.00", "available": "100000.00", "held": "0.00"}
    assert not fake.desk.transfers


async def test_residents_other_estates_and_lone_admins(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("100.00")
    resident = pw.world.residents[0].client
    for query, variables in (
        (REQUEST, {"a": "1.00", "b": {"bankCode": "058", "accountNumber": "0123456789"}, "k": "r"}),
        (APPROVE, {"id": payout["id"]}),
        (REJECT, {"id": payout["id"]}),
        (CANCEL, {"id": payout["id"]}),
        (PAYOUT, {"id": payout["id"]}),
        ("{ payouts { totalCount } }", {}),
        ("{ banks { code } }", {}),
    ):
        error = await resident.error(query, **variables)
        assert error["extensions"]["code"] == "FORBIDDEN", query

    other = await payout_world(gql, "PAYSTACK", url)
    for query in (PAYOUT, APPROVE, REJECT, CANCEL):
        error = await other.checker.error(query, id=payout["id"])
        assert (error["extensions"]["code"], error["extensions"]["field"]) == ("NOT_FOUND", "id")

    # An estate with one admin is told it needs a second.
    await pw.checker.ok(
        "mutation($u: ID!) { removeMembership(userId: $u, role: ADMIN) { role } }",
        u=(await pw.checker.ok("{ me { id } }"))["me"]["id"],
    )
    error = await pw.maker.error(
        REQUEST, a="1.00", b={"bankCode": "058", "accountNumber": "0123456789"}, k="lone"
    )
    assert error["extensions"]["code"] == "INVALID_STATE"
    assert "second estate admin" in error["message"]
    error = await pw.maker.error(APPROVE, id=payout["id"])
    assert error["extensions"]["code"] == "FORBIDDEN" and "second estate admin" in error["message"]


async def test_team_members_and_the_last_admin(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    members = await pw.maker.ok(
        "{ members(role: ADMIN) { totalCount edges { node { role user { id fullName } } } } }"
    )
    assert members["members"]["totalCount"] == 2
    ids = [e["node"]["user"]["id"] for e in members["members"]["edges"]]
    remove = "mutation($u: ID!) { removeMembership(userId: $u, role: ADMIN) { role } }"
    await pw.maker.ok(remove, u=ids[1])
    error = await pw.maker.error(remove, u=ids[0])
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "INVALID_STATE",
        "userId",
    )
    error = await pw.maker.error(remove, u=str(uuid.uuid4()))
    assert error["extensions"]["code"] == "NOT_FOUND"
    resident = pw.world.residents[0].client
    error = await resident.error("{ members { totalCount } }")
    assert error["extensions"]["code"] == "FORBIDDEN"


async def test_banks_and_resolving_an_account(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    banks = (await pw.maker.ok("{ banks(provider: PAYSTACK) { code name } }"))["banks"]
    assert {"code": "058", "name": "Guaranty Trust Bank"} in banks
    resolve = (
        "query($c: String!, $n: String!) { resolveBankAccount(bankCode: $c, accountNumber: $n)"
        " { accountName } }"
    )
    found = await pw.maker.ok(resolve, c="058", n="0123456789")
    assert found["resolveBankAccount"] == {"accountName": "PALM GROVE ACCT 6789"}
    error = await pw.maker.error(resolve, c="058", n="0001112223")
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "accountNumber",
    )


async def test_fifty_requests_never_overdraw(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    bank = {"bankCode": "058", "accountNumber": "0123456789"}
    # 9,975 + 25 fee = 10,000: the 100,000 available affords ten.
    answers = await asyncio.gather(
        *(pw.maker.execute(REQUEST, a="9975.00", b=bank, k=f"c{n}") for n in range(50))
    )
    codes = sorted(
        a["errors"][0]["extensions"]["code"]
        if a.get("errors")
        else a["data"]["requestPayout"]["status"]
        for a in answers
    )
    assert codes == ["INSUFFICIENT_FUNDS"] * 40 + ["REQUESTED"] * 10
    assert await pw.wallet() == {"balance": "100000.00", "available": "0.00", "held": "100000.00"}
    await healthy(pw.slug)


async def test_twenty_approvals_send_once(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("2500.00")
    answers = await asyncio.gather(
        *(pw.checker.execute(APPROVE, id=payout["id"]) for _ in range(20))
    )
    assert all(not a.get("errors") for a in answers), answers
    async with tenant_scope(pw.slug):
        assert await AuditEntry.filter(action="approvePayout").count() == 1
    sends = await asyncio.gather(*(tasks.send_payout_once(pw.slug, payout["id"]) for _ in range(5)))
    assert sorted(sends) == ["PROCESSING"] * 5
    assert fake.desk.posts[payout["reference"]] == 1
    await healthy(pw.slug)


async def test_provider_refusing_the_transfer_fails_it(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    payout = await pw.request("2500.00")
    await pw.checker.ok(APPROVE, id=payout["id"])
    fake.failing_with = 400
    assert await tasks.send_payout_once(pw.slug, payout["id"]) == "FAILED"
    assert await pw.wallet() == {"balance": "100000.00", "available": "100000.00", "held": "0.00"}
    await healthy(pw.slug)


async def test_an_estate_that_paid_out_everything_can_be_archived(
    gql: GraphQLClient,
    operator: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
) -> None:
    """A paid payout's money has left the estate: what it has sent out over the years is
    no debt that stops the estate from closing (it used to, for ever)."""
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url, revenue="1000.00")
    probe = await pw.request("500.00")
    await pw.maker.ok(CANCEL, id=probe["id"])
    fee = Decimal(probe["fee"]["amount"])  # the same tier for 500 and for the rest
    payout = await pw.request(str(Decimal("1000.00") - fee))
    refused = await operator.error(ARCHIVE, s=pw.slug)
    assert refused["extensions"] == {"code": "INVALID_STATE", "field": "slug"}
    assert "estate:revenue holds 1000.00 NGN" in refused["message"]
    await pw.checker.ok(APPROVE, id=payout["id"])
    assert await tasks.send_payout_once(pw.slug, payout["id"]) == "PROCESSING"
    await deliver(http, pw.slug, "paystack", fake.transfer_webhook(payout["reference"]))
    assert (await pw.wallet())["balance"] == "0.00"
    assert (await operator.ok(ARCHIVE, s=pw.slug))["archiveEstate"] == {"status": "ARCHIVED"}
