"""In-app notifications: written in the same transaction as the change they announce."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from services.events import changed
from services.identity.models import Membership
from services.notifications.models import Notification
from services.pagination import Page, paginate


async def notify(user_ids: Iterable[uuid.UUID], kind: str, title: str, body: str = "") -> None:
    rows = [
        Notification(id=uuid.uuid4(), user_id=u, kind=kind, title=title, body=body)
        for u in set(user_ids)
    ]
    if rows:
        await Notification.bulk_create(rows)
    for row in rows:  # other channels (email, SMS) are sent by workers, after commit
        changed("notification", row.id)


async def estate_admin_ids(estate_id: uuid.UUID) -> list[uuid.UUID]:
    ids = await Membership.filter(estate_id=estate_id, role="ADMIN").values_list(
        "user_id", flat=True
    )
    return [uuid.UUID(str(i)) for i in ids]


async def list_for(
    user_id: uuid.UUID, unread_only: bool, first: int | None, after: str | None, cap: int
) -> Page[Notification]:
    query = Notification.filter(user_id=user_id)
    if unread_only:
        query = query.filter(read_at__isnull=True)
    return await paginate(query, first, after, cap, newest_first=True)


async def mark_read(user_id: uuid.UUID, ids: list[uuid.UUID], now: datetime) -> int:
    """Marks the user's own notifications read; returns how many changed."""
    return await Notification.filter(user_id=user_id, id__in=ids, read_at__isnull=True).update(
        read_at=now
    )
