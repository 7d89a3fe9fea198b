"""A Bitcoin payment's terms, fixed when it starts: the rate (fetched with no connection
held), the amount in BTC rounded up to the satoshi, the window, and its own address."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime, timedelta

import segno

from services.bitcoin import rates
from services.bitcoin.addresses import allocate
from services.bitcoin.keys import payment_uri, sats_for
from services.bitcoin.models import BitcoinInvoice
from services.bitcoin.terms import Terms, account_key, checked_terms
from services.errors import ValidationFailed
from services.events import changed
from services.payments.gateways.models import GatewayConfig
from services.payments.models import Payment
from tenants.scope import tenant_scope

# Late arrivals on an expired payment's address are watched for (and credited) this long;
# only then may the address be given to another payment (past the gap limit).
LATE_WATCH = timedelta(hours=24)


async def terms_of() -> Terms:
    """The current estate's Bitcoin settings (in its scope)."""
    config = await GatewayConfig.get_or_none(provider="BITCOIN")
    if config is None:
        raise ValidationFailed(
            "BITCOIN gateway is not configured for this estate", field="provider"
        )
    return checked_terms(None, config.settings)


async def open_invoice(
    slug: str, reference: str, amount: int, currency: str, credentials: dict[str, str]
) -> BitcoinInvoice:
    """The invoice of the PENDING payment `reference`: made once (a retry gets the same)."""
    key = account_key(credentials)
    async with tenant_scope(slug):
        terms = await terms_of()
    rate = await rates.rate_minor(terms.rate_api_url, currency)
    now = datetime.now(UTC)
    async with tenant_scope(slug):
        payment = await Payment.filter(reference=reference).select_for_update().get()
        existing = await BitcoinInvoice.get_or_none(payment_id=payment.id)
        if existing is not None:
            return existing
        expires = now + timedelta(minutes=terms.payment_window_minutes)
        watch_until = expires + LATE_WATCH
        address = await allocate(key, payment.id, watch_until, now)
        invoice = await BitcoinInvoice.create(
            payment_id=payment.id,
            address_ref_id=address.id,
            address=address.address,
            network=key.network,
            amount_sats=sats_for(amount, rate),
            rate_minor=rate,
            currency=currency,
            required_confirmations=terms.required_confirmations,
            expires_at=expires,
            watch_until=watch_until,
        )
        changed("payment", payment.id, payment.resident_id)
        return invoice


async def invoices_by_payment(payment_ids: list[uuid.UUID]) -> dict[uuid.UUID, BitcoinInvoice]:
    """Each payment's invoice with its transactions (for a loader)."""
    rows = await BitcoinInvoice.filter(payment_id__in=payment_ids).prefetch_related("transactions")
    return {uuid.UUID(str(row.payment_id)): row for row in rows}


def live_txids(invoice: BitcoinInvoice) -> list[str]:
    return [tx.txid for tx in invoice.transactions if tx.state == "LIVE"]


def uri_of(invoice: BitcoinInvoice) -> str:
    return payment_uri(invoice.address, invoice.amount_sats)


def qr_svg(uri: str) -> str:
    """The payment URI as an SVG QR code, for a wallet app's camera."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(out, kind="svg", xmldecl=False, scale=4)
    return out.getvalue().decode()
