"""Two apps over one database, one with the compiled read path and one without, the world
they both read, and the live schema the documents are generated from.

`DIFFTEST_BACKEND=sqlite` runs the same tests on the embedded default (a SQLite data
directory of the session's own, no Redis): the database is initialised process-wide
(tenants/database.py), so that run is a process of its own, started by
`test_differential.py::test_the_same_on_embedded_sqlite`."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest

from estatepay.app import create_app
from services.identity.accounts import create_platform_admin
from tenants.database import close_database, init_database
from tenants.settings import Settings
from tests.compiled.builder import DiffWorld
from tests.compiled.documents import Generator
from tests.compiled.world import build_diff_world
from tests.conftest import PASSWORD, GraphQLClient, make_settings

OPERATOR = "operator@test.example"
SQLITE = os.environ.get("DIFFTEST_BACKEND") == "sqlite"

if SQLITE:

    @pytest.fixture(scope="session")
    async def backend(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
        data_dir: Path = tmp_path_factory.mktemp("embedded")
        settings = make_settings(database_url=None, redis_url=None, data_dir=data_dir)
        await init_database(settings)
        await create_platform_admin(OPERATOR, PASSWORD, "Operator")
        yield settings
        await close_database()

else:

    @pytest.fixture(scope="session")
    async def backend(database: Settings) -> Settings:
        return database


@dataclass
class Apps:
    compiled: httpx.AsyncClient
    plain: httpx.AsyncClient
    settings: Settings


def _client(app: Any) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=("127.0.12.1", 1234))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


@pytest.fixture(scope="module")
async def apps(backend: Settings) -> AsyncIterator[Apps]:
    compiled = create_app(backend.model_copy(update={"compiled_reads": True}))
    plain = create_app(backend.model_copy(update={"compiled_reads": False}))
    async with _client(compiled) as c, _client(plain) as p:
        yield Apps(c, p, backend)
    for app in (compiled, plain):
        if app.state.runtime.redis is not None:
            await app.state.runtime.redis.aclose()


@pytest.fixture(scope="module")
async def world(apps: Apps) -> DiffWorld:
    return await build_diff_world(GraphQLClient(apps.plain), OPERATOR)


@pytest.fixture(scope="module")
async def live_schema(apps: Apps) -> graphql.GraphQLSchema:
    response = await apps.plain.post("/graphql", json={"query": graphql.get_introspection_query()})
    assert response.status_code == 200, response.text
    return graphql.build_client_schema(response.json()["data"])


@pytest.fixture(scope="module")
def generator(live_schema: graphql.GraphQLSchema, world: DiffWorld, apps: Apps) -> Generator:
    return Generator(live_schema, world, apps.settings.max_query_depth, apps.settings.max_aliases)
