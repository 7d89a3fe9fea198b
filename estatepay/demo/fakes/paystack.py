"""A fake Paystack: the endpoints estatepay uses, plus a control API for tests to
complete checkouts and send correctly signed webhooks (signed here, without any SDK,
so estatepay's verification is really exercised)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from estatepay.demo.fakes.base import FakeApi
from estatepay.demo.fakes.checkout import (
    CheckoutView,
    checkout_routes,
    major,
    usable_return_url,
    with_query,
)
from estatepay.demo.fakes.transfers import TransferDesk, paystack_routes, paystack_webhook


@dataclass
class Transaction:
    id: int
    reference: str
    amount: int
    currency: str
    email: str
    status: str = "ongoing"
    refunded: int = 0
    gateway_response: str | None = None
    callback_url: str | None = None
    # The card's reusable authorization, once a card paid it.
    authorization: dict[str, Any] | None = None


@dataclass
class FakePaystack(FakeApi[int]):
    """`failing_with`: the HTTP status every call fails with."""

    transactions: dict[str, Transaction] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1000))
    # Transfers (payouts): banks, accounts and transfers by reference.
    desk: TransferDesk = field(default_factory=TransferDesk)
    # Authorization code -> the gateway_response its charges now fail with (a test's switch).
    declining: dict[str, str] = field(default_factory=dict)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/transaction/initialize", self.initialize, methods=["POST"]),
                Route("/transaction/verify/{reference}", self.verify, methods=["GET"]),
                Route("/transaction", self.list, methods=["GET"]),
                Route(
                    "/transaction/charge_authorization", self.charge_authorization, methods=["POST"]
                ),
                Route("/refund", self.refund, methods=["POST"]),
                Route(
                    "/customer/deactivate_authorization",
                    self.deactivate_authorization,
                    methods=["POST"],
                ),
                *paystack_routes(self),
                *checkout_routes(self),
            ]
        )

    def failure(self, failing: int) -> JSONResponse:
        return JSONResponse({"status": False, "message": "down"}, failing)

    def invalid_key(self) -> JSONResponse:
        return JSONResponse({"status": False, "message": "Invalid key"}, 401)

    async def initialize(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        reference = body["reference"]
        self.transactions[reference] = Transaction(
            next(self.ids),
            reference,
            int(body["amount"]),
            body["currency"],
            body["email"],
            callback_url=body.get("callback_url"),
        )
        checkout = self.checkout_link(reference, "checkout.fake")
        return JSONResponse(
            {
                "status": True,
                "message": "Authorization URL created",
                "data": {
                    "authorization_url": checkout,
                    "access_code": "x",
                    "reference": reference,
                },
            }
        )

    async def verify(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        tx = self.transactions.get(request.path_params["reference"])
        if tx is None:
            return JSONResponse({"status": False, "message": "Transaction not found"}, 404)
        return JSONResponse({"status": True, "data": self._data(tx)})

    async def charge_authorization(self, request: Request) -> JSONResponse:
        """A saved card charged without its holder: the authorization of an earlier charge."""
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        code = body["authorization_code"]
        earlier = next(
            (
                t
                for t in self.transactions.values()
                if (t.authorization or {}).get("authorization_code") == code
            ),
            None,
        )
        usable = earlier is not None and (earlier.authorization or {}).get("reusable")
        if earlier is None or not usable or earlier.email != body["email"]:
            return JSONResponse({"status": False, "message": "Invalid authorization code"}, 400)
        reference = body["reference"]
        if reference in self.transactions:
            return JSONResponse(
                {"status": False, "message": "Duplicate Transaction Reference"}, 400
            )
        declined = self.declining.get(code)
        tx = Transaction(
            next(self.ids),
            reference,
            int(body["amount"]),
            body.get("currency") or earlier.currency,
            body["email"],
            status="failed" if declined else "success",
            gateway_response=declined or "Approved",
            authorization=earlier.authorization,
        )
        self.transactions[reference] = tx
        return JSONResponse({"status": True, "message": "Charge attempted", "data": self._data(tx)})

    async def deactivate_authorization(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        code = (await request.json())["authorization_code"]
        for tx in self.transactions.values():
            if (tx.authorization or {}).get("authorization_code") == code:
                tx.authorization = {**tx.authorization, "reusable": False}  # type: ignore[dict-item]
        return JSONResponse({"status": True, "message": "Authorization has been deactivated"})

    async def list(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        return JSONResponse({"status": True, "data": []})

    async def refund(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        body = await request.json()
        tx = self.transactions[body["transaction"]]
        amount = int(body.get("amount") or tx.amount)
        if tx.refunded + amount > tx.amount:  # as Paystack: never more than was paid
            return JSONResponse(
                {"status": False, "message": "Transaction has been fully reversed"}, 400
            )
        tx.refunded += amount
        return JSONResponse({"status": True, "data": {"id": next(self.ids)}})

    def _data(self, tx: Transaction) -> dict[str, Any]:
        return {
            "id": tx.id,
            "reference": tx.reference,
            "amount": tx.amount,
            "currency": tx.currency,
            "status": tx.status,
            "gateway_response": tx.gateway_response
            or ("Approved" if tx.status == "success" else "Declined"),
            "authorization": tx.authorization,
        }

    # --- what a test does in the payer's and Paystack's place -----------------------

    def complete(
        self,
        reference: str,
        status: str = "success",
        amount: int | None = None,
        currency: str | None = None,
        gateway_response: str | None = None,
    ) -> None:
        """The payer finishes the hosted checkout (the amount can be tampered with; a
        failure can say why, as the card network's message)."""
        tx = self.transactions[reference]
        tx.status, tx.gateway_response = status, gateway_response
        if status == "success":  # a card paid: Paystack keeps its reusable authorization
            tx.authorization = {
                "authorization_code": f"AUTH_{tx.id}",
                "card_type": "visa",
                "brand": "visa",
                "last4": "4081",
                "exp_month": "12",
                "exp_year": "2030",
                "channel": "card",
                "reusable": True,
            }
        if amount is not None:
            tx.amount = amount
        if currency is not None:
            tx.currency = currency

    def webhook(
        self, reference: str, event: str = "charge.success", secret: str | None = None
    ) -> tuple[bytes, dict[str, str]]:
        tx = self.transactions[reference]
        body = json.dumps({"event": event, "data": self._data(tx)}).encode()
        signature = hmac.new((secret or self.secret_key).encode(), body, hashlib.sha512).hexdigest()
        return body, {"x-paystack-signature": signature, "content-type": "application/json"}

    # --- the hosted checkout page (estatepay.demo.fakes.checkout) ---------------------

    def checkout(self, key: str) -> CheckoutView | None:
        tx = self.transactions.get(key)
        if tx is None:
            return None
        state = {"ongoing": "open", "success": "paid"}.get(tx.status, "declined")
        return CheckoutView("Paystack", tx.reference, major(tx.amount, tx.currency), state)

    def settle(self, key: str, paid: bool) -> tuple[bytes, dict[str, str]]:
        self.complete(key, "success" if paid else "failed")
        # Real Paystack reports a failed charge only through verify; the fake also says
        # so by webhook (estatepay confirms any event with verify before acting on it).
        return self.webhook(key, "charge.success" if paid else "charge.failed")

    def return_url(self, key: str, paid: bool) -> str | None:
        url = usable_return_url(self.transactions[key].callback_url)
        # Paystack appends both names of the reference to the callback.
        return with_query(url, trxref=key, reference=key) if url else None

    async def send_webhook(self, url: str, reference: str, **kwargs: Any) -> httpx.Response:
        body, headers = self.webhook(reference, **kwargs)
        async with httpx.AsyncClient() as client:
            return await client.post(url, content=body, headers=headers)

    def transfer_webhook(self, reference: str) -> tuple[bytes, dict[str, str]]:
        """The signed event for the transfer's current status."""
        return paystack_webhook(self.desk, reference, self.secret_key)
