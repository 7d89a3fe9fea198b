"""Properties and units of the current estate."""

from __future__ import annotations

import uuid
from collections import defaultdict

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.pagination import Page, paginate
from services.properties.models import Property, Unit
from tenants.scope import savepoint


async def create_property(actor_id: uuid.UUID | None, name: str, address: str | None) -> Property:
    name = validation.text(name, "name", max_length=200)
    address = validation.text(address, "address", max_length=500, required=False)
    async with savepoint():
        prop = await Property.create(name=name, address=address)
        await record(
            actor_id,
            "createProperty",
            "Property",
            prop.id,
            after={"name": name, "address": address},
        )
        changed("property", prop.id)
    return prop


async def create_unit(actor_id: uuid.UUID | None, property_id: str, label: str) -> Unit:
    label = validation.text(label, "label", max_length=100)
    prop = await get_property(property_id, field="propertyId")
    if prop.archived_at is not None:
        raise InvalidState("the property is archived", field="propertyId")
    try:
        async with savepoint():
            unit = await Unit.create(property=prop, label=label)
            await record(
                actor_id,
                "createUnit",
                "Unit",
                unit.id,
                after={"propertyId": str(prop.id), "label": label},
            )
            changed("property", prop.id)
    except IntegrityError as exc:
        raise ValidationFailed(
            f"unit {label!r} already exists in this property", field="label"
        ) from exc
    return unit


async def get_property(property_id: str | uuid.UUID, field: str = "id") -> Property:
    prop = await Property.get_or_none(id=parse_id(property_id, field, "property"))
    if prop is None:
        raise NotFound("property not found", field=field)
    return prop


async def list_properties(first: int | None, after: str | None, cap: int) -> Page[Property]:
    return await paginate(Property.all(), first, after, cap)


async def units_by_property(property_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Unit]]:
    grouped: dict[uuid.UUID, list[Unit]] = defaultdict(list)
    for unit in await Unit.filter(property_id__in=property_ids).order_by("label", "id"):
        grouped[uuid.UUID(str(unit.property_id))].append(unit)
    return grouped


async def units_by_id(unit_ids: list[uuid.UUID]) -> dict[uuid.UUID, Unit]:
    return {unit.id: unit for unit in await Unit.filter(id__in=unit_ids)}
