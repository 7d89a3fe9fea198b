"""Headless Chromium for the browser tests: Debian's browser driven by Selenium through
Debian's chromedriver, so nothing is downloaded. `scripts/test-machine` installs both."""

from __future__ import annotations

import os
import shutil

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
HOW_TO_GET_IT = (
    "the browser tests need Debian's chromium and chromium-driver: run "
    "`sudo bash scripts/test-machine` (it installs them, with PostgreSQL and Redis), or "
    "`apt-get install chromium chromium-driver`; CHROMIUM and CHROMEDRIVER name others"
)


def missing() -> str | None:
    """What is missing to drive a browser, said as how to get it; None when all is there."""
    absent = [path for path in (CHROMIUM, CHROMEDRIVER) if not shutil.which(path)]
    return f"{', '.join(absent)} not found: {HOW_TO_GET_IT}" if absent else None


def chromium(*arguments: str) -> webdriver.Chrome:
    """A headless Chromium; fails the calling test (not an error) saying how to get one."""
    if reason := missing():
        pytest.fail(reason, pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # shown on failure
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        *arguments,
    ):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
