"""What a Bitcoin payment becomes from what the chain shows for its address.

- `PENDING` until a transaction is seen inside the window (plus `GRACE`, one scan's
  worth), then `PROCESSING`; `SUCCEEDED` once the transactions seen in time add up to the
  amount and each has `requiredConfirmations`; `EXPIRED` when none came in time;
  `FAILED` / `UNDERPAID` when less came in time.
- A transaction that vanishes (dropped from the mempool) or loses confirmations (a reorg)
  moves the payment back until the payment is final; finality is `requiredConfirmations`,
  after which a reorg is shown but nothing is undone.
- Nothing that arrives is lost: what does not settle the bill (the excess over the amount,
  an underpayment, anything late or after the payment ended) goes to the payer's wallet at
  the payment's locked rate once it has `requiredConfirmations`, one ledger entry per
  transaction under its own key, so nothing is credited twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.bitcoin.chain import ChainTx
from services.bitcoin.keys import to_btc, value_of
from services.bitcoin.models import BitcoinAddress, BitcoinInvoice, BitcoinTransaction
from services.events import changed
from services.ledger.journal import Line, clearing_code, post_entry, system_account
from services.money import to_major
from services.notifications.inbox import notify
from services.payments.models import Payment
from services.payments.settlement import settle
from services.residents.models import Resident
from services.wallets.wallets import wallet_of
from tenants.models import Estate

# A transaction first seen this long after the window closed still counts as in time:
# the chain is scanned once a minute, so one broadcast just before the end may be seen after.
GRACE = timedelta(minutes=2)
OPEN = ("PENDING", "PROCESSING")
CREDIT_KIND = "PREPAYMENT_CREDIT"


@dataclass(frozen=True)
class Observation:
    """The chain's word on one address: its transactions, and for those we knew that it
    no longer lists, whether they still exist (and at what height)."""

    txs: Sequence[ChainTx]
    gone: dict[str, tuple[bool, int | None]]
    tip: int


def confirmations(tx: BitcoinTransaction, tip: int) -> int:
    if tx.state != "LIVE" or tx.block_height is None:
        return 0
    return max(tip - tx.block_height + 1, 0)


async def _record(
    invoice: BitcoinInvoice, payment: Payment, seen: Observation, now: datetime
) -> list[BitcoinTransaction]:
    """The invoice's transactions, brought up to what the chain shows."""
    known = {tx.txid: tx for tx in await BitcoinTransaction.filter(invoice_id=invoice.id)}
    in_time = payment.status in OPEN and now <= invoice.expires_at + GRACE
    for chain_tx in seen.txs:
        row = known.get(chain_tx.txid)
        if row is None:
            known[chain_tx.txid] = await BitcoinTransaction.create(
                invoice_id=invoice.id,
                txid=chain_tx.txid,
                value_sats=chain_tx.value_sats,
                block_height=chain_tx.block_height,
                on_time=in_time,
                first_seen_at=now,
            )
        elif (row.state, row.block_height) != ("LIVE", chain_tx.block_height):
            row.state, row.block_height = "LIVE", chain_tx.block_height
            await row.save(update_fields=["state", "block_height"])
    for txid, (exists, height) in seen.gone.items():
        row = known.get(txid)
        if row is None:
            continue
        state = "LIVE" if exists else "DROPPED"
        if (row.state, row.block_height) != (state, height):
            row.state, row.block_height = state, height
            await row.save(update_fields=["state", "block_height"])
    return list(known.values())


async def _credit(
    payment: Payment, invoice: BitcoinInvoice, tx: BitcoinTransaction, sats: int, why: str
) -> int:
    """`sats` of `tx` to the payer's wallet at the locked rate; the minor units credited."""
    minor = value_of(sats, invoice.rate_minor)
    if minor > 0:  # dust worth less than a minor unit cannot be credited
        clearing = await system_account(clearing_code("BITCOIN"), payment.currency)
        wallet = await wallet_of(payment.resident_id, payment.currency)
        await post_entry(
            f"btc:{payment.id}:{tx.txid}",
            CREDIT_KIND,
            [Line(clearing, -minor), Line(wallet.account, minor)],
            description=f"{to_btc(sats)} BTC {why} for {payment.reference}",
            reference=payment.reference,
        )
    invoice.credited_sats += sats
    invoice.credited_minor += minor
    return minor


async def _owner(payment: Payment) -> uuid.UUID:
    return (await Resident.get(id=payment.resident_id)).user_id


def _money(minor: int, currency: str) -> str:
    return f"{to_major(minor, currency)} {currency}"


