"""Leaving nothing at the provider of a card setup that will never be saved (it expired):
a paid Paystack or Flutterwave card check is refunded, a Stripe SetupIntent canceled
(or, had the card been entered after all, the card detached from the customer)."""

from __future__ import annotations

from services.payment_methods.cards import (
    CardProvider,
    FlutterwaveCards,
    PaystackCards,
    StripeCards,
    refund_card_check,
)
from services.payments.gateways.base import ProviderError


async def abandon(cards: CardProvider, reference: str, setup_id: str | None) -> bool:
    """Leave nothing at the provider of a setup that will never be saved; True when a
    card check had been paid (and is refunded)."""
    if isinstance(cards, StripeCards):
        await _cancel_setup(cards, setup_id)
        return False
    assert isinstance(cards, PaystackCards | FlutterwaveCards)
    try:
        check = await cards.gateway.verify(reference)
    except ProviderError as exc:
        if exc.status not in (400, 404):  # not "no such transaction": try again later
            raise
        return False
    if check.status != "SUCCEEDED":
        return False
    # Refunded once: the provider refuses more than was paid (a concurrent webhook's try).
    await refund_card_check(cards.gateway, reference, check.amount, check.currency)
    return True


async def _cancel_setup(cards: StripeCards, setup_id: str | None) -> None:
    if setup_id is None:
        return
    intent = await cards.gateway.call(
        lambda client: client.v1.setup_intents.retrieve_async(setup_id)
    )
    if intent.status == "succeeded" and intent.payment_method:
        await cards.remove(str(intent.payment_method))
    elif intent.status != "canceled":
        await cards.gateway.call(lambda client: client.v1.setup_intents.cancel_async(setup_id))
