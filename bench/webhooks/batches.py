"""Part 2's material: batches of stored events for pending payments, and the CPU they cost."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import os
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import asyncpg
import httpx

from bench.common import (
    Server,
    cpu_jiffies,
    cpu_used,
    postgres_pids,
    process_cpu,
)
from bench.webhooks.world import AMOUNT, CURRENCY, SCHEMA, SECRET, SLUG
from estatepay.demo.fakes.paystack import FakePaystack, Transaction

# --- part 2: applying -----------------------------------------------------------------


@dataclass
class Applied:
    label: str
    events: int = 0
    seconds: float = 0.0
    applier_cpu_s: float = 0.0  # the worker process, or this one
    paystack_cpu_s: float = 0.0
    postgres_cpu_s: float = 0.0
    busy_jiffies: int = 0
    total_jiffies: int = 0

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return f"{self.events} events in {self.seconds:.1f}s, {self.rate:.0f}/s"

    def per_event_ms(self, cpu_s: float) -> float:
        return cpu_s / self.events * 1000 if self.events else float("nan")

    @property
    def machine_busy(self) -> float:
        return self.busy_jiffies / self.total_jiffies if self.total_jiffies else 0.0

    @property
    def others_busy(self) -> float:
        cores = os.cpu_count() or 1
        mine = self.applier_cpu_s + self.paystack_cpu_s + self.postgres_cpu_s
        return max(0.0, self.machine_busy - mine / (self.seconds * cores))


class Batches:
    """Stored events for pending payments whose checkout the fake says succeeded."""

    def __init__(self, residents: list[uuid.UUID], paystack: Server) -> None:
        from services.payments.gateways.base import CircuitBreaker
        from services.payments.gateways.paystack import PaystackGateway

        self.residents = residents
        self.paystack = paystack
        self.fake = FakePaystack(SECRET)  # signs the bodies the real fake would send
        self.gateway = PaystackGateway({"secretKey": SECRET}, None, CircuitBreaker())
        self.ids = itertools.count(1)

    async def make(self, count: int) -> list[uuid.UUID]:
        from services.bills.issuing import take_numbers
        from services.bills.models import Bill
        from services.payments.idempotency import new_reference
        from services.payments.models import Payment, WebhookEvent
        from tenants.scope import tenant_scope

        now = datetime.now(UTC)
        bills: list[Bill] = []
        payments: list[Payment] = []
        events: list[WebhookEvent] = []
        completed: list[dict[str, Any]] = []
        async with tenant_scope(SLUG):
            numbers = await take_numbers(count)
            for i in range(count):
                resident = self.residents[i % len(self.residents)]
                tx_id, reference = next(self.ids), new_reference()
                bill = Bill(
                    id=uuid.uuid4(),
                    number=numbers[i],
                    resident_id=resident,
                    title="Service charge",
                    description="",
                    type="SERVICE_CHARGE",
                    amount=AMOUNT,
                    currency=CURRENCY,
                    status="ACKNOWLEDGED",
                    due_date=date(2030, 1, 31),
                    acknowledged_at=now,
                )
                bills.append(bill)
                payments.append(
                    Payment(
                        id=uuid.uuid4(),
                        reference=reference,
                        purpose="BILL_PAYMENT",
                        provider="PAYSTACK",
                        amount=AMOUNT,
                        currency=CURRENCY,
                        status="PENDING",
                        resident_id=resident,
                        bill_id=bill.id,
                        provider_reference=str(tx_id),
                    )
                )
                tx = Transaction(tx_id, reference, AMOUNT, CURRENCY, "payer@example.com", "success")
                self.fake.transactions[reference] = tx
                body, headers = self.fake.webhook(reference)
                del self.fake.transactions[reference]
                self.gateway.verify_webhook(body, headers)
                parsed = self.gateway.parse_webhook(body)
                events.append(
                    WebhookEvent(
                        id=uuid.uuid4(),
                        provider="PAYSTACK",
                        event_id=parsed.event_id,
                        type=parsed.type,
                        reference=parsed.reference,
                        payload=parsed.payload,
                    )
                )
                completed.append(
                    {
                        "id": tx_id,
                        "reference": reference,
                        "amount": AMOUNT,
                        "currency": CURRENCY,
                        "email": "payer@example.com",
                    }
                )
            await Bill.bulk_create(bills, batch_size=1000)
            await Payment.bulk_create(payments, batch_size=1000)
            await WebhookEvent.bulk_create(events, batch_size=1000)
        async with httpx.AsyncClient(timeout=60) as client:
            answer = await client.post(
                f"http://127.0.0.1:{self.paystack.port}/bench/completed", json=completed
            )
            answer.raise_for_status()
        return [e.id for e in events]


async def pending(monitor: asyncpg.Connection, ids: list[uuid.UUID]) -> int:
    return int(
        await monitor.fetchval(
            f"SELECT count(*) FROM {SCHEMA}.webhook_events "
            "WHERE id = ANY($1::uuid[]) AND status <> 'PROCESSED'",
            ids,
        )
    )


@contextlib.asynccontextmanager
async def accounted(
    result: Applied, applier_pid: int, paystack: Server, monitor: asyncpg.Connection
) -> AsyncIterator[None]:
    """Times the block and adds it, and the CPU used meanwhile, to `result`."""
    pg_pids = await postgres_pids(monitor)
    pids = [applier_pid, paystack.process.pid, *pg_pids]
    gc.collect()
    cpu0, (busy0, total0) = process_cpu(pids), cpu_jiffies()
    started = time.perf_counter()
    yield
    result.seconds += time.perf_counter() - started
    cpu1, (busy1, total1) = process_cpu(pids), cpu_jiffies()
    result.applier_cpu_s += cpu_used({applier_pid: cpu0[applier_pid]}, cpu1)
    result.paystack_cpu_s += cpu_used({paystack.process.pid: cpu0[paystack.process.pid]}, cpu1)
    result.postgres_cpu_s += cpu_used({p: cpu0[p] for p in pg_pids if p in cpu0}, cpu1)
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0


class LocalJobs:
    """The jobs applying sends (a delivery per notification written), run as tasks on this
    loop, as the worker runs them on its own; `drain` waits for them."""

    def __init__(self) -> None:
        self.running: set[asyncio.Task[None]] = set()

    async def send(self, job: str, *args: str | int) -> None:
        from workers import tasks

        task = asyncio.create_task(getattr(tasks, job)(*args))
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def drain(self) -> None:
        await asyncio.gather(*self.running)
