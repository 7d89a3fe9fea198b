"""The embedded default bills plans on its own: `estatepay serve` with no configuration
runs a plan's period on SQLite from its in-process scheduler, once."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from estatepay.demo.seed import LOGINS
from tests.acceptance.test_serve import clean_env, gql, login, serve
from workers.clock import FileClock


def test_the_embedded_server_runs_a_billing_plan_once(tmp_path: Path) -> None:
    clock = FileClock(tmp_path / "clock")
    now = datetime.now(UTC)
    clock.set(now)
    env = {
        **clean_env(),
        "SCHEDULER_CLOCK_FILE": str(clock.path),
        "SCHEDULER_TICK_SECONDS": "0.2",
    }
    admin, ada = LOGINS[1], LOGINS[2]
    with serve(tmp_path, env) as (base, log):
        token = login(base, admin.email, admin.password)
        prop = gql(base, "{ properties { edges { node { id } } } }", token, "demo")
        prop_id = prop["properties"]["edges"][0]["node"]["id"]
        plan = gql(
            base,
            'mutation { createBillingPlan(input: {name: "Estate dues", billType: LEVY, '
            'interval: MONTHLY, amount: "15.00", billingDay: 1, prorate: true}) { id } }',
            token,
            "demo",
        )["createBillingPlan"]
        subs = gql(
            base,
            f'mutation {{ subscribeUnits(planId: "{plan["id"]}", propertyId: "{prop_id}") '
            "{ id } }",
            token,
            "demo",
        )["subscribeUnits"]
        assert subs
        # The next hour's slot runs the period (its billing day, the 1st, has come).
        clock.set(now + timedelta(hours=1))
        owner = login(base, ada.email, ada.password)
        deadline = time.monotonic() + 60
        runs: list[dict] = []
        while True:
            runs = gql(
                base,
                f'{{ billRuns(planId: "{plan["id"]}") {{ edges {{ node {{ count }} }} }} }}',
                token,
                "demo",
            )["billRuns"]["edges"]
            if runs:
                break
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        clock.set(now + timedelta(hours=2))  # another slot: nothing billed twice
        time.sleep(2)
        again = gql(base, f'{{ billRuns(planId: "{plan["id"]}") {{ totalCount }} }}', token, "demo")
        assert again["billRuns"]["totalCount"] == 1
        mine = gql(base, "{ bills { edges { node { title } } } }", owner, "demo")
        titles = [e["node"]["title"] for e in mine["bills"]["edges"]]
        assert sum(t.startswith("Estate dues ") for t in titles) == 1, titles
        assert runs[0]["node"]["count"] >= 1
