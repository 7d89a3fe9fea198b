"""`estatepay tenants migrate` killed half-way (SIGKILL, no goodbye) and started again
finishes the rest and applies nothing twice."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from tortoise.connection import get_connection

from tenants import migrations
from tenants.models import Estate
from tenants.scope import schema_for
from tests.conftest import DATABASE_URL, make_estate

pytestmark = pytest.mark.usefixtures("database")

VERSION = "14_20990101000000_kill_drill"
# Slow enough that the kill lands while estates remain; the shared log row shows every
# application that committed, and ADD without IF NOT EXISTS fails if applied again.
DRILL = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        SELECT pg_sleep(0.3);
        ALTER TABLE "properties" ADD "drill_note" VARCHAR(20);
        INSERT INTO public.kill_drill_log (schema_name) VALUES (current_schema());"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''
ESTATES = 12


async def migrate(root: Path, *args: str) -> asyncio.subprocess.Process:
    script = (
        "import pathlib, sys, tenants.migrations as m; "
        f"m.MIGRATIONS_ROOT = pathlib.Path({str(root)!r}); "
        "from estatepay.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "REDIS_URL": ""}
    env.pop("DATABASE_DISTRIBUTED", None)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, "tenants", "migrate", *args,
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


async def applied(slugs: list[str]) -> dict[str, int]:
    """Per estate: rows of the drill's version in its aerich table."""
    union = " UNION ALL ".join(
        f"SELECT '{slug}' AS slug, count(*) AS n FROM \"{schema_for(slug)}\".aerich "
        f"WHERE version = '{VERSION}'"
        for slug in slugs
    )
    rows = await get_connection("shared").execute_query_dict(union)
    return {str(r["slug"]): int(r["n"]) for r in rows}


async def test_a_killed_migrate_run_resumes_and_touches_nothing_twice(tmp_path: Path) -> None:
    await Estate.all().delete()  # the registry holds exactly these estates
    slugs = [(await make_estate(f"k{i}")).slug for i in range(ESTATES)]
    shared = get_connection("shared")
    await shared.execute_script(
        "DROP TABLE IF EXISTS kill_drill_log; CREATE TABLE kill_drill_log (schema_name TEXT)"
    )
    root = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_ROOT, root)
    (root / "postgres" / "tenant" / f"{VERSION}.py").write_text(DRILL)

    first = await migrate(root, "--concurrency", "2")
    while sum((await applied(slugs)).values()) < 2:  # half-way: some done, most not
        assert first.returncode is None, await first.communicate()
        await asyncio.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    await first.communicate()
    done = sum((await applied(slugs)).values())
    assert 2 <= done < ESTATES

    second = await migrate(root, "--concurrency", "3")
    out, err = await second.communicate()
    assert second.returncode == 0, err.decode()
    assert out.decode().strip().splitlines()[-1] == (
        f"{ESTATES} estates, {ESTATES - done} migrations applied, 0 failed"
    )
    assert await applied(slugs) == dict.fromkeys(slugs, 1)
    logged = await shared.execute_query_dict(
        "SELECT schema_name, count(*) AS n FROM kill_drill_log GROUP BY schema_name"
    )
    assert {str(r["schema_name"]): int(r["n"]) for r in logged} == {
        schema_for(slug): 1 for slug in slugs
    }
    await shared.execute_script("DROP TABLE kill_drill_log")
