from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
from tortoise.connection import get_connection

from services.errors import IdempotencyConflict, InsufficientFunds
from services.ledger.journal import (
    ESTATE_ADJUSTMENTS,
    ESTATE_REVENUE,
    Line,
    UnbalancedEntry,
    place_hold,
    post_entry,
    post_hold,
    release_hold,
    system_account,
)
from services.ledger.models import Account, JournalEntry
from services.ledger.verify import verify_ledger
from tenants.scope import TENANT_CONNECTION, tenant_scope
from tests.conftest import DATABASE_URL, make_estate

pytestmark = pytest.mark.usefixtures("database")


async def accounts() -> tuple[Account, Account, Account]:
    wallet = await Account.create(code="wallet:test", kind="RESIDENT_WALLET", currency="NGN")
    return (
        wallet,
        await system_account(ESTATE_ADJUSTMENTS, "NGN"),
        await system_account(ESTATE_REVENUE, "NGN"),
    )


async def test_entries_balance_replay_and_guard_overdraft() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, revenue = await accounts()
        entry, created = await post_entry(
            "fund", "ADJUSTMENT", [Line(wallet, 500), Line(outside, -500)]
        )
        again, created_again = await post_entry(
            "fund", "ADJUSTMENT", [Line(wallet, 500), Line(outside, -500)]
        )
        assert created and not created_again and again.id == entry.id
        with pytest.raises(IdempotencyConflict):
            await post_entry("fund", "ADJUSTMENT", [Line(wallet, 501), Line(outside, -501)])
        with pytest.raises(UnbalancedEntry):
            await post_entry("bad", "X", [Line(wallet, 5), Line(revenue, -4)])
        with pytest.raises(UnbalancedEntry):
            await post_entry("zero", "X", [Line(wallet, 0), Line(revenue, 0)])
        with pytest.raises(InsufficientFunds):
            await post_entry("too-much", "X", [Line(wallet, -501), Line(revenue, 501)])
        assert not await JournalEntry.exists(idempotency_key="too-much")
        assert (await Account.get(id=wallet.id)).balance == 500
        assert await verify_ledger() == []


async def test_holds_reserve_then_post_or_release() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, revenue = await accounts()
        await post_entry("fund", "ADJUSTMENT", [Line(wallet, 1000), Line(outside, -1000)])
        hold = await place_hold(wallet, 700, "h1", "payout-1")
        with pytest.raises(InsufficientFunds):  # only 300 is available now
            await post_entry("spend", "X", [Line(wallet, -400), Line(revenue, 400)])
        await release_hold(hold)
        assert (await Account.get(id=wallet.id)).held == 0
        second = await place_hold(wallet, 600, "h2", "payout-2")
        await post_hold(second, "PAYOUT", [Line(wallet, -600), Line(revenue, 600)])
        after = await Account.get(id=wallet.id)
        assert (after.balance, after.held) == (400, 0)
        assert await verify_ledger() == []


async def test_verify_names_each_broken_invariant() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, _ = await accounts()
        await post_entry("fund", "ADJUSTMENT", [Line(wallet, 100), Line(outside, -100)])
        db = get_connection(TENANT_CONNECTION)
        await db.execute_query(
            "UPDATE ledger_accounts SET balance = balance + 1 WHERE code = 'wallet:test'"
        )
        await db.execute_query("UPDATE ledger_postings SET amount = -99 WHERE amount = -100")
        problems = await verify_ledger()
    assert any("entry fund does not balance" in p for p in problems), problems
    assert any("account wallet:test" in p and "balance 101" in p for p in problems), problems
    assert any("money created or lost" in p for p in problems), problems


def test_cli_exits_non_zero_naming_the_problem(session_loop: asyncio.AbstractEventLoop) -> None:
    async def setup() -> str:
        fixture = await make_estate()
        async with tenant_scope(fixture.slug):
            wallet, outside, _ = await accounts()
            await post_entry("fund", "ADJUSTMENT", [Line(wallet, 100), Line(outside, -100)])
        return fixture.slug

    slug = session_loop.run_until_complete(setup())
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": ""}
    command = [sys.executable, "-m", "estatepay.cli", "ledger", "verify", "--estate", slug]
    healthy = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert healthy.returncode == 0 and f"{slug}: ok" in healthy.stdout, healthy.stderr

    async def corrupt() -> None:
        async with tenant_scope(slug):
            await get_connection(TENANT_CONNECTION).execute_query(
                "UPDATE ledger_accounts SET balance = -5 WHERE code = 'wallet:test'"
            )

    session_loop.run_until_complete(corrupt())
    broken = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1
    assert f"{slug}: account wallet:test (NGN) is below zero" in broken.stdout
    missing = subprocess.run(
        [*command[:-1], "no-such-estate"], env=env, capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 2
