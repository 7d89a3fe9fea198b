"""The bill state machine: every status change goes through `transition`."""

from __future__ import annotations

from services.errors import InvalidState

PAYABLE = frozenset({"ACKNOWLEDGED", "PARTIALLY_PAID", "OVERDUE"})
OPEN = frozenset(
    {"PENDING_ACKNOWLEDGMENT", "ACKNOWLEDGED", "DISPUTED", "PARTIALLY_PAID", "OVERDUE"}
)

# event -> (statuses it may happen in, the status it leads to; None: decided by the caller)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "acknowledge": (frozenset({"PENDING_ACKNOWLEDGMENT"}), "ACKNOWLEDGED"),
    "dispute": (frozenset({"PENDING_ACKNOWLEDGMENT", "ACKNOWLEDGED"}), "DISPUTED"),
    "uphold": (frozenset({"DISPUTED"}), "PENDING_ACKNOWLEDGMENT"),
    "adjust": (frozenset({"DISPUTED"}), "PENDING_ACKNOWLEDGMENT"),
    "cancel": (
        frozenset({"PENDING_ACKNOWLEDGMENT", "ACKNOWLEDGED", "DISPUTED", "OVERDUE"}),
        "CANCELLED",
    ),
    # A payment leads to PAID or PARTIALLY_PAID, by what is left to pay.
    "pay": (PAYABLE, None),
    "mark_overdue": (frozenset({"ACKNOWLEDGED", "PARTIALLY_PAID"}), "OVERDUE"),
}


def transition(status: str, event: str, target: str | None = None) -> str:
    """The status after `event`, or `InvalidState` naming both."""
    allowed_from, to = TRANSITIONS[event]
    if status not in allowed_from:
        raise InvalidState(f"cannot {event.replace('_', ' ')} a bill that is {status}")
    result = to or target
    assert result is not None, f"event {event} needs a target status"
    return result


def status_after_payment(amount: int, amount_paid: int) -> str:
    return "PAID" if amount_paid >= amount else "PARTIALLY_PAID"
