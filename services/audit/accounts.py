"""Account changes (shared schema) in the audit trail of every estate the person
belongs to: each estate's admins see what happened to their people."""

from __future__ import annotations

import uuid
from typing import Any

from services.audit.log import record
from services.identity.models import Membership
from tenants.scope import tenant_scope


async def record_for_user(
    user_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    action: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Call outside any tenant scope: one audit row in each of the user's estates."""
    slugs = await Membership.filter(
        user_id=user_id, estate__status__in=("ACTIVE", "SUSPENDED")
    ).values_list("estate__slug", flat=True)
    for slug in sorted({str(s) for s in slugs}):
        async with tenant_scope(slug):
            await record(actor_id, action, "User", user_id, before=before, after=after)
