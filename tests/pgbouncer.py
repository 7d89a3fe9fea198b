"""PgBouncer in transaction mode, for real: Debian's `pgbouncer` (scripts/test-machine
installs it) started on a spare port in front of the test PostgreSQL, stopped by its PID."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from estatepay.demo.fakes.server import free_port

PGBOUNCER = os.environ.get("PGBOUNCER", "/usr/sbin/pgbouncer")


@contextmanager
def pgbouncer(database_url: str, pool_size: int = 4) -> Iterator[tuple[str, Path]]:
    """PgBouncer (transaction pooling, `pool_size` server connections per database) in
    front of `database_url`'s server: the same URL through PgBouncer, and its log. Its
    files are in a directory of its own (PgBouncer runs as the postgres user when started
    by root, who must reach them), removed afterwards."""
    if not shutil.which(PGBOUNCER):
        pytest.fail(
            f"{PGBOUNCER} not found: run `sudo bash scripts/test-machine` or "
            "`apt-get install pgbouncer`",
            pytrace=False,
        )
    url = urlsplit(database_url)
    port = free_port()
    directory = Path(tempfile.mkdtemp(prefix="estatepay-pgbouncer-"))
    user = url.username or "postgres"
    (directory / "users.txt").write_text(f'"{user}" ""\n')
    (directory / "pgbouncer.ini").write_text(
        f"""[databases]
* = host={url.hostname} port={url.port or 5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {directory / "users.txt"}
pool_mode = transaction
default_pool_size = {pool_size}
max_client_conn = 500
logfile = {directory / "pgbouncer.log"}
"""
    )
    command = [PGBOUNCER, str(directory / "pgbouncer.ini")]
    if os.geteuid() == 0:  # PgBouncer will not run as root: as the postgres user then
        postgres = pwd.getpwnam("postgres")
        for path in (directory, *directory.iterdir()):
            os.chown(path, postgres.pw_uid, postgres.pw_gid)
        command[1:1] = ["-u", "postgres"]
    output = directory / "stdout.txt"
    with output.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while "listening on" not in _log(directory):
            assert process.poll() is None, _log(directory) + output.read_text()
            assert time.monotonic() < deadline, _log(directory) + output.read_text()
            time.sleep(0.05)
        yield url._replace(netloc=f"{user}@127.0.0.1:{port}").geturl(), directory / "pgbouncer.log"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)


def _log(directory: Path) -> str:
    log = directory / "pgbouncer.log"
    return log.read_text() if log.exists() else ""
