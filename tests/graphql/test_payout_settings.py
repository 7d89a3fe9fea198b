"""The estate's payout settings through `updateEstateSettings` and `Estate.settings`, and
the daily auto-payout they drive, end to end with the fake Paystack over HTTP: an estate
that never paid out before gets its excess requested, approved by an admin, and PAID."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.audit.models import AuditEntry
from services.ledger.journal import PAYOUTS_IN_TRANSIT, clearing_code
from services.ledger.models import Account
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_payouts import deliver
from tests.payout_world import APPROVE, CANCEL, PAYOUT, fake_paystack, payout_world
from tests.world import build_world
from workers import tasks

SETTINGS = (
    "settings { payoutProvider autoPayoutThreshold { amount currency } "
    "autoPayoutBankAccount { bankCode bankName accountNumberLast4 accountName } }"
)
UPDATE = (
    "mutation($input: UpdateEstateSettingsInput!, $estate: String) { "
    f"updateEstateSettings(input: $input, estate: $estate) {{ name {SETTINGS} }} }}"
)
ESTATE = f"{{ estate {{ name {SETTINGS} }} }}"
PAYOUTS = (
    "{ payouts(first: 10) { edges { node { id reference status amount { amount } "
    "fee { amount } note requestedBy { fullName } bankAccount { bankCode accountNumberLast4 "
    "accountName } } } } }"
)
ACCOUNT = {"bankCode": "058", "accountNumber": "0123456789"}
SHOWN_ACCOUNT = {
    "bankCode": "058",
    "bankName": "Guaranty Trust Bank",
    "accountNumberLast4": "6789",
    "accountName": "PALM GROVE ACCT 6789",
}


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = fake_paystack()
    with serving(fake.app()) as url:
        yield fake, url


def field_error(error: dict[str, Any]) -> tuple[str, str | None]:
    return error["extensions"]["code"], error["extensions"].get("field")


async def payouts_of(client: GraphQLClient) -> list[dict[str, Any]]:
    return [edge["node"] for edge in (await client.ok(PAYOUTS))["payouts"]["edges"]]


async def test_auto_payout_settings_are_set_shown_and_cleared(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    admin = pw.maker
    fresh = (await admin.ok(ESTATE))["estate"]["settings"]
    assert fresh == {
        "payoutProvider": None,
        "autoPayoutThreshold": None,
        "autoPayoutBankAccount": None,
    }

    saved = (
        await admin.ok(
            UPDATE, input={"autoPayoutThreshold": "60000.00", "autoPayoutBankAccount": ACCOUNT}
        )
    )["updateEstateSettings"]["settings"]
    # The account as the provider resolved it: its bank's name and the account's name.
    assert saved == {
        "payoutProvider": None,
        "autoPayoutThreshold": {"amount": "60000.00", "currency": "NGN"},
        "autoPayoutBankAccount": SHOWN_ACCOUNT,
    }
    assert (await admin.ok(ESTATE))["estate"]["settings"] == saved
    assert (await pw.checker.ok(ESTATE))["estate"]["settings"] == saved  # any of its admins
    # A field left out is kept: a new threshold keeps the account.
    raised = (await admin.ok(UPDATE, input={"autoPayoutThreshold": "70000.00"}))[
        "updateEstateSettings"
    ]["settings"]
    assert raised["autoPayoutThreshold"]["amount"] == "70000.00"
    assert raised["autoPayoutBankAccount"] == SHOWN_ACCOUNT
    async with tenant_scope(pw.slug):
        audit = (
            await AuditEntry.filter(action="updateEstateSettings", object_type="EstateSettings")
            .order_by("-created_at")
            .first()
        )
    assert audit is not None
    assert audit.after == {
        "payoutProvider": None,
        "autoPayoutThreshold": 7_000_000,
        "autoPayoutBankAccount": "058 ...6789",
    }
    # Off, then the account may go too.
    off = (
        await admin.ok(UPDATE, input={"autoPayoutThreshold": None, "autoPayoutBankAccount": None})
    )["updateEstateSettings"]["settings"]
    assert off == {
        "payoutProvider": None,
        "autoPayoutThreshold": None,
        "autoPayoutBankAccount": None,
    }
    # Residents see no settings at all.
    ada = pw.world.residents[0].client
    assert (await ada.ok(ESTATE))["estate"]["settings"] is None


async def test_bad_payout_settings_name_their_field_and_change_nothing(
    gql: GraphQLClient, operator: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    admin = pw.maker
    before = (await admin.ok(ESTATE))["estate"]
    cases: list[tuple[dict[str, Any], str, str]] = [
        # A threshold needs an account to pay into.
        ({"autoPayoutThreshold": "60000.00"}, "VALIDATION_ERROR", "autoPayoutBankAccount"),
        (
            {
                "autoPayoutThreshold": "60000.00",
                "autoPayoutBankAccount": {**ACCOUNT, "bankCode": "999"},
            },
            "VALIDATION_ERROR",
            "autoPayoutBankAccount.bankCode",
        ),
        (
            {"autoPayoutBankAccount": {**ACCOUNT, "accountNumber": "0001234567"}},
            "VALIDATION_ERROR",
            "autoPayoutBankAccount.accountNumber",  # the bank knows no such account
        ),
        (
            {"autoPayoutBankAccount": {**ACCOUNT, "accountNumber": "12ab"}},
            "VALIDATION_ERROR",
            "autoPayoutBankAccount.accountNumber",
        ),
        (
            {"autoPayoutBankAccount": {**ACCOUNT, "bankCode": ""}},
            "VALIDATION_ERROR",
            "autoPayoutBankAccount.bankCode",
        ),
        # No Flutterwave gateway to send (or resolve the account) through.
        (
            {"payoutProvider": "FLUTTERWAVE", "autoPayoutBankAccount": ACCOUNT},
            "VALIDATION_ERROR",
            "payoutProvider",
        ),
        ({"payoutProvider": "BITCOIN"}, "VALIDATION_ERROR", "payoutProvider"),
        (
            {"autoPayoutThreshold": "1.001", "autoPayoutBankAccount": ACCOUNT},
            "VALIDATION_ERROR",
            "autoPayoutThreshold",
        ),
        (
            {"autoPayoutThreshold": "-1", "autoPayoutBankAccount": ACCOUNT},
            "VALIDATION_ERROR",
            "autoPayoutThreshold",
        ),
        # One refused field: the valid ones beside it are not written either.
        (
            {"name": "Renamed", "autoPayoutThreshold": "60000.00"},
            "VALIDATION_ERROR",
            "autoPayoutBankAccount",
        ),
    ]
    for given, code, field in cases:
        error = await admin.error(UPDATE, input=given)
        assert field_error(error) == (code, field), (given, error)
    assert (await admin.ok(ESTATE))["estate"] == before

    # While the auto-payout is on, its account cannot be taken away.
    await admin.ok(
        UPDATE, input={"autoPayoutThreshold": "60000.00", "autoPayoutBankAccount": ACCOUNT}
    )
    kept = await admin.error(UPDATE, input={"autoPayoutBankAccount": None, "name": "Renamed"})
    assert field_error(kept) == ("VALIDATION_ERROR", "autoPayoutBankAccount")
    after = (await admin.ok(ESTATE))["estate"]
    assert after["name"] == before["name"]
    assert after["settings"]["autoPayoutBankAccount"] == SHOWN_ACCOUNT

    # Payout settings are the estate admins': the operator and residents are refused.
    theirs = await operator.error(UPDATE, input={"autoPayoutThreshold": None}, estate=pw.slug)
    assert field_error(theirs) == ("FORBIDDEN", "autoPayoutThreshold")
    theirs = await operator.error(UPDATE, input={"autoPayoutBankAccount": ACCOUNT}, estate=pw.slug)
    assert field_error(theirs) == ("FORBIDDEN", "autoPayoutBankAccount")
    ada = pw.world.residents[0].client
    assert field_error(await ada.error(UPDATE, input={"autoPayoutThreshold": None}))[0] == (
        "FORBIDDEN"
    )
    # Another estate's admin cannot name this one.
    other = await build_world(gql, residents=0, prefix="pso")
    stranger = await other.admin.error(UPDATE, input={"autoPayoutThreshold": None}, estate=pw.slug)
    assert field_error(stranger) == ("NOT_FOUND", "estate")
    assert (await admin.ok(ESTATE))["estate"]["settings"]["autoPayoutThreshold"] == {
        "amount": "60000.00",
        "currency": "NGN",
    }


async def test_daily_auto_payout_without_any_earlier_payout_ends_paid(
    gql: GraphQLClient, http: httpx.AsyncClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)  # 100,000.00 collected, never paid out
    await pw.maker.ok(
        UPDATE, input={"autoPayoutThreshold": "60000.00", "autoPayoutBankAccount": ACCOUNT}
    )
    assert await tasks.auto_payouts(pw.slug, "2031-03-05T06:00:00+00:00") == 1
    # The same day again (a second scheduler, a retry): still one.
    assert await tasks.auto_payouts(pw.slug, "2031-03-05T06:00:00+00:00") == 0
    [auto] = await payouts_of(pw.maker)
    # What is above the threshold: 40,000.00, of which Paystack's fee is 25.00.
    assert (auto["status"], auto["amount"], auto["fee"]) == (
        "REQUESTED",
        {"amount": "39975.00"},
        {"amount": "25.00"},
    )
    assert auto["requestedBy"] is None  # the schedule asked; a person approves
    assert auto["note"] == "Automatic payout above 60000.00 NGN, 2031-03-05"
    assert auto["bankAccount"] == {
        "bankCode": "058",
        "accountNumberLast4": "6789",
        "accountName": "PALM GROVE ACCT 6789",
    }
    assert await pw.wallet() == {
        "balance": "100000.00",
        "available": "60000.00",
        "held": "40000.00",
    }

    approved = (await pw.maker.ok(APPROVE, id=auto["id"], n="monthly sweep"))["approvePayout"]
    assert approved["status"] == "APPROVED"  # any admin approves what the schedule asked
    assert await tasks.send_payout_once(pw.slug, auto["id"]) == "PROCESSING"
    sent = fake.desk.transfers[auto["reference"]]
    assert (sent.amount, sent.bank_code, sent.account_number) == (3_997_500, "058", "0123456789")
    await deliver(http, pw.slug, "paystack", fake.transfer_webhook(auto["reference"]))
    assert (await pw.maker.ok(PAYOUT, id=auto["id"]))["payout"]["status"] == "PAID"
    assert fake.desk.posts[auto["reference"]] == 1
    assert await pw.wallet() == {"balance": "60000.00", "available": "60000.00", "held": "0.00"}

    async with tenant_scope(pw.slug):
        # The amount is on its way to the bank; Paystack's fee is owed to Paystack.
        in_transit = await Account.get(code=PAYOUTS_IN_TRANSIT, currency="NGN")
        clearing = await Account.get(code=clearing_code("PAYSTACK"), currency="NGN")
    assert (in_transit.balance, clearing.balance) == (3_997_500, 2_500)

    # The next day nothing is above the threshold: nothing is asked.
    assert await tasks.auto_payouts(pw.slug, "2031-03-06T06:00:00+00:00") == 0
    assert len(await payouts_of(pw.maker)) == 1
    async with tenant_scope(pw.slug):
        assert await verify_ledger() == []


async def test_an_auto_payout_waits_for_a_person_and_may_be_cancelled(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    _, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url, revenue="1000.00")
    await pw.maker.ok(
        UPDATE, input={"autoPayoutThreshold": "1000.00", "autoPayoutBankAccount": ACCOUNT}
    )
    # Exactly at the threshold: nothing above it.
    assert await tasks.auto_payouts(pw.slug, "2031-03-05T06:00:00+00:00") == 0
    await pw.maker.ok(UPDATE, input={"autoPayoutThreshold": "400.00"})
    assert await tasks.auto_payouts(pw.slug, "2031-03-06T06:00:00+00:00") == 1
    [auto] = await payouts_of(pw.maker)
    assert auto["amount"] == {"amount": "590.00"} and auto["fee"] == {"amount": "10.00"}
    cancelled = await pw.checker.ok(CANCEL, id=auto["id"], n=f"not now {uuid.uuid4().hex[:4]}")
    assert cancelled["cancelPayout"]["status"] == "CANCELLED"
    assert await pw.wallet() == {"balance": "1000.00", "available": "1000.00", "held": "0.00"}
    # Turned off: no more payouts, whatever the balance.
    await pw.maker.ok(UPDATE, input={"autoPayoutThreshold": "0"})
    assert await tasks.auto_payouts(pw.slug, "2031-03-07T06:00:00+00:00") == 0
    async with tenant_scope(pw.slug):
        assert await verify_ledger() == []
