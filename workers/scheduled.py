"""The scheduled jobs as plain coroutines (exported by `workers.tasks`, declared in
`workers.jobs`). Each per-estate job takes the estate's slug and its
slot (an ISO instant): the job computes "now" from the slot, never from the worker's
clock, so a late or repeated message means the same thing, and tests travel in time.

Each run is recorded in the estate's `job_runs` in the same transaction as its work: a
repeated delivery of a slot already done is counted and skipped, and a failure keeps its
error there (Dramatiq retries it with backoff; once the retries are spent, the run is
DEAD: `workers.dead_letters`)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from services.bills.overdue import mark_overdue
from services.bills.reminders import ReminderPolicy, send_reminders
from services.bitcoin import watching
from services.identity.sessions import purge_ended
from services.notifications.retention import purge_read
from services.payment_methods import expiry as card_setups
from services.payments import provider_payments
from services.payments.retention import purge_webhook_events
from services.payouts import processing as payouts
from services.payouts.auto import request_auto_payout
from services.plans import autopay, card_autopay, dunning, late_fees
from services.plans import runs as bill_runs
from services.recurring.runs import run_due
from services.rewards import streaks
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope
from tenants.settings import get_settings
from workers.models import JobRun, ScheduleClaim

log = logging.getLogger(__name__)
Work = Callable[[Estate, datetime], Awaitable[int]]


async def _start(job: str, slot: datetime) -> JobRun:
    """This slot's run in the current estate, created on first delivery; counts deliveries."""
    run = await JobRun.get_or_none(job=job, slot=slot)
    if run is None:
        try:
            async with savepoint():
                run = await JobRun.create(job=job, slot=slot)
        except IntegrityError:  # a concurrent delivery of the same message made it
            run = await JobRun.get(job=job, slot=slot)
    await JobRun.filter(id=run.id).update(deliveries=F("deliveries") + 1)
    return run


async def run_for_estate(
    job: str, slug: str, slot_iso: str, work: Work, *, in_scope: bool = True
) -> int:
    """Run `work` for the slot in the estate unless already done; returns what it affected.
    `in_scope=False`: the work opens its own scopes (it calls out over the network, which
    must not hold a connection), so its run is recorded after it, not with it."""
    slot = datetime.fromisoformat(slot_iso).astimezone(UTC)
    estate = await Estate.get_or_none(slug=slug, status="ACTIVE")
    if estate is None:  # removed or suspended since the message was sent
        log.warning("%s: estate %s is not active; skipped", job, slug)
        return 0
    async with tenant_scope(slug):
        run = await _start(job, slot)
    if run.status == "DONE":
        return 0
    try:
        affected = 0 if in_scope else await work(estate, slot)
        async with tenant_scope(slug):
            if in_scope:
                affected = await work(estate, slot)
            await JobRun.filter(id=run.id).update(
                status="DONE",
                affected=affected,
                attempts=F("attempts") + 1,
                error=None,
                finished_at=datetime.now(UTC),
            )
    except Exception as exc:
        async with tenant_scope(slug):
            await JobRun.filter(id=run.id).update(
                status="FAILED",
                attempts=F("attempts") + 1,
                error=f"{type(exc).__name__}: {exc}"[:4000],
                finished_at=datetime.now(UTC),
            )
        raise
    if affected:
        log.info("%s %s %s: %d", job, slug, slot_iso, affected)
    return affected


async def give_up(job: str, slug: str, slot_iso: str, error: str) -> None:
    """Dramatiq spent the message's retries: the slot's run in the estate is DEAD, with its
    last error (or, for a run that never started, the message's)."""
    slot = datetime.fromisoformat(slot_iso).astimezone(UTC)
    if not await Estate.filter(slug=slug, status="ACTIVE").exists():
        return
    async with tenant_scope(slug):
        run = await JobRun.get_or_none(job=job, slot=slot)
        if run is None:
            await JobRun.create(
                job=job, slot=slot, status="DEAD", error=error[:4000], finished_at=datetime.now(UTC)
            )
        elif run.status != "DONE":
            await JobRun.filter(id=run.id).update(status="DEAD", error=run.error or error[:4000])


async def _overdue(estate: Estate, at: datetime) -> int:
    return await mark_overdue(estate, at)


async def _reminders(estate: Estate, at: datetime) -> int:
    settings = get_settings()
    policy = ReminderPolicy(
        settings.reminder_days_before_due, settings.reminder_days_after_due, settings.reminder_hour
    )
    # The estate's own reminder days, when its admins set them (`services.plans.dunning`).
    return await send_reminders(estate, at, await dunning.policy(policy))


async def _recurring(estate: Estate, at: datetime) -> int:
    return await run_due(at)


