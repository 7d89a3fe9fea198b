"""Running the recurring payments that are due, in the current estate.

The job calls `run_due(now)` inside the estate's scope (one transaction). A plan is due
when it is ACTIVE, its `next_run_date` (in the estate's time zone) has come, and no retry
is waiting for later. Each due period is one run, in its own savepoint, all or nothing:

- with a bill type, it pays the resident's open ACKNOWLEDGED / PARTIALLY_PAID / OVERDUE
  bills of that type, oldest due first, up to the plan's amount, through the wallet
  payment service (no PIN: the resident authorised the plan with it). No such bill is a
  run with nothing to pay: the period passes without a payment and without a notice.
- without one, it moves the fixed amount from the wallet to the estate's revenue (minus
  the platform fee, as for any payment to the estate) in one ledger entry.

Idempotent per period: payments and entries carry keys made of (plan id, period date),
the plan row is locked while its period runs, and each attempt claims a unique
(plan, period, attempt) row before money moves, so running twice, or two runners at
once, pays a period once. A success resets the failure count and moves to the next
period (a plan behind by several periods catches up, one run each). A refusal (too
little money, frozen wallet) is counted; the same period is retried after 1, 2, 4 ...
hours, and after `max_failures` consecutive failures the plan is PAUSED. The resident is
told of each payment, failure and automatic pause. Anything unexpected propagates, so
the scope rolls back and the job's retry runs the whole again (which the keys make safe).

Lock order, so a run never deadlocks with payments made meanwhile: plans, then the bills
the runs may pay, then every ledger account they touch in id order (the ledger's own
order) - before any money moves. Payments lock a bill, then accounts in id order.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery

from services.access import Viewer
from services.audit.log import record
from services.bills.lifecycle import PAYABLE
from services.bills.models import Bill
from services.errors import DomainError
from services.ledger.journal import (
    ESTATE_REVENUE,
    PLATFORM_FEES,
    Line,
    post_entry,
    system_account,
)
from services.ledger.models import Account
from services.money import Money, shortfall, to_major
from services.notifications.inbox import notify
from services.payments.fees import platform_fee
from services.payments.wallet_payments import pay_bill_from_wallet_authorised
from services.recurring import schedule
from services.recurring.models import RecurringPayment, RecurringRun
from services.residents.models import Resident
from services.wallets.models import Wallet
from services.wallets.wallets import ensure_can_debit, wallet_of
from tenants.models import Estate
from tenants.scope import current_scope, tenant_scope

log = logging.getLogger(__name__)
# Bounds on one call, which is one transaction holding the estate's revenue account: a
# plan far behind (daily, after the job was down) catches up this many periods, and this
# many plans run; the next call carries on with the rest.
MAX_PERIODS_PER_CALL = 31
MAX_PLANS_PER_CALL = 200
PROCESSED_KIND = "RECURRING_PAYMENT_PROCESSED"
FAILED_KIND = "RECURRING_PAYMENT_FAILED"
PAUSED_KIND = "RECURRING_PAYMENT_PAUSED"
BillsByOwner = dict[tuple[str, str], list[uuid.UUID]]


def period_key(plan: RecurringPayment, period: date) -> str:
    """The idempotency key of a plan's period: the same period never pays twice."""
    return f"recurring:{plan.id}:{period.isoformat()}"


def is_due(plan: RecurringPayment, today: date, now: datetime) -> bool:
    return (
        plan.status == "ACTIVE"
        and plan.next_run_date <= today
        and (plan.next_attempt_at is None or plan.next_attempt_at <= now)
    )


async def run_due(now: datetime) -> int:
    """Run every due period of every due plan of the current estate (up to the bounds
    above); returns how many runs were made (paid, nothing to pay, or failed). Calling it
    again in a new scope while it returns more than 0 drains a large backlog: each run
    either moves its plan on or schedules its retry for later, so that loop ends."""
    slug = current_scope().slug
    estate = await Estate.get(slug=slug)
    today = schedule.local_today(estate.timezone, now)
    plans = list(
        await RecurringPayment.filter(status="ACTIVE", next_run_date__lte=today)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        # Deactivation pauses a resident's plans; plans of residents deactivated before
        # it did are skipped here (a subquery, so no resident row is locked).
        .filter(resident_id__in=Subquery(Resident.filter(active=True).values("id")))
        .order_by("id")
        .limit(MAX_PLANS_PER_CALL)
        .select_for_update()
    )
    if not plans:
        return 0
    bills = await _lock_bills(plans, estate.currency)
    await _lock_accounts(plans, estate)
    residents = {str(r.id): r for r in await Resident.filter(id__in={p.resident_id for p in plans})}
    made = 0
    for plan in plans:
        owner = residents[str(plan.resident_id)]
        for _ in range(MAX_PERIODS_PER_CALL):
            if not is_due(plan, today, now):
                break
            outcome = await _run_period(plan, estate, owner, bills, now)
            if outcome == "SETTLED_ELSEWHERE":
                continue
            made += 1
            if outcome == "FAILED":
                break
    return made


