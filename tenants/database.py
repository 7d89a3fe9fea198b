"""Database start-up: the Tortoise configuration for both backends, the tenant
transaction opener, and bringing the shared schema to head on first use."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.backends.sqlite.client import SqliteClient
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

from tenants import citus, migrations
from tenants.apps import SHARED_CONNECTION, SHARED_MODELS, TENANT_MODELS
from tenants.reads import ReadSessions
from tenants.scope import (
    GUARD_SCHEMA,
    TENANT_CONNECTION,
    TenantScope,
    TenantScopeError,
    install_backend,
)
from tenants.settings import Settings

# The PostgreSQL pools of a process, each of up to DB_POOL_MAX_SIZE connections: the
# shared tables', the estates' (ORM) and the compiled reads' (tenants.reads).
POOLS = ("shared", "tenant", "reads")
# A pool closes connections idle this long (down to one): a burst's connections are not
# held for the rest of the day.
IDLE_SECONDS = 60.0


async def _keep_connection_as_is(connection: object) -> None:
    """asyncpg resets a connection (4 statements, a round trip) on every release. We
    leave no session state behind: search_path is set per transaction, locks are
    transaction locks. So there is nothing to reset."""


def tortoise_config(settings: Settings) -> dict[str, Any]:
    if settings.database_url:
        pool = {
            "minsize": 1,
            "maxsize": settings.db_pool_max_size,
            "reset": _keep_connection_as_is,
            "max_inactive_connection_lifetime": IDLE_SECONDS,
            "timeout": settings.db_connect_timeout_seconds,  # asyncpg: per new connection
            "command_timeout": settings.db_command_timeout_seconds,
        }
        if settings.db_pgbouncer:
            # Each transaction may run on another server connection: asyncpg's named
            # statements would be missing there, so it keeps none (unnamed ones only).
            pool["statement_cache_size"] = 0
        shared = expand_db_url(settings.database_url)
        shared["credentials"].update(pool)
        tenant = expand_db_url(settings.database_url)
        tenant["credentials"].update(pool)
        for connection in (shared, tenant):
            connection["engine"] = "tenants.pools"  # asyncpg's client on fair pools
        if not settings.db_pgbouncer:
            # PgBouncer refuses a startup `search_path` (and could not keep it per client):
            # there the scope's own `set_config` at the start of each transaction remains,
            # and the router refuses tenant models outside a scope before any SQL.
            tenant["credentials"]["schema"] = GUARD_SCHEMA
    else:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        shared = expand_db_url(f"sqlite://{settings.data_dir / 'shared.sqlite3'}")
        tenant = expand_db_url("sqlite://:memory:")  # the guard: it holds no tables
    return {
        "connections": {SHARED_CONNECTION: shared, TENANT_CONNECTION: tenant},
        "apps": {
            "shared": {"models": SHARED_MODELS, "default_connection": SHARED_CONNECTION},
            "tenant": {"models": TENANT_MODELS, "default_connection": TENANT_CONNECTION},
        },
        "routers": ["tenants.scope.TenantRouter"],
        "use_tz": True,
        "timezone": "UTC",
    }


@asynccontextmanager
async def _postgres_transaction(scope: TenantScope) -> AsyncIterator[BaseDBAsyncClient]:
    async with in_transaction(TENANT_CONNECTION) as tx:
        # Bound parameter and transaction-local: safe under PgBouncer transaction mode.
        await tx.execute_query("SELECT set_config('search_path', $1, true)", [scope.schema])
        yield tx


class SqliteTenantFiles:
    """One SQLite file per estate under `<data_dir>/tenants/`, one client per file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._clients: dict[str, SqliteClient] = {}

    def path(self, scope: TenantScope) -> Path:
        return self.directory / f"{scope.schema}.sqlite3"

    def create(self, scope: TenantScope) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path(scope).touch(exist_ok=True)

    def remove(self, scope: TenantScope) -> None:
        client = self._clients.pop(scope.slug, None)
        if client is not None and client._connection is not None:
            raise TenantScopeError("close the estate's client before removing its file")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path(scope)}{suffix}").unlink(missing_ok=True)

    def _client(self, scope: TenantScope) -> SqliteClient:
        client = self._clients.get(scope.slug)
        if client is None:
            if not self.path(scope).exists():
                raise TenantScopeError(f"estate {scope.slug!r} has no database file")
            client = SqliteClient(
                file_path=str(self.path(scope)),
                connection_name=TENANT_CONNECTION,
                busy_timeout=5000,
            )
            self._clients[scope.slug] = client
        return client

    @asynccontextmanager
    async def transaction(self, scope: TenantScope) -> AsyncIterator[BaseDBAsyncClient]:
        async with self._client(scope)._in_transaction() as tx:
            yield tx

    async def close(self) -> None:
        for client in self._clients.values():
            await client.close()
        self._clients.clear()


