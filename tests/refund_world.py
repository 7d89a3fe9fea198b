"""A leaving resident with money in their wallet, in an estate that can send payouts
(a fake Paystack or Flutterwave over HTTP) and has two admins: `refundWalletBalance`'s
world."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from services.ledger.journal import (
    ESTATE_REVENUE,
    WALLET_REFUNDS_IN_TRANSIT,
    WALLET_REFUNDS_PAID,
)
from services.ledger.models import Account
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.payout_world import BANK, PAYOUT_FIELDS, add_admin, configure
from tests.world import Person, World, build_world

REFUND_FIELDS = f"{PAYOUT_FIELDS} purpose residentId"
REFUND = (
    "mutation($r: ID!, $a: Decimal, $c: String, $why: String!, $k: String!, "
    "$b: BankAccountInput!) { refundWalletBalance(residentId: $r, amount: $a, currency: $c, "
    f"reason: $why, idempotencyKey: $k, bankAccount: $b) {{ {REFUND_FIELDS} }} }}"
)
DEACTIVATE = """mutation($id: ID!) { deactivateResident(id: $id, reason: "left") { active } }"""
HISTORY = """query($id: ID!) { resident(id: $id) { wallet { balance { amount }
  available { amount } transactions(first: 1) { edges { node { kind amount { amount }
  description reference } } } } } }"""


@dataclass
class RefundWorld:
    world: World
    maker: GraphQLClient  # the estate's first admin: asks for refunds
    checker: GraphQLClient  # the second admin: approves them

    @property
    def slug(self) -> str:
        return self.world.slug

    @property
    def ada(self) -> Person:
        return self.world.residents[0]

    async def ask(self, **given: Any) -> dict[str, Any]:
        """The whole answer of a refund request (defaults: Ada, everything, key k1)."""
        variables = {"r": self.ada.resident_id, "why": "moved out", "k": "k1", "b": BANK}
        return await self.maker.execute(REFUND, **{**variables, **given})

    async def refund(self, **given: Any) -> dict[str, Any]:
        body = await self.ask(**given)
        assert not body.get("errors"), body["errors"]
        return dict(body["data"]["refundWalletBalance"])

    async def wallet(self) -> dict[str, Any]:
        seen = (await self.maker.ok(HISTORY, id=self.ada.resident_id))["resident"]["wallet"]
        edges = seen["transactions"]["edges"]
        return {
            "balance": seen["balance"]["amount"],
            "available": seen["available"]["amount"],
            "last": edges[0]["node"] if edges else None,
        }

    async def accounts(self) -> dict[str, tuple[int, int]]:
        """(balance, held) of the accounts a wallet refund may touch; the ledger verified."""
        async with tenant_scope(self.slug):
            assert await verify_ledger() == []
            found = {
                a.code: (a.balance, a.held)
                for a in await Account.filter(
                    code__in=(ESTATE_REVENUE, WALLET_REFUNDS_IN_TRANSIT, WALLET_REFUNDS_PAID)
                )
            }
        return {
            "revenue": found.get(ESTATE_REVENUE, (0, 0)),
            "in_transit": found.get(WALLET_REFUNDS_IN_TRANSIT, (0, 0)),
            "paid": found.get(WALLET_REFUNDS_PAID, (0, 0)),
        }


async def refund_world(
    gql: GraphQLClient, provider: str, base_url: str, funded: str = "1000.00", residents: int = 1
) -> RefundWorld:
    """Ada (the first of `residents`) has `funded` in her wallet and is deactivated; the
    estate's revenue is empty."""
    world = await build_world(gql, residents=residents, prefix="wref")
    await configure(world, provider, base_url)
    checker = await add_admin(world, gql)
    await world.fund(world.residents[0], funded)
    await world.admin.ok(DEACTIVATE, id=world.residents[0].resident_id)
    return RefundWorld(world, world.admin, checker)


def code_and_field(body: dict[str, Any]) -> tuple[str, str | None]:
    assert body.get("errors"), body
    extensions = body["errors"][0]["extensions"]
    return extensions["code"], extensions.get("field")
