"""A throwaway 3-node Citus cluster on this machine: a coordinator and two workers, each
its own PostgreSQL (initdb under /tmp, `shared_preload_libraries='citus'`, its own port).

    python -m bench.citus_cluster start [--root /tmp/estatepay-citus] [--port 9700]
    python -m bench.citus_cluster createdb NAME     # a database distributed over the nodes
    python -m bench.citus_cluster status
    python -m bench.citus_cluster stop              # each postmaster by its PID

Needs the Citus extension installed (`bash ../shared/citus/build.sh` from the project
root). The coordinator listens on PORT, the workers on PORT+1 and PORT+2. Each node's
`postgres` database has the extension and, on the coordinator, the nodes registered: a
database made later by `createdb` (or `recreate_database`) is set up the same way on every
node, the workers found in the coordinator's `postgres` database.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

DEFAULT_ROOT = Path("/tmp/estatepay-citus")
DEFAULT_PORT = 9700
WORKERS = 2
HOST = "127.0.0.1"


def server_binaries() -> Path:
    """The newest PostgreSQL server installed (Debian's layout)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3])
    )
    if not versions:
        raise SystemExit("PostgreSQL server binaries are required in /usr/lib/postgresql/*/bin")
    return versions[-1].parent


def free_base_port() -> int:
    """A port whose next WORKERS ports are free too (for a cluster of a test's own)."""
    for _ in range(100):
        base = random.randrange(20000, 60000)
        try:
            for port in range(base, base + WORKERS + 1):
                with socket.socket() as probe:
                    probe.bind((HOST, port))
        except OSError:
            continue
        return base
    raise RuntimeError("no three free ports in a row")


def citus_installed() -> bool:
    return (server_binaries().parent / "lib" / "citus.so").exists()


def _as_postgres(*command: object) -> None:
    # The server refuses to run as root: as root, initdb and pg_ctl run as `postgres`.
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    done = subprocess.run(
        [*prefix, *map(str, command)], capture_output=True, timeout=180, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]}: {done.stderr.decode(errors='replace').strip()}")


@dataclass(frozen=True)
class Node:
    name: str
    port: int
    data: Path

    @property
    def pid_file(self) -> Path:
        return self.data / "postmaster.pid"

    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def running(self) -> bool:
        pid = self.pid()
        if pid is None:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@{HOST}:{self.port}/{database}"


class Cluster:
    """`workers=0`: one plain PostgreSQL (no Citus) with the same settings, to compare."""

    def __init__(
        self, root: Path = DEFAULT_ROOT, port: int = DEFAULT_PORT, workers: int = WORKERS
    ) -> None:
        self.root = root
        self.coordinator = Node("coordinator", port, root / "coordinator")
        self.workers = [
            Node(f"worker{i}", port + i, root / f"worker{i}") for i in range(1, workers + 1)
        ]

    @property
    def nodes(self) -> list[Node]:
        return [self.coordinator, *self.workers]

    def url(self, database: str) -> str:
        return self.coordinator.url(database)

    def start(self) -> None:
        asyncio.run(self.start_async())

    async def start_async(self) -> None:
        """Start each node not running (initdb first if new); register the workers."""
        if self.workers and not citus_installed():
            raise SystemExit("Citus is not installed: run `bash ../shared/citus/build.sh`")
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        binaries = server_binaries()
        for node in self.nodes:
            if node.running():
                continue
            if not (node.data / "PG_VERSION").exists():
                _as_postgres(binaries / "initdb", "-D", node.data, "-U", "postgres",
                             "--auth=trust", "-E", "UTF8")  # fmt: skip
            # Small nodes: the machine is shared. fsync off: a throwaway cluster. Logical
            # WAL: `tenants place` moves an estate by logical replication, writes going on.
            preload = "-c shared_preload_libraries=citus " if self.workers else ""
            options = (
                f"-p {node.port} -c listen_addresses={HOST} -k {self.root} {preload}"
                "-c max_connections=60 "
                "-c max_prepared_transactions=60 -c shared_buffers=64MB -c wal_level=logical "
                "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
            )
            _as_postgres(binaries / "pg_ctl", "start", "-w", "-D", node.data,
                         "-l", self.root / f"{node.name}.log", "-o", options)  # fmt: skip
        if self.workers:
            await self._register("postgres", recreate=False)

    def stop(self) -> None:
        """SIGINT to each postmaster (a fast shutdown), by the PID in its postmaster.pid."""
        for node in self.nodes:
            pid = node.pid()
            if pid is None or not node.running():
                continue
            os.kill(pid, signal.SIGINT)
            deadline = time.monotonic() + 60
            while node.running() and time.monotonic() < deadline:
                time.sleep(0.1)
            if node.running():
                os.kill(pid, signal.SIGKILL)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self, name: str) -> str:
        return asyncio.run(self.prepare_database(name))

    async def prepare_database(self, name: str) -> str:
        """`name` dropped and created (on every node, distributed); returns its URL."""
        if self.workers:
            await self._register(name, recreate=True)
        else:
            admin = await asyncpg.connect(
                self.coordinator.url().replace("postgres:", "postgresql:", 1)
            )
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await admin.execute(f'CREATE DATABASE "{name}"')
            finally:
                await admin.close()
        return self.url(name)

    async def _register(self, name: str, recreate: bool) -> None:
        await setup_database([self.coordinator.port], [w.port for w in self.workers], name,
                             recreate)  # fmt: skip


