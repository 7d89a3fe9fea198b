"""Bad input to the CLI is one clear line on stderr and exit code 2, never a traceback;
and the start message tells a newcomer where things are."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from tests.acceptance.test_serve import clean_env, serve
from tests.conftest import DATABASE_URL, REDIS_URL, recreate_database

MISSING_DATABASE = DATABASE_URL.rsplit("/", 1)[0] + "/estatepay_no_such_database"


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "estatepay.cli", *args],
        cwd=cwd,
        env={**clean_env(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "env", "line"),
    [
        (
            ("tenants", "migrate", "--concurrency", "0"),
            {},
            "estatepay tenants migrate: error: argument --concurrency: must be at least 1, "
            "not 0 (see estatepay tenants migrate --help)",
        ),
        (
            ("tenants", "migrate", "--concurrency", "-1"),
            {},
            "estatepay tenants migrate: error: argument --concurrency: must be at least 1, "
            "not -1 (see estatepay tenants migrate --help)",
        ),
        (
            ("serve", "--workers", "0"),
            {},
            "estatepay serve: error: argument --workers: must be at least 1, not 0 "
            "(see estatepay serve --help)",
        ),
        (
            ("serve", "--port", "70000"),
            {},
            "estatepay serve: error: argument --port: must be a port number (1-65535), "
            "not 70000 (see estatepay serve --help)",
        ),
        (
            ("worker", "--threads", "many"),
            {},
            "estatepay worker: error: argument --threads: 'many' is not a whole number "
            "(see estatepay worker --help)",
        ),
        (
            ("tenants", "list"),
            {"DATABASE_URL": MISSING_DATABASE},
            'error (DATABASE_URL): database "estatepay_no_such_database" does not exist at '
            f"{MISSING_DATABASE.split('@', 1)[1]}: create it first (createdb), then start again",
        ),
        (
            ("serve",),
            {"DATABASE_URL": MISSING_DATABASE, "REDIS_URL": REDIS_URL},
            'error (DATABASE_URL): database "estatepay_no_such_database" does not exist at '
            f"{MISSING_DATABASE.split('@', 1)[1]}: create it first (createdb), then start again",
        ),
        (
            ("serve",),
            {"ENVIRONMENT": "production"},
            "error (SECRET_KEY): must be set in production (a long random string)",
        ),
        (
            ("serve",),
            {"ENVIRONMENT": "production", "SECRET_KEY": "a-long-random-production-secret-0123"},
            "error (ENCRYPTION_KEY): must be set in production (a Fernet key: 32 url-safe "
            "base64 bytes)",
        ),
        (
            ("ledger", "verify", "--estate", "nope"),
            {},
            "error (--estate): no active estate 'nope'",
        ),
        (
            ("tenants", "place", "some-estate", "--node", "127.0.0.1:9701"),
            {},
            "error (DATABASE_DISTRIBUTED): estates are placed on workers only on a Citus "
            "cluster (DATABASE_DISTRIBUTED=citus, DATABASE_URL its coordinator)",
        ),
        (
            ("tenants", "place", "some-estate", "--node", "127.0.0.1"),
            {},
            "estatepay tenants place: error: argument --node: '127.0.0.1' is not HOST:PORT "
            "(see estatepay tenants place --help)",
        ),
        (
            ("fakechain", "--url", "http://127.0.0.1:1", "mine"),
            {},
            "error (--url): cannot reach http://127.0.0.1:1: [Errno 111] Connection refused "
            "(is estatepay serve running?)",
        ),
        (
            ("tenants", "list"),
            {"MAX_QUERY_DEPTH": "deep"},
            "error (MAX_QUERY_DEPTH): Input should be a valid integer, unable to parse string "
            "as an integer",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], line: str
) -> None:
    done = run(tmp_path, *args, **env)
    expected = 1 if args[0] == "fakechain" else 2  # a server that is not there: not input
    assert (done.returncode, done.stderr) == (expected, line + "\n"), done.stderr


def test_postgres_without_demo_says_how_to_create_the_first_estate(tmp_path: Path) -> None:
    url = f"{DATABASE_URL}_empty"
    asyncio.run(recreate_database(url))
    env = {**clean_env(), "DATABASE_URL": url, "REDIS_URL": REDIS_URL, "DB_POOL_MAX_SIZE": "2"}
    with serve(tmp_path, env) as (base, log):
        output = log.read_text()
    assert "No estate yet. Create the first one (and its admin) with" in output
    assert "estatepay tenants create --slug SLUG --name NAME" in output
    assert f"GraphiQL: {base}/graphql" in output and f"Dashboard: {base}/dashboard" in output
    assert f"Metrics: {base}/metrics" in output
    created = run(
        tmp_path,
        "tenants",
        "create",
        "--slug",
        "first",
        "--name",
        "First",
        "--admin-email",
        "boss@first.test",
        "--admin-password",
        "a-strong-pass-1",
        DATABASE_URL=url,
    )
    assert created.returncode == 0, created.stderr
    with serve(tmp_path, env) as (_, log):
        assert "No estate yet" not in log.read_text()  # one exists now
