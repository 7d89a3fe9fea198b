"""The real processes a fault test starts and kills: `estatepay serve` and `estatepay
worker` on whatever database and Redis the test names, each logging to a file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from estatepay.demo.fakes.server import free_port

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "test-secret-key-with-enough-length-0123456789"


def environment(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    return {
        **env,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": SECRET_KEY,
        "DB_POOL_MAX_SIZE": "4",  # the machine is small
        **extra,
    }


class Process:
    """One `estatepay` command; its output goes to a file (a pipe nobody reads would fill
    and block it)."""

    def __init__(self, name: str, env: dict[str, str], logs: Path, *args: str) -> None:
        self.log = logs / f"{name}.log"
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "estatepay.cli", *args],
                env=env,
                cwd=logs,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, as when a machine dies."""
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def worker(env: dict[str, str], logs: Path, name: str = "worker") -> Process:
    return Process(name, env, logs, "worker", "--threads", "2")


def serve(env: dict[str, str], logs: Path, *args: str) -> tuple[Process, str]:
    """`estatepay serve` once it answers /healthz, and its base URL."""
    port = free_port()
    process = Process(f"serve-{port}", env, logs, "serve", "--port", str(port), *args)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert process.alive(), process.output()
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, process.output()
        time.sleep(0.2)


def run(env: dict[str, str], logs: Path, name: str, *args: str) -> tuple[int, str]:
    """A one-off command (`ledger verify`, ...): its exit code and output."""
    process = Process(name, env, logs, *args)
    code = process.process.wait(timeout=120)
    return code, process.log.read_text(errors="replace")
