"""The ledger bench's two ways to pay a bill: the service, and the same transfer in raw SQL."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import asyncpg

from bench.ledger.world import BILL_AMOUNT, CURRENCY, PAYABLE_STATUSES, SLUG, Job, World
from services.access import Viewer
from services.payments.wallet_payments import new_reference, pay_bill_from_wallet
from tenants.scope import tenant_scope

# --- the payments -------------------------------------------------------------------

PayOne = Callable[[Job], Awaitable[None]]


def service_payer(world: World) -> PayOne:
    async def pay(job: Job) -> None:
        viewer = Viewer(job.payer.user_id, is_admin=False, resident_id=job.payer.resident_id)
        async with tenant_scope(SLUG):
            payment = await pay_bill_from_wallet(
                viewer,
                world.estate,
                str(job.bill_id),
                None,
                None,
                f"bench-{job.bill_id}",
                datetime.now(UTC),
            )
        if payment.status != "SUCCEEDED" or payment.amount != BILL_AMOUNT:
            raise AssertionError(f"payment {payment.reference} is {payment.status}")

    return pay


LOCK_BILL = (
    "SELECT amount - amount_paid FROM bills WHERE id = $1 AND status = ANY($2::varchar[]) "
    "FOR UPDATE"
)
LOCK_ACCOUNTS = (
    "SELECT id, balance, held, allow_negative FROM ledger_accounts "
    "WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE"
)
MOVE = "UPDATE ledger_accounts SET balance = balance + $2 WHERE id = $1 RETURNING balance"
INSERT_ENTRY = (
    "INSERT INTO ledger_entries (id, idempotency_key, fingerprint, kind, description, "
    "reference, created_at) VALUES ($1, $2, $3, 'BILL_PAYMENT', $4, $5, $6)"
)
INSERT_POSTINGS = (
    "INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $9), ($1, $6, $7, $4, $8, $9)"
)
UPDATE_BILL = (
    "UPDATE bills SET amount_paid = amount_paid + $2, status = CASE WHEN amount_paid + $2 "
    ">= amount THEN 'PAID' ELSE 'PARTIALLY_PAID' END, updated_at = $3 WHERE id = $1"
)
INSERT_PAYMENT = (
    "INSERT INTO payments (id, reference, purpose, provider, amount, currency, fee, status, "
    "idempotency_key, request_fingerprint, refunded_amount, created_at, completed_at, "
    "bill_id, resident_id) VALUES ($1, $2, 'BILL_PAYMENT', 'WALLET', $3, $4, 0, 'SUCCEEDED', "
    "$5, $6, 0, $7, $7, $8, $9)"
)
INSERT_AUDIT = (
    "INSERT INTO audit_log (actor_id, action, object_type, object_id, after, created_at) "
    "VALUES ($1, 'payBillFromWallet', 'Payment', $2, $3::jsonb, $4)"
)
INSERT_NOTIFICATION = (
    "INSERT INTO notifications (id, user_id, kind, title, body, created_at) "
    "VALUES ($1, $2, 'PAYMENT_SUCCEEDED', $3, '', $4)"
)


async def raw_transfer(conn: asyncpg.Connection, world: World, job: Job, all_rows: bool) -> None:
    now = datetime.now(UTC)
    payment_id = uuid.uuid4()
    reference = new_reference()
    async with conn.transaction():
        await conn.execute("SELECT set_config('search_path', $1, true)", world.schema)
        if all_rows:
            await conn.execute(
                INSERT_PAYMENT,
                payment_id,
                reference,
                BILL_AMOUNT,
                CURRENCY,
                f"raw-{job.bill_id}",
                hashlib.sha256(str(job.bill_id).encode()).hexdigest(),
                now,
                job.bill_id,
                job.payer.resident_id,
            )
        due = await conn.fetchval(LOCK_BILL, job.bill_id, PAYABLE_STATUSES)
        if due is None or due <= 0:
            raise AssertionError(f"bill {job.bill_id} is not payable")
        wallet, revenue = job.payer.account_id, world.revenue_id
        locked = {
            row["id"]: row for row in await conn.fetch(LOCK_ACCOUNTS, sorted([wallet, revenue]))
        }
        payer = locked[wallet]
        if not payer["allow_negative"] and payer["balance"] - payer["held"] < due:
            raise AssertionError("insufficient funds")
        wallet_after = await conn.fetchval(MOVE, wallet, -due)
        revenue_after = await conn.fetchval(MOVE, revenue, due)
        entry_id = uuid.uuid4()
        key = f"payment:{payment_id}" if all_rows else f"raw:{payment_id}"
        fingerprint = hashlib.sha256(f"{wallet}|{revenue}|{due}".encode()).hexdigest()
        await conn.execute(
            INSERT_ENTRY, entry_id, key, fingerprint, "Service charge", reference, now
        )
        await conn.execute(
            INSERT_POSTINGS,
            entry_id,
            wallet,
            -due,
            CURRENCY,
            wallet_after,
            revenue,
            due,
            revenue_after,
            now,
        )
        await conn.execute(UPDATE_BILL, job.bill_id, due, now)
        if all_rows:
            after = json.dumps({"amount": due, "fee": 0, "status": "PAID"})
            await conn.execute(INSERT_AUDIT, job.payer.user_id, str(payment_id), after, now)
            await conn.execute(
                INSERT_NOTIFICATION, uuid.uuid4(), job.payer.user_id, f"Paid {due}", now
            )


def raw_payer(pool: asyncpg.Pool, world: World, all_rows: bool) -> PayOne:
    async def pay(job: Job) -> None:
        async with pool.acquire() as conn:
            await raw_transfer(conn, world, job, all_rows)

    return pay
