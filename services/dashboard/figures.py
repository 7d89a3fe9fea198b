"""The dashboard's figures for one estate and period, in a few aggregate queries.

Definitions (all amounts in the estate's currency, integer minor units):

- Window: the current period in the estate's local time (`Estate.timezone`), half open
  [start, end): DAY is today from local midnight, WEEK the ISO week from Monday 00:00,
  MONTH from the 1st, YEAR from 1 January. The whole period, future part included.
- collected: what residents paid towards bills in the window, net of refunds, from the
  ledger: the sum of postings on the estate revenue and platform-fee accounts that belong
  to BILL_PAYMENT, REFUND and REFUND_REVERSAL entries posted in the window. Gross of the
  platform fee (the estate wallet receives collected minus fees); a refund counts when it
  is made, so a window holding only refunds is negative. A bill payment the bill could
  not take (it went to the payer's wallet instead) is not collected.
- outstanding: balance due now of every open bill (pending acknowledgement, acknowledged,
  disputed, partially paid, overdue), as in `billsSummary`.
- overdue: balance due now of bills with status OVERDUE, or open and not disputed with a
  due date before today in local time (what `isOverdue` shows), as in `billsSummary`.
- collection_rate: collected / (collected + outstanding), collected taken as 0 when
  negative; 0.0 when both are 0 (nothing came in, nothing is owed).
- bills_by_status: how many bills the estate has in each status now (all seven, zeros
  included), not limited to the window.
- paid_out: what payouts took to the estate's bank accounts in the window, net of
  reversals: the postings on the payouts-in-transit account (fees excluded).
- revenue_series: collected per bucket; the buckets partition the window, so they add up
  to collected. DAY: one per local hour (24; 23 or 25 on a daylight-saving change day),
  WEEK: 7 local days, MONTH: each local day, YEAR: 12 local months. Each bucket starts at
  a local time, carried with its UTC offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from tortoise.expressions import Q
from tortoise.functions import Count, Sum

from services.bills.lifecycle import OPEN
from services.bills.models import Bill
from services.ledger.journal import ESTATE_REVENUE, PAYOUTS_IN_TRANSIT, PLATFORM_FEES
from services.ledger.models import Account, Posting
from tenants.models import Estate

Period = Literal["DAY", "WEEK", "MONTH", "YEAR"]
PERIODS: tuple[Period, ...] = get_args(Period)
BILL_STATUSES = (
    "PENDING_ACKNOWLEDGMENT",
    "ACKNOWLEDGED",
    "DISPUTED",
    "PARTIALLY_PAID",
    "PAID",
    "OVERDUE",
    "CANCELLED",
)
# Entries that move bill money into or back out of the estate (payouts and adjustments
# touch the same accounts but are not collections).
COLLECTION_KINDS = ("BILL_PAYMENT", "REFUND", "REFUND_REVERSAL")
COLLECTION_ACCOUNTS = (ESTATE_REVENUE, PLATFORM_FEES)


@dataclass(frozen=True, slots=True)
class RevenueBucket:
    start: datetime  # local time, aware
    amount: int


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    period: Period
    currency: str
    window_start: datetime  # local time, aware
    window_end: datetime
    collected: int
    outstanding: int
    overdue: int
    collection_rate: float
    bills_by_status: dict[str, int]  # every status, in BILL_STATUSES order
    revenue_series: list[RevenueBucket]
    paid_out: int = 0


@dataclass(frozen=True, slots=True)
class Window:
    today: date  # local
    starts: list[datetime]  # bucket starts, local and aware; the first starts the window
    end: datetime


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    # Normalised through UTC so a midnight skipped by daylight saving lands on a real time.
    return datetime.combine(day, time(), zone).astimezone(UTC).astimezone(zone)


def _month_start(year: int, month: int) -> date:
    return date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def window(period: Period, zone: ZoneInfo, now: datetime) -> Window:
    """The period containing `now` in `zone`, cut into its buckets."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}")
    today = now.astimezone(zone).date()
    if period == "DAY":
        start = _midnight(today, zone)
        end = _midnight(today + timedelta(days=1), zone)
        # Hours counted in UTC (subtracting two times of one zone gives wall-clock
        # hours): a daylight-saving day has 23 or 25 of them.
        utc_start = start.astimezone(UTC)
        hours = int((end.astimezone(UTC) - utc_start).total_seconds() // 3600)
        starts = [(utc_start + timedelta(hours=h)).astimezone(zone) for h in range(hours)]
        return Window(today, starts, end)
    if period == "WEEK":
        monday = today - timedelta(days=today.weekday())
        days = [monday + timedelta(days=d) for d in range(8)]
    elif period == "MONTH":
        first = today.replace(day=1)
        following = _month_start(first.year, first.month + 1)
        days = [first + timedelta(days=d) for d in range((following - first).days + 1)]
    else:
        days = [_month_start(today.year, m) for m in range(1, 14)]
    bounds = [_midnight(d, zone) for d in days]
    return Window(today, bounds[:-1], bounds[-1])


def _utc(moment: datetime) -> datetime:
    # Always UTC in queries: SQLite compares the stored ISO text, which is UTC.
    return moment.astimezone(UTC)


async def _revenue(currency: str, win: Window) -> list[int]:
    """Collected per bucket: one aggregate over the window's postings."""
    accounts = await Account.filter(code__in=COLLECTION_ACCOUNTS, currency=currency).values_list(
        "id", flat=True
    )
    if not accounts:
        return [0] * len(win.starts)
    bounds = [*win.starts, win.end]
    sums = {
        f"b{i}": Sum(
            "amount",
            _filter=Q(created_at__gte=_utc(bounds[i]), created_at__lt=_utc(bounds[i + 1])),
        )
        for i in range(len(win.starts))
    }
    # Grouped by account (two rows at most): without an explicit GROUP BY, Tortoise
    # groups a joined aggregate by every column of the postings.
    rows: list[dict[str, Any]] = (
        await Posting.filter(
            account_id__in=list(accounts),
            entry__kind__in=COLLECTION_KINDS,
            created_at__gte=_utc(bounds[0]),
            created_at__lt=_utc(bounds[-1]),
        )
        .annotate(**sums)
        .group_by("account_id")
        .values("account_id", *sums)
    )
    return [sum(int(row[name] or 0) for row in rows) for name in sums]


async def _bills(currency: str, today: date) -> tuple[dict[str, int], int, int]:
    """Counts by status, outstanding and overdue: one aggregate grouped by status.
    Every bill is counted; only bills in the estate's currency are summed."""
    mine = Q(currency=currency)
    late = mine & (Q(status="OVERDUE") | Q(status__in=OPEN - {"DISPUTED"}, due_date__lt=today))
    rows = (
        await Bill.all()
        .annotate(
            n=Count("id"),
            amount=Sum("amount", _filter=mine),
            paid=Sum("amount_paid", _filter=mine),
            late_amount=Sum("amount", _filter=late),
            late_paid=Sum("amount_paid", _filter=late),
        )
        .group_by("status")
        .values("status", "n", "amount", "paid", "late_amount", "late_paid")
    )
    counts = dict.fromkeys(BILL_STATUSES, 0)
    outstanding = overdue = 0
    for row in rows:
        counts[row["status"]] = int(row["n"])
        if row["status"] in OPEN:
            outstanding += int(row["amount"] or 0) - int(row["paid"] or 0)
            overdue += int(row["late_amount"] or 0) - int(row["late_paid"] or 0)
    return counts, outstanding, overdue


async def _paid_out(currency: str, win: Window) -> int:
    rows: list[Any] = await Posting.filter(
        account__code=PAYOUTS_IN_TRANSIT,
        account__currency=currency,
        created_at__gte=_utc(win.starts[0]),
        created_at__lt=_utc(win.end),
    ).values_list("amount", flat=True)
    return sum(int(amount) for amount in rows)


def collection_rate(collected: int, outstanding: int) -> float:
    came_in = max(collected, 0)
    owed = came_in + outstanding
    return came_in / owed if owed else 0.0


async def figures(estate: Estate, period: Period, now: datetime) -> DashboardFigures:
    """The dashboard for `period` as of `now`. Call inside the estate's tenant scope."""
    win = window(period, ZoneInfo(estate.timezone), now)
    series = await _revenue(estate.currency, win)
    counts, outstanding, overdue = await _bills(estate.currency, win.today)
    collected = sum(series)
    return DashboardFigures(
        period=period,
        currency=estate.currency,
        window_start=win.starts[0],
        window_end=win.end,
        collected=collected,
        outstanding=outstanding,
        overdue=overdue,
        collection_rate=collection_rate(collected, outstanding),
        bills_by_status=counts,
        revenue_series=[RevenueBucket(s, a) for s, a in zip(win.starts, series, strict=True)],
        paid_out=await _paid_out(estate.currency, win),
    )
