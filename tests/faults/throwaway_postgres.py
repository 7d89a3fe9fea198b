"""A PostgreSQL cluster of the test's own (initdb into a temporary directory, on a port of
its own), to stop and start under load without touching the shared server."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from estatepay.demo.fakes.server import free_port


def server_binaries() -> Path:
    """The newest PostgreSQL server installed (Debian's layout), or a loud failure."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    assert versions, "PostgreSQL server binaries are required in /usr/lib/postgresql/*/bin"
    return versions[-1].parent


class ThrowawayPostgres:
    def __init__(self) -> None:
        # Not under pytest's tmp_path: the server runs as `postgres`, which cannot enter
        # root's private temporary directories.
        self.root = Path(tempfile.mkdtemp(prefix="estatepay-faults-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self.bin = server_binaries()
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._as_postgres(
            self.bin / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/estatepay"

    def _as_postgres(self, *command: object) -> None:
        # As root: the server refuses to run as root, so initdb and pg_ctl run as postgres.
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*prefix, *map(str, command)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, f"{command[0]}: {done.stderr.decode(errors='replace')}"

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
            "-c fsync=off -c full_page_writes=off -c max_connections=60"
        )
        self._as_postgres(
            self.bin / "pg_ctl", "start", "-w", "-D", self.data, "-l", self.log, "-o", options
        )

    def stop(self) -> None:
        """A fast shutdown: open sessions are terminated, as in a restart for maintenance."""
        self._as_postgres(self.bin / "pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data)

    def _processes(self) -> list[int]:
        """The postmaster and its children (the backends), found in /proc."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                lines = status.read_text().splitlines()
            except OSError:  # the process ended meanwhile
                continue
            if f"PPid:\t{postmaster}" in lines:
                children.append(int(status.parent.name))
        return [postmaster, *children]

    def freeze(self) -> None:
        """Every server process stopped (SIGSTOP): connections stay open and new ones are
        accepted by the kernel, but nothing answers, as a paused VM or a black hole."""
        for pid in self._processes():
            os.kill(pid, signal.SIGSTOP)

    def thaw(self) -> None:
        for pid in self._processes():
            os.kill(pid, signal.SIGCONT)

    def create_database(self) -> None:
        self._as_postgres(self.bin / "createdb", "-h", "127.0.0.1", "-p", self.port, "estatepay")

    def destroy(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.thaw()
            self._as_postgres(self.bin / "pg_ctl", "stop", "-w", "-m", "immediate", "-D", self.data)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    server = ThrowawayPostgres()
    try:
        server.start()
        server.create_database()
        yield server
    finally:
        server.destroy()
