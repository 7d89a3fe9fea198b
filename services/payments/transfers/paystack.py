"""Paystack transfers: banks, account resolution, recipients, transfers and their
verification (the same secret key as its payments)."""

from __future__ import annotations

from typing import Any

from services.payments.gateways.base import ProviderError
from services.payments.gateways.paystack import PaystackGateway
from services.payments.gateways.paystack import _data as data_of
from services.payments.transfers.base import (
    Bank,
    Transfer,
    TransferRequest,
    refused_as_duplicate,
    tiered_fee,
    unknown_account,
)

STATUSES = {"success": "SUCCEEDED", "failed": "FAILED", "reversed": "REVERSED"}
# Paystack's published NGN transfer fees (kobo): up to 5,000 NGN, up to 50,000, above.
NGN_FEES = ((500_000, 1_000), (5_000_000, 2_500))
NGN_FEE_ABOVE = 5_000


class PaystackTransfers(PaystackGateway):
    async def banks(self, currency: str) -> list[Bank]:
        body = await self.call("GET", "/bank", params={"currency": currency, "perPage": 100})
        if not body.get("status") or not isinstance(body.get("data"), list):
            raise ProviderError(str(body.get("message") or "Paystack listed no banks"))
        return [Bank(str(b["code"]), str(b["name"])) for b in body["data"]]

    async def resolve_account(self, bank_code: str, account_number: str) -> str:
        params = {"account_number": account_number, "bank_code": bank_code}
        try:
            data = data_of(await self.call("GET", "/bank/resolve", params=params))
        except ProviderError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                raise unknown_account(exc) from exc
            raise
        return str(data["account_name"])

    @staticmethod
    def fee(amount: int, currency: str) -> int:
        return tiered_fee(amount, NGN_FEES, NGN_FEE_ABOVE) if currency == "NGN" else 0

    async def send(self, request: TransferRequest) -> Transfer | None:
        recipient = data_of(
            await self.call(
                "POST",
                "/transferrecipient",
                json={
                    "type": "nuban",
                    "name": request.account_name,
                    "account_number": request.account_number,
                    "bank_code": request.bank_code,
                    "currency": request.currency,
                },
            )
        )
        try:
            body = await self.call(
                "POST",
                "/transfer",
                json={
                    "source": "balance",
                    "amount": request.amount,
                    "currency": request.currency,
                    "recipient": recipient["recipient_code"],
                    "reference": request.reference,
                    "reason": request.narration,
                },
            )
        except ProviderError as exc:
            if refused_as_duplicate(exc):
                return None
            raise
        return _transfer(data_of(body))

    async def find(self, reference: str, provider_reference: str | None) -> Transfer | None:
        try:
            body = await self.call("GET", f"/transfer/verify/{reference}")
        except ProviderError as exc:
            if exc.status == 404 or (exc.status == 400 and "not found" in exc.message.lower()):
                return None
            raise
        return _transfer(data_of(body))


def _transfer(data: dict[str, Any]) -> Transfer:
    status = STATUSES.get(str(data.get("status")), "PENDING")
    reason = data.get("reason") if status == "FAILED" else None
    return Transfer(status, str(data.get("transfer_code") or data.get("id") or ""), reason or None)
