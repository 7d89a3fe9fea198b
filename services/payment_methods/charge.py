"""Charging a saved card without its holder (autopay): one Payment per request, applied
through the provider payment path (`apply_verification`), so its money lands in the
ledger exactly once however many webhooks, verifications or retries follow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import Viewer, parse_id
from services.bills import issuing
from services.bills.lifecycle import transition
from services.errors import InvalidState, NotFound
from services.events import changed
from services.payment_methods import customers
from services.payment_methods.methods import Cards, cards_for
from services.payment_methods.models import PaymentMethod
from services.payments.gateways.base import ProviderError, ProviderUnavailable, Verification
from services.payments.idempotency import (
    earlier_payment,
    new_reference,
    payer_key,
    request_fingerprint,
)
from services.payments.models import Payment
from services.payments.provider_payments import apply_verification
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

PAID = frozenset({"SUCCEEDED", "REFUNDED", "PARTIALLY_REFUNDED"})
UNSETTLED = frozenset({"PENDING", "PROCESSING"})


@dataclass(frozen=True)
class ChargeOutcome:
    payment_id: uuid.UUID
    reference: str
    # SUCCEEDED; FAILED (with failure_code: DECLINED_CARD, INSUFFICIENT_FUNDS, ...); or
    # PENDING: the provider could not be reached, so whether the card was charged is not
    # known yet. The payment stays PROCESSING until the same call is made again (the
    # same idempotency key): that asks the provider what became of it and charges only
    # if nothing did. (A Stripe webhook cannot settle it: its PaymentIntent id is unknown.)
    status: str
    failure_code: str | None = None
    failure_message: str | None = None

    @classmethod
    def of(cls, payment: Payment) -> ChargeOutcome:
        status = (
            "SUCCEEDED"
            if payment.status in PAID
            else "PENDING"
            if payment.status in UNSETTLED
            else "FAILED"
        )
        failed = status == "FAILED"
        return cls(
            payment.id,
            payment.reference,
            status,
            payment.failure_code if failed else None,
            payment.failure_message if failed else None,
        )


def _unsent(exc: ProviderError | ProviderUnavailable) -> bool:
    """The charge certainly did not happen: refused (4xx, our credentials) or never sent
    (the circuit breaker is open). A timeout or a 5xx leaves it unknown."""
    if isinstance(exc, ProviderUnavailable):
        return True
    return exc.status is not None or exc.failure_code == "AUTHENTICATION_ERROR"


async def charge_saved_method(
    estate: Estate,
    method_id: str | uuid.UUID,
    bill_id: str | uuid.UUID,
    amount: int | None,
    idempotency_key: str,
    encryption_key: str,
    now: datetime,
) -> ChargeOutcome:
    """Charge the saved card `method_id` for the bill (`amount` in minor units, default
    the balance due), off-session. The autopay mandate stands for the holder's
    acknowledgement, so a bill still PENDING_ACKNOWLEDGMENT is acknowledged first.
    Call outside any tenant scope. The same `idempotency_key` (per card holder) returns
    the first charge's outcome, never charging again; with another request it is
    IDEMPOTENCY_CONFLICT. An unknown or REMOVED card, or another resident's bill, is
    NOT_FOUND / INVALID_STATE, raised; a declined card is a FAILED outcome, returned."""
    key_text = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    method_uuid = parse_id(method_id, "paymentMethodId", "payment method")
    bill_uuid = parse_id(bill_id, "billId", "bill")
    fingerprint = request_fingerprint("saved-card", method_uuid, bill_uuid, amount or "due")
    async with tenant_scope(estate.slug):
        method = await PaymentMethod.get_or_none(id=method_uuid)
        if method is None:
            raise NotFound("payment method not found", field="paymentMethodId")
        resident = await Resident.get(id=method.resident_id)
        owner = Viewer(resident.user_id, is_admin=False, resident_id=resident.id)
        key = payer_key(resident.id, f"saved-card:{key_text}")
        bill = await issuing.get_bill(owner, bill_uuid, field="billId")
        earlier = await earlier_payment(key, fingerprint, resident.id)
        if earlier is not None and earlier.status not in UNSETTLED:
            return ChargeOutcome.of(earlier)
        if method.provider_reference is None or (earlier is None and method.status != "ACTIVE"):
            raise InvalidState(f"the payment method is {method.status}", field="paymentMethodId")
        cards = await cards_for(method.provider, encryption_key)
    if earlier is not None:  # its answer never came: ask again, charging at most once
        return await _attempt(estate, earlier, method, cards, now, resend=True)
    if bill.status == "PENDING_ACKNOWLEDGMENT":
        async with tenant_scope(estate.slug):
            bill = await issuing.acknowledge(owner, str(bill.id))
    transition(bill.status, "pay", "PAID")
    paying = amount if amount is not None else bill.balance_due
    if paying <= 0:
        raise InvalidState("nothing is due on this bill", field="amount")
    async with tenant_scope(estate.slug):
        try:
            async with savepoint():
                payment = await Payment.create(
                    reference=new_reference(),
                    purpose="BILL_PAYMENT",
                    provider=method.provider,
                    amount=paying,
                    currency=bill.currency,
                    status="PROCESSING",
                    resident_id=resident.id,
                    bill_id=bill.id,
                    idempotency_key=key,
                    request_fingerprint=fingerprint,
                )
                changed("payment", payment.id, payment.resident_id)
        except IntegrityError:  # the same key, concurrently: the first one's outcome
            done = await earlier_payment(key, fingerprint, resident.id)
            if done is None:
                raise
            return ChargeOutcome.of(done)
    return await _attempt(estate, payment, method, cards, now, resend=False)


async def _attempt(
    estate: Estate,
    payment: Payment,
    method: PaymentMethod,
    cards: Cards,
    now: datetime,
    *,
    resend: bool,
) -> ChargeOutcome:
    """Charge the card for the payment (`resend`: again, after an unanswered try) and
    apply the provider's answer."""
    assert method.provider_reference is not None
    holder = await customers.holder(estate.slug, uuid.UUID(str(payment.resident_id)), cards.stripe)
    charge = cards.adapter.recheck if resend else cards.adapter.charge
    try:
        verified = await charge(
            method.provider_reference, holder, payment.reference, payment.amount, payment.currency
        )
    except (ProviderError, ProviderUnavailable) as exc:
        code = exc.failure_code if isinstance(exc, ProviderError) else "NETWORK_ERROR"
        if not _unsent(exc):
            return ChargeOutcome(payment.id, payment.reference, "PENDING", code, exc.message)
        verified = Verification("FAILED", payment.amount, payment.currency, "", code, exc.message)
    if verified.provider_reference:
        # Before applying: a later webhook is confirmed by asking the provider about it.
        async with tenant_scope(estate.slug):
            await Payment.filter(id=payment.id).update(
                provider_reference=verified.provider_reference
            )
    return ChargeOutcome.of(await apply_verification(estate, payment.reference, verified, now))
