"""The interface every transfer adapter implements, and what the adapters share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from services.errors import ValidationFailed
from services.payments.gateways.base import ProviderError

# A transfer as the provider tells it: still moving, arrived, refused, or sent back.
TRANSFER_STATUSES = ("PENDING", "SUCCEEDED", "FAILED", "REVERSED")


@dataclass(frozen=True)
class Bank:
    code: str
    name: str


@dataclass(frozen=True)
class TransferRequest:
    reference: str  # ours: the provider refuses a second transfer with it
    amount: int  # minor units
    currency: str
    bank_code: str
    account_number: str
    account_name: str
    narration: str


@dataclass(frozen=True)
class Transfer:
    status: str  # one of TRANSFER_STATUSES
    provider_reference: str | None
    failure_message: str | None = None


class TransferProvider(Protocol):
    provider: str

    async def banks(self, currency: str) -> list[Bank]: ...
    async def resolve_account(self, bank_code: str, account_number: str) -> str:
        """The account's name; `ValidationFailed` on accountNumber when there is none."""
        ...

    @staticmethod
    def fee(amount: int, currency: str) -> int:
        """The provider's published fee for a transfer of `amount` (minor units)."""
        ...

    async def send(self, request: TransferRequest) -> Transfer | None:
        """Start the transfer; None when the provider already has one with this
        reference (an earlier send got through: find it, never send again)."""
        ...

    async def find(self, reference: str, provider_reference: str | None) -> Transfer | None:
        """The transfer as the provider has it; None when it has none by this reference
        (so sending it is safe)."""
        ...


def tiered_fee(amount: int, tiers: tuple[tuple[int, int], ...], above: int) -> int:
    """A fee by the amount's tier: (up to this amount, fee), then `above`."""
    return next((fee for limit, fee in tiers if amount <= limit), above)


def refused_as_duplicate(error: ProviderError) -> bool:
    return error.status in (400, 409, 422) and "duplicate" in error.message.lower()


def unknown_account(error: ProviderError) -> ValidationFailed:
    """The provider could not name the account: the client's input is to blame."""
    return ValidationFailed(
        f"the bank could not resolve this account number: {error.message}",
        field="accountNumber",
    )
