"""Fixtures for the API tests that need background work done."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

from estatepay.demo.fakes.esplora import FakeChain, FakeRates
from estatepay.demo.fakes.server import serving
from tests.bitcoin_world import RATE
from tests.conftest import DATABASE_URL, REDIS_URL


@pytest.fixture(scope="module")
def worker_env() -> dict[str, str]:
    """More environment for the module's worker: a test module overrides this fixture
    (e.g. with SMTP and SMS settings pointing at fakes)."""
    return {}


@pytest.fixture(scope="module")
def worker(
    database: Any, worker_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": database.secret_key,
        **worker_env,
    }
    # Its output to a file, never a pipe nobody reads: a pipe's buffer full of log lines
    # stops the worker mid-job (every job after it "timed out", and so did its shutdown).
    output = tmp_path_factory.mktemp("worker") / "worker.log"
    with output.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "estatepay.cli", "worker", "--threads", "2"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    time.sleep(1.5)
    assert process.poll() is None, output.read_text(errors="replace")
    yield
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError(output.read_text(errors="replace")[-4000:]) from None


@pytest.fixture(scope="session")
def graphql_core_app(database: Any) -> Any:
    """The app with the compiled read path off: graphql-core answers every operation (the
    reference the compiled path is compared with, byte for byte)."""
    from estatepay.app import create_app

    return create_app(database.model_copy(update={"compiled_reads": False}))


@pytest.fixture
def fake_chain() -> Iterator[tuple[FakeChain, str]]:
    """A fake Bitcoin chain's Esplora API (tests/bitcoin_world.py)."""
    chain = FakeChain()
    with serving(chain.app()) as url:
        yield chain, url


@pytest.fixture
def fake_rates() -> Iterator[tuple[FakeRates, str]]:
    rates = FakeRates(prices={"ngn": RATE})
    with serving(rates.app()) as url:
        yield rates, url
