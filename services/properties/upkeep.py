"""Correcting and retiring properties and units. Archived ones stay with their history
(bills, occupancies) but take nobody new; only empty ones can be archived."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.properties.catalog import get_property
from services.properties.models import Property, Unit
from services.residents.occupancy import has_occupants


@dataclass(frozen=True)
class PropertyUpdate:
    name: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class UnitUpdate:
    label: str | None = None


async def get_unit(unit_id: str | uuid.UUID, field: str = "id") -> Unit:
    unit = await Unit.get_or_none(id=parse_id(unit_id, field, "unit"))
    if unit is None:
        raise NotFound("unit not found", field=field)
    return unit


async def update_property(actor_id: uuid.UUID, property_id: str, data: PropertyUpdate) -> Property:
    prop = await get_property(property_id)
    before = {"name": prop.name, "address": prop.address}
    if data.name is not None:
        prop.name = validation.text(data.name, "name", max_length=200)
    if data.address is not None:
        prop.address = validation.text(data.address, "address", max_length=500, required=False)
    after = {"name": prop.name, "address": prop.address}
    if after != before:
        await prop.save(update_fields=["name", "address"])
        await record(actor_id, "updateProperty", "Property", prop.id, before=before, after=after)
        changed("property", prop.id)
    return prop


async def archive_property(actor_id: uuid.UUID, property_id: str, now: datetime) -> Property:
    """The property and its units, if nobody lives in any of them (`INVALID_STATE`)."""
    prop = (
        await Property.filter(id=parse_id(property_id, "id", "property"))
        .select_for_update()
        .first()
    )
    if prop is None:
        raise NotFound("property not found", field="id")
    if prop.archived_at is not None:
        return prop
    unit_ids = [unit.id for unit in await Unit.filter(property_id=prop.id).only("id")]
    if await has_occupants(unit_ids):
        raise InvalidState("residents still live in this property: move them out first", field="id")
    prop.archived_at = now
    await prop.save(update_fields=["archived_at"])
    await Unit.filter(property_id=prop.id, archived_at__isnull=True).update(archived_at=now)
    await record(
        actor_id,
        "archiveProperty",
        "Property",
        prop.id,
        before={"archived": False},
        after={"archived": True, "units": len(unit_ids)},
    )
    changed("property", prop.id)
    return prop


async def update_unit(actor_id: uuid.UUID, unit_id: str, data: UnitUpdate) -> Unit:
    unit = await get_unit(unit_id)
    before = {"label": unit.label}
    if data.label is not None:
        unit.label = validation.text(data.label, "label", max_length=100)
    if unit.label != before["label"]:
        try:
            await unit.save(update_fields=["label"])
        except IntegrityError as exc:
            raise ValidationFailed(
                f"unit {unit.label!r} already exists in this property", field="label"
            ) from exc
        await record(
            actor_id, "updateUnit", "Unit", unit.id, before=before, after={"label": unit.label}
        )
        changed("property", unit.property_id)
    return unit


async def archive_unit(actor_id: uuid.UUID, unit_id: str, now: datetime) -> Unit:
    unit = await Unit.filter(id=parse_id(unit_id, "id", "unit")).select_for_update().first()
    if unit is None:
        raise NotFound("unit not found", field="id")
    if unit.archived_at is not None:
        return unit
    if await has_occupants([unit.id]):
        raise InvalidState("residents still live in this unit: move them out first", field="id")
    unit.archived_at = now
    await unit.save(update_fields=["archived_at"])
    await record(
        actor_id,
        "archiveUnit",
        "Unit",
        unit.id,
        before={"archived": False},
        after={"archived": True},
    )
    changed("property", unit.property_id)
    return unit
