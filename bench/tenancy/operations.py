"""What the tenancy bench times: a page of properties routed to the estate, and its baselines."""

from __future__ import annotations

import logging
from typing import Any

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.connection import get_connections

from bench.tenancy.world import PAGE_CAP, PAGE_SIZE, PROPERTIES, TARGET_SLUG, Operation, Statement
from services.pagination import Page, paginate
from services.properties import catalog
from services.properties.models import Property
from tenants import scope
from tenants.scope import TENANT_CONNECTION, TenantScope, tenant_scope

# --- the timed operations -----------------------------------------------------------


async def check_page(page: Page[Any], where: str) -> None:
    """The page, and its totalCount as a client asking for it gets (in the same
    transaction: call inside the scope)."""
    total = await page.count()
    if len(page.items) != PAGE_SIZE or total != PROPERTIES or not page.has_next_page:
        raise AssertionError(
            f"{where}: {len(page.items)} items, total {total}, has_next_page {page.has_next_page}"
        )


async def routed_page(slug: str) -> None:
    async with tenant_scope(slug):
        page = await catalog.list_properties(PAGE_SIZE, None, PAGE_CAP)
        await check_page(page, slug)


async def routed_once() -> None:
    await routed_page(TARGET_SLUG)


async def scope_only_once() -> None:
    async with tenant_scope(TARGET_SLUG):
        pass


def make_rotating(slugs: list[str]) -> Operation:
    position = 0

    async def once() -> None:
        nonlocal position
        slug = slugs[position % len(slugs)]
        position += 1
        await routed_page(slug)

    return once


class SqlCapture(logging.Handler):
    """Collects the statements Tortoise sends (it logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[Statement] = []

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and len(record.args) == 2:
            query, values = record.args
            params: list[Any] = list(values) if isinstance(values, list | tuple) else []
            self.statements.append((str(query), params))


async def capture_routed_sql() -> list[Statement]:
    logger = logging.getLogger("tortoise.db_client")
    capture = SqlCapture()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        await routed_once()
    finally:
        logger.removeHandler(capture)
        logger.setLevel(level)
        logger.propagate = propagate
    return capture.statements


async def asyncpg_client(url: str, name: str, schema: str) -> AsyncpgDBClient:
    credentials: dict[str, Any] = expand_db_url(url)["credentials"]
    client = AsyncpgDBClient(
        connection_name=name, **{**credentials, "schema": schema, "minsize": 1, "maxsize": 1}
    )
    await client.create_connection(with_db=True)
    return client


def make_routed_on(client: AsyncpgDBClient) -> Operation:
    """The routed operation, unchanged, with the tenant connection swapped for `client`
    (a tenant pool on the one-estate copy of the database) for this call only."""

    async def once() -> None:
        token = get_connections().set(TENANT_CONNECTION, client)
        try:
            await routed_once()
        finally:
            get_connections().reset(token)

    return once


def make_orm_baseline(client: AsyncpgDBClient) -> Operation:
    async def once() -> None:
        # TenantModel asks the current scope which estate a loaded row belongs to; set the
        # context variable alone (it opens no transaction and sets no search_path).
        token = scope._current.set(TenantScope(TARGET_SLUG))
        try:
            async with client._in_transaction() as tx:
                page = await paginate(Property.all().using_db(tx), PAGE_SIZE, None, PAGE_CAP)
                await check_page(page, "baseline ORM")
        finally:
            scope._current.reset(token)

    return once


def make_raw_baseline(pool: asyncpg.Pool, queries: list[Statement]) -> Operation:
    # The page runs first, then the count (totalCount is counted when asked for).
    (count_sql, count_args), (page_sql, page_args) = sorted(
        queries, key=lambda query: "COUNT(" not in query[0].upper()
    )

    async def once() -> None:
        async with pool.acquire() as conn, conn.transaction():
            total = await conn.fetchval(count_sql, *count_args)
            rows = await conn.fetch(page_sql, *page_args)
        if total != PROPERTIES or len(rows) != PAGE_SIZE + 1:
            raise AssertionError(f"baseline raw: total {total}, {len(rows)} rows")

    return once
