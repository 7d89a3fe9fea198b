"""Sending a notification by email and SMS, once per channel however often the job runs.

Per channel a `NotificationDelivery` row is claimed (status SENDING, attempts + 1) and
committed before anything is sent, and marked SENT or FAILED after. A repeated job finds
SENT and sends nothing; a concurrent one finds the claim and backs off; a worker that died
mid-send leaves a claim that lapses after the claim lease, so its message is retried.
No tenant scope is held while a channel is called (a scope holds a connection).

A notification keeps `delivery_queued_at` until a run leaves nothing to send, so a job lost
with the broker (Redis restarted empty, a worker killed holding it) is found and queued
again by the worker's sweeper (`claim_unsettled`), for up to `DELIVERY_BUDGET`.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from services.documents.papers import receipt_of
from services.identity.models import User
from services.notifications.channels import (
    Attachment,
    Channels,
    DeliveryError,
    EmailMessage,
    SmsMessage,
)
from services.notifications.models import Notification, NotificationDelivery
from services.notifications.preferences import preferences_of
from services.notifications.templates import Rendered, render
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

log = logging.getLogger(__name__)
# Longer than any send may take (SMTP and SMS time out well within it).
CLAIM_LEASE = timedelta(minutes=5)
# As long as the delivery job's own retries last (about a day).
DELIVERY_BUDGET = timedelta(days=1)
CLAIMABLE = ("PENDING", "FAILED")
ERROR_MAX = 1000


class DeliveryIncomplete(Exception):
    """Some channel failed for now or is being sent by another worker: try again later.
    What did go is recorded and will not be sent again."""


@dataclass
class DeliveryReport:
    # channel -> what happened on this run: SENT, FAILED, UNDELIVERABLE, BUSY (another
    # worker holds it), ALREADY_SENT, ALREADY_UNDELIVERABLE, ALREADY_DEAD (given up)
    outcomes: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Nothing left that a retry could still send."""
        return not any(o in ("FAILED", "BUSY") for o in self.outcomes.values())

    def summary(self) -> str:
        parts = [
            f"{channel} {outcome}"
            + (f" ({self.errors[channel]})" if channel in self.errors else "")
            for channel, outcome in self.outcomes.items()
        ]
        return ", ".join(parts) or "nothing to send"


@dataclass(frozen=True, slots=True)
class _Claimed:
    delivery_id: uuid.UUID
    channel: str
    recipient: str


def _wanted(rendered: Rendered, user: User, allows_email: bool, allows_sms: bool) -> dict[str, str]:
    """channel -> address, for the channels this person gets this notification on."""
    wanted: dict[str, str] = {}
    if allows_email and user.email:
        wanted["EMAIL"] = user.email
    if allows_sms and user.phone and rendered.sms:
        wanted["SMS"] = user.phone
    return wanted


def _retryable(now: datetime, lease: timedelta = CLAIM_LEASE) -> Q:
    """What a run may claim: not sent yet, failed for now, or held by a lapsed claim."""
    return Q(status__in=CLAIMABLE) | Q(status="SENDING", claimed_at__lt=now - lease)


async def _claim(
    notification: Notification, channel: str, recipient: str, now: datetime, lease: timedelta
) -> tuple[uuid.UUID, str | None]:
    """Claim the channel's delivery for this run: its id, and None if claimed, else why
    not (already sent, refused for good, or held by another run)."""
    delivery = await NotificationDelivery.get_or_none(notification=notification, channel=channel)
    if delivery is None:
        try:  # a concurrent run may insert it first: then claim (or not) its row
            async with savepoint():
                delivery = await NotificationDelivery.create(
                    notification=notification, channel=channel, recipient=recipient
                )
        except IntegrityError:
            delivery = await NotificationDelivery.get(notification=notification, channel=channel)
    claimed = await NotificationDelivery.filter(_retryable(now, lease), id=delivery.id).update(
        status="SENDING", attempts=F("attempts") + 1, claimed_at=now, recipient=recipient
    )
    if claimed:
        return delivery.id, None
    status = await NotificationDelivery.filter(id=delivery.id).values_list("status", flat=True)
    refused = {
        "SENT": "ALREADY_SENT",
        "UNDELIVERABLE": "ALREADY_UNDELIVERABLE",
        "DEAD": "ALREADY_DEAD",
    }
    return delivery.id, refused.get(str(status[0]), "BUSY")


async def _attachments(estate: Estate, notification: Notification) -> tuple[Attachment, ...]:
    """What the email carries: a successful payment's receipt."""
    payment_id = (notification.data or {}).get("paymentId")
    if notification.kind != "PAYMENT_SUCCEEDED" or not payment_id:
        return ()
    async with tenant_scope(estate.slug):
        receipt = await receipt_of(estate, uuid.UUID(str(payment_id)))
    return (Attachment(*receipt),) if receipt else ()


async def _send(
    channels: Channels,
    claim: _Claimed,
    rendered: Rendered,
    attachments: tuple[Attachment, ...] = (),
) -> tuple[str, str | None, str | None]:
    """(outcome, provider id, error) of one channel's send."""
    try:
        if claim.channel == "EMAIL":
            sent_id = await channels.email.send(
                EmailMessage(claim.recipient, rendered.subject, rendered.text, attachments)
            )
        else:
            sent_id = await channels.sms.send(SmsMessage(claim.recipient, rendered.sms or ""))
    except DeliveryError as exc:
        return ("UNDELIVERABLE" if exc.permanent else "FAILED"), None, exc.message
    except Exception as exc:  # a bug or an unforeseen error: recorded, and retried
        log.exception("sending %s to %s failed", claim.channel, claim.recipient)
        return "FAILED", None, f"{type(exc).__name__}: {exc}"
    return "SENT", sent_id, None


