"""The estate's audit log: one row per mutation."""

from __future__ import annotations

import uuid
from typing import Any

from services.audit.models import AuditEntry
from services.telemetry.context import client_address


async def record(
    actor_id: uuid.UUID | None,
    action: str,
    object_type: str,
    object_id: Any,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """One audit row in the current estate; call inside the mutation's scope. The client
    address is the request's (none for jobs and the CLI)."""
    return await AuditEntry.create(
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        before=before,
        after=after,
        ip=client_address.get(),
    )
