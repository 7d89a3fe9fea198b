"""Keyset pagination over (created_at, id), the order every list in the API uses."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from tortoise.expressions import Q
from tortoise.fields import BigIntField, IntField
from tortoise.queryset import QuerySet

from services.errors import ValidationFailed

T = TypeVar("T")


async def _count(query: QuerySet[Any]) -> int:
    return int(await query.count())


async def nothing_to_count() -> int:
    return 0


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next_page: bool
    # Counting costs a scan: run only when a client asks for totalCount.
    count: Callable[[], Awaitable[int]]


def encode_cursor(created_at: datetime, id_: Any) -> str:
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{id_}".encode()).decode()


def decode_cursor(cursor: str, integer_ids: bool) -> tuple[datetime, Any]:
    """The position a cursor names; a cursor of another list or made up is refused here,
    never passed on to the database as an id of the wrong type."""
    try:
        created, id_ = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 1)
        at = datetime.fromisoformat(created)
        if at.tzinfo is None:  # every time we store is aware, and so is every cursor
            raise ValueError("a cursor's time has its offset")
        at.astimezone(UTC)  # out of range once in UTC (year 1 at +05:00)
        if not integer_ids:
            return at, uuid.UUID(id_)
        key = int(id_)
        if not -(2**63) <= key < 2**63:
            raise ValueError("an id is a 64-bit integer")
        return at, key
    except (ValueError, UnicodeDecodeError, OverflowError) as exc:
        raise ValidationFailed("after is not a cursor from this list", field="after") from exc


async def paginate(
    query: QuerySet[Any],
    first: int | None,
    after: str | None,
    cap: int,
    *,
    newest_first: bool = False,
) -> Page:
    if first is not None and first < 0:
        raise ValidationFailed("first must not be negative", field="first")
    limit = min(cap if first is None else first, cap)
    direction = "-" if newest_first else ""
    page_query = query.order_by(f"{direction}created_at", f"{direction}id")
    if after:
        integer_ids = isinstance(query.model._meta.pk, IntField | BigIntField)
        created_at, id_ = decode_cursor(after, integer_ids)
        op = "lt" if newest_first else "gt"
        before_or_after: dict[str, Any] = {f"created_at__{op}": created_at}
        same_time: dict[str, Any] = {"created_at": created_at, f"id__{op}": id_}
        page_query = page_query.filter(Q(**before_or_after) | Q(**same_time))
    rows = list(await page_query.limit(limit + 1))
    items = rows[:limit]
    return Page(
        items=items,
        cursors=[encode_cursor(item.created_at, item.id) for item in items],
        has_next_page=len(rows) > limit,
        count=lambda: _count(query),
    )
