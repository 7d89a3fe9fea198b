"""Periods, billing dates and shares by day: pure arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from services.plans import periods
from services.plans.periods import Stay, segments, share


@pytest.mark.parametrize(
    ("interval", "day", "start", "end"),
    [
        ("MONTHLY", "2032-02-17", "2032-02-01", "2032-02-29"),
        ("QUARTERLY", "2031-05-31", "2031-04-01", "2031-06-30"),
        ("QUARTERLY", "2031-12-01", "2031-10-01", "2031-12-31"),
        ("YEARLY", "2031-07-04", "2031-01-01", "2031-12-31"),
    ],
)
def test_a_day_lies_in_one_calendar_period(interval: str, day: str, start: str, end: str) -> None:
    first = periods.period_of(interval, date.fromisoformat(day))
    assert first == date.fromisoformat(start)
    assert periods.period_end(interval, first) == date.fromisoformat(end)


@pytest.mark.parametrize(
    ("start", "day", "runs_on"),
    [
        ("2031-02-01", 31, "2031-02-28"),
        ("2032-02-01", 31, "2032-02-29"),
        ("2031-04-01", 31, "2031-04-30"),
        ("2031-01-01", 31, "2031-01-31"),
        ("2031-02-01", 1, "2031-02-01"),
    ],
)
def test_a_billing_day_past_the_months_end_lands_on_its_last_day(
    start: str, day: int, runs_on: str
) -> None:
    assert periods.run_date(date.fromisoformat(start), day) == date.fromisoformat(runs_on)


def test_shares_of_any_split_add_up_to_the_price_exactly() -> None:
    for price in (10_000, 9_999, 1, 12_345_67):
        for total in (28, 29, 30, 31, 91, 92, 365, 366):
            for cut in range(total + 1):
                assert share(price, total, 0, cut) + share(price, total, cut, total - cut) == price
    assert share(10_000, 31, 0, 10) == 3226  # 3225.806... rounded
    assert share(10_000, 31, 10, 21) == 6774
    assert share(10_000, 30, 19, 11) == 3667  # 20-30 April


def test_the_primary_resident_is_the_one_there_longest_and_gaps_are_vacant() -> None:
    stays = [
        Stay("a", date(2031, 1, 1), date(2031, 3, 10)),
        Stay("b", date(2031, 3, 5), None),
    ]
    found = segments(date(2031, 3, 1), date(2031, 3, 31), stays)
    assert [(s.resident_id, s.first.day, s.last.day) for s in found] == [
        ("a", 1, 10),
        ("b", 11, 31),
    ]
    found = segments(date(2031, 3, 1), date(2031, 3, 31), [Stay("c", date(2031, 3, 20), None)])
    assert [(s.resident_id, s.days) for s in found] == [(None, 19), ("c", 12)]
