"""What every way of paying shares: references, and answering a retried request."""

from __future__ import annotations

import hashlib
import secrets
import uuid

from services.errors import IdempotencyConflict
from services.payments.models import Payment


def new_reference() -> str:
    return f"PAY-{secrets.token_hex(8).upper()}"


def request_fingerprint(*parts: object) -> str:
    """A hash of what a request asked for, to tell a retry from another request."""
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def payer_key(resident_id: uuid.UUID | str, key: str) -> str:
    """The stored form of a payer's idempotency key: keys belong to the payer, so two
    residents (or two apps) using the same key never meet, and one cannot probe or use
    up another's."""
    return f"{resident_id}:{key}"


async def earlier_payment(key: str, fingerprint: str, resident_id: uuid.UUID) -> Payment | None:
    """The payment an earlier request with this key (a `payer_key`) made, if the request
    was the same; `IdempotencyConflict` if the key was used for something else."""
    existing = await Payment.get_or_none(idempotency_key=key)
    if existing is None:
        return None
    if existing.request_fingerprint != fingerprint or str(existing.resident_id) != str(resident_id):
        raise IdempotencyConflict(
            "this idempotency key was used for a different request", field="idempotencyKey"
        )
    return existing
