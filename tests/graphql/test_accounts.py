"""Accounts: password reset (same answer for any email, rate-limited, single use, 30
minutes by an injected clock), password change, profile, logout and its reach (HTTP,
WebSocket door), password rules stated in the error."""

from __future__ import annotations

import re
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from estatepay.wsdoor import UNAUTHORIZED, Refused, admit
from resolvers.context import RequestContext
from services.audit.models import AuditEntry
from services.errors import ValidationFailed
from services.identity import recovery
from services.identity.throttle import MemoryFailureCounter
from services.notifications.channels import SmtpEmailSender
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings
from tests.notification_fakes import FakeSmtp

REQUEST = "mutation($e: String!) { requestPasswordReset(email: $e) }"
RESET = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }"
CHANGE = (
    "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }"
)
ME = "{ me { email fullName phone } }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
NEW_PASSWORD = "new-secret-pass-77"


async def timed(http: httpx.AsyncClient, email: str) -> tuple[bytes, float]:
    started = time.perf_counter()
    response = await http.post("/graphql", json={"query": REQUEST, "variables": {"e": email}})
    return response.content, time.perf_counter() - started


async def mailed_token(smtp: FakeSmtp, email: str, now: datetime) -> str:
    sender = SmtpEmailSender(host="127.0.0.1", port=smtp.port, sender="x@test", starttls=False)
    assert await recovery.send_reset(email, sender, now)
    text = smtp.to(email)[-1].text
    (token,) = re.findall(r"^([A-Za-z0-9_-]{43})\r?$", text, re.MULTILINE)  # its own line
    return str(token)


async def test_a_reset_is_asked_alike_for_any_email_and_rate_limited(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    fixture = await make_estate("reset")
    known, unknown = [], []
    for n in range(recovery.REQUESTS_PER_EMAIL):
        known.append(await timed(http, fixture.admin_email))
        unknown.append(await timed(http, f"nobody{n}-{uuid.uuid4().hex}@nowhere.test"))
    # The same bytes, whoever the email belongs to...
    assert {body for body, _ in known + unknown} == {b'{"data":{"requestPasswordReset":true}}'}
    # ... in comparable time: the lookup and the email happen in a background job.
    known_time = statistics.median(t for _, t in known)
    unknown_time = statistics.median(t for _, t in unknown)
    assert max(known_time, unknown_time) < 5 * min(known_time, unknown_time) + 0.05
    # The limit counts per email, known or not.
    limited = await gql.error(REQUEST, e=fixture.admin_email)
    assert limited["extensions"]["code"] == "RATE_LIMITED"
    nobody = f"again-{uuid.uuid4().hex}@nowhere.test"
    for _ in range(recovery.REQUESTS_PER_EMAIL):
        await gql.ok(REQUEST, e=nobody)
    assert (await gql.error(REQUEST, e=nobody))["extensions"]["code"] == "RATE_LIMITED"
    bad = await gql.error(REQUEST, e="not an email")
    assert bad["extensions"] == {"code": "VALIDATION_ERROR", "field": "email"}


async def test_a_reset_token_is_single_use_expires_and_ends_every_session(
    gql: GraphQLClient,
) -> None:
    fixture = await make_estate("reset")
    email = fixture.admin_email
    signed_in = await gql.as_tenant(fixture.slug).login(email)
    with FakeSmtp.running() as smtp:
        assert not await recovery.send_reset("nobody@nowhere.test", _unused_sender(), _now())
        # Expired: the injected clock is 31 minutes on.
        issued_at = datetime.now(UTC)
        stale = await mailed_token(smtp, email, issued_at)
        with pytest.raises(ValidationFailed) as expired:
            await recovery.reset_password(stale, NEW_PASSWORD, issued_at + timedelta(minutes=31))
        assert expired.value.field == "token"
        # A fresh token spends the older one.
        older = await mailed_token(smtp, email, datetime.now(UTC))
        token = await mailed_token(smtp, email, datetime.now(UTC))
    anyone = GraphQLClient(gql.http)
    spent = await anyone.error(RESET, t=older, p=NEW_PASSWORD)
    assert spent["extensions"] == {"code": "VALIDATION_ERROR", "field": "token"}
    weak = await anyone.error(RESET, t=token, p="short1")
    assert weak["extensions"] == {"code": "VALIDATION_ERROR", "field": "newPassword"}
    assert "at least 10 characters" in weak["message"]
    assert (await anyone.ok(RESET, t=token, p=NEW_PASSWORD)) == {"resetPassword": True}
    reused = await anyone.error(RESET, t=token, p=NEW_PASSWORD + "x")
    assert reused["extensions"] == {"code": "VALIDATION_ERROR", "field": "token"}
    # Every earlier session is over; the new password signs in, the old does not.
    assert (await signed_in.error(ME))["extensions"]["code"] == "UNAUTHENTICATED"
    await GraphQLClient(gql.http).login(email, NEW_PASSWORD)
    old = await GraphQLClient(gql.http).error(LOGIN, e=email, p=PASSWORD)
    assert old["extensions"]["code"] == "UNAUTHENTICATED"
    async with tenant_scope(fixture.slug):
        assert await AuditEntry.filter(action="resetPassword").count() == 1


async def test_change_password_keeps_this_session_and_ends_the_others(
    gql: GraphQLClient,
) -> None:
    fixture = await make_estate("chpw")
    here = await gql.as_tenant(fixture.slug).login(fixture.admin_email)
    there = await GraphQLClient(gql.http).as_tenant(fixture.slug).login(fixture.admin_email)
    wrong = await here.error(CHANGE, c="not-my-password-1", n=NEW_PASSWORD)
    assert wrong["extensions"] == {"code": "VALIDATION_ERROR", "field": "currentPassword"}
    for weak, rule in [
        ("short-1", "at least 10 characters"),
        ("onlyletterspassword", "mix letters with digits or symbols"),
        (fixture.admin_email, "must not be your email"),
        ("Password123", "most common passwords"),
    ]:
        error = await here.error(CHANGE, c=PASSWORD, n=weak)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "newPassword"}
        assert rule in error["message"], error["message"]
    assert (await here.ok(CHANGE, c=PASSWORD, n=NEW_PASSWORD)) == {"changePassword": True}
    assert (await here.ok(ME))["me"]["email"] == fixture.admin_email
    assert (await there.error(ME))["extensions"]["code"] == "UNAUTHENTICATED"
    async with tenant_scope(fixture.slug):
        entry = await AuditEntry.get(action="changePassword")
    assert entry.after == {"otherSessionsRevoked": 1}


