"""Who may see what inside an estate: the viewer of a request, ids from the outside
world, and the one query that finds a row the viewer may see or says NOT_FOUND."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from tortoise.queryset import QuerySet

from services import validation
from services.errors import NotFound, ValidationFailed
from services.residents.models import Resident
from tenants.scope import TenantModel

Row = TypeVar("Row", bound=TenantModel)


@dataclass(frozen=True)
class Viewer:
    """Who asks: an estate admin sees every row of the estate, a resident only their own."""

    user_id: uuid.UUID
    is_admin: bool
    resident_id: uuid.UUID | None


def parse_id(value: str | uuid.UUID, field: str, what: str) -> uuid.UUID:
    """An id from the outside world: a UUID, or `VALIDATION_ERROR` on `field` (the GraphQL
    boundary refuses malformed IDs first; this holds for every other caller)."""
    if isinstance(value, uuid.UUID):
        return value
    if not validation.UUID_PATTERN.fullmatch(str(value)):
        raise ValidationFailed(f"{field} is not a valid {what} id", field=field)
    return uuid.UUID(str(value))


def visible_rows(model: type[Row], viewer: Viewer) -> QuerySet[Row]:
    """The rows of a resident-owned model the viewer may see."""
    query = model.all()
    return query if viewer.is_admin else query.filter(resident_id=viewer.resident_id)


async def get_visible(
    model: type[Row],
    viewer: Viewer,
    row_id: str | uuid.UUID,
    what: str,
    *,
    field: str = "id",
    lock: bool = False,
) -> Row:
    """The row if the viewer may see it; another resident's, like an unknown one, is
    NOT_FOUND on `field`. `lock` takes the row lock for the transaction."""
    query = visible_rows(model, viewer).filter(id=parse_id(row_id, field, what))
    if lock:
        query = query.select_for_update()
    row = await query.first()
    if row is None:
        raise NotFound(f"{what} not found", field=field)
    return row


async def visible_resident_id(
    viewer: Viewer, resident_id: str | uuid.UUID, field: str = "residentId"
) -> uuid.UUID:
    """A resident the viewer may ask about (an admin: any of the estate's; a resident:
    themselves), for filters and summaries: any other is NOT_FOUND, never an empty answer
    that would pass for a resident with nothing."""
    wanted = parse_id(resident_id, field, "resident")
    seen = await Resident.exists(id=wanted) if viewer.is_admin else wanted == viewer.resident_id
    if not seen:
        raise NotFound("resident not found", field=field)
    return wanted
