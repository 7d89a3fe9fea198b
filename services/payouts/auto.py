"""The daily auto-payout: what the estate's wallet holds above its threshold is requested
as a payout to the account of its last paid payout, and waits for an admin's approval
like any other (the schedule is the maker; a person is still the checker)."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from services.payments.idempotency import request_fingerprint
from services.payments.transfers.providers import TRANSFER_PROVIDERS
from services.payouts import settings
from services.payouts.models import Payout
from services.payouts.queries import revenue_account
from services.payouts.requests import new_reference, opened
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION

log = logging.getLogger(__name__)


async def request_auto_payout(estate: Estate, at: datetime) -> int:
    """At most one auto-payout per local day (in the estate's scope); how many it made."""
    threshold = (await settings.current()).auto_payout_threshold
    revenue = await revenue_account(estate)
    if threshold is None or revenue is None or revenue.available <= threshold:
        return 0
    day = at.astimezone(ZoneInfo(estate.timezone)).date()
    key = f"auto-payout:{day.isoformat()}"
    if await Payout.exists(idempotency_key=key):
        return 0
    last = (
        await Payout.filter(status="PAID", currency=estate.currency)
        .order_by("-completed_at")
        .first()
    )
    if last is None:
        log.info("auto-payout of %s skipped: no paid payout names an account yet", estate.slug)
        return 0
    config = await settings.payout_gateway()
    excess = revenue.available - threshold
    fee = TRANSFER_PROVIDERS[config.provider].fee(excess, estate.currency)
    amount = excess - fee
    if amount <= 0:
        return 0
    async with in_transaction(TENANT_CONNECTION):
        payout = await Payout.create(
            reference=new_reference(),
            amount=amount,
            fee=fee,
            currency=estate.currency,
            status="REQUESTED",
            provider=config.provider,
            bank_code=last.bank_code,
            bank_name=last.bank_name,
            account_number=last.account_number,
            account_name=last.account_name,
            requested_by_id=None,
            note=f"Automatic payout above {threshold} (minor units), {day.isoformat()}",
            idempotency_key=key,
            request_fingerprint=request_fingerprint("auto-payout", day.isoformat()),
        )
        await opened(payout, None)
    return 1
