"""Test harness: real PostgreSQL and Redis, or a loud failure.

The whole session shares one freshly created database and one event loop; each test
makes its own estates with unique slugs, so tests never depend on each other's rows.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis

from estatepay.app import create_app
from services.estates import provisioning
from services.identity.accounts import create_platform_admin
from tenants.database import close_database, init_database
from tenants.models import Estate
from tenants.settings import Settings
from tests.private_redis import private_redis  # noqa: F401 - a fixture for every test


def _per_worker(database_url: str, redis_url: str) -> tuple[str, str]:
    """Under pytest-xdist each worker (gw0, gw1, ...) gets a database and a Redis
    database of its own, so parallel workers never flush or drop each other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker:
        return database_url, redis_url
    n = int(worker.removeprefix("gw"))
    base, _, db = redis_url.rpartition("/")
    return f"{database_url}_{worker}", f"{base}/{(int(db or 0) - n) % 16}"


DATABASE_URL, REDIS_URL = _per_worker(
    os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/estatepay_test"),
    os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"),
)
PASSWORD = "correct-horse-9"
# What fault tests counted (tests/faults, `fault_report`), shown in the closing summary.
FAULT_LINES: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Here, not in tests/faults/conftest.py: under xdist only this controller's reports
    # reach the terminal, and it loads no conftest below tests/.
    if report.when == "call":
        FAULT_LINES.extend(str(line) for key, line in report.user_properties if key == "fault")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FAULT_LINES:
        terminalreporter.section("fault counts")
        for line in FAULT_LINES:
            terminalreporter.write_line(line)


def maintenance_url(url: str) -> tuple[str, str]:
    base, _, name = url.rpartition("/")
    return f"{base}/postgres", name


async def recreate_database(url: str) -> None:
    if os.environ.get("DATABASE_DISTRIBUTED") == "citus":  # tests/citus: on every node
        from bench.citus_cluster import recreate_distributed

        try:
            await recreate_distributed(url)
        except (OSError, asyncpg.PostgresError, RuntimeError) as exc:
            pytest.fail(f"a Citus coordinator is required at {url}: {exc}", pytrace=False)
        return
    admin_url, name = maintenance_url(url)
    try:
        conn = await asyncpg.connect(admin_url)
    except (OSError, asyncpg.PostgresError) as exc:
        pytest.fail(f"PostgreSQL is required at {admin_url}: {exc}", pytrace=False)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": DATABASE_URL,
        "redis_url": REDIS_URL,
        "secret_key": "test-secret-key-with-enough-length-0123456789",
        "login_attempts_per_email": 5,
        "login_attempts_per_address": 50,
        "db_pool_max_size": 10,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
async def session_loop() -> asyncio.AbstractEventLoop:
    """The loop the session's connections live on, for sync tests that drive it."""
    return asyncio.get_running_loop()


@pytest.fixture(scope="session")
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    try:
        await client.ping()
    except Exception as exc:
        pytest.fail(f"Redis is required at {REDIS_URL}: {exc}", pytrace=False)
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture(scope="session")
async def database(redis: Redis) -> AsyncIterator[Settings]:
    await recreate_database(DATABASE_URL)
    settings = make_settings()
    await init_database(settings)
    await create_platform_admin("operator@test.example", PASSWORD, "Operator")
    yield settings
    await close_database()


@pytest.fixture(scope="session")
async def app(database: Settings) -> Any:
    return create_app(database)


def unique_slug(prefix: str = "est") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@dataclass
class EstateFixture:
    estate: Estate
    admin_email: str

    @property
    def slug(self) -> str:
        return self.estate.slug


async def make_estate(prefix: str = "est") -> EstateFixture:
    slug = unique_slug(prefix)
    admin_email = f"admin@{slug}.test"
    estate = await provisioning.create_estate(
        provisioning.EstateInput(
            slug=slug,
            name=f"Estate {slug}",
            currency="NGN",
            timezone="Africa/Lagos",
            admin_email=admin_email,
            admin_full_name="Admin Person",
            admin_password=PASSWORD,
        )
    )
    return EstateFixture(estate, admin_email)


class GraphQLClient:
    """Drives the real ASGI app over HTTP, as a client would."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http
        self.token: str | None = None
        self.tenant: str | None = None

    async def login(self, email: str, password: str = PASSWORD) -> GraphQLClient:
        data = await self.ok(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
            e=email,
            p=password,
        )
        self.token = data["login"]["token"]
        return self

    def as_tenant(self, slug: str | None) -> GraphQLClient:
        clone = GraphQLClient(self.http)
        clone.token, clone.tenant = self.token, slug
        return clone

    async def execute(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.tenant:
            headers["X-Tenant"] = self.tenant
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def ok(self, query: str, **variables: Any) -> dict[str, Any]:
        body = await self.execute(query, **variables)
        assert not body.get("errors"), body["errors"]
        data: dict[str, Any] = body["data"]
        return data

    async def error(self, query: str, **variables: Any) -> dict[str, Any]:
        """The single error the operation must fail with."""
        body = await self.execute(query, **variables)
        assert body.get("errors"), f"expected an error, got {body}"
        error: dict[str, Any] = body["errors"][0]
        return error


@pytest.fixture
async def http(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    # An address of its own per test: one test locking its address out (the per-address
    # login limit) must not lock out a later one, so 16 million of them, not 250.
    n = uuid.uuid4().int
    address = f"127.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255 or 1}"
    transport = httpx.ASGITransport(app=app, client=(address, 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture
def gql(http: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(http)


@pytest.fixture
async def operator(gql: GraphQLClient) -> GraphQLClient:
    return await gql.login("operator@test.example")
