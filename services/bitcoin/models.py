from __future__ import annotations

from tortoise import fields

from services.payments.models import Payment
from tenants.scope import TenantModel


class BitcoinAccount(TenantModel):
    """One watch-only account key of the estate and its receive-address counter. Its row
    is locked while an address is allocated, so two payments never get one index."""

    id = fields.UUIDField(primary_key=True)
    # A hash of the extended public key: a new key starts its own index range.
    key_id = fields.CharField(max_length=32, unique=True)
    network = fields.CharField(max_length=16)
    next_index = fields.IntField(default=0)
    last_scan_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "bitcoin_accounts"


class BitcoinAddress(TenantModel):
    """A receive address issued to a payment: m/0/index of its account key."""

    id = fields.UUIDField(primary_key=True)
    account: fields.ForeignKeyRelation[BitcoinAccount] = fields.ForeignKeyField(
        "tenant.BitcoinAccount", related_name="addresses", on_delete=fields.RESTRICT
    )
    index = fields.IntField()
    address = fields.CharField(max_length=100, unique=True)
    # The payment watching it now (a reused address moves to its new payment).
    payment_id = fields.UUIDField(null=True)
    # Ever received anything: a used address is never issued again.
    used = fields.BooleanField(default=False)
    times_issued = fields.IntField(default=1)
    # When its current payment stops counting what arrives as its own (its window).
    free_after = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    account_id: str

    class Meta:
        app = "tenant"
        table = "bitcoin_addresses"
        unique_together = (("account", "index"),)


class BitcoinInvoice(TenantModel):
    """A Bitcoin payment's terms (address, locked rate, window) and what the chain shows."""

    id = fields.UUIDField(primary_key=True)
    payment: fields.OneToOneRelation[Payment] = fields.OneToOneField(
        "tenant.Payment", related_name="bitcoin_invoice", on_delete=fields.RESTRICT
    )
    address_ref: fields.ForeignKeyRelation[BitcoinAddress] = fields.ForeignKeyField(
        "tenant.BitcoinAddress", related_name="invoices", on_delete=fields.RESTRICT
    )
    address = fields.CharField(max_length=100, db_index=True)
    network = fields.CharField(max_length=16)
    amount_sats = fields.BigIntField()
    # The price of one BTC in minor units of `currency`, locked when the payment started.
    rate_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    required_confirmations = fields.IntField()
    expires_at = fields.DatetimeField()
    # Watched until then (late arrivals are credited); settled invoices stop earlier.
    watch_until = fields.DatetimeField(db_index=True)
    received_sats = fields.BigIntField(default=0)
    confirmations = fields.IntField(default=0)
    # What went to the payer's wallet instead of the bill (under, over, late).
    credited_sats = fields.BigIntField(default=0)
    credited_minor = fields.BigIntField(default=0)
    last_checked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    payment_id: str
    address_ref_id: str
    transactions: fields.ReverseRelation[BitcoinTransaction]

    class Meta:
        app = "tenant"
        table = "bitcoin_invoices"


class BitcoinTransaction(TenantModel):
    """A transaction paying an invoice's address, as last seen on the chain."""

    id = fields.UUIDField(primary_key=True)
    invoice: fields.ForeignKeyRelation[BitcoinInvoice] = fields.ForeignKeyField(
        "tenant.BitcoinInvoice", related_name="transactions", on_delete=fields.RESTRICT
    )
    txid = fields.CharField(max_length=64)
    value_sats = fields.BigIntField()
    block_height = fields.IntField(null=True)
    # LIVE (in the mempool or a block) or DROPPED (gone from both).
    state = fields.CharField(max_length=8, default="LIVE")
    # First seen inside the payment window: it counts towards the payment.
    on_time = fields.BooleanField()
    # Its value went somewhere for good: the bill (SETTLED) or the wallet (CREDITED).
    outcome = fields.CharField(max_length=8, null=True)
    first_seen_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)

    invoice_id: str

    class Meta:
        app = "tenant"
        table = "bitcoin_transactions"
        unique_together = (("invoice", "txid"),)
