"""graphql-core's resolvers issue a bounded number of SQL statements whatever the page size
(DataLoaders batch the nested reads). The compiled read path, which answers these queries
by default, sends one statement per root field: tests/graphql/test_compiled_rules.py."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from tests.conftest import GraphQLClient
from tests.world import build_world

NESTED_BILLS = """query($n: Int) { bills(first: $n) { totalCount edges { node {
  number amount { amount } resident { id user { fullName } } unit { label }
  payments { reference amount { amount } } } } } }"""
RESIDENTS = """query($n: Int) { residents(first: $n) { edges { node {
  user { email memberships { role } } units { label } wallet { balance { amount } } } } } }"""


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(("Created connection pool", "Closed connection pool")):
            self.statements.append(message)


@contextmanager
def counting() -> Iterator[list[str]]:
    logger = logging.getLogger("tortoise.db_client")
    handler, level = _Counter(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


async def statements_for(client: GraphQLClient, query: str, n: int) -> int:
    with counting() as statements:
        await client.ok(query, n=n)
    return len(statements)


async def test_statement_count_does_not_grow_with_the_page(
    gql: GraphQLClient, graphql_core_app: Any
) -> None:
    world = await build_world(gql, residents=6)
    for person in world.residents:
        await world.fund(person, "100.00")
        for _ in range(2):
            bill = await world.bill(person, "10.00")
            await person.client.ok(
                'mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, amount: "1.00", '
                "idempotencyKey: $k) { id } }",
                b=bill["id"],
                k=bill["id"],
            )
    transport = httpx.ASGITransport(app=graphql_core_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        admin = GraphQLClient(http)
        admin.token, admin.tenant = world.admin.token, world.admin.tenant
        await statements_by_page(admin)


async def statements_by_page(admin: GraphQLClient) -> None:
    small = await statements_for(admin, NESTED_BILLS, 2)
    large = await statements_for(admin, NESTED_BILLS, 12)
    assert small == large, (small, large)
    assert 5 <= large <= 12  # counting works, and stays small

    small = await statements_for(admin, RESIDENTS, 1)
    large = await statements_for(admin, RESIDENTS, 6)
    assert small == large, (small, large)
    assert large <= 15
