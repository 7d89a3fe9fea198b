"""Gapless per-estate numbers (bills, receipts) from a one-row counter table."""

from __future__ import annotations

from tortoise.connection import get_connection
from tortoise.exceptions import IntegrityError

from tenants.scope import TENANT_CONNECTION, TenantModel, savepoint


async def advance(counter: type[TenantModel], by: int) -> int:
    """The counter's last number after adding `by`, in one statement. The row is updated
    in the caller's transaction: concurrent callers queue on it, and a rollback gives the
    numbers back, so they have no gaps or duplicates."""
    db = get_connection(TENANT_CONNECTION)
    mark = "?" if db.capabilities.dialect == "sqlite" else "$1"
    table = counter._meta.db_table
    sql = f"UPDATE {table} SET last_number = last_number + {mark} WHERE id = 1"
    while True:
        # execute_query_dict: Tortoise's execute_query drops RETURNING rows of an UPDATE.
        rows = await db.execute_query_dict(sql + " RETURNING last_number", [by])
        if rows:
            return int(rows[0]["last_number"])
        try:  # the estate's first number: start the counter (once, whoever wins)
            async with savepoint():
                await counter.create(id=1, last_number=0)
        except IntegrityError:
            pass
