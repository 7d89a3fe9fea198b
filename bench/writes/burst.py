"""A burst: every resident pays a bill from their wallet at the same moment. Each has
its own connection, opened beforehand; the requests are released together. Then the
answers, the bills and payments, and `estatepay ledger verify` must all be right."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field

from bench.common import ROOT, read_response
from bench.writes.operations import PAY, request_bytes
from bench.writes.world import BILL_AMOUNT, Estate, Resident

CONNECTING_AT_ONCE = 100  # connections being opened at a time before the release


@dataclass
class Burst:
    residents: int
    bills: list[uuid.UUID]  # the bill each resident paid (or tried to)
    latencies: list[float] = field(default_factory=list)  # release -> answer, successes
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0  # release -> the last answer

    def pct_ms(self, q: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000


def reserve(estate: Estate, residents: int) -> list[tuple[Resident, uuid.UUID]]:
    """The burst's payments, set aside before anything else spends the bills: the first
    `residents` residents, one payable bill each."""
    payers = estate.residents[:residents]
    if len(payers) < residents or any(not p.payable for p in payers):
        raise SystemExit(f"the burst needs {residents} residents with a bill to pay")
    return [(p, p.payable.popleft()) for p in payers]


async def burst(port: int, estate: Estate, payments: list[tuple[Resident, uuid.UUID]]) -> Burst:
    """Every resident pays their bill, all released at once; every answer must be a
    SUCCEEDED payment of the bill's amount."""
    requests = [
        request_bytes(
            estate,
            port,
            {"query": PAY, "variables": {"b": str(bill), "k": uuid.uuid4().hex}},
            payer.token,
        )
        for payer, bill in payments
    ]
    result = Burst(len(payments), [bill for _, bill in payments])
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def connect() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        async with gate:
            return await asyncio.open_connection("127.0.0.1", port)

    opened = await asyncio.gather(*(connect() for _ in requests))
    release = asyncio.Event()
    released_at = 0.0
    due = f"{BILL_AMOUNT // 100}.{BILL_AMOUNT % 100:02d}"

    async def one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, req: bytes) -> None:
        await release.wait()
        writer.write(req)
        try:
            status, body = await read_response(reader)
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            result.failures.append(f"the server closed the connection: {error!r}")
            return
        answered = time.perf_counter() - released_at
        paid = paid_amount(status, body)
        if paid != due:
            result.failures.append(f"{status}: {body[:300]!r}")
        else:
            result.latencies.append(answered)

    try:
        tasks = [
            asyncio.create_task(one(r, w, req))
            for (r, w), req in zip(opened, requests, strict=True)
        ]
        await asyncio.sleep(0.2)  # every task is waiting at the gate
        released_at = time.perf_counter()
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 300)
        result.seconds = time.perf_counter() - released_at
    finally:
        for _, writer in opened:
            writer.close()
        for _, writer in opened:
            with contextlib.suppress(OSError):
                await writer.wait_closed()
    return result


def paid_amount(status: int, body: bytes) -> str | None:
    """The amount of a SUCCEEDED payment in this answer, else None."""
    try:
        answer = json.loads(body)
        payment = answer["data"]["payBillFromWallet"]
    except (ValueError, KeyError, TypeError):
        return None
    if status != 200 or answer.get("errors") or payment["status"] != "SUCCEEDED":
        return None
    return str(payment["amount"]["amount"])


async def check_bills(slug: str, bills: list[uuid.UUID]) -> list[str]:
    """What is wrong with the burst's bills in the database (Tortoise initialised): each
    must be PAID in full by exactly one SUCCEEDED payment."""
    from services.bills.models import Bill
    from services.payments.models import Payment
    from tenants.scope import tenant_scope

    problems: list[str] = []
    async with tenant_scope(slug):
        rows = await Bill.filter(id__in=bills).values("id", "status", "amount", "amount_paid")
        paid = await Payment.filter(bill_id__in=bills, status="SUCCEEDED").values_list(
            "bill_id", flat=True
        )
    counts: dict[str, int] = {}
    for bill_id in paid:
        counts[str(bill_id)] = counts.get(str(bill_id), 0) + 1
    if len(rows) != len(bills):
        problems.append(f"{len(bills) - len(rows)} of the burst's bills are missing")
    for row in rows:
        if row["status"] != "PAID" or row["amount_paid"] != row["amount"]:
            problems.append(f"bill {row['id']} is {row['status']}, {row['amount_paid']} paid")
        if counts.get(str(row["id"]), 0) != 1:
            problems.append(f"bill {row['id']} has {counts.get(str(row['id']), 0)} payments")
    return problems


def ledger_verify(slug: str, env: dict[str, str]) -> tuple[int, str]:
    """`estatepay ledger verify --estate SLUG` as an operator runs it: (exit code, what
    it printed)."""
    done = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "ledger", "verify", "--estate", slug],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    # Its log lines (stderr) only when it failed: they may say why.
    said = done.stdout if done.returncode == 0 else done.stdout + done.stderr
    return done.returncode, said.strip()
