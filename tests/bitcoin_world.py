"""An estate with a testnet Bitcoin gateway pointed at a fake chain and a fake rate API
served over real HTTP, and the calls the Bitcoin tests share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from estatepay.demo.fakes.esplora import FakeChain, FakeRates
from services.bitcoin import watching
from services.bitcoin.http import Backoff
from services.ledger.verify import verify_ledger
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import Person, World, build_world

# Account 0 of "abandon ... about" on testnet, m/84'/1'/0' (a published test mnemonic).
VPUB = (
    "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAg"
    "jAvtbBrf8ZhDYe2jWAqvZVnsc"
)
# 50,000,000.00 NGN per BTC: 1,000.00 NGN is 2,000 sat, and 1 sat is 0.50 NGN.
RATE = "50000000"
FAST = Backoff(attempts=3, first=0.01, longest=0.05)
CONFIGURE = """mutation($c: JSON, $u: String, $s: GatewaySettingsInput) {
  configureGateway(input: {provider: BITCOIN, displayName: "Bitcoin", credentials: $c,
                           apiBaseUrl: $u, settings: $s}) { id provider secretsSet } }"""
DETAILS = """id reference status failureCode failureMessage amount { amount currency }
  bitcoin { address network amountBtc rate { amount currency } expiresAt paymentUri qrSvg
            confirmations requiredConfirmations receivedBtc txids creditedBtc
            credited { amount currency } }"""
PAY = (
    "mutation($b: ID!, $k: String!, $a: Decimal) { payBill(billId: $b, provider: BITCOIN, "
    f"amount: $a, idempotencyKey: $k) {{ {DETAILS} }} }}"
)
DEPOSIT = (
    "mutation($a: Decimal!, $k: String!) { depositToWallet(amount: $a, provider: BITCOIN, "
    f"idempotencyKey: $k) {{ {DETAILS} }} }}"
)
PAYMENT = f"query($r: String!) {{ paymentByReference(reference: $r) {{ {DETAILS} }} }}"


@dataclass
class BitcoinWorld:
    world: World
    chain: FakeChain
    rates: FakeRates
    chain_url: str
    rates_url: str
    encryption_key: str

    @property
    def ada(self) -> Person:
        return self.world.residents[0]

    async def configure(self, confirmations: int = 2, window: int = 30) -> None:
        await self.world.admin.ok(
            CONFIGURE,
            c={"xpub": VPUB, "network": "testnet"},
            u=self.chain_url,
            s={
                "requiredConfirmations": confirmations,
                "paymentWindowMinutes": window,
                "rateApiUrl": self.rates_url,
            },
        )

    async def pay_bill(self, amount: str = "1000.00", key: str = "btc-1") -> dict[str, Any]:
        bill = await self.world.bill(self.ada, amount)
        payment = (await self.ada.client.ok(PAY, b=bill["id"], k=key))["payBill"]
        payment["billId"] = bill["id"]
        return dict(payment)

    async def scan(self, after: timedelta = timedelta(0)) -> int:
        estate = await Estate.get(slug=self.world.slug)
        now = datetime.now(UTC) + after
        return await watching.scan(estate, now, self.encryption_key, backoff=FAST)

    async def payment(self, reference: str) -> dict[str, Any]:
        return dict((await self.ada.client.ok(PAYMENT, r=reference))["paymentByReference"])

    async def balances(self, bill_id: str) -> dict[str, Any]:
        """The bill, Ada's wallet and the estate's wallet, as the API shows them."""
        bill = await self.world.admin.ok(
            "query($id: ID!) { bill(id: $id) { status amountPaid { amount } } "
            "estateWallet { balance { amount } } }",
            id=bill_id,
        )
        wallet = await self.ada.client.ok("{ wallet { balance { amount } } }")
        return {
            "bill": bill["bill"]["status"],
            "paid": bill["bill"]["amountPaid"]["amount"],
            "estate": bill["estateWallet"]["balance"]["amount"],
            "wallet": wallet["wallet"]["balance"]["amount"],
        }

    async def ledger_holds(self) -> None:
        async with tenant_scope(self.world.slug):
            assert await verify_ledger() == []


async def bitcoin_world(
    gql: GraphQLClient,
    chain: tuple[FakeChain, str],
    rates: tuple[FakeRates, str],
    encryption_key: str,
    confirmations: int = 2,
) -> BitcoinWorld:
    world = await build_world(gql, residents=1, prefix="btc")
    made = BitcoinWorld(world, chain[0], rates[0], chain[1], rates[1], encryption_key)
    await made.configure(confirmations)
    return made
