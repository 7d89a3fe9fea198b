"""Who a token is, remembered per API process, and forgotten everywhere at once.

Two app instances share the test's Redis (each with its own memory, its own revocation
subscription, and nothing else in common but the database): a change of access made
through one is refused by the other on its very next request, not after the TTL, because
the revocation is published before the change's request answers. The compiled read path
is off, so every request authenticates through `build_context` (the memory's user)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from tortoise.connection import get_connection

from estatepay.app import Runtime, create_app
from services.identity import revocations, sessions
from services.identity.authcache import AuthCache
from services.identity.models import PasswordReset, Session, User
from services.identity.recovery import token_hash
from services.identity.revocation_bus import HEARTBEAT_SECONDS, TRUST_SECONDS, decode, encode
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings
from tests.graphql.test_compiled_rules import statements
from tests.private_redis import PrivateRedis
from tests.world import populate

pytestmark = pytest.mark.usefixtures("database")

ME = "{ me { id fullName } }"
MEMBERS = "{ members { totalCount } }"  # estate admins only
BILLS = "{ bills { totalCount } }"  # members of the estate
LOGOUT = "mutation { logout }"


@dataclass
class Side:
    """One API process: its app, and an HTTP client of its own."""

    runtime: Runtime
    http: httpx.AsyncClient

    def client(self, of: GraphQLClient | None = None, tenant: str | None = None) -> GraphQLClient:
        """A client of this process, carrying `of`'s token (and estate, unless given)."""
        client = GraphQLClient(self.http)
        if of is not None:
            client.token, client.tenant = of.token, of.tenant
        if tenant is not None:
            client.tenant = tenant
        return client

    async def warm(self, of: GraphQLClient, query: str = ME) -> GraphQLClient:
        """`of` on this process, its identity remembered here (and seen served from memory:
        a test whose memory was never used could not fail)."""
        client = self.client(of)
        await client.ok(query)
        hits = self.runtime.identities.hits
        await client.ok(query)
        assert self.runtime.identities.hits == hits + 1
        return client


@asynccontextmanager
async def side(**overrides: Any) -> AsyncIterator[Side]:
    app = create_app(make_settings(compiled_reads=False, **overrides))
    runtime: Runtime = app.state.runtime
    await runtime.revocations.start()  # what the lifespan does (the database is open)
    subscribed = getattr(runtime.revocations, "subscribed", None)
    if subscribed is not None:
        await asyncio.wait_for(subscribed.wait(), 10)
    transport = httpx.ASGITransport(app=app, client=("127.0.0.9", 1234))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield Side(runtime, http)
    finally:
        await runtime.revocations.stop()
        if runtime.redis is not None:
            await runtime.redis.aclose()


@pytest.fixture
async def pair() -> AsyncIterator[tuple[Side, Side]]:
    async with side() as a, side() as b:
        yield a, b


def code(error: dict[str, Any]) -> str:
    return str(error["extensions"]["code"])


async def signed_in(on: Side, slug: str, email: str) -> GraphQLClient:
    return await on.client(tenant=slug).login(email)


async def test_a_remembered_caller_costs_no_sql(pair: tuple[Side, Side]) -> None:
    a, _ = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    pools = [get_connection(name)._pool for name in ("shared", "tenant")]
    for client in (admin, admin.as_tenant(None)):  # in an estate, and as nobody's member
        with statements(*pools) as cold:
            await client.ok(ME)
        assert cold, "the first request looks its caller up"
        with statements(*pools) as warm:
            await client.ok(ME)
        assert warm == []


async def test_a_logout_is_refused_by_the_other_process_at_once(pair: tuple[Side, Side]) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    there = await b.warm(admin)
    assert await admin.ok(LOGOUT) == {"logout": True}
    assert code(await there.error(ME)) == "UNAUTHENTICATED"
    assert code(await admin.error(ME)) == "UNAUTHENTICATED"


async def test_a_password_change_ends_the_other_sessions_everywhere(
    pair: tuple[Side, Side],
) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    changer = await signed_in(a, fixture.slug, fixture.admin_email)
    other = await b.warm(await signed_in(a, fixture.slug, fixture.admin_email))
    kept = await b.warm(changer)
    await changer.ok(
        "mutation($c: String!, $n: String!) "
        "{ changePassword(currentPassword: $c, newPassword: $n) }",
        c=PASSWORD,
        n="another-horse-12",
    )
    assert code(await other.error(ME)) == "UNAUTHENTICATED"
    await kept.ok(ME)  # the session that changed it stays signed in


async def test_a_password_reset_ends_every_session_everywhere(pair: tuple[Side, Side]) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    there = await b.warm(admin)
    user = await User.get(email=fixture.admin_email)
    token, now = uuid.uuid4().hex, datetime.now(UTC)
    await PasswordReset.create(
        user=user, token_hash=token_hash(token), created_at=now, expires_at=now + timedelta(hours=1)
    )
    reset = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }"
    await a.client().ok(reset, t=token, p="another-horse-12")
    assert code(await there.error(ME)) == "UNAUTHENTICATED"


async def test_a_removed_membership_is_refused_at_once(pair: tuple[Side, Side]) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    email = f"second@{fixture.slug}.test"
    added = await admin.ok(
        "mutation($e: String!, $p: String!) { addEstateAdmin(input: {email: $e, "
        'fullName: "Second", password: $p}) { user { id } } }',
        e=email,
        p=PASSWORD,
    )
    second = await b.warm(await signed_in(a, fixture.slug, email), MEMBERS)
    await admin.ok(
        "mutation($u: ID!) { removeMembership(userId: $u, role: ADMIN) { role } }",
        u=added["addEstateAdmin"]["user"]["id"],
    )
    assert code(await second.error(MEMBERS)) == "FORBIDDEN"


