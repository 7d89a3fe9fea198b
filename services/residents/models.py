from __future__ import annotations

from tortoise import fields

from services.properties.models import Unit
from tenants.scope import TenantModel


class Resident(TenantModel):
    id = fields.UUIDField(primary_key=True)
    # The shared-schema user; a plain UUID, never a cross-schema foreign key.
    user_id = fields.UUIDField(unique=True)
    # A deactivated resident cannot use this estate; their money and history stay.
    active = fields.BooleanField(default=True)
    deactivated_at = fields.DatetimeField(null=True)
    deactivation_reason = fields.CharField(max_length=500, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        app = "tenant"
        table = "residents"


class Occupancy(TenantModel):
    """Who lived in which unit when: current while `ends_on` is unset. Rows are never
    deleted, so a resident may hold several periods in one unit."""

    id = fields.UUIDField(primary_key=True)
    resident: fields.ForeignKeyRelation[Resident] = fields.ForeignKeyField(
        "tenant.Resident", related_name="occupancies", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "tenant.Unit", related_name="occupancies", on_delete=fields.RESTRICT
    )
    # Unset on rows from before occupancy history: they count from `created_at`.
    starts_on = fields.DateField(null=True)
    ends_on = fields.DateField(null=True, db_index=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    resident_id: str
    unit_id: str

    class Meta:
        app = "tenant"
        table = "occupancies"
        indexes = (("resident", "unit"),)
