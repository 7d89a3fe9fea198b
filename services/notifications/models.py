from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel

CHANNELS = ("EMAIL", "SMS")
# PENDING: not tried yet; SENDING: claimed by a worker (until its lease runs out);
# SENT: gone, never sent again; FAILED: the last try failed, a retry may send it;
# UNDELIVERABLE: refused for good (bad address), never retried.
DELIVERY_STATUSES = ("PENDING", "SENDING", "SENT", "FAILED", "UNDELIVERABLE")


class Notification(TenantModel):
    id = fields.UUIDField(primary_key=True)
    user_id = fields.UUIDField(db_index=True)  # shared-schema user: no foreign key
    kind = fields.CharField(max_length=40)
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    # What the email and SMS templates may use beyond title and body (bill number, ...).
    data: fields.Field[dict[str, str] | None] = fields.JSONField(null=True)
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # When its delivery job was last queued (on creation, then by the worker's sweeper);
    # NULL once nothing is left to send. A job lost with the broker leaves it set.
    delivery_queued_at = fields.DatetimeField(null=True, db_index=True)

    class Meta:
        app = "tenant"
        table = "notifications"


class NotificationPreference(TenantModel):
    """One user's channels in this estate. No row: the defaults (everything on). In-app
    notifications are always written; these decide email and SMS only."""

    id = fields.UUIDField(primary_key=True)
    user_id = fields.UUIDField(unique=True)
    email = fields.BooleanField(default=True)
    sms = fields.BooleanField(default=True)
    # Kinds sent in-app only, whatever the channels say.
    muted_kinds: fields.Field[list[str]] = fields.JSONField(default=list)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        app = "tenant"
        table = "notification_preferences"


class NotificationDelivery(TenantModel):
    """One notification on one channel: claimed before sending and marked after, so a
    retried or repeated job never sends again what already went, and failures show."""

    id = fields.UUIDField(primary_key=True)
    notification: fields.ForeignKeyRelation[Notification] = fields.ForeignKeyField(
        "tenant.Notification", related_name="deliveries", on_delete=fields.CASCADE
    )
    channel = fields.CharField(max_length=8)
    recipient = fields.CharField(max_length=254)
    status = fields.CharField(max_length=16, default="PENDING", db_index=True)
    attempts = fields.IntField(default=0)
    last_error: fields.Field[str | None] = fields.TextField(null=True)  # type: ignore[assignment]
    provider_id = fields.CharField(max_length=100, null=True)
    claimed_at = fields.DatetimeField(null=True)
    sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    notification_id: str

    class Meta:
        app = "tenant"
        table = "notification_deliveries"
        unique_together = (("notification", "channel"),)
