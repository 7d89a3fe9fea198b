"""Saved cards at each provider, on the estate's gateway adapters (their credentials,
timeouts, breaker and error categories): Stripe SetupIntents and off-session
PaymentIntents through the SDK; Paystack authorizations (`charge_authorization`) and
Flutterwave card tokens (`tokenized-charges`) taken from a small card-check charge,
which is refunded once the card is saved."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Protocol

import stripe

from services.money import to_major
from services.payment_methods.authorizations import (
    SavedCard,
    card_number,
    flutterwave_card,
    paystack_card,
)
from services.payments.gateways.base import (
    Gateway,
    PaymentRequest,
    ProviderError,
    Verification,
    failure_from_message,
)
from services.payments.gateways.flutterwave import FlutterwaveGateway, _minor
from services.payments.gateways.paystack import PaystackGateway
from services.payments.gateways.stripe import StripeGateway, failure_of, intent_verification

log = logging.getLogger(__name__)
# The card check Paystack and Flutterwave need to hand out a reusable card: the smallest
# charge they take (Paystack's documented minimum for NGN is 50.00), refunded at once.
CARD_CHECK_MINOR = {"NGN": 5000, "GHS": 100, "KES": 1000, "ZAR": 100}
DEFAULT_CARD_CHECK_MINOR = 100


@dataclass(frozen=True)
class Setup:
    setup_id: str | None
    client_secret: str | None = None
    checkout_url: str | None = None


@dataclass(frozen=True)
class Holder:
    """Whose card: the provider's customer (Stripe) and the email the others key on."""

    email: str
    customer_id: str | None