async def _lock_bills(plans: list[RecurringPayment], currency: str) -> BillsByOwner:
    """Lock the bills the plans may pay; only these are paid in this call (a bill that
    becomes payable meanwhile waits for the next call, rather than being locked after
    the accounts)."""
    typed = [p for p in plans if p.bill_type]
    found: BillsByOwner = defaultdict(list)
    if not typed:
        return found
    rows = (
        await Bill.filter(
            resident_id__in={p.resident_id for p in typed},
            type__in={p.bill_type for p in typed},
            status__in=PAYABLE,
            currency=currency,
        )
        .order_by("id")
        .select_for_update()
    )
    for bill in rows:
        found[(str(bill.resident_id), bill.type)].append(bill.id)
    return found


async def _lock_accounts(plans: list[RecurringPayment], estate: Estate) -> None:
    wallets = Wallet.filter(
        resident_id__in={p.resident_id for p in plans}, currency=estate.currency
    )
    ids = [uuid.UUID(str(i)) for i in await wallets.values_list("account_id", flat=True)]
    ids.append((await system_account(ESTATE_REVENUE, estate.currency)).id)
    if estate.platform_fee_bps or estate.platform_fee_fixed:
        ids.append((await system_account(PLATFORM_FEES, estate.currency)).id)
    await Account.filter(id__in=ids).order_by("id").select_for_update()


async def _run_period(
    plan: RecurringPayment, estate: Estate, owner: Resident, bills: BillsByOwner, now: datetime
) -> str:
    """One run of the plan's pending period: SUCCEEDED, FAILED, or SETTLED_ELSEWHERE
    when the period turns out to be settled already (no run made)."""
    period = plan.next_run_date
    attempt = await RecurringRun.filter(plan_id=plan.id, period_date=period).count() + 1
    try:
        # A savepoint scope: a refusal undoes this run's writes and drops its announcements.
        async with tenant_scope(estate.slug):
            # The claim: a second settlement of this period stops here, before any money.
            run = await RecurringRun.create(
                plan=plan,
                period_date=period,
                attempt=attempt,
                status="PAID",
                currency=plan.currency,
                settled_key=period_key(plan, period),
            )
            if plan.bill_type:
                paid = await _pay_bills(plan, period, estate, owner, bills, now)
            else:
                paid = await _pay_estate(plan, period, estate, owner)
            run.status, run.amount = ("PAID" if paid else "NOTHING_DUE"), paid
            await run.save(update_fields=["status", "amount"])
            plan.next_run_date = schedule.following(plan.start_date, plan.frequency, period)
            plan.failure_count, plan.next_attempt_at, plan.last_run_at = 0, None, now
            plan.last_failure_code = plan.last_failure = None
            await plan.save()
            if paid:
                await record(
                    None,
                    "recurringPaymentRun",
                    "RecurringPayment",
                    plan.id,
                    after={"period": period.isoformat(), "amount": paid, "attempt": attempt},
                )
                await notify(
                    [owner.user_id],
                    PROCESSED_KIND,
                    f"Recurring payment {plan.title!r}: {_money(paid, plan.currency)} paid",
                    f"For {period.isoformat()}; next run {plan.next_run_date.isoformat()}.",
                )
    except IntegrityError:
        # Only a lost update of the plan (its period settled, its date not moved) gets
        # here, as the plan row is locked while a period runs: trust the settlement.
        log.warning("recurring payment %s: period %s was settled already", plan.id, period)
        plan.next_run_date = schedule.following(plan.start_date, plan.frequency, period)
        plan.failure_count, plan.next_attempt_at = 0, None
        await plan.save()
        return "SETTLED_ELSEWHERE"
    except DomainError as refusal:
        await _record_failure(plan, period, attempt, refusal, estate, owner, now)
        return "FAILED"
    return "SUCCEEDED"


