"""Provider webhooks: verified and stored on receipt, applied later by a worker, once."""

from __future__ import annotations

import logging
import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q

from services.access import parse_id
from services.errors import InvalidState, NotFound, ValidationFailed
from services.pagination import Page, paginate
from services.payment_methods import methods as payment_methods
from services.payment_methods.from_payments import save_from_payment
from services.payments.gateways.base import BadWebhook
from services.payments.gateways.config import active_config, adapter
from services.payments.gateways.providers import PROVIDERS
from services.payments.models import (
    EVENT_ID_LENGTH,
    EVENT_TYPE_LENGTH,
    REFERENCE_LENGTH,
    Payment,
    WebhookEvent,
)
from services.payments.provider_payments import apply_verification
from services.payouts import processing as payouts
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

log = logging.getLogger(__name__)
# The provider that posts to /webhooks/{slug}/{estate}, by slug.
WEBHOOK_PROVIDERS = {p.slug: p.name for p in PROVIDERS if p.webhooks}
# A failed event waits 1 minute, then 2, 4, ... at most 6 hours between attempts, until
# its retry budget (`RetryPolicy.give_up_after` from receipt, 3 days by default, like the
# providers' own schedules) is spent: then it is DEAD, kept for an admin to replay.
FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=6)
# Each wait is stretched by a random part of it (at most a tenth, at most a minute), so
# events that failed together (a provider outage) do not all come due at one instant.
JITTER = 0.1
MAX_JITTER = timedelta(minutes=1)
WAITING = ("RECEIVED", "FAILED")
STATUSES = frozenset({*WAITING, "PROCESSED", "IGNORED", "DEAD"})
# What `process` answers for a copy whose attempt was already made by another copy.
STALE = "STALE"
# Events about transfers (payouts), not payments: `transfer.success`, `transfer.completed`...
TRANSFER_EVENT = "transfer."


