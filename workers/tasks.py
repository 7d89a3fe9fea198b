"""What the workers do, as plain coroutines (the scheduled ones from `workers.scheduled`):
`workers.jobs` declares each as a job, which the Dramatiq actors and the in-process
worker of the embedded default both run."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta

from services.estates.status import TAKES_WEBHOOKS
from services.identity import recovery
from services.notifications import delivery
from services.notifications.channels import (
    Channels,
    ConsoleEmailSender,
    ConsoleSmsSender,
    EmailSender,
    HttpSmsSender,
    SmsSender,
    SmtpEmailSender,
)
from services.payments import webhooks
from services.payouts import processing as payouts
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings, get_settings
from workers.scheduled import apply_late_fees as apply_late_fees
from workers.scheduled import auto_payouts as auto_payouts
from workers.scheduled import check_payouts as check_payouts
from workers.scheduled import collect_autopay as collect_autopay
from workers.scheduled import evaluate_reward_streaks as evaluate_reward_streaks
from workers.scheduled import expire_card_setups as expire_card_setups
from workers.scheduled import expire_stale_payments as expire_stale_payments
from workers.scheduled import mark_overdue_bills as mark_overdue_bills
from workers.scheduled import process_recurring_payments as process_recurring_payments
from workers.scheduled import prune_schedule as prune_schedule
from workers.scheduled import purge_old_records as purge_old_records
from workers.scheduled import run_bill_runs as run_bill_runs
from workers.scheduled import send_bill_reminders as send_bill_reminders
from workers.scheduled import watch_bitcoin_payments as watch_bitcoin_payments

log = logging.getLogger(__name__)
# The in-process worker (embedded default) retries deliveries itself, on the app's loop.
IN_PROCESS_DELIVERY_ATTEMPTS = 6
IN_PROCESS_FIRST_BACKOFF = 2.0
IN_PROCESS_SEND_ATTEMPTS = 3


def webhook_retry_policy(settings: Settings) -> webhooks.RetryPolicy:
    return webhooks.RetryPolicy(
        lease=timedelta(seconds=settings.sweep_after_seconds),
        give_up_after=timedelta(hours=settings.webhook_retry_hours),
    )


async def apply_webhook_event(slug: str, event_id: str, attempt: int) -> str:
    settings = get_settings()
    estate = await Estate.get(slug=slug, status__in=TAKES_WEBHOOKS)
    return await webhooks.process(
        estate,
        uuid.UUID(event_id),
        attempt,
        settings.encryption_key,
        datetime.now(UTC),
        webhook_retry_policy(settings),
    )


async def sweep(now: datetime | None = None) -> list[tuple[str, str, int]]:
    """The (estate, event, attempt) copies due to be sent (again) in every estate, each
    leased as it is claimed. (Stale pending payments are expired by the scheduler's job.)"""
    settings = get_settings()
    first_after = timedelta(seconds=settings.sweep_after_seconds)
    policy = webhook_retry_policy(settings)
    now = now or datetime.now(UTC)
    found: list[tuple[str, str, int]] = []
    for estate in await Estate.filter(status__in=TAKES_WEBHOOKS):
        async with tenant_scope(estate.slug):
            claimed = await webhooks.claim_due(first_after, policy, now)
        found += [(estate.slug, str(event), attempt) for event, attempt in claimed]
    return found


async def sweep_notifications(now: datetime | None = None) -> list[tuple[str, str]]:
    """The (estate, notification) pairs whose delivery job is to be queued again: lost
    with the broker or a killed worker, or still owed something after `sweep_after`."""
    after = timedelta(seconds=get_settings().sweep_after_seconds)
    now = now or datetime.now(UTC)
    found: list[tuple[str, str]] = []
    for estate in await Estate.filter(status="ACTIVE"):
        async with tenant_scope(estate.slug):
            claimed = await delivery.claim_unsettled(after, now)
        found += [(estate.slug, str(n)) for n in claimed]
    return found


def notification_channels(settings: Settings) -> Channels:
    """SMTP and the SMS API when configured; otherwise both are written to the log."""
    email: EmailSender = ConsoleEmailSender()
    if settings.smtp_host:
        email = SmtpEmailSender(
            host=settings.smtp_host,
            port=settings.smtp_port,
            sender=settings.smtp_from,
            username=settings.smtp_username,
            password=settings.smtp_password,
            starttls=settings.smtp_starttls,
        )
    sms: SmsSender = ConsoleSmsSender()
    if settings.sms_account_sid and settings.sms_auth_token and settings.sms_from:
        sms = HttpSmsSender(
            settings.sms_api_base_url,
            settings.sms_account_sid,
            settings.sms_auth_token,
            settings.sms_from,
        )
    return Channels(email, sms)


async def deliver_notification_once(slug: str, notification_id: str) -> None:
    """One try at every channel still owed; `DeliveryIncomplete` if any is left over."""
    settings = get_settings()
    report = await delivery.deliver(
        slug,
        uuid.UUID(notification_id),
        notification_channels(settings),
        claim_lease=timedelta(seconds=settings.notification_claim_lease_seconds),
    )
    if not report.complete:
        raise delivery.DeliveryIncomplete(f"notification {notification_id}: {report.summary()}")


async def deliver_notification_batch(slug: str, notification_ids: str) -> list[str]:
    """One try at each of a batch (ids joined by commas: bulk billing's thousands of
    notifications travel as a few messages); the ids still owed something, which the
    actor sends on as `deliver_notification` jobs, each with that job's retries."""
    left = []
    for notification_id in notification_ids.split(","):
        try:
            await deliver_notification_once(slug, notification_id)
        except Exception as exc:
            log.info("notification %s of a batch: %s; sent on its own", notification_id, exc)
            left.append(notification_id)
    return left


async def deliver_notification_batch_in_process(slug: str, notification_ids: str) -> None:
    """The in-process equivalent (each with the in-process retries)."""
    for notification_id in notification_ids.split(","):
        await deliver_notification(slug, notification_id)


async def deliver_notification(slug: str, notification_id: str) -> None:
    """The in-process job (the Dramatiq actor retries through the broker instead)."""
    backoff = IN_PROCESS_FIRST_BACKOFF
    for attempt in range(1, IN_PROCESS_DELIVERY_ATTEMPTS + 1):
        try:
            await deliver_notification_once(slug, notification_id)
            return
        except delivery.DeliveryIncomplete as exc:
            if attempt == IN_PROCESS_DELIVERY_ATTEMPTS:
                raise
            log.info("%s; retrying in %.0f s", exc, backoff)
            await asyncio.sleep(backoff)
            backoff *= 4


async def send_payout_once(slug: str, payout_id: str) -> str:
    """Send an approved payout, or verify (then maybe resend) one whose send went
    unanswered; `SendIncomplete` when the provider's answer did not come."""
    settings = get_settings()
    estate = await Estate.get(slug=slug, status="ACTIVE")
    timing = payouts.Timing(timedelta(seconds=settings.payout_resend_after_seconds))
    return await payouts.send(
        estate, uuid.UUID(payout_id), settings.encryption_key, datetime.now(UTC), timing
    )


async def send_payout(slug: str, payout_id: str) -> str:
    """The in-process job: a few tries, each after the resend lease has passed."""
    wait = get_settings().payout_resend_after_seconds
    for attempt in range(1, IN_PROCESS_SEND_ATTEMPTS + 1):
        try:
            return await send_payout_once(slug, payout_id)
        except payouts.SendIncomplete as exc:
            if attempt == IN_PROCESS_SEND_ATTEMPTS:
                raise
            log.info("%s; checking again in %.0f s", exc, wait)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")


async def send_password_reset(email: str) -> None:
    """Issue and email a reset token if the email is an active user's (else nothing)."""
    channels = notification_channels(get_settings())
    await recovery.send_reset(email, channels.email, datetime.now(UTC))
