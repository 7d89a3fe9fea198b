"""Notifications: in-app rows written with the change, then email and SMS sent by the
delivery job to a fake SMTP server and a fake Twilio-compatible API (real servers)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from services.notifications.channels import (
    Channels,
    ConsoleEmailSender,
    ConsoleSmsSender,
    HttpSmsSender,
    SmtpEmailSender,
)
from services.notifications.delivery import deliver
from services.notifications.models import Notification, NotificationDelivery
from tenants.scope import tenant_scope
from tenants.settings import get_settings
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings
from tests.notification_fakes import FakeSms, FakeSmtp
from tests.world import build_world
from workers import tasks
from workers.tasks import notification_channels

SID, TOKEN, SMS_FROM = "AC" + "0" * 32, "sms-token", "+15550001111"
NOTIFICATIONS = (
    "query { notifications(first: 20) { edges { node { id kind title body readAt "
    "deliveries { channel status attempts lastError sentAt } } } } }"
)


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    with FakeSmtp.running() as fake:
        yield fake


@pytest.fixture
def sms() -> Iterator[FakeSms]:
    with FakeSms.running(SID, TOKEN) as fake:
        yield fake


@pytest.fixture
def channels(smtp: FakeSmtp, sms: FakeSms) -> Channels:
    return Channels(
        SmtpEmailSender("127.0.0.1", smtp.port, "Estate <billing@estate.test>", starttls=False),
        HttpSmsSender(sms.base_url, SID, TOKEN, SMS_FROM),
    )


@dataclass
class Household:
    slug: str
    estate_name: str
    admin: GraphQLClient
    resident: GraphQLClient
    resident_id: str
    user_id: str
    email: str
    phone: str

    async def bill(self, amount: str = "5000.00") -> dict[str, Any]:
        data = await self.admin.ok(
            "mutation($r: ID!, $a: Decimal!) { createBill(input: {residentId: $r, "
            'title: "Service charge", type: SERVICE_CHARGE, amount: $a, dueDate: "2030-01-31"})'
            " { id number } }",
            r=self.resident_id,
            a=amount,
        )
        return dict(data["createBill"])

    async def notifications(self, client: GraphQLClient | None = None) -> list[dict[str, Any]]:
        data = await (client or self.resident).ok(NOTIFICATIONS)
        return [e["node"] for e in data["notifications"]["edges"]]

    async def latest(self, kind: str) -> uuid.UUID:
        async with tenant_scope(self.slug):
            row = (
                await Notification.filter(user_id=self.user_id, kind=kind)
                .order_by("-created_at")
                .first()
            )
        assert row is not None, f"no {kind} notification"
        return row.id


async def household(gql: GraphQLClient, phone: str | None = "+2348012345678") -> Household:
    fixture = await make_estate("ntf")
    admin = await gql.as_tenant(fixture.slug).login(fixture.admin_email)
    prop = await admin.ok('mutation { createProperty(input: {name: "Block A"}) { id } }')
    unit = await admin.ok(
        'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "A1"}) { id } }',
        p=prop["createProperty"]["id"],
    )
    email = f"ada@{fixture.slug}.test"
    created = await admin.ok(
        "mutation($e: String!, $u: ID!, $ph: String) { createResident(input: {email: $e, "
        f'fullName: "Ada Obi", password: "{PASSWORD}", phone: $ph, unitIds: [$u]}}) {{ id }} }}',
        e=email,
        u=unit["createUnit"]["id"],
        ph=phone,
    )
    resident = await gql.as_tenant(fixture.slug).login(email)
    me = await resident.ok("query { me { id } }")
    return Household(
        fixture.slug,
        fixture.estate.name,
        admin,
        resident,
        created["createResident"]["id"],
        me["me"]["id"],
        email,
        phone or "",
    )


async def test_bill_created_reaches_the_resident_in_app_by_email_and_sms(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    bill = await home.bill("5000.00")
    [note] = [n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]
    assert bill["number"] in note["title"] and note["readAt"] is None
    assert note["deliveries"] == []

    report = await deliver(home.slug, uuid.UUID(note["id"]), channels)
    assert report.outcomes == {"EMAIL": "SENT", "SMS": "SENT"}, report.summary()

    [email] = smtp.to(home.email)
    assert email.sender == "billing@estate.test"
    assert bill["number"] in email.subject and home.estate_name in email.subject
    assert "Hello Ada Obi," in email.text
    assert "Amount: 5000.00 NGN" in email.text and "Due date: 2030-01-31" in email.text
    [text] = sms.to(home.phone)
    assert text.sender == SMS_FROM and bill["number"] in text.body

    [note] = [n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]
    by_channel = {d["channel"]: d for d in note["deliveries"]}
    assert {c: (d["status"], d["attempts"]) for c, d in by_channel.items()} == {
        "EMAIL": ("SENT", 1),
        "SMS": ("SENT", 1),
    }
    assert by_channel["EMAIL"]["sentAt"] and by_channel["EMAIL"]["lastError"] is None


async def test_no_phone_means_no_sms(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql, phone=None)
    await home.bill()
    report = await deliver(home.slug, await home.latest("BILL_CREATED"), channels)
    assert report.outcomes == {"EMAIL": "SENT"}
    assert sms.messages == []


async def test_preferences_turn_channels_and_kinds_off(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    defaults = await home.resident.ok("query { notificationPreferences { email sms mutedKinds } }")
    assert defaults["notificationPreferences"] == {"email": True, "sms": True, "mutedKinds": []}
    changed = await home.resident.ok(
        "mutation { setNotificationPreferences(input: {email: false}) { email sms mutedKinds } }"
    )
    assert changed["setNotificationPreferences"] == {"email": False, "sms": True, "mutedKinds": []}

    await home.bill()
    report = await deliver(home.slug, await home.latest("BILL_CREATED"), channels)
    assert report.outcomes == {"SMS": "SENT"}
    assert smtp.to(home.email) == []
    assert len(sms.to(home.phone)) == 1

    # A kind muted: in-app only, whatever the channels say.
    muted = await home.resident.ok(
        'mutation { setNotificationPreferences(input: {email: true, mutedKinds: ["BILL_CREATED"]})'
        " { email sms mutedKinds } }"
    )
    assert muted["setNotificationPreferences"] == {
        "email": True,
        "sms": True,
        "mutedKinds": ["BILL_CREATED"],
    }
    await home.bill()
    report = await deliver(home.slug, await home.latest("BILL_CREATED"), channels)
    assert report.outcomes == {}
    assert smtp.to(home.email) == [] and len(sms.to(home.phone)) == 1
    assert len([n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]) == 2

    error = await home.resident.error(
        'mutation { setNotificationPreferences(input: {mutedKinds: ["NOPE"]}) { email } }'
    )
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    assert error["extensions"]["field"] == "mutedKinds"

    # Preferences belong to the estate: the admin's own are still the defaults.
    admin_prefs = await home.admin.ok("query { notificationPreferences { email sms } }")
    assert admin_prefs["notificationPreferences"] == {"email": True, "sms": True}


async def test_smtp_failing_then_recovering_is_retried_and_sent_once(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")

    smtp.failing = True
    first = await deliver(home.slug, notification_id, channels)
    assert first.outcomes == {"EMAIL": "FAILED", "SMS": "SENT"}
    assert not first.complete and "451" in first.errors["EMAIL"]
    async with tenant_scope(home.slug):
        failed = await NotificationDelivery.get(notification_id=notification_id, channel="EMAIL")
    assert (failed.status, failed.attempts) == ("FAILED", 1)
    assert failed.last_error and "451" in failed.last_error

    smtp.failing = False
    second = await deliver(home.slug, notification_id, channels)
    assert second.outcomes == {"EMAIL": "SENT", "SMS": "ALREADY_SENT"}
    assert second.complete
    assert len(smtp.to(home.email)) == 1 and len(sms.to(home.phone)) == 1
    [note] = [n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]
    by_channel = {d["channel"]: d for d in note["deliveries"]}
    assert (by_channel["EMAIL"]["status"], by_channel["EMAIL"]["attempts"]) == ("SENT", 2)
    assert by_channel["EMAIL"]["lastError"] is None
    assert by_channel["SMS"]["attempts"] == 1


async def test_a_delivery_is_never_sent_twice(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    await deliver(home.slug, notification_id, channels)
    again = await deliver(home.slug, notification_id, channels)
    assert again.outcomes == {"EMAIL": "ALREADY_SENT", "SMS": "ALREADY_SENT"}
    assert again.complete

    # Two runs at once (a redelivered message while the first still runs): one sends.
    await home.bill()
    racing = await home.latest("BILL_CREATED")
    reports = await asyncio.gather(*(deliver(home.slug, racing, channels) for _ in range(3)))
    assert sorted(r.outcomes["EMAIL"] for r in reports).count("SENT") == 1
    assert len(smtp.to(home.email)) == 2 and len(sms.to(home.phone)) == 2


async def test_refused_addresses_are_undeliverable_and_not_retried(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    smtp.refused.add(home.email)
    sms.invalid_numbers.add(home.phone)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    report = await deliver(home.slug, notification_id, channels)
    assert report.outcomes == {"EMAIL": "UNDELIVERABLE", "SMS": "UNDELIVERABLE"}
    assert report.complete  # nothing a retry could fix
    again = await deliver(home.slug, notification_id, channels)
    assert again.outcomes == {"EMAIL": "ALREADY_UNDELIVERABLE", "SMS": "ALREADY_UNDELIVERABLE"}
    async with tenant_scope(home.slug):
        rows = await NotificationDelivery.filter(notification_id=notification_id)
    assert {r.channel: r.attempts for r in rows} == {"EMAIL": 1, "SMS": 1}
    assert all(r.last_error for r in rows)


async def test_sms_api_down_is_retried(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    home = await household(gql)
    sms.failing_with = 503
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    first = await deliver(home.slug, notification_id, channels)
    assert first.outcomes == {"EMAIL": "SENT", "SMS": "FAILED"}
    sms.failing_with = None
    second = await deliver(home.slug, notification_id, channels)
    assert second.outcomes == {"EMAIL": "ALREADY_SENT", "SMS": "SENT"}
    assert len(sms.to(home.phone)) == 1 and len(smtp.to(home.email)) == 1


async def test_who_hears_of_what(gql: GraphQLClient) -> None:
    """Acknowledged (admins), bulk bills (each resident, by number), a rejected transfer
    (payment failed), a wallet frozen and unfrozen: all in-app, in the same transaction."""
    world = await build_world(gql, residents=2, prefix="ntw")
    ada, bo = world.residents
    created = await world.admin.ok(
        'mutation($p: ID!) { createBills(input: {propertyId: $p, title: "Levy", type: LEVY, '
        'amount: "100.00", dueDate: "2030-02-01"}) { count bills { number resident { id } } } }',
        p=world.property_id,
    )
    numbers = {b["resident"]["id"]: b["number"] for b in created["createBills"]["bills"]}
    for person in (ada, bo):
        data = await person.client.ok(NOTIFICATIONS)
        titles = [e["node"]["title"] for e in data["notifications"]["edges"]]
        assert titles == [f"New bill {numbers[person.resident_id]}: Levy"]

    bill = await world.bill(ada, "300.00")  # acknowledged by Ada
    admin_notes = (await world.admin.ok(NOTIFICATIONS))["notifications"]["edges"]
    assert any(
        e["node"]["kind"] == "BILL_ACKNOWLEDGED" and bill["number"] in e["node"]["title"]
        for e in admin_notes
    )

    submitted = await ada.client.ok(
        'mutation($b: ID!) { submitManualPayment(billId: $b, bankReference: "TRF-1", '
        'idempotencyKey: "m1") { id reference } }',
        b=bill["id"],
    )
    payment = submitted["submitManualPayment"]
    await world.admin.ok(
        'mutation($p: ID!) { rejectManualPayment(paymentId: $p, note: "no such transfer") '
        "{ status } }",
        p=payment["id"],
    )
    ada_notes = [e["node"] for e in (await ada.client.ok(NOTIFICATIONS))["notifications"]["edges"]]
    [failed] = [n for n in ada_notes if n["kind"] == "PAYMENT_FAILED"]
    assert payment["reference"] in failed["title"] and failed["body"] == "no such transfer"

    await world.admin.ok(
        'mutation($w: ID!) { freezeWallet(walletId: $w, reason: "under review") { frozen } }',
        w=bo.wallet_id,
    )
    await world.admin.ok(
        "mutation($w: ID!) { unfreezeWallet(walletId: $w) { frozen } }", w=bo.wallet_id
    )
    bo_kinds = [
        e["node"]["kind"] for e in (await bo.client.ok(NOTIFICATIONS))["notifications"]["edges"]
    ]
    assert bo_kinds[:2] == ["WALLET_UNFROZEN", "WALLET_FROZEN"]


async def test_unconfigured_channels_write_to_the_log(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    """The embedded default's path: the in-process job, console backends."""
    unconfigured = notification_channels(make_settings())
    assert isinstance(unconfigured.email, ConsoleEmailSender)
    assert isinstance(unconfigured.sms, ConsoleSmsSender)
    configured = notification_channels(
        make_settings(
            smtp_host="mail.test", sms_account_sid=SID, sms_auth_token=TOKEN, sms_from=SMS_FROM
        )
    )
    assert isinstance(configured.email, SmtpEmailSender)
    assert isinstance(configured.sms, HttpSmsSender)
    if get_settings().smtp_host or get_settings().sms_account_sid:
        pytest.skip("this process's environment configures real channels")

    home = await household(gql)
    await home.bill()
    notification_id = await home.latest("BILL_CREATED")
    with caplog.at_level(logging.INFO, logger="services.notifications.channels"):
        await tasks.deliver_notification(home.slug, str(notification_id))
    assert f"email to {home.email}" in caplog.text and f"sms to {home.phone}" in caplog.text
    [note] = [n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]
    assert {d["channel"]: d["status"] for d in note["deliveries"]} == {
        "EMAIL": "SENT",
        "SMS": "SENT",
    }


