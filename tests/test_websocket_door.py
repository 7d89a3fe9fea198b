"""The WebSocket door, over real sockets against the real app (uvicorn, in this process):
credentials are checked at `connection_init` and refused before any `connection_ack`, a
silent socket is closed, and the caps per address, per user and per socket hold, on both
protocols."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from estatepay.app import create_app
from estatepay.demo.fakes.server import free_port
from estatepay.wsdoor import Door
from services.identity.models import Membership, User
from services.identity.sessions import revoke, start_session
from services.identity.tokens import issue_token
from services.live import Hub
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings
from tests.wsclient import (
    LEGACY_WS,
    TRANSPORT_WS,
    LiveClient,
    live_client,
    refused_with,
    socket_url,
    until_closed,
)

pytestmark = pytest.mark.usefixtures("database")

PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
BILLS = "subscription { billUpdated { id status } }"
SECRET = make_settings().secret_key


@dataclass
class Served:
    base: str
    door: Door
    hub: Hub


@asynccontextmanager
async def serving(**settings: Any) -> AsyncIterator[Served]:
    """The app with these settings under uvicorn on a free port, on this test's loop (the
    session's database is already open here, so the app's lifespan is not run: the hub,
    which subscriptions need, is started by hand)."""
    app = create_app(make_settings(**settings))
    runtime = app.state.runtime
    await runtime.hub.start()
    port = free_port()
    config = uvicorn.Config(app, port=port, lifespan="off", log_config=None, log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), task.result()
        await asyncio.sleep(0.01)
    served = Served(f"http://127.0.0.1:{port}", runtime.door, runtime.hub)
    try:
        yield served
        # Every socket the test opened is closed by now: none may still be counted.
        await counted(served.door, 0)
    finally:
        server.should_exit = True
        await task
        await runtime.hub.stop()
        await runtime.redis.aclose()


async def counted(door: Door, sockets: int) -> None:
    """Wait for the server to have noticed the sockets closed so far."""
    for _ in range(500):  # 10 s
        if door.sockets() == sockets:
            return
        await asyncio.sleep(0.02)
    pytest.fail(f"{door.sockets()} sockets still counted, not {sockets}")


@asynccontextmanager
async def opened(base: str, protocol: str = TRANSPORT_WS) -> AsyncIterator[ClientConnection]:
    async with connect(socket_url(base), subprotocols=[Subprotocol(protocol)]) as ws:
        yield ws


@dataclass
class People:
    slug: str
    other_slug: str
    admin_token: str
    other_admin_token: str
    operator_token: str


async def login(gql: GraphQLClient, email: str) -> str:
    client = await gql.login(email, PASSWORD)
    assert client.token is not None
    return client.token


@pytest.fixture
async def people(gql: GraphQLClient) -> People:
    mine, other = await make_estate("door"), await make_estate("door")
    return People(
        mine.slug,
        other.slug,
        await login(gql, mine.admin_email),
        await login(gql, other.admin_email),
        await login(gql, "operator@test.example"),
    )


def bearer(token: str) -> str:
    return f"Bearer {token}"


async def expired_token(slug: str) -> str:
    user = await User.get(email=f"admin@{slug}.test")
    return issue_token(user.id, uuid.uuid4(), SECRET, timedelta(seconds=-1)).token


def assert_refused(outcome: tuple[int | None, list[dict[str, Any]]], code: int) -> None:
    close_code, messages = outcome
    assert close_code == code, (close_code, messages)
    assert "connection_ack" not in [m.get("type") for m in messages], messages


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_no_bad_or_expired_token_is_closed_4401_before_any_ack(
    people: People, protocol: str
) -> None:
    payloads: list[Any] = [
        {},
        {"tenant": people.slug},
        {"authorization": "", "tenant": people.slug},
        {"authorization": 12345, "tenant": people.slug},
        {"authorization": "Bearer not-a-token", "tenant": people.slug},
        {"authorization": f"Basic {people.admin_token}", "tenant": people.slug},
        {"authorization": bearer(people.admin_token) + "x", "tenant": people.slug},
        {"authorization": bearer("x" * 100_000), "tenant": people.slug},
        {"authorization": bearer(await expired_token(people.slug)), "tenant": people.slug},
        # A bad token is 4401 whatever the tenant.
        {"authorization": "Bearer not-a-token", "tenant": "no such estate"},
    ]
    async with serving() as served:
        for payload in payloads:
            assert_refused(await refused_with(served.base, payload, protocol), 4401)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_a_tenant_without_membership_is_closed_4403_before_any_ack(
    people: People, protocol: str
) -> None:
    admin = bearer(people.admin_token)
    payloads: list[Any] = [
        {"authorization": admin, "tenant": people.other_slug},  # another estate's
        {"authorization": admin, "tenant": "no-such-estate-here"},
        {"authorization": admin},
        {"authorization": admin, "tenant": ""},
        {"authorization": admin, "tenant": ["a", "list"]},
        {"authorization": admin, "tenant": "x" * 5000},
        {"authorization": admin, "tenant": people.slug + "\x00"},
        {"authorization": admin, "tenant": "dé-mo"},
        # Platform operators hold no estate by their role: nothing live to listen to.
        {"authorization": bearer(people.operator_token), "tenant": people.slug},
        {"authorization": bearer(people.operator_token)},
    ]
    async with serving() as served:
        for payload in payloads:
            assert_refused(await refused_with(served.base, payload, protocol), 4403)
        # The same credentials where they belong are acknowledged (and not case-sensitive).
        async with live_client(served.base, people.admin_token, people.slug.upper(), protocol):
            pass


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_a_socket_that_never_sends_connection_init_is_closed(protocol: str) -> None:
    async with (
        serving(ws_connection_init_timeout_seconds=0.5) as served,
        opened(served.base, protocol) as ws,
    ):
        started = time.monotonic()
        messages = await until_closed(ws, within=10)
        assert ws.close_code == 4408, messages
        assert time.monotonic() - started >= 0.4
        assert messages == []


async def test_a_second_connection_init_on_the_legacy_protocol_is_refused(
    people: People,
) -> None:
    async with (
        serving() as served,
        live_client(served.base, people.admin_token, people.slug, LEGACY_WS) as client,
    ):
        client._reader.cancel()
        payload = {"authorization": bearer(people.other_admin_token), "tenant": people.other_slug}
        await client.ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        await until_closed(client.ws)
        assert client.ws.close_code == 4429


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_sockets_per_address_are_capped(people: People, protocol: str) -> None:
    async with (
        serving(ws_max_sockets_per_address=2, ws_connection_init_timeout_seconds=60) as served,
        AsyncExitStack() as stack,
    ):
        # Counted from the moment a socket is accepted: silent sockets hold a place too.
        first = await stack.enter_async_context(opened(served.base, protocol))
        await stack.enter_async_context(
            live_client(served.base, people.admin_token, people.slug, protocol)
        )
        async with opened(served.base, protocol) as third:
            assert await until_closed(third) == []
            assert third.close_code == 4429
        await first.close()
        await counted(served.door, 1)
        # A place freed is a place taken again.
        async with live_client(served.base, people.other_admin_token, people.other_slug):
            pass


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_sockets_per_user_are_capped(people: People, protocol: str) -> None:
    async with serving(ws_max_sockets_per_user=2) as served:
        async with AsyncExitStack() as stack:
            for _ in range(2):
                await stack.enter_async_context(
                    live_client(served.base, people.admin_token, people.slug, protocol)
                )
            payload = {"authorization": bearer(people.admin_token), "tenant": people.slug}
            assert_refused(await refused_with(served.base, payload, protocol), 4429)
            # Another user from the same address is not affected.
            async with live_client(served.base, people.other_admin_token, people.other_slug):
                pass
        # Sockets closed give their places back.
        await counted(served.door, 0)
        async with live_client(served.base, people.admin_token, people.slug, protocol):
            pass


async def subscribe_error(client: LiveClient) -> dict[str, Any] | None:
    """The error a new subscription gets straight away, if any."""
    op = await client.subscribe(BILLS)
    if client.protocol == TRANSPORT_WS:
        await client.live()  # the pong comes after the subscription is live or refused
        return client.errors[op].result()[0] if client.errors[op].done() else None
    try:  # no ping on the legacy protocol: give a refusal time to arrive
        return await client.error(op, within=1.5)
    except TimeoutError:
        return None


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_operations_per_socket_are_capped(people: People, protocol: str) -> None:
    async with (
        serving(ws_max_subscriptions_per_socket=2) as served,
        live_client(served.base, people.admin_token, people.slug, protocol) as client,
    ):
        assert await subscribe_error(client) is None
        assert await subscribe_error(client) is None
        error = await subscribe_error(client)
        assert error is not None
        assert error["extensions"]["code"] == "RATE_LIMITED", error
        # The socket stays, its subscriptions too; one stopped frees a place.
        stop = "complete" if protocol == TRANSPORT_WS else "stop"
        await client.ws.send(json.dumps({"id": "1", "type": stop}))
        assert await subscribe_error(client) is None


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_open_sockets_are_closed_4403_once_the_token_expires_or_the_membership_goes(
    people: People, protocol: str
) -> None:
    """Checked again every WS_RECHECK_SECONDS: a token that expires, a session signed out
    and a membership removed close their sockets (and end their subscriptions); a good
    socket stays."""
    user = await User.get(email=f"admin@{people.slug}.test")
    signed_out = await start_session(user.id, SECRET, timedelta(hours=1))
    async with AsyncExitStack() as stack:
        served = await stack.enter_async_context(serving(ws_recheck_seconds=0.3))
        # Minted once the server is up, with room for a slow machine to connect in time
        # (a token's expiry counts whole seconds).
        short = (await start_session(user.id, SECRET, timedelta(seconds=4))).token
        expiring, revoked, kept, removed = [
            await stack.enter_async_context(live_client(served.base, token, slug, protocol))
            for token, slug in (
                (short, people.slug),
                (signed_out.token, people.slug),
                (people.other_admin_token, people.other_slug),
                (people.admin_token, people.slug),
            )
        ]
        for client in (expiring, revoked, kept, removed):
            await client.subscribe(BILLS)
        await asyncio.wait_for(expiring.ws.wait_closed(), 10)
        assert expiring.ws.close_code == 4403
        assert revoked.ws.close_code is None
        await revoke(signed_out.session_id)
        await asyncio.wait_for(revoked.ws.wait_closed(), 10)
        assert revoked.ws.close_code == 4403
        assert removed.ws.close_code is None
        await Membership.filter(user_id=user.id).delete()
        await asyncio.wait_for(removed.ws.wait_closed(), 10)
        assert removed.ws.close_code == 4403
        # The other estate's admin, still a member with a good token, stays connected.
        await asyncio.sleep(1)
        assert kept.ws.close_code is None
        await kept.close()
