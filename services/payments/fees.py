"""The platform's fee on a payment, by the estate's terms."""

from __future__ import annotations

from tenants.models import Estate


def platform_fee(estate: Estate, amount: int) -> int:
    """The platform fee on a payment of `amount` minor units (half up, never above it)."""
    percentage = (amount * estate.platform_fee_bps + 5_000) // 10_000
    return min(amount, percentage + estate.platform_fee_fixed)
