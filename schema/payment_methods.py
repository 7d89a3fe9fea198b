"""Saved payment methods (cards) for autopay, and the Stripe customer portal."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import payment_methods as resolvers
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.shared import convert
from services.payment_methods.methods import Started
from services.payment_methods.models import PaymentMethod as PaymentMethodModel


@strawberry.enum
class PaymentMethodStatus(Enum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    REMOVED = "REMOVED"
    EXPIRED = "EXPIRED"


@strawberry.type
class PaymentMethod:
    """A saved card: only what shows it to its holder, never its number."""

    id: strawberry.ID
    provider: PaymentProvider
    status: PaymentMethodStatus
    brand: str | None
    last4: str | None
    exp_month: int | None
    exp_year: int | None
    created_at: datetime


@strawberry.type
class PaymentMethodSetup:
    """What the provider needs to collect the card: a Stripe SetupIntent's client secret
    (for Stripe.js), or a checkout page for a small card check (Paystack, Flutterwave),
    refunded once the card is saved."""

    payment_method: PaymentMethod
    client_secret: str | None
    checkout_url: str | None
    reference: str


def method_node(method: PaymentMethodModel) -> PaymentMethod:
    return convert(PaymentMethod, method)


def setup_node(started: Started) -> PaymentMethodSetup:
    return PaymentMethodSetup(
        payment_method=method_node(started.method),
        client_secret=started.client_secret,
        checkout_url=started.checkout_url,
        reference=started.method.setup_reference,
    )


def _value(choice: Enum | None) -> str | None:
    return choice.value if choice else None


RETURN_URL = "Where the portal's back link goes (default: Stripe's portal configuration)"


@strawberry.type
class PaymentMethodQuery:
    @strawberry.field
    async def payment_methods(self, info: Info[RequestContext, None]) -> list[PaymentMethod]:
        """Saved cards that can be charged: a resident's own (an admin sees every
        resident's)."""
        return [method_node(m) for m in await resolvers.payment_methods(info.context)]

    @strawberry.field(metadata=UNSCOPED)
    async def billing_portal_url(
        self,
        info: Info[RequestContext, None],
        return_url: Annotated[str | None, strawberry.argument(description=RETURN_URL)] = None,
    ) -> str | None:
        """A Stripe customer portal session for the signed-in resident; null when the
        estate does not take Stripe."""
        return await resolvers.billing_portal_url(info.context, return_url)


@strawberry.type
class PaymentMethodMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def add_payment_method(
        self,
        info: Info[RequestContext, None],
        provider: PaymentProvider | None = None,
        callback_url: str | None = None,
    ) -> PaymentMethodSetup:
        started = await resolvers.add_payment_method(info.context, _value(provider), callback_url)
        return setup_node(started)

    @strawberry.mutation(metadata=UNSCOPED)
    async def confirm_payment_method(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> PaymentMethod:
        """Ask the provider now whether the card was entered (the same path as its
        webhook); the method is ACTIVE once it was."""
        return method_node(await resolvers.confirm_payment_method(info.context, str(id)))

    @strawberry.mutation(metadata=UNSCOPED)
    async def remove_payment_method(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> PaymentMethod:
        return method_node(await resolvers.remove_payment_method(info.context, str(id)))