_sqlite_files: SqliteTenantFiles | None = None
_read_sessions: ReadSessions | None = None
_citus = False  # DATABASE_DISTRIBUTED=citus: see tenants/citus.py


def sqlite_files() -> SqliteTenantFiles:
    if _sqlite_files is None:
        raise TenantScopeError("not running on the embedded SQLite backend")
    return _sqlite_files


def is_postgres() -> bool:
    return _sqlite_files is None


def read_sessions() -> ReadSessions:
    """The compiled reads' own sessions (PostgreSQL only)."""
    if _read_sessions is None:
        raise TenantScopeError("no PostgreSQL database is open")
    return _read_sessions


def is_citus() -> bool:
    return _citus


async def init_database(settings: Settings) -> None:
    """Connect, install tenant routing and bring the shared schema to head."""
    global _sqlite_files, _read_sessions, _citus
    _citus = bool(settings.database_url) and settings.database_distributed == "citus"
    await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
    if settings.database_url:
        _sqlite_files = None
        _read_sessions = ReadSessions(settings, IDLE_SECONDS)
        install_backend(_postgres_transaction)
    else:
        _sqlite_files = SqliteTenantFiles(settings.data_dir / "tenants")
        install_backend(_sqlite_files.transaction)
    await migrations.migrate_shared(
        get_connection(SHARED_CONNECTION),
        lock_file=None if settings.database_url else settings.data_dir / ".migrate.lock",
    )
    if _citus:  # shared tables a migration just created become reference tables
        await citus.distribute_shared_tables(
            get_connection(SHARED_CONNECTION), migrations.SHARED_LOCK_KEY
        )


async def close_database() -> None:
    global _sqlite_files, _read_sessions, _citus
    _citus = False
    install_backend(None)
    if _read_sessions is not None:
        await _read_sessions.close()
        _read_sessions = None
    if _sqlite_files is not None:
        await _sqlite_files.close()
        _sqlite_files = None
    await Tortoise.close_connections()


async def database_ready() -> bool:
    try:
        await get_connection(SHARED_CONNECTION).execute_query("SELECT 1")
    except Exception:
        return False
    return True


def pools_in_use() -> dict[str, int]:
    """Connections checked out of each PostgreSQL pool now (POOLS); none on SQLite, which
    has no pool."""
    if not is_postgres():
        return {}
    found = {}
    for label, name in (("shared", SHARED_CONNECTION), ("tenant", TENANT_CONNECTION)):
        try:
            pool = getattr(get_connection(name), "_pool", None)
        except Exception:  # not initialised (yet, or any more)
            continue
        if pool is not None:
            found[label] = pool.get_size() - pool.get_idle_size()
    if _read_sessions is not None:
        found["reads"] = _read_sessions.in_use()
    return found


def unreachable_database(exc: BaseException, settings: Settings) -> str | None:
    """One line saying why the database could not be used at start, when that is what
    `exc` is (a missing database, a refused connection, a bad password); else None."""
    import asyncpg
    from tortoise.exceptions import DBConnectionError

    cause: BaseException | None = exc
    while cause is not None and isinstance(cause, DBConnectionError):  # Tortoise's wrapper
        cause = cause.__cause__ or cause.__context__
    exc = cause or exc
    where = _safe_location(settings)
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return f"{exc} at {where}: create it first (createdb), then start again"
    if isinstance(
        exc, asyncpg.InvalidAuthorizationSpecificationError | asyncpg.InvalidPasswordError
    ):
        return f"the database at {where} refused the login: {exc}"
    if isinstance(exc, OSError | TimeoutError | asyncpg.CannotConnectNowError | DBConnectionError):
        return f"cannot connect to the database at {where}: {exc or type(exc).__name__}"
    if isinstance(exc, sqlite3.Error):
        return f"cannot open the embedded database under {settings.data_dir}/: {exc}"
    return None


def _safe_location(settings: Settings) -> str:
    """host:port/name of DATABASE_URL, never its password."""
    if not settings.database_url:
        return str(settings.data_dir)
    url = urlsplit(settings.database_url)
    return f"{url.hostname}:{url.port or 5432}{url.path}"
