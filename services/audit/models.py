from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel


class AuditEntry(TenantModel):
    id = fields.BigIntField(primary_key=True)
    actor_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=64)
    object_type = fields.CharField(max_length=64)
    object_id = fields.CharField(max_length=64)
    before: fields.Field[dict | None] = fields.JSONField(null=True)
    after: fields.Field[dict | None] = fields.JSONField(null=True)
    # The client address of the request that made the change; None for jobs and the CLI.
    ip = fields.CharField(max_length=45, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "audit_log"
