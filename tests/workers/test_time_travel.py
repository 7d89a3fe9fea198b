"""A simulated month with three schedulers at once, and a scheduler restarted after
downtime: exactly the expected overdue marks and reminders, nothing twice, no slot
skipped. Every process is real (server, worker, schedulers); only the clock is a file."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from tests.workers.stack import OPERATOR, Stack, client, estate_world, schema, start_stack
from tests.world import World
from workers.schedule import SCHEDULE, fires_between

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("database")]
NOON = timedelta(hours=12)  # each simulated day is visited at 12:00 UTC
ACKNOWLEDGE = "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }"
PLAN = (
    "mutation($t: String!, $a: Decimal!, $f: RecurringFrequency!, $d: Date!) { "
    "createRecurringPayment(input: {title: $t, amount: $a, frequency: $f, startDate: $d}) "
    "{ id } }"
)
PAY = (
    "mutation($b: ID!, $a: Decimal, $k: String!) { payBillFromWallet(billId: $b, amount: $a, "
    "idempotencyKey: $k) { status } }"
)


def day(text: str) -> date:
    return date.fromisoformat(f"2031-{text}")


def noon(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=UTC) + NOON


@pytest.fixture
async def stack(tmp_path: Path) -> object:
    running = await start_stack(tmp_path, noon(day("03-01")))
    try:
        yield running
    finally:
        await running.close()


async def notices_by_bill(stack: Stack, slug: str) -> dict[str, list[tuple[str, date]]]:
    """Each bill's notices, with the simulated UTC day their job ran for."""
    rows = await stack.rows(
        f"SELECT b.number, n.notice, n.sent_at FROM {schema(slug)}.bill_notices n "
        f"JOIN {schema(slug)}.bills b ON b.id = n.bill_id ORDER BY n.sent_at, n.notice"
    )
    found: dict[str, list[tuple[str, date]]] = defaultdict(list)
    for r in rows:
        found[r["number"]].append((r["notice"], r["sent_at"].astimezone(UTC).date()))
    return found


async def statuses(stack: Stack, slug: str) -> dict[str, str]:
    rows = await stack.rows(f"SELECT number, status FROM {schema(slug)}.bills")
    return {r["number"]: r["status"] for r in rows}


async def overdue_marks(stack: Stack, slug: str) -> Counter[str]:
    rows = await stack.rows(
        f"SELECT b.number FROM {schema(slug)}.audit_log a JOIN {schema(slug)}.bills b "
        f"ON a.object_id = b.id::text WHERE a.action = 'markOverdue'"
    )
    return Counter(r["number"] for r in rows)


async def recurring_runs(stack: Stack, slug: str) -> dict[str, list[date]]:
    """Each plan's paid periods (by title), and the ledger entries that moved the money."""
    tenant = schema(slug)
    rows = await stack.rows(
        f"SELECT p.title, r.period_date, r.status FROM {tenant}.recurring_runs r "
        f"JOIN {tenant}.recurring_payments p ON p.id = r.plan_id ORDER BY r.period_date"
    )
    assert {r["status"] for r in rows} <= {"PAID"}, rows
    entries = await stack.rows(
        f"SELECT count(*) AS n FROM {schema(slug)}.ledger_entries "
        "WHERE idempotency_key LIKE 'recurring:%'"
    )
    assert entries[0]["n"] == len(rows)  # one ledger entry per paid period, none twice
    runs: dict[str, list[date]] = defaultdict(list)
    for r in rows:
        runs[r["title"]].append(r["period_date"])
    return runs


def days(first: str, last: str, step: int = 1) -> list[date]:
    start, end = day(first), day(last)
    return [start + timedelta(days=n) for n in range(0, (end - start).days + 1, step)]