async def test_preferences_are_per_estate(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, channels: Channels
) -> None:
    """One person living in two estates: turning email off in one leaves the other."""
    home = await household(gql)
    await home.resident.ok(
        "mutation { setNotificationPreferences(input: {email: false}) { email } }"
    )
    other = await make_estate("ntf")
    admin_b = await gql.as_tenant(other.slug).login(other.admin_email)
    prop = await admin_b.ok('mutation { createProperty(input: {name: "B"}) { id } }')
    unit = await admin_b.ok(
        'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "B1"}) { id } }',
        p=prop["createProperty"]["id"],
    )
    await admin_b.ok(
        "mutation($e: String!, $u: ID!) { createResident(input: {email: $e, "
        f'fullName: "Ada Obi", password: "{PASSWORD}", unitIds: [$u]}}) {{ id }} }}',
        e=home.email,
        u=unit["createUnit"]["id"],
    )
    in_b = home.resident.as_tenant(other.slug)
    prefs = await in_b.ok("query { notificationPreferences { email sms } }")
    assert prefs["notificationPreferences"] == {"email": True, "sms": True}

    await home.bill()
    report_a = await deliver(home.slug, await home.latest("BILL_CREATED"), channels)
    assert "EMAIL" not in report_a.outcomes
    async with tenant_scope(other.slug):
        note_b = await Notification.create(
            user_id=home.user_id, kind="BILL_REMINDER", title="Bill due soon", body="Pay it"
        )
    report_b = await deliver(other.slug, note_b.id, channels)
    assert report_b.outcomes["EMAIL"] == "SENT"
    [email] = smtp.to(home.email)
    assert other.estate.name in email.subject
    # Another estate's slug never finds this estate's notification.
    assert (await deliver(home.slug, note_b.id, channels)).outcomes == {}