async def _succeed(
    payment: Payment,
    invoice: BitcoinInvoice,
    counted: list[BitcoinTransaction],
    estate: Estate,
    now: datetime,
) -> None:
    clearing = await system_account(clearing_code("BITCOIN"), payment.currency)
    await settle(payment, clearing, estate, now)
    excess = sum(tx.value_sats for tx in counted) - invoice.amount_sats
    for tx in counted:
        tx.outcome = "SETTLED"
        await tx.save(update_fields=["outcome"])
    if excess > 0:  # the last transaction's share above the amount
        minor = await _credit(payment, invoice, counted[-1], excess, "over the amount asked")
        if minor:
            await notify(
                [await _owner(payment)],
                "BITCOIN_CREDITED",
                f"{_money(minor, payment.currency)} credited to your wallet",
                f"Payment {payment.reference} received {to_btc(excess)} BTC more than asked.",
                data={"reference": payment.reference},
            )


def _status(
    payment: Payment, status: str, now: datetime, code: str | None, why: str | None
) -> None:
    payment.status, payment.failure_code, payment.failure_message = status, code, why
    payment.completed_at = now if status not in OPEN else None


async def apply(estate: Estate, invoice_id: uuid.UUID, seen: Observation, now: datetime) -> bool:
    """Bring the payment up to what the chain shows (in the estate's scope, one
    transaction); whether anything a client sees changed."""
    invoice = await BitcoinInvoice.filter(id=invoice_id).select_for_update().get()
    payment = await Payment.filter(id=invoice.payment_id).select_for_update().get()
    before = (payment.status, invoice.received_sats, invoice.confirmations, invoice.credited_sats)
    txs = await _record(invoice, payment, seen, now)
    live = [tx for tx in txs if tx.state == "LIVE"]
    if live:
        await BitcoinAddress.filter(id=invoice.address_ref_id).update(used=True)
    required = invoice.required_confirmations
    if payment.status in OPEN:
        counted = sorted((tx for tx in live if tx.on_time), key=lambda tx: tx.first_seen_at)
        total = sum(tx.value_sats for tx in counted)
        closed = now > invoice.expires_at + GRACE
        if total >= invoice.amount_sats and all(
            confirmations(tx, seen.tip) >= required for tx in counted
        ):
            await _succeed(payment, invoice, counted, estate, now)
        elif counted and closed and total < invoice.amount_sats:
            why = (
                f"received {to_btc(total)} BTC of {to_btc(invoice.amount_sats)} BTC in time; "
                "what arrived is credited to your wallet once confirmed"
            )
            _status(payment, "FAILED", now, "UNDERPAID", why)
            await notify(
                [await _owner(payment)],
                "BITCOIN_UNDERPAID",
                f"Bitcoin payment {payment.reference} was short",
                why,
                data={"reference": payment.reference},
            )
        elif counted:
            if payment.status == "PENDING":
                await notify(
                    [await _owner(payment)],
                    "BITCOIN_RECEIVED",
                    f"Bitcoin payment {payment.reference} seen: {to_btc(total)} BTC",
                    f"It succeeds once confirmed {required} times.",
                    data={"reference": payment.reference},
                )
            _status(payment, "PROCESSING", now, None, None)
        elif closed:
            _status(payment, "EXPIRED", now, "EXPIRED", "no bitcoin arrived in the window")
        else:  # what was seen is gone again
            _status(payment, "PENDING", now, None, None)
    credited = 0
    if payment.status not in OPEN:  # what did not settle the bill, once it is final
        for tx in live:
            if tx.outcome is None and confirmations(tx, seen.tip) >= required:
                why = "late or beyond the payment" if not tx.on_time else "short of the amount"
                credited += await _credit(payment, invoice, tx, tx.value_sats, why)
                tx.outcome = "CREDITED"
                await tx.save(update_fields=["outcome"])
    if credited:
        await notify(
            [await _owner(payment)],
            "BITCOIN_CREDITED",
            f"{_money(credited, payment.currency)} credited to your wallet",
            f"Bitcoin received for payment {payment.reference} that did not pay it.",
            data={"reference": payment.reference},
        )
    counted_now = [tx for tx in live if tx.on_time] or live
    invoice.received_sats = sum(tx.value_sats for tx in live)
    invoice.confirmations = min((confirmations(tx, seen.tip) for tx in counted_now), default=0)
    invoice.last_checked_at = now
    if any(tx.outcome is None for tx in live):  # keep watching until it is credited
        invoice.watch_until = max(invoice.watch_until, now + timedelta(hours=1))
    await invoice.save()
    if payment.status != before[0]:
        await payment.save(
            update_fields=["status", "failure_code", "failure_message", "completed_at"]
        )
    after = (payment.status, invoice.received_sats, invoice.confirmations, invoice.credited_sats)
    if after != before:
        changed("payment", payment.id, payment.resident_id)
        return True
    return False
