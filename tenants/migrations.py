"""Applies aerich's migration files ourselves, so that one set of tenant migrations
reaches every estate schema (aerich's SQL carries no schema prefix: we set
`search_path`) and each estate records what it has in its own `aerich` table.

Each migration runs in its own transaction together with its bookkeeping row, so a run
that fails half-way leaves every estate at a clean version and a re-run resumes.
"""

from __future__ import annotations

import asyncio
import fcntl
import importlib.util
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from tortoise.backends.base.client import BaseDBAsyncClient

import migrations as migrations_package
from tenants.apps import SHARED_MODELS, TENANT_MODELS

MIGRATIONS_ROOT = Path(migrations_package.__file__).parent
SHARED_APP = "shared"
TENANT_APP = "tenant"
SHARED_LOCK_KEY = 0x657374617465  # any constant shared by every process of this app


@dataclass(frozen=True)
class Migration:
    version: str
    path: Path

    async def upgrade_sql(self, db: BaseDBAsyncClient) -> str:
        # Loaded once per file and dialect: aerich's upgrade() only returns its SQL, and
        # provisioning thousands of estates should not import 14 modules for each.
        key = (self.path, dialect_of(db))
        if key not in _UPGRADE_SQL:
            spec = importlib.util.spec_from_file_location(f"_migration_{self.version}", self.path)
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            _UPGRADE_SQL[key] = str(await module.upgrade(db))
        return _UPGRADE_SQL[key]


_UPGRADE_SQL: dict[tuple[Path, str], str] = {}


def dialect_of(db: BaseDBAsyncClient) -> str:
    return "sqlite" if db.capabilities.dialect == "sqlite" else "postgres"


def available(dialect: str, app: str) -> list[Migration]:
    folder = MIGRATIONS_ROOT / dialect / app
    files = sorted(folder.glob("[0-9]*_*.py"), key=lambda p: int(p.name.split("_", 1)[0]))
    return [Migration(p.stem, p) for p in files]


