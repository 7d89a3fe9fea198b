"""Billing plans as Stripe products and prices, for `estatepay stripe sync`: one product
per plan, under an id made from the plan's (so a re-run, or a run after a lost answer,
finds it instead of making a second); its current price as the product's one active
price. Stripe prices are immutable, so a plan's new price is a new Stripe price and the
old one is deactivated; an archived plan's product is set inactive. The price synced is
the plan's latest (the one its coming periods are billed at). Provider calls happen
outside any tenant scope."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import stripe

from services.payments.gateways.base import ProviderError
from services.payments.gateways.stripe import StripeGateway
from services.plans.models import BillingPlan, BillingPlanPrice
from tenants.scope import tenant_scope

# Our interval -> Stripe's recurring interval and count.
RECURRING = {"MONTHLY": ("month", 1), "QUARTERLY": ("month", 3), "YEARLY": ("year", 1)}
# More prices than a plan ever has (one per price change); they are all read at once.
PRICE_PAGE = 100


@dataclass(frozen=True)
class PlanState:
    """What Stripe should show of a plan."""

    plan_id: uuid.UUID
    name: str
    archived: bool
    currency: str
    interval: str
    amount: int

    @property
    def product_id(self) -> str:
        return product_id(self.plan_id)

    @property
    def lookup_key(self) -> str:
        # Always names the plan's current price (moved with `transfer_lookup_key`).
        return f"estatepay_plan_{self.plan_id.hex}"


def product_id(plan_id: uuid.UUID) -> str:
    return f"estatepay_plan_{plan_id.hex}"


async def count_plans(slug: str) -> int:
    async with tenant_scope(slug):
        return await BillingPlan.all().count()


async def _plans(slug: str) -> list[PlanState]:
    async with tenant_scope(slug):
        plans = await BillingPlan.all().order_by("created_at", "id")
        latest: dict[str, BillingPlanPrice] = {}
        for price in await BillingPlanPrice.all().order_by("effective_from", "id"):
            latest[str(price.plan_id)] = price
    return [
        PlanState(
            uuid.UUID(str(plan.id)),
            plan.name,
            plan.archived_at is not None,
            plan.currency,
            plan.interval,
            latest[str(plan.id)].amount,
        )
        for plan in plans
    ]


def _missing(exc: ProviderError) -> bool:
    cause = exc.__cause__
    return isinstance(cause, stripe.InvalidRequestError) and cause.http_status == 404


async def _product(gateway: StripeGateway, slug: str, plan: PlanState) -> Any | None:
    """The plan's product at Stripe, made or brought in step; None for an archived plan
    Stripe never had (nothing to show there)."""
    try:
        product = await gateway.call(
            lambda client: client.v1.products.retrieve_async(plan.product_id)
        )
    except ProviderError as exc:
        if not _missing(exc):
            raise
        product = None
    if product is None:
        if plan.archived:
            return None
        return await gateway.call(
            lambda client: client.v1.products.create_async(
                params={
                    "id": plan.product_id,
                    "name": plan.name,
                    "metadata": {"estate": slug, "planId": str(plan.plan_id)},
                },
                options={"idempotency_key": f"product:{slug}:{plan.plan_id}"},
            )
        )
    if product.name != plan.name or bool(product.active) == plan.archived:
        product = await gateway.call(
            lambda client: client.v1.products.update_async(
                plan.product_id, params={"name": plan.name, "active": not plan.archived}
            )
        )
    return product


def _matches(price: Any, plan: PlanState) -> bool:
    interval, count = RECURRING[plan.interval]
    recurring = price.recurring
    return (
        price.unit_amount == plan.amount
        and str(price.currency).upper() == plan.currency
        and recurring is not None
        and (recurring.interval, recurring.interval_count) == (interval, count)
    )


async def _price(gateway: StripeGateway, slug: str, plan: PlanState) -> None:
    """The plan's price as the product's one active price: an earlier identical price is
    taken back (a price changed and changed back), otherwise a new one is made; the
    others are deactivated."""
    prices = await gateway.call(
        lambda client: client.v1.prices.list_async(
            params={"product": plan.product_id, "limit": PRICE_PAGE}
        )
    )
    listed = list(prices.data)
    current = next((p for p in listed if _matches(p, plan) and p.active), None) or next(
        (p for p in listed if _matches(p, plan)), None
    )
    if current is None:
        interval, count = RECURRING[plan.interval]
        current = await gateway.call(
            lambda client: client.v1.prices.create_async(
                params={
                    "product": plan.product_id,
                    "currency": plan.currency.lower(),
                    "unit_amount": plan.amount,
                    "recurring": {"interval": interval, "interval_count": count},
                    "lookup_key": plan.lookup_key,
                    "transfer_lookup_key": True,
                    "metadata": {"estate": slug, "planId": str(plan.plan_id)},
                },
                options={"idempotency_key": f"price:{slug}:{plan.plan_id}:{plan.amount}"},
            )
        )
    if not current.active or current.lookup_key != plan.lookup_key:
        chosen = str(current.id)
        await gateway.call(
            lambda client: client.v1.prices.update_async(
                chosen,
                params={"active": True, "lookup_key": plan.lookup_key, "transfer_lookup_key": True},
            )
        )
    for stale in [str(p.id) for p in listed if p.active and p.id != current.id]:
        await _deactivate(gateway, stale)


async def _deactivate(gateway: StripeGateway, price_id: str) -> None:
    await gateway.call(
        lambda client: client.v1.prices.update_async(price_id, params={"active": False})
    )


async def sync_plans(slug: str, gateway: StripeGateway, done: Callable[[], None]) -> int:
    """Every plan of the estate (archived ones included) in step at Stripe; a second run
    only reads."""
    plans = await _plans(slug)
    for plan in plans:
        if await _product(gateway, slug, plan) is not None and not plan.archived:
            await _price(gateway, slug, plan)
        done()
    return len(plans)
