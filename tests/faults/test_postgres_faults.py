"""PostgreSQL faults under load, on a cluster of the test's own with `estatepay serve`
(and a worker) on it: restarted (`pg_ctl stop -m fast` / `start`) in the middle of a
steady stream of reads, wallet and provider payments, webhook posts and WebSocket
`connection_init`s, and frozen (SIGSTOP). While it is away every request fails fast
(UNAVAILABLE, 4503 on a WebSocket, 503 from the webhook shim and /readyz), never hangs and
is never INTERNAL; once it is back the same processes serve again, and every payment that
was retried with its idempotency key exists once."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from tests.faults.processes import Process, environment, run, serve, worker
from tests.faults.throwaway_postgres import ThrowawayPostgres
from tests.private_redis import PrivateRedis
from tests.wsclient import LEGACY_WS, TRANSPORT_WS

T = TypeVar("T")
SECRET = "sk_test_fake_paystack_secret"
ADMIN = ("admin@demo.estatepay.local", "admin-pass-1")
RESIDENT = ("ada@demo.estatepay.local", "resident-pass-1")
# A liveness bound, not a speed target: a response later than this is a hang.
HANG = 10.0
# Payments start this far apart, so some fall in the outage and retry after it.
PACE = 0.5
PAYMENTS = 10  # of each kind
PROTOCOLS = (TRANSPORT_WS, LEGACY_WS)
OUTAGE_AT = 1.5  # seconds into the load
OUTAGE_SECONDS = 3.0
WALLET_PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { reference status } }"""
PROVIDER_PAY = """mutation($b: ID!, $k: String!) {
  payBill(billId: $b, provider: PAYSTACK, idempotencyKey: $k,
          callbackUrl: "https://app.example/done") { reference status } }"""


@dataclass
class Load:
    """What every request of the stream got back."""

    base: str
    tokens: dict[str, str]
    latencies: list[float] = field(default_factory=list)
    slowest: dict[str, float] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)
    down: bool = False
    unavailable_while_down: int = 0

    def record(self, kind: str, started: float, outcome: str) -> None:
        took = time.monotonic() - started
        self.latencies.append(took)
        self.slowest[kind] = max(took, self.slowest.get(kind, 0.0))
        self.outcomes[f"{kind} {outcome}"] += 1
        if self.down and outcome in ("UNAVAILABLE", "503"):
            self.unavailable_while_down += 1

    async def graphql(
        self, http: httpx.AsyncClient, kind: str, who: str, query: str, **variables: Any
    ) -> dict[str, Any] | None:
        """The data, or None after an UNAVAILABLE (anything else fails the test)."""
        started = time.monotonic()
        response = await http.post(
            f"{self.base}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.tokens[who]}", "X-Tenant": "demo"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        self.record(kind, started, codes[0] if codes else "ok")
        if codes:
            assert codes == ["UNAVAILABLE"], body
            return None
        data: dict[str, Any] = body["data"]
        return data

    async def webhook(self, http: httpx.AsyncClient, body: bytes, headers: dict[str, str]) -> bool:
        started = time.monotonic()
        response = await http.post(
            f"{self.base}/webhooks/paystack/demo", content=body, headers=headers
        )
        self.record("webhook", started, str(response.status_code))
        assert response.status_code in (200, 503), response.text
        return response.status_code == 200

    async def ready(self, http: httpx.AsyncClient) -> bool:
        started = time.monotonic()
        response = await http.get(f"{self.base}/readyz")
        self.record("readyz", started, str(response.status_code))
        assert response.status_code in (200, 503), response.text
        return response.status_code == 200


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


def sync_graphql(base: str, query: str, token: str | None = None, **variables: Any) -> Any:
    headers = {"X-Tenant": "demo"} | ({"Authorization": f"Bearer {token}"} if token else {})
    body = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    ).json()
    assert not body.get("errors"), body
    return body["data"]


def login(base: str, email: str, password: str) -> str:
    query = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
    return str(sync_graphql(base, query, e=email, p=password)["login"]["token"])


