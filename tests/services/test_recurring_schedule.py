"""Run dates of recurring payments: anchor days across month ends and leap years."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.recurring.schedule import (
    FREQUENCIES,
    add_months,
    following,
    local_today,
    occurrence,
    on_or_after,
    retry_delay,
)

starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2150, 12, 31))
frequencies = st.sampled_from(FREQUENCIES)


def dates_of(start: date, frequency: str, count: int) -> list[date]:
    return [occurrence(start, frequency, n) for n in range(count)]


def test_monthly_from_the_31st_keeps_its_anchor() -> None:
    assert dates_of(date(2025, 1, 31), "MONTHLY", 6) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
        date(2025, 6, 30),
    ]
    assert dates_of(date(2024, 1, 31), "MONTHLY", 3)[1] == date(2024, 2, 29)  # leap year


def test_monthly_from_the_30th_and_29th() -> None:
    assert dates_of(date(2023, 1, 30), "MONTHLY", 3) == [
        date(2023, 1, 30),
        date(2023, 2, 28),
        date(2023, 3, 30),
    ]
    assert dates_of(date(2024, 1, 29), "MONTHLY", 3)[1] == date(2024, 2, 29)
    assert dates_of(date(2023, 1, 29), "MONTHLY", 3)[1] == date(2023, 2, 28)


def test_quarterly_and_yearly_keep_their_anchor() -> None:
    assert dates_of(date(2023, 11, 30), "QUARTERLY", 4) == [
        date(2023, 11, 30),
        date(2024, 2, 29),
        date(2024, 5, 30),
        date(2024, 8, 30),
    ]
    assert dates_of(date(2024, 2, 29), "YEARLY", 6) == [
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
        date(2027, 2, 28),
        date(2028, 2, 29),
        date(2029, 2, 28),
    ]
    # 2100 is not a leap year; 2000 was.
    assert occurrence(date(2096, 2, 29), "YEARLY", 4) == date(2100, 2, 28)
    assert occurrence(date(1996, 2, 29), "YEARLY", 4) == date(2000, 2, 29)


def test_daily_and_weekly_cross_month_and_year_ends() -> None:
    assert dates_of(date(2024, 2, 28), "DAILY", 3) == [
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2024, 3, 1),
    ]
    assert dates_of(date(2024, 12, 25), "WEEKLY", 2) == [date(2024, 12, 25), date(2025, 1, 1)]


def test_following_and_on_or_after() -> None:
    start = date(2025, 1, 31)
    assert following(start, "MONTHLY", date(2025, 1, 31)) == date(2025, 2, 28)
    assert following(start, "MONTHLY", date(2025, 2, 28)) == date(2025, 3, 31)
    assert on_or_after(start, "MONTHLY", date(2025, 3, 1)) == date(2025, 3, 31)
    assert on_or_after(start, "MONTHLY", date(2025, 3, 31)) == date(2025, 3, 31)
    assert on_or_after(start, "MONTHLY", date(2024, 6, 1)) == start  # before the start
    assert following(date(2024, 2, 29), "YEARLY", date(2025, 2, 28)) == date(2026, 2, 28)
    assert on_or_after(date(2025, 1, 1), "WEEKLY", date(2025, 1, 9)) == date(2025, 1, 15)


def test_retry_delays_double_from_an_hour_up_to_a_day() -> None:
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [timedelta(hours=h) for h in (1, 2, 4, 8)]
    assert retry_delay(6) == timedelta(hours=24) == retry_delay(1000)
    with pytest.raises(ValueError):
        retry_delay(0)


def test_local_today_is_the_estates_date() -> None:
    late_utc = datetime(2025, 1, 31, 23, 30, tzinfo=UTC)
    assert local_today("Africa/Lagos", late_utc) == date(2025, 2, 1)  # UTC+1
    assert local_today("America/New_York", late_utc) == date(2025, 1, 31)
    assert local_today("Pacific/Kiritimati", datetime(2025, 1, 31, 10, tzinfo=UTC)) == date(
        2025, 2, 1
    )


@given(starts, st.integers(-3000, 3000))
def test_add_months_lands_in_the_right_month_on_the_anchor_or_month_end(
    start: date, months: int
) -> None:
    try:
        moved = add_months(start, months)
    except ValueError:  # outside the calendar's years
        return
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day == min(start.day, calendar.monthrange(moved.year, moved.month)[1])


@given(starts, frequencies, st.integers(0, 400))
def test_occurrences_increase_with_the_right_gaps(start: date, frequency: str, n: int) -> None:
    this, following_one = occurrence(start, frequency, n), occurrence(start, frequency, n + 1)
    gap = (following_one - this).days
    expected = {
        "DAILY": range(1, 2),
        "WEEKLY": range(7, 8),
        "MONTHLY": range(28, 32),
        "QUARTERLY": range(89, 93),
        "YEARLY": range(365, 367),
    }[frequency]
    assert gap in expected
    # Never drifts: always the anchor day, or the month's last day when it is shorter.
    if frequency in ("MONTHLY", "QUARTERLY", "YEARLY"):
        last = calendar.monthrange(this.year, this.month)[1]
        assert this.day == min(start.day, last)


@given(starts, frequencies, st.integers(-400, 4000))
def test_on_or_after_is_the_first_occurrence_not_before_the_day(
    start: date, frequency: str, offset: int
) -> None:
    day = start + timedelta(days=offset)
    found = on_or_after(start, frequency, day)
    assert found >= day and found >= start
    # It is an occurrence, and the one before it (if any) is before the day.
    n = next(i for i in range(5000) if occurrence(start, frequency, i) >= found)
    assert occurrence(start, frequency, n) == found
    if n > 0:
        assert occurrence(start, frequency, n - 1) < day
    assert following(start, frequency, found) > found
    assert following(start, frequency, found) == occurrence(start, frequency, n + 1)
