from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel


class Notification(TenantModel):
    id = fields.UUIDField(primary_key=True)
    user_id = fields.UUIDField(db_index=True)  # shared-schema user: no foreign key
    kind = fields.CharField(max_length=40)
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "notifications"
