"""Residents' saved cards and their customer records at providers. Only what shows a
card to its holder (brand, last 4, expiry) and the provider's handle for charging it
are kept: never a card number."""

from __future__ import annotations

from tortoise import fields

from services.residents.models import Resident
from tenants.scope import TenantModel

# PENDING: the holder is entering the card (a SetupIntent, a verification charge);
# ACTIVE: chargeable; REMOVED: detached, kept for the payments that used it; EXPIRED:
# left PENDING too long (`services.payment_methods.expiry`), never saved.
STATUSES = ("PENDING", "ACTIVE", "REMOVED", "EXPIRED")


class ProviderCustomer(TenantModel):
    """A resident as a customer of a provider (Stripe): one per resident and provider."""

    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="provider_customers", on_delete=fields.RESTRICT
    )
    provider = fields.CharField(max_length=16)
    customer_id = fields.CharField(max_length=100)
    # What the provider was last sent, so a sync sends only what changed.
    email = fields.CharField(max_length=254)
    name = fields.CharField(max_length=200)
    synced_at = fields.DatetimeField(auto_now=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    resident_id: str

    class Meta:
        app = "tenant"
        table = "provider_customers"
        unique_together = (("resident", "provider"),)


class PaymentMethod(TenantModel):
    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="payment_methods", on_delete=fields.RESTRICT
    )
    provider = fields.CharField(max_length=16)
    status = fields.CharField(max_length=10, default="PENDING")
    # Ours, given to the provider with the setup (SetupIntent metadata, the verification
    # charge's reference): how its events find this row.
    setup_reference = fields.CharField(max_length=40, unique=True)
    # The provider's id of the setup: a SetupIntent (Stripe); unset for the others.
    setup_id = fields.CharField(max_length=100, null=True)
    # What charges it: a PaymentMethod (Stripe), an authorization code (Paystack), a
    # card token (Flutterwave). Set once ACTIVE.
    provider_reference = fields.CharField(max_length=200, null=True)
    brand = fields.CharField(max_length=30, null=True)
    last4 = fields.CharField(max_length=4, null=True)
    exp_month = fields.SmallIntField(null=True)
    exp_year = fields.SmallIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    activated_at = fields.DatetimeField(null=True)
    removed_at = fields.DatetimeField(null=True)

    resident_id: str

    class Meta:
        app = "tenant"
        table = "payment_methods"
        indexes = (("resident", "status"),)
