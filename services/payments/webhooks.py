"""Provider webhooks: verified and stored on receipt, applied later by a worker, once."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from services.errors import NotFound, ValidationFailed
from services.pagination import Page, paginate
from services.payments.gateways.config import active_config, adapter
from services.payments.models import Payment, WebhookEvent
from services.payments.provider_payments import apply_verification
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION, tenant_scope

WEBHOOK_PROVIDERS = {"stripe": "STRIPE", "paystack": "PAYSTACK", "flutterwave": "FLUTTERWAVE"}


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
        try:
            async with in_transaction(TENANT_CONNECTION):
                row = await WebhookEvent.create(
                    provider=provider,
                    event_id=event.event_id,
                    type=event.type,
                    reference=event.reference,
                    payload=event.payload,
                )
        except IntegrityError:  # a duplicate delivery: nothing changes
            existing = await WebhookEvent.get(provider=provider, event_id=event.event_id)
            return Received(existing.id, new=False)
        return Received(row.id, new=True)


async def process(estate: Estate, event_id: uuid.UUID, encryption_key: str, now: datetime) -> str:
    """Apply a stored event: confirm with the provider's verify call, then apply the
    result through the same path as verifyPayment. Returns the event's final status."""
    async with tenant_scope(estate.slug):
        event = await WebhookEvent.filter(id=event_id).select_for_update().first()
        if event is None:
            raise NotFound("webhook event not found")
        if event.status in ("PROCESSED", "IGNORED"):
            return event.status
        event.attempts += 1
        await event.save(update_fields=["attempts"])
        payment = (
            await Payment.get_or_none(reference=event.reference, provider=event.provider)
            if event.reference
            else None
        )
        if payment is None:
            await _finish(event, "IGNORED", now, "no payment of ours has this reference")
            return "IGNORED"
        gateway = adapter(await active_config(event.provider), encryption_key)
    try:
        # Never trust the claim alone: ask the provider.
        verified = await gateway.verify(payment.reference, payment.provider_reference)
        await apply_verification(estate, payment.reference, verified, now)
    except Exception as exc:
        async with tenant_scope(estate.slug):
            # Not over a concurrent delivery of the same event that has applied it.
            await WebhookEvent.filter(id=event_id, status__not="PROCESSED").update(
                status="FAILED", error=f"{type(exc).__name__}: {exc}"[:2000]
            )
        raise
    async with tenant_scope(estate.slug):
        await _finish(await WebhookEvent.get(id=event_id), "PROCESSED", now, None)
    return "PROCESSED"


async def _finish(event: WebhookEvent, status: str, now: datetime, note: str | None) -> None:
    event.status, event.processed_at = status, now
    event.error = note
    await event.save(update_fields=["status", "processed_at", "error"])


async def unprocessed(older_than: timedelta, now: datetime) -> list[uuid.UUID]:
    """Events stored but not applied for a while (a broker outage, a killed worker)."""
    rows = await WebhookEvent.filter(
        status__in=("RECEIVED", "FAILED"), received_at__lt=now - older_than
    ).values_list("id", flat=True)
    return [uuid.UUID(str(r)) for r in rows]


async def list_events(
    status: str | None, provider: str | None, first: int | None, after: str | None, cap: int
) -> Page[WebhookEvent]:
    query = WebhookEvent.all()
    if status:
        query = query.filter(status=status)
    if provider:
        query = query.filter(provider=provider)
    return await paginate(query, first, after, cap, newest_first=True)
