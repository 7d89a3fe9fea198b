from __future__ import annotations

from tortoise import fields

from services.properties.models import Unit
from tenants.scope import TenantModel


class Resident(TenantModel):
    id = fields.UUIDField(primary_key=True)
    # The shared-schema user; a plain UUID, never a cross-schema foreign key.
    user_id = fields.UUIDField(unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "residents"


class Occupancy(TenantModel):
    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="occupancies", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "tenant.Unit", related_name="occupancies", on_delete=fields.RESTRICT
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    resident_id: str
    unit_id: str

    class Meta:
        app = "tenant"
        table = "occupancies"
        unique_together = (("resident", "unit"),)
