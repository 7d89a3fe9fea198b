"""Where the scheduler reads the time: the system clock, or (tests, drills) a file that a
test rewrites to travel in time, which every scheduler process reads alike."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from tenants.settings import Settings


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FileClock:
    """ "Now" is the ISO 8601 instant in the file (written whole, e.g. by a rename)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def now(self) -> datetime:
        moment = datetime.fromisoformat(self.path.read_text().strip())
        if moment.tzinfo is None:
            raise ValueError(f"{self.path}: the instant needs a UTC offset")
        return moment.astimezone(UTC)

    def set(self, moment: datetime) -> None:
        """Travel: replace the file at once, so a reader never sees half a timestamp."""
        staging = self.path.with_name(self.path.name + ".new")
        staging.write_text(moment.isoformat())
        staging.replace(self.path)


def clock_from(settings: Settings) -> Clock:
    if settings.scheduler_clock_file is not None:
        return FileClock(settings.scheduler_clock_file)
    return SystemClock()
