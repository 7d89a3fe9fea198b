"""Which channels reach a person in an estate. In-app notifications are always kept;
email and SMS are on unless the person turned them off, overall or for some kinds."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError

from services.errors import ValidationFailed
from services.notifications.models import NotificationPreference
from services.notifications.templates import KINDS
from tenants.scope import savepoint


@dataclass(frozen=True, slots=True)
class Preferences:
    email: bool = True
    sms: bool = True
    muted_kinds: tuple[str, ...] = ()

    def allows(self, channel: str, kind: str) -> bool:
        if kind in self.muted_kinds:
            return False
        return self.email if channel == "EMAIL" else self.sms


DEFAULTS = Preferences()


def _of(row: NotificationPreference | None) -> Preferences:
    if row is None:
        return DEFAULTS
    return Preferences(row.email, row.sms, tuple(row.muted_kinds or ()))


async def preferences_of(user_id: uuid.UUID) -> Preferences:
    """The user's preferences in the current estate (the defaults if never set)."""
    return _of(await NotificationPreference.get_or_none(user_id=user_id))


async def set_preferences(
    user_id: uuid.UUID,
    *,
    email: bool | None = None,
    sms: bool | None = None,
    muted_kinds: Sequence[str] | None = None,
) -> Preferences:
    """Change what is given (None leaves a setting as it is) and return the result."""
    changes: dict[str, Any] = {}
    if email is not None:
        changes["email"] = email
    if sms is not None:
        changes["sms"] = sms
    if muted_kinds is not None:
        unknown = sorted(set(muted_kinds) - set(KINDS))
        if unknown:
            raise ValidationFailed(
                f"unknown notification kinds: {', '.join(unknown)}", field="mutedKinds"
            )
        changes["muted_kinds"] = sorted(set(muted_kinds))
    async with savepoint():
        row = await NotificationPreference.filter(user_id=user_id).select_for_update().first()
        if row is None:
            try:  # the first setting: a concurrent first one may win the insert
                async with savepoint():
                    row = await NotificationPreference.create(user_id=user_id, **changes)
                return _of(row)
            except IntegrityError:
                row = await NotificationPreference.filter(user_id=user_id).select_for_update().get()
        if changes:
            row.update_from_dict(changes)
            await row.save(update_fields=[*changes, "updated_at"])
        return _of(row)