async def assert_told_once_per_notice(stack: Stack, slug: str) -> None:
    """One in-app notification per recorded notice: nothing sent twice."""
    kinds = await stack.rows(
        f"SELECT kind, count(*) AS n FROM {schema(slug)}.notifications "
        "WHERE kind IN ('BILL_REMINDER', 'BILL_OVERDUE') GROUP BY kind"
    )
    notices = await stack.rows(
        f"SELECT notice = 'overdue' AS overdue, count(*) AS n FROM {schema(slug)}.bill_notices "
        "GROUP BY 1"
    )
    told = {r["kind"]: r["n"] for r in kinds}
    recorded = {"BILL_OVERDUE" if r["overdue"] else "BILL_REMINDER": r["n"] for r in notices}
    assert told == recorded
    titles = await stack.rows(
        f"SELECT user_id, title, count(*) AS n FROM {schema(slug)}.notifications "
        "WHERE kind IN ('BILL_REMINDER', 'BILL_OVERDUE') GROUP BY 1, 2 HAVING count(*) > 1"
    )
    assert titles == []


async def assert_each_slot_fired_once(stack: Stack, slugs: list[str], steps: int) -> None:
    """Per job: a chain of claims with no gap and no fork, every one sent, and one run
    per claim in each estate, delivered once."""
    claims = await stack.rows("SELECT * FROM schedule_claims ORDER BY job, slot")
    by_job: dict[str, list] = defaultdict(list)
    for claim in claims:
        by_job[claim["job"]].append(claim)
    assert set(by_job) == {job.name for job in SCHEDULE}
    for job in SCHEDULE:
        chain = by_job[job.name]
        assert len(chain) == steps, job.name
        assert chain[0]["after"] is None
        for previous, claim in pairwise(chain):
            assert claim["after"] == previous["slot"], job.name  # no fork, no gap
            assert claim["covers"] == fires_between(job.cron, previous["slot"], claim["slot"])
        assert all(c["sent_at"] is not None for c in chain)
        # The world has no Bitcoin gateway: the chain watch sends it nothing.
        expected_messages = (0 if job.only_flagged else len(slugs)) if job.per_estate else 1
        assert {c["messages"] for c in chain} == {expected_messages}, job.name
    for slug in slugs:
        runs = await stack.rows(
            f"SELECT job, count(*) AS n, sum(deliveries) AS d, sum(attempts) AS a, "
            f"count(*) FILTER (WHERE status = 'DONE') AS done FROM {schema(slug)}.job_runs "
            "GROUP BY job"
        )
        per_estate = {job.name for job in SCHEDULE if job.per_estate and not job.only_flagged}
        assert {r["job"] for r in runs} == per_estate
        for r in runs:
            assert (r["n"], r["d"], r["a"], r["done"]) == (steps, steps, steps, steps), r


async def make_bills(world: World) -> dict[str, dict[str, str]]:
    """The month's bills by name (see the expectations below): id and number."""
    r0, r1, r2 = world.residents
    made = {
        "A": await world.bill(r0, "100.00", due="2031-03-05"),
        "B": await world.bill(r0, "100.00", due="2031-03-10"),
        "C": await world.bill(r1, "100.00", due="2031-03-12"),
        "D": await world.bill(r1, "100.00", due="2031-03-15", acknowledge=False),
        "E": await world.bill(r2, "100.00", due="2031-03-20", acknowledge=False),
        "F": await world.bill(r2, "100.00", due="2031-02-20"),
        "G": await world.bill(r2, "100.00", due="2031-03-30"),
    }
    await r2.client.ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "not mine") { status } }',
        id=made["E"]["id"],
    )
    return {name: {"id": bill["id"], "number": bill["number"]} for name, bill in made.items()}


