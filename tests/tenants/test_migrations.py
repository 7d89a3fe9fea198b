from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from tortoise.connection import get_connection

from services.estates import provisioning
from tenants import migrations
from tenants.models import Estate
from tests.conftest import DATABASE_URL, make_estate, recreate_database

pytestmark = pytest.mark.usefixtures("database")

NEW_MIGRATION = '''from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE "gate_passes" ("id" UUID NOT NULL PRIMARY KEY, "code" VARCHAR(20) NOT NULL);
        ALTER TABLE "properties" ADD "gate_count" INT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''


def add_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Ship a new tenant migration: the real ones plus one, in a copy of the folder."""
    root = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_ROOT, root)
    (root / "postgres" / "tenant" / "1_20990101000000_gate_passes.py").write_text(NEW_MIGRATION)
    monkeypatch.setattr(migrations, "MIGRATIONS_ROOT", root)
    return "1_20990101000000_gate_passes"


async def versions(slug: str) -> set[str]:
    rows = await get_connection("shared").execute_query_dict(
        f'SELECT version FROM "t_{slug.replace("-", "_")}".aerich'
    )
    return {r["version"] for r in rows}


async def test_migrate_reaches_50_estates_and_resumes_after_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Start from a registry holding exactly these 50 estates, then ship a migration.
    await Estate.all().delete()
    slugs = [(await make_estate(f"m{i}")).slug for i in range(50)]
    extra_migration = add_migration(tmp_path, monkeypatch)
    # Sabotage half of them so the new migration fails there, mid-run.
    shared = get_connection("shared")
    for slug in slugs[::2]:
        await shared.execute_script(
            f'CREATE TABLE "t_{slug.replace("-", "_")}".gate_passes (id INT)'
        )
    progress: list[tuple[str, int, int, str | None]] = []
    report = await provisioning.migrate_all_estates(
        concurrency=8, on_progress=lambda *args: progress.append(args)
    )
    assert report.estates == 50 and len(progress) == 50
    assert set(report.failed) == set(slugs[::2])
    assert report.applied == 25
    for slug in slugs[::2]:  # a failed estate stays at its previous clean version
        assert extra_migration not in await versions(slug)

    for slug in slugs[::2]:  # the operator mends the cause...
        await shared.execute_script(f'DROP TABLE "t_{slug.replace("-", "_")}".gate_passes')
    rerun = await provisioning.migrate_all_estates(concurrency=8)  # ...and re-runs
    assert rerun.failed == {} and rerun.applied == 25
    for slug in slugs:
        assert extra_migration in await versions(slug)
    assert (await provisioning.migrate_all_estates()).applied == 0  # idempotent


async def test_concurrent_migrators_on_one_estate_apply_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = await make_estate()
    add_migration(tmp_path, monkeypatch)
    counts = await asyncio.gather(*(provisioning.migrate_estate(fixture.slug) for _ in range(4)))
    assert sorted(counts) == [0, 0, 0, 1]


async def test_every_command_brings_an_empty_database_to_head_concurrently() -> None:
    url = DATABASE_URL + "_fresh"
    await recreate_database(url)
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": ""}
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "estatepay.cli",
            "tenants",
            "list",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(3)
    ]
    outputs = [await p.communicate() for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0], outputs
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT version FROM aerich WHERE app = 'shared'")
        assert len(rows) == len(migrations.available("postgres", "shared"))
    finally:
        await conn.close()


def test_both_dialects_have_the_same_migration_history() -> None:
    for app in ("shared", "tenant"):
        pg = [m.version.split("_", 2)[2] for m in migrations.available("postgres", app)]
        lite = [m.version.split("_", 2)[2] for m in migrations.available("sqlite", app)]
        assert pg == lite and pg, app


def test_statements_are_split_without_breaking_strings() -> None:
    sql = "CREATE TABLE a (x TEXT DEFAULT 'a;b');\nINSERT INTO a VALUES ('c');\n"
    assert migrations.split_statements(sql) == [
        "CREATE TABLE a (x TEXT DEFAULT 'a;b');",
        "INSERT INTO a VALUES ('c');",
    ]


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """A model change without `estatepay makemigrations` fails here."""
    shutil.copytree(migrations.MIGRATIONS_ROOT, tmp_path / "m")
    before = sorted(p.name for p in (tmp_path / "m").rglob("*.py"))
    script = (
        "import pathlib, tenants.migrations as m; "
        f"m.MIGRATIONS_ROOT = pathlib.Path({str(tmp_path / 'm')!r}); "
        "m.generate('drift')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "m").rglob("*.py")) == before, result.stdout


async def test_a_process_starting_on_a_migrated_database_takes_no_lock() -> None:
    """Every `serve` and `worker` start brings the shared schema to head. At head that is
    reads only: the locked path's DDL waited behind estates being created on Citus, and
    a worker starting beside them timed out. Here another session holds the lock."""
    holder = await asyncpg.connect(DATABASE_URL)
    try:
        await holder.execute("SELECT pg_advisory_lock($1)", migrations.SHARED_LOCK_KEY)
        db = get_connection("shared")
        ran = await asyncio.wait_for(migrations.migrate_shared(db, lock_file=None), 10)
        assert ran == 0
    finally:
        await holder.close()
