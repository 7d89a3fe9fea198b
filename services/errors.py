"""Domain errors: every expected failure carries an API.md error code and, where one
input is to blame, the name of that field."""

from __future__ import annotations

from asyncpg.exceptions import (
    AdminShutdownError,
    CannotConnectNowError,
    ConnectionDoesNotExistError,
    CrashShutdownError,
    InternalClientError,
    PostgresConnectionError,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tortoise.exceptions import DBConnectionError

# What an outage of our own database or Redis raises: the caller may retry, so these are
# UNAVAILABLE rather than INTERNAL (OSError covers refused and reset connections). A
# restarting PostgreSQL answers before it is gone or ready: it is shutting down or
# starting up (CannotConnectNow), ends the sessions it had (AdminShutdown), or a
# connection dies mid-statement (ConnectionDoesNotExist); Tortoise passes these through.
# Its shutdown notice reaching an idle pooled connection leaves asyncpg's protocol waiting
# for a sync that never comes, and the next statement on it, before the socket's close is
# seen, fails as an InternalClientError ("another operation is in progress").
_OUTAGES = (
    RedisConnectionError,
    RedisTimeoutError,
    DBConnectionError,
    OSError,
    TimeoutError,
    PostgresConnectionError,
    CannotConnectNowError,
    AdminShutdownError,
    CrashShutdownError,
    ConnectionDoesNotExistError,
    InternalClientError,
)
UNAVAILABLE_MESSAGE = "a service estatepay depends on is unavailable; retry later"


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


def is_outage(error: BaseException | None) -> bool:
    """Whether the error, or what caused it, is an outage of a service we run on."""
    seen = 0
    while error is not None and seen < 8:
        if isinstance(error, _OUTAGES):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def unavailable_or_raise(error: Exception) -> Unavailable:
    """UNAVAILABLE for an outage of ours; any other error goes on up unchanged."""
    if not is_outage(error):
        raise error
    return Unavailable(UNAVAILABLE_MESSAGE)