def prepare(base: str, paystack_url: str) -> tuple[dict[str, str], list[str], list[str]]:
    """Tokens, and the resident's bills: some to pay from the wallet, some by Paystack."""
    tokens = {"admin": login(base, *ADMIN), "resident": login(base, *RESIDENT)}
    admin = tokens["admin"]
    sync_graphql(
        base,
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: PAYSTACK, "
        'displayName: "Paystack", credentials: $c, apiBaseUrl: $u, isDefault: true}) '
        "{ secretsSet } }",
        admin,
        c={"secretKey": SECRET, "publicKey": "pk_test"},
        u=paystack_url,
    )
    ada = sync_graphql(
        base,
        f'{{ residents(search: "{RESIDENT[0]}") {{ edges {{ node {{ id wallet {{ id }} }} }} }} }}',
        admin,
    )["residents"]["edges"][0]["node"]
    sync_graphql(
        base,
        'mutation($w: ID!) { adjustWallet(walletId: $w, amount: "100000.00", '
        'reason: "top up", idempotencyKey: "faults-top-up") { id } }',
        admin,
        w=ada["wallet"]["id"],
    )
    bills = []
    for n in range(2 * PAYMENTS):
        bill = sync_graphql(
            base,
            "mutation($r: ID!, $a: Decimal!) { createBill(input: {residentId: $r, "
            'title: "Service charge", type: SERVICE_CHARGE, amount: $a, '
            'dueDate: "2030-01-31"}) { id } }',
            admin,
            r=ada["id"],
            a=f"{100 + n}.00",
        )["createBill"]
        sync_graphql(
            base,
            "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }",
            tokens["resident"],
            id=bill["id"],
        )
        bills.append(bill["id"])
    return tokens, bills[:PAYMENTS], bills[PAYMENTS:]


async def reads(load: Load, http: httpx.AsyncClient, stop: asyncio.Event) -> None:
    while not stop.is_set():
        await load.graphql(http, "read", "admin", "{ bills(first: 5) { totalCount } }")
        await load.ready(http)
        await asyncio.sleep(0.1)


async def retried(attempt: Callable[[], Awaitable[T | None]]) -> T:
    """Again and again until it succeeds (an outage's answers are falsy), as a client
    retrying after UNAVAILABLE, or a provider after a 503, would."""
    while True:
        if result := await attempt():
            return result
        await asyncio.sleep(0.2)


async def pay_from_wallet(load: Load, http: httpx.AsyncClient, bills: list[str]) -> None:
    """Each payment retried with its own key until it answers: an outage loses none and a
    retry of one that did commit (its answer lost) must not pay twice."""
    for n, bill in enumerate(bills):
        await asyncio.sleep(PACE)
        await retried(
            partial(load.graphql, http, "wallet-pay", "resident", WALLET_PAY, b=bill, k=f"w{n}")
        )


async def pay_by_provider(
    load: Load, http: httpx.AsyncClient, fake: FakePaystack, bills: list[str]
) -> list[str]:
    """Checkout started, finished by the payer, and the provider's webhook posted until it
    is taken (a 503 is retried, as Paystack retries)."""
    references = []
    for n, bill in enumerate(bills):
        await asyncio.sleep(PACE)
        paid = await retried(
            partial(load.graphql, http, "provider-pay", "resident", PROVIDER_PAY, b=bill, k=f"p{n}")
        )
        reference = paid["payBill"]["reference"]
        references.append(reference)
        fake.complete(reference)
        body, headers = fake.webhook(reference)
        await retried(partial(load.webhook, http, body, headers))
    return references


async def restart(postgres: ThrowawayPostgres, load: Load) -> None:
    await asyncio.sleep(OUTAGE_AT)
    await asyncio.to_thread(postgres.stop)
    load.down = True
    await asyncio.sleep(OUTAGE_SECONDS)
    load.down = False
    await asyncio.to_thread(postgres.start)


