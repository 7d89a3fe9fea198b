"""Autopay from a saved card: the charges of PAYMENT_METHOD mandates, collected by the
worker outside any tenant scope (a provider call must not hold a connection).

SEAM(#18 part 5): saved payment methods and off-session charges are built on the
`paymethods` branch (`services.payment_methods`). Once `services.payment_methods.charge`
has `charge_saved_method(estate, payment_method_id, bill_id, amount, idempotency_key)`
returning an outcome with `ok`, `code`, `message` and `payment_id`, `collect` calls it
for each due charge and records the outcome (`autopay.record_outcome`: paid, or retried
1, 3 and 7 days after the first failure, then the mandate pauses). Until then card
charges wait, PENDING."""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from services.plans import autopay
from services.plans.models import AutopayCharge
from tenants.models import Estate
from tenants.scope import tenant_scope

Charger = Callable[..., Awaitable[Any]]


def _charger() -> Charger | None:
    try:
        module = importlib.import_module("services.payment_methods.charge")
    except ModuleNotFoundError:
        return None
    found: Charger | None = getattr(module, "charge_saved_method", None)
    return found


async def collect(estate: Estate, now: datetime) -> int:
    """Charge each due card charge once; returns the tries made."""
    charge_saved_method = _charger()
    if charge_saved_method is None:
        return 0
    async with tenant_scope(estate.slug):
        due = list(
            await AutopayCharge.filter(
                status="PENDING",
                next_attempt_at__lte=now,
                mandate__status="ACTIVE",
                mandate__source="PAYMENT_METHOD",
            )
            .order_by("next_attempt_at", "id")
            .limit(autopay.MAX_CHARGES_PER_CALL)
            .prefetch_related("mandate", "bill")
        )
    for charge in due:
        outcome = await charge_saved_method(
            estate,
            charge.mandate.payment_method_id,
            uuid.UUID(str(charge.bill_id)),
            charge.bill.balance_due,
            f"autopay:{charge.id}:{charge.attempts + 1}",
        )
        async with tenant_scope(estate.slug):
            fresh = (
                await AutopayCharge.filter(id=charge.id, status="PENDING")
                .select_for_update()
                .first()
            )
            if fresh is None:
                continue
            await autopay.record_outcome(
                fresh,
                charge.mandate,
                now,
                paid=bool(outcome.ok),
                code=outcome.code,
                message=outcome.message,
                payment_id=outcome.payment_id,
            )
    return len(due)
