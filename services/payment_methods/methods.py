"""A resident's saved cards: saving one (the provider collects the card, we keep what
shows it and the handle that charges it), listing and removing them, and the Stripe
customer portal. Provider calls are made outside any tenant scope."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from services.access import Viewer, get_visible, visible_rows
from services.audit.log import record
from services.errors import InvalidState, ValidationFailed
from services.payment_methods import customers
from services.payment_methods.abandon import abandon
from services.payment_methods.cards import CardProvider, StripeCards, card_provider
from services.payment_methods.models import PaymentMethod
from services.payments.gateways.base import ProviderError
from services.payments.gateways.config import active_config, adapter
from services.payments.gateways.stripe import StripeGateway
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope


def new_setup_reference() -> str:
    return f"PM-{secrets.token_hex(8).upper()}"


@dataclass(frozen=True)
class Started:
    method: PaymentMethod
    client_secret: str | None
    checkout_url: str | None


@dataclass(frozen=True)
class Cards:
    provider: str
    adapter: CardProvider
    # The Stripe adapter when it is Stripe's: cards there belong to a customer.
    stripe: StripeGateway | None


async def cards_for(provider: str | None, encryption_key: str) -> Cards:
    """The estate's card adapter for `provider` (default: its default gateway). Call in
    the estate's scope."""
    config = await active_config(provider)
    gateway = adapter(config, encryption_key)
    try:
        cards = card_provider(gateway)
    except ProviderError as exc:
        raise ValidationFailed(exc.message, field="provider") from exc
    stripe = gateway if isinstance(gateway, StripeGateway) else None
    return Cards(config.provider, cards, stripe)


async def add_payment_method(
    viewer: Viewer,
    estate: Estate,
    provider: str | None,
    callback_url: str | None,
    encryption_key: str,
) -> Started:
    """A PENDING method and what the provider needs to collect its card: a SetupIntent's
    client secret (Stripe) or a card check's checkout URL (Paystack, Flutterwave). It
    becomes ACTIVE when the provider says the card was entered (its webhook, or
    `confirm_setup`)."""
    assert viewer.resident_id is not None
    async with tenant_scope(estate.slug):
        cards = await cards_for(provider, encryption_key)
        async with savepoint():
            method = await PaymentMethod.create(
                resident_id=viewer.resident_id,
                provider=cards.provider,
                setup_reference=new_setup_reference(),
            )
            await record(
                viewer.user_id,
                "addPaymentMethod",
                "PaymentMethod",
                method.id,
                after={"provider": cards.provider},
            )
    holder = await customers.holder(estate.slug, viewer.resident_id, cards.stripe)
    setup = await cards.adapter.start_setup(
        method.setup_reference, holder, estate.currency, callback_url
    )
    async with tenant_scope(estate.slug):
        await PaymentMethod.filter(id=method.id).update(setup_id=setup.setup_id)
        method = await PaymentMethod.get(id=method.id)
    return Started(method, setup.client_secret, setup.checkout_url)


async def is_setup(reference: str, provider: str) -> bool:
    """Whether a provider event's reference is one of our card setups (in scope)."""
    return await PaymentMethod.filter(setup_reference=reference, provider=provider).exists()


async def confirm_setup(
    estate: Estate, setup_reference: str, encryption_key: str, now: datetime
) -> PaymentMethod:
    """Ask the provider whether the card was entered and, if so, save it (ACTIVE). The
    same path for the provider's webhook and the holder's `confirmPaymentMethod`;
    a method no longer PENDING is left as it is (an EXPIRED one's late card check is
    refunded)."""
    async with tenant_scope(estate.slug):
        method = await PaymentMethod.get(setup_reference=setup_reference)
        if method.status not in ("PENDING", "EXPIRED"):
            return method
        cards = await cards_for(method.provider, encryption_key)
    if method.status == "EXPIRED":  # a card check paid too late: it goes back, unsaved
        await abandon(cards.adapter, method.setup_reference, method.setup_id)
        return method
    saved = await cards.adapter.finish_setup(method.setup_reference, method.setup_id)
    async with tenant_scope(estate.slug):
        method = await PaymentMethod.filter(id=method.id).select_for_update().get()
        if saved is None or method.status != "PENDING":
            return method
        method.update_from_dict(
            {
                "status": "ACTIVE",
                "provider_reference": saved.provider_reference,
                "brand": saved.brand,
                "last4": saved.last4,
                "exp_month": saved.exp_month,
                "exp_year": saved.exp_year,
                "activated_at": now,
            }
        )
        await method.save()
        return method


async def confirm_payment_method(
    viewer: Viewer, estate: Estate, method_id: str, encryption_key: str, now: datetime
) -> PaymentMethod:
    async with tenant_scope(estate.slug):
        method = await get_visible(PaymentMethod, viewer, method_id, "payment method")
    return await confirm_setup(estate, method.setup_reference, encryption_key, now)


async def list_methods(viewer: Viewer) -> list[PaymentMethod]:
    """Saved cards: a resident's own; an admin's view is every resident's."""
    query = visible_rows(PaymentMethod, viewer).filter(status="ACTIVE")
    return list(await query.order_by("created_at", "id"))


async def remove_payment_method(
    viewer: Viewer, estate: Estate, method_id: str, encryption_key: str, now: datetime
) -> PaymentMethod:
    """Detach the card at the provider, then mark it REMOVED (never charged again).
    Removing it twice is INVALID_STATE."""
    async with tenant_scope(estate.slug):
        method = await get_visible(PaymentMethod, viewer, method_id, "payment method")
        if method.status == "REMOVED":
            raise InvalidState("this payment method was removed already", field="id")
        # A card never saved (still PENDING) has nothing to detach.
        cards = (
            await cards_for(method.provider, encryption_key) if method.provider_reference else None
        )
    if cards is not None and method.provider_reference:
        await cards.adapter.remove(method.provider_reference)
    async with tenant_scope(estate.slug):
        method = await PaymentMethod.filter(id=method.id).select_for_update().get()
        if method.status == "REMOVED":  # a concurrent removal won
            raise InvalidState("this payment method was removed already", field="id")
        method.status, method.removed_at = "REMOVED", now
        await method.save(update_fields=["status", "removed_at"])
        await record(viewer.user_id, "removePaymentMethod", "PaymentMethod", method.id)
        return method


async def billing_portal_url(
    viewer: Viewer, estate: Estate, return_url: str | None, encryption_key: str
) -> str | None:
    """A Stripe customer portal session for the resident; None when the estate does not
    take Stripe."""
    assert viewer.resident_id is not None
    gateway = await customers.stripe_gateway(estate.slug, encryption_key)
    if gateway is None:
        return None
    customer = await customers.ensure_customer(
        estate.slug, uuid.UUID(str(viewer.resident_id)), gateway
    )
    return await StripeCards(gateway).portal_url(customer.customer_id, return_url)
