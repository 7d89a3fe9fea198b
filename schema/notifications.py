"""In-app notifications, how they went out by email or SMS, and who wants which."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers import notifications as resolvers
from resolvers.context import RequestContext
from schema.shared import Connection, connection, convert
from services.notifications.preferences import Preferences


@strawberry.type
class NotificationDelivery:
    """How a notification went out by email or SMS (status PENDING, SENDING, SENT,
    FAILED (retried), UNDELIVERABLE, or DEAD: retries spent, `lastError` says why)."""

    channel: str
    status: str
    attempts: int
    last_error: str | None
    sent_at: datetime | None


@strawberry.type
class NotificationPreferences:
    """Which channels reach the signed-in user in this estate; in-app always does."""

    email: bool
    sms: bool
    muted_kinds: list[str]


def preferences_node(found: Preferences) -> NotificationPreferences:
    return convert(NotificationPreferences, found, muted_kinds=list(found.muted_kinds))


@strawberry.type
class Notification:
    id: strawberry.ID
    kind: str
    title: str
    body: str
    read_at: datetime | None
    created_at: datetime

    @strawberry.field
    async def deliveries(self, info: Info[RequestContext, None]) -> list[NotificationDelivery]:
        rows = await info.context.loaders.deliveries_by_notification.load(uuid.UUID(self.id))
        return [convert(NotificationDelivery, r) for r in rows]


@strawberry.input
class NotificationPreferencesInput:
    """Omitted fields stay as they are."""

    email: bool | None = None
    sms: bool | None = None
    # Kinds (BILL_REMINDER, ...) to receive in-app only.
    muted_kinds: list[str] | None = None


@strawberry.type
class NotificationQuery:
    @strawberry.field
    async def notifications(
        self,
        info: Info[RequestContext, None],
        unread_only: bool = False,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Notification]:
        page = await resolvers.notifications(info.context, unread_only, first, after)
        return connection(page, lambda row: convert(Notification, row))

    @strawberry.field
    async def notification_preferences(
        self, info: Info[RequestContext, None]
    ) -> NotificationPreferences:
        return preferences_node(await resolvers.notification_preferences(info.context))


@strawberry.type
class NotificationMutation:
    @strawberry.mutation
    async def mark_notifications_read(
        self, info: Info[RequestContext, None], ids: list[strawberry.ID]
    ) -> int:
        return await resolvers.mark_notifications_read(info.context, ids)

    @strawberry.mutation
    async def set_notification_preferences(
        self, info: Info[RequestContext, None], input: NotificationPreferencesInput
    ) -> NotificationPreferences:
        changed = await resolvers.set_notification_preferences(
            info.context, input.email, input.sms, input.muted_kinds
        )
        return preferences_node(changed)
