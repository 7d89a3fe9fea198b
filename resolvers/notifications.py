from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from resolvers.context import RequestContext
from services.access import parse_id
from services.notifications import inbox, preferences
from services.notifications.models import Notification
from services.pagination import Page


async def notifications(
    ctx: RequestContext, unread_only: bool, first: int | None, after: str | None
) -> Page[Notification]:
    ctx.require_access()
    return await inbox.list_for(ctx.user_id, unread_only, first, after, ctx.settings.page_size_cap)


async def mark_notifications_read(ctx: RequestContext, ids: Sequence[str]) -> int:
    ctx.require_access()
    wanted = [parse_id(i, "ids", "notification") for i in ids]
    return await inbox.mark_read(ctx.user_id, wanted, datetime.now(UTC))


async def notification_preferences(ctx: RequestContext) -> preferences.Preferences:
    ctx.require_access()
    return await preferences.preferences_of(ctx.user_id)


async def set_notification_preferences(
    ctx: RequestContext, email: bool | None, sms: bool | None, muted_kinds: list[str] | None
) -> preferences.Preferences:
    ctx.require_access()
    return await preferences.set_preferences(
        ctx.user_id, email=email, sms=sms, muted_kinds=muted_kinds
    )
