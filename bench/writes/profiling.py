"""A CPU profile of the server for one run: py-spy sampling the running server (no restart,
little overhead), or cProfile around a server started for it when py-spy is missing.
Either way, the top functions by own time and by time including what they call."""

from __future__ import annotations

import asyncio
import io
import pstats
import re
import shutil
import signal
import sys
from collections import Counter
from pathlib import Path

from bench.common import ROOT, Server, log

TOP = 25
# The project's packages: where "including callees" is worth reading (above them it is the
# server's own loop, 100% all the way up).
OURS = ("estatepay/", "schema/", "resolvers/", "services/", "tenants/", "workers/")
FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def py_spy_binary() -> str | None:
    """py-spy on PATH or beside this interpreter (`pip install py-spy`, the bench extra)."""
    beside = Path(sys.executable).parent / "py-spy"
    return shutil.which("py-spy") or (str(beside) if beside.exists() else None)


def short(path: str) -> str:
    """A frame's file relative to the project or to site-packages."""
    for marker in (f"{ROOT}/", "site-packages/", "/lib/python3"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def summarise_collapsed(text: str) -> tuple[Counter[str], Counter[str], int]:
    """(own samples, inclusive samples, all samples) per function of py-spy's raw output
    (one `frame;frame;...;leaf count` line per distinct stack)."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for line in text.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        total += samples
        names = []
        for frame in stack.split(";"):
            found = FRAME.match(frame)
            names.append(
                f"{found['function']} ({short(found['file'])})" if found else frame.strip()
            )
        own[names[-1]] += samples
        for name in set(names):
            inclusive[name] += samples
    return own, inclusive, total


def show_collapsed(path: Path) -> None:
    own, inclusive, total = summarise_collapsed(path.read_text(errors="replace"))
    if not total:
        log("  py-spy recorded no samples")
        return
    ours = Counter(
        {name: n for name, n in inclusive.items() if name.rpartition("(")[2].startswith(OURS)}
    )
    for title, counts in (
        ("own time, anywhere", own),
        ("time including callees, in estatepay's own code", ours),
    ):
        log(f"\n  top {TOP} by {title} (share of {total:,} samples of busy threads):")
        for name, samples in counts.most_common(TOP):
            log(f"  {100 * samples / total:6.1f}%  {name}")


async def start_py_spy(binary: str, server: Server, out: Path) -> asyncio.subprocess.Process:
    """Start sampling `server` (its pid, 200 Hz, without pausing it)."""
    return await asyncio.create_subprocess_exec(
        binary, "record", "--pid", str(server.process.pid), "--rate", "200",
        "--nonblocking", "--format", "raw", "--output", str(out),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip


async def stop_py_spy(process: asyncio.subprocess.Process) -> str:
    """Stop recording (SIGINT: py-spy writes what it sampled) and return its output."""
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    return output.decode(errors="replace")


def cprofile_command(serve: list[str], out: Path) -> list[str]:
    """`serve` (python -m estatepay.cli serve ...) under cProfile, its stats to `out` when
    the server exits (uvicorn returns from its loop on SIGTERM)."""
    python, flag, module, *rest = serve
    assert flag == "-m"
    return [python, "-m", "cProfile", "-o", str(out), "-m", module, *rest]


def interrupt(server: Server) -> None:
    """Stop a server run under cProfile so that it writes its stats: SIGINT, which uvicorn
    re-raises as KeyboardInterrupt once it has shut down (its SIGTERM would end the
    process before cProfile writes)."""
    server.process.send_signal(signal.SIGINT)
    server.process.wait(timeout=60)


def show_cprofile(path: Path) -> None:
    for key, title in (("tottime", "own time"), ("cumulative", "including callees")):
        stream = io.StringIO()
        stats = pstats.Stats(str(path), stream=stream)
        stats.sort_stats(key).print_stats(TOP)
        log(f"\n  top {TOP} by {title} (cProfile, the server's main thread):")
        lines = stream.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        for line in lines[start:]:
            if line.strip():
                log(f"  {line.replace(f'{ROOT}/', '')}")
