from __future__ import annotations

from datetime import UTC, datetime

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from schema.inputs import NotificationPreferencesInput
from schema.types import Connection, Notification, NotificationPreferences, connection
from services.access import parse_id
from services.notifications import inbox, preferences


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


def _preferences(found: preferences.Preferences) -> NotificationPreferences:
    return NotificationPreferences(
        email=found.email, sms=found.sms, muted_kinds=list(found.muted_kinds)
    )


async def notification_preferences(info: Info[RequestContext, None]) -> NotificationPreferences:
    ctx = info.context
    ctx.require_access()
    return _preferences(await preferences.preferences_of(ctx.user_id))


async def set_notification_preferences(
    info: Info[RequestContext, None], input: NotificationPreferencesInput
) -> NotificationPreferences:
    ctx = info.context
    ctx.require_access()
    return _preferences(
        await preferences.set_preferences(
            ctx.user_id, email=input.email, sms=input.sms, muted_kinds=input.muted_kinds
        )
    )
