"""When a recurring payment runs: pure date arithmetic, no database.

A plan's run dates are counted from its start date, never from the previous run, so a
plan keeps its anchor day: monthly from 31 Jan runs 28 Feb (29 in a leap year), 31 Mar,
30 Apr, 31 May ...; yearly from 29 Feb runs 28 Feb in common years and 29 Feb again in
leap years. The dates are calendar dates in the estate's time zone.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY")
_DAYS = {"DAILY": 1, "WEEKLY": 7}
_MONTHS = {"MONTHLY": 1, "QUARTERLY": 3, "YEARLY": 12}
# Retries of a failed run wait 1, 2, 4 ... hours, never more than a day.
FIRST_RETRY = timedelta(hours=1)
LONGEST_RETRY = timedelta(hours=24)


def add_months(start: date, months: int) -> date:
    """`start` moved by `months` calendar months, on its day of the month or, where the
    month is shorter, on that month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def occurrence(start: date, frequency: str, n: int) -> date:
    """The plan's run date number `n` (0 is the start date)."""
    if n < 0:
        raise ValueError("occurrences are counted from 0")
    if frequency in _DAYS:
        return start + timedelta(days=_DAYS[frequency] * n)
    return add_months(start, _MONTHS[frequency] * n)


def _index_on_or_after(start: date, frequency: str, day: date) -> int:
    """The smallest n whose occurrence is on or after `day`."""
    if day <= start:
        return 0
    if frequency in _DAYS:
        step = _DAYS[frequency]
        return -(-(day - start).days // step)  # ceiling division
    step = _MONTHS[frequency]
    months = (day.year - start.year) * 12 + day.month - start.month
    # Occurrence n falls in month start + n*step: the one in or just before day's month
    # is n = months // step; if it is still before `day`, the next one is after it.
    n = months // step
    return n if occurrence(start, frequency, n) >= day else n + 1


def on_or_after(start: date, frequency: str, day: date) -> date:
    """The plan's first run date on or after `day` (the start date if `day` is earlier)."""
    return occurrence(start, frequency, _index_on_or_after(start, frequency, day))


def following(start: date, frequency: str, day: date) -> date:
    """The plan's first run date strictly after `day`: the period after a paid one."""
    return on_or_after(start, frequency, day + timedelta(days=1))


def retry_delay(failures: int) -> timedelta:
    """How long to wait after the `failures`-th consecutive failure: 1, 2, 4 ... hours,
    capped at a day."""
    if failures < 1:
        raise ValueError("a retry follows at least one failure")
    return min(FIRST_RETRY * 2 ** min(failures - 1, 16), LONGEST_RETRY)


def local_today(timezone: str, now: datetime) -> date:
    """The estate's calendar date at the instant `now`."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)  # our clocks are UTC; never guess local time
    return now.astimezone(ZoneInfo(timezone)).date()
