"""The demo's provider payments, clicked through as a newcomer would: `estatepay serve`
on SQLite, a seeded bill, `payBill`, the fake's checkout page fetched and its Pay form
submitted over HTTP, the signed webhook back to the shim, the bill PAID."""

from __future__ import annotations

import subprocess
import sys
import time
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from estatepay.demo.seed import FAKES_PATH, LOGINS, fake_provider_routes
from tenants.settings import Settings
from tests.acceptance.test_serve import clean_env, login, serve

ADMIN, ADA = LOGINS[1], LOGINS[2]
TENANT = {"X-Tenant": "demo"}


def call(base: str, token: str, query: str, **variables: Any) -> dict[str, Any]:
    response = httpx.post(
        f"{base}/graphql",
        json={"query": query, "variables": variables},
        headers={**TENANT, "Authorization": f"Bearer {token}"},
        timeout=30,
    )
    body: dict[str, Any] = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    data: dict[str, Any] = body["data"]
    return data


class Form(HTMLParser):
    """The page's form as a browser sees it: method, action and the Pay button."""

    def __init__(self) -> None:
        super().__init__()
        self.method, self.action = "get", ""
        self.buttons: dict[str, tuple[str, str]] = {}  # label -> (name, value)
        self._button: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.method, self.action = attr.get("method", "get").lower(), attr.get("action", "")
        elif tag == "button" and attr.get("type", "submit") == "submit":
            self._button = (attr.get("name", ""), attr.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._button is not None and data.strip():
            self.buttons[data.strip()] = self._button

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._button = None


def press(page_url: str, html: str, label: str) -> httpx.Response:
    """Submit the page's form with the button labelled `label`, following redirects."""
    form = Form()
    form.feed(html)
    name, value = form.buttons[label]
    assert form.method == "post"
    return httpx.post(
        urljoin(page_url, form.action),
        data={name: value},
        headers={"content-type": "application/x-www-form-urlencoded"},
        follow_redirects=True,
        timeout=60,
    )


def until(check: Any, within: float = 60.0) -> Any:
    deadline = time.monotonic() + within
    while not (result := check()):
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.2)
    return result


def estate_balance(base: str, admin: str) -> Decimal:
    data = call(base, admin, "{ estateWallet { balance { amount } } }")
    return Decimal(data["estateWallet"]["balance"]["amount"])


def pending_bills(base: str, resident: str) -> list[dict[str, Any]]:
    data = call(
        base,
        resident,
        "{ bills(filter: {status: [PENDING_ACKNOWLEDGMENT]}) "
        "{ edges { node { id title balanceDue { amount } } } } }",
    )
    return [edge["node"] for edge in data["bills"]["edges"]]


