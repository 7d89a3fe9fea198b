"""Domain errors: every expected failure carries an API.md error code and, where one
input is to blame, the name of that field."""

from __future__ import annotations


class DomainError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    code = "FORBIDDEN"


class NotFound(DomainError):
    code = "NOT_FOUND"


class ValidationFailed(DomainError):
    code = "VALIDATION_ERROR"


class InvalidState(DomainError):
    code = "INVALID_STATE"


class RateLimited(DomainError):
    code = "RATE_LIMITED"


class InsufficientFunds(DomainError):
    code = "INSUFFICIENT_FUNDS"


class WalletFrozen(DomainError):
    code = "WALLET_FROZEN"


class WalletLocked(DomainError):
    code = "WALLET_LOCKED"


class InvalidPin(DomainError):
    code = "INVALID_PIN"


class PinRequired(DomainError):
    code = "PIN_REQUIRED"


class IdempotencyConflict(DomainError):
    code = "IDEMPOTENCY_CONFLICT"


class Unavailable(DomainError):
    """Our own database or broker is down: the client should retry later."""

    code = "UNAVAILABLE"
