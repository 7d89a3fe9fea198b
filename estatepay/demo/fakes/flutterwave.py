"""A fake Flutterwave v3: the endpoints estatepay uses, amounts in major units as JSON
numbers (as the real API sends them), and webhooks carrying the `verif-hash`."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from estatepay.demo.fakes.base import FakeApi
from estatepay.demo.fakes.checkout import (
    CheckoutView,
    checkout_routes,
    usable_return_url,
    with_query,
)
from estatepay.demo.fakes.transfers import TransferDesk, flutterwave_routes, flutterwave_webhook


@dataclass
class Transaction:
    id: int
    tx_ref: str
    amount: Decimal
    currency: str
    status: str = "pending"
    refunded: Decimal = Decimal(0)
    processor_response: str | None = None
    redirect_url: str | None = None
    email: str = ""
    # The card that paid, with its token for later charges.
    card: dict[str, Any] | None = None


@dataclass
class FakeFlutterwave(FakeApi[int]):
    """`failing_with`: the HTTP status every call fails with."""

    webhook_hash: str
    transactions: dict[str, Transaction] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(5000))
    # Transfers (payouts): banks, accounts and transfers by reference.
    desk: TransferDesk = field(default_factory=TransferDesk)
    # Card token -> the processor_response its charges now fail with (a test's switch).
    declining: dict[str, str] = field(default_factory=dict)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/payments", self.payments, methods=["POST"]),
                Route("/transactions/verify_by_reference", self.verify, methods=["GET"]),
                Route("/transactions/{id:int}/refund", self.refund, methods=["POST"]),
                Route("/balances", self.balances, methods=["GET"]),
                Route("/tokenized-charges", self.tokenized_charge, methods=["POST"]),
                *flutterwave_routes(self),
                *checkout_routes(self),
            ]
        )

    def failure(self, failing: int) -> JSONResponse:
        return JSONResponse({"status": "error", "message": "down"}, failing)

    def invalid_key(self) -> JSONResponse:
        return JSONResponse({"status": "error", "message": "Invalid authorization key"}, 401)

    async def payments(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        tx = Transaction(
            next(self.ids),
            body["tx_ref"],
            Decimal(str(body["amount"])),
            body["currency"],
            redirect_url=body.get("redirect_url"),
            email=str((body.get("customer") or {}).get("email") or ""),
        )
        self.transactions[tx.tx_ref] = tx
        link = self.checkout_link(tx.tx_ref, "checkout.fake-flw")
        return JSONResponse({"status": "success", "message": "Hosted Link", "data": {"link": link}})

    async def verify(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        tx = self.transactions.get(request.query_params.get("tx_ref", ""))
        if tx is None:
            return JSONResponse({"status": "error", "message": "No transaction found"}, 400)
        return JSONResponse({"status": "success", "data": self._data(tx)})

    async def refund(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        tx = next(t for t in self.transactions.values() if t.id == request.path_params["id"])
        amount = Decimal(str(body["amount"]))
        if tx.refunded + amount > tx.amount:  # as Flutterwave: never more than was paid
            return JSONResponse({"status": "error", "message": "Refund exceeds amount"}, 400)
        tx.refunded += amount
        return JSONResponse({"status": "success", "data": {"id": next(self.ids)}})

    async def tokenized_charge(self, request: Request) -> JSONResponse:
        """A saved card charged by the token an earlier charge returned."""
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        token = body["token"]
        earlier = next(
            (t for t in self.transactions.values() if (t.card or {}).get("token") == token), None
        )
        if earlier is None or earlier.email != body["email"]:
            return JSONResponse({"status": "error", "message": "Invalid token"}, 400)
        if body["tx_ref"] in self.transactions:
            return JSONResponse({"status": "error", "message": "Duplicate tx_ref"}, 400)
        declined = self.declining.get(token)
        tx = Transaction(
            next(self.ids),
            body["tx_ref"],
            Decimal(str(body["amount"])),
            body["currency"],
            status="failed" if declined else "successful",
            processor_response=declined or "Approved",
            email=earlier.email,
            card=earlier.card,
        )
        self.transactions[tx.tx_ref] = tx
        return JSONResponse({"status": "success", "message": "Charge", "data": self._data(tx)})

    async def balances(self, request: Request) -> JSONResponse:
        return await self.refused(request) or JSONResponse({"status": "success", "data": []})

    def _data(self, tx: Transaction) -> dict[str, Any]:
        return {
            "id": tx.id,
            "tx_ref": tx.tx_ref,
            "amount": float(tx.amount),
            "currency": tx.currency,
            "status": tx.status,
            "processor_response": tx.processor_response
            or ("Approved" if tx.status == "successful" else "Declined"),
            "card": tx.card,
        }

    def complete(
        self,
        tx_ref: str,
        status: str = "successful",
        processor_response: str | None = None,
        amount: Decimal | None = None,
    ) -> None:
        """The payer finishes the checkout; a failure can say why, as the card network's
        message. `amount` (major units): what Flutterwave then reports as charged."""
        tx = self.transactions[tx_ref]
        tx.status, tx.processor_response = status, processor_response
        if status == "successful":  # a card paid: Flutterwave returns its token
            tx.card = {
                "first_6digits": "553188",
                "last_4digits": "2950",
                "type": "MASTERCARD",
                "expiry": "09/31",
                "token": f"flw-t1nf-{tx.id}-m03k",
            }
        if amount is not None:
            tx.amount = amount

    def webhook(self, tx_ref: str, verif_hash: str | None = None) -> tuple[bytes, dict[str, str]]:
        body = json.dumps(
            {"event": "charge.completed", "data": self._data(self.transactions[tx_ref])}
        ).encode()
        return body, {
            "verif-hash": verif_hash or self.webhook_hash,
            "content-type": "application/json",
        }

    # --- the hosted checkout page (estatepay.demo.fakes.checkout) ---------------------

    def checkout(self, key: str) -> CheckoutView | None:
        tx = self.transactions.get(key)
        if tx is None:
            return None
        state = {"pending": "open", "successful": "paid"}.get(tx.status, "declined")
        return CheckoutView("Flutterwave", tx.tx_ref, f"{tx.amount:,.2f} {tx.currency}", state)

    def settle(self, key: str, paid: bool) -> tuple[bytes, dict[str, str]]:
        self.complete(key, "successful" if paid else "failed")
        return self.webhook(key)  # charge.completed, whichever way it went

    def return_url(self, key: str, paid: bool) -> str | None:
        tx = self.transactions[key]
        url = usable_return_url(tx.redirect_url)
        status = "successful" if paid else "cancelled"
        return (
            with_query(url, status=status, tx_ref=key, transaction_id=str(tx.id)) if url else None
        )

    def transfer_webhook(self, reference: str) -> tuple[bytes, dict[str, str]]:
        """The `transfer.completed` event for the transfer's current status."""
        return flutterwave_webhook(self.desk, reference, self.webhook_hash)
