from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel

# Every payout reference we issue fits in this.
PAYOUT_REFERENCE_LENGTH = 40


# What a payout pays out: the estate's revenue, or a resident's wallet balance
# (`refundWalletBalance`), which never touches the estate's revenue.
PURPOSES = ("WITHDRAWAL", "WALLET_REFUND")


class Payout(TenantModel):
    """One withdrawal from the estate's revenue wallet, or one refund of a resident's
    wallet balance to their bank account, and where it stands (`services.payouts.lifecycle`)."""

    id = fields.UUIDField(primary_key=True)
    # Ours, and the provider's idempotency reference for the transfer.
    reference = fields.CharField(max_length=PAYOUT_REFERENCE_LENGTH, unique=True)
    amount = fields.BigIntField()
    # The provider's transfer fee, held and paid with the amount.
    fee = fields.BigIntField(default=0)
    currency = fields.CharField(max_length=3)
    status = fields.CharField(max_length=16, db_index=True)
    purpose = fields.CharField(max_length=16, default="WITHDRAWAL")
    # A WALLET_REFUND's resident and the wallet its money came from (and returns to).
    resident_id = fields.UUIDField(null=True)
    wallet_id = fields.UUIDField(null=True)
    provider = fields.CharField(max_length=16)
    bank_code = fields.CharField(max_length=20)
    bank_name = fields.CharField(max_length=100)
    account_number = fields.CharField(max_length=20)
    account_name = fields.CharField(max_length=200)
    # None: requested by the daily auto-payout, not a person.
    requested_by_id = fields.UUIDField(null=True)
    decided_by_id = fields.UUIDField(null=True)
    note = fields.CharField(max_length=500, null=True)
    decision_note = fields.CharField(max_length=500, null=True)
    failure_code = fields.CharField(max_length=32, null=True)
    failure_message = fields.CharField(max_length=500, null=True)
    idempotency_key = fields.CharField(max_length=200, unique=True)
    request_fingerprint = fields.CharField(max_length=64)
    # The provider's id for the transfer, once it has answered.
    provider_reference = fields.CharField(max_length=100, null=True)
    # Sending: how often, when last, and the last error (a timeout is verified, not resent).
    send_attempts = fields.IntField(default=0)
    sent_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    decided_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "payouts"
        indexes = (("created_at", "id"),)


class PayoutSettings(TenantModel):
    """The estate's payout settings: one row, made on first change."""

    id = fields.IntField(primary_key=True)
    # PAYSTACK or FLUTTERWAVE; None: the estate's default gateway, if it is one of those.
    provider = fields.CharField(max_length=16, null=True)
    # Minor units: once a day, what is available above this is requested as a payout...
    auto_payout_threshold = fields.BigIntField(null=True)
    # ...to this account (resolved with the provider when set; required with a threshold).
    auto_bank_code = fields.CharField(max_length=20, null=True)
    auto_bank_name = fields.CharField(max_length=100, null=True)
    auto_account_number = fields.CharField(max_length=20, null=True)
    auto_account_name = fields.CharField(max_length=200, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "payout_settings"
