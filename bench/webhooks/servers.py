"""The helper servers the webhooks bench starts: the bare route and the fake Paystack."""

from __future__ import annotations

import argparse
from typing import Any

from bench.common import serve_app
from estatepay.demo.fakes.paystack import FakePaystack, Transaction


def bare_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    async def receive(request: Request) -> Response:
        await request.body()  # the shim reads the whole body too
        return JSONResponse({"received": True})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/healthz", healthz, methods=["GET"]),
            Route("/webhooks/{provider}/{tenant_slug}", receive, methods=["POST"]),
        ]
    )


def serve_bare(args: argparse.Namespace) -> int:
    # The same uvicorn settings as `estatepay serve`: one worker, defaults, access log on.
    return serve_app(bare_app(), args.port)


def serve_paystack(args: argparse.Namespace) -> int:
    """The fake Paystack, plus a route that records completed checkouts in bulk."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    fake = FakePaystack(args.secret)
    app = fake.app()

    async def completed(request: Request) -> Response:
        for tx in await request.json():
            fake.transactions[tx["reference"]] = Transaction(
                tx["id"], tx["reference"], tx["amount"], tx["currency"], tx["email"], "success"
            )
        return JSONResponse({"transactions": len(fake.transactions)})

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    app.router.routes += [
        Route("/bench/completed", completed, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
    ]
    # Not under test: no access log, less of the cores taken from what is.
    return serve_app(app, args.port, log_level="warning")
