"""Residents as Stripe customers: made when a resident first saves a card or opens the
customer portal, and kept in step by `estatepay stripe sync`. Provider calls happen
outside any tenant scope; each database step opens its own."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError

from services.errors import ValidationFailed
from services.identity.models import User
from services.payment_methods.cards import Holder
from services.payment_methods.models import ProviderCustomer
from services.payments.gateways.config import active_config, adapter
from services.payments.gateways.stripe import StripeGateway
from services.residents.models import Resident
from tenants.scope import savepoint, tenant_scope

STRIPE = "STRIPE"


async def stripe_gateway(slug: str, encryption_key: str) -> StripeGateway | None:
    """The estate's active Stripe adapter, or None when it does not use Stripe."""
    async with tenant_scope(slug):
        try:
            gateway = adapter(await active_config(STRIPE), encryption_key)
        except ValidationFailed:
            return None
    return gateway if isinstance(gateway, StripeGateway) else None


async def _person(slug: str, resident_id: uuid.UUID) -> tuple[User, ProviderCustomer | None]:
    async with tenant_scope(slug):
        resident = await Resident.get(id=resident_id)
        known = await ProviderCustomer.get_or_none(resident_id=resident_id, provider=STRIPE)
    return await User.get(id=resident.user_id), known


async def ensure_customer(
    slug: str, resident_id: uuid.UUID, gateway: StripeGateway
) -> ProviderCustomer:
    """The resident's Stripe customer, made if there is none and updated if their name
    or email changed since; calling it again changes nothing (Stripe sees the same
    Idempotency-Key for the creation, so a retry after a lost answer makes no second)."""
    user, known = await _person(slug, resident_id)
    if known is not None and (known.email, known.name) == (user.email, user.full_name):
        return known
    if known is not None:
        await gateway.call(
            lambda client: client.v1.customers.update_async(
                known.customer_id, params={"email": user.email, "name": user.full_name}
            )
        )
        async with tenant_scope(slug):
            await ProviderCustomer.filter(id=known.id).update(email=user.email, name=user.full_name)
            return await ProviderCustomer.get(id=known.id)
    customer = await gateway.call(
        lambda client: client.v1.customers.create_async(
            params={
                "email": user.email,
                "name": user.full_name,
                "metadata": {"estate": slug, "residentId": str(resident_id)},
            },
            options={"idempotency_key": f"customer:{slug}:{resident_id}"},
        )
    )
    async with tenant_scope(slug):
        try:
            async with savepoint():
                return await ProviderCustomer.create(
                    resident_id=resident_id,
                    provider=STRIPE,
                    customer_id=str(customer.id),
                    email=user.email,
                    name=user.full_name,
                )
        except IntegrityError:  # made meanwhile by another call (the same customer)
            return await ProviderCustomer.get(resident_id=resident_id, provider=STRIPE)


async def holder(slug: str, resident_id: uuid.UUID, gateway: StripeGateway | None) -> Holder:
    """Who the card belongs to, as the provider knows them: a Stripe customer for
    Stripe, the email for the others."""
    user, known = await _person(slug, resident_id)
    if gateway is None:
        return Holder(user.email, None)
    customer = known or await ensure_customer(slug, resident_id, gateway)
    return Holder(user.email, customer.customer_id)


@dataclass(frozen=True)
class SyncReport:
    estate: str
    synced: int
    skipped: str | None = None  # why the estate was left out (it has no Stripe gateway)


# One step of `estatepay stripe sync` for an estate: (slug, its Stripe adapter, a
# callback per item done) -> how many items. Residents as customers here; billing plans
# as products and prices in `services.plans.stripe_products`.
SyncStep = Callable[[str, StripeGateway, Callable[[], None]], Awaitable[int]]


async def count_residents(slug: str) -> int:
    async with tenant_scope(slug):
        return await Resident.filter(active=True).count()


async def sync_residents(slug: str, gateway: StripeGateway, done: Callable[[], None]) -> int:
    async with tenant_scope(slug):
        ids = [r for r in await Resident.filter(active=True).values_list("id", flat=True)]
    for resident_id in ids:
        await ensure_customer(slug, uuid.UUID(str(resident_id)), gateway)
        done()
    return len(ids)


async def sync_estate(
    slug: str, encryption_key: str, steps: Sequence[SyncStep], done: Callable[[], None]
) -> SyncReport:
    gateway = await stripe_gateway(slug, encryption_key)
    if gateway is None:
        return SyncReport(slug, 0, "no active Stripe gateway")
    synced = 0
    for step in steps:
        synced += await step(slug, gateway, done)
    return SyncReport(slug, synced)
