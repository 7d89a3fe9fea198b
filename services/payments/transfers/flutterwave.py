"""Flutterwave v3 transfers: banks per country, account resolution, transfers (amounts
in major units) and their status by Flutterwave's transfer id."""

from __future__ import annotations

from typing import Any

from services.money import to_major
from services.payments.gateways.base import ProviderError
from services.payments.gateways.flutterwave import FlutterwaveGateway
from services.payments.gateways.flutterwave import _data as data_of
from services.payments.transfers.base import (
    Bank,
    Transfer,
    TransferRequest,
    refused_as_duplicate,
    tiered_fee,
    unknown_account,
)

STATUSES = {"SUCCESSFUL": "SUCCEEDED", "FAILED": "FAILED"}
COUNTRIES = {"NGN": "NG", "GHS": "GH", "KES": "KE", "UGX": "UG", "ZAR": "ZA", "TZS": "TZ"}
# Flutterwave's published NGN transfer fees (kobo): up to 5,000 NGN, up to 50,000, above.
NGN_FEES = ((500_000, 1_075), (5_000_000, 2_688))
NGN_FEE_ABOVE = 5_375


class FlutterwaveTransfers(FlutterwaveGateway):
    async def banks(self, currency: str) -> list[Bank]:
        country = COUNTRIES.get(currency, "NG")
        items = data_of(await self.call("GET", f"/banks/{country}")).get("items", [])
        return [Bank(str(b["code"]), str(b["name"])) for b in items]

    async def resolve_account(self, bank_code: str, account_number: str) -> str:
        try:
            data = data_of(
                await self.call(
                    "POST",
                    "/accounts/resolve",
                    json={"account_number": account_number, "account_bank": bank_code},
                )
            )
        except ProviderError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                raise unknown_account(exc) from exc
            raise
        return str(data["account_name"])

    @staticmethod
    def fee(amount: int, currency: str) -> int:
        return tiered_fee(amount, NGN_FEES, NGN_FEE_ABOVE) if currency == "NGN" else 0

    async def send(self, request: TransferRequest) -> Transfer | None:
        try:
            body = await self.call(
                "POST",
                "/transfers",
                json={
                    "account_bank": request.bank_code,
                    "account_number": request.account_number,
                    "amount": str(to_major(request.amount, request.currency)),
                    "currency": request.currency,
                    "debit_currency": request.currency,
                    "reference": request.reference,
                    "narration": request.narration,
                },
            )
        except ProviderError as exc:
            if refused_as_duplicate(exc):
                return None
            raise
        return _transfer(data_of(body))

    async def find(self, reference: str, provider_reference: str | None) -> Transfer | None:
        # Flutterwave finds a transfer by its own id only: without one (our send timed
        # out), sending again is how to find out, since it refuses a second reference.
        if not provider_reference:
            return None
        return _transfer(data_of(await self.call("GET", f"/transfers/{provider_reference}")))


def _transfer(data: dict[str, Any]) -> Transfer:
    status = STATUSES.get(str(data.get("status")).upper(), "PENDING")
    message = data.get("complete_message") if status == "FAILED" else None
    return Transfer(status, str(data["id"]), str(message) if message else None)
