"""Live subscriptions across two `estatepay serve` processes on PostgreSQL and Redis,
driven as client apps would: GraphQL over WebSocket for the subscribers, HTTP for the
changes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from tenants.settings import Settings
from tests.acceptance.test_serve import clean_env, serve
from tests.conftest import DATABASE_URL, REDIS_URL, GraphQLClient
from tests.world import World, build_world
from tests.wsclient import LEGACY_WS, TRANSPORT_WS, live_client, refused_with

# After the events that must arrive have arrived, how long the ones that must not arrive
# get to show up anyway.
GRACE_SECONDS = 1.0

BILL = "subscription($id: ID) { billUpdated(billId: $id) { id status amountPaid { amount } } }"
WALLET = "subscription { walletUpdated { id balance { amount } } }"
PAYMENT = (
    "subscription($r: String) { paymentUpdated(reference: $r) "
    "{ reference status amount { amount } bill { id } } }"
)
PAYSTACK_SECRET = "sk_test_fake_paystack_secret"
PAY = (
    "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
    "{ reference status } }"
)


def server_env(database: Settings) -> dict[str, str]:
    return {
        **clean_env(),
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": database.secret_key,
        "GRAPHIQL_ENABLED": "false",
    }


@pytest.fixture(scope="module")
def servers(database: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """Two API processes on different ports, sharing the test database and Redis."""
    env = server_env(database)
    cwd = tmp_path_factory.mktemp("live")
    with serve(cwd, env) as (first, _), serve(cwd, env) as (second, _):
        yield [first, second]


@pytest.fixture(scope="module")
def worker(database: Settings) -> Iterator[None]:
    process = subprocess.Popen(
        [sys.executable, "-m", "estatepay.cli", "worker", "--threads", "2"],
        env=server_env(database),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    time.sleep(1.5)
    assert process.poll() is None, process.stdout.read() if process.stdout else ""
    yield
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(PAYSTACK_SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def world_on(servers: list[str], residents: int = 2) -> tuple[World, GraphQLClient]:
    """An estate built through process 2, plus a client of process 2."""
    http = httpx.AsyncClient(base_url=servers[1], timeout=30)
    gql = GraphQLClient(http)
    return await build_world(gql, residents=residents, prefix="live"), gql


def token_of(client: GraphQLClient) -> str:
    assert client.token is not None
    return client.token


async def test_a_payment_on_one_process_reaches_its_owner_and_admins_on_the_other(
    servers: list[str],
) -> None:
    first, _second = servers
    world, _ = await world_on(servers)
    payer, neighbour = world.residents
    await world.fund(payer, "100.00")
    bill = await world.bill(payer, "40.00")
    elsewhere, _ = await world_on(servers, residents=1)
    stranger = elsewhere.residents[0]
    await elsewhere.fund(stranger, "100.00")

    async with (
        live_client(first, token_of(payer.client), world.slug) as owner,
        live_client(first, token_of(world.admin), world.slug) as admin,
        live_client(first, token_of(neighbour.client), world.slug) as other_resident,
        live_client(first, token_of(stranger.client), elsewhere.slug) as other_estate,
    ):
        owner_bill = await owner.subscribe(BILL)
        owner_wallet = await owner.subscribe(WALLET)
        admin_bill = await admin.subscribe(BILL)
        admin_payment = await admin.subscribe(PAYMENT)
        quiet = [
            (other_resident, await other_resident.subscribe(BILL)),
            (other_resident, await other_resident.subscribe(WALLET)),
            (other_resident, await other_resident.subscribe(PAYMENT)),
            (other_estate, await other_estate.subscribe(BILL)),
            (other_estate, await other_estate.subscribe(WALLET)),
            (other_estate, await other_estate.subscribe(PAYMENT)),
        ]
        for client in (owner, admin, other_resident, other_estate):
            await client.live()

        # The payment goes through process 2.
        paid = (await payer.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex))["payBillFromWallet"]
        assert paid["status"] == "SUCCEEDED"

        bill_event = await owner.next(owner_bill)
        assert bill_event.data["billUpdated"] == {
            "id": bill["id"],
            "status": "PAID",
            "amountPaid": {"amount": "40.00"},
        }
        wallet_event = await owner.next(owner_wallet)
        assert wallet_event.data["walletUpdated"] == {
            "id": payer.wallet_id,
            "balance": {"amount": "60.00"},
        }
        # The bound: from the commit to the client within one second.
        assert bill_event.latency <= 1.0, bill_event.latency
        assert wallet_event.latency <= 1.0, wallet_event.latency

        admin_sees = (await admin.next(admin_bill)).data["billUpdated"]
        assert (admin_sees["id"], admin_sees["status"]) == (bill["id"], "PAID")
        payment = (await admin.next(admin_payment)).data["paymentUpdated"]
        assert payment["reference"] == paid["reference"]
        assert payment["status"] == "SUCCEEDED"
        assert payment["bill"] == {"id": bill["id"]}

        await asyncio.sleep(GRACE_SECONDS)
        for client, op in quiet:
            assert client.pending(op) == [], f"subscription {op} heard another's change"
        assert owner.pending(owner_bill) == []  # one commit, one message


async def test_subscription_to_one_bill_or_one_payment(servers: list[str]) -> None:
    first, _ = servers
    world, _ = await world_on(servers)
    payer = world.residents[0]
    await world.fund(payer, "100.00")
    watched = await world.bill(payer, "10.00")
    other = await world.bill(payer, "20.00")
    async with (
        live_client(first, token_of(payer.client), world.slug) as owner,
        live_client(first, token_of(world.admin), world.slug) as admin,
    ):
        one_bill = await owner.subscribe(BILL, id=watched["id"])
        await owner.live()
        await payer.client.ok(PAY, b=other["id"], k=uuid.uuid4().hex)
        paid = (await payer.client.ok(PAY, b=watched["id"], k=uuid.uuid4().hex))[
            "payBillFromWallet"
        ]
        event = (await owner.next(one_bill)).data["billUpdated"]
        assert (event["id"], event["status"]) == (watched["id"], "PAID")

        one_payment = await owner.subscribe(PAYMENT, r=paid["reference"])
        admin_payment = await admin.subscribe(PAYMENT, r=paid["reference"])
        await owner.live()
        await admin.live()
        payment_id = (
            await payer.client.ok(
                "query($r: String!) { paymentByReference(reference: $r) { id } }",
                r=paid["reference"],
            )
        )["paymentByReference"]["id"]
        await world.admin.ok(
            "mutation($p: ID!, $k: String!) { refundPayment(paymentId: $p, "
            'reason: "duplicate", idempotencyKey: $k) { status } }',
            p=payment_id,
            k=uuid.uuid4().hex,
        )
        for client, op in ((owner, one_payment), (admin, admin_payment)):
            refunded = (await client.next(op)).data["paymentUpdated"]
            assert (refunded["reference"], refunded["status"]) == (paid["reference"], "REFUNDED")
        refunded_bill = (await owner.next(one_bill)).data["billUpdated"]
        assert (refunded_bill["id"], refunded_bill["status"]) == (watched["id"], "ACKNOWLEDGED")
        await asyncio.sleep(GRACE_SECONDS)
        assert owner.pending(one_bill) == []  # the other bill's changes never came


async def test_a_bill_the_viewer_cannot_see_is_not_found(servers: list[str]) -> None:
    first, _ = servers
    world, _ = await world_on(servers)
    payer, neighbour = world.residents
    bill = await world.bill(payer, "10.00", acknowledge=False)
    elsewhere, _ = await world_on(servers, residents=1)
    async with (
        live_client(first, token_of(neighbour.client), world.slug) as other_resident,
        live_client(first, token_of(elsewhere.admin), elsewhere.slug) as other_admin,
    ):
        for client in (other_resident, other_admin):
            op = await client.subscribe(BILL, id=bill["id"])
            error = await client.error(op)
            assert error["extensions"]["code"] == "NOT_FOUND", error
            op = await client.subscribe(PAYMENT, r="PAY-does-not-exist")
            assert (await client.error(op))["extensions"]["code"] == "NOT_FOUND"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({}, 4401),
        ({"authorization": "Bearer not-a-token", "tenant": "demo"}, 4401),
        ({"authorization": "Basic abc"}, 4401),
        ("other-estate", 4403),
        ("no-such-estate", 4403),
        ("no-tenant", 4403),
    ],
)
@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_credentials_in_connection_init(
    servers: list[str], payload: Any, code: int, protocol: str
) -> None:
    """The served process refuses what the credentials fail before acknowledging it."""
    world, _ = await world_on(servers, residents=1)
    resident = world.residents[0]
    elsewhere, _ = await world_on(servers, residents=1)
    token = token_of(resident.client)
    if payload == "other-estate":
        payload = {"authorization": f"Bearer {token}", "tenant": elsewhere.slug}
    elif payload == "no-such-estate":
        payload = {"authorization": f"Bearer {token}", "tenant": "no-such-estate-here"}
    elif payload == "no-tenant":
        payload = {"authorization": f"Bearer {token}"}
    close_code, messages = await refused_with(servers[0], payload, protocol)
    assert close_code == code, (close_code, messages)
    assert "connection_ack" not in [message["type"] for message in messages]


async def test_roles(servers: list[str]) -> None:
    world, _ = await world_on(servers, residents=1)
    async with live_client(servers[0], token_of(world.admin), world.slug) as admin:
        op = await admin.subscribe(WALLET)  # an admin who is no resident has no wallet
        assert (await admin.error(op))["extensions"]["code"] == "FORBIDDEN"


async def test_the_legacy_graphql_ws_protocol(servers: list[str]) -> None:
    world, _ = await world_on(servers, residents=1)
    resident = world.residents[0]
    async with live_client(
        servers[0], token_of(resident.client), world.slug, protocol=LEGACY_WS
    ) as client:
        op = await client.subscribe(WALLET)
        # No readiness ping on this protocol: retry the change until one is heard.
        event = None
        for _attempt in range(50):
            await world.fund(resident, "1.00")
            try:
                event = await client.next(op, within=0.2)
                break
            except TimeoutError:
                continue
        assert event is not None
        assert event.data["walletUpdated"]["id"] == resident.wallet_id


async def test_queries_and_mutations_over_the_socket(servers: list[str]) -> None:
    world, _ = await world_on(servers, residents=1)
    resident = world.residents[0]
    async with live_client(servers[0], token_of(resident.client), world.slug) as client:
        op = await client.subscribe("{ wallet { id balance { amount } } }")
        result = await client.next(op)
        assert result.data["wallet"]["id"] == resident.wallet_id
        assert "committedAt" not in (result.payload.get("extensions") or {})


async def test_a_payment_the_worker_applies_reaches_subscribers(
    servers: list[str], worker: None, paystack: tuple[FakePaystack, str]
) -> None:
    """Provider webhooks are applied in the worker process: it publishes what it commits."""
    first, second = servers
    fake, fake_url = paystack
    world, _ = await world_on(servers, residents=1)
    payer = world.residents[0]
    await world.admin.ok(
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: PAYSTACK, "
        'displayName: "Paystack", credentials: $c, apiBaseUrl: $u, isDefault: true}) '
        "{ secretsSet } }",
        c={"secretKey": PAYSTACK_SECRET, "publicKey": "pk_test"},
        u=fake_url,
    )
    bill = await world.bill(payer, "25.00")
    started = (
        await payer.client.ok(
            "mutation($b: ID!, $k: String!) { payBill(billId: $b, provider: PAYSTACK, "
            "idempotencyKey: $k) { reference status } }",
            b=bill["id"],
            k=uuid.uuid4().hex,
        )
    )["payBill"]
    assert started["status"] == "PENDING"
    async with (
        live_client(first, token_of(payer.client), world.slug) as owner,
        live_client(first, token_of(world.admin), world.slug) as admin,
    ):
        payment = await owner.subscribe(PAYMENT, r=started["reference"])
        bills = await admin.subscribe(BILL)
        await owner.live()
        await admin.live()
        fake.complete(started["reference"])
        body, headers = fake.webhook(started["reference"])
        async with httpx.AsyncClient(base_url=second) as http:
            response = await http.post(
                f"/webhooks/paystack/{world.slug}", content=body, headers=headers
            )
        assert response.status_code == 200
        succeeded = (await owner.next(payment, within=30)).data["paymentUpdated"]
        assert (succeeded["reference"], succeeded["status"]) == (started["reference"], "SUCCEEDED")
        paid = (await admin.next(bills, within=30)).data["billUpdated"]
        assert (paid["id"], paid["status"]) == (bill["id"], "PAID")


DASHBOARD = (
    "subscription { dashboardUpdated { period collected { amount } outstanding { amount } "
    "billsByStatus { status count } } }"
)


async def test_admins_follow_the_dashboard(servers: list[str]) -> None:
    first, _ = servers
    world, _ = await world_on(servers)
    payer, other = world.residents
    await world.fund(payer, "100.00")
    bills = [await world.bill(payer, "10.00") for _ in range(5)]
    await world.bill(other, "7.00")
    async with (
        live_client(first, token_of(world.admin), world.slug) as admin,
        live_client(first, token_of(world.admin), world.slug) as second_admin,
        live_client(first, token_of(payer.client), world.slug) as resident,
    ):
        refused = await resident.subscribe(DASHBOARD)
        assert (await resident.error(refused))["extensions"]["code"] == "FORBIDDEN"
        ops = [(admin, await admin.subscribe(DASHBOARD))]
        ops.append((second_admin, await second_admin.subscribe(DASHBOARD)))
        for client, _ in ops:
            await client.live()
        for bill in bills:  # a burst of payments
            await payer.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex)
        for client, op in ops:
            seen: list[dict[str, Any]] = []
            while not seen or seen[-1]["collected"]["amount"] != "50.00":
                received = await client.next(op)
                seen.append(received.data["dashboardUpdated"])
                assert received.latency >= 0
            final = seen[-1]
            assert final["period"] == "DAY"
            assert final["outstanding"] == {"amount": "7.00"}
            by_status = {row["status"]: row["count"] for row in final["billsByStatus"]}
            assert (by_status["PAID"], by_status["ACKNOWLEDGED"]) == (5, 1)
            # Coalesced: never more messages than changes (each payment is two events).
            assert len(seen) <= 2 * len(bills)


async def test_the_embedded_default_serves_subscriptions(tmp_path: Path) -> None:
    """No DATABASE_URL, no REDIS_URL: SQLite and in-process pub/sub, same subscriptions."""
    with serve(tmp_path, clean_env()) as (base, _):
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            gql = GraphQLClient(http)
            admin = await gql.as_tenant("demo").login("admin@demo.estatepay.local", "admin-pass-1")
            ada = await gql.as_tenant("demo").login("ada@demo.estatepay.local", "resident-pass-1")
            tunde = await gql.as_tenant("demo").login(
                "tunde@demo.estatepay.local", "resident-pass-2"
            )
            wallet_id = (await ada.ok("{ wallet { id } }"))["wallet"]["id"]
            async with (
                live_client(base, token_of(ada), "demo") as owner,
                live_client(base, token_of(tunde), "demo") as neighbour,
            ):
                mine = await owner.subscribe(WALLET)
                theirs = await neighbour.subscribe(WALLET)
                await owner.live()
                await neighbour.live()
                await admin.ok(
                    "mutation($w: ID!, $k: String!) { adjustWallet(walletId: $w, "
                    'amount: "5.00", reason: "gift", idempotencyKey: $k) { id } }',
                    w=wallet_id,
                    k=uuid.uuid4().hex,
                )
                event = await owner.next(mine)
                assert event.data["walletUpdated"]["id"] == wallet_id
                await asyncio.sleep(GRACE_SECONDS)
                assert neighbour.pending(theirs) == []


async def test_identical_subscriptions_on_one_process_all_get_their_answer(
    servers: list[str],
) -> None:
    """Same operation, same audience, same event: executed once per process, sent to all;
    another selection or another audience is its own execution."""
    first, _ = servers
    world, _ = await world_on(servers, residents=1)
    payer = world.residents[0]
    await world.fund(payer, "50.00")
    bill = await world.bill(payer, "5.00")
    other_selection = "subscription { billUpdated { id number balanceDue { amount } } }"
    async with (
        live_client(first, token_of(world.admin), world.slug) as a,
        live_client(first, token_of(world.admin), world.slug) as b,
        live_client(first, token_of(payer.client), world.slug) as owner,
    ):
        subscriptions = [
            (a, await a.subscribe(BILL)),
            (b, await b.subscribe(BILL)),
            (b, await b.subscribe(other_selection)),
            (owner, await owner.subscribe(BILL)),
        ]
        for client in (a, b, owner):
            await client.live()
        await payer.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex)
        answers = [(await client.next(op)).data["billUpdated"] for client, op in subscriptions]
    same = {"id": bill["id"], "status": "PAID", "amountPaid": {"amount": "5.00"}}
    assert answers[0] == answers[1] == answers[3] == same
    assert answers[2] == {
        "id": bill["id"],
        "number": bill["number"],
        "balanceDue": {"amount": "0.00"},
    }


async def test_a_change_that_rolls_back_reaches_nobody(servers: list[str]) -> None:
    first, second = servers
    world, _ = await world_on(servers, residents=1)
    payer = world.residents[0]
    await world.fund(payer, "5.00")
    bill = await world.bill(payer, "40.00")
    async with (
        live_client(first, token_of(payer.client), world.slug) as owner,
        live_client(second, token_of(world.admin), world.slug) as admin,
    ):
        subscriptions = [
            (owner, await owner.subscribe(BILL)),
            (owner, await owner.subscribe(PAYMENT)),
            (admin, await admin.subscribe(BILL)),
            (admin, await admin.subscribe(PAYMENT)),
        ]
        wallet = await owner.subscribe(WALLET)
        await owner.live()
        await admin.live()
        refused = await payer.client.error(PAY, b=bill["id"], k=uuid.uuid4().hex)
        assert refused["extensions"]["code"] == "INSUFFICIENT_FUNDS"
        await world.fund(payer, "1.00")
        # Redis keeps one publisher's order: a published rollback would have come first.
        event = await owner.next(wallet)
        assert event.data["walletUpdated"]["balance"] == {"amount": "6.00"}
        await asyncio.sleep(GRACE_SECONDS)
        for client, op in subscriptions:
            assert [r.payload for r in client.pending(op)] == [], op


async def test_every_message_reads_afresh(servers: list[str]) -> None:
    """Nothing loaded for one message (DataLoaders included) is served to the next."""
    first, _ = servers
    world, _ = await world_on(servers, residents=1)
    payer = world.residents[0]
    await world.fund(payer, "50.00")
    bill = await world.bill(payer, "30.00")
    query = (
        "subscription($id: ID) { billUpdated(billId: $id) { status "
        "payments { amount { amount } } resident { user { fullName } } } }"
    )
    part = (
        'mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, amount: "10.00", '
        "idempotencyKey: $k) { status } }"
    )
    async with live_client(first, token_of(payer.client), world.slug) as owner:
        op = await owner.subscribe(query, id=bill["id"])
        await owner.live()
        seen = []
        for expected in (1, 2, 3):
            await payer.client.ok(part, b=bill["id"], k=uuid.uuid4().hex)
            event = (await owner.next(op)).data["billUpdated"]
            assert len(event["payments"]) == expected
            seen.append(event["status"])
        assert seen == ["PARTIALLY_PAID", "PARTIALLY_PAID", "PAID"]
        assert event["resident"]["user"]["fullName"] == "Resident 0"
