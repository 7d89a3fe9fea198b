"""Autopay from a saved card: the charges of PAYMENT_METHOD mandates, collected by the
worker outside any tenant scope (a provider call must not hold a connection), through
`services.payment_methods.charge.charge_saved_method`. Each outcome is recorded by
`autopay.record_outcome`: paid, or retried 1, 3 and 7 days after the first failure, then
the mandate pauses. A charge whose answer never came (PENDING) is asked again with the
same key on the next collection, so a card is never charged twice for one try."""

from __future__ import annotations

import uuid
from datetime import datetime

from services.errors import DomainError
from services.payment_methods.charge import charge_saved_method
from services.plans import autopay
from services.plans.models import AutopayCharge
from tenants.models import Estate
from tenants.scope import tenant_scope


async def collect(estate: Estate, now: datetime, encryption_key: str) -> int:
    """Charge each due card charge once; returns the tries made."""
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
        payment_id: uuid.UUID | None = None
        code: str | None
        message: str | None
        try:
            outcome = await charge_saved_method(
                estate,
                str(charge.mandate.payment_method_id),
                uuid.UUID(str(charge.bill_id)),
                charge.bill.balance_due,
                f"autopay:{charge.id}:{charge.attempts + 1}",
                encryption_key,
                now,
            )
        except DomainError as exc:  # the card removed, the bill gone: a failed try
            paid, code, message = False, exc.code, exc.message
        else:
            if outcome.status == "PENDING":
                continue  # unknown yet: the same key asks again next time
            paid = outcome.status == "SUCCEEDED"
            code, message = outcome.failure_code, outcome.failure_message
            payment_id = outcome.payment_id
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
                paid=paid,
                code=code,
                message=message,
                payment_id=payment_id,
            )
    return len(due)