async def test_a_role_given_and_a_resident_deactivated_count_at_once(
    pair: tuple[Side, Side],
) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    world = await populate(a.client(), fixture.slug, fixture.admin_email, residents=2)
    promoted = await b.warm(world.residents[0].client, BILLS)
    leaving = await b.warm(world.residents[1].client, BILLS)
    assert code(await promoted.error(MEMBERS)) == "FORBIDDEN"
    await world.admin.ok(
        "mutation($e: String!, $p: String!) { addEstateAdmin(input: {email: $e, "
        'fullName: "Resident 0", password: $p}) { role } }',
        e=f"r0@{fixture.slug}.test",
        p=PASSWORD,
    )
    await promoted.ok(MEMBERS)  # the new role counts at once
    await world.admin.ok(
        'mutation($id: ID!) { deactivateResident(id: $id, reason: "moved") { active } }',
        id=world.residents[1].resident_id,
    )
    error = await leaving.error(BILLS)
    assert code(error) == "FORBIDDEN" and "deactivated" in error["message"]


async def test_a_suspended_or_archived_estate_is_refused_at_once(
    pair: tuple[Side, Side],
) -> None:
    a, b = pair
    operator = await a.client().login("operator@test.example")
    for action in ('suspendEstate(slug: $s, reason: "unpaid fees")', "archiveEstate(slug: $s)"):
        fixture = await make_estate("ac")
        admin = await b.warm(await signed_in(a, fixture.slug, fixture.admin_email), BILLS)
        await operator.ok(f"mutation($s: String!) {{ {action} {{ status }} }}", s=fixture.slug)
        error = await admin.error(BILLS)
        assert code(error) == "FORBIDDEN"
        assert "by the platform operator" in error["message"]


async def test_a_profile_or_estate_change_shows_at_once(pair: tuple[Side, Side]) -> None:
    """The remembered user and estate are what requests read (`me`, `estate`)."""
    a, b = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    there = await b.warm(admin, "{ me { fullName } estate { name } }")
    await admin.ok('mutation { updateProfile(input: {fullName: "New Name"}) { fullName } }')
    assert (await there.ok(ME))["me"]["fullName"] == "New Name"
    await b.warm(admin, "{ estate { name } }")
    await admin.ok('mutation { updateEstateSettings(input: {name: "Renamed"}) { name } }')
    assert (await there.ok("{ estate { name } }"))["estate"]["name"] == "Renamed"


async def test_without_its_subscription_a_process_remembers_nothing(
    pair: tuple[Side, Side],
) -> None:
    a, b = pair
    fixture = await make_estate("ac")
    admin = await signed_in(a, fixture.slug, fixture.admin_email)
    there = await b.warm(admin)
    await b.runtime.revocations.stop()  # as if its Redis connection were lost
    assert len(b.runtime.identities) == 0
    session = await Session.get(user__email=fixture.admin_email)
    await sessions.revoke(session.id)  # straight in the database: nobody is told
    assert code(await there.error(ME)) == "UNAUTHENTICATED"


async def test_a_process_that_loses_redis_stops_trusting_its_memory(
    private_redis: PrivateRedis,
) -> None:
    async with side(redis_url=private_redis.url) as b:
        fixture = await make_estate("ac")
        admin = await b.warm(await signed_in(b, fixture.slug, fixture.admin_email))
        private_redis.kill()
        await asyncio.sleep(HEARTBEAT_SECONDS + TRUST_SECONDS + 0.5)
        assert not b.runtime.identities.trusted()
        session = await Session.get(user__email=fixture.admin_email)
        await sessions.revoke(session.id)
        assert code(await admin.error(ME)) == "UNAUTHENTICATED"


async def test_the_embedded_default_forgets_at_once_in_process() -> None:
    async with side(redis_url=None) as only:
        fixture = await make_estate("ac")
        admin = await only.warm(await signed_in(only, fixture.slug, fixture.admin_email))
        await admin.ok(LOGOUT)
        assert code(await admin.error(ME)) == "UNAUTHENTICATED"


async def test_no_memory_when_the_ttl_is_zero() -> None:
    async with side(redis_url=None, auth_cache_seconds=0) as only:
        fixture = await make_estate("ac")
        admin = await signed_in(only, fixture.slug, fixture.admin_email)
        for _ in range(2):
            await admin.ok(ME)
        assert only.runtime.identities.hits == 0 and len(only.runtime.identities) == 0


def test_a_lookup_that_raced_a_revocation_is_not_remembered() -> None:
    cache: AuthCache[str] = AuthCache(30)
    ids = {"session": "s1", "user": "u1", "estate": "e1"}
    began = cache.begin()
    cache.drop([revocations.user("u1")])  # committed while the lookup ran
    cache.store("k", "stale", began, **ids)
    assert cache.get("k") is None
    began = cache.begin()
    cache.drop([revocations.user("u2")])  # someone else's: no reason to look again
    cache.store("k", "fine", began, **ids)
    assert cache.get("k") == "fine"
    began = cache.begin()
    cache.clear()  # the subscription came back: anything may have been missed
    cache.store("k", "unsure", began, **ids)
    assert cache.get("k") is None
    cache.store("k", "fresh", cache.begin(), **ids)
    assert cache.get("k") == "fresh"
    cache.drop([revocations.estate("e2"), revocations.session("s2")])  # someone else's
    assert cache.get("k") == "fresh"
    cache.drop([revocations.estate("e1")])
    assert cache.get("k") is None


def test_revocations_travel_as_text_and_garbage_is_ignored() -> None:
    sent = [revocations.session(uuid.UUID(int=1)), revocations.estate("e")]
    assert decode(encode(sent).encode()) == sent
    assert decode(b"nonsense user: :x session:abc") == [revocations.session("abc")]
