"""Read-only sessions of their own for the compiled read path (PostgreSQL).

A compiled read is one SELECT per root field. In a transaction of the tenant pool it costs
three round trips (BEGIN with SET LOCAL, the statement, COMMIT) and, with parameters,
PostgreSQL plans its large statements afresh on every execution. On these sessions it costs
one round trip and no planning: each session is read-only (`default_transaction_read_only`),
keeps generic plans (`plan_cache_mode`), and keeps the search_path of the estate it last
read, set again only when a read is for another estate. Nothing else uses these
connections, so their session state never reaches the ORM's tenant scopes.

Under PgBouncer (transaction pooling) a session is not ours to keep: the reads run in a
transaction of the tenant pool instead, with the same settings made local to it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import asyncpg
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.connection import get_connection

from tenants.pools import create_fair_pool
from tenants.scope import GUARD_SCHEMA, TENANT_CONNECTION
from tenants.settings import Settings

Statements = Sequence[tuple[str, Sequence[Any]]]  # SQL and its parameters
SESSION_SETTINGS = {
    "default_transaction_read_only": "on",
    "plan_cache_mode": "force_generic_plan",
    "search_path": GUARD_SCHEMA,
}


class ReadSession(asyncpg.Connection):
    """A connection that remembers which estate's schema its search_path names."""

    schema = GUARD_SCHEMA


async def _keep_session(connection: object) -> None:
    """No reset on release: the session's state is what the next read wants."""


class ReadSessions:
    def __init__(self, settings: Settings, idle_seconds: float) -> None:
        assert settings.database_url is not None
        credentials = expand_db_url(settings.database_url)["credentials"]
        self.connect = {
            key: credentials[key]
            for key in ("host", "port", "user", "password", "database")
            if credentials.get(key) is not None
        }
        self.size = settings.db_pool_max_size
        self.connect_timeout = settings.db_connect_timeout_seconds
        self.command_timeout = settings.db_command_timeout_seconds
        self.pgbouncer = settings.db_pgbouncer
        self.idle_seconds = idle_seconds
        self._pool: asyncpg.Pool | None = None
        self._opening = asyncio.Lock()

    async def fetch(self, schema: str, statements: Statements) -> list[Any]:
        """Each statement's first row, read in the estate schema `schema`."""
        if self.pgbouncer:
            return await _in_transaction(schema, statements)
        pool = self._pool or await self._open()
        async with pool.acquire() as connection:
            session: ReadSession = connection._con
            if session.schema != schema:
                session.schema = GUARD_SCHEMA  # until the server has said yes
                await connection.execute(f'SET search_path TO "{schema}"')
                session.schema = schema
            # One prepared statement per estate: its plan resolved that estate's tables,
            # and PostgreSQL would re-plan it whenever the search_path differs.
            return [
                await connection.fetchrow(f"/* {schema} */ {sql}", *values)
                for sql, values in statements
            ]

    async def _open(self) -> asyncpg.Pool:
        async with self._opening:
            if self._pool is None:
                self._pool = await create_fair_pool(
                    **self.connect,
                    min_size=1,
                    max_size=self.size,
                    timeout=self.connect_timeout,
                    command_timeout=self.command_timeout,
                    server_settings=SESSION_SETTINGS,
                    connection_class=ReadSession,
                    reset=_keep_session,
                    max_inactive_connection_lifetime=self.idle_seconds,
                )
            return self._pool

    def in_use(self) -> int:
        pool = self._pool
        return 0 if pool is None else pool.get_size() - pool.get_idle_size()

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()


async def _in_transaction(schema: str, statements: Statements) -> list[Any]:
    async with get_connection(TENANT_CONNECTION).acquire_connection() as connection:
        await connection.execute(
            f'BEGIN READ ONLY; SET LOCAL search_path TO "{schema}";'
            " SET LOCAL plan_cache_mode TO force_generic_plan"
        )
        try:
            found = [await connection.fetchrow(sql, *values) for sql, values in statements]
        except BaseException:
            if not connection.is_closed():
                await connection.execute("ROLLBACK")
            raise
        await connection.execute("COMMIT")
    return found
