"""GraphiQL with no internet: headless Chromium that can resolve no host but 127.0.0.1
loads `estatepay serve`'s GraphiQL page (its scripts and styles served from the package,
`estatepay/graphiql.py`) and runs a query with the demo admin's token."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from estatepay.graphiql import offline_page
from tests.acceptance.test_dashboard_browser import ADMIN
from tests.acceptance.test_serve import clean_env, login, serve
from tests.browser import chromium

WAIT = 60
# Every host name resolves to nothing but 127.0.0.1 itself: a CDN request fails.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


def test_graphiql_page_names_no_host_of_the_internet() -> None:
    page = offline_page()
    assert "unpkg" not in page and "https://" not in page.replace("https://github.com", "")
    assert page.count('src="/graphiql/') == 5 and page.count('href="/graphiql/') == 2


def test_graphiql_runs_a_query_with_the_network_blocked(tmp_path: Path) -> None:
    driver = chromium(OFFLINE)
    try:
        with serve(tmp_path, clean_env()) as (base, _):
            # The browser really is offline: a CDN address does not load.
            with pytest.raises(WebDriverException, match="ERR_NAME_NOT_RESOLVED"):
                driver.get("https://unpkg.com/react@18.2.0/umd/react.production.min.js")
            for asset in ("graphiql@3.8.3/graphiql.min.js", "graphiql@3.8.3/graphiql.min.css"):
                assert httpx.get(f"{base}/graphiql/{asset}").status_code == 200

            token = login(base, ADMIN.email, ADMIN.password)
            headers = json.dumps({"Authorization": f"Bearer {token}", "X-Tenant": "demo"})
            query = "{ estate { slug name } }"
            driver.get(f"{base}/graphql?q={quote(query)}&headers={quote(headers)}")
            WebDriverWait(driver, WAIT).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, ".graphiql-execute-button"),
                "GraphiQL never rendered",
            )
            driver.find_element(By.CSS_SELECTOR, ".graphiql-execute-button").click()

            def answer() -> str:
                text: str = driver.execute_script(
                    "const el = document.querySelector('.graphiql-response .CodeMirror');"
                    "return el ? el.CodeMirror.getValue() : '';"
                )
                return text

            deadline = time.monotonic() + WAIT
            while '"slug": "demo"' not in answer():
                assert time.monotonic() < deadline, answer() or driver.get_log("browser")
                time.sleep(0.2)
            # Everything the page loaded came from the server itself.
            loaded: list[str] = driver.execute_script(
                "return performance.getEntriesByType('resource').map((r) => r.name)"
            )
            assert loaded and all(url.startswith(base) for url in loaded), loaded
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            assert errors == [], errors
    finally:
        driver.quit()
