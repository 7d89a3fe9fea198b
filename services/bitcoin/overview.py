"""The admin's view of the estate's Bitcoin gateway (`bitcoinGateway`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from tortoise.functions import Sum

from services.bitcoin.addresses import GAP_LIMIT, unused_run
from services.bitcoin.keys import to_btc
from services.bitcoin.models import BitcoinAccount, BitcoinAddress, BitcoinInvoice
from services.bitcoin.settling import OPEN
from services.bitcoin.terms import account_key, checked_terms
from services.payments.gateways.config import credentials_of
from services.payments.gateways.models import GatewayConfig
from services.payments.models import Payment


@dataclass(frozen=True)
class GatewayView:
    """The admin's `bitcoinGateway`."""

    network: str
    addresses_issued: int
    next_index: int
    pending_payments: int
    received_btc: Decimal
    last_scan_at: datetime | None
    gap_limit: int
    unused_in_a_row: int
    required_confirmations: int
    payment_window_minutes: int

    @property
    def gap_limit_reached(self) -> bool:
        """New payments get addresses given before (or, with none free, go past the gap)."""
        return self.unused_in_a_row >= self.gap_limit


async def gateway_view(encryption_key: str) -> GatewayView | None:
    """None when the estate has no Bitcoin gateway."""
    config = await GatewayConfig.get_or_none(provider="BITCOIN")
    if config is None:
        return None
    key = account_key(credentials_of(config, encryption_key))
    terms = checked_terms(None, config.settings)
    account = await BitcoinAccount.get_or_none(key_id=key.key_id)
    received = await (
        BitcoinInvoice.filter(network=key.network)
        .annotate(total=Sum("received_sats"))
        .values_list("total", flat=True)
    )
    pending = await Payment.filter(provider="BITCOIN", status__in=OPEN).count()
    return GatewayView(
        network=key.network,
        addresses_issued=(
            await BitcoinAddress.filter(account_id=account.id).count() if account else 0
        ),
        next_index=account.next_index if account else 0,
        pending_payments=pending,
        received_btc=to_btc(int(str(received[0] or 0)) if received else 0),
        last_scan_at=account.last_scan_at if account else None,
        gap_limit=GAP_LIMIT,
        unused_in_a_row=await unused_run(account) if account else 0,
        required_confirmations=terms.required_confirmations,
        payment_window_minutes=terms.payment_window_minutes,
    )
