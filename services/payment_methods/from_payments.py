"""A card saved from the bill payment it paid (`payBill(savePaymentMethod: true)`):
once the payment has SUCCEEDED, the provider is asked (never the webhook's word alone)
for the charge's reusable card (a Paystack authorization, a Flutterwave token), which
becomes the payer's ACTIVE saved card. The payment's reference is the method's
`setup_reference`, unique: however many copies of its webhook arrive, one card."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services.errors import ValidationFailed
from services.payment_methods.cards import FlutterwaveCards, PaystackCards
from services.payment_methods.methods import cards_for
from services.payment_methods.models import PaymentMethod
from services.payments.models import Payment
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope


async def save_from_payment(
    estate: Estate, reference: str, encryption_key: str, now: datetime
) -> PaymentMethod | None:
    """The card saved from the payment `reference`, if it asked for that and its charge
    left a reusable card; None otherwise. Calling it again changes nothing."""
    async with tenant_scope(estate.slug):
        payment = await Payment.get(reference=reference)
        if not payment.save_payment_method or payment.status != "SUCCEEDED":
            return None
        if (done := await PaymentMethod.get_or_none(setup_reference=reference)) is not None:
            return done
        try:
            cards = await cards_for(payment.provider, encryption_key)
        except ValidationFailed:  # the gateway was turned off since: nothing to ask
            return None
    if not isinstance(cards.adapter, PaystackCards | FlutterwaveCards):
        return None
    saved = await cards.adapter.saved_card(reference)
    if saved is None:  # not a reusable card (e.g. a bank transfer, a one-off card)
        return None
    async with tenant_scope(estate.slug):
        # The same card saved before (Paystack hands the same authorization again).
        same = await PaymentMethod.get_or_none(
            resident_id=uuid.UUID(str(payment.resident_id)),
            provider=payment.provider,
            provider_reference=saved.provider_reference,
            status="ACTIVE",
        )
        if same is not None:
            return same
        try:
            async with savepoint():
                return await PaymentMethod.create(
                    resident_id=payment.resident_id,
                    provider=payment.provider,
                    status="ACTIVE",
                    setup_reference=reference,
                    provider_reference=saved.provider_reference,
                    brand=saved.brand,
                    last4=saved.last4,
                    exp_month=saved.exp_month,
                    exp_year=saved.exp_year,
                    activated_at=now,
                )
        except IntegrityError:  # a concurrent copy of the webhook saved it
            return await PaymentMethod.get(setup_reference=reference)
