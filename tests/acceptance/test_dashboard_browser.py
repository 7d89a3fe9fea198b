"""The live dashboard page in headless Chromium (Debian's, driven by Selenium through
Debian's chromedriver: nothing is downloaded): sign in, read the figures, and watch the
collected figure change, without a reload, when a resident pays through the API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from estatepay.demo.seed import LOGINS
from tests.acceptance.test_serve import clean_env, gql, login, serve
from tests.browser import chromium
from tests.conftest import DATABASE_URL, REDIS_URL, recreate_database

WAIT = 30  # seconds: generous, the page only has to get there eventually
ADMIN = next(x for x in LOGINS if x.role == "estate admin")
ADA = next(x for x in LOGINS if x.role == "resident")


@pytest.fixture(scope="module")
def browsers() -> Iterator[list[webdriver.Chrome]]:
    started: list[webdriver.Chrome] = []
    yield started
    for driver in started:
        driver.quit()


@pytest.fixture
def open_browser(browsers: list[webdriver.Chrome]) -> Iterator[Callable[[], webdriver.Chrome]]:
    """The module's one browser, started by the test's first call: a machine without one
    fails the test (not an error, never a skip) saying how to get it (`tests.browser`)."""

    def started() -> webdriver.Chrome:
        if not browsers:
            browsers.append(chromium())
        return browsers[0]

    yield started
    # The page's console, printed after each test: pytest shows it when one fails.
    for driver in browsers:
        for entry in driver.get_log("browser"):
            print(entry["message"])


def by_testid(driver: WebDriver, testid: str) -> Any:
    return driver.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]')


def wait_for_amount(driver: WebDriver, testid: str, amount: str) -> None:
    WebDriverWait(driver, WAIT).until(
        lambda d: by_testid(d, testid).get_attribute("data-amount") == amount,
        f"{testid} never showed {amount}",
    )


def seed_bills(base: str) -> tuple[str, list[str]]:
    """Ada gets 100.00 in her wallet and acknowledged bills of 40.00 and 15.00: (her token,
    the bills' ids)."""
    admin = login(base, ADMIN.email, ADMIN.password)
    ada = gql(
        base,
        f'{{ residents(search: "{ADA.email}") {{ edges {{ node {{ id wallet {{ id }} }} }} }} }}',
        admin,
        "demo",
    )["residents"]["edges"][0]["node"]
    gql(
        base,
        f'mutation {{ adjustWallet(walletId: "{ada["wallet"]["id"]}", amount: "100.00", '
        'reason: "cash", idempotencyKey: "browser-seed") { id } }',
        admin,
        "demo",
    )
    token = login(base, ADA.email, ADA.password)
    bills = []
    for amount in ("40.00", "15.00"):
        bill = gql(
            base,
            f'mutation {{ createBill(input: {{residentId: "{ada["id"]}", title: "Water", '
            f'type: WATER, amount: "{amount}", dueDate: "2030-01-01"}}) {{ id }} }}',
            admin,
            "demo",
        )["createBill"]
        gql(base, f'mutation {{ acknowledgeBill(id: "{bill["id"]}") {{ status }} }}', token, "demo")
        bills.append(str(bill["id"]))
    return token, bills


def pay(base: str, token: str, bill: str) -> None:
    paid = gql(
        base,
        f'mutation {{ payBillFromWallet(billId: "{bill}", idempotencyKey: "pay-{bill}") '
        "{ status } }",
        token,
        "demo",
    )
    assert paid["payBillFromWallet"]["status"] == "SUCCEEDED"


def sign_in(driver: WebDriver, base: str) -> None:
    driver.get(f"{base}/dashboard?estate=demo")
    by_testid(driver, "email").send_keys(ADMIN.email)
    by_testid(driver, "password").send_keys(ADMIN.password)
    by_testid(driver, "signin-button").click()
    WebDriverWait(driver, WAIT).until(lambda d: by_testid(d, "dashboard").is_displayed())


@pytest.fixture(params=["embedded", "postgres"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    env = clean_env()
    env["DB_POOL_MAX_SIZE"] = "4"  # a shared PostgreSQL: take few connections
    args: list[str] = []
    if request.param == "postgres":
        url = f"{DATABASE_URL}_browser"  # this run's own database, next to the test one
        asyncio.run(recreate_database(url))
        env.update(DATABASE_URL=url, REDIS_URL=REDIS_URL)
        args.append("--demo")
    with serve(tmp_path, env, *args) as (base, _):
        yield base


def bars(driver: WebDriver) -> list[str]:
    """The revenue bars' exact amounts, read in one go (the chart is redrawn on updates)."""
    amounts: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('[data-testid=\"revenue-series\"] rect')]"
        ".map((bar) => bar.dataset.amount)"
    )
    return amounts


FIGURES = (
    "{ dashboard(period: %s) { collected { amount } outstanding { amount } collectionRate "
    "billsByStatus { status count } } }"
)


def figures(base: str, period: str = "DAY") -> dict[str, Any]:
    """What the API says now: the page must show the same. (The demo estate comes with
    bills and payments of its own, so the test reasons in differences.)"""
    admin = login(base, ADMIN.email, ADMIN.password)
    return dict(gql(base, FIGURES % period, admin, "demo")["dashboard"])


def shows(driver: WebDriver, expected: dict[str, Any]) -> None:
    wait_for_amount(driver, "collected", expected["collected"]["amount"])
    wait_for_amount(driver, "outstanding", expected["outstanding"]["amount"])
    rate = f"{expected['collectionRate'] * 100:.1f}%"
    counts = {row["status"]: str(row["count"]) for row in expected["billsByStatus"]}
    # Read in one go, and waited for: a later push may redraw the figures meanwhile.
    WebDriverWait(driver, WAIT).until(
        lambda d: (
            d.execute_script(
                "return [document.querySelector('[data-testid=\"collection-rate\"]').textContent,"
                " Object.fromEntries([...document.querySelectorAll('[data-testid^=\"status-\"]')]"
                ".map((row) => [row.dataset.status, row.querySelectorAll('td')[1].textContent]))]"
            )
            == [rate, counts]
        ),
        f"the page never showed rate {rate} and counts {counts}",
    )


def test_dashboard_follows_a_payment_live(
    open_browser: Callable[[], WebDriver], server: str
) -> None:
    browser = open_browser()
    ada, (first, second) = seed_bills(server)
    before = figures(server)
    sign_in(browser, server)
    shows(browser, before)
    assert by_testid(browser, "estate-name").text == "Palm Grove Estate"
    rows = browser.find_elements(By.CSS_SELECTOR, '[data-testid="bills-by-status"] tr')
    assert len(rows) == 7
    assert len(bars(browser)) == 24
    live = by_testid(browser, "live-status")
    WebDriverWait(browser, WAIT).until(
        lambda d: live.get_attribute("data-state") == "live", "the page never subscribed"
    )

    # A mark on this document: still there afterwards means the page was not reloaded.
    browser.execute_script("window.sameDocument = true")
    pay(server, ada, first)
    after = figures(server)
    assert Decimal(after["collected"]["amount"]) == Decimal(before["collected"]["amount"]) + 40
    shows(browser, after)
    assert browser.execute_script("return window.sameDocument") is True
    # Pushed over the one subscription, not re-queried after a reconnect.
    assert live.get_attribute("data-connections") == "1"
    assert int(live.get_attribute("data-pushes") or 0) >= 1
    assert by_testid(browser, "collected").text == f"NGN {Decimal(after['collected']['amount']):,}"

    by_testid(browser, "period-YEAR").click()
    WebDriverWait(browser, WAIT).until(lambda d: len(bars(d)) == 12)

    # Dropped connection: a payment made while it is down is missed by pub/sub, and the
    # page catches up by re-querying once it is back (the 8 s backoff outlasts the call).
    browser.execute_script("state.retry = 3; state.socket.close()")
    WebDriverWait(browser, WAIT).until(lambda d: live.get_attribute("data-state") != "live")
    pushes = live.get_attribute("data-pushes")  # final for the old socket: it is closed
    pay(server, ada, second)
    WebDriverWait(browser, WAIT).until(lambda d: live.get_attribute("data-connections") == "2")
    wait_for_amount(browser, "collected", figures(server, "YEAR")["collected"]["amount"])
    assert live.get_attribute("data-pushes") == pushes
    assert browser.execute_script("return window.sameDocument") is True


def test_residents_and_stale_tokens_are_shown_the_sign_in_form(
    open_browser: Callable[[], WebDriver], server: str
) -> None:
    browser = open_browser()
    browser.get(f"{server}/dashboard?estate=demo")
    by_testid(browser, "email").send_keys(ADA.email)
    by_testid(browser, "password").send_keys(ADA.password)
    by_testid(browser, "signin-button").click()
    WebDriverWait(browser, WAIT).until(lambda d: by_testid(d, "signin-error").text)
    assert "admin" in by_testid(browser, "signin-error").text
    assert not by_testid(browser, "dashboard").is_displayed()
    # A token that no longer works, left in the tab's storage: back to signing in.
    browser.execute_script(
        "sessionStorage.setItem('estatepay.dashboard', "
        "JSON.stringify({token: 'expired', tenant: 'demo'}))"
    )
    browser.refresh()
    WebDriverWait(browser, WAIT).until(lambda d: by_testid(d, "signin-form").is_displayed())
    WebDriverWait(browser, WAIT).until(lambda d: by_testid(d, "signin-error").text)
    assert not by_testid(browser, "dashboard").is_displayed()
    assert browser.execute_script("return sessionStorage.getItem('estatepay.dashboard')") is None
