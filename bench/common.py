"""What the benchmarks share: output, throwaway databases, CPU accounting, server
subprocesses and a small HTTP/1.1 client."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
ROOT = Path(__file__).resolve().parent.parent


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


def process_tree(pid: int) -> list[int]:
    """`pid` and every process below it (a server's workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


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


# --- processes ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def start_server(
    name: str, command: list[str], env: dict[str, str], log_dir: Path, port: int | None = None
) -> Server:
    """Start `command` with its output in `log_dir`; `port` is where it listens (else its
    --port, else 0)."""
    if port is None:
        port = int(command[command.index("--port") + 1]) if "--port" in command else 0
    log_path = log_dir / f"{name}.log"
    with open(log_path, "wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    return Server(name, port, process, log_path)


def stop_server(server: Server) -> None:
    if server.process.poll() is not None:
        return
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=5)


async def wait_for_log(server: Server, text: str, within: float = 90.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(
                f"{server.name} exited ({server.process.returncode}):\n{server.tail()}"
            )
        with contextlib.suppress(OSError):
            if text in server.log_path.read_text(errors="replace"):
                return
        await asyncio.sleep(0.1)
    raise SystemExit(f"{server.name} did not log {text!r} in {within:.0f}s:\n{server.tail()}")


def python_module(module: str) -> list[str]:
    """The command that runs a bench's module as `python -m` (the servers start in ROOT)."""
    return [sys.executable, "-m", module]


def serve_app(app: Any, port: int, log_level: str = "info") -> int:
    """A helper server: one uvicorn process on 127.0.0.1 (the settings of `estatepay serve`
    unless `log_level` says otherwise)."""
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=port, log_level=log_level)
    return 0


def run_loop(main: Coroutine[Any, Any, int]) -> int:
    """Runs the bench on uvloop when it is installed (the loop uvicorn picks for the
    servers), else on asyncio's own."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


async def wait_healthy(server: Server, within: float = 90.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(
                f"{server.name} exited ({server.process.returncode}):\n{server.tail()}"
            )
        try:
            status, _ = await http_once(server.port, "GET", "/healthz", b"", {})
            if status == 200:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"{server.name} not healthy after {within:.0f}s:\n{server.tail()}")


async def wait_idle(server: Server, within: float = 180.0, busy: float = 0.1) -> float:
    """Until the server (its processes) used under `busy` of a core for a whole second:
    its start-up work (an in-process scheduler's first pass) is done. Returns the wait."""
    begun = time.monotonic()
    before = process_cpu(process_tree(server.process.pid))
    while time.monotonic() - begun < within:
        await asyncio.sleep(1.0)
        if server.process.poll() is not None:
            raise SystemExit(
                f"{server.name} exited ({server.process.returncode}):\n{server.tail()}"
            )
        after = process_cpu(process_tree(server.process.pid))
        if cpu_used(before, after) < busy:
            return time.monotonic() - begun
        before = after
    raise SystemExit(f"{server.name} still busy after {within:.0f}s:\n{server.tail()}")


# --- a small HTTP/1.1 client --------------------------------------------------------


def build_request(method: str, path: str, body: bytes, headers: dict[str, str], port: int) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    if method == "POST":
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, _, rest = head.partition(b"\r\n")
    status = int(status_line.split(b" ", 2)[1])
    length: int | None = None
    chunked = False
    for line in rest.split(b"\r\n"):
        name, _, value = line.partition(b":")
        key = name.strip().lower()
        if key == b"content-length":
            length = int(value)
        elif key == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)
        return status, b"".join(parts)
    return status, await reader.readexactly(length or 0)


async def http_once(
    port: int, method: str, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(build_request(method, path, body, {**headers, "Connection": "close"}, port))
        await writer.drain()
        return await asyncio.wait_for(read_response(reader), 60)
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


# --- load results -------------------------------------------------------------------


@dataclass
class Result:
    """What one variant did under load: answers, latencies and where the CPU went."""

    label: str
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    generator_cpu_s: float = 0.0
    server_cpu_s: float = 0.0
    postgres_cpu_s: float = 0.0
    busy_jiffies: int = 0
    total_jiffies: int = 0

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct_ms(self, q: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000

    def share(self, cpu_s: float) -> float:
        """`cpu_s` as a share of all cores over the measured time."""
        cores = os.cpu_count() or 1
        return cpu_s / (self.seconds * cores) if self.seconds else 0.0

    @property
    def machine_busy(self) -> float:
        return self.busy_jiffies / self.total_jiffies if self.total_jiffies else 0.0

    @property
    def others_busy(self) -> float:
        mine = self.generator_cpu_s + self.server_cpu_s + self.postgres_cpu_s
        return max(0.0, self.machine_busy - self.share(mine))


async def postgres_pids(monitor: asyncpg.Connection) -> list[int]:
    """The server processes of every connection to the bench database but `monitor`."""
    rows = await monitor.fetch(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid()"
    )
    return [int(r["pid"]) for r in rows]


def add_store_arguments(
    parser: argparse.ArgumentParser,
    database_url: str,
    redis_url: str | None = None,
    redis_note: str = "",
) -> None:
    """`--database-url` (dropped and recreated!) and, if the bench uses one, `--redis-url`,
    each defaulting to $BENCH_DATABASE_URL / $BENCH_REDIS_URL, then the bench's own."""
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", database_url),
        help="dropped and recreated! (default: $BENCH_DATABASE_URL or %(default)s)",
    )
    if redis_url is not None:
        parser.add_argument(
            "--redis-url",
            default=os.environ.get("BENCH_REDIS_URL", redis_url),
            help=f"{redis_note} (default: $BENCH_REDIS_URL or %(default)s)",
        )
