"""End to end: a committed bill sends `deliver_notification` through Redis to a real
`estatepay worker`, which emails through a fake SMTP server and texts through a fake
Twilio-compatible API; a failing SMTP server is retried by Dramatiq until it recovers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from services import events
from tests.conftest import GraphQLClient
from tests.graphql.test_notifications import SID, SMS_FROM, TOKEN, household
from tests.notification_fakes import FakeSms, FakeSmtp
from tests.world import eventually
from workers.broker import jobs_outlet


@pytest.fixture(scope="module")
def smtp() -> Iterator[FakeSmtp]:
    with FakeSmtp.running() as fake:
        yield fake


@pytest.fixture(scope="module")
def sms() -> Iterator[FakeSms]:
    with FakeSms.running(SID, TOKEN) as fake:
        yield fake


@pytest.fixture(scope="module")
def worker_env(smtp: FakeSmtp, sms: FakeSms) -> dict[str, str]:
    return {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp.port),
        "SMTP_STARTTLS": "false",
        "SMTP_FROM": "Estate <billing@estate.test>",
        "SMS_API_BASE_URL": sms.base_url,
        "SMS_ACCOUNT_SID": SID,
        "SMS_AUTH_TOKEN": TOKEN,
        "SMS_FROM": SMS_FROM,
    }


@pytest.fixture
def jobs(app: Any) -> Iterator[None]:
    """Committed changes in this process send their jobs to Redis, through the API's own
    dispatcher."""
    outlet = jobs_outlet(app.state.runtime.dispatcher)
    events.install_outlet(outlet)
    yield
    events.remove_outlet(outlet)


async def test_worker_emails_and_texts_and_retries_a_failing_smtp_server(
    gql: GraphQLClient, smtp: FakeSmtp, sms: FakeSms, worker: None, jobs: None
) -> None:
    home = await household(gql)
    smtp.failing = True
    bill = await home.bill("750.00")

    async def email_status() -> dict[str, Any]:
        [note] = [n for n in await home.notifications() if n["kind"] == "BILL_CREATED"]
        return {d["channel"]: d for d in note["deliveries"]}

    async def email_failed() -> bool:
        email = (await email_status()).get("EMAIL")
        return bool(email and email["status"] == "FAILED")

    await eventually(email_failed, within=60)
    failed = (await email_status())["EMAIL"]
    assert "451" in failed["lastError"] and smtp.to(home.email) == []

    async def texted() -> bool:
        return len(sms.to(home.phone)) == 1

    await eventually(texted, within=60)

    smtp.failing = False

    async def emailed() -> bool:
        return (await email_status())["EMAIL"]["status"] == "SENT"

    await eventually(emailed, within=90)
    [email] = smtp.to(home.email)
    assert bill["number"] in email.subject and "Amount: 750.00 NGN" in email.text
    [text] = sms.to(home.phone)
    assert text.sender == SMS_FROM and bill["number"] in text.body
    deliveries = await email_status()
    assert deliveries["EMAIL"]["attempts"] >= 2 and deliveries["SMS"]["attempts"] == 1