async def _pay_bills(
    plan: RecurringPayment,
    period: date,
    estate: Estate,
    owner: Resident,
    bills: BillsByOwner,
    now: datetime,
) -> int:
    locked = bills.get((str(plan.resident_id), plan.bill_type or ""), [])
    if not locked:
        return 0
    remaining, parts = plan.amount, []
    for bill in await Bill.filter(id__in=locked, status__in=PAYABLE).order_by(
        "due_date", "created_at", "id"
    ):
        part = min(remaining, bill.balance_due)
        if part > 0:
            parts.append((bill, part))
            remaining -= part
        if remaining == 0:
            break
    if not parts:
        return 0
    wallet = await wallet_of(owner.id, plan.currency)
    ensure_can_debit(wallet)
    _ensure_funds(wallet, plan.amount - remaining)
    viewer = Viewer(owner.user_id, is_admin=False, resident_id=owner.id)
    for bill, part in parts:
        await pay_bill_from_wallet_authorised(
            viewer,
            estate,
            str(bill.id),
            Money(part, plan.currency),
            f"{period_key(plan, period)}:{bill.id}",
            now,
            authorisation=f"recurringPayment:{plan.id}",
        )
    return plan.amount - remaining


async def _pay_estate(plan: RecurringPayment, period: date, estate: Estate, owner: Resident) -> int:
    wallet = await wallet_of(owner.id, plan.currency)
    ensure_can_debit(wallet)
    _ensure_funds(wallet, plan.amount)
    fee = platform_fee(estate, plan.amount)
    lines = [Line(wallet.account, -plan.amount)]
    if plan.amount > fee:
        revenue = await system_account(ESTATE_REVENUE, plan.currency)
        lines.append(Line(revenue, plan.amount - fee))
    if fee:
        lines.append(Line(await system_account(PLATFORM_FEES, plan.currency), fee))
    # TRANSFER_OUT: the resident's history shows money leaving for the estate, no bill.
    await post_entry(
        period_key(plan, period),
        "TRANSFER_OUT",
        lines,
        description=f"Recurring payment: {plan.title}",
        reference=str(plan.id),
    )
    return plan.amount


def _ensure_funds(wallet: Wallet, needed: int) -> None:
    """Refuse the whole run up front, with both figures (the ledger guards it anyway)."""
    if wallet.account.available < needed:
        raise shortfall(wallet.account.available, needed, wallet.currency)


async def _record_failure(
    plan: RecurringPayment,
    period: date,
    attempt: int,
    refusal: DomainError,
    estate: Estate,
    owner: Resident,
    now: datetime,
) -> None:
    await RecurringRun.create(
        plan=plan,
        period_date=period,
        attempt=attempt,
        status="FAILED",
        currency=plan.currency,
        failure_code=refusal.code,
        failure_message=refusal.message[:500],
    )
    plan.failure_count += 1
    plan.last_failure_code, plan.last_failure = refusal.code, refusal.message[:500]
    title = f"Recurring payment {plan.title!r}"
    if plan.failure_count >= plan.max_failures:
        before_status = plan.status
        plan.status, plan.next_attempt_at = "PAUSED", None
        await plan.save()
        await record(
            None,
            "autoPauseRecurringPayment",
            "RecurringPayment",
            plan.id,
            before={"status": before_status},
            after={"status": "PAUSED", "failures": plan.failure_count, "code": refusal.code},
        )
        await notify(
            [owner.user_id],
            PAUSED_KIND,
            f"{title} paused",
            f"It failed {plan.failure_count} times in a row ({refusal.message}). "
            "Resume it once the wallet can pay.",
        )
        return
    plan.next_attempt_at = now + schedule.retry_delay(plan.failure_count)
    await plan.save()
    retry = plan.next_attempt_at.astimezone(ZoneInfo(estate.timezone))
    await notify(
        [owner.user_id],
        FAILED_KIND,
        f"{title} failed",
        f"{refusal.message}. We will try again at {retry:%Y-%m-%d %H:%M} ({estate.timezone}).",
    )
    log.info("recurring payment %s failed for %s: %s", plan.id, period, refusal.code)


def _money(minor: int, currency: str) -> str:
    return f"{to_major(minor, currency)} {currency}"