async def setup_database(
    coordinator: list[int], workers: list[int], name: str, recreate: bool
) -> None:
    """`name` on every node (dropped first when `recreate`), with the extension, and the
    workers registered on the coordinator (`coordinator` is its one port)."""
    for port in [*workers, *coordinator]:
        if recreate:
            admin = await asyncpg.connect(f"postgresql://postgres@{HOST}:{port}/postgres")
            try:
                await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await admin.execute(f'CREATE DATABASE "{name}"')
            finally:
                await admin.close()
        conn = await asyncpg.connect(f"postgresql://postgres@{HOST}:{port}/{name}")
        try:
            await conn.execute("CREATE EXTENSION IF NOT EXISTS citus")
            if port in coordinator:
                await conn.execute("SELECT citus_set_coordinator_host($1, $2)", HOST, port)
                for worker in workers:
                    await conn.execute("SELECT citus_add_node($1, $2)", HOST, worker)
        finally:
            await conn.close()


async def recreate_distributed(url: str) -> None:
    """Drop and create the database of `url` on a running cluster whose coordinator `url`
    names: the same database on each worker (found in the coordinator's `postgres`
    database), the extension everywhere, the workers registered."""
    parts = urlsplit(url)
    port, name = parts.port or 5432, parts.path.lstrip("/")
    conn = await asyncpg.connect(f"postgresql://postgres@{parts.hostname}:{port}/postgres")
    try:
        rows = await conn.fetch(
            "SELECT nodeport FROM pg_dist_node WHERE groupid <> 0 ORDER BY nodeport"
        )
    finally:
        await conn.close()
    if not rows:
        raise RuntimeError(f"no Citus workers registered at {parts.hostname}:{port}")
    await setup_database([port], [int(r["nodeport"]) for r in rows], name, recreate=True)


async def _status(cluster: Cluster) -> None:
    for node in cluster.nodes:
        state = f"running, pid {node.pid()}" if node.running() else "stopped"
        print(f"{node.name:<12} {HOST}:{node.port}  {state}")
    if cluster.coordinator.running():
        conn = await asyncpg.connect(cluster.coordinator.url())
        try:
            for row in await conn.fetch("SELECT nodename, nodeport, groupid FROM pg_dist_node"):
                print(f"  pg_dist_node: {row['nodename']}:{row['nodeport']} group {row['groupid']}")
        finally:
            await conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.citus_cluster", description=__doc__)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="the coordinator's")
    parser.add_argument(
        "--workers", type=int, default=WORKERS, help="0: one plain PostgreSQL, no Citus"
    )
    actions = parser.add_subparsers(dest="action", required=True)
    actions.add_parser("start")
    actions.add_parser("stop")
    actions.add_parser("destroy", help="stop and delete the data directories")
    actions.add_parser("status")
    actions.add_parser("createdb").add_argument("name")
    args = parser.parse_args(argv)
    cluster = Cluster(args.root, args.port, args.workers)
    if args.action == "start":
        cluster.start()
        print(f"coordinator {cluster.url('postgres')}, workers on "
              f"{', '.join(str(w.port) for w in cluster.workers)}")  # fmt: skip
    elif args.action == "stop":
        cluster.stop()
    elif args.action == "destroy":
        cluster.destroy()
    elif args.action == "status":
        asyncio.run(_status(cluster))
    else:
        print(cluster.create_database(args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
