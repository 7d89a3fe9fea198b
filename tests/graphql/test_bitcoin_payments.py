"""Bitcoin payments against a fake chain and a fake rate API over real HTTP: each case
ends with the ledger's invariants holding and the bill or wallet showing exactly the
value received (at 50,000,000 NGN per BTC, 2,000 sat pay a 1,000.00 NGN bill)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.bitcoin import watching
from services.bitcoin.watching import RECHECK_FINAL
from services.payments.gateways.base import ProviderUnavailable
from tenants.models import Estate
from tenants.settings import Settings
from tests.bitcoin_world import (
    DEPOSIT,
    FAST,
    BitcoinWorld,
    bitcoin_world,
)
from tests.conftest import GraphQLClient
from workers import tasks
from workers.models import JobRun

LATE = timedelta(minutes=33)  # past the 30 minute window and its grace


@pytest.fixture
async def btc(
    gql: GraphQLClient, fake_chain: Any, fake_rates: Any, database: Settings
) -> BitcoinWorld:
    return await bitcoin_world(gql, fake_chain, fake_rates, database.encryption_key)


def bitcoin(payment: dict[str, Any]) -> dict[str, Any]:
    return dict(payment["bitcoin"])


async def test_exact_payment_is_seen_then_confirmed(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    details = bitcoin(payment)
    address = details["address"]
    assert payment["status"] == "PENDING"
    assert address.startswith("tb1q")
    assert {k: details[k] for k in ("network", "amountBtc", "rate", "requiredConfirmations")} == {
        "network": "testnet",
        "amountBtc": "0.00002000",
        "rate": {"amount": "50000000.00", "currency": "NGN"},
        "requiredConfirmations": 2,
    }
    assert details["paymentUri"] == f"bitcoin:{address}?amount=0.00002"
    assert details["qrSvg"].startswith("<svg") and "</svg>" in details["qrSvg"]
    expires = datetime.fromisoformat(details["expiresAt"])
    assert timedelta(minutes=29) < expires - datetime.now(UTC) <= timedelta(minutes=30)
    assert (details["confirmations"], details["receivedBtc"], details["txids"]) == (
        0,
        "0.00000000",
        [],
    )

    txid = btc.chain.pay(address, 2_000)
    assert await btc.scan() == 1
    seen = await btc.payment(payment["reference"])
    assert seen["status"] == "PROCESSING"
    assert (bitcoin(seen)["receivedBtc"], bitcoin(seen)["txids"]) == ("0.00002000", [txid])
    btc.chain.mine(1)
    await btc.scan()
    seen = await btc.payment(payment["reference"])
    assert (seen["status"], bitcoin(seen)["confirmations"]) == ("PROCESSING", 1)
    assert (await btc.balances(payment["billId"]))["bill"] == "ACKNOWLEDGED"

    btc.chain.mine(1)
    await btc.scan()
    done = await btc.payment(payment["reference"])
    assert (done["status"], bitcoin(done)["confirmations"]) == ("SUCCEEDED", 2)
    assert await btc.balances(payment["billId"]) == {
        "bill": "PAID",
        "paid": "1000.00",
        "estate": "1000.00",
        "wallet": "0.00",
    }
    assert await btc.scan() == 0  # nothing new: nothing changes
    await btc.ledger_holds()
    kinds = await btc.ada.client.ok("{ notifications { edges { node { kind } } } }")
    seen_kinds = {edge["node"]["kind"] for edge in kinds["notifications"]["edges"]}
    assert {"BITCOIN_RECEIVED", "PAYMENT_SUCCEEDED"} <= seen_kinds


async def test_two_transactions_adding_up_to_the_amount(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    address = bitcoin(payment)["address"]
    btc.chain.pay(address, 1_200)
    btc.chain.mine(2)
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "PROCESSING"
    btc.chain.pay(address, 800)
    btc.chain.mine(1)
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "PROCESSING"  # 1 conf
    btc.chain.mine(1)
    await btc.scan()
    done = await btc.payment(payment["reference"])
    assert done["status"] == "SUCCEEDED"
    assert len(bitcoin(done)["txids"]) == 2
    assert await btc.balances(payment["billId"]) == {
        "bill": "PAID",
        "paid": "1000.00",
        "estate": "1000.00",
        "wallet": "0.00",
    }
    await btc.ledger_holds()


async def test_underpayment_fails_and_is_credited_to_the_wallet(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    btc.chain.pay(bitcoin(payment)["address"], 1_000)
    btc.chain.mine(2)
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "PROCESSING"  # window open
    await btc.scan(after=LATE)
    failed = await btc.payment(payment["reference"])
    assert (failed["status"], failed["failureCode"]) == ("FAILED", "UNDERPAID")
    assert "0.00001000 BTC of 0.00002000 BTC" in failed["failureMessage"]
    assert (bitcoin(failed)["creditedBtc"], bitcoin(failed)["credited"]["amount"]) == (
        "0.00001000",
        "500.00",
    )
    assert await btc.balances(payment["billId"]) == {
        "bill": "ACKNOWLEDGED",
        "paid": "0.00",
        "estate": "0.00",
        "wallet": "500.00",
    }
    await btc.scan(after=LATE)  # again: credited once
    assert (await btc.balances(payment["billId"]))["wallet"] == "500.00"
    await btc.ledger_holds()


async def test_overpayment_settles_the_bill_and_credits_the_rest(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    btc.chain.pay(bitcoin(payment)["address"], 3_001)
    btc.chain.mine(2)
    await btc.scan()
    done = await btc.payment(payment["reference"])
    assert done["status"] == "SUCCEEDED"
    # 1,001 sat over: 500.50 NGN at the locked rate.
    assert (bitcoin(done)["creditedBtc"], bitcoin(done)["credited"]["amount"]) == (
        "0.00001001",
        "500.50",
    )
    assert await btc.balances(payment["billId"]) == {
        "bill": "PAID",
        "paid": "1000.00",
        "estate": "1000.00",
        "wallet": "500.50",
    }
    history = await btc.ada.client.ok(
        "{ wallet { transactions { edges { node { kind amount { amount } } } } } }"
    )
    assert [e["node"] for e in history["wallet"]["transactions"]["edges"]] == [
        {"kind": "PREPAYMENT_CREDIT", "amount": {"amount": "500.50"}}
    ]
    await btc.ledger_holds()


async def test_payment_after_the_window_is_credited_not_lost(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    await btc.scan(after=timedelta(minutes=20))
    assert (await btc.payment(payment["reference"]))["status"] == "PENDING"
    await btc.scan(after=LATE)
    expired = await btc.payment(payment["reference"])
    assert (expired["status"], expired["failureCode"]) == ("EXPIRED", "EXPIRED")

    btc.chain.pay(bitcoin(payment)["address"], 2_000)
    await btc.scan(after=LATE + RECHECK_FINAL)
    late = await btc.payment(payment["reference"])
    assert (late["status"], bitcoin(late)["receivedBtc"]) == ("EXPIRED", "0.00002000")
    assert (await btc.balances(payment["billId"]))["wallet"] == "0.00"  # not yet confirmed
    btc.chain.mine(2)
    await btc.scan(after=LATE + 2 * RECHECK_FINAL)
    credited = await btc.payment(payment["reference"])
    assert (credited["status"], bitcoin(credited)["credited"]["amount"]) == ("EXPIRED", "1000.00")
    assert await btc.balances(payment["billId"]) == {
        "bill": "ACKNOWLEDGED",
        "paid": "0.00",
        "estate": "0.00",
        "wallet": "1000.00",
    }
    await btc.ledger_holds()


async def test_the_same_transaction_reported_twice_counts_once(btc: BitcoinWorld) -> None:
    btc.chain.duplicate = True
    payment = await btc.pay_bill()
    address = bitcoin(payment)["address"]
    btc.chain.pay(address, 2_000)
    for _ in range(2):
        await btc.scan()
    btc.chain.mine(2)
    for _ in range(3):
        await btc.scan()
    done = await btc.payment(payment["reference"])
    assert (done["status"], bitcoin(done)["receivedBtc"]) == ("SUCCEEDED", "0.00002000")
    assert len(bitcoin(done)["txids"]) == 1
    # More sent after it succeeded: credited once, however often it is seen (a payment
    # that is final is looked at again every RECHECK_FINAL).
    btc.chain.pay(address, 400)
    btc.chain.mine(2)
    for n in range(1, 4):
        await btc.scan(after=n * RECHECK_FINAL)
    assert await btc.balances(payment["billId"]) == {
        "bill": "PAID",
        "paid": "1000.00",
        "estate": "1000.00",
        "wallet": "200.00",
    }
    await btc.ledger_holds()


async def test_a_dropped_transaction_moves_the_payment_back(btc: BitcoinWorld) -> None:
    payment = await btc.pay_bill()
    address = bitcoin(payment)["address"]
    txid = btc.chain.pay(address, 2_000)
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "PROCESSING"
    btc.chain.drop(txid)
    await btc.scan()
    back = await btc.payment(payment["reference"])
    assert (back["status"], bitcoin(back)["txids"], bitcoin(back)["receivedBtc"]) == (
        "PENDING",
        [],
        "0.00000000",
    )
    again = btc.chain.pay(address, 2_000)
    btc.chain.mine(2)
    await btc.scan()
    done = await btc.payment(payment["reference"])
    assert (done["status"], bitcoin(done)["txids"]) == ("SUCCEEDED", [again])
    assert (await btc.balances(payment["billId"]))["estate"] == "1000.00"
    await btc.ledger_holds()


async def test_a_reorg_before_the_payment_is_final_moves_it_back(
    gql: GraphQLClient, fake_chain: Any, fake_rates: Any, database: Settings
) -> None:
    btc = await bitcoin_world(gql, fake_chain, fake_rates, database.encryption_key, 3)
    payment = await btc.pay_bill()
    btc.chain.pay(bitcoin(payment)["address"], 2_000)
    btc.chain.mine(2)
    await btc.scan()
    assert bitcoin(await btc.payment(payment["reference"]))["confirmations"] == 2
    btc.chain.reorg(2)
    await btc.scan()
    back = await btc.payment(payment["reference"])
    assert (back["status"], bitcoin(back)["confirmations"]) == ("PROCESSING", 0)
    btc.chain.mine(3)
    await btc.scan()
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "SUCCEEDED"
    assert (await btc.balances(payment["billId"]))["estate"] == "1000.00"
    await btc.ledger_holds()


async def test_a_reorg_after_the_payment_is_final_credits_nothing_twice(
    btc: BitcoinWorld,
) -> None:
    payment = await btc.pay_bill()
    btc.chain.pay(bitcoin(payment)["address"], 2_500)
    btc.chain.mine(2)
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "SUCCEEDED"
    btc.chain.reorg(2)
    await btc.scan(after=RECHECK_FINAL)
    shown = await btc.payment(payment["reference"])
    assert (shown["status"], bitcoin(shown)["confirmations"]) == ("SUCCEEDED", 0)
    btc.chain.mine(2)
    await btc.scan(after=2 * RECHECK_FINAL)
    assert await btc.balances(payment["billId"]) == {
        "bill": "PAID",
        "paid": "1000.00",
        "estate": "1000.00",
        "wallet": "250.00",
    }
    await btc.ledger_holds()


async def test_no_rate_no_payment(btc: BitcoinWorld) -> None:
    bill = await btc.world.bill(btc.ada, "1000.00")
    pay = "mutation($b: ID!, $k: String!) { payBill(billId: $b, provider: BITCOIN, idempotencyKey: $k) { status } }"  # noqa: E501
    btc.rates.down = True
    error = await btc.ada.client.error(pay, b=bill["id"], k="down")
    assert error["extensions"]["code"] == "PROVIDER_UNAVAILABLE"
    btc.rates.down = False
    for nonsense in ('{"bitcoin": {"ngn": 0}}', '{"bitcoin": {"usd": 5}}', "<html>"):
        btc.rates.nonsense = nonsense
        error = await btc.ada.client.error(pay, b=bill["id"], k=f"nonsense-{nonsense}")
        assert error["extensions"]["code"] == "PROVIDER_UNAVAILABLE", nonsense
    btc.rates.nonsense = None
    assert (await btc.ada.client.ok(pay, b=bill["id"], k="fine"))["payBill"]["status"] == (
        "PENDING"
    )
    failed = await btc.ada.client.ok(
        "{ payments(filter: {status: [FAILED]}) { totalCount edges { node { failureCode } } } }"
    )
    assert failed["payments"]["totalCount"] == 4  # the refused attempts, none with an address
    await btc.ledger_holds()


async def test_a_busy_or_failing_chain_api_is_backed_off_and_changes_nothing(
    btc: BitcoinWorld,
) -> None:
    payment = await btc.pay_bill()
    btc.chain.pay(bitcoin(payment)["address"], 2_000)
    btc.chain.failing_with, btc.chain.fail_times = 429, 2
    await btc.scan()  # two refusals, then the retry gets through
    assert (await btc.payment(payment["reference"]))["status"] == "PROCESSING"

    btc.chain.mine(2)
    btc.chain.failing_with, btc.chain.fail_times = 500, None
    calls = btc.chain.calls
    with pytest.raises(ProviderUnavailable):
        await btc.scan()
    assert btc.chain.calls - calls == FAST.attempts  # gave up after its retries
    stuck = await btc.payment(payment["reference"])
    assert (stuck["status"], bitcoin(stuck)["confirmations"]) == ("PROCESSING", 0)

    btc.chain.failing_with = None
    await btc.scan()
    assert (await btc.payment(payment["reference"]))["status"] == "SUCCEEDED"
    assert (await btc.balances(payment["billId"]))["estate"] == "1000.00"
    await btc.ledger_holds()


async def test_deposit_verify_payment_and_the_scheduled_job(btc: BitcoinWorld) -> None:
    deposit = (await btc.ada.client.ok(DEPOSIT, a="1000.00", k="dep-1"))["depositToWallet"]
    btc.chain.pay(bitcoin(deposit)["address"], 2_000)
    verified = await btc.ada.client.ok(
        "mutation($r: String!) { verifyPayment(reference: $r) { status } }",
        r=deposit["reference"],
    )
    assert verified["verifyPayment"]["status"] == "PROCESSING"  # looked at the chain now
    btc.chain.mine(2)
    slot = datetime.now(UTC).replace(second=0, microsecond=0).isoformat()
    assert await tasks.watch_bitcoin_payments(btc.world.slug, slot) == 1
    assert (await btc.payment(deposit["reference"]))["status"] == "SUCCEEDED"
    wallet = await btc.ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "1000.00"
    from tenants.scope import tenant_scope

    async with tenant_scope(btc.world.slug):
        run = await JobRun.get(job="watch_bitcoin_payments")
        assert (run.status, run.affected) == ("DONE", 1)
    assert await tasks.watch_bitcoin_payments(btc.world.slug, slot) == 0  # slot done
    estate = await Estate.get(slug=btc.world.slug)
    assert await watching.scan(estate, datetime.now(UTC), btc.encryption_key) == 0
    await btc.ledger_holds()