async def _settle(slug: str, notification_id: uuid.UUID) -> None:
    """Nothing is left to send: the sweeper need not queue it again."""
    async with tenant_scope(slug):
        await Notification.filter(id=notification_id).update(delivery_queued_at=None)


async def claim_unsettled(after: timedelta, now: datetime) -> list[uuid.UUID]:
    """Notifications of the current estate whose delivery job was queued `after` ago and
    has not settled them (lost with the broker, or still failing), created within
    `DELIVERY_BUDGET`; each is marked queued now as it is claimed."""
    due = Q(delivery_queued_at__lt=now - after, created_at__gt=now - DELIVERY_BUDGET)
    claimed = []
    for notification_id in await Notification.filter(due).values_list("id", flat=True):
        # Conditional: of two sweepers racing for one notification, one claims it.
        if await Notification.filter(due, id=notification_id).update(delivery_queued_at=now):
            claimed.append(uuid.UUID(str(notification_id)))
    return claimed


async def deliver(
    slug: str,
    notification_id: uuid.UUID,
    channels: Channels,
    now: datetime | None = None,
    claim_lease: timedelta = CLAIM_LEASE,
) -> DeliveryReport:
    """Send the notification by every channel its recipient wants and has not yet had
    it on. Safe to run again, and concurrently: a channel already sent is skipped."""
    now = now or datetime.now(UTC)
    report = DeliveryReport()
    estate = await Estate.get_or_none(slug=slug, status="ACTIVE")
    if estate is None:
        log.warning("notification %s: no active estate %r", notification_id, slug)
        return report
    async with tenant_scope(slug):
        notification = await Notification.get_or_none(id=notification_id)
        if notification is None:
            log.warning("notification %s not found in %s", notification_id, slug)
            return report
        preferences = await preferences_of(notification.user_id)
    user = await User.get_or_none(id=notification.user_id, is_active=True)
    if user is None:
        await _settle(slug, notification_id)
        return report
    rendered = render(
        notification.kind,
        notification.title,
        notification.body,
        notification.data,
        name=user.full_name,
        estate=estate.name,
    )
    wanted = _wanted(
        rendered,
        user,
        preferences.allows("EMAIL", notification.kind),
        preferences.allows("SMS", notification.kind),
    )
    if not wanted:
        await _settle(slug, notification_id)
        return report
    claims: list[_Claimed] = []
    async with tenant_scope(slug):  # committed before sending: the claim is the guard
        for channel, recipient in wanted.items():
            delivery_id, refused = await _claim(notification, channel, recipient, now, claim_lease)
            if refused is None:
                claims.append(_Claimed(delivery_id, channel, recipient))
            else:
                report.outcomes[channel] = refused
    emailing = any(c.channel == "EMAIL" for c in claims)
    attachments = (
        await _attachments(estate, notification)
        if emailing and channels.email.carries_attachments
        else ()
    )
    results = await asyncio.gather(*(_send(channels, c, rendered, attachments) for c in claims))
    done_at = datetime.now(UTC)
    async with tenant_scope(slug):
        for claim, (outcome, provider_id, error) in zip(claims, results, strict=True):
            report.outcomes[claim.channel] = outcome
            if error is not None:
                report.errors[claim.channel] = error
            await NotificationDelivery.filter(id=claim.delivery_id).update(
                status=outcome,
                provider_id=provider_id,
                last_error=error[:ERROR_MAX] if error else None,
                sent_at=done_at if outcome == "SENT" else None,
                claimed_at=None,
            )
        if report.complete:
            await Notification.filter(id=notification_id).update(delivery_queued_at=None)
    for claim, (outcome, _, error) in zip(claims, results, strict=True):
        if outcome != "SENT":
            log.warning(
                "%s: notification %s by %s: %s (%s)",
                slug,
                notification_id,
                claim.channel,
                outcome,
                error,
            )
    return report


async def give_up(slug: str, notification_id: uuid.UUID, now: datetime) -> int:
    """The job's retries are spent: every channel a retry could still have sent is DEAD,
    with its last error kept (`Notification.deliveries` shows both). Returns how many."""
    if not await Estate.filter(slug=slug, status="ACTIVE").exists():
        return 0
    async with tenant_scope(slug):
        # Nothing is left to send: the sweeper stops queueing it too.
        await Notification.filter(id=notification_id).update(delivery_queued_at=None)
        return await NotificationDelivery.filter(
            _retryable(now), notification_id=notification_id
        ).update(status="DEAD", claimed_at=None)


async def deliveries_by_notification(
    notification_ids: list[uuid.UUID],
) -> dict[uuid.UUID, list[NotificationDelivery]]:
    """Each notification's deliveries in the current estate, by channel."""
    grouped: dict[uuid.UUID, list[NotificationDelivery]] = {}
    rows = await NotificationDelivery.filter(notification_id__in=notification_ids).order_by(
        "channel"
    )
    for row in rows:
        grouped.setdefault(uuid.UUID(str(row.notification_id)), []).append(row)
    return grouped
