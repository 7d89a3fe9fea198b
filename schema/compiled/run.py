"""Running a plan's statements in the estate's scope and taking their JSON text as is."""

from __future__ import annotations

import weakref
from typing import Any

from tortoise.connection import get_connection

from schema.compiled.dialect import sqlite_cursor, sqlite_iso
from tenants.database import is_postgres
from tenants.scope import TENANT_CONNECTION, tenant_scope

_with_functions: weakref.WeakSet[Any] = weakref.WeakSet()


async def run_statements(
    slug: str, statements: list[str], params: list[list[Any]]
) -> list[bytes] | None:
    """Each statement's JSON, or None when a guard failed or a value came back empty
    (graphql-core then answers, with the error)."""
    found: list[bytes] = []
    async with tenant_scope(slug):
        connection = get_connection(TENANT_CONNECTION)._connection  # type: ignore[attr-defined]
        for sql, values in zip(statements, params, strict=True):
            if is_postgres():
                row = await connection.fetchrow(sql, *values)
            else:
                await _install_functions(connection)
                async with connection.execute(sql, values) as cursor:
                    row = await cursor.fetchone()
            if row is None or row[0] is None or not row[1]:
                return None
            found.append(row[0].encode())
    return found


async def _install_functions(connection: Any) -> None:
    """SQLite lacks base64 and timezone-aware formatting: Python supplies them."""
    if connection not in _with_functions:
        await connection.create_function("ep_iso", 1, sqlite_iso, deterministic=True)
        await connection.create_function("ep_cursor", 2, sqlite_cursor, deterministic=True)
        _with_functions.add(connection)
