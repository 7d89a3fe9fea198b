"""The journal's guarantees (balance, idempotency, overdraft guard, holds) and
`verify_ledger` / `estatepay ledger verify` naming each broken invariant."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid

import pytest
from tortoise.connection import get_connection

from services.errors import IdempotencyConflict, InsufficientFunds
from services.ledger.journal import (
    ESTATE_ADJUSTMENTS,
    ESTATE_REVENUE,
    Line,
    UnbalancedEntry,
    clearing_code,
    place_hold,
    post_entry,
    post_hold,
    release_hold,
    system_account,
)
from services.ledger.models import Account, JournalEntry, Posting
from services.ledger.verify import verify_ledger
from services.payments.models import Payment
from services.residents.models import Resident
from tenants.scope import TENANT_CONNECTION, tenant_scope
from tests.conftest import DATABASE_URL, make_estate

pytestmark = pytest.mark.usefixtures("database")


async def accounts() -> tuple[Account, Account, Account]:
    """A guarded resident wallet, the (overdraftable) adjustments account and the
    guarded estate revenue account."""
    wallet = await Account.create(code="wallet:x", kind="RESIDENT_WALLET", currency="NGN")
    return (
        wallet,
        await system_account(ESTATE_ADJUSTMENTS, "NGN"),
        await system_account(ESTATE_REVENUE, "NGN"),
    )


async def funded(amount: int = 100) -> tuple[Account, Account, Account, JournalEntry]:
    wallet, outside, revenue = await accounts()
    lines = [Line(wallet, amount), Line(outside, -amount)]
    entry, _ = await post_entry("fund", "ADJUSTMENT", lines)
    return wallet, outside, revenue, entry


async def balances(*accounts: Account) -> list[tuple[int, int]]:
    return [((a := await Account.get(id=x.id)).balance, a.held) for x in accounts]


async def sql(statement: str) -> None:
    await get_connection(TENANT_CONNECTION).execute_query(statement)


# The journal's guarantees.


async def test_balanced_entries_pass_verify() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, revenue, entry = await funded(500)
        await post_entry("spend", "X", [Line(wallet, -200), Line(revenue, 150), Line(outside, 50)])
        assert await balances(wallet, outside, revenue) == [(300, 0), (-450, 0), (150, 0)]
        postings = await Posting.filter(entry_id=entry.id).order_by("amount")
        assert [(p.amount, p.balance_after) for p in postings] == [(-500, -500), (500, 500)]
        assert await verify_ledger() == []


async def test_post_entry_refuses_unbalanced_and_zero_postings() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, revenue = await accounts()
        with pytest.raises(UnbalancedEntry, match="does not balance"):
            await post_entry("bad", "X", [Line(outside, 5), Line(revenue, -4)])
        with pytest.raises(UnbalancedEntry, match="zero"):
            await post_entry("zero", "X", [Line(outside, 0), Line(revenue, 0)])
        with pytest.raises(UnbalancedEntry):
            await post_entry("empty", "X", [])
        assert await JournalEntry.all().count() == 0
        assert await Posting.all().count() == 0
        assert await balances(wallet, outside, revenue) == [(0, 0), (0, 0), (0, 0)]


async def test_same_key_same_lines_replays_different_lines_conflict() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, _, entry = await funded(500)
        again, created = await post_entry(
            "fund", "ADJUSTMENT", [Line(wallet, 500), Line(outside, -500)]
        )
        assert (again.id, created) == (entry.id, False)
        with pytest.raises(IdempotencyConflict):
            await post_entry("fund", "ADJUSTMENT", [Line(wallet, 501), Line(outside, -501)])
        with pytest.raises(IdempotencyConflict):  # same lines, different kind
            await post_entry("fund", "DEPOSIT", [Line(wallet, 500), Line(outside, -500)])
        assert await JournalEntry.all().count() == 1
        assert await Posting.all().count() == 2
        assert await balances(wallet, outside) == [(500, 0), (-500, 0)]
        assert await verify_ledger() == []


async def test_guarded_account_cannot_go_negative_and_nothing_is_written() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, outside, revenue, _ = await funded(500)
        with pytest.raises(
            InsufficientFunds, match=r"^insufficient funds: 5\.00 NGN available, 5\.01 NGN needed$"
        ):
            await post_entry("too-much", "X", [Line(wallet, -501), Line(revenue, 501)])
        with pytest.raises(
            InsufficientFunds, match=r"^insufficient funds: 0\.00 NGN available, 0\.01 NGN needed$"
        ):
            await post_entry("from-revenue", "X", [Line(revenue, -1), Line(outside, 1)])
        assert not await JournalEntry.filter(idempotency_key__in=["too-much", "from-revenue"])
        assert await Posting.all().count() == 2
        assert await balances(wallet, outside, revenue) == [(500, 0), (-500, 0), (0, 0)]
        # Exactly the available amount is allowed; the adjustments account may go negative.
        await post_entry("all-of-it", "X", [Line(wallet, -500), Line(revenue, 500)])
        assert await balances(wallet, revenue) == [(0, 0), (500, 0)]
        assert await verify_ledger() == []


async def test_holds_reserve_then_release_or_post() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, _, revenue, _ = await funded(1000)
        hold = await place_hold(wallet, 700, "h1", "payout-1")
        assert (wallet.held, wallet.available) == (700, 300)
        with pytest.raises(
            InsufficientFunds, match=r"^insufficient funds: 3\.00 NGN available, 4\.00 NGN needed$"
        ):
            await post_entry("spend", "X", [Line(wallet, -400), Line(revenue, 400)])
        with pytest.raises(
            InsufficientFunds, match=r"^insufficient funds: 3\.00 NGN available, 3\.01 NGN needed$"
        ):
            await place_hold(wallet, 301, "h-too-big", "payout-x")
        assert await balances(wallet) == [(1000, 700)]
        assert (await release_hold(hold)).status == "RELEASED"
        assert await balances(wallet) == [(1000, 0)]
        assert (await release_hold(hold)).status == "RELEASED"  # releasing twice is a no-op
        assert await balances(wallet) == [(1000, 0)]
        await post_entry("spend", "X", [Line(wallet, -400), Line(revenue, 400)])

        second = await place_hold(wallet, 600, "h2", "payout-2")
        assert await balances(wallet) == [(600, 600)]
        posted = await post_hold(second, "PAYOUT", [Line(wallet, -600), Line(revenue, 600)])
        assert posted.status == "POSTED"
        assert await balances(wallet, revenue) == [(0, 0), (1000, 0)]
        entry = await JournalEntry.get(idempotency_key=f"hold:{second.id}")
        assert (entry.kind, entry.reference) == ("PAYOUT", "payout-2")
        assert (await release_hold(second)).status == "POSTED"  # a posted hold stays posted
        assert await balances(wallet) == [(0, 0)]
        assert await verify_ledger() == []


# verify_ledger on corrupted data: each problem names the object and the numbers.


async def test_verify_reports_a_balance_that_drifted_from_its_postings() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        await funded(100)
        await sql("UPDATE ledger_accounts SET balance = balance + 1 WHERE code = 'wallet:x'")
        problems = await verify_ledger()
        posting = await Posting.get(account__code="wallet:x")
    assert problems == [
        "account wallet:x (NGN) has balance 101 but its postings sum to 100",
        f"account wallet:x (NGN) has balance 101 but its latest posting {posting.id} "
        "has balance_after 100",
    ]


async def test_verify_reports_an_inserted_unbalanced_posting() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, _, _, entry = await funded(100)
        await sql(
            "INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after,"
            f" created_at) VALUES ('{entry.id}', '{wallet.id}', 7, 'NGN', 107, CURRENT_TIMESTAMP)"
        )
        problems = await verify_ledger()
        extra = await Posting.get(amount=7)
    assert problems == [
        f"entry {entry.id} (fund) does not balance in NGN: postings sum to 7",
        "account wallet:x (NGN) has balance 100 but its postings sum to 107",
        f"account wallet:x (NGN) has balance 100 but its latest posting {extra.id} "
        "has balance_after 107",
        "NGN postings sum to 7: money created or lost",
    ]


async def test_verify_reports_a_posting_in_another_currency_than_its_account() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, _, _, entry = await funded(100)
        await Posting.filter(account_id=wallet.id).update(currency="USD")
        posting = await Posting.get(account_id=wallet.id)
        problems = await verify_ledger()
    assert problems == [
        f"entry {entry.id} (fund) does not balance in NGN: postings sum to -100",
        f"entry {entry.id} (fund) does not balance in USD: postings sum to 100",
        f"posting {posting.id} of entry fund is in USD but account wallet:x is in NGN",
        "NGN postings sum to -100: money created or lost",
        "USD postings sum to 100: money created or lost",
    ]


async def test_verify_reports_entries_with_fewer_than_two_postings() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, _, _, _ = await funded(100)
        lonely = await JournalEntry.create(idempotency_key="lonely", fingerprint="-", kind="X")
        await Posting.filter(account_id=wallet.id).delete()
        await sql("UPDATE ledger_accounts SET balance = 0 WHERE code = 'wallet:x'")
        fund = await JournalEntry.get(idempotency_key="fund")
        problems = await verify_ledger()
    assert problems == [
        f"entry {fund.id} (fund) does not balance in NGN: postings sum to -100",
        f"entry {fund.id} (fund) has 1 postings, needs at least 2",
        f"entry {lonely.id} (lonely) has 0 postings, needs at least 2",
        "NGN postings sum to -100: money created or lost",
    ]


async def test_verify_reports_negative_guarded_accounts_and_holds() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        await funded(100)
        await sql("UPDATE ledger_accounts SET held = 150 WHERE code = 'wallet:x'")
        await sql(f"UPDATE ledger_accounts SET held = -1 WHERE code = '{ESTATE_ADJUSTMENTS}'")
        problems = await verify_ledger()
        # A guarded account below zero, with its postings (and so the sums) agreeing.
        await sql("UPDATE ledger_accounts SET held = 0")
        wallet, outside = await Account.get(code="wallet:x"), await Account.get(kind="ADJUSTMENTS")
        await Posting.filter(account_id=wallet.id).update(amount=-100, balance_after=-100)
        await Posting.filter(account_id=outside.id).update(amount=100, balance_after=100)
        await sql("UPDATE ledger_accounts SET balance = -balance")
        negative = await verify_ledger()
    assert problems == [
        f"account {ESTATE_ADJUSTMENTS} (NGN) has negative held -1",
        "account wallet:x (NGN) is below zero: available -50 (balance 100, held 150)",
        # Neither held amount is backed by an active hold.
        f"account {ESTATE_ADJUSTMENTS} (NGN) has held -1 but its active holds sum to 0",
        "account wallet:x (NGN) has held 150 but its active holds sum to 0",
    ]
    assert negative == ["account wallet:x (NGN) is below zero: balance -100"]


async def test_verify_reports_payments_without_exactly_one_entry() -> None:
    fixture = await make_estate()
    async with tenant_scope(fixture.slug):
        wallet, _, _ = await accounts()
        clearing = await system_account(clearing_code("PAYSTACK"), "NGN")
        resident = await Resident.create(user_id=uuid.uuid4())

        async def payment(reference: str, status: str) -> Payment:
            return await Payment.create(
                reference=reference,
                purpose="WALLET_DEPOSIT",
                provider="PAYSTACK",
                amount=100,
                currency="NGN",
                status=status,
                resident=resident,
            )

        async def entry(pay: Payment, reference: str, kind: str = "DEPOSIT") -> JournalEntry:
            lines = [Line(clearing, -pay.amount), Line(wallet, pay.amount)]
            done, _ = await post_entry(f"payment:{pay.id}", kind, lines, reference=reference)
            return done

        healthy = await payment("PAY-OK", "SUCCEEDED")
        await entry(healthy, "PAY-OK")
        refunded = await payment("PAY-REFUNDED", "PARTIALLY_REFUNDED")
        await entry(refunded, "PAY-REFUNDED")
        await payment("PAY-FAILED", "FAILED")
        assert await verify_ledger() == []

        missing = await payment("PAY-MISSING", "PENDING")
        await sql(f"UPDATE payments SET status = 'SUCCEEDED' WHERE id = '{missing.id}'")
        pending = await payment("PAY-PENDING", "PENDING")
        await entry(pending, "PAY-PENDING")
        wrong_kind = await payment("PAY-KIND", "SUCCEEDED")
        kind_entry = await entry(wrong_kind, "PAY-KIND", kind="ADJUSTMENT")
        wrong_reference = await payment("PAY-WRONG", "SUCCEEDED")
        reference_entry = await entry(wrong_reference, "PAY-ELSEWHERE")
        problems = await verify_ledger()
    assert problems == [
        "payment PAY-MISSING is SUCCEEDED with 0 ledger entries (expected 1)",
        "payment PAY-PENDING is PENDING with 1 ledger entries (expected 0)",
        f"payment PAY-KIND's entry {kind_entry.id} has kind ADJUSTMENT and reference "
        "PAY-KIND, expected one of BILL_PAYMENT, DEPOSIT and PAY-KIND",
        f"payment PAY-WRONG's entry {reference_entry.id} has kind DEPOSIT and reference "
        "PAY-ELSEWHERE, expected one of BILL_PAYMENT, DEPOSIT and PAY-WRONG",
    ]


# The command.


def test_cli_exits_non_zero_naming_the_problem(session_loop: asyncio.AbstractEventLoop) -> None:
    async def setup() -> str:
        fixture = await make_estate()
        async with tenant_scope(fixture.slug):
            await funded(100)
        return fixture.slug

    slug = session_loop.run_until_complete(setup())
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": ""}

    def verify(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "estatepay.cli", "ledger", "verify", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    healthy = verify("--estate", slug)
    assert (healthy.returncode, healthy.stdout) == (0, f"{slug}: ok\n"), healthy.stderr

    # Every active estate: this one is listed as ok, and the exit code follows the others.
    everything = verify()
    lines = everything.stdout.splitlines()
    assert f"{slug}: ok" in lines, everything.stderr
    assert everything.returncode == (0 if all(line.endswith(": ok") for line in lines) else 1)

    async def corrupt() -> None:
        async with tenant_scope(slug):
            await sql("UPDATE ledger_accounts SET balance = -5 WHERE code = 'wallet:x'")

    session_loop.run_until_complete(corrupt())
    broken = verify("--estate", slug)
    assert broken.returncode == 1, broken.stderr
    assert f"{slug}: account wallet:x (NGN) is below zero: balance -5\n" in broken.stdout
    assert f"{slug}: account wallet:x (NGN) has balance -5 but its postings sum to 100\n" in (
        broken.stdout
    )
    assert f"{slug}: ok" not in broken.stdout

    missing = verify("--estate", "no-such-estate")
    assert missing.returncode == 2
    assert "no-such-estate" in missing.stderr and missing.stdout == ""
