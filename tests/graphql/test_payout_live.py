"""`payoutUpdated` over a real WebSocket (the app under uvicorn on this loop): an admin of
the estate follows a payout through every status; another estate's admin hears none of
it, and a resident may not subscribe."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from redis.asyncio import Redis

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services import events
from services.live import RedisPublisher
from tests.conftest import REDIS_URL, GraphQLClient
from tests.graphql.test_payouts import deliver
from tests.payout_world import APPROVE, fake_paystack, payout_world
from tests.test_websocket_door import serving as serving_app
from tests.wsclient import LiveClient, live_client
from workers import tasks

UPDATED = (
    "subscription($id: ID) { payoutUpdated(id: $id) { id reference status "
    "amount { amount } decidedBy { fullName } } }"
)


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = fake_paystack()
    with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture
async def published() -> AsyncIterator[None]:
    """What this process commits (the API client's changes, the jobs the test runs)
    goes to Redis pub/sub, as the API and worker processes publish it."""
    client = Redis.from_url(REDIS_URL)
    publisher = RedisPublisher(client)
    events.install_outlet(publisher.publish)
    yield
    events.remove_outlet(publisher.publish)
    await publisher.close()
    await client.aclose()


def token(client: GraphQLClient) -> str:
    assert client.token is not None
    return client.token


async def next_status(client: LiveClient, op: str) -> tuple[str, str]:
    payout = (await client.next(op)).data["payoutUpdated"]
    return payout["id"], payout["status"]


async def test_admins_follow_their_estates_payouts_only(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    published: None,
) -> None:
    fake, url = paystack
    pw = await payout_world(gql, "PAYSTACK", url)
    elsewhere = await payout_world(gql, "PAYSTACK", url, revenue="500.00")
    resident = pw.world.residents[0].client
    async with (
        serving_app() as served,
        live_client(served.base, token(pw.checker), pw.slug) as admin,
        live_client(served.base, token(elsewhere.maker), elsewhere.slug) as stranger,
        live_client(served.base, token(resident), pw.slug) as ada,
    ):
        every = await admin.subscribe(UPDATED)
        theirs = await stranger.subscribe(UPDATED)
        refused = await ada.subscribe(UPDATED)
        assert (await ada.error(refused))["extensions"]["code"] == "FORBIDDEN"
        await admin.live()
        await stranger.live()

        payout = await pw.request("3000.00")
        assert await next_status(admin, every) == (payout["id"], "REQUESTED")
        one = await admin.subscribe(UPDATED, id=payout["id"])  # just this payout
        # Another estate's payout id is not found here, for either estate's admin.
        other = await stranger.subscribe(UPDATED, id=payout["id"])
        assert (await stranger.error(other))["extensions"]["code"] == "NOT_FOUND"
        await admin.live()

        await pw.checker.ok(APPROVE, id=payout["id"])
        for op in (every, one):
            assert await next_status(admin, op) == (payout["id"], "APPROVED")
        assert await tasks.send_payout_once(pw.slug, payout["id"]) == "PROCESSING"
        for op in (every, one):
            assert await next_status(admin, op) == (payout["id"], "PROCESSING")
        await deliver(http, pw.slug, "paystack", fake.transfer_webhook(payout["reference"]))
        for op in (every, one):
            received = (await admin.next(op)).data["payoutUpdated"]
            assert (received["id"], received["status"]) == (payout["id"], "PAID")
            assert received["decidedBy"] == {"fullName": "Second Admin"}

        # The other estate's admin was subscribed all along: the first payout event
        # it hears is its own estate's, published after all of the above.
        own = await elsewhere.request("100.00")
        assert await next_status(stranger, theirs) == (own["id"], "REQUESTED")
        assert stranger.pending(theirs) == []
        assert admin.pending(every) == [] and admin.pending(one) == []
