"""A plan's periods and how a period's price is shared by day: pure arithmetic.

Periods are calendar months, quarters (from January, April, July, October) or years,
named by their first day. A period's bills go out on the plan's billing day of its first
month, or that month's last day when it is shorter (day 31 bills on 28/29 February).

Proration shares a period's price by day, in exact integers: the k-th day of an N-day
period is worth round(price * k / N) - round(price * (k - 1) / N) (half to even), so the
shares of any split of the period add up to the whole price, to the minor unit.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from services.bills.invoices import half_even
from services.recurring.schedule import add_months

MONTHS = {"MONTHLY": 1, "QUARTERLY": 3, "YEARLY": 12}


def period_of(interval: str, day: date) -> date:
    """The first day of the period holding `day`."""
    step = MONTHS[interval]
    return date(day.year, (day.month - 1) // step * step + 1, 1)


def next_period(interval: str, start: date) -> date:
    return add_months(start, MONTHS[interval])


def previous_period(interval: str, start: date) -> date:
    return add_months(start, -MONTHS[interval])


def period_end(interval: str, start: date) -> date:
    return next_period(interval, start) - timedelta(days=1)


def period_days(interval: str, start: date) -> int:
    return (next_period(interval, start) - start).days


def run_date(start: date, billing_day: int) -> date:
    """When the period's bills go out."""
    last = calendar.monthrange(start.year, start.month)[1]
    return start.replace(day=min(billing_day, last))


def label(interval: str, start: date) -> str:
    """How a bill names its period: 2031-03, 2031-Q2, 2031."""
    if interval == "MONTHLY":
        return f"{start:%Y-%m}"
    if interval == "QUARTERLY":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def share(price: int, total_days: int, first_day: int, days: int) -> int:
    """The price of `days` days from day index `first_day` (0-based) of a period of
    `total_days`, so that consecutive shares add up exactly."""
    end = first_day + days
    return half_even(price * end, total_days) - half_even(price * first_day, total_days)


@dataclass(frozen=True)
class Stay:
    """Someone in the unit from `starts` to `ends` (inclusive; None: still there)."""

    resident_id: str
    starts: date
    ends: date | None


@dataclass(frozen=True)
class Segment:
    """A run of consecutive days with one payer (None: nobody, the unit is vacant)."""

    resident_id: str | None
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def segments(cover_first: date, cover_last: date, stays: list[Stay]) -> list[Segment]:
    """Who pays each day from `cover_first` to `cover_last`: the primary resident, the
    one who has lived there longest among those present that day (stays are given
    earliest first); days with nobody are vacant."""
    found: list[Segment] = []
    day = cover_first
    while day <= cover_last:
        payer = next(
            (s for s in stays if s.starts <= day and (s.ends is None or day <= s.ends)), None
        )
        # The payer's run lasts until they leave or someone who came earlier returns;
        # days are few (at most a year), so walking day by day stays cheap and plain.
        last = day
        while last < cover_last:
            following = last + timedelta(days=1)
            later = next(
                (
                    s
                    for s in stays
                    if s.starts <= following and (s.ends is None or following <= s.ends)
                ),
                None,
            )
            if later != payer:
                break
            last = following
        found.append(Segment(payer.resident_id if payer else None, day, last))
        day = last + timedelta(days=1)
    return found