async def connection_init(base: str, token: str, protocol: Subprotocol) -> list[Any]:
    """A WebSocket's `connection_init`: what the server sent, and then its close code and
    reason if it closed the socket."""
    url = base.replace("http", "ws", 1) + "/graphql"
    payload = {"authorization": f"Bearer {token}", "tenant": "demo"}
    received: list[Any] = []
    async with connect(url, subprotocols=[protocol], open_timeout=HANG) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        try:
            while message := await asyncio.wait_for(ws.recv(), HANG):
                received.append(json.loads(message)["type"])
                if received[-1] == "connection_ack":
                    return received
        except ConnectionClosed as closed:
            assert closed.rcvd is not None, "closed without a close frame"
            received += [closed.rcvd.code, closed.rcvd.reason.split(":")[0]]
    return received


async def test_postgres_restart_under_load(
    throwaway_postgres: ThrowawayPostgres,
    private_redis: PrivateRedis,
    paystack: tuple[FakePaystack, str],
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    fake, paystack_url = paystack
    env = environment(
        throwaway_postgres.url,
        private_redis.url,
        SWEEP_EVERY_SECONDS="1",
        SWEEP_AFTER_SECONDS="3",
    )
    server, base = serve(env, tmp_path, "--demo")
    jobs = worker(env, tmp_path)
    processes: list[Process] = [server, jobs]
    try:
        tokens, wallet_bills, provider_bills = prepare(base, paystack_url)
        load = Load(base, tokens)
        async with httpx.AsyncClient(timeout=3 * HANG) as http:
            stop = asyncio.Event()
            reader = asyncio.create_task(reads(load, http, stop))
            outage = asyncio.create_task(restart(throwaway_postgres, load))
            await asyncio.sleep(OUTAGE_AT + 0.5)
            # A WebSocket opened while the database is down is refused with a code that
            # says so (try again later), not left hanging nor crashed.
            assert load.down
            refused = [await connection_init(base, tokens["resident"], p) for p in PROTOCOLS]
            assert refused == [
                [4503, "UNAVAILABLE"],
                ["connection_error", 4503, "UNAVAILABLE"],  # the legacy graphql-ws
            ]
            _, references = await asyncio.gather(
                pay_from_wallet(load, http, wallet_bills),
                pay_by_provider(load, http, fake, provider_bills),
            )
            await outage
            stop.set()
            await reader
            # Back without a restart of estatepay: reads, readiness and live sockets.
            assert await load.ready(http)
            assert await load.graphql(http, "read", "admin", "{ bills { totalCount } }")
            for protocol in PROTOCOLS:
                assert await connection_init(base, tokens["resident"], protocol) == [
                    "connection_ack"
                ]
        assert all(p.alive() for p in processes)

        assert max(load.latencies) < HANG, max(load.latencies)
        assert load.unavailable_while_down > 0, load.outcomes
        assert not {
            o for o in load.outcomes if o.split()[1] not in ("ok", "200", "UNAVAILABLE", "503")
        }

        counts = await settled(throwaway_postgres.url, wallet_bills + provider_bills, references)
        sent = len(wallet_bills) + len(provider_bills)
        fault_report(
            f"faults: postgres-restart requests={sum(load.outcomes.values())} "
            f"unavailable={load.unavailable_while_down} slowest={max(load.latencies):.2f}s "
            f"payments sent={sent} applied={counts['paid']} lost={sent - counts['paid']} "
            f"duplicated={counts['duplicated']}"
        )
        assert counts == {"paid": sent, "duplicated": 0}
        code, output = run(env, tmp_path, "verify", "ledger", "verify")
        assert code == 0 and "demo: ok" in output, output
    except BaseException:
        for process in processes:
            print(f"--- {process.log.name}\n{process.output()}")
        raise
    finally:
        for process in processes:
            process.stop()


async def settled(url: str, bills: list[str], references: list[str]) -> dict[str, int]:
    """Once the worker has applied every webhook: how many bills are paid by exactly one
    succeeded payment and one ledger entry, and how many have more."""
    connection = await asyncpg.connect(url)
    try:
        deadline = time.monotonic() + 60
        while True:
            pending = await connection.fetchval(
                "SELECT count(*) FROM t_demo.payments WHERE reference = ANY($1) "
                "AND status <> 'SUCCEEDED'",
                references,
            )
            if pending == 0:
                break
            assert time.monotonic() < deadline, f"{pending} provider payments never applied"
            await asyncio.sleep(0.2)
        rows = await connection.fetch(
            "SELECT b.id, b.status, "
            "(SELECT count(*) FROM t_demo.payments p WHERE p.bill_id = b.id "
            " AND p.status = 'SUCCEEDED') AS payments, "
            "(SELECT count(*) FROM t_demo.ledger_entries e JOIN t_demo.payments p "
            " ON e.reference = p.reference WHERE p.bill_id = b.id) AS entries "
            "FROM t_demo.bills b WHERE b.id = ANY($1::uuid[])",
            bills,
        )
    finally:
        await connection.close()
    assert len(rows) == len(bills)
    return {
        "paid": sum(1 for r in rows if r["status"] == "PAID" and r["payments"] >= 1),
        "duplicated": sum(1 for r in rows if r["payments"] > 1 or r["entries"] > 1),
    }


async def test_a_frozen_database_fails_fast_and_recovers(
    throwaway_postgres: ThrowawayPostgres,
    paystack: tuple[FakePaystack, str],
    tmp_path: Path,
    fault_report: Callable[[str], None],
) -> None:
    """PostgreSQL stops answering without closing anything (SIGSTOP): pooled connections
    wait on statements and new ones on the handshake. Every request still answers within
    the bound, UNAVAILABLE or 503, and all is well once it answers again."""
    fake, paystack_url = paystack
    env = environment(
        throwaway_postgres.url,
        "",  # the embedded broker: this is about the database alone
        DB_CONNECT_TIMEOUT_SECONDS="1",
        DB_COMMAND_TIMEOUT_SECONDS="2",
    )
    server, base = serve(env, tmp_path, "--demo")
    try:
        tokens, wallet_bills, provider_bills = prepare(base, paystack_url)
        load = Load(base, tokens)
        reference = sync_graphql(
            base, PROVIDER_PAY, tokens["resident"], b=provider_bills[0], k="frozen-p"
        )["payBill"]["reference"]
        fake.complete(reference)
        body, headers = fake.webhook(reference)
        # Over the bound: a request that hangs fails here instead of waiting for the thaw.
        async with httpx.AsyncClient(timeout=HANG) as http:
            throwaway_postgres.freeze()
            load.down = True
            try:
                answers = await asyncio.gather(
                    load.graphql(http, "read", "admin", "{ bills { totalCount } }"),
                    load.graphql(
                        http, "wallet-pay", "resident", WALLET_PAY, b=wallet_bills[0], k="f"
                    ),
                    load.graphql(
                        http,
                        "login",
                        "admin",
                        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
                        "{ token } }",
                        e=ADMIN[0],
                        p=ADMIN[1],
                    ),
                    load.webhook(http, body, headers),
                    load.ready(http),
                )
            finally:
                load.down = False
                throwaway_postgres.thaw()
            assert answers == [None, None, None, False, False], load.outcomes
            assert load.unavailable_while_down == len(answers)

            paid = await retried(
                partial(
                    load.graphql,
                    http,
                    "wallet-pay",
                    "resident",
                    WALLET_PAY,
                    b=wallet_bills[0],
                    k="f",
                )
            )
            assert paid["payBillFromWallet"]["status"] == "SUCCEEDED"
            assert await retried(partial(load.webhook, http, body, headers))
            assert await load.ready(http)
        assert max(load.latencies) < HANG, max(load.latencies)
        counts = await settled(
            throwaway_postgres.url, [wallet_bills[0], provider_bills[0]], [reference]
        )
        slowest = max(load.slowest, key=load.slowest.__getitem__)
        fault_report(
            f"faults: postgres-frozen requests={len(answers)} unavailable={len(answers)} "
            f"slowest={max(load.latencies):.2f}s ({slowest}) payments sent=2 "
            f"applied={counts['paid']} lost={2 - counts['paid']} "
            f"duplicated={counts['duplicated']}"
        )
        assert counts == {"paid": 2, "duplicated": 0}
        code, output = run(env, tmp_path, "verify", "ledger", "verify")
        assert code == 0 and "demo: ok" in output, output
    except BaseException:
        print(f"--- {server.log.name}\n{server.output()}")
        raise
    finally:
        server.stop()
