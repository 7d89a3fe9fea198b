"""Receipts: gapless per-estate numbers given with success, the receipt PDF, its rights,
and the receipt attached to the payment-succeeded email."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import pytest

from services.ledger.verify import verify_ledger
from services.notifications.channels import (
    Channels,
    ConsoleEmailSender,
    ConsoleSmsSender,
    EmailMessage,
    SmtpEmailSender,
)
from services.notifications.delivery import deliver
from services.notifications.models import Notification
from services.payments.models import Payment
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_wallet_concurrency import acknowledged_bills
from tests.notification_fakes import FakeSmtp
from tests.pdftext import fetch, fetch_pdf, pdf_text
from tests.world import World, build_world

PAY = """mutation($b: ID!, $k: String!, $a: Decimal) {
  payBillFromWallet(billId: $b, idempotencyKey: $k, amount: $a) {
    id reference status receiptNumber receiptUrl } }"""
SUBMIT = """mutation($b: ID!, $a: Decimal) { submitManualPayment(billId: $b, amount: $a,
  bankReference: "TRF-1", idempotencyKey: "m1") { id receiptNumber receiptUrl } }"""


async def test_receipts_are_numbered_on_success_and_state_the_payment(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada = world.residents[0]
    await world.fund(ada, "1000.00")
    bill = await world.bill(ada, "300.00")
    first = (await ada.client.ok(PAY, b=bill["id"], k="a", a="100.00"))["payBillFromWallet"]
    second = (await ada.client.ok(PAY, b=bill["id"], k="b", a="50.00"))["payBillFromWallet"]
    assert (first["receiptNumber"], second["receiptNumber"]) == ("RCT-000001", "RCT-000002")
    assert first["receiptUrl"] == f"/receipts/{first['id']}.pdf"

    text = await fetch_pdf(ada.client, first["receiptUrl"])
    for expected in (
        f"Estate {world.slug}",
        "Receipt RCT-000001",
        first["reference"],
        "Resident 0",
        bill["number"],
        "Service charge",
        "Wallet",
        "NGN 100.00",
        "Remaining balance on the bill",
        "NGN 150.00",  # after both payments
    ):
        assert expected in text, (expected, text)
    assert "REFUNDED" not in text

    await world.admin.ok(
        'mutation($p: ID!) { refundPayment(paymentId: $p, reason: "duplicate", '
        'idempotencyKey: "r1") { status } }',
        p=first["id"],
    )
    refunded = await fetch_pdf(world.admin, first["receiptUrl"])
    assert "[REFUNDED]" in refunded and "This payment was refunded." in refunded
    assert "Refunded" in refunded and "NGN 250.00" in refunded  # balance after the refund

    # A payment that failed gets no number, and no receipt.
    manual = (await ada.client.ok(SUBMIT, b=bill["id"], a="20.00"))["submitManualPayment"]
    await world.admin.ok(
        'mutation($p: ID!) { rejectManualPayment(paymentId: $p, note: "no such transfer") '
        "{ status } }",
        p=manual["id"],
    )
    shown = await ada.client.ok(
        "query($id: ID!) { payment(id: $id) { status receiptNumber receiptUrl } }", id=manual["id"]
    )
    assert shown["payment"] == {"status": "FAILED", "receiptNumber": None, "receiptUrl": None}
    assert (await fetch(ada.client, f"/receipts/{manual['id']}.pdf")).status_code == 404

    # The next success takes the next number: nothing was used up by the failure.
    third = (await ada.client.ok(PAY, b=bill["id"], k="c", a="10.00"))["payBillFromWallet"]
    assert third["receiptNumber"] == "RCT-000003"


async def test_a_receipt_is_404_to_another_resident_or_estate_and_401_without_a_token(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=2)
    other = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "100.00")
    paid = (await ada.client.ok(PAY, b=bill["id"], k="a", a=None))["payBillFromWallet"]
    url = paid["receiptUrl"]
    assert (await fetch(world.residents[1].client, url)).status_code == 404
    assert (await fetch(other.admin, url)).status_code == 404
    assert (await fetch(other.residents[0].client, url)).status_code == 404
    assert (await fetch(world.admin, "/receipts/nothing.pdf")).status_code == 404
    anonymous = gql.as_tenant(world.slug)
    assert (await fetch(anonymous, url)).status_code == 401
    # The payment's owner and the estate's admin read it.
    assert "RCT-000001" in await fetch_pdf(world.admin, url)
    # GraphQL agrees: another estate's payment is NOT_FOUND there too.
    error = await other.admin.error("query($id: ID!) { payment(id: $id) { id } }", id=paid["id"])
    assert error["extensions"]["code"] == "NOT_FOUND"


async def test_200_concurrent_successes_get_200_gapless_receipt_numbers(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    bills = await acknowledged_bills(world, 199, "100.00")
    await world.fund(ada, "15000.00")  # 150 succeed, 50 are refused and roll back
    results = await asyncio.gather(
        *(ada.client.execute(PAY, b=bill, k=uuid.uuid4().hex, a=None) for bill in bills)
    )
    numbers = [
        r["data"]["payBillFromWallet"]["receiptNumber"] for r in results if not r.get("errors")
    ]
    assert len(numbers) == 150
    assert sorted(numbers) == [f"RCT-{n:06d}" for n in range(1, 151)]
    await world.fund(ada, "5000.00")
    unpaid = [b for b, r in zip(bills, results, strict=True) if r.get("errors")]
    again = await asyncio.gather(
        *(ada.client.ok(PAY, b=bill, k=uuid.uuid4().hex, a=None) for bill in unpaid)
    )
    more = sorted(r["payBillFromWallet"]["receiptNumber"] for r in again)
    assert more == [f"RCT-{n:06d}" for n in range(151, 201)]
    async with tenant_scope(world.slug):
        assert await Payment.filter(receipt_number__isnull=False).count() == 200
        assert await verify_ledger() == []


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    with FakeSmtp.running() as fake:
        yield fake


async def paid_in_full(gql: GraphQLClient) -> tuple[World, Notification]:
    """A resident's bill of 100.00 paid from the wallet, and its payment-succeeded note."""
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "100.00")
    await ada.client.ok(PAY, b=bill["id"], k="a", a=None)
    async with tenant_scope(world.slug):
        return world, await Notification.get(kind="PAYMENT_SUCCEEDED")


