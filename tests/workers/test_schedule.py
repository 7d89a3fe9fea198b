"""Fire times, catch-up counts, local dates and which reminder is due: pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from services.bills.notices import local_date
from services.bills.reminders import ReminderPolicy, reminder_due
from workers.clock import FileClock
from workers.schedule import SCHEDULE, fires_between, latest_fire


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("cron", "now", "slot"),
    [
        ("0 * * * *", "2031-03-05 10:00:00", "2031-03-05 10:00:00"),  # a fire time is its own
        ("0 * * * *", "2031-03-05 10:59:59.999", "2031-03-05 10:00:00"),
        ("0 * * * *", "2031-03-05 09:59:59", "2031-03-05 09:00:00"),
        ("*/5 * * * *", "2031-03-05 10:07:30", "2031-03-05 10:05:00"),
        ("30 3 * * *", "2031-03-05 03:29:00", "2031-03-04 03:30:00"),
        ("30 3 * * *", "2031-03-01 00:00:00", "2031-02-28 03:30:00"),  # across a month
    ],
)
def test_latest_fire_is_the_last_fire_time_at_or_before_now(cron: str, now: str, slot: str) -> None:
    assert latest_fire(cron, at(now)) == at(slot)


def test_fire_times_do_not_depend_on_when_a_process_started() -> None:
    # Two processes reading the clock seconds apart agree on the slot (no interval drift).
    assert latest_fire("*/5 * * * *", at("2031-03-05 10:05:01")) == latest_fire(
        "*/5 * * * *", at("2031-03-05 10:09:59")
    )


def test_fires_between_counts_the_missed_slots() -> None:
    assert fires_between("0 * * * *", at("2031-03-05 10:00"), at("2031-03-05 10:00")) == 0
    assert fires_between("0 * * * *", at("2031-03-05 10:00"), at("2031-03-05 11:00")) == 1
    assert fires_between("0 * * * *", at("2031-03-05 10:00"), at("2031-03-06 10:00")) == 24
    assert fires_between("*/5 * * * *", at("2031-03-05 10:00"), at("2031-03-05 10:04")) == 0
    assert fires_between("30 3 * * *", at("2031-03-01 03:30"), at("2031-03-31 03:30")) == 30


def test_every_job_has_a_valid_schedule_and_a_unique_name() -> None:
    assert len({job.name for job in SCHEDULE}) == len(SCHEDULE)
    for job in SCHEDULE:
        assert latest_fire(job.cron, at("2031-03-05 10:00")) <= at("2031-03-05 10:00")


def test_local_date_follows_the_estate_timezone() -> None:
    moment = at("2031-03-10 12:00")  # Lagos 13:00 on the 10th; Auckland 01:00 on the 11th
    assert local_date(moment, "Africa/Lagos") == date(2031, 3, 10)
    assert local_date(moment, "Pacific/Auckland") == date(2031, 3, 11)
    # Reminders wait for 09:00 local: at 01:00 in Auckland it is still the 10th for them.
    assert local_date(moment, "Pacific/Auckland", 9) == date(2031, 3, 10)
    assert local_date(moment, "Africa/Lagos", 9) == date(2031, 3, 10)


POLICY = ReminderPolicy(days_before=(1, 3), days_after=(1, 7))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2031-03-01", None),  # 9 days ahead: too early
        ("2031-03-07", "before:3"),
        ("2031-03-08", "before:3"),  # late (downtime, or the bill is new): still the 3-day one
        ("2031-03-09", "before:1"),  # the 3-day one is not sent late once the 1-day one is due
        ("2031-03-10", None),  # due today: no "before:0" configured
        ("2031-03-11", "after:1"),
        ("2031-03-16", "after:1"),
        ("2031-03-17", "after:7"),
        ("2031-03-24", "after:7"),  # a week late at most...
        ("2031-03-25", None),  # ...then dropped
    ],
)
def test_the_reminder_due_is_the_nearest_one_whose_day_has_come(
    today: str, expected: str | None
) -> None:
    assert reminder_due(date(2031, 3, 10), date.fromisoformat(today), POLICY) == expected


def test_a_reminder_on_the_due_date_itself_when_configured() -> None:
    policy = ReminderPolicy(days_before=(0, 2), days_after=(3,))
    due = date(2031, 3, 10)
    assert reminder_due(due, date(2031, 3, 9), policy) == "before:2"
    assert reminder_due(due, date(2031, 3, 10), policy) == "before:0"
    assert reminder_due(due, date(2031, 3, 12), policy) is None
    assert reminder_due(due, date(2031, 3, 13), policy) == "after:3"


def test_the_file_clock_travels(tmp_path: Path) -> None:
    clock = FileClock(tmp_path / "now")
    clock.set(datetime.fromisoformat("2031-03-05T10:00:00+01:00"))
    assert clock.now() == at("2031-03-05 09:00")
    (tmp_path / "now").write_text("2031-03-05T10:00:00")
    with pytest.raises(ValueError):
        clock.now()
