"""Watching the chain for an estate's Bitcoin payments: the scheduled scan (and
`verifyPayment`, for one payment). The addresses watched are read in one short scope,
the chain is asked with no connection held (a few addresses at a time, backing off when
the API is busy), and each address's answer is applied in a scope of its own."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.bitcoin import http
from services.bitcoin.chain import Chain
from services.bitcoin.models import BitcoinAccount, BitcoinInvoice, BitcoinTransaction
from services.bitcoin.settling import OPEN, Observation, apply
from services.bitcoin.terms import account_key, chain_api
from services.events import changed
from services.payments.gateways.base import ProviderUnavailable
from services.payments.gateways.config import credentials_of
from services.payments.gateways.models import GatewayConfig
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import tenant_scope

log = logging.getLogger(__name__)
# Addresses asked about at once, and per run at most.
CONCURRENCY = 4
MAX_PER_RUN = 2000
# A payment that is final is looked at again this often while it is watched (for late
# or extra transactions); open ones every run.
RECHECK_FINAL = timedelta(minutes=10)
# A Bitcoin payment still PENDING this long without its address (its start failed midway)
# will never get one: it is EXPIRED.
ORPHAN_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Watched:
    invoice_id: uuid.UUID
    address: str
    live_txids: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    api_base_url: str
    key_id: str
    watched: list[Watched]


async def _plan(now: datetime, encryption_key: str, payment_id: uuid.UUID | None) -> Plan | None:
    config = await GatewayConfig.get_or_none(provider="BITCOIN")
    if config is None:
        return None
    key = account_key(credentials_of(config, encryption_key))
    query = (
        BitcoinInvoice.filter(payment_id=payment_id)
        if payment_id is not None
        else BitcoinInvoice.filter(watch_until__gt=now)
    )
    rows = await query.order_by("created_at").values(
        "id", "address", "last_checked_at", "payment__status"
    )
    due = [
        row
        for row in rows
        if payment_id is not None
        or row["payment__status"] in OPEN
        or row["last_checked_at"] is None
        or row["last_checked_at"] <= now - RECHECK_FINAL
    ][:MAX_PER_RUN]
    live: dict[uuid.UUID, list[str]] = {}
    for invoice_id, txid in await BitcoinTransaction.filter(
        invoice_id__in=[row["id"] for row in due], state="LIVE"
    ).values_list("invoice_id", "txid"):
        live.setdefault(invoice_id, []).append(str(txid))
    watched = [Watched(row["id"], row["address"], tuple(live.get(row["id"], ()))) for row in due]
    return Plan(chain_api(config.api_base_url, key.network), key.key_id, watched)


async def _expire_orphans(now: datetime) -> None:
    stale = await Payment.filter(
        provider="BITCOIN", status="PENDING", created_at__lt=now - ORPHAN_AFTER
    ).values_list("id", "resident_id")
    if not stale:
        return
    with_address = set(
        await BitcoinInvoice.filter(payment_id__in=[p for p, _ in stale]).values_list(
            "payment_id", flat=True
        )
    )
    for payment_id, resident_id in stale:
        if payment_id not in with_address:
            await Payment.filter(id=payment_id, status="PENDING").update(
                status="EXPIRED",
                failure_code="EXPIRED",
                failure_message="no address was issued",
                completed_at=now,
            )
            changed("payment", payment_id, resident_id)


async def _observe(
    chain: Chain, watched: Watched, tip: int, halted: asyncio.Event, limit: asyncio.Semaphore
) -> Observation | None:
    async with limit:
        if halted.is_set():  # the API gave up on another address: stop asking it
            return None
        try:
            txs = await chain.address_txs(watched.address)
            listed = {tx.txid for tx in txs}
            gone = {t: await chain.tx_height(t) for t in watched.live_txids if t not in listed}
        except ProviderUnavailable:
            halted.set()
            raise
        return Observation(txs, gone, tip)


async def scan(
    estate: Estate,
    now: datetime,
    encryption_key: str,
    *,
    payment_id: uuid.UUID | None = None,
    backoff: http.Backoff | None = None,
) -> int:
    """Look at the chain for the estate's watched payments (or just one) and apply what it
    shows; how many payments changed. `ProviderUnavailable` when the chain API failed
    (after applying what it did answer)."""
    async with tenant_scope(estate.slug):
        if payment_id is None:
            await _expire_orphans(now)
        plan = await _plan(now, encryption_key, payment_id)
    if plan is None or not plan.watched:
        return 0
    halted, limit = asyncio.Event(), asyncio.Semaphore(CONCURRENCY)
    async with http.client() as client:
        chain = Chain(plan.api_base_url, client, backoff or http.Backoff())
        tip = await chain.tip_height()
        answers = await asyncio.gather(
            *(_observe(chain, w, tip, halted, limit) for w in plan.watched),
            return_exceptions=True,
        )
    changed_count = 0
    for watched, answer in zip(plan.watched, answers, strict=True):
        if isinstance(answer, Observation):
            async with tenant_scope(estate.slug):
                changed_count += await apply(estate, watched.invoice_id, answer, now)
        elif isinstance(answer, BaseException) and not isinstance(answer, ProviderUnavailable):
            raise answer
    async with tenant_scope(estate.slug):
        await BitcoinAccount.filter(key_id=plan.key_id).update(last_scan_at=now)
    if halted.is_set():
        raise ProviderUnavailable("the Bitcoin chain API is unavailable; the rest waits")
    return changed_count
