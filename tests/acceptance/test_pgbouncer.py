"""Behind PgBouncer in transaction mode (as production deployments run), for real: two
estates provisioned and migrated through it, concurrent reads and writes of both stay in
their own estate (each transaction sets its own `search_path`), the compiled path's
statements work though consecutive transactions land on different server connections,
and a subscription hears a change."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from tests.acceptance.test_serve import clean_env, serve
from tests.conftest import DATABASE_URL, PASSWORD, REDIS_URL, recreate_database
from tests.pgbouncer import pgbouncer
from tests.wsclient import live_client

PROPERTIES = "{ estate { slug } properties { edges { node { name } } } }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
BILL = """mutation($r: ID!) { createBill(input: {residentId: $r, title: "Water", type: WATER,
  amount: "10.00", dueDate: "2031-01-31"}) { id } }"""
RESIDENT = """mutation($e: String!, $pw: String!, $u: ID!) {
  createResident(input: {email: $e, fullName: "Ada", password: $pw, unitIds: [$u]}) { id } }"""


async def resident_in(http: httpx.AsyncClient, admin: str, slug: str) -> str:
    """A new resident of the estate, in a unit of a new property: their id."""

    async def ok(query: str, **variables: Any) -> dict[str, Any]:
        data: dict[str, Any] = (await call(http, admin, slug, query, **variables)).json()["data"]
        return data

    prop = await ok('mutation { createProperty(input: {name: "Block"}) { id } }')
    unit = await ok(
        'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "U1"}) { id } }',
        p=prop["createProperty"]["id"],
    )
    resident = await ok(RESIDENT, e=f"ada@{slug}.test", pw=PASSWORD, u=unit["createUnit"]["id"])
    return str(resident["createResident"]["id"])


def cli(env: dict[str, str], cwd: Path, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


async def call(
    http: httpx.AsyncClient, token: str | None, slug: str | None, query: str, **variables: Any
) -> httpx.Response:
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if slug:
        headers["X-Tenant"] = slug
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200 and not response.json().get("errors"), response.text
    return response


async def test_tenancy_statements_and_subscriptions_through_pgbouncer(tmp_path: Path) -> None:
    direct = f"{DATABASE_URL}_pgbouncer"
    await recreate_database(direct)
    with pgbouncer(direct, pool_size=3) as (bounced, bouncer_log):
        env = {
            **clean_env(),
            "DATABASE_URL": bounced,
            "REDIS_URL": REDIS_URL,
            "DB_PGBOUNCER": "true",
            "DB_POOL_MAX_SIZE": "6",  # more client connections than PgBouncer's 3
        }
        slugs = ("bounce-a", "bounce-b")
        for slug in slugs:
            cli(
                env,
                tmp_path,
                "tenants",
                "create",
                "--slug",
                slug,
                "--name",
                slug,
                "--admin-email",
                f"admin@{slug}.test",
                "--admin-password",
                PASSWORD,
            )
        await asyncio.to_thread(cli, env, tmp_path, "tenants", "migrate")
        with serve(tmp_path, env) as (base, _):
            async with httpx.AsyncClient(base_url=base, timeout=30) as http:
                tokens = {}
                for slug in slugs:
                    login = await call(
                        http,
                        None,
                        None,
                        LOGIN,
                        e=f"admin@{slug}.test",
                        p=PASSWORD,
                    )
                    tokens[slug] = login.json()["data"]["login"]["token"]

                # Concurrent writes in both estates, then concurrent compiled reads.
                await asyncio.gather(
                    *(
                        call(
                            http,
                            tokens[slug],
                            slug,
                            "mutation($n: String!) { createProperty(input: {name: $n}) { id } }",
                            n=f"{slug}-{n}",
                        )
                        for n in range(10)
                        for slug in slugs
                    )
                )
                reads = await asyncio.gather(
                    *(
                        call(http, tokens[slug], slug, PROPERTIES)
                        for _ in range(30)
                        for slug in slugs
                    )
                )
                for response in reads:
                    data = response.json()["data"]
                    slug = data["estate"]["slug"]
                    names = sorted(e["node"]["name"] for e in data["properties"]["edges"])
                    assert names == sorted(f"{slug}-{n}" for n in range(10))
                    assert response.headers["X-Read-Path"] == "compiled"

                # A subscription hears a bill created in its estate, and only there.
                admin = tokens["bounce-a"]
                resident = await resident_in(http, admin, "bounce-a")
                async with (
                    live_client(base, admin, "bounce-a") as live,
                    live_client(base, tokens["bounce-b"], "bounce-b") as other,
                ):
                    op = await live.subscribe("subscription { billUpdated { id status } }")
                    other_op = await other.subscribe("subscription { billUpdated { id } }")
                    await live.live()
                    await other.live()
                    created = await call(http, admin, "bounce-a", BILL, r=resident)
                    bill = created.json()["data"]["createBill"]["id"]
                    heard = (await live.next(op)).data["billUpdated"]
                    assert heard == {"id": bill, "status": "PENDING_ACKNOWLEDGMENT"}
                    await asyncio.sleep(0.5)
                    assert other.pending(other_op) == []
        log = bouncer_log.read_text()
    assert "prepared statement" not in log and "unsupported startup parameter" not in log
