"""Retention of in-app notifications: read ones go after a while; unread ones stay."""

from __future__ import annotations

from datetime import datetime, timedelta

from services.notifications.models import Notification


async def purge_read(older_than: timedelta, now: datetime) -> int:
    """Deletes notifications read before `now - older_than` in the current estate."""
    return await Notification.filter(read_at__lt=now - older_than).delete()