def expected_notices(shift: int) -> dict[str, list[tuple[str, date]]]:
    """`shift`: 1 where the estate's date at 12:00 UTC is already tomorrow (Auckland), so
    bills turn overdue a simulated day earlier there; reminders wait for 09:00 local and
    so go out on the same UTC day in both estates."""
    overdue = timedelta(days=shift)
    return {
        "A": [
            ("before:3", day("03-02")),
            ("before:1", day("03-04")),
            ("overdue", day("03-06") - overdue),
            ("after:1", day("03-06")),
            ("after:7", day("03-12")),
        ],
        "B": [("before:3", day("03-07"))],  # paid on the 8th
        "C": [
            ("before:3", day("03-09")),
            ("before:1", day("03-11")),
            ("overdue", day("03-13") - overdue),
            ("after:1", day("03-13")),
            ("after:7", day("03-19")),
        ],
        "D": [  # never acknowledged: reminded, never marked overdue
            ("before:3", day("03-12")),
            ("before:1", day("03-14")),
            ("after:1", day("03-16")),
            ("after:7", day("03-22")),
        ],
        "F": [("after:7", day("03-01")), ("overdue", day("03-01"))],  # due before the month
        "G": [
            ("before:3", day("03-27")),
            ("before:1", day("03-29")),
            ("overdue", day("03-31") - overdue),
            ("after:1", day("03-31")),
        ],
    }


async def test_a_month_with_three_schedulers_marks_and_reminds_exactly_once(
    stack: Stack,
) -> None:
    async for gql in client(stack):
        operator = await gql.login(OPERATOR)
        lagos = await estate_world(operator, "Africa/Lagos", 3, "lagos")
        auckland = await estate_world(operator, "Pacific/Auckland", 3, "akl")
        worlds = {"lagos": lagos, "auckland": auckland}
        bills = {name: await make_bills(world) for name, world in worlds.items()}
        for world in worlds.values():
            for person in world.residents:
                await world.fund(person, "500.00")
            r0, r1, r2 = world.residents
            await r0.client.ok(PLAN, t="daily", a="1.00", f="DAILY", d="2031-03-01")
            await r1.client.ok(PLAN, t="weekly", a="5.00", f="WEEKLY", d="2031-03-03")
            await r2.client.ok(PLAN, t="monthly", a="10.00", f="MONTHLY", d="2031-03-02")
        slugs = [w.slug for w in worlds.values()]

        for n in range(3):
            stack.start_scheduler(f"scheduler-{n}")
        first = day("03-01")
        for offset in range(31):
            today = first + timedelta(days=offset)
            await stack.travel(noon(today), slugs)
            if today == day("03-08"):  # B is paid in full before its due date
                for name, world in worlds.items():
                    await world.residents[0].client.ok(
                        PAY, b=bills[name]["B"]["id"], a=None, k=uuid.uuid4().hex
                    )
            if today == day("03-14"):  # C, overdue by now, is paid in part
                for name, world in worlds.items():
                    await world.residents[1].client.ok(
                        PAY, b=bills[name]["C"]["id"], a="40.00", k=uuid.uuid4().hex
                    )
            if today == day("03-10"):  # one scheduler dies mid-month...
                stack.kill("scheduler-0")
            if today == day("03-15"):  # ...and comes back
                stack.start_scheduler("scheduler-0")

        for name, world in worlds.items():
            shift = 1 if name == "auckland" else 0
            numbers = {bill: made["number"] for bill, made in bills[name].items()}
            found = await notices_by_bill(stack, world.slug)
            expected = expected_notices(shift)
            for bill_name in "ABCDEFG":
                got = sorted(found.get(numbers[bill_name], []), key=lambda n: (n[1], n[0]))
                want = sorted(expected.get(bill_name, []), key=lambda n: (n[1], n[0]))
                assert got == want, (name, bill_name)
            assert await statuses(stack, world.slug) == {
                numbers["A"]: "OVERDUE",
                numbers["B"]: "PAID",
                numbers["C"]: "OVERDUE",  # re-marked after the part payment
                numbers["D"]: "PENDING_ACKNOWLEDGMENT",
                numbers["E"]: "DISPUTED",
                numbers["F"]: "OVERDUE",
                numbers["G"]: "OVERDUE",
            }
            marks = await overdue_marks(stack, world.slug)
            assert marks == Counter(
                {numbers["A"]: 1, numbers["C"]: 2, numbers["F"]: 1, numbers["G"]: 1}
            )
            await assert_told_once_per_notice(stack, world.slug)
            # Auckland's last visit (12:00 UTC on the 31st) is already 1 April there.
            last = "04-01" if shift else "03-31"
            assert await recurring_runs(stack, world.slug) == {
                "daily": days("03-01", last),
                "weekly": days("03-03", "03-31", 7),
                "monthly": [day("03-02")],
            }
            balances = [
                (await p.client.ok("{ wallet { balance { amount } } }"))["wallet"]["balance"]
                for p in world.residents
            ]
            daily = len(days("03-01", last))
            assert [b["amount"] for b in balances] == [
                f"{500 - 100 - daily}.00",  # bill B and the daily plan
                "435.00",  # 40.00 towards bill C, five weekly 5.00
                "490.00",  # one monthly 10.00
            ]
        await assert_each_slot_fired_once(stack, slugs, steps=31)


