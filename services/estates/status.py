"""A platform operator's hold on a whole estate: suspend (its users are refused, its
money still arrives: webhooks are stored and applied; scheduled jobs pause), reactivate,
and archive for good once the estate owes and holds nothing."""

from __future__ import annotations

import uuid
from datetime import datetime

from services import validation
from services.audit.log import record
from services.errors import InvalidState, NotFound
from services.events import changed
from services.identity import revocations
from services.ledger.models import Account
from services.money import to_major
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN, tenant_scope

# Estates whose provider webhooks are still taken and applied.
TAKES_WEBHOOKS = ("ACTIVE", "SUSPENDED")


async def _estate(slug: str) -> Estate:
    slug = (slug or "").strip().lower()
    estate = (
        await Estate.get_or_none(slug=slug, status__in=("ACTIVE", "SUSPENDED", "ARCHIVED"))
        if SLUG_PATTERN.match(slug)
        else None
    )
    if estate is None:
        raise NotFound("estate not found", field="slug")
    return estate


async def _set(
    actor_id: uuid.UUID, estate: Estate, status: str, reason: str | None, now: datetime, action: str
) -> Estate:
    before = {"status": estate.status, "reason": estate.status_reason}
    updated = await Estate.filter(id=estate.id, status=estate.status).update(
        status=status, status_reason=reason, status_changed_at=now
    )
    if not updated:  # changed meanwhile by another operator
        raise InvalidState("the estate's status changed meanwhile: try again", field="slug")
    await revocations.revoked(revocations.estate(estate.id))  # its callers are refused now
    estate.status, estate.status_reason, estate.status_changed_at = status, reason, now
    async with tenant_scope(estate.slug):
        await record(
            actor_id,
            action,
            "Estate",
            estate.id,
            before=before,
            after={"status": status, "reason": reason},
        )
        changed("estate", estate.id)
    return estate


async def suspend(actor_id: uuid.UUID, slug: str, reason: str, now: datetime) -> Estate:
    reason = validation.text(reason, "reason", max_length=500)
    estate = await _estate(slug)
    if estate.status != "ACTIVE":
        raise InvalidState(
            f"only an active estate can be suspended; it is {estate.status}", field="slug"
        )
    return await _set(actor_id, estate, "SUSPENDED", reason, now, "suspendEstate")


async def reactivate(actor_id: uuid.UUID, slug: str, now: datetime) -> Estate:
    estate = await _estate(slug)
    if estate.status != "SUSPENDED":
        raise InvalidState(
            f"only a suspended estate can be reactivated; it is {estate.status}", field="slug"
        )
    return await _set(actor_id, estate, "ACTIVE", None, now, "reactivateEstate")


async def archive(actor_id: uuid.UUID, slug: str, now: datetime) -> Estate:
    """For good, and only once the estate owes and holds nothing (`_left_to_settle`):
    money is never archived away."""
    estate = await _estate(slug)
    if estate.status == "ARCHIVED":
        return estate
    async with tenant_scope(estate.slug):
        left = await _left_to_settle()
    if left is not None:
        raise InvalidState(f"the estate must owe and hold nothing to archive: {left}", field="slug")
    return await _set(actor_id, estate, "ARCHIVED", estate.status_reason, now, "archiveEstate")


# Accounts whose balance is somebody's money: the residents' wallets, the estate's
# revenue, wallet refunds on their way (taken from the wallet when requested). Payouts
# on their way are funds held on the revenue (below). The others are the other sides of
# movements already made (a provider's clearing account, adjustments, fees, payouts and
# refunds paid) and never empty; rewards are promotional credit, not money.
OWED_KINDS = ("RESIDENT_WALLET", "ESTATE_REVENUE", "WALLET_REFUNDS_IN_TRANSIT")
# Payments that may still bring money: an archived estate takes no webhooks.
OPEN_PAYMENTS = ("PENDING", "PROCESSING", "PENDING_APPROVAL")


async def _left_to_settle() -> str | None:
    """What stops the current estate from being archived, said; None if nothing."""
    owed = await Account.filter(kind__in=OWED_KINDS, balance__not=0).order_by("code").first()
    if owed is not None:
        return f"{owed.code} holds {to_major(owed.balance, owed.currency)} {owed.currency}"
    if await Account.filter(held__not=0).exists():
        return "funds are held for payouts"
    open_payments = await Payment.filter(status__in=OPEN_PAYMENTS).count()
    if open_payments:
        return f"{open_payments} payment(s) still open (money may yet arrive)"
    return None
