"""A throwaway 3-node Citus cluster for the session (bench/citus_cluster.py), and the
`database` these tests use on it: distributed (DATABASE_DISTRIBUTED=citus).

Run alone: `python -m pytest -m citus -n 0 tests/citus` (the default run deselects them).
Without Citus installed they fail, saying how to install it; they never skip."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bench.citus_cluster import Cluster, citus_installed, free_base_port, recreate_distributed
from services.identity.accounts import create_platform_admin
from tenants.database import close_database, init_database
from tenants.settings import Settings
from tests.conftest import PASSWORD, make_settings


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    if not citus_installed():
        pytest.fail(
            "Citus is not installed: run `bash ../shared/citus/build.sh` from the project root",
            pytrace=False,
        )
    # Not under pytest's tmp_path: the nodes run as `postgres`, which cannot enter it.
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="estatepay-citus-")), free_base_port())
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
async def database(redis: Redis, cluster: Cluster) -> AsyncIterator[Settings]:
    url = cluster.url("estatepay_test")
    await recreate_distributed(url)
    settings = make_settings(database_url=url, database_distributed="citus", db_pool_max_size=5)
    await init_database(settings)
    await create_platform_admin("operator@test.example", PASSWORD, "Operator")
    yield settings
    await close_database()
