"""Parameters several domains bind: ids from the request, the caller, the estate's
currency and the clock (each bound once per plan)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from schema.compiled.build import Build, Fallback, Getter, Request, Unsupported
from services.validation import UUID_PATTERN


def id_param(b: Build, getter: Getter) -> str:
    """An ID argument; one that is not a UUID is graphql-core's VALIDATION_ERROR."""

    def value(request: Request) -> object:
        found = str(getter(request))
        if not UUID_PATTERN.fullmatch(found):
            raise Fallback("not an id")
        return b.dialect.db_id(str(uuid.UUID(found)))  # as stored: lower case

    return b.param(value, "uuid")


def shared_tables(b: Build) -> str:
    """Where the shared tables (users, estates) are, if the estate's statements can
    reach them: PostgreSQL; the embedded estates are files of their own."""
    if not b.dialect.shared_tables:
        raise Unsupported("users live in the shared database")
    return b.dialect.shared_tables


def user_param(b: Build) -> str:
    """The signed-in user's id."""
    if "user" not in b.shared:
        b.shared["user"] = b.param(lambda request: b.dialect.db_id(request.user_id), "uuid")
    return b.shared["user"]


def currency_param(b: Build) -> str:
    """The estate's currency (on PostgreSQL re-checked by `caller_still`)."""
    if "currency" not in b.shared:
        b.shared["currency"] = b.param(lambda request: request.currency, "text")
    return b.shared["currency"]


def now_param(b: Build) -> str:
    """The request's time (`ctx.clock()` on the other path)."""
    if "now" not in b.shared:
        b.shared["now"] = b.param(
            lambda request: b.dialect.db_datetime(datetime.now(UTC)), "timestamptz"
        )
    return b.shared["now"]


def today_param(b: Build) -> str:
    """The estate's date today (`estate_today`), bound once per plan."""
    if "today" not in b.shared:
        b.shared["today"] = b.param(lambda request: b.dialect.db_date(request.today), "date")
    return b.shared["today"]
