"""The fuzzer's fixtures: one seeded world and one schema for the whole module."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import graphql
import httpx
import pytest

from tests.conftest import GraphQLClient
from tests.fuzz.operations import Generator
from tests.fuzz.seed import Seed, dead_address, seed_world
from tests.fuzz.values import scalar_strategies


@pytest.fixture(scope="module")
async def fuzz_http(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    # A client address of its own: the fuzzer's failed logins lock out only itself.
    n = uuid.uuid4().int
    address = f"127.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255 or 1}"
    transport = httpx.ASGITransport(app=app, client=(address, 1234))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture(scope="module")
async def seed(fuzz_http: httpx.AsyncClient) -> AsyncIterator[Seed]:
    with dead_address() as url:
        yield await seed_world(GraphQLClient(fuzz_http), url)


@pytest.fixture(scope="module")
async def live_schema(fuzz_http: httpx.AsyncClient) -> graphql.GraphQLSchema:
    """The schema as the running app describes it to a client."""
    response = await fuzz_http.post("/graphql", json={"query": graphql.get_introspection_query()})
    assert response.status_code == 200, response.text
    return graphql.build_client_schema(response.json()["data"])


@pytest.fixture(scope="module")
def generator(live_schema: graphql.GraphQLSchema, seed: Seed) -> Generator:
    return Generator(live_schema, scalar_strategies(seed), seed.dead_url)
