"""refundWalletBalance: a leaving resident's wallet balance paid back to their bank account
as a payout (purpose WALLET_REFUND) that a second admin approves and the fake Paystack or
Flutterwave sends over HTTP. The money leaves the wallet at once; it reaches the bank, or
comes back to the wallet (rejected, cancelled, failed, reversed), each step once however
often it is asked or reported; the estate's revenue is never touched; the ledger holds."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services import events
from services.audit.models import AuditEntry
from services.ledger.models import JournalEntry
from services.ledger.verify import verify_ledger
from services.notifications.models import Notification
from services.residents.models import Resident
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_payouts import deliver
from tests.payout_world import APPROVE, CANCEL, PAYOUT, REJECT, fake_flutterwave, fake_paystack
from tests.refund_world import RefundWorld, refund_world
from workers import tasks

NOTIFICATIONS = "{ notifications(first: 10) { edges { node { kind title } } } }"


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


@pytest.fixture
async def announced() -> AsyncIterator[list[events.DomainEvent]]:
    """The domain events this process commits (what subscriptions are fed from)."""
    seen: list[events.DomainEvent] = []

    async def keep(event: events.DomainEvent) -> None:
        seen.append(event)

    events.install_outlet(keep)
    yield seen
    events.remove_outlet(keep)


async def kinds_told(client: GraphQLClient) -> list[str]:
    edges = (await client.ok(NOTIFICATIONS))["notifications"]["edges"]
    return [e["node"]["kind"] for e in edges]


async def resident_told(rw: RefundWorld) -> list[str]:
    """What the deactivated resident was told (they can no longer sign in to read it)."""
    async with tenant_scope(rw.slug):
        resident = await Resident.get(id=rw.ada.resident_id)
        found = await Notification.filter(user_id=resident.user_id).values_list("kind", flat=True)
    return [str(kind) for kind in found]


async def test_two_admins_refund_a_wallet_to_the_bank_once(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    announced: list[events.DomainEvent],
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url)
    # Asked twice at once under one key: one payout, both answers alike.
    first, again = await asyncio.gather(rw.ask(a="600.00"), rw.ask(a="600.00"))
    assert first == again
    refund = first["data"]["refundWalletBalance"]
    assert (refund["status"], refund["purpose"]) == ("REQUESTED", "WALLET_REFUND")
    assert refund["residentId"] == rw.ada.resident_id
    # Paystack's 10.00 fee comes out of the 600.00 that left the wallet.
    assert (refund["amount"], refund["fee"]) == (
        {"amount": "590.00", "currency": "NGN"},
        {"amount": "10.00"},
    )
    assert refund["bankAccount"]["accountName"] == "PALM GROVE ACCT 6789"
    assert refund["requestedBy"] == {"fullName": "Admin Person"}
    # The money left the wallet at once, into the refunds in transit, held there.
    assert await rw.wallet() == {
        "balance": "400.00",
        "available": "400.00",
        "last": {
            "kind": "REFUND",
            "amount": {"amount": "-600.00"},
            "description": "moved out",
            "reference": refund["reference"],
        },
    }
    assert await rw.accounts() == {
        "revenue": (0, 0),
        "in_transit": (60000, 60000),
        "paid": (0, 0),
    }
    async with tenant_scope(rw.slug):
        trail = await AuditEntry.filter(action="refundWalletBalance").all()
    assert len(trail) == 1 and trail[0].object_id == refund["id"]
    assert trail[0].before == {"walletBalance": 100000}
    assert (trail[0].after or {})["walletBalance"] == 40000
    assert (trail[0].after or {})["amount"] == 60000
    assert any(e.topic == "payout" and e.object_id == refund["id"] for e in announced)

    # The admin who asked cannot approve; the second admin does, twice: decided once.
    denied = await rw.maker.error(APPROVE, id=refund["id"])
    assert denied["extensions"]["code"] == "FORBIDDEN"
    approvals = await asyncio.gather(*(rw.checker.ok(APPROVE, id=refund["id"]) for _ in range(3)))
    assert {a["approvePayout"]["status"] for a in approvals} == {"APPROVED"}
    sends = await asyncio.gather(*(tasks.send_payout_once(rw.slug, refund["id"]) for _ in range(3)))
    assert sorted(sends) == ["PROCESSING"] * 3
    assert fake.desk.posts[refund["reference"]] == 1
    assert fake.desk.transfers[refund["reference"]].amount == 59000  # kobo

    # The provider's word, twice: paid once; the money left the refunds in transit.
    for _ in range(2):
        await deliver(http, rw.slug, "paystack", fake.transfer_webhook(refund["reference"]))
        paid = (await rw.checker.ok(PAYOUT, id=refund["id"]))["payout"]
        assert paid["status"] == "PAID" and paid["completedAt"]
        assert await rw.accounts() == {
            "revenue": (0, 0),
            "in_transit": (0, 0),
            "paid": (59000, 0),
        }
    assert (await rw.wallet())["balance"] == "400.00"
    async with tenant_scope(rw.slug):
        assert await AuditEntry.filter(action="approvePayout").count() == 1
    assert "WALLET_REFUNDED" in await resident_told(rw)
    assert {"PAYOUT_REQUESTED", "PAYOUT_APPROVED", "PAYOUT_PAID"} <= set(
        await kinds_told(rw.checker)
    )
    statuses = [e for e in announced if e.topic == "payout" and e.object_id == refund["id"]]
    assert len(statuses) >= 4  # requested, approved, processing, paid
    # The estate's payouts list shows it, with its purpose.
    listed = await rw.maker.ok("{ payouts { edges { node { id purpose } } } }")
    only = {"node": {"id": refund["id"], "purpose": "WALLET_REFUND"}}
    assert listed["payouts"]["edges"] == [only]


async def test_rejected_or_cancelled_refunds_come_back_to_the_wallet(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url)
    first = await rw.refund(a="300.00", k="r1")
    second = await rw.refund(a="200.00", k="r2")
    assert (await rw.wallet())["balance"] == "500.00"
    assert (await rw.accounts())["in_transit"] == (50000, 50000)

    for _ in range(2):  # a second rejection changes nothing
        rejected = (await rw.checker.ok(REJECT, id=first["id"], n="wrong account"))["rejectPayout"]
        assert (rejected["status"], rejected["decisionNote"]) == ("REJECTED", "wrong account")
        assert (await rw.wallet())["balance"] == "800.00"
    assert (await rw.wallet())["last"] == {
        "kind": "REFUND",
        "amount": {"amount": "300.00"},
        "description": f"Wallet refund {first['reference']} rejected: back in the wallet",
        "reference": first["reference"],
    }
    # Only the admin who asked cancels; then the rest is back too.
    assert (await rw.checker.error(CANCEL, id=second["id"]))["extensions"]["code"] == "FORBIDDEN"
    await rw.maker.ok(CANCEL, id=second["id"])
    assert await rw.wallet() == {
        "balance": "1000.00",
        "available": "1000.00",
        "last": {
            "kind": "REFUND",
            "amount": {"amount": "200.00"},
            "description": f"Wallet refund {second['reference']} cancelled: back in the wallet",
            "reference": second["reference"],
        },
    }
    assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (0, 0)}
    error = await rw.checker.error(APPROVE, id=first["id"])
    assert error["extensions"]["code"] == "INVALID_STATE"
    assert not fake.desk.transfers
    assert (await resident_told(rw)).count("WALLET_REFUND_RETURNED") == 2
    # `ledger verify` notices a refund that ended unpaid without giving the money back.
    async with tenant_scope(rw.slug):
        await JournalEntry.filter(idempotency_key=f"wallet-refund-back:{first['id']}").update(
            idempotency_key="lost"
        )
        assert await verify_ledger() == [
            f"wallet refund {first['reference']} is REJECTED with 0 entries giving it back"
        ]


async def test_a_refused_transfer_gives_the_money_back(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url)
    refund = await rw.refund(k="all")  # everything: 1000.00
    assert (await rw.wallet())["balance"] == "0.00"
    await rw.checker.ok(APPROVE, id=refund["id"])
    fake.failing_with = 400
    assert await tasks.send_payout_once(rw.slug, refund["id"]) == "FAILED"
    assert await tasks.send_payout_once(rw.slug, refund["id"]) == "FAILED"
    assert (await rw.wallet())["balance"] == "1000.00"
    assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (0, 0)}


async def test_a_failed_transfer_reported_twice_gives_the_money_back_once(
    gql: GraphQLClient, http: httpx.AsyncClient, flutterwave: tuple[FakeFlutterwave, str]
) -> None:
    fake, url = flutterwave
    rw = await refund_world(gql, "FLUTTERWAVE", url)
    fake.desk.outcome = "pending"
    refund = await rw.refund(a="700.00")
    assert refund["fee"] == {"amount": "10.75"}
    await rw.checker.ok(APPROVE, id=refund["id"])
    assert await tasks.send_payout_once(rw.slug, refund["id"]) == "PROCESSING"
    fake.desk.settle(refund["reference"], "failed", "Account is closed")
    for _ in range(2):
        await deliver(http, rw.slug, "flutterwave", fake.transfer_webhook(refund["reference"]))
        failed = (await rw.checker.ok(PAYOUT, id=refund["id"]))["payout"]
        assert (failed["status"], failed["failureMessage"]) == ("FAILED", "Account is closed")
        assert (await rw.wallet())["balance"] == "1000.00"
        assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (0, 0)}


async def test_a_refund_the_bank_returns_goes_back_to_the_wallet_not_the_estate(
    gql: GraphQLClient, http: httpx.AsyncClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, url = paystack
    rw = await refund_world(gql, "PAYSTACK", url)
    refund = await rw.refund(a="1000.00")  # 990.00 sent, 10.00 fee
    await rw.checker.ok(APPROVE, id=refund["id"])
    await tasks.send_payout_once(rw.slug, refund["id"])
    await deliver(http, rw.slug, "paystack", fake.transfer_webhook(refund["reference"]))
    fake.desk.settle(refund["reference"], "reversed")
    for _ in range(2):
        await deliver(http, rw.slug, "paystack", fake.transfer_webhook(refund["reference"]))
    assert (await rw.checker.ok(PAYOUT, id=refund["id"]))["payout"]["status"] == "REVERSED"
    # The amount came back to the resident; the fee was spent.
    assert (await rw.wallet())["balance"] == "990.00"
    assert await rw.accounts() == {"revenue": (0, 0), "in_transit": (0, 0), "paid": (0, 0)}
