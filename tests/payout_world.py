"""An estate ready to pay out: revenue in its wallet (a resident paid a bill), a gateway
pointing at a fake provider that sends transfers, and a second admin (maker-checker)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from tests.conftest import PASSWORD, GraphQLClient
from tests.world import World, build_world

PAYSTACK_SECRET = "sk_test_fake_paystack_payouts"
FLW_SECRET = "FLWSECK_TEST-payouts"
FLW_HASH = "flw-payouts-hash"
BANK = {"bankCode": "058", "accountNumber": "0123456789"}
PAYOUT_FIELDS = (
    "id reference status amount { amount currency } fee { amount } provider note "
    "decisionNote failureCode failureMessage requestedBy { fullName } decidedBy { fullName } "
    "bankAccount { bankCode bankName accountNumberLast4 accountName } completedAt"
)
REQUEST = (
    "mutation($a: Decimal!, $b: BankAccountInput!, $k: String!, $n: String) { "
    "requestPayout(amount: $a, bankAccount: $b, idempotencyKey: $k, note: $n) "
    f"{{ {PAYOUT_FIELDS} }} }}"
)
APPROVE = (
    f"mutation($id: ID!, $n: String) {{ approvePayout(id: $id, note: $n) {{ {PAYOUT_FIELDS} }} }}"
)
REJECT = (
    f"mutation($id: ID!, $n: String) {{ rejectPayout(id: $id, note: $n) {{ {PAYOUT_FIELDS} }} }}"
)
CANCEL = (
    f"mutation($id: ID!, $n: String) {{ cancelPayout(id: $id, note: $n) {{ {PAYOUT_FIELDS} }} }}"
)
PAYOUT = f"query($id: ID!) {{ payout(id: $id) {{ {PAYOUT_FIELDS} }} }}"
WALLET = "{ estateWallet { balance { amount } available { amount } held { amount } } }"


@dataclass
class PayoutWorld:
    world: World
    maker: GraphQLClient  # the estate's first admin: requests
    checker: GraphQLClient  # the second admin: approves

    @property
    def slug(self) -> str:
        return self.world.slug

    async def request(self, amount: str, key: str | None = None, **bank: str) -> dict[str, Any]:
        return dict(
            (
                await self.maker.ok(
                    REQUEST, a=amount, b={**BANK, **bank}, k=key or uuid.uuid4().hex, n="rent"
                )
            )["requestPayout"]
        )

    async def wallet(self) -> dict[str, str]:
        data = (await self.maker.ok(WALLET))["estateWallet"]
        return {k: v["amount"] for k, v in data.items()}


async def configure(world: World, provider: str, base_url: str) -> None:
    credentials: dict[str, str] = (
        {"secretKey": PAYSTACK_SECRET}
        if provider == "PAYSTACK"
        else {"secretKey": FLW_SECRET, "webhookHash": FLW_HASH}
    )
    await world.admin.ok(
        "mutation($p: PaymentProvider!, $c: JSON!, $u: String!) { configureGateway(input: "
        '{provider: $p, displayName: "fake", credentials: $c, apiBaseUrl: $u, isDefault: true})'
        " { id } }",
        p=provider,
        c=credentials,
        u=base_url,
    )


async def add_admin(world: World, gql: GraphQLClient, name: str = "Second Admin") -> GraphQLClient:
    email = f"{uuid.uuid4().hex[:8]}@{world.slug}.test"
    await world.admin.ok(
        "mutation($e: String!, $n: String!, $p: String!) { addEstateAdmin(input: "
        "{email: $e, fullName: $n, password: $p}) { role user { email } } }",
        e=email,
        n=name,
        p=PASSWORD,
    )
    return await gql.as_tenant(world.slug).login(email)


async def collect(world: World, amount: str) -> None:
    """A resident pays a bill of `amount` from their wallet: the estate's revenue."""
    ada = world.residents[0]
    await world.fund(ada, amount)
    bill = await world.bill(ada, amount)
    await ada.client.ok(
        "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
        "{ status } }",
        b=bill["id"],
        k=uuid.uuid4().hex,
    )


async def payout_world(
    gql: GraphQLClient, provider: str, base_url: str, revenue: str = "100000.00"
) -> PayoutWorld:
    world = await build_world(gql, residents=1, prefix="po")
    await configure(world, provider, base_url)
    await collect(world, revenue)
    checker = await add_admin(world, gql)
    return PayoutWorld(world, world.admin, checker)


def fake_paystack() -> FakePaystack:
    return FakePaystack(PAYSTACK_SECRET)


def fake_flutterwave() -> FakeFlutterwave:
    return FakeFlutterwave(FLW_SECRET, FLW_HASH)
