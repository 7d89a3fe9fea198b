"""The seeding vocabulary of the differential test's world: who calls (the same headers
on both apps), what the world holds, and the API calls that build it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import PASSWORD, GraphQLClient


@dataclass
class Caller:
    """Headers of one kind of caller: the same on both apps."""

    token: str | None
    tenant: str | None

    def headers(self) -> dict[str, str]:
        headers = {"content-type": "application/json"}
        if self.token:
            headers["authorization"] = f"Bearer {self.token}"
        if self.tenant:
            headers["x-tenant"] = self.tenant
        return headers


@dataclass
class DiffWorld:
    slug: str
    foreign_slug: str
    callers: dict[str, Caller] = field(default_factory=dict)
    # Ids by kind ("bill", "payment", "resident", "property", "unit", "wallet",
    # "notification"), the other estate's under "foreign", each resident's bills under
    # "bill:<resident>"; payment references.
    ids: dict[str, list[str]] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)
    # Cursors each connection answered, by connection field name.
    cursors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, *values: str) -> None:
        self.ids.setdefault(kind, []).extend(values)


class Builder:
    def __init__(self, gql: GraphQLClient, world: DiffWorld, admin: GraphQLClient) -> None:
        self.gql, self.world, self.admin = gql, world, admin
        self.residents: dict[str, tuple[GraphQLClient, str, str]] = {}

    async def property(self, name: str, address: str | None) -> str:
        data = await self.admin.ok(
            "mutation($n: String!, $a: String) { createProperty(input: {name: $n, "
            "address: $a}) { id } }",
            n=name,
            a=address,
        )
        self.world.add("property", pid := data["createProperty"]["id"])
        return str(pid)

    async def unit(self, property_id: str, label: str) -> str:
        data = await self.admin.ok(
            "mutation($p: ID!, $l: String!) { createUnit(input: {propertyId: $p, label: $l}) "
            "{ id } }",
            p=property_id,
            l=label,
        )
        self.world.add("unit", uid := data["createUnit"]["id"])
        return str(uid)

    async def resident(self, key: str, name: str, units: list[str], phone: str | None) -> str:
        email = f"{key}@{self.world.slug}.test"
        created = await self.admin.ok(
            "mutation($e: String!, $n: String!, $u: [ID!]!, $ph: String, $pw: String!) { "
            "createResident(input: {email: $e, fullName: $n, password: $pw, unitIds: $u, "
            "phone: $ph}) { id wallet { id } } }",
            e=email,
            n=name,
            u=units,
            ph=phone,
            pw=PASSWORD,
        )
        data = created["createResident"]
        client = await self.gql.as_tenant(self.world.slug).login(email)
        self.residents[key] = (client, data["id"], data["wallet"]["id"])
        self.world.add("resident", data["id"])
        self.world.add("wallet", data["wallet"]["id"])
        self.world.callers[key] = Caller(client.token, self.world.slug)
        return str(data["id"])

    async def fund(self, key: str, amount: str, reason: str = "opening balance") -> None:
        await self.admin.ok(
            "mutation($w: ID!, $a: Decimal!, $r: String!, $k: String!) { adjustWallet("
            "walletId: $w, amount: $a, reason: $r, idempotencyKey: $k) { id } }",
            w=self.residents[key][2],
            a=amount,
            r=reason,
            k=uuid.uuid4().hex,
        )

    async def bill(
        self,
        key: str,
        amount: str,
        *,
        title: str,
        type: str = "SERVICE_CHARGE",
        due: str = "2031-06-30",
        unit: str | None = None,
        description: str | None = None,
        acknowledge: bool = True,
    ) -> str:
        data = await self.admin.ok(
            "mutation($r: ID!, $u: ID, $a: Decimal!, $d: Date!, $t: String!, $ty: BillType!, "
            "$de: String) { createBill(input: {residentId: $r, unitId: $u, title: $t, type: $ty, "
            "amount: $a, dueDate: $d, description: $de}) { id } }",
            r=self.residents[key][1],
            u=unit,
            a=amount,
            d=due,
            t=title,
            ty=type,
            de=description,
        )
        bill_id = str(data["createBill"]["id"])
        self.world.add("bill", bill_id)
        self.world.add(f"bill:{key}", bill_id)
        if acknowledge:
            await self.as_(key).ok(
                "mutation($id: ID!) { acknowledgeBill(id: $id) { id } }", id=bill_id
            )
        return bill_id

    def as_(self, key: str) -> GraphQLClient:
        return self.residents[key][0]

    async def pay(self, key: str, mutation: str, **variables: Any) -> dict[str, Any]:
        data = await self.as_(key).ok(mutation, **variables)
        payment: dict[str, Any] = next(iter(data.values()))
        self.world.add("payment", payment["id"])
        self.world.references.append(payment["reference"])
        return payment

    async def from_wallet(self, key: str, bill: str, amount: str | None = None) -> dict[str, Any]:
        return await self.pay(
            key,
            "mutation($b: ID!, $a: Decimal, $k: String!) { payBillFromWallet(billId: $b, "
            "amount: $a, idempotencyKey: $k) { id reference } }",
            b=bill,
            a=amount,
            k=uuid.uuid4().hex,
        )

    async def through(self, key: str, provider: str, bill: str | None, amount: str) -> dict:
        if bill is None:
            return await self.pay(
                key,
                "mutation($p: PaymentProvider!, $a: Decimal!, $k: String!) { depositToWallet("
                "provider: $p, amount: $a, idempotencyKey: $k) { id reference } }",
                p=provider,
                a=amount,
                k=uuid.uuid4().hex,
            )
        return await self.pay(
            key,
            "mutation($b: ID!, $p: PaymentProvider!, $a: Decimal!, $k: String!) { payBill("
            "billId: $b, provider: $p, amount: $a, idempotencyKey: $k) { id reference } }",
            b=bill,
            p=provider,
            a=amount,
            k=uuid.uuid4().hex,
        )

    async def verify(self, key: str, reference: str) -> None:
        await self.as_(key).ok(
            "mutation($r: String!) { verifyPayment(reference: $r) { id } }", r=reference
        )

    async def refund(self, payment_id: str, amount: str | None, reason: str) -> None:
        await self.admin.ok(
            "mutation($p: ID!, $a: Decimal, $r: String!, $k: String!) { refundPayment("
            "paymentId: $p, amount: $a, reason: $r, idempotencyKey: $k) { id } }",
            p=payment_id,
            a=amount,
            r=reason,
            k=uuid.uuid4().hex,
        )

    async def manual(self, key: str, bill: str, amount: str) -> dict[str, Any]:
        return await self.pay(
            key,
            "mutation($b: ID!, $a: Decimal!, $k: String!) { submitManualPayment(billId: $b, "
            'amount: $a, bankReference: "TRF/\\"9\\"", note: "paid\\nat the bank", '
            "idempotencyKey: $k) { id reference } }",
            b=bill,
            a=amount,
            k=uuid.uuid4().hex,
        )
