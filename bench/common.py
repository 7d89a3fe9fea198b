"""What the benchmarks share: output, throwaway databases, and CPU accounting."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit, urlunsplit

import asyncpg

DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def log(message: str = "") -> None:
    print(message, flush=True)


def asyncpg_dsn(url: str, database: str | None = None) -> str:
    parts = urlsplit(url)._replace(scheme="postgresql")
    if database is not None:
        parts = parts._replace(path=f"/{database}")
    return urlunsplit(parts)


async def recreate_database(url: str, synchronous_commit: str | None = None) -> None:
    """Drop and create the bench database (never one whose name looks unsafe)."""
    name = urlsplit(url).path.lstrip("/")
    if not DB_NAME.match(name):
        raise SystemExit(f"refusing to drop a database named {name!r}")
    conn = await asyncpg.connect(asyncpg_dsn(url, "postgres"))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
        if synchronous_commit is not None:  # this database only, before anything connects
            await conn.execute(
                f'ALTER DATABASE "{name}" SET synchronous_commit = {synchronous_commit}'
            )
    finally:
        await conn.close()
    log(f"database {name!r} dropped and recreated")


def cpu_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of the whole machine (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return sum(fields) - idle, sum(fields)


def process_cpu(pids: list[int]) -> dict[int, float]:
    """User + system CPU seconds of each of these processes so far (/proc/<pid>/stat)."""
    seen: dict[int, float] = {}
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
    return seen


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used in between by the processes alive at both ends."""
    return sum(after[pid] - before[pid] for pid in before.keys() & after.keys())


def load_average() -> str:
    try:
        with open("/proc/loadavg") as loadavg:
            one, five, fifteen = loadavg.read().split()[:3]
    except (OSError, ValueError):
        return "unknown"
    return f"load average {one}, {five}, {fifteen} on {os.cpu_count()} cores"
