"""Observability as an operator meets it: `/metrics` scraped over real HTTP from
`estatepay serve` after real requests (a failed login, a provider payment and its webhook,
a compiled read), the request id echoed and found in the log, the readable console lines
of the demo, and no Tortoise shutdown line on start, stop or a CLI command."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.acceptance.test_demo_payments import (
    ADA,
    ADMIN,
    pay_through_checkout,
    pending_bills,
)
from tests.acceptance.test_serve import clean_env, login, serve

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(base: str) -> Samples:
    """Every sample of `/metrics`, by name and labels."""
    response = httpx.get(f"{base}/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples: Samples = defaultdict(float)
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] += sample.value
    return samples


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    key = (name, tuple(sorted(labels.items())))
    return after.get(key, 0.0) - before.get(key, 0.0)


def post(base: str, query: str, token: str | None = None, **headers: str) -> httpx.Response:
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(
        f"{base}/graphql",
        json={"query": query},
        headers={"X-Tenant": "demo", **headers},
        timeout=30,
    )


def test_metrics_move_with_a_failed_login_a_payment_a_webhook_and_a_read(tmp_path: Path) -> None:
    with serve(tmp_path, clean_env()) as (base, log):
        ada, admin = login(base, ADA.email, ADA.password), login(base, ADMIN.email, ADMIN.password)
        before = scrape(base)

        refused = post(
            base, f'mutation {{ login(email: "{ADA.email}", password: "nope") {{ token }} }}'
        )
        assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        pay_through_checkout(base, ada, admin, pending_bills(base, ada)[0], "PAYSTACK")
        read = post(base, "query AdminBills { bills { totalCount } }", admin)
        assert read.headers["X-Read-Path"] == "compiled"  # counted though graphql-core never ran

        after = scrape(base)
        counted = {
            ("login", "UNAUTHENTICATED"): moved(
                before,
                after,
                "estatepay_graphql_operations_total",
                operation="login",
                type="mutation",
                outcome="UNAUTHENTICATED",
            ),
            ("AdminBills", "ok"): moved(
                before,
                after,
                "estatepay_graphql_operations_total",
                operation="AdminBills",
                type="query",
                outcome="ok",
            ),
        }
        assert counted == {("login", "UNAUTHENTICATED"): 1, ("AdminBills", "ok"): 1}
        latency = moved(
            before,
            after,
            "estatepay_graphql_operation_duration_seconds_count",
            operation="AdminBills",
            outcome="ok",
        )
        assert latency == 1
        webhook = {"provider": "PAYSTACK"}
        assert moved(before, after, "estatepay_webhook_events_total", **webhook, outcome="received")
        assert moved(
            before, after, "estatepay_webhook_events_total", **webhook, outcome="processed"
        )
        assert moved(
            before,
            after,
            "estatepay_http_requests_total",
            route="/webhooks/{provider}/{tenant_slug}",
            method="POST",
            status="200",
        )
        assert (
            moved(before, after, "estatepay_payments_total", provider="PAYSTACK", status="PENDING")
            == 1
        )
        assert (
            moved(
                before, after, "estatepay_payments_total", provider="PAYSTACK", status="SUCCEEDED"
            )
            == 1
        )
        assert moved(before, after, "estatepay_ledger_entries_total", kind="BILL_PAYMENT") >= 1
        assert (
            moved(
                before,
                after,
                "estatepay_jobs_total",
                actor="apply_webhook_event",
                outcome="succeeded",
            )
            >= 1
        )
        # The in-process worker's depth is there; the open subscriptions gauge too.
        assert ("estatepay_queue_depth", (("queue", "in-process"), ("state", "running"))) in after
        assert ("estatepay_open_subscriptions", ()) in after
        # An unknown path is one series, whatever the path: no label per URL.
        httpx.get(f"{base}/no/such/{'x' * 20}")
        httpx.get(f"{base}/another/unknown")
        unmatched = scrape(base)
        assert (
            moved(
                after,
                unmatched,
                "estatepay_http_requests_total",
                route="unmatched",
                method="GET",
                status="404",
            )
            == 2
        )

        # The request id: the client's echoed, one made otherwise, and both in the log.
        mine = post(base, "{ estate { name } }", admin, **{"X-Request-Id": "probe-7f3a"})
        assert mine.headers["X-Request-Id"] == "probe-7f3a"
        made = post(base, "{ estate { name } }", admin).headers["X-Request-Id"]
        assert re.fullmatch(r"[0-9a-f]{32}", made)
        forged = post(base, "{ me { id } }", admin, **{"X-Request-Id": "a b\\nINFO fake"})
        assert re.fullmatch(r"[0-9a-f]{32}", forged.headers["X-Request-Id"])
        output = log.read_text()
    # The demo's readable line: method, path, status, time, then what the request was.
    line = next(line for line in output.splitlines() if "[probe-7f3a]" in line)
    assert re.search(
        r"INFO +estatepay\.access: POST /graphql 200 [\d.]+ ms estate=demo operation=estate "
        r"outcome=ok read_path=\S+ \[probe-7f3a\]$",
        line,
    ), line
    logins = [
        re.findall(r"outcome=(\w+)", line)
        for line in output.splitlines()
        if "operation=login" in line
    ]
    assert sorted(logins) == [["UNAUTHENTICATED"], ["ok"], ["ok"]], logins
    assert "Tortoise-ORM shutdown" not in output
    listed = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "tenants", "list"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0 and "demo" in listed.stdout
    assert listed.stderr == "", listed.stderr  # no INFO line of Tortoise's, or anything
