"""What the `estatepay` command's modules share: running work with the database up, and
the argument types whose refusals are one line."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable

from services.errors import DomainError
from tenants.database import close_database, init_database, unreachable_database
from tenants.settings import Settings


def with_database(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    """Run `work` with the database up (the shared schema brought to head first)."""

    async def main() -> int:
        await init_database(settings)
        try:
            return await work()
        finally:
            await close_database()

    try:
        return asyncio.run(main())
    except DomainError as exc:
        where = f" ({exc.field})" if exc.field else ""
        print(f"error{where}: {exc.message}", file=sys.stderr)
        return 2
    except Exception as exc:
        if (reason := unreachable_database(exc, settings)) is None:
            raise
        print(f"error (DATABASE_URL): {reason}", file=sys.stderr)
        return 2


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def port_number(text: str) -> int:
    value = positive_int(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"must be a port number (1-65535), not {value}")
    return value