async def test_update_profile_is_audited_with_before_and_after(gql: GraphQLClient) -> None:
    fixture = await make_estate("prof")
    me = await gql.as_tenant(fixture.slug).login(fixture.admin_email)
    update = "mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { fullName phone } }"
    changed = await me.ok(update, i={"fullName": "Ada Admin", "phone": "+2348000000001"})
    assert changed == {"updateProfile": {"fullName": "Ada Admin", "phone": "+2348000000001"}}
    bad = await me.error(update, i={"phone": "call me"})
    assert bad["extensions"] == {"code": "VALIDATION_ERROR", "field": "phone"}
    cleared = await me.ok(update, i={"phone": ""})
    assert cleared["updateProfile"]["phone"] is None
    async with tenant_scope(fixture.slug):
        entries = await AuditEntry.filter(action="updateProfile").order_by("id")
    assert [(e.before, e.after) for e in entries] == [
        (
            {"fullName": "Admin Person", "phone": None},
            {"fullName": "Ada Admin", "phone": "+2348000000001"},
        ),
        (
            {"fullName": "Ada Admin", "phone": "+2348000000001"},
            {"fullName": "Ada Admin", "phone": None},
        ),
    ]
    anonymous = await GraphQLClient(gql.http).error(update, i={"fullName": "X"})
    assert anonymous["extensions"]["code"] == "UNAUTHENTICATED"


async def test_logout_ends_the_token_for_http_and_the_websocket_door(gql: GraphQLClient) -> None:
    fixture = await make_estate("out")
    me = await gql.as_tenant(fixture.slug).login(fixture.admin_email)
    other = await GraphQLClient(gql.http).as_tenant(fixture.slug).login(fixture.admin_email)
    socket = RequestContext(
        make_settings(),
        MemoryFailureCounter(),
        "127.0.0.1",
        connection_params={"authorization": f"Bearer {me.token}", "tenant": fixture.slug},
    )
    await admit(socket)  # let in while the session stands
    assert (await me.ok("mutation { logout }")) == {"logout": True}
    assert (await me.error(ME))["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await me.error("mutation { logout }"))["extensions"]["code"] == "UNAUTHENTICATED"
    with pytest.raises(Refused) as refused:
        await admit(socket.for_operation())
    assert refused.value.code == UNAUTHORIZED
    assert (await other.ok(ME))["me"]["email"] == fixture.admin_email  # only that session


def _now() -> datetime:
    return datetime.now(UTC)


def _unused_sender() -> SmtpEmailSender:
    return SmtpEmailSender(host="127.0.0.1", port=9, sender="x@test")
