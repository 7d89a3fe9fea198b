"""`estatepay serve` as a process, driven over HTTP as a newcomer would."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import asyncpg
import httpx

from tests.conftest import DATABASE_URL, REDIS_URL, maintenance_url, recreate_database
from tests.tcp_cut import CuttableRelay

LOGIN_LINE = re.compile(r"^\s+(platform admin|estate admin|resident)\s+(\S+@\S+)\s+(\S+)$", re.M)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(cwd: Path, env: dict[str, str], *args: str) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = cwd / f"serve-{port}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(port), *args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None, log.read_text()
                try:
                    if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            yield base, log
        finally:
            process.terminate()
            process.wait(timeout=20)


def gql(base: str, query: str, token: str | None = None, tenant: str | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if tenant:
        headers["X-Tenant"] = tenant
    response = httpx.post(f"{base}/graphql", json={"query": query}, headers=headers, timeout=10)
    assert response.status_code == 200
    body: dict = response.json()
    assert not body.get("errors"), body
    return body["data"]


def login(base: str, email: str, password: str) -> str:
    data = gql(base, f'mutation {{ login(email: "{email}", password: "{password}") {{ token }} }}')
    return str(data["login"]["token"])


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


def test_embedded_default_serves_the_demo_with_printed_logins(tmp_path: Path) -> None:
    with serve(tmp_path, clean_env()) as (base, log):
        output = log.read_text()
        assert f"GraphiQL: {base}/graphql" in output
        logins = {role: (email, pw) for role, email, pw in LOGIN_LINE.findall(output)}
        assert set(logins) == {"platform admin", "estate admin", "resident"}
        assert httpx.get(f"{base}/graphql", headers={"accept": "text/html"}).status_code == 200

        token = login(base, *logins["estate admin"])
        data = gql(
            base,
            "{ estate { slug } properties { totalCount edges { node { units { label } } } } "
            "residents { totalCount } }",
            token,
            "demo",
        )
        assert data["estate"]["slug"] == "demo"
        assert data["residents"]["totalCount"] == 2
        gql(base, 'mutation { createProperty(input: {name: "Block B"}) { id } }', token, "demo")
        resident = login(base, *logins["resident"])
        assert gql(base, "{ estate { name } }", resident, "demo")["estate"]["name"]
        # Money on the embedded backend: top up, bill, acknowledge, pay, verify.
        ada = gql(
            base,
            f'{{ residents(search: "{logins["resident"][0]}") '
            "{ edges { node { id wallet { id } } } } }",
            token,
            "demo",
        )["residents"]["edges"][0]["node"]
        # The demo seeds a modest opening balance; the test counts from whatever it is.
        opening = Decimal(
            gql(base, "{ wallet { balance { amount } } }", resident, "demo")["wallet"]["balance"][
                "amount"
            ]
        )
        gql(
            base,
            f'mutation {{ adjustWallet(walletId: "{ada["wallet"]["id"]}", amount: "80.00",'
            ' reason: "cash", idempotencyKey: "seed") { id } }',
            token,
            "demo",
        )
        bill = gql(
            base,
            f'mutation {{ createBill(input: {{residentId: "{ada["id"]}", '
            'title: "Water", type: WATER, amount: "50.00", dueDate: "2030-01-01"}) '
            "{ id } }",
            token,
            "demo",
        )["createBill"]
        gql(
            base,
            f'mutation {{ acknowledgeBill(id: "{bill["id"]}") {{ status }} }}',
            resident,
            "demo",
        )
        paid = gql(
            base,
            f'mutation {{ payBillFromWallet(billId: "{bill["id"]}", '
            'idempotencyKey: "p1") { status } }',
            resident,
            "demo",
        )
        assert paid["payBillFromWallet"]["status"] == "SUCCEEDED"
        wallet = gql(base, "{ wallet { balance { amount } } }", resident, "demo")
        assert Decimal(wallet["wallet"]["balance"]["amount"]) == opening + Decimal("30.00")
        assert (tmp_path / "var" / "tenants" / "t_demo.sqlite3").exists()

    # A restart keeps the data and seeds nothing twice.
    with serve(tmp_path, clean_env()) as (base, _):
        token = login(base, *logins["estate admin"])
        data = gql(base, "{ properties { totalCount } }", token, "demo")
        assert data["properties"]["totalCount"] == 2


def test_postgres_mode_reports_unready_when_the_database_goes(tmp_path: Path) -> None:
    import asyncio

    url = DATABASE_URL + "_serve"
    asyncio.run(recreate_database(url))
    env = {**clean_env(), "DATABASE_URL": url, "REDIS_URL": REDIS_URL}
    with serve(tmp_path, env, "--demo") as (base, _):
        assert httpx.get(f"{base}/readyz").status_code == 200
        token = login(base, "admin@demo.estatepay.local", "admin-pass-1")
        assert (
            gql(base, "{ residents { totalCount } }", token, "demo")["residents"]["totalCount"] == 2
        )

        async def drop() -> None:
            admin_url, name = maintenance_url(url)
            conn = await asyncpg.connect(admin_url)
            await conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            await conn.close()

        asyncio.run(drop())
        response = httpx.get(f"{base}/readyz", timeout=10)
        assert response.status_code == 503
        assert response.json()["checks"]["database"] is False


def test_a_database_outage_fails_fast_as_unavailable_and_recovers(tmp_path: Path) -> None:
    """PostgreSQL cut off under the server: GraphQL answers UNAVAILABLE, the webhook shim
    503 (the provider retries), /readyz 503, none of them hangs; all is well once back."""
    import asyncio
    from urllib.parse import urlsplit

    url = DATABASE_URL + "_outage"
    asyncio.run(recreate_database(url))
    real = urlsplit(url)
    relay = CuttableRelay((real.hostname or "127.0.0.1", real.port or 5432))
    through_relay = real._replace(netloc=f"postgres@127.0.0.1:{relay.port}").geturl()
    env = {**clean_env(), "DATABASE_URL": through_relay, "REDIS_URL": REDIS_URL}
    try:
        with serve(tmp_path, env, "--demo") as (base, _):
            token = login(base, "admin@demo.estatepay.local", "admin-pass-1")
            query = "{ residents { totalCount } }"
            assert gql(base, query, token, "demo")["residents"]["totalCount"] == 2

            relay.cut()
            for _ in range(3):
                started = time.monotonic()
                body = httpx.post(
                    f"{base}/graphql",
                    json={"query": query},
                    headers={"Authorization": f"Bearer {token}", "X-Tenant": "demo"},
                    timeout=30,
                ).json()
                # A liveness bound, not a speed target: it must not hang on the database.
                assert time.monotonic() - started < 10
                assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAVAILABLE"]
                hook = httpx.post(f"{base}/webhooks/paystack/demo", content=b"{}", timeout=30)
                assert hook.status_code == 503
                assert httpx.get(f"{base}/readyz", timeout=30).status_code == 503

            relay.restore()
            deadline = time.monotonic() + 15
            while httpx.get(f"{base}/readyz", timeout=10).status_code != 200:
                assert time.monotonic() < deadline, "the server did not recover"
                time.sleep(0.2)
            assert gql(base, query, token, "demo")["residents"]["totalCount"] == 2
    finally:
        relay.close()
