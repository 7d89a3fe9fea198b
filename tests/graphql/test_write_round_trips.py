"""The SQL round trips of one money movement through the API, counted: what reaches
PostgreSQL (asyncpg's query logger on every pooled connection), not what we meant."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from tortoise.connection import get_connection

from estatepay.app import create_app
from tenants.settings import Settings
from tests.conftest import GraphQLClient
from tests.graphql.test_compiled_rules import statements
from tests.world import build_world

PAY = """mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, amount: "10.00",
  idempotencyKey: $k) { id status } }"""
# The caller (one statement; none once remembered: AUTH_CACHE_SECONDS), the transaction
# (BEGIN, search_path, COMMIT), the payer's resident row and wallet, the savepoint around
# the payment (2), the bill locked, the payment and its audit row, the revenue account, the
# bill updated, the estate's rewards settings (the bill is paid before its due date: a
# prepayment reward?), a receipt number, the payment completed, the resident's
# notification, and the ledger entry (one statement: the accounts locked in order and
# updated, guarded, with the entry and its postings).
ROUND_TRIPS = 17


@pytest.mark.parametrize("remembered", [True, False], ids=["caller-remembered", "no-memory"])
async def test_a_wallet_payment_takes_a_known_number_of_round_trips(
    database: Settings, remembered: bool
) -> None:
    # An app of its own, with its revocation listener up (as its lifespan would): only
    # then does a process trust its memory of callers.
    app = create_app(database.model_copy(update={"auth_cache_seconds": 30 if remembered else 0}))
    runtime = app.state.runtime
    await runtime.revocations.start()
    await asyncio.wait_for(runtime.revocations.subscribed.wait(), 10)
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            seen = await _one_payment(GraphQLClient(http))
    finally:
        await runtime.revocations.stop()
        await runtime.redis.aclose()
    listed = "\n".join(s[:120] for s in seen)
    caller = 0 if remembered else 1
    assert len(seen) == ROUND_TRIPS + caller, listed
    # Who calls, in which estate, with which roles: one statement, not three.
    shared = [s for s in seen if "memberships" in s or 'FROM "users"' in s]
    assert len(shared) == caller, listed


async def _one_payment(gql: GraphQLClient) -> list[str]:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "1000.00")
    for _ in range(2):  # the first warms the pools' connections and the counters' rows
        bill = await world.bill(ada, "50.00")
        pools = [get_connection(name)._pool for name in ("shared", "tenant")]
        with statements(*pools) as seen:
            paid = await ada.client.ok(PAY, b=bill["id"], k=uuid.uuid4().hex)
        assert paid["payBillFromWallet"]["status"] == "SUCCEEDED"
    return seen
