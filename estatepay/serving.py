"""`estatepay serve --workers N`: N API processes on one port.

uvicorn's supervisor binds the port once and hands the socket to N spawned children, each
importing `app` below; it restarts a child that dies and stops them all (SIGTERM) on
SIGTERM or SIGINT. The parent process does the once-only work before that: the shared
schema is migrated (children re-check it under the migration lock and find it at head).
Several processes need PostgreSQL and Redis: jobs, schedules and live updates cross
processes only through Redis."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from typing import TYPE_CHECKING

from tenants.database import POOLS
from tenants.settings import Settings, get_settings

if TYPE_CHECKING:
    from starlette.applications import Starlette

log = logging.getLogger(__name__)
# prometheus-client's multiprocess mode (see services.telemetry.metrics).
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
APP_FACTORY = "estatepay.serving:app"
# With DB_POOL_MAX_SIZE unset, the connections one `serve` may open in all. Each process
# has POOLS_PER_PROCESS pools (tenants.database.POOLS); shared out, a pool gets no fewer
# than MIN_POOL.
POOL_BUDGET = 40
MIN_POOL = 2


def configure_logging(settings: Settings) -> None:
    """JSON lines in production, readable lines elsewhere (`LOG_FORMAT`)."""
    from services.telemetry.logs import configure_logging as configure

    configure(settings.log_format)


def cpu_count() -> int:
    """The CPUs this process may run on (a container's cpuset, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers(settings: Settings) -> int:
    """One process per CPU in production on PostgreSQL and Redis; one otherwise."""
    if settings.is_production and settings.database_url and settings.redis_url:
        return cpu_count()
    return 1


def refusal(settings: Settings, workers: int, fakes: bool) -> str | None:
    """Why these settings cannot run `workers` processes, if they cannot."""
    if workers < 1:
        return "must be at least 1"
    if workers == 1:
        return None
    if settings.embedded:
        return (
            "the embedded default (SQLite, no DATABASE_URL) runs in one process: its "
            "SQLite files, in-process broker, scheduler, sweeper and live updates belong to "
            "that process. Set DATABASE_URL and REDIS_URL to run several"
        )
    if not settings.redis_url:
        return (
            "several processes need REDIS_URL: without it jobs, schedules and live updates "
            "stay inside each process (a subscriber would miss changes made on another)"
        )
    if fakes:
        return (
            "the demo's fake payment providers keep their checkouts in one process's "
            "memory: run the demo with --workers 1"
        )
    return None


def pool_per_process(settings: Settings, workers: int) -> int:
    """DB_POOL_MAX_SIZE when set (per pool and process, as is); else the budget shared out."""
    if "db_pool_max_size" in settings.model_fields_set:
        return settings.db_pool_max_size
    share = POOL_BUDGET // (len(POOLS) * workers)
    return max(MIN_POOL, min(settings.db_pool_max_size, share))


def connections_line(workers: int, pool: int) -> str:
    """What this `serve` may open on PostgreSQL at most, said at start."""
    processes = "1 API process" if workers == 1 else f"{workers} API processes"
    return (
        f"PostgreSQL: at most {len(POOLS) * workers * pool} connections ({processes} x "
        f"{len(POOLS)} pools ({', '.join(POOLS)}) x {pool}); idle ones close after a minute"
    )


async def connection_warning(workers: int, pool: int) -> str | None:
    """A warning when N full pools would exceed what the database server accepts (a
    warning, not a refusal: behind PgBouncer the server's limit is not the client's)."""
    from tortoise.connection import get_connection

    from tenants.apps import SHARED_CONNECTION

    rows = await get_connection(SHARED_CONNECTION).execute_query_dict(
        "SELECT current_setting('max_connections')::int AS max, "
        "current_setting('superuser_reserved_connections')::int AS reserved"
    )
    usable = int(rows[0]["max"]) - int(rows[0]["reserved"])
    wanted = len(POOLS) * workers * pool
    if wanted <= usable:
        return None
    return (
        f"warning: {workers} processes x {len(POOLS)} pools ({', '.join(POOLS)}) x "
        f"DB_POOL_MAX_SIZE {pool} = {wanted} "
        f"connections at most, more than the database's {usable} (max_connections less "
        "those reserved): lower --workers or DB_POOL_MAX_SIZE, or put PgBouncer in front"
    )


def app() -> Starlette:
    """The ASGI app of one child process (uvicorn imports and calls this in each)."""
    from uvicorn.config import STARTUP_FAILURE

    from estatepay.app import create_app

    settings = get_settings()
    configure_logging(settings)
    try:
        return create_app(settings)
    except Exception:
        # The code uvicorn's supervisor reads as "would fail every restart": it stops
        # them all instead of restarting this one for ever.
        log.exception("the API process could not build its app")
        sys.exit(STARTUP_FAILURE)


def run_processes(host: str, port: int, workers: int) -> int:
    """Serve until SIGTERM or SIGINT; 3 if a child failed to start (then all are stopped:
    a broken app or database would fail every restart the same way)."""
    import uvicorn
    from uvicorn.config import STARTUP_FAILURE
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        log_config=None,  # each child configures its own (`configure_logging`)
        access_log=False,  # estatepay.access writes the richer line
        lifespan="on",  # a start-up that fails (no database) is a failure, never skipped
    )
    # The children write their metrics here and a scrape of any of them sums them all;
    # made fresh per run (counts of a previous run must not add in) and removed after.
    metrics_dir = tempfile.mkdtemp(
        prefix="estatepay-metrics-", dir=os.environ.get(MULTIPROC_ENV) or None
    )
    os.environ[MULTIPROC_ENV] = metrics_dir
    try:
        supervisor = Multiprocess(config, sockets=[config.bind_socket()])
        supervisor.run()
    finally:
        shutil.rmtree(metrics_dir, ignore_errors=True)
    failed = [p.pid for p in supervisor.processes if p.exitcode == STARTUP_FAILURE]
    if failed:
        print(f"error: API process {failed[0]} failed to start; all stopped", file=sys.stderr)
        return STARTUP_FAILURE
    return 0
