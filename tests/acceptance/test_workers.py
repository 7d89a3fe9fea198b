"""`estatepay serve --workers N` as a process on PostgreSQL and Redis: several API processes
on one port, told apart by which process holds each TCP connection's server end (read from
/proc, so the API needs nothing that names its process)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager
from pathlib import Path

import httpx
import pytest

from estatepay import serving
from tenants.settings import Settings
from tests.acceptance.test_live_updates import BILL, GRACE_SECONDS, PAY, server_env
from tests.acceptance.test_serve import clean_env, free_port
from tests.conftest import DATABASE_URL, REDIS_URL, GraphQLClient, make_settings
from tests.world import build_world
from tests.wsclient import LiveClient, live_client

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux /proc")


@contextmanager
def serve_workers(cwd: Path, env: dict[str, str], workers: int) -> Iterator[tuple[str, int, Path]]:
    """`estatepay serve --workers N`, healthy: its address, its (parent) pid and log."""
    port = free_port()
    log = cwd / f"serve-{port}.log"
    command = [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(port)]
    with log.open("w") as out:
        process = subprocess.Popen(
            [*command, "--workers", str(workers)],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield base, process.pid, log
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            # pid (comm) state ppid ...: the command may hold spaces and parentheses.
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def server_pid(parent: int, server_port: int, client_port: int) -> int:
    """The process under `parent` holding the server end of the connection from
    `client_port`: its socket's inode from /proc/net/tcp, then whose fd points at it."""
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state = fields[1], fields[2], fields[3]
        if (
            state == "01"  # ESTABLISHED
            and int(local.split(":")[1], 16) == server_port
            and int(remote.split(":")[1], 16) == client_port
        ):
            inode = fields[9]
    assert inode is not None, f"no connection from port {client_port}"
    for pid in descendants(parent):
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) == f"socket:[{inode}]":
                    return pid
            except OSError:
                continue
    raise AssertionError(f"no process under {parent} holds the connection from {client_port}")


