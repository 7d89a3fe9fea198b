"""The saved-card half of the fake Stripe: customers, SetupIntents, PaymentMethods,
off-session PaymentIntents and customer portal sessions, as the official SDK calls them.
A test confirms a SetupIntent in the card holder's place (`confirm_setup`) and makes a
saved card decline (`decline`); PaymentIntent events are signed like the others."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

Form = dict[str, str]


@dataclass
class Card:
    id: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int
    customer: str | None = None


@dataclass
class Intent:
    """A SetupIntent (`seti_`) or a PaymentIntent (`pi_`)."""

    id: str
    customer: str
    reference: str
    status: str
    payment_method: str | None = None
    amount: int = 0
    currency: str = ""
    error: dict[str, Any] | None = None
    refunded: int = 0


@dataclass
class StripeCards:
    customers: dict[str, dict[str, Any]] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    setups: dict[str, Intent] = field(default_factory=dict)
    intents: dict[str, Intent] = field(default_factory=dict)
    portals: list[dict[str, str]] = field(default_factory=list)
    # Card id -> the decline_code its next charges fail with (a test's switch).
    declining: dict[str, str] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def customer(self, form: Form, customer_id: str | None = None) -> dict[str, Any]:
        cid = customer_id or f"cus_test_{next(self.ids)}"
        row = self.customers.setdefault(cid, {"object": "customer", "id": cid, "metadata": {}})
        for key in ("email", "name"):
            if key in form:
                row[key] = form[key]
        row["metadata"].update(
            {k[len("metadata[") : -1]: v for k, v in form.items() if k.startswith("metadata[")}
        )
        return row

    def setup(self, form: Form) -> Intent:
        intent = Intent(
            id=f"seti_test_{next(self.ids)}",
            customer=form["customer"],
            reference=form.get("metadata[reference]", ""),
            status="requires_payment_method",
        )
        self.setups[intent.id] = intent
        return intent

    def charge(self, form: Form) -> Intent:
        card = self.cards[form["payment_method"]]
        intent = Intent(
            id=f"pi_test_{next(self.ids)}",
            customer=form["customer"],
            reference=form.get("metadata[reference]", ""),
            status="succeeded",
            payment_method=card.id,
            amount=int(form["amount"]),
            currency=form["currency"],
        )
        if card.customer != intent.customer:
            intent.status = "requires_payment_method"
            intent.error = {"code": "card_declined", "decline_code": "generic_decline"}
        elif decline := self.declining.get(card.id):
            intent.status = "requires_payment_method"
            intent.error = {"code": "card_declined", "decline_code": decline}
        self.intents[intent.id] = intent
        return intent

    # --- what a test does in the card holder's place --------------------------------

    def confirm_setup(
        self,
        setup_id: str,
        brand: str = "visa",
        last4: str = "4242",
        exp_month: int = 12,
        exp_year: int = 2030,
    ) -> Card:
        """The card holder enters a card on the SetupIntent (Stripe.js would)."""
        setup = self.setups[setup_id]
        card = Card(f"pm_test_{next(self.ids)}", brand, last4, exp_month, exp_year, setup.customer)
        self.cards[card.id] = card
        setup.status, setup.payment_method = "succeeded", card.id
        return card

    def setup_for(self, reference: str) -> Intent:
        return next(s for s in self.setups.values() if s.reference == reference)

    def intent_for(self, reference: str) -> Intent:
        return next(i for i in self.intents.values() if i.reference == reference)

    def decline(self, card_id: str, decline_code: str = "generic_decline") -> None:
        self.declining[card_id] = decline_code


def card_json(card: Card) -> dict[str, Any]:
    return {
        "object": "payment_method",
        "id": card.id,
        "type": "card",
        "customer": card.customer,
        "card": {
            "brand": card.brand,
            "last4": card.last4,
            "exp_month": card.exp_month,
            "exp_year": card.exp_year,
        },
    }


def intent_json(intent: Intent) -> dict[str, Any]:
    setup = intent.id.startswith("seti_")
    body: dict[str, Any] = {
        "object": "setup_intent" if setup else "payment_intent",
        "id": intent.id,
        "customer": intent.customer,
        "status": intent.status,
        "payment_method": intent.payment_method,
        "client_secret": f"{intent.id}_secret_fake",
        "metadata": {"reference": intent.reference},
    }
    if not setup:
        received = intent.amount if intent.status == "succeeded" else 0
        body.update(amount=intent.amount, currency=intent.currency, amount_received=received)
        error = intent.error
        body["last_payment_error"] = {"type": "card_error", **error} if error else None
    return body


def invalid(message: str) -> dict[str, Any]:
    return {"error": {"type": "invalid_request_error", "message": message}}


def not_found(what: str) -> JSONResponse:
    return JSONResponse(invalid(f"No such {what}"), 404)


class CardApi:
    """The routes, on the fake Stripe's checks (`refused`) and form parsing."""

    def __init__(
        self,
        cards: StripeCards,
        refused: Callable[[Request], Awaitable[JSONResponse | None]],
        form: Callable[[Request], Awaitable[Form]],
    ) -> None:
        self.cards, self.refused, self.form = cards, refused, form
        self.replies: dict[str, tuple[dict[str, Any], int]] = {}

    def routes(self) -> list[Route]:
        return [
            Route("/v1/customers", self.create_customer, methods=["POST"]),
            Route("/v1/customers/{id}", self.customer, methods=["GET", "POST"]),
            Route("/v1/setup_intents", self.create_setup, methods=["POST"]),
            Route("/v1/setup_intents/{id}", self.setup, methods=["GET"]),
            Route("/v1/setup_intents/{id}/cancel", self.cancel_setup, methods=["POST"]),
            Route("/v1/payment_methods/{id}", self.payment_method, methods=["GET"]),
            Route("/v1/payment_methods/{id}/detach", self.detach, methods=["POST"]),
            Route("/v1/payment_intents", self.create_intent, methods=["POST"]),
            Route("/v1/payment_intents/{id}", self.intent, methods=["GET"]),
            Route("/v1/billing_portal/sessions", self.portal, methods=["POST"]),
        ]

    async def once(
        self, request: Request, make: Callable[[Form], tuple[dict[str, Any], int]]
    ) -> JSONResponse:
        """Stripe answers a repeated Idempotency-Key with the first answer, doing nothing."""
        if refused := await self.refused(request):
            return refused
        key = request.headers.get("idempotency-key")
        if key and key in self.replies:
            return JSONResponse(*self.replies[key])
        body, status = make(await self.form(request))
        if key:
            self.replies[key] = (body, status)
        return JSONResponse(body, status)

    async def create_customer(self, request: Request) -> JSONResponse:
        return await self.once(request, lambda form: (self.cards.customer(form), 200))

    async def customer(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        cid = request.path_params["id"]
        if cid not in self.cards.customers:
            return not_found("customer")
        form = await self.form(request) if request.method == "POST" else {}
        return JSONResponse(self.cards.customer(form, cid))

    async def create_setup(self, request: Request) -> JSONResponse:
        return await self.once(request, lambda form: (intent_json(self.cards.setup(form)), 200))

    async def setup(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        found = self.cards.setups.get(request.path_params["id"])
        return JSONResponse(intent_json(found)) if found else not_found("setup_intent")

    async def cancel_setup(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        found = self.cards.setups.get(request.path_params["id"])
        if found is None:
            return not_found("setup_intent")
        if found.status == "succeeded":  # as Stripe: a finished setup cannot be canceled
            return JSONResponse(invalid("This SetupIntent has succeeded"), 400)
        found.status = "canceled"
        return JSONResponse(intent_json(found))

    async def payment_method(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        found = self.cards.cards.get(request.path_params["id"])
        return JSONResponse(card_json(found)) if found else not_found("payment_method")

    async def detach(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        found = self.cards.cards.get(request.path_params["id"])
        if found is None or found.customer is None:
            return not_found("attached payment_method")
        found.customer = None
        return JSONResponse(card_json(found))

    async def create_intent(self, request: Request) -> JSONResponse:
        def make(form: Form) -> tuple[dict[str, Any], int]:
            if form.get("payment_method") not in self.cards.cards:
                return invalid("No such payment_method"), 400
            intent = self.cards.charge(form)
            if intent.error is None:
                return intent_json(intent), 200
            error = {
                "type": "card_error",
                "message": "Your card was declined.",
                **intent.error,
                "payment_intent": intent_json(intent),
            }
            return {"error": error}, 402

        return await self.once(request, make)

    async def intent(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        found = self.cards.intents.get(request.path_params["id"])
        return JSONResponse(intent_json(found)) if found else not_found("payment_intent")

    async def portal(self, request: Request) -> JSONResponse:
        def make(form: Form) -> tuple[dict[str, Any], int]:
            if form.get("customer") not in self.cards.customers:
                return invalid("No such customer"), 400
            n = next(self.cards.ids)
            session = {
                "object": "billing_portal.session",
                "id": f"bps_test_{n}",
                "customer": form["customer"],
                "return_url": form.get("return_url", ""),
                "url": f"https://billing.fake-stripe/session/bps_test_{n}",
            }
            self.cards.portals.append(session)
            return session, 200

        return await self.once(request, make)
