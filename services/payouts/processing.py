"""Sending approved payouts and learning how they ended.

A transfer is sent with the payout's reference as the provider's idempotency reference.
Whatever could have reached the provider is verified before it is sent again: a send
that timed out, a worker killed mid-call, a payout stuck in PROCESSING. The provider's
word (its answer, a transfer webhook confirmed by a verify call, or the periodic check)
moves the payout on through `lifecycle.move`, once."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import Q

from services.errors import DomainError
from services.payments.gateways.base import ProviderError, ProviderUnavailable
from services.payments.gateways.config import active_config
from services.payments.transfers.base import Transfer, TransferProvider, TransferRequest
from services.payments.transfers.providers import transfers_adapter
from services.payouts.lifecycle import HOLDING, SENDING, move
from services.payouts.models import Payout
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

log = logging.getLogger(__name__)
# Answers that leave the transfer's fate unknown: verify, never resend blindly.
UNKNOWN_OUTCOME = frozenset({"TIMEOUT_ERROR", "NETWORK_ERROR"})
# How long an approved payout may wait for its job before the periodic check sends it.
APPROVED_GRACE = timedelta(minutes=2)


class SendIncomplete(Exception):
    """The provider's answer did not come (or was an outage): retried with backoff; the
    retry verifies before it sends again."""


@dataclass(frozen=True)
class Timing:
    # A PROCESSING payout not heard of for this long is verified again (and resent if
    # the provider has no transfer by its reference).
    resend_after: timedelta


async def send(
    estate: Estate, payout_id: uuid.UUID, key: str, now: datetime, timing: Timing
) -> str:
    """Send an APPROVED payout, or check on a PROCESSING one not heard of for
    `timing.resend_after`. Returns the payout's status after the attempt."""
    async with tenant_scope(estate.slug):
        payout = await Payout.filter(id=payout_id).select_for_update().first()
        if payout is None:
            return "MISSING"
        first_send = payout.status == "APPROVED"
        quiet = payout.sent_at is None or payout.sent_at <= now - timing.resend_after
        if not first_send and not (payout.status == "PROCESSING" and quiet):
            return payout.status
        # Leased: no other copy acts on it until `resend_after` has passed.
        payout.send_attempts, payout.sent_at = payout.send_attempts + 1, now
        if first_send:
            await move(payout, "PROCESSING", now)
        else:
            await payout.save(update_fields=["send_attempts", "sent_at", "updated_at"])
        provider = transfers_adapter(await active_config(payout.provider), key)
    request = TransferRequest(
        payout.reference,
        payout.amount,
        payout.currency,
        payout.bank_code,
        payout.account_number,
        payout.account_name,
        f"Payout {payout.reference}",
    )
    try:
        transfer = (
            None if first_send else await provider.find(payout.reference, payout.provider_reference)
        )
        if transfer is None:  # nothing there yet under our reference: sending is safe
            transfer = await provider.send(request)
    except (ProviderError, ProviderUnavailable) as exc:
        return await _refused(estate, payout.id, exc, now)
    return await _apply(estate, payout.id, transfer, now)


async def _refused(
    estate: Estate, payout_id: uuid.UUID, exc: ProviderError | ProviderUnavailable, now: datetime
) -> str:
    code = exc.failure_code if isinstance(exc, ProviderError) else "NETWORK_ERROR"
    refused = isinstance(exc, ProviderError) and exc.status is not None and exc.status < 500
    async with tenant_scope(estate.slug), savepoint():
        payout = await Payout.filter(id=payout_id).select_for_update().get()
        if refused and payout.status in SENDING:
            # The provider said no to this transfer: nothing left, the hold goes back.
            await move(payout, "FAILED", now, failure=(code, exc.message))
            return payout.status
        payout.last_error = f"{code}: {exc.message}"[:500]
        await payout.save(update_fields=["last_error", "updated_at"])
    raise SendIncomplete(f"payout {payout.reference}: {payout.last_error}") from exc


async def _apply(
    estate: Estate, payout_id: uuid.UUID, transfer: Transfer | None, now: datetime
) -> str:
    async with tenant_scope(estate.slug), savepoint():
        payout = await Payout.filter(id=payout_id).select_for_update().get()
        return (await apply_transfer(payout, transfer, now)).status


async def apply_transfer(payout: Payout, transfer: Transfer | None, now: datetime) -> Payout:
    """The provider's word on a locked payout, applied once: a final payout stays as it
    is, except that a PAID one may still come back (REVERSED). None: the provider holds
    a transfer by this reference but has not told us about it yet."""
    if transfer is None:
        return payout
    if transfer.provider_reference and not payout.provider_reference:
        payout.provider_reference = transfer.provider_reference[:100]
    payout.last_error = None
    wanted = {"SUCCEEDED": "PAID", "FAILED": "FAILED", "REVERSED": "REVERSED"}.get(transfer.status)
    if payout.status == "APPROVED" and wanted is None:
        wanted = "PROCESSING"
    movable = payout.status in SENDING or (payout.status == "PAID" and wanted == "REVERSED")
    if wanted is None or not movable:
        await payout.save(update_fields=["provider_reference", "last_error", "updated_at"])
        return payout
    failure = None
    if wanted == "FAILED":
        failure = ("PROVIDER_ERROR", transfer.failure_message or "the provider failed the transfer")
    return await move(payout, wanted, now, failure=failure)


async def confirm(
    estate: Estate, reference: str, provider: str, hint: str | None, key: str, now: datetime
) -> bool:
    """A transfer webhook's claim about a payout, confirmed with the provider before it
    is applied. False when no payout of ours has the reference."""
    async with tenant_scope(estate.slug):
        payout = await Payout.get_or_none(reference=reference, provider=provider)
        if payout is None:
            return False
        if payout.status not in HOLDING | {"PAID"}:
            return True  # final: nothing the provider says changes it
        adapter: TransferProvider = transfers_adapter(await active_config(provider), key)
    transfer = await adapter.find(reference, payout.provider_reference or hint)
    await _apply(estate, payout.id, transfer, now)
    return True


async def due_for_check(now: datetime, stuck_after: timedelta) -> list[uuid.UUID]:
    """Payouts to send or verify now (in the estate's scope): approved but never picked up
    (a lost job), or PROCESSING and not heard of for `stuck_after`."""
    lost = Q(status="APPROVED", decided_at__lte=now - APPROVED_GRACE)
    stuck = Q(status="PROCESSING", sent_at__lte=now - stuck_after)
    return [
        uuid.UUID(str(i)) for i in await Payout.filter(lost | stuck).values_list("id", flat=True)
    ]


async def check_all(
    estate: Estate, ids: list[uuid.UUID], key: str, now: datetime, timing: Timing
) -> int:
    """`send` each (outside any scope); one provider's trouble does not stop the rest."""
    done = 0
    for payout_id in ids:
        try:
            await send(estate, payout_id, key, now, timing)
            done += 1
        except (SendIncomplete, DomainError) as exc:
            log.warning("payout %s of %s: %s", payout_id, estate.slug, exc)
    return done