@dataclass(frozen=True)
class RetryPolicy:
    # How long a sent copy holds the event: the sweeper sends no other copy meanwhile.
    lease: timedelta
    give_up_after: timedelta


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt."""
    return min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def jittered(wait: timedelta) -> timedelta:
    return wait + min(wait * JITTER, MAX_JITTER) * random.random()


@dataclass(frozen=True)
class Received:
    event_id: uuid.UUID
    new: bool


async def receive(
    estate: Estate, provider: str, raw_body: bytes, headers: dict[str, str], encryption_key: str
) -> Received:
    """Check the signature on the raw body with this estate's secret and store the event.
    `BadWebhook` for a bad signature or body; `NotFound` without an active gateway."""
    async with tenant_scope(estate.slug):
        try:
            config = await active_config(provider)
        except ValidationFailed as exc:  # no active gateway of that provider here
            raise NotFound("no active gateway for this provider") from exc
        gateway = adapter(config, encryption_key)
        gateway.verify_webhook(raw_body, headers)
        event = gateway.parse_webhook(raw_body)
        if len(event.event_id) > EVENT_ID_LENGTH or len(event.type) > EVENT_TYPE_LENGTH:
            raise BadWebhook(f"not a {provider} event: its id or type is too long")
        # A reference longer than any we issue names no payment of ours: kept as none,
        # so the event is stored and then IGNORED like any other stranger's.
        reference = event.reference if len(event.reference or "") <= REFERENCE_LENGTH else None
        try:
            async with savepoint():
                row = await WebhookEvent.create(
                    provider=provider,
                    event_id=event.event_id,
                    type=event.type,
                    reference=reference,
                    payload=event.payload,
                )
        except IntegrityError:  # a duplicate delivery: nothing changes
            existing = await WebhookEvent.get(provider=provider, event_id=event.event_id)
            return Received(existing.id, new=False)
        return Received(row.id, new=True)


async def process(
    estate: Estate,
    event_id: uuid.UUID,
    attempt: int,
    encryption_key: str,
    now: datetime,
    policy: RetryPolicy,
) -> str:
    """Make the event's `attempt`-th attempt: confirm with the provider's verify call,
    then apply the result through the same path as verifyPayment. Returns the event's
    status after the attempt; a failure is recorded with its next attempt time (or DEAD),
    not raised. A copy whose attempt is not the next one is `STALE` and does nothing: of
    the copies sent for one attempt (the shim's and the sweeper's, or a lease that ran
    out while its copy was still queued), the first to run makes it."""
    async with tenant_scope(estate.slug):
        event = await WebhookEvent.filter(id=event_id).select_for_update().first()
        if event is None:
            raise NotFound("webhook event not found")
        if event.status not in WAITING:  # applied, ignored, or dead until replayed
            return event.status
        if attempt != event.attempts + 1:
            return STALE
        event.attempts = attempt
        event.next_attempt_at = now + policy.lease  # this copy holds it while it runs
        await event.save(update_fields=["attempts", "next_attempt_at"])
        transfer = event.type.startswith(TRANSFER_EVENT)
        payment = (
            await Payment.get_or_none(reference=event.reference, provider=event.provider)
            if event.reference and not transfer
            else None
        )
        # A card being saved (its SetupIntent, or the card check that saves it).
        card_setup = (
            payment is None
            and not transfer
            and bool(event.reference)
            and await payment_methods.is_setup(event.reference or "", event.provider)
        )
        if payment is None and not card_setup and not (transfer and event.reference):
            await _finish(event, "IGNORED", now, "no payment of ours has this reference")
            return "IGNORED"
        gateway = adapter(await active_config(event.provider), encryption_key)
        provider, reference, hint = event.provider, event.reference, _provider_id(event.payload)
    try:
        if payment is not None:
            # Never trust the claim alone: ask the provider.
            verified = await gateway.verify(payment.reference, payment.provider_reference)
            await apply_verification(estate, payment.reference, verified, now)
            if payment.save_payment_method:  # payBill(savePaymentMethod: true)
                await save_from_payment(estate, payment.reference, encryption_key, now)
        elif card_setup:
            await payment_methods.confirm_setup(estate, reference or "", encryption_key, now)
        elif not await payouts.confirm(
            estate, reference or "", provider, hint, encryption_key, now
        ):
            async with tenant_scope(estate.slug):
                await _finish(
                    await WebhookEvent.get(id=event_id),
                    "IGNORED",
                    now,
                    "no payout of ours has this reference",
                )
            return "IGNORED"
    except Exception as exc:
        log.warning("webhook event %s of %s failed: %r", event_id, estate.slug, exc)
        async with tenant_scope(estate.slug):
            return await _failed(event_id, f"{type(exc).__name__}: {exc}"[:2000], now, policy)
    async with tenant_scope(estate.slug):
        await _finish(await WebhookEvent.get(id=event_id), "PROCESSED", now, None)
    return "PROCESSED"


def _provider_id(payload: dict) -> str | None:
    """The provider's own id of the object an event is about (Flutterwave finds a
    transfer by it)."""
    data = payload.get("data") if isinstance(payload, dict) else None
    found = data.get("id") if isinstance(data, dict) else None
    return str(found) if found is not None else None


async def _failed(event_id: uuid.UUID, error: str, now: datetime, policy: RetryPolicy) -> str:
    event = await WebhookEvent.filter(id=event_id).select_for_update().get()
    if event.status == "PROCESSED":  # a concurrent delivery of the same event applied it
        return event.status
    retry_at = now + jittered(backoff(event.attempts))
    if retry_at > event.received_at + policy.give_up_after:
        event.status, event.next_attempt_at = "DEAD", None
    else:
        event.status, event.next_attempt_at = "FAILED", retry_at
    event.error = error
    await event.save(update_fields=["status", "next_attempt_at", "error"])
    return event.status


async def replay(event_id: str, now: datetime) -> WebhookEvent:
    """An admin's second chance for a DEAD (or FAILED) event: due at once, with a fresh
    budget counted from now. Idempotent: an event already due (replayed, or never yet
    run) is left as it is. Applied or ignored events are final."""
    event = (
        await WebhookEvent.filter(id=parse_id(event_id, "id", "webhook event"))
        .select_for_update()
        .first()
    )
    if event is None:
        raise NotFound("webhook event not found", field="id")
    if event.status == "RECEIVED":  # already due (replayed before, or not yet run)
        return event
    if event.status not in ("DEAD", "FAILED"):
        raise InvalidState(f"a {event.status} event cannot be replayed", field="id")
    event.status, event.next_attempt_at, event.received_at = "RECEIVED", now, now
    await event.save(update_fields=["status", "next_attempt_at", "received_at"])
    return event


async def _finish(event: WebhookEvent, status: str, now: datetime, note: str | None) -> None:
    event.status, event.processed_at = status, now
    event.error = note
    await event.save(update_fields=["status", "processed_at", "error"])


async def claim_due(
    first_after: timedelta, policy: RetryPolicy, now: datetime
) -> list[tuple[uuid.UUID, int]]:
    """Events the sweeper should send now (never sent, stored `first_after` ago; or failed
    and past their backoff; or a sent copy's lease ran out: a broker outage, a killed
    worker), leased all at once, with the attempt each copy is for. Call inside the
    estate's scope (one transaction): rows another sweeper has locked are skipped, not
    waited for (SQLite has no row locks; it runs one writer at a time anyway)."""
    never_sent = Q(next_attempt_at__isnull=True, received_at__lt=now - first_after)
    due = Q(never_sent | Q(next_attempt_at__lte=now), status__in=WAITING)
    rows = await WebhookEvent.filter(due).select_for_update(skip_locked=True).only("id", "attempts")
    if rows:
        await WebhookEvent.filter(id__in=[r.id for r in rows]).update(
            next_attempt_at=now + policy.lease
        )
    return [(row.id, row.attempts + 1) for row in rows]


async def list_events(
    status: str | None, provider: str | None, first: int | None, after: str | None, cap: int
) -> Page[WebhookEvent]:
    query = WebhookEvent.all()
    if status:
        if status not in STATUSES:
            raise ValidationFailed(
                f"status must be one of {', '.join(sorted(STATUSES))}", field="status"
            )
        query = query.filter(status=status)
    if provider:
        query = query.filter(provider=provider)
    return await paginate(query, first, after, cap, newest_first=True)
