"""Running a plan's statements in the estate's schema and taking their JSON text as is."""

from __future__ import annotations

import weakref
from typing import Any

from tortoise.connection import get_connection

from schema.compiled.dialect import sqlite_cursor, sqlite_iso, sqlite_rate
from tenants.apps import SHARED_CONNECTION
from tenants.database import is_postgres, read_sessions
from tenants.scope import TENANT_CONNECTION, schema_for, tenant_scope

Rows = list[bytes] | None
_with_functions: weakref.WeakSet[Any] = weakref.WeakSet()


async def run_statements(
    slug: str,
    statements: list[str],
    params: list[list[Any]],
    caller_check: tuple[str, list[Any]] | None = None,
) -> Rows:
    """Each statement's JSON, or None when a guard failed or a value came back empty
    (graphql-core then answers, with the error). `caller_check`: a statement on the shared
    database that must answer 1 first (SQLite, where it is another file)."""
    if is_postgres():
        return await _postgres(schema_for(slug), statements, params)
    if caller_check is not None:
        _, rows = await get_connection(SHARED_CONNECTION).execute_query(*caller_check)
        if not rows or not rows[0][0]:
            return None
    async with tenant_scope(slug):
        connection = get_connection(TENANT_CONNECTION)._connection
        await _install_functions(connection)
        found = []
        for sql, values in zip(statements, params, strict=True):
            async with connection.execute(sql, values) as cursor:
                found.append(await cursor.fetchone())
    return _json(found)


async def _postgres(schema: str, statements: list[str], params: list[list[Any]]) -> Rows:
    return _json(await read_sessions().fetch(schema, list(zip(statements, params, strict=True))))


def _json(rows: list[Any]) -> Rows:
    if any(row is None or row[0] is None or not row[1] for row in rows):
        return None
    return [row[0].encode() for row in rows]


async def _install_functions(connection: Any) -> None:
    """SQLite lacks base64, timezone-aware formatting and the shortest float text: Python
    supplies them."""
    if connection not in _with_functions:
        await connection.create_function("ep_iso", 1, sqlite_iso, deterministic=True)
        await connection.create_function("ep_cursor", 2, sqlite_cursor, deterministic=True)
        await connection.create_function("ep_rate", 2, sqlite_rate, deterministic=True)
        _with_functions.add(connection)
