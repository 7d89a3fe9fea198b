"""The scale bench's estates as a resident sees them: a resident with a funded wallet, a
page of bills and one large acknowledged bill to pay a little of at a time, all made
through the GraphQL API in process (the ASGI app over httpx), as a client would."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from bench.tenancy.world import ADMIN_PASSWORD, estate_input
from services.estates import provisioning

BILLS = 25  # the resident's bills page: 20 of them
BILLS_QUERY = (
    "{ bills(first: 20) { totalCount edges { node { id number title status dueDate "
    "amount { amount currency } amountPaid { amount } } } } }"
)
PAY = (
    'mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, amount: "1.00", '
    "idempotencyKey: $k) { status } }"
)


class Client:
    def __init__(self, http: httpx.AsyncClient, token: str | None = None, tenant: str = ""):
        self.http, self.token, self.tenant = http, token, tenant

    async def ok(self, query: str, **variables: Any) -> dict[str, Any]:
        headers = {"X-Tenant": self.tenant} if self.tenant else {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        body = response.json()
        if response.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"{query[:60]}...: {response.status_code} {body}")
        data: dict[str, Any] = body["data"]
        return data

    async def login(self, email: str, password: str, tenant: str) -> Client:
        data = await Client(self.http).ok(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
            e=email,
            p=password,
        )
        return Client(self.http, data["login"]["token"], tenant)


@dataclass
class Resident:
    slug: str
    client: Client
    admin: Client
    resident_id: str
    big_bill: str  # acknowledged, paid 1.00 at a time

    async def on(self, http: httpx.AsyncClient) -> Resident:
        """The same resident through another server (over a copy of the database)."""
        admin = await Client(http).login(
            estate_input(self.slug).admin_email, ADMIN_PASSWORD, self.slug
        )
        client = await Client(http).login(resident_email(self.slug), ADMIN_PASSWORD, self.slug)
        return Resident(self.slug, client, admin, self.resident_id, self.big_bill)

    async def fresh_bill(self) -> None:
        """A new large bill to pay from: payments on one bill must not pile up across
        the sizes compared."""
        big = (
            await self.admin.ok(CREATE_BILL, r=self.resident_id, u=None, a="900000.00", t="Big")
        )["createBill"]["id"]
        await self.client.ok("mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=big)
        self.big_bill = big


CREATE_BILL = (
    "mutation($r: ID!, $u: ID, $a: Decimal!, $t: String!) { createBill(input: {"
    "residentId: $r, unitId: $u, title: $t, type: SERVICE_CHARGE, amount: $a, "
    'dueDate: "2030-01-31"}) { id } }'
)


def resident_email(slug: str) -> str:
    return f"resident@{slug}.bench.example.com"


async def seed_resident(http: httpx.AsyncClient, slug: str, bills: int = BILLS) -> Resident:
    """An estate made with create_estate, then through the API: a property, a unit, a
    resident in it, their wallet funded, `bills` small bills and one large one."""
    await provisioning.create_estate(estate_input(slug))
    admin = await Client(http).login(estate_input(slug).admin_email, ADMIN_PASSWORD, slug)
    prop = (await admin.ok('mutation { createProperty(input: {name: "Block A"}) { id } }'))[
        "createProperty"
    ]["id"]
    unit = (
        await admin.ok(
            'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "A1"}) { id } }', p=prop
        )
    )["createUnit"]["id"]
    email = resident_email(slug)
    resident = (
        await admin.ok(
            "mutation($e: String!, $u: ID!, $pw: String!) { createResident(input: {email: $e, "
            'fullName: "Bench Resident", password: $pw, unitIds: [$u]}) { id wallet { id } } }',
            e=email,
            u=unit,
            pw=ADMIN_PASSWORD,
        )
    )["createResident"]
    await admin.ok(
        'mutation($w: ID!, $k: String!) { adjustWallet(walletId: $w, amount: "900000000.00", '
        'reason: "bench", idempotencyKey: $k) { balance { amount } } }',
        w=resident["wallet"]["id"],
        k=uuid.uuid4().hex,
    )
    for n in range(bills):
        await admin.ok(CREATE_BILL, r=resident["id"], u=unit, a="5000.00", t=f"Levy {n}")
    client = await Client(http).login(email, ADMIN_PASSWORD, slug)
    seeded = Resident(slug, client, admin, resident["id"], "")
    await seeded.fresh_bill()
    return seeded


async def read_bills(resident: Resident) -> None:
    await resident.client.ok(BILLS_QUERY)


async def pay_one(resident: Resident) -> None:
    data = await resident.client.ok(PAY, b=resident.big_bill, k=uuid.uuid4().hex)
    if data["payBillFromWallet"]["status"] != "SUCCEEDED":
        raise RuntimeError(f"payment {data}")


@dataclass(frozen=True)
class Latency:
    label: str
    samples: list[float]

    def pct(self, q: int) -> float:
        """The q-th percentile in ms (q=50: the median)."""
        return statistics.quantiles(self.samples, n=100, method="inclusive")[q - 1] * 1000

    def line(self) -> str:
        return f"{self.label:<28} p50 {self.pct(50):7.2f} ms   p99 {self.pct(99):7.2f} ms"


async def time_ops(
    ops: dict[str, Callable[[int], Awaitable[None]]], iterations: int, warmup: int
) -> dict[str, Latency]:
    """Each operation `warmup` times untimed, then all interleaved, one after another;
    each gets the iteration number (to rotate over estates)."""
    for op in ops.values():
        for i in range(warmup):
            await op(i)
    samples: dict[str, list[float]] = {label: [] for label in ops}
    for i in range(iterations):
        for label, op in ops.items():
            started = time.perf_counter()
            await op(i)
            samples[label].append(time.perf_counter() - started)
    return {label: Latency(label, values) for label, values in samples.items()}


def progress_bar() -> Progress:
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        "{task.fields[rate]}",
    )


async def provision_many(
    slugs: list[str], concurrency: int, make: Callable[[str], Awaitable[Any]]
) -> float:
    """`make` each slug, `concurrency` at a time, under a progress bar; returns seconds."""
    gate = asyncio.Semaphore(concurrency)
    started = time.perf_counter()
    with progress_bar() as bar:
        task = bar.add_task(f"provisioning {len(slugs)}", total=len(slugs), rate="")

        async def one(slug: str) -> None:
            async with gate:
                await make(slug)
            elapsed = time.perf_counter() - started
            done = bar.tasks[task].completed + 1
            bar.update(task, completed=done, rate=f"{done / elapsed:.1f} estates/s")

        await asyncio.gather(*(one(slug) for slug in slugs))
    return time.perf_counter() - started
