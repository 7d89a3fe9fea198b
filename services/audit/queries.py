"""Reading the estate's audit log (newest first), for admins and platform operators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.queryset import QuerySet

from services.access import parse_id
from services.audit.models import AuditEntry
from services.errors import ValidationFailed
from services.pagination import Page, paginate

# The longest action or object type recorded (the model's columns).
NAME_LENGTH = 64


@dataclass(frozen=True)
class AuditFilter:
    actor_id: str | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    since: datetime | None = None  # `from`, inclusive
    until: datetime | None = None  # `to`, exclusive


def _name(value: str, field: str) -> str:
    if not value.strip() or len(value) > NAME_LENGTH:
        raise ValidationFailed(f"{field} must be 1 to {NAME_LENGTH} characters", field=field)
    return value


async def list_entries(
    where: AuditFilter, first: int | None, after: str | None, cap: int
) -> Page[AuditEntry]:
    return await paginate(_filtered(where), first, after, cap, newest_first=True)


async def count_entries(where: AuditFilter) -> int:
    return int(await _filtered(where).count())


def _filtered(where: AuditFilter) -> QuerySet[AuditEntry]:
    query = AuditEntry.all()
    if where.actor_id is not None:
        query = query.filter(actor_id=parse_id(where.actor_id, "actorId", "actor"))
    if where.action is not None:
        query = query.filter(action=_name(where.action, "action"))
    if where.object_type is not None:
        query = query.filter(object_type=_name(where.object_type, "objectType"))
    if where.object_id is not None:
        query = query.filter(object_id=_name(where.object_id, "objectId"))
    if where.since is not None and where.until is not None and where.since >= where.until:
        raise ValidationFailed("from must be before to", field="from")
    if where.since is not None:
        query = query.filter(created_at__gte=where.since)
    if where.until is not None:
        query = query.filter(created_at__lt=where.until)
    return query
