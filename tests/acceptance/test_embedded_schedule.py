"""The embedded default schedules in-process: `estatepay serve` with no configuration
marks a bill overdue and reminds its owner on SQLite, driven by a file clock."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from estatepay.demo.seed import LOGINS
from tests.acceptance.test_serve import clean_env, gql, login, serve
from workers.clock import FileClock


def test_the_embedded_server_marks_overdue_and_reminds_on_its_own(tmp_path: Path) -> None:
    clock = FileClock(tmp_path / "clock")
    clock.set(datetime(2031, 3, 1, 12, tzinfo=UTC))
    env = {
        **clean_env(),
        "SCHEDULER_CLOCK_FILE": str(clock.path),
        "SCHEDULER_TICK_SECONDS": "0.2",
    }
    admin, ada = LOGINS[1], LOGINS[2]
    with serve(tmp_path, env) as (base, log):
        token = login(base, admin.email, admin.password)
        resident = gql(
            base,
            f'{{ residents(search: "{ada.email}") {{ edges {{ node {{ id }} }} }} }}',
            token,
            "demo",
        )["residents"]["edges"][0]["node"]
        bill = gql(
            base,
            f'mutation {{ createBill(input: {{residentId: "{resident["id"]}", title: "Levy", '
            'type: LEVY, amount: "20.00", dueDate: "2031-03-05"}) { id number } }',
            token,
            "demo",
        )["createBill"]
        owner = login(base, ada.email, ada.password)
        gql(base, f'mutation {{ acknowledgeBill(id: "{bill["id"]}") {{ status }} }}', owner, "demo")

        clock.set(datetime(2031, 3, 6, 12, tzinfo=UTC))  # the day after it was due, in Lagos
        deadline = time.monotonic() + 60
        while True:
            status = gql(base, f'{{ bill(id: "{bill["id"]}") {{ status }} }}', owner, "demo")
            notes = gql(base, "{ notifications { edges { node { kind title } } } }", owner, "demo")
            mine = sorted(
                n["node"]["kind"]
                for n in notes["notifications"]["edges"]
                if bill["number"] in n["node"]["title"] and n["node"]["kind"] != "BILL_CREATED"
            )
            if status["bill"]["status"] == "OVERDUE" and mine == ["BILL_OVERDUE", "BILL_REMINDER"]:
                break
            assert time.monotonic() < deadline, (status, mine, log.read_text()[-3000:])
            time.sleep(0.2)