async def test_the_payment_succeeded_email_carries_the_receipt(
    gql: GraphQLClient, smtp: FakeSmtp
) -> None:
    world, note = await paid_in_full(gql)
    channels = Channels(
        SmtpEmailSender("127.0.0.1", smtp.port, "Estate <billing@estate.test>", starttls=False),
        ConsoleSmsSender(),
    )
    report = await deliver(world.slug, note.id, channels)
    assert report.outcomes["EMAIL"] == "SENT"
    (received,) = smtp.to(f"r0@{world.slug}.test")
    (attachment,) = list(received.message.iter_attachments())
    assert attachment.get_filename() == "receipt-RCT-000001.pdf"
    text = pdf_text(attachment.get_content())
    assert "Receipt RCT-000001" in text and "NGN 100.00" in text


class LoggedEmails:
    """A sender like the console one (nothing leaves, attachments dropped), keeping what
    it was given."""

    carries_attachments = False

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    async def send(self, message: EmailMessage) -> str | None:
        self.sent.append(message)
        return None


async def test_no_receipt_is_rendered_for_a_sender_that_drops_attachments(
    gql: GraphQLClient,
) -> None:
    world, note = await paid_in_full(gql)
    emails = LoggedEmails()
    report = await deliver(world.slug, note.id, Channels(emails, ConsoleSmsSender()))
    assert report.outcomes["EMAIL"] == "SENT"
    (message,) = emails.sent
    assert message.to == f"r0@{world.slug}.test" and message.attachments == ()
    assert ConsoleEmailSender.carries_attachments is False  # the embedded default's sender