class CardProvider(Protocol):
    async def start_setup(
        self, reference: str, holder: Holder, currency: str, callback_url: str | None
    ) -> Setup: ...
    # The saved card once its holder has entered it; None while they have not.
    async def finish_setup(self, reference: str, setup_id: str | None) -> SavedCard | None: ...
    # A final answer (SUCCEEDED or FAILED with its failureCode); ProviderError when the
    # outcome is unknown (the provider could not be reached).
    async def charge(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification: ...
    # The same charge again, after an answer that never came: whatever the provider did
    # with it the first time, and a charge only if it has none.
    async def recheck(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification: ...
    async def remove(self, card: str) -> None: ...


class StripeCards:
    def __init__(self, gateway: StripeGateway) -> None:
        self.gateway = gateway

    async def start_setup(
        self, reference: str, holder: Holder, currency: str, callback_url: str | None
    ) -> Setup:
        customer = holder.customer_id
        if customer is None:
            raise ProviderError("a Stripe customer is needed to save a card")
        intent = await self.gateway.call(
            lambda client: client.v1.setup_intents.create_async(
                params={
                    "customer": customer,
                    "usage": "off_session",
                    "allowed_payment_method_types": ["card"],
                    "metadata": {"reference": reference},
                },
                options={"idempotency_key": f"setup:{reference}"},
            )
        )
        return Setup(str(intent.id), client_secret=str(intent.client_secret))

    async def finish_setup(self, reference: str, setup_id: str | None) -> SavedCard | None:
        if setup_id is None:
            return None
        intent = await self.gateway.call(
            lambda client: client.v1.setup_intents.retrieve_async(setup_id)
        )
        if intent.status != "succeeded" or not intent.payment_method:
            return None
        method_id = str(intent.payment_method)
        method = await self.gateway.call(
            lambda client: client.v1.payment_methods.retrieve_async(method_id)
        )
        card = method.to_dict().get("card") or {}
        return SavedCard(
            method_id,
            card.get("brand"),
            card.get("last4"),
            card_number(card.get("exp_month")),
            card_number(card.get("exp_year")),
        )

    async def charge(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification:
        try:
            intent = await self.gateway.call(
                lambda client: client.v1.payment_intents.create_async(
                    params={
                        "amount": amount,
                        "currency": currency.lower(),
                        "customer": holder.customer_id or "",
                        "payment_method": card,
                        "off_session": True,
                        "confirm": True,
                        "metadata": {"reference": reference},
                    },
                    # One charge per payment, however often it is retried.
                    options={"idempotency_key": f"charge:{reference}"},
                )
            )
        except ProviderError as exc:
            declined = exc.__cause__
            if not isinstance(declined, stripe.CardError):
                raise
            # A decline is Stripe's final word; its PaymentIntent says so when asked.
            intent_id = getattr(declined.error and declined.error.payment_intent, "id", None)
            return Verification(
                "FAILED",
                amount,
                currency,
                str(intent_id or ""),
                failure_of(declined),
                exc.message,
            )
        return intent_verification(intent)

    async def recheck(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification:
        """Stripe answers the same Idempotency-Key with its first answer: safe to resend."""
        return await self.charge(card, holder, reference, amount, currency)

    async def remove(self, card: str) -> None:
        try:
            await self.gateway.call(lambda client: client.v1.payment_methods.detach_async(card))
        except ProviderError as exc:
            if not isinstance(exc.__cause__, stripe.InvalidRequestError):
                raise
            # Detached already (by the customer portal, or an earlier try): done.
            log.info("Stripe had %s detached already: %s", card, exc.message)

    async def portal_url(self, customer_id: str, return_url: str | None) -> str:
        session = await self.gateway.call(
            lambda client: client.v1.billing_portal.sessions.create_async(
                params={"customer": customer_id, "return_url": return_url}
                if return_url
                else {"customer": customer_id}
            )
        )
        return str(session.url)


async def _card_check(
    gateway: Gateway, reference: str, holder: Holder, currency: str, callback_url: str | None
) -> Setup:
    amount = CARD_CHECK_MINOR.get(currency, DEFAULT_CARD_CHECK_MINOR)
    request = PaymentRequest(reference, amount, currency, holder.email, callback_url, "Card check")
    checkout = await gateway.create_payment(request)
    return Setup(None, checkout_url=checkout.checkout_url)


async def refund_card_check(gateway: Gateway, reference: str, amount: int, currency: str) -> None:
    """Give the card check back. The card is saved whatever happens here: a failed refund
    is logged for the estate to settle by hand, never retried into a second refund."""
    try:
        await gateway.refund(reference, amount, currency, None, f"card-check:{reference}")
    except ProviderError as exc:
        log.warning("card check %s was not refunded: %s", reference, exc.message)


class _ByReference(ABC):
    """Paystack and Flutterwave know a charge by our reference: ask before charging again."""

    gateway: PaystackGateway | FlutterwaveGateway

    @abstractmethod
    async def charge(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification: ...

    async def recheck(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification:
        try:
            return await self.gateway.verify(reference)
        except ProviderError as exc:
            if exc.status not in (400, 404):  # not "no such transaction": still unknown
                raise
        return await self.charge(card, holder, reference, amount, currency)


class PaystackCards(_ByReference):
    def __init__(self, gateway: PaystackGateway) -> None:
        self.gateway = gateway

    async def start_setup(
        self, reference: str, holder: Holder, currency: str, callback_url: str | None
    ) -> Setup:
        return await _card_check(self.gateway, reference, holder, currency, callback_url)

    async def _transaction(self, reference: str) -> dict[str, Any]:
        body = await self.gateway.call("GET", f"/transaction/verify/{reference}")
        data: dict[str, Any] = body.get("data") or {}
        return data

    async def saved_card(self, reference: str) -> SavedCard | None:
        """The reusable card of a successful charge (a bill paid with the card saved)."""
        return paystack_card(await self._transaction(reference))

    async def finish_setup(self, reference: str, setup_id: str | None) -> SavedCard | None:
        data = await self._transaction(reference)
        saved = paystack_card(data)
        if saved is not None:
            await refund_card_check(
                self.gateway, reference, int(data["amount"]), str(data["currency"])
            )
        return saved

    async def charge(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification:
        try:
            body = await self.gateway.call(
                "POST",
                "/transaction/charge_authorization",
                json={
                    "email": holder.email,
                    "amount": amount,
                    "currency": currency,
                    "authorization_code": card,
                    "reference": reference,
                },
            )
        except ProviderError as exc:
            if exc.status != 400:  # not a refusal of this charge: outcome unknown
                raise
            return _refused(amount, currency, exc.message)
        data = body.get("data") or {}
        if data.get("status") == "success":
            return Verification(
                "SUCCEEDED", int(data["amount"]), str(data["currency"]).upper(), str(data["id"])
            )
        if data.get("status") in ("failed", "reversed"):
            message = str(data.get("gateway_response") or "declined")
            return _refused(amount, currency, message, str(data.get("id") or ""))
        # Paystack may still be processing (`send_otp` and the like never happen off-session).
        return await self.gateway.verify(reference)

    async def remove(self, card: str) -> None:
        await self.gateway.call(
            "POST", "/customer/deactivate_authorization", json={"authorization_code": card}
        )


class FlutterwaveCards(_ByReference):
    def __init__(self, gateway: FlutterwaveGateway) -> None:
        self.gateway = gateway

    async def start_setup(
        self, reference: str, holder: Holder, currency: str, callback_url: str | None
    ) -> Setup:
        return await _card_check(self.gateway, reference, holder, currency, callback_url)

    async def _transaction(self, reference: str) -> dict[str, Any]:
        body = await self.gateway.call(
            "GET", "/transactions/verify_by_reference", params={"tx_ref": reference}
        )
        data: dict[str, Any] = body.get("data") or {}
        return data

    async def saved_card(self, reference: str) -> SavedCard | None:
        """The reusable card of a successful charge (a bill paid with the card saved)."""
        return flutterwave_card(await self._transaction(reference))

    async def finish_setup(self, reference: str, setup_id: str | None) -> SavedCard | None:
        data = await self._transaction(reference)
        saved = flutterwave_card(data)
        if saved is not None:
            currency = str(data["currency"]).upper()
            await refund_card_check(
                self.gateway, reference, _minor(data["amount"], currency), currency
            )
        return saved

    async def charge(
        self, card: str, holder: Holder, reference: str, amount: int, currency: str
    ) -> Verification:
        try:
            body = await self.gateway.call(
                "POST",
                "/tokenized-charges",
                json={
                    "token": card,
                    "email": holder.email,
                    "currency": currency,
                    "amount": str(to_major(amount, currency)),
                    "tx_ref": reference,
                },
            )
        except ProviderError as exc:
            if exc.status != 400:  # not a refusal of this charge: outcome unknown
                raise
            return _refused(amount, currency, exc.message)
        data = body.get("data") or {}
        if data.get("status") == "successful":
            charged = _minor(data["amount"], str(data["currency"]).upper())
            return Verification(
                "SUCCEEDED", charged, str(data["currency"]).upper(), str(data["id"])
            )
        message = str(data.get("processor_response") or "declined")
        return _refused(amount, currency, message, str(data.get("id") or ""))

    async def remove(self, card: str) -> None:
        """Flutterwave keeps no list of tokens to delete from: forgetting it is removing it."""


def _refused(amount: int, currency: str, message: str, provider_id: str = "") -> Verification:
    """A charge the provider refused, with the card network's reason as its failureCode."""
    return Verification(
        "FAILED", amount, currency, provider_id, failure_from_message(message), message
    )


def card_provider(gateway: Gateway) -> CardProvider:
    if isinstance(gateway, StripeGateway):
        return StripeCards(gateway)
    if isinstance(gateway, PaystackGateway):
        return PaystackCards(gateway)
    if isinstance(gateway, FlutterwaveGateway):
        return FlutterwaveCards(gateway)
    raise ProviderError(f"{gateway.provider} cannot save cards")
