from __future__ import annotations

from tortoise import fields

from tenants.scope import TenantModel


class Property(TenantModel):
    id = fields.UUIDField(primary_key=True)
    name = fields.CharField(max_length=200)
    address = fields.CharField(max_length=500, default="")
    archived_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "properties"


class Unit(TenantModel):
    id = fields.UUIDField(primary_key=True)
    property: fields.ForeignKeyRelation[Property] = fields.ForeignKeyField(
        "tenant.Property", related_name="units", on_delete=fields.RESTRICT
    )
    label = fields.CharField(max_length=100)
    archived_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    property_id: str

    class Meta:
        app = "tenant"
        table = "units"
        unique_together = (("property", "label"),)
