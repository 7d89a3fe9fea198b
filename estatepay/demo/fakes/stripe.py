"""A fake Stripe API: Checkout Sessions, refunds and balance as the official SDK calls
them (form-encoded requests, JSON answers), plus webhooks signed the way Stripe signs
them: `t=<time>,v1=HMAC-SHA256(secret, "<time>.<body>")`, computed here without the SDK."""

from __future__ import annotations

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

from estatepay.demo.fakes.base import FakeApi
from estatepay.demo.fakes.checkout import CheckoutView, checkout_routes, major, usable_return_url
from estatepay.demo.fakes.stripe_cards import CardApi, StripeCards, intent_json
from estatepay.demo.fakes.stripe_catalog import CatalogApi, StripeCatalog


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
    success_url: str | None = None


@dataclass
class FakeStripe(FakeApi[tuple[int, dict[str, Any]]]):
    """`failing_with`: the HTTP status and Stripe error object every call answers (e.g.
    402 and a card_error)."""

    webhook_secret: str
    sessions: dict[str, Session] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    # Stripe answers a repeated Idempotency-Key with the first answer, doing nothing.
    replies: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Customers, saved cards and off-session charges (estatepay.demo.fakes.stripe_cards).
    cards: StripeCards = field(default_factory=StripeCards)
    # Products and prices (`estatepay stripe sync` keeps billing plans there).
    catalog: StripeCatalog = field(default_factory=StripeCatalog)

    def app(self) -> Starlette:
        cards = CardApi(self.cards, self.refused, _form)
        return Starlette(
            routes=[
                Route("/v1/checkout/sessions", self.create, methods=["POST"]),
                Route("/v1/checkout/sessions/{id}", self.retrieve, methods=["GET"]),
                Route("/v1/refunds", self.refund, methods=["POST"]),
                Route("/v1/balance", self.balance, methods=["GET"]),
                *cards.routes(),
                *CatalogApi(self.catalog, self.refused, _form, cards.once).routes(),
                *checkout_routes(self),
            ]
        )

    def failure(self, failing: tuple[int, dict[str, Any]]) -> JSONResponse:
        status, error = failing
        return JSONResponse({"error": error}, status)

    def invalid_key(self) -> JSONResponse:
        return JSONResponse(
            {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}},
            401,
        )

    async def create(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        form = await _form(request)
        n = next(self.ids)
        session = Session(
            id=f"cs_test_{n}",
            reference=str(form["metadata[reference]"]),
            amount=int(str(form["line_items[0][price_data][unit_amount]"])),
            currency=str(form["line_items[0][price_data][currency]"]),
            payment_intent=f"pi_test_{n}",
            success_url=form.get("success_url"),
        )
        self.sessions[session.id] = session
        return JSONResponse(self._session(session))

    async def retrieve(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        session = self.sessions.get(request.path_params["id"])
        if session is None:
            return JSONResponse(
                {"error": {"type": "invalid_request_error", "message": "No such checkout.session"}},
                404,
            )
        return JSONResponse(self._session(session))

    async def refund(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        key = request.headers.get("idempotency-key")
        if key in self.replies:
            return JSONResponse(self.replies[key])
        form = await _form(request)
        # A Checkout Session's payment, or an off-session charge of a saved card.
        paid = (
            next(
                (s for s in self.sessions.values() if s.payment_intent == form["payment_intent"]),
                None,
            )
            or self.cards.intents[form["payment_intent"]]
        )
        paid.refunded += int(str(form["amount"]))
        reply = {
            "object": "refund",
            "id": f"re_test_{next(self.ids)}",
            "amount": int(str(form["amount"])),
            "status": "succeeded",
        }
        if key:
            self.replies[key] = reply
        return JSONResponse(reply)

    async def balance(self, request: Request) -> JSONResponse:
        return await self.refused(request) or JSONResponse(
            {"object": "balance", "available": [], "pending": []}
        )

    def _session(self, s: Session) -> dict[str, Any]:
        return {
            "object": "checkout.session",
            "id": s.id,
            "url": self.checkout_link(s.id, "checkout.fake-stripe"),
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

    def complete(self, reference: str, amount: int | None = None) -> Session:
        """The payer pays; `amount` (minor units): what Stripe then reports as paid."""
        session = self.session_for(reference)
        session.payment_status, session.status = "paid", "complete"
        if amount is not None:
            session.amount = amount
        return session

    def webhook(
        self,
        reference: str,
        *,
        secret: str | None = None,
        timestamp: int | None = None,
        type: str = "checkout.session.completed",
    ) -> tuple[bytes, dict[str, str]]:
        session = self.session_for(reference)
        body = json.dumps(
            {
                "id": f"evt_{session.id}" + ("" if type.endswith(".completed") else f"_{type}"),
                "object": "event",
                "type": type,
                "data": {"object": self._session(session)},
            }
        ).encode()
        return body, self.signed(body, secret, timestamp)

    def signed(
        self, body: bytes, secret: str | None = None, timestamp: int | None = None
    ) -> dict[str, str]:
        t = timestamp or int(time.time())
        signature = hmac.new(
            (secret or self.webhook_secret).encode(),
            f"{t}.{body.decode()}".encode(),
            hashlib.sha256,
        ).hexdigest()
        return {"stripe-signature": f"t={t},v1={signature}", "content-type": "application/json"}

    def intent_webhook(
        self, intent_id: str, type: str, event_id: str | None = None
    ) -> tuple[bytes, dict[str, str]]:
        """The signed event about a SetupIntent or PaymentIntent, e.g.
        `setup_intent.succeeded`, `payment_intent.succeeded`."""
        cards = self.cards
        intent = cards.setups.get(intent_id) or cards.intents[intent_id]
        body = json.dumps(
            {
                "id": event_id or f"evt_{intent_id}_{type}",
                "object": "event",
                "type": type,
                "data": {"object": intent_json(intent)},
            }
        ).encode()
        return body, self.signed(body)

    # --- the hosted checkout page (estatepay.demo.fakes.checkout) ---------------------

    def checkout(self, key: str) -> CheckoutView | None:
        s = self.sessions.get(key)
        if s is None:
            return None
        state = (
            "paid" if s.payment_status == "paid" else "open" if s.status == "open" else "declined"
        )
        return CheckoutView("Stripe", s.reference, major(s.amount, s.currency), state)

    def settle(self, key: str, paid: bool) -> tuple[bytes, dict[str, str]]:
        session = self.sessions[key]
        if paid:
            self.complete(session.reference)
            return self.webhook(session.reference)
        # A declined card leaves a real session open for another try; the fake ends it
        # the way Stripe eventually does, so the demo shows a failed payment at once.
        session.status = "expired"
        return self.webhook(session.reference, type="checkout.session.expired")

    def return_url(self, key: str, paid: bool) -> str | None:
        url = usable_return_url(self.sessions[key].success_url) if paid else None
        # Stripe fills in this template variable of the success URL.
        return url.replace("{CHECKOUT_SESSION_ID}", key) if url else None