def split_statements(sql: str) -> list[str]:
    """Statement by statement: SQLite's executescript would commit our transaction."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return [s for s in statements if s.rstrip(";").strip()]


BOOKKEEPING_DDL = {
    "postgres": "CREATE TABLE IF NOT EXISTS aerich (id SERIAL PRIMARY KEY, "
    "version VARCHAR(255) NOT NULL, app VARCHAR(100) NOT NULL, content JSONB NOT NULL)",
    "sqlite": "CREATE TABLE IF NOT EXISTS aerich (id INTEGER PRIMARY KEY AUTOINCREMENT, "
    "version VARCHAR(255) NOT NULL, app VARCHAR(100) NOT NULL, content JSON NOT NULL)",
}


async def applied_versions(db: BaseDBAsyncClient, app: str) -> set[str]:
    await db.execute_script(BOOKKEEPING_DDL[dialect_of(db)])
    placeholder = "?" if dialect_of(db) == "sqlite" else "$1"
    rows = await db.execute_query_dict(
        f"SELECT version FROM aerich WHERE app = {placeholder}", [app]
    )
    return {row["version"] for row in rows}


async def apply(db: BaseDBAsyncClient, app: str, migration: Migration) -> None:
    """Run one migration on `db`, which must already be inside a transaction."""
    for statement in split_statements(await migration.upgrade_sql(db)):
        await db.execute_script(statement)
    placeholders = "?, ?, ?" if dialect_of(db) == "sqlite" else "$1, $2, $3"
    await db.execute_query(
        f"INSERT INTO aerich (version, app, content) VALUES ({placeholders})",
        [migration.version, app, "{}"],
    )


async def apply_all(
    db: BaseDBAsyncClient, app: str, pending: list[Migration], one_script: bool = True
) -> None:
    """Several migrations on `db`, inside the caller's one transaction: a new estate's
    schema is built whole or not at all. On PostgreSQL with `one_script` in one round
    trip (a script of every statement, then one bookkeeping insert), several times faster
    than one by one. Citus refuses a script of DDL in a distributed schema ("cannot insert
    multiple commands into a prepared statement": it sends each command on to the worker):
    there statement by statement, still in the one transaction."""
    if dialect_of(db) == "sqlite":
        for migration in pending:
            await apply(db, app, migration)
        return
    script = ";\n".join([await m.upgrade_sql(db) for m in pending])
    for statement in [script] if one_script else split_statements(script):
        await db.execute_script(statement)
    await db.execute_query(
        "INSERT INTO aerich (version, app, content) SELECT v, $1, '{}' FROM unnest($2::text[]) v",
        [app, [m.version for m in pending]],
    )


@asynccontextmanager
async def _file_lock(path: Path | None) -> AsyncIterator[None]:
    if path is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        await asyncio.to_thread(fcntl.flock, handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


async def migrate_shared(db: BaseDBAsyncClient, lock_file: Path | None) -> int:
    """Bring the shared schema to head; safe when several processes start at once
    (a PostgreSQL advisory lock, or a file lock for SQLite). Returns how many ran."""
    dialect = dialect_of(db)
    if dialect == "postgres" and await _shared_at_head(db):
        return 0  # every process start: reads only, no lock, no DDL
    ran = 0
    async with _file_lock(lock_file):
        for migration in available(dialect, SHARED_APP):
            async with db._in_transaction() as tx:
                if dialect == "postgres":
                    await tx.execute_query("SELECT pg_advisory_xact_lock($1)", [SHARED_LOCK_KEY])
                    await tx.execute_script("CREATE SCHEMA IF NOT EXISTS tenant_guard")
                if migration.version in await applied_versions(tx, SHARED_APP):
                    continue
                await apply(tx, SHARED_APP, migration)
                ran += 1
    return ran


async def _shared_at_head(db: BaseDBAsyncClient) -> bool:
    """The shared schema has every migration, read without a lock or DDL. On Citus the
    DDL of the locked path (IF NOT EXISTS included) goes to every node and waited on
    estates being created: a worker starting beside them timed out after 30 s."""
    rows = await db.execute_query_dict(
        "SELECT to_regclass('aerich') IS NOT NULL AS bookkept, "
        "to_regnamespace($1) IS NOT NULL AS guarded",
        ["tenant_guard"],
    )
    if not (rows[0]["bookkept"] and rows[0]["guarded"]):
        return False
    done = await db.execute_query_dict("SELECT version FROM aerich WHERE app = $1", [SHARED_APP])
    versions = {row["version"] for row in done}
    return all(m.version in versions for m in available("postgres", SHARED_APP))


def generate(name: str) -> None:
    """Write aerich migrations for model changes, for both dialects and both apps,
    offline (no database needed). Developers run `estatepay makemigrations NAME`.
    Each runs in its own process: aerich keeps its state in class attributes."""
    for dialect in ("postgres", "sqlite"):
        for app in (SHARED_APP, TENANT_APP):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "tenants.migrations",
                    str(MIGRATIONS_ROOT),
                    dialect,
                    app,
                    name,
                ],
                check=True,
            )


async def _generate_one(root: str, dialect: str, app: str, name: str) -> None:
    from aerich import Command
    from tortoise import Tortoise

    url = {"postgres": "postgres://localhost/unused", "sqlite": "sqlite://:memory:"}[dialect]
    models = SHARED_MODELS if app == SHARED_APP else TENANT_MODELS
    config = {
        "connections": {"default": url},
        "apps": {app: {"models": [*models, "aerich.models"], "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }
    command = Command(tortoise_config=config, app=app, location=str(Path(root) / dialect))
    if not list((Path(root) / dialect / app).glob("[0-9]*_*.py")):
        await command._do_init(safe=True, offline=True)
        print(f"{dialect}/{app}: initial migration written")
    else:
        await Tortoise.init(config=config)
        await command.init(offline=True)
        written = await command.migrate(name, no_input=True, offline=True)
        print(f"{dialect}/{app}: {written or 'no changes'}")
    await Tortoise.close_connections()


if __name__ == "__main__":
    asyncio.run(_generate_one(*sys.argv[1:5]))
