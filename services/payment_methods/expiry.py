"""Card checks never completed: a method `addPaymentMethod` left PENDING for a day is
EXPIRED (never saved later), and what its holder may have handed the provider goes back
to them (`abandon`). The provider first, then the row under its lock: a provider that
cannot be reached leaves the method PENDING for the next run, and a webhook saving the
card meanwhile wins (its card check refunded once: providers refuse a second refund)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from services.audit.log import record
from services.errors import ValidationFailed
from services.payment_methods.abandon import abandon
from services.payment_methods.methods import cards_for
from services.payment_methods.models import PaymentMethod
from services.payments.gateways.base import ProviderError, ProviderUnavailable
from tenants.models import Estate
from tenants.scope import tenant_scope

log = logging.getLogger(__name__)
# How long a holder has to finish entering a card (a checkout link, a SetupIntent).
SETUP_LIFETIME = timedelta(hours=24)


async def expire_setups(estate: Estate, at: datetime, encryption_key: str) -> int:
    """Expire the estate's card setups older than `SETUP_LIFETIME` at `at`; returns how
    many. Each provider call is made outside any tenant scope."""
    async with tenant_scope(estate.slug):
        stale = await PaymentMethod.filter(
            status="PENDING", created_at__lt=at - SETUP_LIFETIME
        ).order_by("created_at", "id")
    expired = 0
    for method in stale:
        async with tenant_scope(estate.slug):
            try:
                cards = await cards_for(method.provider, encryption_key)
            except ValidationFailed:  # the gateway is gone: nothing to ask, only expire
                cards = None
        try:
            if cards is not None and await abandon(
                cards.adapter, method.setup_reference, method.setup_id
            ):
                log.info("%s: card check %s refunded", estate.slug, method.setup_reference)
        except (ProviderError, ProviderUnavailable) as exc:
            log.warning("%s: card setup %s kept for the next run: %s", estate.slug, method.id, exc)
            continue
        async with tenant_scope(estate.slug):
            locked = await PaymentMethod.filter(id=method.id).select_for_update().get()
            if locked.status != "PENDING":  # saved meanwhile
                continue
            # `removed_at`: when it stopped being usable, as for a removed card.
            locked.status, locked.removed_at = "EXPIRED", at
            await locked.save(update_fields=["status", "removed_at"])
            await record(None, "expirePaymentMethod", "PaymentMethod", locked.id)
        expired += 1
    return expired
