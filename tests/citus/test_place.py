"""`estatepay tenants place`: an estate moved to the other worker while its residents and
admin keep reading and writing; nothing lost (`ledger verify`), nothing refused."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from pathlib import Path

import pytest
from tortoise.connection import get_connection

from tenants import citus
from tenants.scope import schema_for
from tenants.settings import Settings
from tests.conftest import GraphQLClient
from tests.world import build_world

pytestmark = pytest.mark.citus

ROOT = Path(__file__).resolve().parents[2]
TOP_UP = (
    'mutation($w: ID!, $k: String!) { adjustWallet(walletId: $w, amount: "1.00", '
    'reason: "load", idempotencyKey: $k) { balance { amount } } }'
)


def cli_env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": str(settings.database_url),
        "DATABASE_DISTRIBUTED": "citus",
        "REDIS_URL": "",
        "PYTHONPATH": str(ROOT),
    }


async def cli(settings: Settings, *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "estatepay.cli",
        *args,
        env=cli_env(settings),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    return int(process.returncode or 0), out.decode(), err.decode()


async def test_an_estate_moves_under_read_and_write_load(
    gql: GraphQLClient, database: Settings
) -> None:
    world = await build_world(gql, residents=1, prefix="mov")
    ada = world.residents[0]
    db = get_connection("shared")
    found = await citus.placement_of(db, schema_for(world.slug))
    assert found is not None
    source = found[0]
    target = next(w for w in await citus.workers(db) if w != source)

    moving = True
    writes_during_move, reads, failures = 0, 0, []

    async def write() -> None:
        nonlocal writes_during_move
        while moving:
            body = await world.admin.execute(TOP_UP, w=ada.wallet_id, k=uuid.uuid4().hex)
            if body.get("errors"):
                failures.append(body["errors"])
            elif moving:
                writes_during_move += 1

    async def read() -> None:
        nonlocal reads
        while moving:
            body = await ada.client.execute(
                "{ wallet { balance { amount } } bills { totalCount } }"
            )
            if body.get("errors"):
                failures.append(body["errors"])
            reads += 1

    load = [asyncio.create_task(write()), asyncio.create_task(write()), asyncio.create_task(read())]
    try:
        code, out, err = await cli(database, "tenants", "place", world.slug, "--node", str(target))
    finally:
        moving = False
        await asyncio.gather(*load)
    assert (code, err) == (0, ""), out + err
    assert out.strip() == f"estate {world.slug} moved from {source} to {target}"
    moved = await citus.placement_of(db, schema_for(world.slug))
    assert moved is not None and moved[0] == target
    assert failures == []
    assert writes_during_move > 0 and reads > 0  # the load overlapped the move

    # Every top-up that answered is there, once: the balance is their count.
    topped = await ada.client.ok("{ wallet { balance { amount } transactions { totalCount } } }")
    count = topped["wallet"]["transactions"]["totalCount"]
    assert topped["wallet"]["balance"]["amount"] == f"{count}.00"
    code, out, err = await cli(database, "ledger", "verify", "--estate", world.slug)
    assert (code, out.strip()) == (0, f"{world.slug}: ok"), out + err


@pytest.mark.parametrize(
    ("slug", "node", "line"),
    [
        ("no-such-estate", None, "error (slug): no estate 'no-such-estate'"),
        (None, "127.0.0.1:1", "error (node): no worker 127.0.0.1:1 in the cluster (workers: "),
        (None, "nonsense", "estatepay tenants place: error: argument --node: 'nonsense' is not"),
    ],
)
async def test_bad_placements_are_one_line_and_exit_2(
    gql: GraphQLClient, database: Settings, slug: str | None, node: str | None, line: str
) -> None:
    world = await build_world(gql, residents=0, prefix="bad")
    workers = await citus.workers(get_connection("shared"))
    node = node or str(workers[0])
    code, out, err = await cli(database, "tenants", "place", slug or world.slug, "--node", node)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith(line), err