def pay_through_checkout(
    base: str, resident: str, admin: str, bill: dict[str, Any], provider: str
) -> httpx.Response:
    """acknowledgeBill, payBill, open the checkoutUrl, press Pay; the bill ends PAID and
    the estate wallet holds its amount. Returns the browser's last response."""
    before = estate_balance(base, admin)
    acknowledged = call(
        base, resident, "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=bill["id"]
    )
    assert acknowledged["acknowledgeBill"]["status"] == "ACKNOWLEDGED"
    # Paystack is the demo's default gateway; the others are named.
    callback = f"{base}/healthz" if provider == "PAYSTACK" else None
    payment = call(
        base,
        resident,
        "mutation($b: ID!, $p: PaymentProvider!, $c: String, $k: String!) { "
        "payBill(billId: $b, provider: $p, callbackUrl: $c, idempotencyKey: $k) "
        "{ reference status checkoutUrl } }",
        b=bill["id"],
        p=provider,
        c=callback,
        k=f"try-{provider}",
    )["payBill"]
    assert payment["status"] == "PENDING"
    assert payment["checkoutUrl"].startswith(f"{base}{FAKES_PATH}/{provider.lower()}/")

    page = httpx.get(payment["checkoutUrl"], headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert payment["reference"] in page.text
    done = press(payment["checkoutUrl"], page.text, "Pay")
    assert done.status_code == 200, done.text

    def paid() -> bool:
        data = call(
            base,
            resident,
            "query($id: ID!, $r: String!) { bill(id: $id) { status } "
            "paymentByReference(reference: $r) { status } }",
            id=bill["id"],
            r=payment["reference"],
        )
        return data == {"bill": {"status": "PAID"}, "paymentByReference": {"status": "SUCCEEDED"}}

    until(paid)
    # The demo estate charges no platform fee: the estate is credited the whole bill.
    assert estate_balance(base, admin) == before + Decimal(bill["balanceDue"]["amount"])
    # The fake answered the page again: this checkout is finished.
    assert "already paid" in httpx.get(payment["checkoutUrl"]).text
    return done


def test_a_newcomer_pays_seeded_bills_through_the_fake_providers(tmp_path: Path) -> None:
    with serve(tmp_path, clean_env()) as (base, log):
        assert "Try a provider payment" in log.read_text()
        ada, admin = login(base, ADA.email, ADA.password), login(base, ADMIN.email, ADMIN.password)
        seeded = call(
            base,
            ada,
            "{ wallet { balance { amount } } bills { edges { node { status balanceDue "
            "{ amount } } } } }",
        )
        statuses = sorted(edge["node"]["status"] for edge in seeded["bills"]["edges"])
        assert statuses == [
            "ACKNOWLEDGED",
            "PARTIALLY_PAID",
            "PENDING_ACKNOWLEDGMENT",
            "PENDING_ACKNOWLEDGMENT",
        ]
        assert Decimal(seeded["wallet"]["balance"]["amount"]) > 0  # funded by the seed
        gateways = call(base, admin, "{ gateways { provider isDefault apiBaseUrl } }")
        assert {g["provider"]: g["isDefault"] for g in gateways["gateways"]} == {
            "PAYSTACK": True,
            "FLUTTERWAVE": False,
            "STRIPE": False,
            "BITCOIN": False,
        }

        first, second = pending_bills(base, ada)
        done = pay_through_checkout(base, ada, admin, first, "PAYSTACK")
        # Pay sent the browser on to the callbackUrl, as Paystack does, with the reference.
        assert done.url.path == "/healthz" and "reference" in parse_qs(done.url.query.decode())

    # Restarted on another port: the demo gateways follow the fakes to the new address.
    with serve(tmp_path, clean_env()) as (base, _):
        ada, admin = login(base, ADA.email, ADA.password), login(base, ADMIN.email, ADMIN.password)
        gateways = call(base, admin, "{ gateways { apiBaseUrl } }")["gateways"]
        assert {urlsplit(g["apiBaseUrl"]).netloc for g in gateways} == {urlsplit(base).netloc}
        done = pay_through_checkout(base, ada, admin, second, "FLUTTERWAVE")
        assert "Payment complete" in done.text  # no callbackUrl: the fake's own page

    verify = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "ledger", "verify", "--estate", "demo"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0 and "demo: ok" in verify.stdout, verify.stdout + verify.stderr


def test_the_fakes_are_never_served_in_production(tmp_path: Path) -> None:
    production = Settings(_env_file=None, environment="production")  # type: ignore[call-arg]
    with pytest.raises(RuntimeError, match="never served in production"):
        fake_provider_routes(production, "http://127.0.0.1:8000")
    env = {
        **clean_env(),
        "ENVIRONMENT": "production",
        "SECRET_KEY": "acceptance-test-secret-key-0123456789abcdef",
        "ENCRYPTION_KEY": "YWNjZXB0YW5jZS10ZXN0LWVuY3J5cHRpb24ta2V5LTA=",
    }
    with serve(tmp_path, env) as (base, log):
        assert "Try a provider payment" not in log.read_text()
        assert httpx.get(f"{base}{FAKES_PATH}/paystack/checkout/x").status_code == 404
