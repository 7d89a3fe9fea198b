"""The transfer side of the fake Paystack and Flutterwave: banks, account resolution,
transfers by reference, and the webhooks that report them. A test switches what a new
transfer becomes (`outcome`), stalls the next send past the client's timeout, settles
or reverses a transfer later, and reads how often each reference was sent (`posts`)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from services.money import exponent, to_major

log = logging.getLogger("estatepay.demo.fakes")
# The fake banks; any 10-digit account number resolves, except those starting 000.
BANKS = (
    ("044", "Access Bank"),
    ("011", "First Bank of Nigeria"),
    ("058", "Guaranty Trust Bank"),
    ("033", "United Bank for Africa"),
    ("057", "Zenith Bank"),
)
UNKNOWN_ACCOUNT_PREFIX = "000"


def account_name(bank_code: str, number: str) -> str | None:
    known = any(code == bank_code for code, _ in BANKS)
    if not known or len(number) != 10 or not number.isdigit():
        return None
    return None if number.startswith(UNKNOWN_ACCOUNT_PREFIX) else f"PALM GROVE ACCT {number[-4:]}"


@dataclass
class FakeTransfer:
    id: int
    reference: str
    amount: int  # minor units
    currency: str
    bank_code: str
    account_number: str
    status: str = "pending"  # pending, success, failed, reversed
    reason: str | None = None


@dataclass
class TransferDesk:
    transfers: dict[str, FakeTransfer] = field(default_factory=dict)
    # Every send of a reference, refused duplicates included: a test asserts 1.
    posts: Counter[str] = field(default_factory=Counter)
    # What a new transfer becomes at once: success, failed, or pending (until `settle`).
    outcome: str = "success"
    # The next send is recorded, then answered this many seconds late (a timeout).
    stall_next: float = 0.0
    # With a webhook URL, each final outcome is reported this long after it happens.
    webhook_delay: float = 0.5
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(70000))

    def create(
        self, reference: str, amount: int, currency: str, bank: str, number: str
    ) -> FakeTransfer:
        transfer = FakeTransfer(next(self.ids), reference, amount, currency, bank, number)
        if self.outcome != "pending":
            transfer.status = self.outcome
            transfer.reason = "Account is dormant" if self.outcome == "failed" else None
        self.transfers[reference] = transfer
        return transfer

    def settle(self, reference: str, status: str, reason: str | None = None) -> None:
        """Move a transfer on: success, failed, or reversed (the bank sent it back)."""
        transfer = self.transfers[reference]
        transfer.status, transfer.reason = status, reason


class WebhookSender(Protocol):
    webhook_url: str | None

    def transfer_webhook(self, reference: str) -> tuple[bytes, dict[str, str]]: ...


async def _report(sender: WebhookSender, reference: str, delay: float) -> None:
    """Post a transfer's webhook to estatepay's shim in the background, as providers do."""
    await asyncio.sleep(delay)
    if not sender.webhook_url:
        return
    body, headers = sender.transfer_webhook(reference)
    try:
        async with httpx.AsyncClient(timeout=30.0) as client:
            await client.post(sender.webhook_url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        log.warning("transfer webhook for %s not delivered: %s", reference, exc)


_reports: set[asyncio.Task[None]] = set()


def report_later(sender: WebhookSender, desk: TransferDesk, transfer: FakeTransfer) -> None:
    if sender.webhook_url and transfer.status != "pending":
        task = asyncio.get_running_loop().create_task(
            _report(sender, transfer.reference, desk.webhook_delay)
        )
        _reports.add(task)
        task.add_done_callback(_reports.discard)


class Fake(Protocol):
    desk: TransferDesk
    webhook_url: str | None

    async def refused(self, request: Request) -> JSONResponse | None: ...
    def transfer_webhook(self, reference: str) -> tuple[bytes, dict[str, str]]: ...


# --- Paystack ---------------------------------------------------------------------------


def paystack_data(t: FakeTransfer) -> dict[str, Any]:
    return {
        "id": t.id,
        "reference": t.reference,
        "transfer_code": f"TRF_{t.id}",
        "amount": t.amount,
        "currency": t.currency,
        "status": t.status,
        "reason": t.reason,
    }


def paystack_webhook(
    desk: TransferDesk, reference: str, secret: str
) -> tuple[bytes, dict[str, str]]:
    t = desk.transfers[reference]
    event = {"success": "transfer.success", "reversed": "transfer.reversed"}.get(
        t.status, "transfer.failed"
    )
    body = json.dumps({"event": event, "data": paystack_data(t)}).encode()
    signature = hmac.new(secret.encode(), body, hashlib.sha512).hexdigest()
    return body, {"x-paystack-signature": signature, "content-type": "application/json"}


def paystack_routes(fake: Fake) -> list[Route]:
    desk = fake.desk

    async def banks(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        data = [{"name": name, "code": code, "currency": "NGN"} for code, name in BANKS]
        return JSONResponse({"status": True, "data": data})

    async def resolve(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        query = request.query_params
        name = account_name(query.get("bank_code", ""), query.get("account_number", ""))
        if name is None:
            message = "Could not resolve account name. Check parameters or try again."
            return JSONResponse({"status": False, "message": message}, 422)
        data = {"account_number": query["account_number"], "account_name": name}
        return JSONResponse({"status": True, "data": data})

    async def recipient(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        body = await request.json()
        if account_name(str(body.get("bank_code")), str(body.get("account_number"))) is None:
            return JSONResponse({"status": False, "message": "Account number is invalid"}, 400)
        code = f"RCP_{body['bank_code']}_{body['account_number']}"
        return JSONResponse({"status": True, "data": {"recipient_code": code}})

    async def transfer(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        body = await request.json()
        reference = str(body["reference"])
        desk.posts[reference] += 1
        if reference in desk.transfers:
            return JSONResponse({"status": False, "message": "Duplicate Transfer Reference"}, 400)
        _, bank, number = str(body["recipient"]).split("_")
        made = desk.create(reference, int(body["amount"]), body["currency"], bank, number)
        if desk.stall_next:
            stall, desk.stall_next = desk.stall_next, 0.0
            await asyncio.sleep(stall)
        report_later(fake, desk, made)
        answer = {**paystack_data(made), "status": "pending"}
        return JSONResponse({"status": True, "message": "Transfer has been queued", "data": answer})

    async def verify(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        found = desk.transfers.get(request.path_params["reference"])
        if found is None:
            return JSONResponse({"status": False, "message": "Transfer not found"}, 404)
        return JSONResponse({"status": True, "data": paystack_data(found)})

    return [
        Route("/bank", banks, methods=["GET"]),
        Route("/bank/resolve", resolve, methods=["GET"]),
        Route("/transferrecipient", recipient, methods=["POST"]),
        Route("/transfer", transfer, methods=["POST"]),
        Route("/transfer/verify/{reference}", verify, methods=["GET"]),
    ]


# --- Flutterwave ------------------------------------------------------------------------

FLW_STATUSES = {"pending": "NEW", "success": "SUCCESSFUL", "failed": "FAILED", "reversed": "FAILED"}


def flutterwave_data(t: FakeTransfer) -> dict[str, Any]:
    return {
        "id": t.id,
        "reference": t.reference,
        "amount": float(to_major(t.amount, t.currency)),
        "currency": t.currency,
        "account_number": t.account_number,
        "bank_code": t.bank_code,
        "status": FLW_STATUSES[t.status],
        "complete_message": t.reason
        or ("Transaction was successful" if t.status == "success" else ""),
    }


def flutterwave_webhook(
    desk: TransferDesk, reference: str, verif_hash: str
) -> tuple[bytes, dict[str, str]]:
    data = flutterwave_data(desk.transfers[reference])
    body = json.dumps({"event": "transfer.completed", "event.type": "Transfer", "data": data})
    return body.encode(), {"verif-hash": verif_hash, "content-type": "application/json"}


def flutterwave_routes(fake: Fake) -> list[Route]:
    desk = fake.desk

    def error(message: str, status: int = 400) -> JSONResponse:
        return JSONResponse({"status": "error", "message": message, "data": None}, status)

    async def banks(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        data = [{"id": n, "code": code, "name": name} for n, (code, name) in enumerate(BANKS)]
        return JSONResponse({"status": "success", "message": "Banks fetched", "data": data})

    async def resolve(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        body = await request.json()
        number = str(body.get("account_number"))
        name = account_name(str(body.get("account_bank")), number)
        if name is None:
            return error("Sorry, that account number is invalid, please check and try again")
        data = {"account_number": number, "account_name": name}
        return JSONResponse(
            {"status": "success", "message": "Account details fetched", "data": data}
        )

    async def transfer(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        body = await request.json()
        reference = str(body["reference"])
        desk.posts[reference] += 1
        if reference in desk.transfers:
            return error("DUPLICATE_REFERENCE: a transfer with this reference exists")
        bank, number = str(body["account_bank"]), str(body["account_number"])
        if account_name(bank, number) is None:
            return error("Account number is invalid")
        currency = str(body["currency"])
        amount = int(Decimal(str(body["amount"])).scaleb(exponent(currency)))
        made = desk.create(reference, amount, currency, bank, number)
        if desk.stall_next:
            stall, desk.stall_next = desk.stall_next, 0.0
            await asyncio.sleep(stall)
        report_later(fake, desk, made)
        answer = {**flutterwave_data(made), "status": "NEW"}
        return JSONResponse({"status": "success", "message": "Transfer Queued", "data": answer})

    async def fetch(request: Request) -> Response:
        if refused := await fake.refused(request):
            return refused
        wanted = request.path_params["id"]
        found = next((t for t in desk.transfers.values() if t.id == wanted), None)
        if found is None:
            return error("Transfer not found", 404)
        return JSONResponse({"status": "success", "data": flutterwave_data(found)})

    return [
        Route("/banks/{country}", banks, methods=["GET"]),
        Route("/accounts/resolve", resolve, methods=["POST"]),
        Route("/transfers", transfer, methods=["POST"]),
        Route("/transfers/{id:int}", fetch, methods=["GET"]),
    ]
