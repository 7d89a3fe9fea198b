"""The daily auto-payout: what the estate's wallet holds above its threshold is requested
as a payout to the account set with the threshold (`autoPayoutBankAccount`), and waits
for an admin's approval like any other (the schedule is the maker; a person is still the
checker)."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from services.money import to_major
from services.payments.idempotency import request_fingerprint
from services.payments.transfers.providers import TRANSFER_PROVIDERS
from services.payouts import settings
from services.payouts.models import Payout
from services.payouts.queries import revenue_account
from services.payouts.requests import new_reference, opened
from tenants.models import Estate
from tenants.scope import savepoint

log = logging.getLogger(__name__)


async def request_auto_payout(estate: Estate, at: datetime) -> int:
    """At most one auto-payout per local day (in the estate's scope); how many it made."""
    chosen = await settings.current()
    threshold, account = chosen.auto_payout_threshold, settings.destination(chosen)
    revenue = await revenue_account(estate)
    if threshold is None or revenue is None or revenue.available <= threshold:
        return 0
    day = at.astimezone(ZoneInfo(estate.timezone)).date()
    key = f"auto-payout:{day.isoformat()}"
    if await Payout.exists(idempotency_key=key):
        return 0
    if account is None:  # refused by updateEstateSettings; a row from before it was
        log.warning("auto-payout of %s skipped: no account to pay into", estate.slug)
        return 0
    config = await settings.payout_gateway()
    excess = revenue.available - threshold
    fee = TRANSFER_PROVIDERS[config.provider].fee(excess, estate.currency)
    amount = excess - fee
    if amount <= 0:
        return 0
    above = to_major(threshold, estate.currency)
    async with savepoint():
        payout = await Payout.create(
            reference=new_reference(),
            amount=amount,
            fee=fee,
            currency=estate.currency,
            status="REQUESTED",
            provider=config.provider,
            bank_code=account.bank_code,
            bank_name=account.bank_name,
            account_number=account.account_number,
            account_name=account.account_name,
            requested_by_id=None,
            note=f"Automatic payout above {above} {estate.currency}, {day.isoformat()}",
            idempotency_key=key,
            request_fingerprint=request_fingerprint("auto-payout", day.isoformat()),
        )
        await opened(payout, None)
    return 1
