"""The one function that moves money, and the accounts it moves it between.

Every movement is one balanced entry (postings sum to zero per currency) under a unique
idempotency key. Accounts are locked in id order, so concurrent entries never deadlock,
and each balance is updated with its postings in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.connection import get_connection
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from services.errors import IdempotencyConflict
from services.events import changed
from services.ledger.models import Account, Hold, JournalEntry, Posting
from services.money import shortfall
from tenants.database import is_citus
from tenants.scope import TENANT_CONNECTION, current_scope, savepoint

# Accounts that exist once per estate and currency: code -> (kind, may go negative).
ESTATE_REVENUE = "estate:revenue"
ESTATE_ADJUSTMENTS = "estate:adjustments"
PLATFORM_FEES = "platform:fees"
WALLET_PREFIX = "wallet:"  # a resident wallet's account: "wallet:<wallet id>"
PAYOUTS_IN_TRANSIT = "payouts:in-transit"
# Wallet balances paid back to their residents (`refundWalletBalance`)...
WALLET_REFUNDS_PAID = "wallets:refunded"
# ...and on their way there: out of the wallet, waiting for approval and the bank.
WALLET_REFUNDS_IN_TRANSIT = "wallet-refunds:in-transit"
REWARDS = "rewards"  # where rewards are granted from (promotional, not money)
REWARDS_PREFIX = "rewards:"  # a resident's rewards: "rewards:<resident id>"
REWARDS_REDEEMED = "rewards:redeemed"  # rewards applied to bills
# Account kinds that hold rewards: no entry may move them to or from any other kind.
REWARD_KINDS = ("REWARDS", "RESIDENT_REWARDS", "REWARDS_REDEEMED")
SYSTEM_ACCOUNTS = {
    ESTATE_REVENUE: ("ESTATE_REVENUE", False),
    # The other side of admin adjustments: money the estate put in or took out.
    ESTATE_ADJUSTMENTS: ("ADJUSTMENTS", True),
    PLATFORM_FEES: ("PLATFORM_FEES", False),
    PAYOUTS_IN_TRANSIT: ("PAYOUTS_IN_TRANSIT", False),
    WALLET_REFUNDS_PAID: ("WALLET_REFUNDS", False),
    WALLET_REFUNDS_IN_TRANSIT: ("WALLET_REFUNDS_IN_TRANSIT", False),
    REWARDS: ("REWARDS", True),
    REWARDS_REDEEMED: ("REWARDS_REDEEMED", False),
}


def clearing_code(provider: str) -> str:
    """Where money from a provider arrives before it is settled to the estate."""
    return f"clearing:{provider.lower()}"


@dataclass(frozen=True)
class Line:
    account: Account
    amount: int  # signed minor units: + credit to this account, - debit


class UnbalancedEntry(ValueError):
    """A programming error: an entry whose postings do not sum to zero."""


async def system_account(code: str, currency: str) -> Account:
    kind, allow_negative = SYSTEM_ACCOUNTS.get(code, ("CLEARING", True))
    account = await Account.get_or_none(code=code, currency=currency)
    if account is not None:
        return account
    try:
        async with savepoint():
            return await Account.create(
                code=code, kind=kind, currency=currency, allow_negative=allow_negative
            )
    except IntegrityError:  # opened concurrently
        return await Account.get(code=code, currency=currency)


def _fingerprint(kind: str, lines: list[Line]) -> str:
    parts = sorted((str(line.account.id), line.amount) for line in lines)
    return hashlib.sha256(json.dumps([kind, parts]).encode()).hexdigest()


async def post_entry(
    idempotency_key: str,
    kind: str,
    lines: list[Line],
    *,
    description: str = "",
    reference: str | None = None,
    known_new: bool = False,
) -> tuple[JournalEntry, bool]:
    """Write one balanced entry. Returns (entry, created): the same key with the same
    lines returns the original entry; with different lines it is a conflict.
    `known_new`: the caller guarantees the key is fresh (it derives from a row it just
    inserted) and that it runs inside a savepoint: no look-up and no savepoint of our own,
    and on PostgreSQL the whole entry is one statement (`POST_AT_ONCE`)."""
    totals: dict[str, int] = defaultdict(int)
    for line in lines:
        if line.amount == 0:
            raise UnbalancedEntry("a posting of zero")
        totals[line.account.currency] += line.amount
    if not lines or any(totals.values()):
        raise UnbalancedEntry(f"entry {idempotency_key!r} does not balance: {dict(totals)}")
    fingerprint = _fingerprint(kind, lines)

    accounts = {line.account.id: line.account for line in lines}
    moves: dict[uuid.UUID, int] = defaultdict(int)
    for line in lines:
        moves[line.account.id] += line.amount
    db = get_connection(TENANT_CONNECTION)
    # A known-new key comes from a caller already in a savepoint: no need for another.
    async with nullcontext() if known_new else savepoint():
        # Not on Citus: with it, the cluster's API subset lost wallet and provider payments
        # (tests/citus); there the step-by-step path below.
        if known_new and db.capabilities.dialect == "postgres" and not is_citus():
            entry, balances = await _post_at_once(
                idempotency_key, fingerprint, kind, description, reference, accounts, moves
            )
        else:
            if known_new:
                entry = await _new_entry(idempotency_key, fingerprint, kind, description, reference)
            else:
                entry, created = await _claim_key(
                    idempotency_key, fingerprint, kind, description, reference
                )
                if not created:
                    return entry, False
            balances = await _post_step_by_step(entry, accounts, moves)
        for line in lines:  # callers keep using their objects: keep them current
            line.account.balance = balances[line.account.id]
        for account in accounts.values():
            if account.code.startswith(WALLET_PREFIX):
                changed("wallet", account.code.removeprefix(WALLET_PREFIX))
        return entry, True


async def _claim_key(
    key: str, fingerprint: str, kind: str, description: str, reference: str | None
) -> tuple[JournalEntry, bool]:
    """The new entry under `key`, or the one already there (the same request only)."""
    existing = await JournalEntry.get_or_none(idempotency_key=key)
    if existing is not None:
        return _same_request(existing, fingerprint), False
    try:
        async with savepoint():
            return await _new_entry(key, fingerprint, kind, description, reference), True
    except IntegrityError:  # the same key committed meanwhile
        existing = await JournalEntry.get(idempotency_key=key)
        return _same_request(existing, fingerprint), False


async def _post_step_by_step(
    entry: JournalEntry, accounts: dict[uuid.UUID, Account], moves: dict[uuid.UUID, int]
) -> dict[uuid.UUID, int]:
    """The accounts' balances and the entry's postings, a statement each; the new balances.
    Accounts last, so hot rows like the estate's revenue are held briefly; in id order, so
    never in a cycle. One guarded UPDATE ... RETURNING per account takes the row lock,
    checks the funds and yields the new balance."""
    balances = {
        account_id: await _move(accounts[account_id], moves[account_id])
        for account_id in sorted(moves, key=str)
    }
    await Posting.bulk_create(
        [
            Posting(
                entry=entry,
                account=accounts[account_id],
                amount=amount,
                currency=accounts[account_id].currency,
                balance_after=balances[account_id],
            )
            for account_id, amount in moves.items()
        ]
    )
    return balances


# The entry, its guarded balance updates and its postings in one statement (PostgreSQL,
# known-new keys): the accounts are locked in id order first (`locked`), as `_move` does
# one by one, so entries never wait on each other in a cycle. A guarded account that
# would go below what it holds is left out of `moved`: the caller's savepoint undoes the
# rest when we raise.
POST_AT_ONCE = """
WITH moves AS (
  SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bool[]) AS m(account_id, amount, guarded)
), locked AS (
  SELECT id FROM ledger_accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE
), moved AS (
  UPDATE ledger_accounts a SET balance = a.balance + m.amount
  FROM moves m JOIN locked l ON l.id = m.account_id
  WHERE a.id = m.account_id AND (NOT m.guarded OR a.balance - a.held + m.amount >= 0)
  RETURNING a.id, a.balance, a.currency, m.amount
), entry AS (
  INSERT INTO ledger_entries (id, idempotency_key, fingerprint, kind, description, reference,
    created_at) VALUES ($4, $5, $6, $7, $8, $9, $10)
), posted AS (
  INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, created_at)
  SELECT $4, id, amount, currency, balance, $10 FROM moved
)
SELECT id, balance FROM moved"""


async def _post_at_once(
    key: str,
    fingerprint: str,
    kind: str,
    description: str,
    reference: str | None,
    accounts: dict[uuid.UUID, Account],
    moves: dict[uuid.UUID, int],
) -> tuple[JournalEntry, dict[uuid.UUID, int]]:
    ids = sorted(moves, key=str)
    entry = JournalEntry(
        id=uuid.uuid4(),
        idempotency_key=key,
        fingerprint=fingerprint,
        kind=kind,
        description=description[:500],
        reference=reference,
        created_at=datetime.now(UTC),
    )
    rows = await get_connection(TENANT_CONNECTION).execute_query_dict(
        POST_AT_ONCE,
        [
            ids,
            [moves[i] for i in ids],
            [moves[i] < 0 and not accounts[i].allow_negative for i in ids],
            entry.id,
            key,
            fingerprint,
            kind,
            entry.description,
            reference,
            entry.created_at,
        ],
    )
    balances = {row["id"]: int(row["balance"]) for row in rows}
    for account_id in ids:
        if account_id not in balances:  # a guarded account short of funds
            current = await Account.get(id=account_id)
            raise shortfall(current.available, -moves[account_id], current.currency)
    entry._saved_in_db = True
    entry._estate_slug = current_scope().slug
    return entry, balances


async def _move(account: Account, amount: int) -> int:
    """Add `amount` to the account's balance; the new balance, or `InsufficientFunds` when
    a guarded account would go below what it holds."""
    db = get_connection(TENANT_CONNECTION)
    postgres = db.capabilities.dialect != "sqlite"
    mark = (lambda n: f"${n}") if postgres else (lambda n: "?")
    key = account.id if postgres else str(account.id)
    guarded = amount < 0 and not account.allow_negative
    sql = f"UPDATE ledger_accounts SET balance = balance + {mark(1)} WHERE id = {mark(2)}"
    params: list[Any] = [amount, key]
    if guarded:
        sql += f" AND balance - held + {mark(1)} >= 0"
        params += [] if postgres else [amount]
    # execute_query_dict: Tortoise's execute_query drops RETURNING rows of an UPDATE.
    rows = await db.execute_query_dict(sql + " RETURNING balance", params)
    if not rows:
        current = await Account.get(id=account.id)
        raise shortfall(current.available, -amount, current.currency)
    return int(rows[0]["balance"])


async def _new_entry(
    key: str, fingerprint: str, kind: str, description: str, reference: str | None
) -> JournalEntry:
    return await JournalEntry.create(
        idempotency_key=key,
        fingerprint=fingerprint,
        kind=kind,
        description=description[:500],
        reference=reference,
    )


def _same_request(entry: JournalEntry, fingerprint: str) -> JournalEntry:
    if entry.fingerprint != fingerprint:
        raise IdempotencyConflict(
            "this idempotency key was used for a different request", field="idempotencyKey"
        )
    return entry


async def place_hold(account: Account, amount: int, idempotency_key: str, reference: str) -> Hold:
    """Reserve `amount` of the account's available funds."""
    async with savepoint():
        existing = await Hold.get_or_none(idempotency_key=idempotency_key)
        if existing is not None:
            return existing
        locked = await Account.filter(id=account.id).select_for_update().get()
        if not locked.allow_negative and locked.available < amount:
            raise shortfall(locked.available, amount, locked.currency)
        await Account.filter(id=account.id).update(held=F("held") + amount)
        account.held = locked.held + amount
        return await Hold.create(
            account=locked, amount=amount, idempotency_key=idempotency_key, reference=reference
        )


async def release_hold(hold: Hold) -> Hold:
    """Give the reserved funds back (the payout was rejected or failed)."""
    return await _finish_hold(hold, "RELEASED", None)


async def post_hold(hold: Hold, kind: str, lines: list[Line], description: str = "") -> Hold:
    """Turn the hold into an entry: the reservation ends as the money moves."""
    return await _finish_hold(hold, "POSTED", (kind, lines, description))


async def _finish_hold(hold: Hold, status: str, entry: tuple[str, list[Line], str] | None) -> Hold:
    async with savepoint():
        current = await Hold.filter(id=hold.id).select_for_update().get()
        if current.status != "ACTIVE":
            return current
        await Account.filter(id=current.account_id).update(held=F("held") - current.amount)
        if entry is not None:
            kind, lines, description = entry
            # The reservation is lifted first, so the entry may spend what it held.
            await post_entry(
                f"hold:{current.id}",
                kind,
                lines,
                description=description,
                reference=current.reference,
            )
        current.status = status
        await current.save(update_fields=["status"])
        return current
