"""Moving residents in, out and between units, keeping who lived where when."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime

from services.access import parse_id
from services.audit.log import record
from services.bills.queries import estate_today
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.properties.models import Unit
from services.residents.models import Occupancy, Resident
from tenants.models import Estate
from tenants.scope import savepoint


def _day(when: date | None, estate: Estate, now: datetime) -> date:
    """The move's date: today in the estate by default, never in the future (an
    occupancy is current until its end is recorded)."""
    today = estate_today(estate, now)
    if when is None:
        return today
    if when > today:
        raise ValidationFailed(f"date is in the future (today is {today})", field="date")
    return when


def started(occupancy: Occupancy) -> date:
    return occupancy.starts_on or occupancy.created_at.date()


async def _resident(resident_id: str, *, active: bool = True) -> Resident:
    found = (
        await Resident.filter(id=parse_id(resident_id, "residentId", "resident"))
        .select_for_update()
        .first()
    )
    if found is None:
        raise NotFound("resident not found", field="residentId")
    if active and not found.active:
        raise InvalidState("the resident is deactivated: reactivate them first", field="residentId")
    return found


async def _unit(unit_id: str, field: str) -> Unit:
    found = await Unit.get_or_none(id=parse_id(unit_id, field, "unit"))
    if found is None:
        raise NotFound("unit not found", field=field)
    return found


async def _current(resident: Resident, unit: Unit, field: str) -> Occupancy:
    found = (
        await Occupancy.filter(resident=resident, unit=unit, ends_on__isnull=True)
        .select_for_update()
        .first()
    )
    if found is None:
        raise InvalidState("the resident does not live in this unit", field=field)
    return found


async def _enter(resident: Resident, unit: Unit, day: date, field: str) -> Occupancy:
    if unit.archived_at is not None:
        raise InvalidState("the unit is archived: nobody can move in", field=field)
    if await Occupancy.exists(resident=resident, unit=unit, ends_on__isnull=True):
        raise InvalidState("the resident already lives in this unit", field=field)
    last = await Occupancy.filter(resident=resident, unit=unit).order_by("-ends_on").first()
    if last is not None and last.ends_on is not None and day < last.ends_on:
        raise ValidationFailed(
            f"date is before the resident's last move-out of this unit ({last.ends_on})",
            field="date",
        )
    return await Occupancy.create(resident=resident, unit=unit, starts_on=day)


async def _leave(occupancy: Occupancy, day: date) -> None:
    if day < started(occupancy):
        raise ValidationFailed(f"date is before the move-in on {started(occupancy)}", field="date")
    occupancy.ends_on = day
    await occupancy.save(update_fields=["ends_on"])


def _announce(resident: Resident, *units: Unit) -> None:
    """Live updates: the resident, and each property whose unit's occupants changed."""
    changed("resident", resident.id, resident.id)
    for property_id in dict.fromkeys(str(unit.property_id) for unit in units):
        changed("property", property_id)


def _period(occupancy: Occupancy) -> dict[str, str | None]:
    return {
        "unitId": str(occupancy.unit_id),
        "from": str(started(occupancy)),
        "to": str(occupancy.ends_on) if occupancy.ends_on else None,
    }


async def move_in(
    actor_id: uuid.UUID,
    estate: Estate,
    resident_id: str,
    unit_id: str,
    when: date | None,
    now: datetime,
) -> Resident:
    day = _day(when, estate, now)
    async with savepoint():
        resident = await _resident(resident_id)
        unit = await _unit(unit_id, "unitId")
        occupancy = await _enter(resident, unit, day, "unitId")
        await record(actor_id, "moveInResident", "Resident", resident.id, after=_period(occupancy))
        _announce(resident, unit)
    return resident


async def move_out(
    actor_id: uuid.UUID,
    estate: Estate,
    resident_id: str,
    unit_id: str,
    when: date | None,
    now: datetime,
) -> Resident:
    """Ends the occupancy. Open bills stay the resident's, and so do their wallet and
    history; a deactivated resident may be moved out too."""
    day = _day(when, estate, now)
    async with savepoint():
        resident = await _resident(resident_id, active=False)
        unit = await _unit(unit_id, "unitId")
        occupancy = await _current(resident, unit, "unitId")
        before = _period(occupancy)
        await _leave(occupancy, day)
        await record(
            actor_id,
            "moveOutResident",
            "Resident",
            resident.id,
            before=before,
            after=_period(occupancy),
        )
        _announce(resident, unit)
    return resident


async def transfer(
    actor_id: uuid.UUID,
    estate: Estate,
    resident_id: str,
    from_unit_id: str,
    to_unit_id: str,
    when: date | None,
    now: datetime,
) -> Resident:
    """Out of one unit and into another on the same day, in one step (all or nothing)."""
    day = _day(when, estate, now)
    async with savepoint():
        resident = await _resident(resident_id)
        source = await _unit(from_unit_id, "fromUnitId")
        target = await _unit(to_unit_id, "toUnitId")
        if source.id == target.id:
            raise ValidationFailed("toUnitId is the unit the resident leaves", field="toUnitId")
        leaving = await _current(resident, source, "fromUnitId")
        before = _period(leaving)
        await _leave(leaving, day)
        entering = await _enter(resident, target, day, "toUnitId")
        await record(
            actor_id,
            "transferResident",
            "Resident",
            resident.id,
            before=before,
            after={"left": _period(leaving), "entered": _period(entering)},
        )
        _announce(resident, source, target)
    return resident


async def occupancies_by_unit(unit_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Occupancy]]:
    """Each unit's history, earliest first."""
    grouped: dict[uuid.UUID, list[Occupancy]] = defaultdict(list)
    rows = await Occupancy.filter(unit_id__in=unit_ids).order_by("created_at", "id")
    for row in sorted(rows, key=lambda o: (started(o), o.created_at)):
        grouped[uuid.UUID(str(row.unit_id))].append(row)
    return grouped


async def has_occupants(unit_ids: list[uuid.UUID]) -> bool:
    return await Occupancy.exists(unit_id__in=unit_ids, ends_on__isnull=True)