def port_of(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def client_port(response: httpx.Response) -> int:
    return int(response.extensions["network_stream"].get_extra_info("client_addr")[1])


def pids_until(
    base: str, parent: int, done: Callable[[set[int]], bool], within: float = 60
) -> set[int]:
    """Each request on a new connection; the processes that served them, until `done`."""
    seen: set[int] = set()
    deadline = time.monotonic() + within
    while not done(seen):
        assert time.monotonic() < deadline, f"only {seen} served"
        with httpx.Client(timeout=10) as http:
            try:
                response = http.get(f"{base}/healthz")
            except httpx.TransportError:  # a process dying under us
                continue
            assert response.status_code == 200
            seen.add(server_pid(parent, port_of(base), client_port(response)))
    return seen


def test_workers_serve_one_port_from_several_processes_and_stop_together(
    database: Settings, tmp_path: Path
) -> None:
    with serve_workers(tmp_path, server_env(database), 2) as (base, parent, log):
        first = pids_until(base, parent, lambda seen: len(seen) == 2)
        assert parent not in first
        assert first <= descendants(parent)
        # DB_POOL_MAX_SIZE unset: the default budget shared out, handed to each child.
        assert "at most 36 connections (2 API processes x 3 pools" in log.read_text()
        for pid in first:
            assert b"\0DB_POOL_MAX_SIZE=6\0" in Path(f"/proc/{pid}/environ").read_bytes()

        # A child that dies is replaced, and the port is served by the survivor meanwhile.
        victim, survivor = sorted(first)
        os.kill(victim, signal.SIGKILL)
        now = pids_until(base, parent, lambda seen: bool(seen - first) and survivor in seen)
        assert victim not in now

        family = descendants(parent)
        os.kill(parent, signal.SIGTERM)
        deadline = time.monotonic() + 30
        while alive(parent) or any(alive(pid) for pid in family):
            assert time.monotonic() < deadline, f"still running: {family | {parent}}"
            time.sleep(0.1)
        output = log.read_text()
    # Each process then running shut down through its lifespan (pools and Redis closed).
    assert output.count("Application shutdown complete") == 2, output
    assert "Stopping parent process" in output


@asynccontextmanager
async def live_on(
    base: str, parent: int, token: str, slug: str, wanted: Callable[[int], bool]
) -> AsyncIterator[tuple[LiveClient, int]]:
    """A live client whose socket a process satisfying `wanted` serves."""
    deadline = time.monotonic() + 60
    while True:
        async with AsyncExitStack() as stack:
            client = await stack.enter_async_context(live_client(base, token, slug))
            pid = server_pid(parent, port_of(base), client.ws.local_address[1])
            if wanted(pid):
                yield client, pid
                return
        assert time.monotonic() < deadline, f"no socket reached the wanted process ({pid})"


@asynccontextmanager
async def http_on(base: str, parent: int, pid: int) -> AsyncIterator[tuple[httpx.AsyncClient, int]]:
    """An HTTP client whose one keep-alive connection process `pid` serves: the client
    and its local port."""
    deadline = time.monotonic() + 60
    while True:
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
            port = client_port(await http.get("/healthz"))
            if server_pid(parent, port_of(base), port) == pid:
                yield http, port
                return
        assert time.monotonic() < deadline, f"no connection reached process {pid}"


async def test_a_subscriber_on_one_process_hears_a_change_served_by_another(
    database: Settings, tmp_path: Path
) -> None:
    with serve_workers(tmp_path, server_env(database), 2) as (base, parent, _):
        setup = httpx.AsyncClient(base_url=base, timeout=30)
        world = await build_world(GraphQLClient(setup), residents=1, prefix="wk")
        payer = world.residents[0]
        await world.fund(payer, "100.00")
        bill = await world.bill(payer, "40.00")
        token = payer.client.token
        assert token is not None

        async with (
            live_on(base, parent, token, world.slug, lambda pid: True) as (here, here_pid),
            live_on(base, parent, token, world.slug, lambda pid: pid != here_pid) as (
                there,
                there_pid,
            ),
            http_on(base, parent, there_pid) as (http, port),
        ):
            ops = [(here, await here.subscribe(BILL)), (there, await there.subscribe(BILL))]
            for client, _ in ops:
                await client.live()

            # The payment is served by `there_pid`, over the connection checked above.
            mutate = GraphQLClient(http).as_tenant(world.slug)
            mutate.token = token
            paid = (await mutate.ok(PAY, b=bill["id"], k=uuid.uuid4().hex))["payBillFromWallet"]
            assert paid["status"] == "SUCCEEDED"
            assert client_port(await http.get("/healthz")) == port  # still that connection

            for client, op in ops:
                event = (await client.next(op)).data["billUpdated"]
                assert (event["id"], event["status"]) == (bill["id"], "PAID")
            await asyncio.sleep(GRACE_SECONDS)
            for client, op in ops:
                assert client.pending(op) == []  # one commit, one message per subscriber
        await setup.aclose()


@pytest.mark.parametrize(
    ("extra_env", "args", "why"),
    [
        ({}, [], "the embedded default (SQLite, no DATABASE_URL) runs in one process"),
        ({"DATABASE_URL": DATABASE_URL}, [], "several processes need REDIS_URL"),
        (
            {"DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL},
            ["--demo"],
            "run the demo with --workers 1",
        ),
    ],
)
def test_several_processes_are_refused_where_they_could_not_share(
    tmp_path: Path, extra_env: dict[str, str], args: list[str], why: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "serve", "--workers", "2", *args],
        cwd=tmp_path,
        env={**clean_env(), **extra_env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error (--workers): "), done.stderr
    assert why in done.stderr
    assert list(tmp_path.iterdir()) == []  # refused before any database was touched


def test_the_default_count_and_pool_per_process() -> None:
    production = {"environment": "production", "secret_key": "k" * 40}
    assert serving.default_workers(make_settings(**production)) == serving.cpu_count()
    assert serving.default_workers(make_settings()) == 1  # development
    assert serving.default_workers(make_settings(**production, redis_url=None)) == 1
    assert serving.default_workers(make_settings(**production, database_url=None)) == 1

    unset = Settings(_env_file=None, database_url=DATABASE_URL)  # type: ignore[call-arg]
    # 40 connections in all (three pools a process), never below 2 a pool, never above 20.
    assert [serving.pool_per_process(unset, n) for n in (1, 2, 3, 4, 16)] == [13, 6, 4, 3, 2]
    explicit = Settings(_env_file=None, database_url=DATABASE_URL, db_pool_max_size=15)  # type: ignore[call-arg]
    assert serving.pool_per_process(explicit, 8) == 15  # as set, per process


async def test_pools_beyond_the_servers_connections_are_warned_of(database: Settings) -> None:
    assert await serving.connection_warning(2, 10) is None
    warning = await serving.connection_warning(4, 100_000)
    assert warning is not None
    assert "4 processes x 3 pools (shared, tenant, reads) x DB_POOL_MAX_SIZE 100000" in warning
