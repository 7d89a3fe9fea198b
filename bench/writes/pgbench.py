"""The baseline: pgbench's wallet transfer, the shape of a double-entry posting in one
transaction (debit a wallet, credit the estate's one revenue row, insert the entry), on
tables of its own in the bench database, `-M prepared`, run in slices like the API."""

from __future__ import annotations

import asyncio
import os
import re
import resource
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import asyncpg

from bench.common import Result, cpu_jiffies

ACCOUNTS = "bench_transfer_accounts"
ENTRIES = "bench_transfer_entries"
REVENUE = 0  # the account every transfer credits, as every payment credits the estate's
# One transfer: two balance updates and an insert, the statements of a posting.
SCRIPT = f"""\\set wallet random(1, :wallets)
BEGIN;
UPDATE {ACCOUNTS} SET balance = balance - 1000 WHERE id = :wallet;
UPDATE {ACCOUNTS} SET balance = balance + 1000 WHERE id = {REVENUE};
INSERT INTO {ENTRIES} (debit, credit, amount, created_at) VALUES (:wallet, {REVENUE}, 1000, now());
END;
"""
PROCESSED = re.compile(r"number of transactions actually processed: (\d+)")
FAILED = re.compile(r"number of failed transactions: (\d+)")
TPS = re.compile(r"tps = ([0-9.]+) \(without initial connection time\)")


def available() -> str | None:
    return shutil.which("pgbench")


async def create_tables(conn: asyncpg.Connection, wallets: int) -> None:
    """The transfer's own tables: `wallets` wallet rows (ids 1..N) and the revenue row
    (id 0), and the entries table it appends to."""
    await conn.execute(f"DROP TABLE IF EXISTS {ENTRIES}, {ACCOUNTS}")
    await conn.execute(f"CREATE TABLE {ACCOUNTS} (id int PRIMARY KEY, balance bigint NOT NULL)")
    await conn.execute(
        f"INSERT INTO {ACCOUNTS} SELECT g, 100000000000 FROM generate_series(0, $1) g", wallets
    )
    await conn.execute(
        f"CREATE TABLE {ENTRIES} (id bigserial PRIMARY KEY, debit int NOT NULL, "
        "credit int NOT NULL, amount bigint NOT NULL, created_at timestamptz NOT NULL)"
    )
    await conn.execute(f"VACUUM ANALYZE {ACCOUNTS}")


def connection_arguments(url: str) -> tuple[list[str], dict[str, str]]:
    """pgbench's -h/-p/-U and database from a postgres:// URL (a password goes in the
    environment, never on the command line)."""
    parts = urlsplit(url)
    args = ["-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432)]
    if parts.username:
        args += ["-U", unquote(parts.username)]
    env = {**os.environ}
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    return [*args, parts.path.lstrip("/")], env


def read_logs(prefix: Path) -> list[float]:
    """The latencies (seconds) in pgbench's per-transaction logs `prefix.*`, then gone."""
    latencies = []
    for path in sorted(prefix.parent.glob(f"{prefix.name}.*")):
        for line in path.read_text().splitlines():
            fields = line.split()
            if len(fields) >= 3 and fields[2].isdigit():  # "skipped" or "failed" otherwise
                latencies.append(int(fields[2]) / 1e6)
        path.unlink()
    return latencies


async def run(
    url: str, clients: int, seconds: int, wallets: int, work_dir: Path, result: Result
) -> None:
    """One pgbench run of `seconds` at `clients` connections, added to `result`: its
    transactions, their latencies (from the per-transaction log) and the machine's CPU."""
    script = work_dir / "transfer.sql"
    script.write_text(SCRIPT)
    prefix = work_dir / f"pgbench-{clients}"
    target, env = connection_arguments(url)
    threads = max(1, min(clients, os.cpu_count() or 1))
    command = [
        "pgbench", "-n", "-M", "prepared", "-c", str(clients), "-j", str(threads),
        "-T", str(seconds), "-f", str(script), "-D", f"wallets={wallets}",
        "-l", f"--log-prefix={prefix}", *target,
    ]  # fmt: skip
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy0, total0 = cpu_jiffies()
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=work_dir,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output = (await asyncio.wait_for(process.communicate(), seconds + 120))[0].decode()
    wall = time.perf_counter() - started
    busy1, total1 = cpu_jiffies()
    children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    latencies = read_logs(prefix)
    processed, tps = PROCESSED.search(output), TPS.search(output)
    if process.returncode != 0 or processed is None or tps is None:
        result.failures.append(f"pgbench exited {process.returncode}: {output[-600:]}")
        return
    done = int(processed.group(1))
    result.requests += done
    result.seconds += done / float(tps.group(1)) if done else wall
    result.latencies.extend(latencies)
    failed = FAILED.search(output)
    if failed and int(failed.group(1)):
        result.failures.append(f"pgbench: {failed.group(1)} failed transactions")
    result.generator_cpu_s += (children1.ru_utime - children0.ru_utime) + (
        children1.ru_stime - children0.ru_stime
    )
    result.busy_jiffies += busy1 - busy0
    result.total_jiffies += total1 - total0
