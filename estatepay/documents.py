"""The document routes: `GET /bills/{id}/invoice.pdf`, `/receipts/{id}.pdf` and
`/statements/{resident id}.csv|.pdf?from=&to=`, with the GraphQL API's headers and rights
(another estate's or another resident's document is 404, like NOT_FOUND)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from resolvers import documents
from resolvers.context import RequestContext, build_context
from services import validation
from services.errors import (
    UNAVAILABLE_MESSAGE,
    DomainError,
    NotFound,
    ValidationFailed,
    is_outage,
)
from services.identity.throttle import FailureCounter
from tenants.settings import Settings

log = logging.getLogger("estatepay.documents")
STATUS = {
    "UNAUTHENTICATED": 401,
    "FORBIDDEN": 403,
    "NOT_FOUND": 404,
    "VALIDATION_ERROR": 400,
    "UNAVAILABLE": 503,
}
MEDIA = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}

Handler = Callable[[RequestContext, Request], Awaitable[tuple[str, bytes]]]


def _id(request: Request, name: str) -> str:
    """A path id that is not a UUID names nothing: 404, as an unknown one."""
    value = str(request.path_params[name])
    if not validation.UUID_PATTERN.fullmatch(value):
        raise NotFound("not found", field=name)
    return value


def _date(request: Request, name: str) -> date | None:
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationFailed(f"{name} must be a date (YYYY-MM-DD)", field=name) from exc


async def _invoice(ctx: RequestContext, request: Request) -> tuple[str, bytes]:
    return await documents.invoice_pdf(ctx, _id(request, "bill_id"))


async def _receipt(ctx: RequestContext, request: Request) -> tuple[str, bytes]:
    return await documents.receipt_pdf(ctx, _id(request, "payment_id"))


async def _statement(ctx: RequestContext, request: Request) -> tuple[str, bytes]:
    as_pdf = request.path_params["format"] == "pdf"
    return await documents.statement_file(
        ctx,
        _id(request, "resident_id"),
        _date(request, "from"),
        _date(request, "to"),
        as_pdf,
    )


def document_routes(settings: Settings, login_failures: FailureCounter) -> list[Route]:
    def serve(
        handler: Handler, kind: str | None = None
    ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            fmt = kind or request.path_params.get("format", "pdf")
            if fmt not in MEDIA:
                return JSONResponse({"error": "not found"}, status_code=404)
            try:
                ctx = await build_context(
                    settings,
                    login_failures,
                    request.client.host if request.client else "unknown",
                    request.headers.get("authorization"),
                    request.headers.get("x-tenant"),
                )
                ctx.request = request
                name, body = await handler(ctx, request)
            except DomainError as exc:
                status = STATUS.get(exc.code, 500)
                return JSONResponse(
                    {"error": {"code": exc.code, "message": exc.message, "field": exc.field}},
                    status_code=status,
                )
            except Exception as exc:
                if not is_outage(exc):
                    raise
                return JSONResponse(
                    {"error": {"code": "UNAVAILABLE", "message": UNAVAILABLE_MESSAGE}},
                    status_code=503,
                )
            return Response(
                body,
                media_type=MEDIA[fmt],
                headers={
                    "Content-Disposition": f'inline; filename="{name}"',
                    "Cache-Control": "private, no-store",
                },
            )

        return endpoint

    return [
        Route("/bills/{bill_id}/invoice.pdf", serve(_invoice, "pdf"), methods=["GET"]),
        Route("/receipts/{payment_id}.pdf", serve(_receipt, "pdf"), methods=["GET"]),
        Route("/statements/{resident_id}.{format}", serve(_statement), methods=["GET"]),
    ]
