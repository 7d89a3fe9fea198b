"""Bitcoin: a payment's `bitcoin { ... }` details and the admin's `bitcoinGateway`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers import bitcoin as resolvers
from resolvers.context import RequestContext
from schema.shared import Money, convert
from services.bitcoin.invoices import live_txids, qr_svg, uri_of
from services.bitcoin.keys import to_btc
from services.bitcoin.models import BitcoinInvoice


@strawberry.type
class BitcoinDetails:
    address: str
    network: str
    amount_btc: Decimal
    # The price of one BTC in the payment's currency, locked when it started.
    rate: Money
    expires_at: datetime
    payment_uri: str
    confirmations: int
    required_confirmations: int
    received_btc: Decimal
    txids: list[str]
    # What went to the payer's wallet instead of the bill (under, over or late).
    credited_btc: Decimal
    credited: Money

    @strawberry.field
    def qr_svg(self) -> str:
        """`paymentUri` as an SVG QR code."""
        return qr_svg(self.payment_uri)


def bitcoin_details(invoice: BitcoinInvoice) -> BitcoinDetails:
    return convert(
        BitcoinDetails,
        invoice,
        amount_btc=to_btc(invoice.amount_sats),
        rate=Money.of(invoice.rate_minor, invoice.currency),
        payment_uri=uri_of(invoice),
        received_btc=to_btc(invoice.received_sats),
        txids=live_txids(invoice),
        credited_btc=to_btc(invoice.credited_sats),
        credited=Money.of(invoice.credited_minor, invoice.currency),
    )


@strawberry.type
class BitcoinGateway:
    network: str
    addresses_issued: int
    next_index: int
    pending_payments: int
    received_btc: Decimal
    last_scan_at: datetime | None
    # Past the gap limit (this many unused addresses in a row) new payments reuse
    # addresses that never received anything instead of going further.
    gap_limit: int
    unused_in_a_row: int
    gap_limit_reached: bool
    required_confirmations: int
    payment_window_minutes: int


@strawberry.type
class BitcoinQuery:
    @strawberry.field
    async def bitcoin_gateway(self, info: Info[RequestContext, None]) -> BitcoinGateway | None:
        """The estate's Bitcoin gateway (admins); null when it has none."""
        view = await resolvers.bitcoin_gateway(info.context)
        return convert(BitcoinGateway, view) if view else None
