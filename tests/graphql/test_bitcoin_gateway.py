"""Configuring the Bitcoin gateway (bad input named by field), the admin's
`bitcoinGateway`, the gap limit, and addresses under concurrency: 1,000 payments started
at once get 1,000 distinct addresses at a contiguous run of indices."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.bitcoin.addresses import GAP_LIMIT, allocate
from services.bitcoin.invoices import LATE_WATCH, open_invoice
from services.bitcoin.keys import parse_account_key
from services.bitcoin.models import BitcoinAddress, BitcoinInvoice
from services.bitcoin.rates import CACHE_SECONDS
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.bitcoin_world import CONFIGURE, PAY, VPUB, BitcoinWorld, bitcoin_world
from tests.conftest import GraphQLClient
from tests.services.test_bitcoin_keys import BIP32_XPRV, BIP84_ZPUB
from tests.world import build_world

VIEW = """{ bitcoinGateway { network addressesIssued nextIndex pendingPayments receivedBtc
  lastScanAt gapLimit unusedInARow gapLimitReached requiredConfirmations
  paymentWindowMinutes } }"""


@pytest.fixture
async def btc(
    gql: GraphQLClient, fake_chain: Any, fake_rates: Any, database: Settings
) -> BitcoinWorld:
    return await bitcoin_world(gql, fake_chain, fake_rates, database.encryption_key)


@pytest.mark.parametrize(
    ("credentials", "settings", "field"),
    [
        ({"xpub": BIP32_XPRV, "network": "bitcoin"}, None, "credentials.xpub"),
        ({"xpub": VPUB[:-3] + "abc", "network": "testnet"}, None, "credentials.xpub"),
        ({"xpub": "not a key", "network": "testnet"}, None, "credentials.xpub"),
        ({"xpub": BIP84_ZPUB, "network": "testnet"}, None, "credentials.xpub"),
        ({"xpub": VPUB, "network": "regtest"}, None, "credentials.network"),
        ({"xpub": VPUB}, None, "credentials.network"),
        ({"xpub": VPUB, "network": "testnet"}, {"requiredConfirmations": 0}, None),
        ({"xpub": VPUB, "network": "testnet"}, {"requiredConfirmations": 100}, None),
        ({"xpub": VPUB, "network": "testnet"}, {"paymentWindowMinutes": 0}, None),
        ({"xpub": VPUB, "network": "testnet"}, {"rateApiUrl": "ftp://rates"}, None),
    ],
)
async def test_bad_configuration_is_refused_naming_the_field(
    gql: GraphQLClient, credentials: dict[str, str], settings: dict | None, field: str | None
) -> None:
    world = await build_world(gql, residents=0, prefix="btcbad")
    error = await world.admin.error(CONFIGURE, c=credentials, u=None, s=settings)
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    expected = field or f"settings.{next(iter(settings or {}))}"
    assert error["extensions"]["field"] == expected
    if credentials.get("xpub") == BIP32_XPRV:
        assert "private key" in error["message"]
    assert (await world.admin.ok("{ gateways { id } }"))["gateways"] == []  # nothing stored


async def test_bitcoin_without_the_gateway_is_refused(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="btcnone")
    ada = world.residents[0]
    bill = await world.bill(ada, "1000.00")
    error = await ada.client.error(
        'mutation($b: ID!) { payBill(billId: $b, provider: BITCOIN, idempotencyKey: "k") '
        "{ status } }",
        b=bill["id"],
    )
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "provider",
    )
    assert (await world.admin.ok(VIEW))["bitcoinGateway"] is None
    # Not watched either: the minute-by-minute chain watch skips it.
    assert not (await Estate.get(slug=world.slug)).watches_bitcoin


async def test_the_admin_view(btc: BitcoinWorld) -> None:
    assert (await Estate.get(slug=btc.world.slug)).watches_bitcoin  # configured: watched
    view = (await btc.world.admin.ok(VIEW))["bitcoinGateway"]
    assert view == {
        "network": "testnet",
        "addressesIssued": 0,
        "nextIndex": 0,
        "pendingPayments": 0,
        "receivedBtc": "0.00000000",
        "lastScanAt": None,
        "gapLimit": GAP_LIMIT,
        "unusedInARow": 0,
        "gapLimitReached": False,
        "requiredConfirmations": 2,
        "paymentWindowMinutes": 30,
    }
    first = await btc.pay_bill(key="v1")
    second = await btc.pay_bill(key="v2")
    # The same request again: the same payment and address.
    again = await btc.ada.client.ok(PAY, b=second["billId"], k="v2")
    assert again["payBill"]["bitcoin"]["address"] == second["bitcoin"]["address"]
    assert first["bitcoin"]["address"] != second["bitcoin"]["address"]
    key = parse_account_key(VPUB, "testnet")
    assert [first["bitcoin"]["address"], second["bitcoin"]["address"]] == [
        key.address(0),
        key.address(1),
    ]
    btc.chain.pay(first["bitcoin"]["address"], 2_000)
    await btc.scan()
    view = (await btc.world.admin.ok(VIEW))["bitcoinGateway"]
    assert {k: view[k] for k in ("addressesIssued", "nextIndex", "pendingPayments")} == {
        "addressesIssued": 2,
        "nextIndex": 2,
        "pendingPayments": 2,
    }
    assert (view["receivedBtc"], view["unusedInARow"]) == ("0.00002000", 1)
    assert view["lastScanAt"] is not None
    denied = await btc.ada.client.error(VIEW)
    assert denied["extensions"]["code"] == "FORBIDDEN"
    gateways = await btc.world.admin.ok("{ gateways { provider secretsSet } }")
    assert gateways["gateways"] == [{"provider": "BITCOIN", "secretsSet": True}]
    tested = await btc.world.admin.ok(
        "mutation($id: ID!) { testGatewayConnection(id: $id) { ok message } }",
        id=(await btc.world.admin.ok("{ gateways { id } }"))["gateways"][0]["id"],
    )
    assert tested["testGatewayConnection"] == {
        "ok": True,
        "message": "testnet chain at block 100; 1 BTC = 50000000.00 NGN",
    }


async def payments(slug: str, resident_id: str, count: int) -> list[Payment]:
    async with tenant_scope(slug):
        rows = [
            Payment(
                id=uuid.uuid4(),
                reference=f"PAY-BTC-{uuid.uuid4().hex[:16]}",
                purpose="WALLET_DEPOSIT",
                provider="BITCOIN",
                amount=100_000,
                currency="NGN",
                status="PENDING",
                resident_id=uuid.UUID(resident_id),
            )
            for _ in range(count)
        ]
        await Payment.bulk_create(rows, batch_size=500)
    return rows


async def test_past_the_gap_limit_addresses_that_never_received_are_given_again(
    btc: BitcoinWorld,
) -> None:
    key = parse_account_key(VPUB, "testnet")
    now = datetime.now(UTC)
    free = now + timedelta(minutes=30) + LATE_WATCH  # each payment's window, and a day
    rows = await payments(btc.world.slug, btc.ada.resident_id, GAP_LIMIT + 3)
    async with tenant_scope(btc.world.slug):
        issued = [await allocate(key, p.id, free, now) for p in rows[:GAP_LIMIT]]
        assert [a.index for a in issued] == list(range(GAP_LIMIT))
        # 20 unused in a row, but each still watched for its payment: the index goes on.
        beyond = await allocate(key, rows[GAP_LIMIT].id, free, now)
        assert beyond.index == GAP_LIMIT
        # A day later, nothing having arrived: the oldest free address is given again.
        later = now + timedelta(minutes=31) + LATE_WATCH
        reused = await allocate(key, rows[GAP_LIMIT + 1].id, later + LATE_WATCH, later)
        assert (reused.index, reused.times_issued) == (0, 2)
        assert str(reused.payment_id) == str(rows[GAP_LIMIT + 1].id)
        # One that received something is never given again.
        await BitcoinAddress.filter(index=1).update(used=True)
        fresh = await allocate(key, rows[GAP_LIMIT + 2].id, later + LATE_WATCH, later)
        assert fresh.index == GAP_LIMIT + 1  # index 1 used: the run restarted after it
    view = (await btc.world.admin.ok(VIEW))["bitcoinGateway"]
    assert (view["nextIndex"], view["unusedInARow"], view["gapLimitReached"]) == (
        GAP_LIMIT + 2,
        GAP_LIMIT,
        True,
    )


async def test_a_thousand_concurrent_payments_get_a_thousand_addresses(
    btc: BitcoinWorld, database: Settings
) -> None:
    count = 1_000
    started = time.monotonic()
    rows = await payments(btc.world.slug, btc.ada.resident_id, count)
    credentials = {"xpub": VPUB, "network": "testnet"}
    lanes = asyncio.Semaphore(20)

    async def start(payment: Payment) -> str:
        async with lanes:
            invoice = await open_invoice(
                btc.world.slug, payment.reference, 100_000, "NGN", credentials
            )
            return invoice.address

    addresses = await asyncio.gather(*(start(p) for p in rows))
    assert len(set(addresses)) == count
    async with tenant_scope(btc.world.slug):
        indices = sorted(await BitcoinAddress.all().values_list("index", flat=True))
        assert indices == list(range(count))
        assert await BitcoinInvoice.all().count() == count
    key = parse_account_key(VPUB, "testnet")
    assert set(addresses) == {key.address(i) for i in range(count)}
    # Configuring fetched nothing; the thousand payments one fetch, the others waited for
    # it (refreshed every CACHE_SECONDS of a run that a loaded machine makes long).
    refreshes = int((time.monotonic() - started) // CACHE_SECONDS)
    assert 1 <= btc.rates.calls <= 1 + refreshes
