"""Domain counters fed by the models themselves: whatever code path saves a payment, a
webhook event or a journal entry, the count moves, and only once its transaction has
committed (a rolled-back change counts nothing)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prometheus_client import Counter
from tortoise.models import Model

from services.ledger.models import JournalEntry
from services.payments.models import Payment, WebhookEvent
from services.telemetry.metrics import LEDGER_ENTRIES, PAYMENTS, WEBHOOK_EVENTS
from tenants.scope import after_commit

_installed = False


def _count_after_commit(child: Counter) -> None:
    async def count() -> None:
        child.inc()

    after_commit(count)


def _status_changed(created: bool, update_fields: Iterable[str] | None) -> bool:
    # Every save of these models names its fields; a full save (None) is a creation.
    return created or update_fields is None or "status" in update_fields


async def _payment_saved(
    sender: type[Model], instance: Payment, created: bool, using_db: Any, update_fields: Any
) -> None:
    if _status_changed(created, update_fields):
        _count_after_commit(PAYMENTS.labels(instance.provider, instance.status))


async def _webhook_event_saved(
    sender: type[Model], instance: WebhookEvent, created: bool, using_db: Any, update_fields: Any
) -> None:
    if not _status_changed(created, update_fields):
        return
    outcome = "received" if created else instance.status.lower()
    if not created and instance.status == "RECEIVED":
        outcome = "replayed"
    _count_after_commit(WEBHOOK_EVENTS.labels(instance.provider, outcome))


async def _entry_saved(
    sender: type[Model], instance: JournalEntry, created: bool, using_db: Any, update_fields: Any
) -> None:
    if created:
        _count_after_commit(LEDGER_ENTRIES.labels(instance.kind))


def install_model_hooks() -> None:
    """Once per process (the API's start, the worker's boot)."""
    global _installed
    if _installed:
        return
    from tortoise.signals import Signals

    Payment.register_listener(Signals.post_save, _payment_saved)
    WebhookEvent.register_listener(Signals.post_save, _webhook_event_saved)
    JournalEntry.register_listener(Signals.post_save, _entry_saved)
    _installed = True
