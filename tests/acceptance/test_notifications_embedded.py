"""The embedded default sends notifications too: its in-process worker delivers a new
bill's notification through the console backends (SQLite, no Redis, no SMTP)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.acceptance.test_serve import LOGIN_LINE, clean_env, gql, login, serve


def test_embedded_default_delivers_to_the_log(tmp_path: Path) -> None:
    with serve(tmp_path, clean_env()) as (base, log):
        logins = {role: (email, pw) for role, email, pw in LOGIN_LINE.findall(log.read_text())}
        admin = login(base, *logins["estate admin"])
        resident_email = logins["resident"][0]
        ada = gql(
            base,
            f'{{ residents(search: "{resident_email}") {{ edges {{ node {{ id }} }} }} }}',
            admin,
            "demo",
        )["residents"]["edges"][0]["node"]
        gql(
            base,
            f'mutation {{ createBill(input: {{residentId: "{ada["id"]}", title: "Gate fee", '
            'type: SECURITY, amount: "20.00", dueDate: "2030-01-01"}) { id } }',
            admin,
            "demo",
        )
        resident = login(base, *logins["resident"])
        query = "{ notifications { edges { node { kind title deliveries { channel status } } } } }"
        deadline = time.monotonic() + 30
        while True:
            edges = gql(base, query, resident, "demo")["notifications"]["edges"]
            bill_notes = [
                e["node"]
                for e in edges
                if e["node"]["kind"] == "BILL_CREATED" and "Gate fee" in e["node"]["title"]
            ]
            statuses = {d["channel"]: d["status"] for n in bill_notes for d in n["deliveries"]}
            if statuses.get("EMAIL") == "SENT":
                break
            assert time.monotonic() < deadline, (statuses, log.read_text()[-3000:])
            time.sleep(0.2)
        assert f"email to {resident_email}" in log.read_text()
