"""A fake Stripe API: Checkout Sessions, refunds and balance as the official SDK calls
them (form-encoded requests, JSON answers), plus webhooks signed the way Stripe signs
them: `t=<time>,v1=HMAC-SHA256(secret, "<time>.<body>")`, computed here without the SDK."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def _form(request: Request) -> dict[str, str]:
    """Stripe's SDK posts form-encoded bodies with bracketed keys."""
    return dict(parse_qsl((await request.body()).decode()))


@dataclass
class Session:
    id: str
    reference: str
    amount: int
    currency: str
    payment_intent: str
    payment_status: str = "unpaid"
    status: str = "open"
    refunded: int = 0


@dataclass
class FakeStripe:
    secret_key: str
    webhook_secret: str
    sessions: dict[str, Session] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    # Test switches: answer every call with this HTTP status and Stripe error object
    # (e.g. 402 and a card_error); answer every call this many seconds late.
    failing_with: tuple[int, dict[str, Any]] | None = None
    delay: float = 0.0

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v1/checkout/sessions", self.create, methods=["POST"]),
                Route("/v1/checkout/sessions/{id}", self.retrieve, methods=["GET"]),
                Route("/v1/refunds", self.refund, methods=["POST"]),
                Route("/v1/balance", self.balance, methods=["GET"]),
            ]
        )

    async def _refused(self, request: Request) -> JSONResponse | None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failing_with:
            status, error = self.failing_with
            return JSONResponse({"error": error}, status)
        if request.headers.get("authorization") != f"Bearer {self.secret_key}":
            return JSONResponse(
                {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}},
                401,
            )
        return None

    async def create(self, request: Request) -> JSONResponse:
        if refused := await self._refused(request):
            return refused
        form = await _form(request)
        n = next(self.ids)
        session = Session(
            id=f"cs_test_{n}",
            reference=str(form["metadata[reference]"]),
            amount=int(str(form["line_items[0][price_data][unit_amount]"])),
            currency=str(form["line_items[0][price_data][currency]"]),
            payment_intent=f"pi_test_{n}",
        )
        self.sessions[session.id] = session
        return JSONResponse(self._session(session))

    async def retrieve(self, request: Request) -> JSONResponse:
        if refused := await self._refused(request):
            return refused
        session = self.sessions.get(request.path_params["id"])
        if session is None:
            return JSONResponse(
                {"error": {"type": "invalid_request_error", "message": "No such checkout.session"}},
                404,
            )
        return JSONResponse(self._session(session))

    async def refund(self, request: Request) -> JSONResponse:
        if refused := await self._refused(request):
            return refused
        form = await _form(request)
        session = next(
            s for s in self.sessions.values() if s.payment_intent == form["payment_intent"]
        )
        session.refunded += int(str(form["amount"]))
        return JSONResponse(
            {
                "object": "refund",
                "id": f"re_test_{next(self.ids)}",
                "amount": int(str(form["amount"])),
                "status": "succeeded",
            }
        )

    async def balance(self, request: Request) -> JSONResponse:
        return await self._refused(request) or JSONResponse(
            {"object": "balance", "available": [], "pending": []}
        )

    def _session(self, s: Session) -> dict[str, Any]:
        return {
            "object": "checkout.session",
            "id": s.id,
            "url": f"https://checkout.fake-stripe/{s.id}",
            "amount_total": s.amount,
            "currency": s.currency,
            "status": s.status,
            "payment_status": s.payment_status,
            "payment_intent": s.payment_intent,
            "client_reference_id": s.reference,
            "metadata": {"reference": s.reference},
        }

    def session_for(self, reference: str) -> Session:
        return next(s for s in self.sessions.values() if s.reference == reference)

    def complete(self, reference: str) -> Session:
        session = self.session_for(reference)
        session.payment_status, session.status = "paid", "complete"
        return session

    def webhook(
        self, reference: str, *, secret: str | None = None, timestamp: int | None = None
    ) -> tuple[bytes, dict[str, str]]:
        session = self.session_for(reference)
        body = json.dumps(
            {
                "id": f"evt_{session.id}",
                "object": "event",
                "type": "checkout.session.completed",
                "data": {"object": self._session(session)},
            }
        ).encode()
        t = timestamp or int(time.time())
        signature = hmac.new(
            (secret or self.webhook_secret).encode(),
            f"{t}.{body.decode()}".encode(),
            hashlib.sha256,
        ).hexdigest()
        return body, {
            "stripe-signature": f"t={t},v1={signature}",
            "content-type": "application/json",
        }
