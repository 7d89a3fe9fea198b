"""`python -m bench.billing`: how long a bill run takes for 10,000 units and for 1,000,
in one run (issue #18: 10,000 units under a minute on PostgreSQL).

Each size gets an estate of its own: one property of N units, each with a resident
living there since before the period, every unit subscribed to a monthly plan that
prorates (the heavier path: each unit's days are shared out, and the period before is
trued up). The run is `runBillRun` without the HTTP around it
(`services.plans.runs.run_by_hand`): one transaction, bills inserted BATCH at a time.
The smaller run is the baseline: the ratio of time per unit says how the run scales."""

from __future__ import annotations

import argparse
import logging
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

from bench.common import add_store_arguments, log, recreate_database, run_loop
from services.bills.models import Bill
from services.bills.queries import estate_today
from services.estates import provisioning
from services.estates.provisioning import EstateInput
from services.ledger.verify import verify_ledger
from services.money import Money
from services.plans import catalog, runs, subscriptions
from services.plans.runs import BATCH
from services.properties.models import Property, Unit
from services.residents.models import Occupancy, Resident
from tenants.database import close_database, init_database
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_billing"
TARGET_SECONDS = 60.0
ACTOR = uuid.uuid4()


async def seed(units: int) -> tuple[Estate, str]:
    """An estate of `units` occupied units, all subscribed to one plan; the plan's id."""
    slug = f"bench-billing-{units}"
    estate = await provisioning.create_estate(
        EstateInput(
            slug=slug,
            name=f"Billing bench {units}",
            currency="NGN",
            timezone="Africa/Lagos",
            admin_email=f"admin@{slug}.example.com",
            admin_full_name="Bench Admin",
            admin_password="bench-admin-pass-1",
        )
    )
    now = datetime.now(UTC)
    moved_in = estate_today(estate, now) - timedelta(days=100)
    async with tenant_scope(slug):
        prop = await Property.create(name="Block")
        rows = [Unit(id=uuid.uuid4(), property=prop, label=f"U{n:05d}") for n in range(units)]
        await Unit.bulk_create(rows, batch_size=1000)
        people = [Resident(id=uuid.uuid4(), user_id=uuid.uuid4()) for _ in range(units)]
        await Resident.bulk_create(people, batch_size=1000)
        await Occupancy.bulk_create(
            [
                Occupancy(id=uuid.uuid4(), resident_id=p.id, unit_id=u.id, starts_on=moved_in)
                for p, u in zip(people, rows, strict=True)
            ],
            batch_size=1000,
        )
        plan = await catalog.create_plan(
            ACTOR,
            estate,
            catalog.PlanDraft(
                name="Service charge",
                bill_type="SERVICE_CHARGE",
                price=catalog.Price(Money(2_500_000, "NGN"), None),
                interval="MONTHLY",
                billing_day=1,
                due_days=14,
                prorate=True,
                late_fee=None,
            ),
            now,
        )
        await subscriptions.subscribe_units(
            ACTOR, estate, str(plan.id), None, str(prop.id), None, now
        )
    return estate, str(plan.id)


async def measure(units: int) -> float:
    """Seconds for one bill run of `units` units (after checking what it issued)."""
    started = time.perf_counter()
    estate, plan_id = await seed(units)
    log(f"{units:,} units seeded in {time.perf_counter() - started:.1f} s")
    now = datetime.now(UTC)
    async with tenant_scope(estate.slug):
        preview = await runs.preview(plan_id, estate_today(estate, now), estate, now)
    started = time.perf_counter()
    async with tenant_scope(estate.slug):
        run = await runs.run_by_hand(ACTOR, plan_id, estate_today(estate, now), estate, now)
    seconds = time.perf_counter() - started
    async with tenant_scope(estate.slug):
        issued = await Bill.filter(title__startswith="Service charge").count()
        problems = await verify_ledger()
    if (run.count, issued, run.total) != (units, units, preview.total) or problems:
        raise SystemExit(
            f"the run of {units} units is wrong: {run.count} counted, {issued} issued, "
            f"total {run.total} vs preview {preview.total}; ledger: {problems}"
        )
    log(
        f"bill_run_{units}_units_s: {seconds:.2f}  ({units / seconds:,.0f} bills/s, "
        f"{-(-units // BATCH)} batches of up to {BATCH})"
    )
    return seconds


async def run(args: argparse.Namespace) -> int:
    await recreate_database(args.database_url)
    settings = Settings(_env_file=None, database_url=args.database_url)  # type: ignore[call-arg]
    await init_database(settings)
    try:
        large = await measure(args.units)
        small = await measure(args.baseline_units)
    finally:
        await close_database()
    per_unit = (large / args.units) / (small / args.baseline_units)
    log(f"per_unit_ratio: {per_unit:.2f}  ({args.units:,} vs {args.baseline_units:,} units)")
    meets = "meets" if large < TARGET_SECONDS else "does NOT meet"
    log(f"target (issue #18) {args.units:,} units < {TARGET_SECONDS:.0f} s: {meets}")
    return 0 if large < TARGET_SECONDS else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.billing",
        description="Bill run time for N units and a smaller baseline (drops its database).",
    )
    parser.add_argument("--units", type=int, default=10_000, help="units in the measured run")
    parser.add_argument(
        "--baseline-units", type=int, default=1_000, help="units in the baseline run"
    )
    add_store_arguments(parser, DEFAULT_URL)
    args = parser.parse_args(argv)
    if args.units < 1 or args.baseline_units < 1:
        parser.error("--units and --baseline-units must be >= 1")
    return args


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    return run_loop(run(parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
