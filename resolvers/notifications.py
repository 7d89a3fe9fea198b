from __future__ import annotations

from datetime import UTC, datetime

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from schema.types import Connection, Notification, connection
from services.notifications import inbox
from services.properties.catalog import parse_id


async def notifications(
    info: Info[RequestContext, None],
    unread_only: bool = False,
    first: int | None = None,
    after: str | None = None,
) -> Connection[Notification]:
    ctx = info.context
    ctx.require_access()
    page = await inbox.list_for(ctx.user_id, unread_only, first, after, ctx.settings.page_size_cap)
    return connection(page, Notification.from_model)


async def mark_notifications_read(
    info: Info[RequestContext, None], ids: list[strawberry.ID]
) -> int:
    ctx = info.context
    ctx.require_access()
    wanted = [parse_id(i, "ids", "notification") for i in ids]
    return await inbox.mark_read(ctx.user_id, wanted, datetime.now(UTC))
