"""Dashboard windows and buckets in the estate's timezone, on both backends.

The ledger is seeded directly with postings at chosen instants, so the edges (23:30 local
yesterday vs 00:30 local today, daylight-saving days, the window's own bounds) are exact.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from services.bills.models import Bill
from services.dashboard.figures import DashboardFigures, figures, window
from services.estates import provisioning
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, Line, post_entry, system_account
from services.ledger.models import Posting
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD

LAGOS = ZoneInfo("Africa/Lagos")  # +01:00 all year
LONDON = ZoneInfo("Europe/London")
KOLKATA = ZoneInfo("Asia/Kolkata")  # +05:30


def local(
    zone: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0, s: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, s, tzinfo=zone)


def test_day_is_the_local_day_in_hours() -> None:
    # 23:30 UTC on the 14th is already the 15th in Lagos.
    win = window("DAY", LAGOS, datetime(2024, 6, 14, 23, 30, tzinfo=UTC))
    assert win.today.isoformat() == "2024-06-15"
    assert len(win.starts) == 24
    assert win.starts[0].isoformat() == "2024-06-15T00:00:00+01:00"
    assert win.starts[-1].isoformat() == "2024-06-15T23:00:00+01:00"
    assert win.end.isoformat() == "2024-06-16T00:00:00+01:00"
    kolkata = window("DAY", KOLKATA, datetime(2024, 6, 14, 20, 0, tzinfo=UTC))
    assert kolkata.starts[0].astimezone(UTC).isoformat() == "2024-06-14T18:30:00+00:00"


def test_daylight_saving_days_have_23_and_25_hours() -> None:
    spring = window("DAY", LONDON, local(LONDON, 2024, 3, 31, 12))
    assert len(spring.starts) == 23
    assert [s.isoformat() for s in spring.starts[:3]] == [
        "2024-03-31T00:00:00+00:00",
        "2024-03-31T02:00:00+01:00",
        "2024-03-31T03:00:00+01:00",
    ]
    autumn = window("DAY", LONDON, local(LONDON, 2024, 10, 27, 12))
    assert len(autumn.starts) == 25
    assert [s.isoformat() for s in autumn.starts[1:3]] == [
        "2024-10-27T01:00:00+01:00",
        "2024-10-27T01:00:00+00:00",
    ]


def test_week_month_and_year_buckets() -> None:
    now = local(LAGOS, 2024, 2, 29, 12)  # a Thursday in a leap year
    week = window("WEEK", LAGOS, now)
    assert [s.date().isoformat() for s in (week.starts[0], week.end)] == [
        "2024-02-26",
        "2024-03-04",
    ]
    assert len(week.starts) == 7
    month = window("MONTH", LAGOS, now)
    assert len(month.starts) == 29
    assert month.end.isoformat() == "2024-03-01T00:00:00+01:00"
    year = window("YEAR", LONDON, local(LONDON, 2024, 7, 1))
    assert [s.isoformat() for s in year.starts[2:4]] == [
        "2024-03-01T00:00:00+00:00",
        "2024-04-01T00:00:00+01:00",  # summer time: the offset follows the local date
    ]
    assert year.end.isoformat() == "2025-01-01T00:00:00+00:00"
    # The ISO week that holds 1 January starts in the previous year.
    assert window("WEEK", LAGOS, local(LAGOS, 2025, 1, 1)).starts[0].date().isoformat() == (
        "2024-12-30"
    )


async def collect(
    kind: str, amount: int, at: datetime, fee: int = 0, key: str | None = None
) -> None:
    """One ledger entry moving `amount` between a provider's clearing account and the
    estate (revenue plus fee), posted at `at`. Negative: money back out."""
    clearing = await system_account("clearing:paystack", "NGN")
    revenue = await system_account(ESTATE_REVENUE, "NGN")
    lines = [Line(clearing, -amount), Line(revenue, amount - fee)]
    if fee:
        lines.append(Line(await system_account(PLATFORM_FEES, "NGN"), fee))
    entry, _ = await post_entry(key or uuid.uuid4().hex, kind, lines)
    # UTC, as every stored timestamp is (SQLite compares the text).
    await Posting.filter(entry_id=entry.id).update(created_at=at.astimezone(UTC))


async def new_estate(timezone: str) -> Estate:
    slug = f"tz-{uuid.uuid4().hex[:10]}"
    return await provisioning.create_estate(
        provisioning.EstateInput(
            slug=slug,
            name=slug,
            currency="NGN",
            timezone=timezone,
            admin_email=f"admin@{slug}.test",
            admin_full_name="Admin",
            admin_password=PASSWORD,
        )
    )


async def seed_bills() -> None:
    resident = await Resident.create(user_id=uuid.uuid4())
    rows = [  # status, amount, paid, due date, currency
        ("ACKNOWLEDGED", 1_000, 0, date(2024, 6, 14), "NGN"),
        ("PARTIALLY_PAID", 2_000, 500, date(2024, 6, 15), "NGN"),  # due today: not late
        ("OVERDUE", 300, 100, date(2024, 6, 1), "NGN"),
        ("DISPUTED", 400, 0, date(2024, 6, 1), "NGN"),  # owed, but not overdue
        ("PENDING_ACKNOWLEDGMENT", 600, 0, date(2024, 6, 14), "NGN"),
        ("PAID", 800, 800, date(2024, 6, 1), "NGN"),
        ("CANCELLED", 900, 0, date(2024, 6, 1), "NGN"),
        ("ACKNOWLEDGED", 5_000, 0, date(2024, 6, 1), "USD"),  # counted, never summed
    ]
    for n, (status, amount, paid, due, currency) in enumerate(rows):
        await Bill.create(
            number=f"BILL-{n:06d}",
            resident=resident,
            title="t",
            type="OTHER",
            amount=amount,
            amount_paid=paid,
            currency=currency,
            status=status,
            due_date=due,
        )


def amounts(data: DashboardFigures) -> dict[str, int]:
    return {b.start.isoformat(): b.amount for b in data.revenue_series if b.amount}


async def bucket_edges_scenario() -> None:
    """Runs on whichever backend is initialised."""
    estate = await new_estate("Africa/Lagos")
    now = local(LAGOS, 2024, 6, 15, 12)  # Saturday
    async with tenant_scope(estate.slug):
        # Both on 14 June in UTC; a day apart in Lagos.
        await collect("BILL_PAYMENT", 10_000, local(LAGOS, 2024, 6, 14, 23, 30), fee=100)
        await collect("BILL_PAYMENT", 2_500, local(LAGOS, 2024, 6, 15, 0, 30), fee=25)
        await collect("BILL_PAYMENT", 700, local(LAGOS, 2024, 6, 15, 0, 0))  # start: in
        await collect("BILL_PAYMENT", 900, local(LAGOS, 2024, 6, 16, 0, 0))  # end: out
        await collect("REFUND", -1_000, local(LAGOS, 2024, 6, 15, 13, 59, 59), fee=-10)
        # Not collections: a payout-like debit and an adjustment.
        await collect("PAYOUT", -300, local(LAGOS, 2024, 6, 15, 9))
        await collect("ADJUSTMENT", 400, local(LAGOS, 2024, 6, 15, 9))

        day = await figures(estate, "DAY", now)
        assert day.collected == 2_500 + 700 - 1_000
        assert amounts(day) == {
            "2024-06-15T00:00:00+01:00": 3_200,
            "2024-06-15T13:00:00+01:00": -1_000,
        }
        # Just outside June on either side.
        await collect("BILL_PAYMENT", 50, local(LAGOS, 2024, 5, 31, 23, 59, 59))
        await collect("BILL_PAYMENT", 60, local(LAGOS, 2024, 7, 1, 0, 0))
        week = await figures(estate, "WEEK", now)
        assert week.collected == 10_000 + 2_500 + 700 - 1_000 + 900
        assert amounts(week) == {
            "2024-06-14T00:00:00+01:00": 10_000,
            "2024-06-15T00:00:00+01:00": 2_200,
            "2024-06-16T00:00:00+01:00": 900,
        }
        month = await figures(estate, "MONTH", now)
        assert month.collected == week.collected
        assert len(month.revenue_series) == 30
        assert month.window_end.isoformat() == "2024-07-01T00:00:00+01:00"
        # A day with only a refund: collected is negative, the rate counts it as zero.
        await collect("REFUND", -500, local(LAGOS, 2024, 5, 10, 8))
        refunds_only = await figures(estate, "DAY", local(LAGOS, 2024, 5, 10, 20))
        assert refunds_only.collected == -500
        assert refunds_only.collection_rate == 0.0
        quiet = await figures(estate, "DAY", now - timedelta(days=60))
        assert quiet.collected == 0 and quiet.collection_rate == 0.0

        await seed_bills()
        # 00:30 in Lagos on the 15th, still the 14th in UTC: a bill due the 14th is late.
        bills = await figures(estate, "DAY", datetime(2024, 6, 14, 23, 30, tzinfo=UTC))
        assert bills.outstanding == 1_000 + 1_500 + 200 + 400 + 600
        assert bills.overdue == 1_000 + 200 + 600
        assert bills.bills_by_status == {
            "PENDING_ACKNOWLEDGMENT": 1,
            "ACKNOWLEDGED": 2,
            "DISPUTED": 1,
            "PARTIALLY_PAID": 1,
            "PAID": 1,
            "OVERDUE": 1,
            "CANCELLED": 1,
        }
        day = await figures(estate, "DAY", now)
        assert day.collection_rate == 2_200 / (2_200 + 3_700)

    # Year edges in London: 23:30 on New Year's Eve belongs to the old year.
    london = await new_estate("Europe/London")
    async with tenant_scope(london.slug):
        await collect("BILL_PAYMENT", 1_000, local(LONDON, 2023, 12, 31, 23, 30))
        await collect("BILL_PAYMENT", 2_000, local(LONDON, 2024, 1, 1, 0, 30))
        await collect("BILL_PAYMENT", 4_000, local(LONDON, 2024, 3, 31, 2, 30))  # 01:30 UTC
        year = await figures(london, "YEAR", local(LONDON, 2024, 6, 1))
        assert year.collected == 6_000
        assert amounts(year) == {
            "2024-01-01T00:00:00+00:00": 2_000,
            "2024-03-01T00:00:00+00:00": 4_000,
        }
        spring = await figures(london, "DAY", local(LONDON, 2024, 3, 31, 20))
        assert amounts(spring) == {"2024-03-31T02:00:00+01:00": 4_000}
        assert len(spring.revenue_series) == 23


@pytest.mark.usefixtures("database")
async def test_bucket_edges_on_postgres() -> None:
    await bucket_edges_scenario()


async def _on_sqlite(data_dir: str) -> None:
    from services.identity.accounts import create_platform_admin
    from tenants.database import close_database, init_database
    from tenants.settings import Settings

    await init_database(Settings(_env_file=None, data_dir=Path(data_dir)))  # type: ignore[call-arg]
    try:
        await create_platform_admin("operator@test.example", PASSWORD, "Operator")
        await bucket_edges_scenario()
    finally:
        await close_database()


def test_bucket_edges_on_sqlite(tmp_path: Path) -> None:
    # Its own process: this session's ORM is bound to PostgreSQL.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    code = (
        "import asyncio, sys; from tests.services.test_dashboard import _on_sqlite; "
        "asyncio.run(_on_sqlite(sys.argv[1]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


if __name__ == "__main__":  # pragma: no cover - a manual entry point
    asyncio.run(_on_sqlite(sys.argv[1]))