async def test_a_scheduler_restarted_after_downtime_catches_up_without_skipping_or_repeating(
    stack: Stack,
) -> None:
    async for gql in client(stack):
        operator = await gql.login(OPERATOR)
        world = await estate_world(operator, "Africa/Lagos", 1, "down")
        (person,) = world.residents
        x = await world.bill(person, "100.00", due="2031-03-04")
        y = await world.bill(person, "100.00", due="2031-03-07")
        await world.fund(person, "50.00")
        await person.client.ok(PLAN, t="daily", a="1.00", f="DAILY", d="2031-03-01")

        stack.start_scheduler("scheduler")
        for d in ("03-01", "03-02", "03-03"):
            await stack.travel(noon(day(d)), [world.slug])
        stack.kill("scheduler")
        # Down from the 3rd to the 6th: X falls due, Y's 3-day reminder day passes.
        stack.clock.set(noon(day("03-06")))
        stack.start_scheduler("scheduler")
        for d in ("03-06", "03-07", "03-08", "03-09"):
            await stack.travel(noon(day(d)), [world.slug])

        found = await notices_by_bill(stack, world.slug)
        assert sorted(found[x["number"]], key=lambda n: (n[1], n[0])) == [
            ("before:3", day("03-01")),
            ("before:1", day("03-03")),
            ("after:1", day("03-06")),  # late, once
            ("overdue", day("03-06")),  # late, once
        ]
        assert sorted(found[y["number"]], key=lambda n: (n[1], n[0])) == [
            ("before:1", day("03-06")),  # the 3-day one is past: only the nearest is sent
            ("after:1", day("03-08")),
            ("overdue", day("03-08")),
        ]
        assert await overdue_marks(stack, world.slug) == Counter({x["number"]: 1, y["number"]: 1})
        await assert_told_once_per_notice(stack, world.slug)
        # The plan pays the three missed days at the restart, each once.
        assert await recurring_runs(stack, world.slug) == {"daily": days("03-01", "03-09")}
        # Seven claims per job; the first after the restart covers the missed fire times.
        await assert_each_slot_fired_once(stack, [world.slug], steps=7)
        covers = await stack.rows(
            "SELECT job, covers FROM schedule_claims WHERE slot > $1 AND slot < $2",
            noon(day("03-05")),
            noon(day("03-06")) + timedelta(minutes=1),
        )
        assert {r["job"]: r["covers"] for r in covers} == {
            "mark_overdue_bills": 72,
            "send_bill_reminders": 72,
            "process_recurring_payments": 72,
            "run_bill_runs": 72,
            "apply_late_fees": 72,
            "collect_autopay": 72,
            "expire_stale_payments": 864,
            "expire_card_setups": 72,
            "watch_bitcoin_payments": 4320,
            "evaluate_reward_streaks": 72,
            "purge_old_records": 3,
            "check_payouts": 864,
            "auto_payouts": 3,
            "prune_schedule": 3,
        }
