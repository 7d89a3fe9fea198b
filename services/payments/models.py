from __future__ import annotations

from tortoise import fields

from services.bills.models import Bill
from services.residents.models import Resident
from tenants.scope import TenantModel

# Every payment reference we issue fits in this; a longer one names nothing.
REFERENCE_LENGTH = 40
# The longest provider event id and type stored; a longer one is refused as malformed.
EVENT_ID_LENGTH = 200
EVENT_TYPE_LENGTH = 100


class Payment(TenantModel):
    id = fields.UUIDField(primary_key=True)
    reference = fields.CharField(max_length=REFERENCE_LENGTH, unique=True)
    purpose = fields.CharField(max_length=20)  # BILL_PAYMENT, WALLET_DEPOSIT
    provider = fields.CharField(max_length=16)
    amount = fields.BigIntField()  # what was settled once it succeeded
    # Set when less arrived than was asked: what was asked (the shortfall is the difference).
    requested_amount = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3)
    fee = fields.BigIntField(default=0)
    status = fields.CharField(max_length=20, db_index=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="payments", on_delete=fields.RESTRICT
    )
    bill: fields.ForeignKeyNullableRelation[Bill] = fields.ForeignKeyField(
        "tenant.Bill", related_name="payments", on_delete=fields.RESTRICT, null=True
    )
    idempotency_key = fields.CharField(max_length=200, unique=True, null=True)
    # Hash of the request, to tell a retry from a different request under the same key.
    request_fingerprint = fields.CharField(max_length=64, null=True)
    failure_code = fields.CharField(max_length=32, null=True)
    failure_message = fields.CharField(max_length=500, null=True)
    refunded_amount = fields.BigIntField(default=0)
    # What the bill could not take (more than its balance due): credited to the payer's
    # wallet by the payment's own entry (PREPAYMENT_CREDIT); never refunded with the bill.
    credited = fields.BigIntField(default=0)
    # RCT-000001, per estate, gapless: given in the transaction that marks it SUCCEEDED.
    receipt_number = fields.CharField(max_length=20, unique=True, null=True)
    provider_reference = fields.CharField(max_length=100, null=True)
    checkout_url = fields.CharField(max_length=1000, null=True)
    client_secret = fields.CharField(max_length=300, null=True)
    # payBill(savePaymentMethod: true): the card that pays it is kept as the payer's
    # saved card once it succeeds (`services.payment_methods.from_payments`).
    save_payment_method = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)

    resident_id: str
    bill_id: str | None

    class Meta:
        app = "tenant"
        table = "payments"
        indexes = (("created_at", "id"), ("resident", "created_at"), ("bill", "created_at"))


class ReceiptCounter(TenantModel):
    """One row per estate: the last receipt number handed out (as `BillCounter`)."""

    id = fields.IntField(primary_key=True)
    last_number = fields.BigIntField(default=0)

    class Meta:
        app = "tenant"
        table = "receipt_counter"


class WebhookEvent(TenantModel):
    """The estate's inbox of provider events: stored before we answer 200, applied by a
    worker exactly once (unique per provider event id)."""

    id = fields.UUIDField(primary_key=True)
    provider = fields.CharField(max_length=16)
    event_id = fields.CharField(max_length=EVENT_ID_LENGTH)
    type = fields.CharField(max_length=EVENT_TYPE_LENGTH)
    reference = fields.CharField(max_length=100, null=True)
    payload: fields.Field[dict] = fields.JSONField()
    status = fields.CharField(max_length=16, default="RECEIVED", db_index=True)
    attempts = fields.IntField(default=0)
    error: fields.Field[str | None] = fields.TextField(null=True)  # type: ignore[assignment]
    received_at = fields.DatetimeField(auto_now_add=True)
    processed_at = fields.DatetimeField(null=True)
    # When the sweeper may send the event (again): after its backoff once it failed,
    # pushed ahead by a lease while a copy is queued or running. Unset: never sent by the
    # sweeper yet (due `sweep_after_seconds` after it was received).
    next_attempt_at = fields.DatetimeField(null=True, db_index=True)
    # Pagination orders every list by (created_at, id).
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "webhook_events"
        unique_together = (("provider", "event_id"),)


class PaymentInstructions(TenantModel):
    """The estate's bank-transfer details shown to residents (one row, made on first
    set): where to send a transfer before `submitManualPayment`."""

    id = fields.IntField(primary_key=True)
    bank_name = fields.CharField(max_length=100)
    account_name = fields.CharField(max_length=200)
    account_number = fields.CharField(max_length=34)  # an IBAN at most
    note = fields.TextField(null=True)
    updated_by = fields.UUIDField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "payment_instructions"
