"""The reads bench's baseline: a bare route answering each page with one asyncpg query."""

from __future__ import annotations

import argparse
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import asyncpg

from bench.common import (
    asyncpg_dsn,
    serve_app,
)
from bench.reads.world import PAGE_A, PAGE_B

# --- the baseline app (runs in its own process) -------------------------------------

BASELINE_A = """
SELECT b.id, b.number, b.status, b.amount, b.currency,
       array(SELECT p.reference FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS refs,
       array(SELECT p.amount FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS amounts,
       array(SELECT p.status FROM payments p WHERE p.bill_id = b.id
             ORDER BY p.created_at, p.id) AS statuses
FROM bills b WHERE b.resident_id = $1
ORDER BY b.created_at DESC, b.id DESC LIMIT $2
"""
BASELINE_B = """
SELECT id, number, title, status, due_date, created_at FROM bills
ORDER BY created_at DESC, id DESC LIMIT $1
"""


def baseline_app(dsn: str, schema: str, pool_size: int) -> Any:
    """Two routes, each ONE asyncpg query, answering what the GraphQL server answers."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from services.money import to_major  # the same formatting of amounts as the API

    pool: asyncpg.Pool | None = None

    def respond(edges: list[dict[str, Any]]) -> Response:
        body = json.dumps({"data": {"bills": {"edges": edges}}}, separators=(",", ":"))
        return Response(body, media_type="application/json")

    async def bills_with_payments(request: Request) -> Response:
        await request.body()
        assert pool is not None
        resident = uuid.UUID(request.query_params["resident"])
        rows = await pool.fetch(BASELINE_A, resident, PAGE_A)
        edges = []
        for r in rows:
            currency = r["currency"]
            payments = [
                {"reference": ref, "amount": {"amount": str(to_major(amt, currency))}, "status": st}
                for ref, amt, st in zip(r["refs"], r["amounts"], r["statuses"], strict=True)
            ]
            node = {
                "id": str(r["id"]),
                "number": r["number"],
                "status": r["status"],
                "amount": {"amount": str(to_major(r["amount"], currency)), "currency": currency},
                "payments": payments,
            }
            edges.append({"node": node})
        return respond(edges)

    async def estate_bills(request: Request) -> Response:
        await request.body()
        assert pool is not None
        rows = await pool.fetch(BASELINE_B, PAGE_B)
        edges = [
            {
                "node": {
                    "id": str(r["id"]),
                    "number": r["number"],
                    "title": r["title"],
                    "status": r["status"],
                    "dueDate": r["due_date"].isoformat(),
                    "createdAt": r["created_at"].isoformat(),
                }
            }
            for r in rows
        ]
        return respond(edges)

    async def healthz(request: Request) -> Response:
        return Response('{"status":"ok"}', media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal pool
        pool = await asyncpg.create_pool(
            dsn, min_size=1, max_size=pool_size, server_settings={"search_path": schema}
        )
        try:
            yield
        finally:
            await pool.close()

    return Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/a", bills_with_payments, methods=["POST"]),
            Route("/b", estate_bills, methods=["POST"]),
        ],
        lifespan=lifespan,
    )


def serve_baseline(args: argparse.Namespace) -> int:
    app = baseline_app(asyncpg_dsn(args.database_url), args.schema, args.pool_size)
    # The same uvicorn settings as `estatepay serve`: one worker, defaults, access log on.
    return serve_app(app, args.port)
