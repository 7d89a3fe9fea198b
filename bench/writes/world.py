"""The writes bench's names and its estate: residents with funded wallets, bills to pay and
bills to acknowledge, seeded through the models on PostgreSQL or SQLite alike."""

from __future__ import annotations

import sys
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bench.common import log

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_writes"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/12"
SLUG = "bench-writes"
CURRENCY = "NGN"
PASSWORD = "bench-Passw0rd!"
SECRET_KEY = "bench-writes-secret-key-0123456789abcdef"
BILL_AMOUNT = 1_000  # minor units: 10.00 NGN, paid in full
ADJUSTMENT = "0.01"  # adjustWallet's credit per request (major units)
FUNDING = 100_000_000_000  # minor units per wallet: far more than any run spends
FUNDING_LINES = 500  # wallets funded per ledger entry (one entry, many postings)
SERVE = [sys.executable, "-m", "estatepay.cli", "serve"]  # run from ROOT


@dataclass
class Resident:
    index: int
    user_id: uuid.UUID
    resident_id: uuid.UUID
    wallet_id: uuid.UUID
    account_id: uuid.UUID
    token: str = ""
    payable: deque[uuid.UUID] = field(default_factory=deque)  # ACKNOWLEDGED, unpaid
    pending: deque[uuid.UUID] = field(default_factory=deque)  # PENDING_ACKNOWLEDGMENT


@dataclass
class Estate:
    slug: str
    admin_token: str
    residents: list[Resident]


async def seed(
    slug: str,
    residents: int,
    payable_each: int,
    pending_each: int,
    secret_key: str = SECRET_KEY,
) -> Estate:
    """One estate through `create_estate`, then its residents (users with one precomputed
    argon2 hash and RESIDENT memberships), wallets funded by balanced ledger entries, and
    the bills, in bulk. Tortoise must be initialised (PostgreSQL or SQLite). The tokens
    are signed with `secret_key`: the server under test must have the same SECRET_KEY."""
    from services.bills.issuing import take_numbers
    from services.bills.models import Bill
    from services.estates import provisioning
    from services.identity.models import Membership, User
    from services.identity.passwords import hash_password
    from services.identity.sessions import start_session
    from services.ledger.journal import (
        ESTATE_ADJUSTMENTS,
        ESTATE_REVENUE,
        WALLET_PREFIX,
        Line,
        post_entry,
        system_account,
    )
    from services.ledger.models import Account
    from services.residents.models import Resident as ResidentRow
    from services.wallets.models import Wallet
    from tenants.scope import tenant_scope

    begun = time.perf_counter()
    admin_email = f"admin@{slug}.example.com"
    estate = await provisioning.create_estate(
        provisioning.EstateInput(
            slug=slug,
            name="Writes bench estate",
            currency=CURRENCY,
            timezone="Africa/Lagos",
            admin_email=admin_email,
            admin_full_name="Bench Admin",
            admin_password=PASSWORD,
        )
    )
    admin = await User.get(email=admin_email)
    shared_hash = hash_password(PASSWORD)
    people = [
        Resident(r, uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4())
        for r in range(residents)
    ]
    await User.bulk_create(
        [
            User(
                id=p.user_id,
                email=f"r{p.index:05d}@{slug}.example.com",
                full_name=f"Resident {p.index}",
                password_hash=shared_hash,
            )
            for p in people
        ],
        batch_size=1000,
    )
    await Membership.bulk_create(
        [Membership(user_id=p.user_id, estate_id=estate.id, role="RESIDENT") for p in people],
        batch_size=1000,
    )
    async with tenant_scope(slug):
        await system_account(ESTATE_REVENUE, CURRENCY)  # opened before the load
        adjustments = await system_account(ESTATE_ADJUSTMENTS, CURRENCY)
        await ResidentRow.bulk_create(
            [ResidentRow(id=p.resident_id, user_id=p.user_id) for p in people], batch_size=1000
        )
        await Account.bulk_create(
            [
                Account(
                    id=p.account_id,
                    code=f"{WALLET_PREFIX}{p.wallet_id}",
                    kind="RESIDENT_WALLET",
                    currency=CURRENCY,
                )
                for p in people
            ],
            batch_size=1000,
        )
        # Loaded back: the ledger takes saved accounts only.
        accounts = await Account.filter(kind="RESIDENT_WALLET").order_by("id")
        await Wallet.bulk_create(
            [
                Wallet(
                    id=p.wallet_id,
                    resident_id=p.resident_id,
                    account_id=p.account_id,
                    currency=CURRENCY,
                )
                for p in people
            ],
            batch_size=1000,
        )
        # Funds through the ledger (one entry per FUNDING_LINES wallets), so every
        # balance is backed by postings and `ledger verify` holds from the start.
        for start in range(0, len(accounts), FUNDING_LINES):
            chunk = accounts[start : start + FUNDING_LINES]
            lines = [Line(account, FUNDING) for account in chunk]
            lines.append(Line(adjustments, -FUNDING * len(chunk)))
            await post_entry(
                f"bench-funding:{start}", "ADJUSTMENT", lines, description="bench funding"
            )
        now = datetime.now(UTC)
        numbers = iter(await take_numbers(residents * (payable_each + pending_each)))
        bills: list[Bill] = []
        for p in people:
            for status, queue, count in (
                ("ACKNOWLEDGED", p.payable, payable_each),
                ("PENDING_ACKNOWLEDGMENT", p.pending, pending_each),
            ):
                for _ in range(count):
                    bill_id = uuid.uuid4()
                    queue.append(bill_id)
                    bills.append(
                        Bill(
                            id=bill_id,
                            number=next(numbers),
                            resident_id=p.resident_id,
                            title="Service charge",
                            description="",
                            type="SERVICE_CHARGE",
                            amount=BILL_AMOUNT,
                            currency=CURRENCY,
                            status=status,
                            due_date=date(2030, 1, 31),
                            acknowledged_at=now if status == "ACKNOWLEDGED" else None,
                        )
                    )
        await Bill.bulk_create(bills, batch_size=1000)
    lifetime = timedelta(hours=6)
    for p in people:
        p.token = (await start_session(p.user_id, secret_key, lifetime)).token
    admin_token = (await start_session(admin.id, secret_key, lifetime)).token
    log(
        f"seeded {slug!r} in {time.perf_counter() - begun:.1f}s: {residents:,} residents with"
        f" funded wallets, {residents * payable_each:,} acknowledged bills to pay,"
        f" {residents * pending_each:,} bills to acknowledge"
    )
    return Estate(slug, admin_token, people)