async def _expire(estate: Estate, at: datetime) -> int:
    expiry = timedelta(minutes=get_settings().payment_expiry_minutes)
    return await provider_payments.expire_stale(expiry, at)


async def _expire_card_setups(estate: Estate, at: datetime) -> int:
    return await card_setups.expire_setups(estate, at, get_settings().encryption_key)


async def _watch_bitcoin(estate: Estate, at: datetime) -> int:
    return await watching.scan(estate, at, get_settings().encryption_key)


async def _streaks(estate: Estate, at: datetime) -> int:
    return await streaks.evaluate(estate, at)


async def _purge(estate: Estate, at: datetime) -> int:
    settings = get_settings()
    history = timedelta(days=settings.job_history_retention_days)
    return (
        await purge_webhook_events(timedelta(days=settings.webhook_event_retention_days), at)
        + await purge_read(timedelta(days=settings.notification_retention_days), at)
        + await JobRun.filter(slot__lt=at - history, status="DONE").delete()
    )


async def _auto_payout(estate: Estate, at: datetime) -> int:
    return await request_auto_payout(estate, at)


async def _bill_runs(estate: Estate, at: datetime) -> int:
    return await bill_runs.run_due(estate, at)


async def _late_fees(estate: Estate, at: datetime) -> int:
    return await late_fees.apply_late_fees(estate, at)


async def _autopay(estate: Estate, at: datetime) -> int:
    """Wallet charges in the estate's scope; card charges after, each provider call
    outside any scope."""
    async with tenant_scope(estate.slug):
        tried = await autopay.collect_due(estate, at)
    return tried + await card_autopay.collect(estate, at, get_settings().encryption_key)


async def check_payouts(slug: str, slot: str) -> int:
    """Send approved payouts whose job was lost, and verify those stuck in PROCESSING;
    the provider calls come after the slot's run is recorded, outside its scope."""
    settings = get_settings()
    stuck_after = timedelta(minutes=settings.payout_stuck_minutes)
    due: list[uuid.UUID] = []

    async def collect(estate: Estate, at: datetime) -> int:
        due.extend(await payouts.due_for_check(at, stuck_after))
        return len(due)

    await run_for_estate("check_payouts", slug, slot, collect)
    if not due:
        return 0
    estate = await Estate.get(slug=slug)
    now = datetime.fromisoformat(slot).astimezone(UTC)
    timing = payouts.Timing(stuck_after)
    return await payouts.check_all(estate, due, settings.encryption_key, now, timing)


async def auto_payouts(slug: str, slot: str) -> int:
    return await run_for_estate("auto_payouts", slug, slot, _auto_payout)


async def mark_overdue_bills(slug: str, slot: str) -> int:
    return await run_for_estate("mark_overdue_bills", slug, slot, _overdue)


async def send_bill_reminders(slug: str, slot: str) -> int:
    return await run_for_estate("send_bill_reminders", slug, slot, _reminders)


async def process_recurring_payments(slug: str, slot: str) -> int:
    return await run_for_estate("process_recurring_payments", slug, slot, _recurring)


async def expire_stale_payments(slug: str, slot: str) -> int:
    return await run_for_estate("expire_stale_payments", slug, slot, _expire)


async def expire_card_setups(slug: str, slot: str) -> int:
    return await run_for_estate(
        "expire_card_setups", slug, slot, _expire_card_setups, in_scope=False
    )


async def watch_bitcoin_payments(slug: str, slot: str) -> int:
    return await run_for_estate(
        "watch_bitcoin_payments", slug, slot, _watch_bitcoin, in_scope=False
    )


async def evaluate_reward_streaks(slug: str, slot: str) -> int:
    return await run_for_estate("evaluate_reward_streaks", slug, slot, _streaks)


async def run_bill_runs(slug: str, slot: str) -> int:
    return await run_for_estate("run_bill_runs", slug, slot, _bill_runs)


async def apply_late_fees(slug: str, slot: str) -> int:
    return await run_for_estate("apply_late_fees", slug, slot, _late_fees)


async def collect_autopay(slug: str, slot: str) -> int:
    return await run_for_estate("collect_autopay", slug, slot, _autopay, in_scope=False)


async def purge_old_records(slug: str, slot: str) -> int:
    return await run_for_estate("purge_old_records", slug, slot, _purge)


async def prune_schedule(slot: str) -> int:
    """Old claims go; the chain's recent links stay (each job fires far more often).
    Sessions and reset tokens a day past their expiry go too: by the real clock, which
    their tokens expire by, not the slot's (a scheduler may run on a test's clock)."""
    at = datetime.fromisoformat(slot)
    cutoff = at - timedelta(days=get_settings().job_history_retention_days)
    ended = await purge_ended(datetime.now(UTC) - timedelta(days=1))
    return ended + await ScheduleClaim.filter(slot__lt=cutoff, sent_at__isnull=False).delete()
