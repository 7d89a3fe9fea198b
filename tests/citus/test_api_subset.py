"""The API's tests for estates, bills, wallets and payments, run unchanged against the
cluster (DATABASE_DISTRIBUTED=citus, the coordinator as TEST_DATABASE_URL), in a pytest of
their own: their fixtures and workers read the database from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.citus_cluster import Cluster

pytestmark = pytest.mark.citus

ROOT = Path(__file__).resolve().parents[2]
SUBSET = [
    "tests/graphql/test_estates.py",
    "tests/graphql/test_bills.py",
    "tests/graphql/test_wallet_concurrency.py",
    "tests/graphql/test_wallet_gateway.py",
    "tests/graphql/test_provider_payments.py",
    "tests/graphql/test_manual_payments.py",
    "tests/graphql/test_prepayment_credit.py",
    "tests/graphql/test_underpayment.py",
]


def test_the_api_subset_passes_on_the_cluster(cluster: Cluster) -> None:
    env = {
        **os.environ,
        "TEST_DATABASE_URL": cluster.url("estatepay_test_api"),
        "DATABASE_DISTRIBUTED": "citus",
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *SUBSET],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in summary and "skipped" not in summary, summary
