"""refundWalletBalance's refusals, each with its code and field and nothing moved, and an
estate that cannot be archived while a wallet refund is on its way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from tests.conftest import GraphQLClient
from tests.graphql.test_estate_status import ARCHIVE
from tests.graphql.test_payouts import deliver
from tests.payout_world import APPROVE, BANK, fake_paystack
from tests.refund_world import REFUND, code_and_field, refund_world
from workers import tasks

MOVE_OUT = "mutation($r: ID!, $u: ID!) { moveOutResident(residentId: $r, unitId: $u) { id } }"
REACTIVATE = "mutation($id: ID!) { reactivateResident(id: $id) { active } }"
FREEZE = 'mutation($w: ID!) { freezeWallet(walletId: $w, reason: "dispute") { frozen } }'
UNFREEZE = "mutation($w: ID!) { unfreezeWallet(walletId: $w) { frozen } }"
LEAVE = "mutation($u: ID!) { removeMembership(userId: $u, role: ADMIN) { role } }"


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = fake_paystack()
    with serving(fake.app()) as url:
        yield fake, url


async def test_bad_requests_name_their_field_and_move_nothing(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url, funded="500.00", residents=2)
    other = await refund_world(gql, "PAYSTACK", url)
    cases: list[tuple[dict[str, Any], tuple[str, str]]] = [
        ({"a": "0"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "-5.00"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "1.234"}, ("VALIDATION_ERROR", "amount")),
        ({"a": "500.01"}, ("INSUFFICIENT_FUNDS", "amount")),
        ({"a": "10.00"}, ("VALIDATION_ERROR", "amount")),  # no more than Paystack's fee
        ({"a": "5.00", "c": "USD"}, ("VALIDATION_ERROR", "currency")),
        ({"why": "  "}, ("VALIDATION_ERROR", "reason")),
        ({"k": ""}, ("VALIDATION_ERROR", "idempotencyKey")),
        ({"r": "not-an-id"}, ("VALIDATION_ERROR", "residentId")),
        ({"r": other.ada.resident_id}, ("NOT_FOUND", "residentId")),
        ({"b": {**BANK, "bankCode": "999"}}, ("VALIDATION_ERROR", "bankAccount.bankCode")),
        ({"b": {**BANK, "bankCode": "0 5"}}, ("VALIDATION_ERROR", "bankAccount.bankCode")),
        (
            {"b": {**BANK, "accountNumber": "12ab"}},
            ("VALIDATION_ERROR", "bankAccount.accountNumber"),
        ),
        (  # a number the bank does not know
            {"b": {**BANK, "accountNumber": "0001234567"}},
            ("VALIDATION_ERROR", "bankAccount.accountNumber"),
        ),
    ]
    for given, expected in cases:
        assert code_and_field(await rw.ask(**given)) == expected, given

    # A resident may not ask, for their own wallet or Ada's; another estate's admin
    # cannot see Ada.
    bea = rw.world.residents[1]
    for whose in (bea.resident_id, rw.ada.resident_id):
        mine = await bea.client.execute(REFUND, r=whose, why="mine", k="o", b=BANK)
        assert mine["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    theirs = await other.maker.execute(REFUND, r=rw.ada.resident_id, why="x", k="x", b=BANK)
    assert code_and_field(theirs) == ("NOT_FOUND", "residentId")

    # A frozen wallet is not refunded.
    await rw.maker.ok(FREEZE, w=rw.ada.wallet_id)
    assert code_and_field(await rw.ask()) == ("WALLET_FROZEN", "residentId")
    await rw.maker.ok(UNFREEZE, w=rw.ada.wallet_id)
    # An active resident who lives here spends their wallet: refused until they leave.
    await rw.maker.ok(REACTIVATE, id=rw.ada.resident_id)
    assert code_and_field(await rw.ask()) == ("INVALID_STATE", "residentId")
    await rw.maker.ok(MOVE_OUT, r=rw.ada.resident_id, u=rw.ada.unit_id)

    # Nothing moved so far; a moved-out resident is refunded.
    assert (await rw.wallet())["available"] == "500.00"
    assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (0, 0)}
    assert not fake.desk.transfers
    refund = await rw.refund(a="100.00")
    assert refund["status"] == "REQUESTED"
    # The same key for another request is a conflict naming the key; a retry is alike.
    assert code_and_field(await rw.ask(a="50.00")) == ("IDEMPOTENCY_CONFLICT", "idempotencyKey")
    assert await rw.refund(a="100.00") == refund
    # Everything else, then nothing left to refund.
    rest = await rw.refund(k="rest")
    assert rest["amount"] == {"amount": "390.00", "currency": "NGN"}  # 400.00 less the fee
    assert code_and_field(await rw.ask(k="more")) == ("INVALID_STATE", "residentId")
    assert (await rw.wallet())["balance"] == "0.00"
    assert (await rw.accounts())["in_transit"] == (50000, 50000)

    # An estate left with one admin is told it needs a second (maker-checker).
    me = (await rw.checker.ok("{ me { id } }"))["me"]["id"]
    await rw.checker.ok(LEAVE, u=me)
    lone = await rw.ask(k="lone", a="1.00")
    assert code_and_field(lone) == ("INVALID_STATE", None)
    assert "second estate admin" in lone["errors"][0]["message"]


async def test_an_estate_is_not_archived_while_a_wallet_refund_is_on_its_way(
    gql: GraphQLClient,
    operator: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url, funded="100.00")
    refund = await rw.refund()  # all of it: the wallet is empty
    assert (await rw.wallet())["balance"] == "0.00"
    for step in ("requested", "sent"):
        refused = await operator.error(ARCHIVE, s=rw.slug)
        assert refused["extensions"] == {"code": "INVALID_STATE", "field": "slug"}, step
        assert "wallet-refunds:in-transit holds 100.00 NGN" in refused["message"], step
        if step == "requested":
            await rw.checker.ok(APPROVE, id=refund["id"])
            assert await tasks.send_payout_once(rw.slug, refund["id"]) == "PROCESSING"
    await deliver(http, rw.slug, "paystack", fake.transfer_webhook(refund["reference"]))
    # Paid: nothing is owed or held any more.
    assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (9000, 0)}
    archived = await operator.ok(ARCHIVE, s=rw.slug)
    assert archived["archiveEstate"] == {"status": "ARCHIVED"}
