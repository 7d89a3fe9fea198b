"""Keyset pagination over (created_at, id), the order every list in the API uses."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from services.errors import ValidationFailed

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next_page: bool
    total_count: int


def encode_cursor(created_at: datetime, id_: Any) -> str:
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{id_}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        created, id_ = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
        return datetime.fromisoformat(created), uuid.UUID(id_)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationFailed("after is not a cursor from this list", field="after") from exc


async def paginate(query: QuerySet[Any], first: int | None, after: str | None, cap: int) -> Page:
    if first is not None and first < 0:
        raise ValidationFailed("first must not be negative", field="first")
    limit = min(cap if first is None else first, cap)
    total = await query.count()
    page_query = query.order_by("created_at", "id")
    if after:
        created_at, id_ = decode_cursor(after)
        page_query = page_query.filter(
            Q(created_at__gt=created_at) | Q(created_at=created_at, id__gt=id_)
        )
    rows = list(await page_query.limit(limit + 1))
    items = rows[:limit]
    return Page(
        items=items,
        cursors=[encode_cursor(item.created_at, item.id) for item in items],
        has_next_page=len(rows) > limit,
        total_count=total,
    )
