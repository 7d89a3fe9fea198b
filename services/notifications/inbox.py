"""In-app notifications: written in the same transaction as the change they announce."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from services.events import changed
from services.identity.models import Membership
from services.notifications.models import Notification
from services.pagination import Page, paginate
from tenants.scope import current_scope


@dataclass(frozen=True, slots=True)
class Message:
    """One person's notification, for `notify_each`."""

    user_id: uuid.UUID
    title: str
    body: str = ""
    data: Mapping[str, str] | None = None


async def notify(
    user_ids: Iterable[uuid.UUID],
    kind: str,
    title: str,
    body: str = "",
    *,
    data: Mapping[str, str] | None = None,
) -> None:
    """Write one in-app notification per user, in the caller's transaction. Email and SMS
    follow from a worker once it commits (`services.notifications.delivery`), worded by
    the template for `kind`; `data` gives the email details (billNumber, amount, dueDate,
    reference)."""
    await notify_each(kind, [Message(u, title, body, data) for u in dict.fromkeys(user_ids)])


async def notify_each(kind: str, messages: Iterable[Message]) -> None:
    """`notify` with words of its own for each person (bulk billing), in one insert."""
    now = datetime.now(UTC)
    rows = [
        Notification(
            id=uuid.uuid4(),
            delivery_queued_at=now,
            user_id=m.user_id,
            kind=kind,
            title=m.title,
            body=m.body,
            data={k: str(v) for k, v in m.data.items()} if m.data else None,
        )
        for m in messages
    ]
    if rows:
        await Notification.bulk_create(rows, batch_size=500)
    for row in rows:
        changed("notification", row.id)


async def estate_admin_ids(estate_id: uuid.UUID) -> list[uuid.UUID]:
    ids = await Membership.filter(estate_id=estate_id, role="ADMIN").values_list(
        "user_id", flat=True
    )
    return [uuid.UUID(str(i)) for i in ids]


async def current_estate_admin_ids() -> list[uuid.UUID]:
    """The admins of the estate whose scope this runs in."""
    ids = await Membership.filter(estate__slug=current_scope().slug, role="ADMIN").values_list(
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
