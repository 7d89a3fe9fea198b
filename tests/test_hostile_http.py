"""Every HTTP route hit with hostile headers and bodies: never a 500, and every error one
of API.md's codes (never INTERNAL). The body limit is also checked against a real server:
a 100 MB body, declared or streamed, is cut off at once and costs the server no memory."""

from __future__ import annotations

import asyncio
import json
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.acceptance.test_serve import clean_env, free_port
from tests.conftest import DATABASE_URL, PASSWORD, REDIS_URL, make_estate

API_CODES = {
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "VALIDATION_ERROR",
    "INVALID_STATE",
    "INSUFFICIENT_FUNDS",
    "WALLET_FROZEN",
    "WALLET_LOCKED",
    "INVALID_PIN",
    "PIN_REQUIRED",
    "IDEMPOTENCY_CONFLICT",
    "PROVIDER_ERROR",
    "PROVIDER_UNAVAILABLE",
    "RATE_LIMITED",
    "UNAVAILABLE",
}
MIB = 1024 * 1024
ME = json.dumps({"query": "{ me { id } estate { slug } }"}).encode()


def deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


BODIES = [
    b"",
    b"null",
    b"123",
    b"-1e999999",
    b'"x"',
    b"[]",
    b"[{}]",
    b"true",
    b"{",
    b"\xff\xfe\xfd",
    b'{"query": "\xff"}',
    b"\x00",
    deep(100_000),
    b'{"query": "{ me { id } }", "variables": ' + deep(5_000) + b"}",
    b'{"query": 5}',
    b'{"query": "{ me { id } }", "variables": [1]}',
    b'{"query": "{ me { id } }", "variables": "x"}',
    b'{"query": "{ me { id } }", "operationName": 5}',
    b'{"query": "{ me { id } }", "operationName": {"a": 1}}',
    b'{"query": "{ me { id } }", "extensions": 5}',
    b'{"query": "{ me { id } }", "variables": {"a": "\\u0000\\ud800"}}',
    b'{"query": "query($a: ID) { bill(id: $a) { id } }", "variables": {"a": "\\u0000"}}',
    b'{"query": "\\u0000"}',
    ME,
]
HEADER_VALUES = [
    b"",
    b"\x00",
    b"a\x00b",
    "d\u00e9mo".encode(),
    "\u0434\u0435\u043c\u043e".encode(),
    b"\xff\xfe",
    b"x" * 41,
    b"x" * 100_000,
    b"demo\n",
    b" demo ",
    b"DEMO",
]
CONTENT_TYPES = [
    b"application/json",
    b"application/json; charset=latin-1",
    b"application/json; charset=\xff",
    b"text/plain",
    b"multipart/form-data; boundary=x",
    b"application/x-www-form-urlencoded",
    b"",
    b"\x00",
]


def check(response: httpx.Response) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:500])
    if "json" not in response.headers.get("content-type", ""):
        return
    body = response.json()
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or []:
        code = error.get("extensions", {}).get("code")
        assert code in API_CODES, error


@pytest.fixture(scope="module")
async def target(app: Any) -> dict[str, str]:
    """A real estate and its admin's token, so hostile input also meets signed-in paths."""
    estate = await make_estate("hostile")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post(
            "/graphql",
            json={
                "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
                "{ token } }",
                "variables": {"e": estate.admin_email, "p": PASSWORD},
            },
        )
    return {"slug": estate.slug, "token": response.json()["data"]["login"]["token"]}


def routes(slug: str) -> list[tuple[str, str]]:
    return [
        ("POST", "/graphql"),
        ("GET", "/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D"),
        ("GET", "/graphql"),
        ("POST", f"/webhooks/paystack/{slug}"),
        ("POST", f"/webhooks/flutterwave/{slug}"),
        ("POST", f"/webhooks/stripe/{slug}"),
        ("POST", "/webhooks/paystack/x%00"),
        ("POST", "/webhooks/nope/x%00y"),
        ("POST", f"/webhooks/stripe/{slug}%0A"),
        ("GET", "/healthz"),
        ("GET", "/readyz"),
        ("GET", "/dashboard?estate=%00%ff"),
    ]


async def send(
    app: Any, method: str, path: str, headers: list[tuple[bytes, bytes]], body: bytes
) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, path, headers=headers, content=body)


header_values = st.one_of(st.sampled_from(HEADER_VALUES), st.binary(max_size=64))


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same requests every run: CI never flakes on luck
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    route=st.integers(0, 11),
    tenant=st.one_of(st.none(), header_values, st.just(b"<slug>")),
    authorization=st.one_of(
        st.none(), header_values, st.builds(lambda v: b"Bearer " + v, header_values)
    ),
    signed_in=st.booleans(),
    content_type=st.one_of(st.sampled_from(CONTENT_TYPES), st.binary(max_size=40)),
    body=st.one_of(st.sampled_from(BODIES), st.binary(max_size=512)),
)
def test_no_route_answers_500_to_hostile_headers_and_bodies(
    session_loop: asyncio.AbstractEventLoop,
    app: Any,
    target: dict[str, str],
    route: int,
    tenant: bytes | None,
    authorization: bytes | None,
    signed_in: bool,
    content_type: bytes,
    body: bytes,
) -> None:
    method, path = routes(target["slug"])[route]
    headers = [(b"content-type", content_type)]
    if tenant is not None:
        headers.append((b"x-tenant", target["slug"].encode() if tenant == b"<slug>" else tenant))
    if signed_in:
        headers.append((b"authorization", f"Bearer {target['token']}".encode()))
    elif authorization is not None:
        headers.append((b"authorization", authorization))
    check(session_loop.run_until_complete(send(app, method, path, headers, body)))


JSON = [(b"content-type", b"application/json")]


@pytest.mark.parametrize("body", BODIES[:13] + BODIES[14:20], ids=repr)
async def test_malformed_graphql_bodies_are_400_with_a_graphql_error(app: Any, body: bytes) -> None:
    response = await send(app, "POST", "/graphql", JSON, body)
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "VALIDATION_ERROR"


@pytest.mark.parametrize(
    "tenant",
    [b"x" * 41, b"x" * 10_000, "d\u00e9mo".encode(), b"\xff", b"a\x00b", b"demo\x01"],
    ids=repr,
)
async def test_malformed_x_tenant_is_a_validation_error(
    app: Any, target: dict[str, str], tenant: bytes
) -> None:
    auth = (b"authorization", f"Bearer {target['token']}".encode())
    response = await send(app, "POST", "/graphql", [*JSON, auth, (b"x-tenant", tenant)], ME)
    assert response.status_code == 200
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "X-Tenant"}
    good = await send(
        app, "POST", "/graphql", [*JSON, auth, (b"x-tenant", target["slug"].encode())], ME
    )
    assert good.json()["data"]["estate"]["slug"] == target["slug"]


@pytest.mark.parametrize(
    "authorization",
    [b"Bearer \x00", b"Bearer " + b"x" * 100_000, "Bearer \u00e9".encode(), b"\xff", b"Basic x"],
    ids=repr,
)
async def test_garbage_authorization_is_unauthenticated(app: Any, authorization: bytes) -> None:
    response = await send(app, "POST", "/graphql", [*JSON, (b"authorization", authorization)], ME)
    assert response.status_code == 200
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    "path", ["/webhooks/paystack/x%00", "/webhooks/stripe/a%00b", "/webhooks/paystack/" + "x" * 300]
)
async def test_impossible_webhook_slugs_are_404(app: Any, path: str) -> None:
    response = await send(app, "POST", path, JSON, b"{}")
    assert response.status_code == 404, response.text


async def chunks(total: int, size: int = 64 * 1024) -> Any:
    for _ in range(total // size):
        yield b"x" * size


@pytest.mark.parametrize("path", ["/graphql", "/webhooks/paystack/<slug>", "/healthz"])
async def test_bodies_over_the_limit_are_413_declared_or_not(
    app: Any, target: dict[str, str], path: str
) -> None:
    path = path.replace("<slug>", target["slug"])
    method = "GET" if path == "/healthz" else "POST"
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        declared = await client.request(method, path, content=b"x" * (MIB + 1), headers=JSON)
        streamed = await client.request(method, path, content=chunks(4 * MIB), headers=JSON)
        under = await client.request(
            method, path, content=b" " * (MIB - len(ME)) + ME, headers=JSON
        )
    # A route that never reads its body (/healthz) holds none of it: only what the app
    # reads is counted, so only a declared length is refused there.
    for response in (declared, streamed) if method == "POST" else (declared,):
        assert response.status_code == 413, response.text
        assert response.json()["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR"
    assert under.status_code != 413


# Against a real server: what the limit saves is memory and time.


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def server(database: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    port = free_port()
    env = {**clean_env(), "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL}
    env["SECRET_KEY"] = database.secret_key
    cwd = tmp_path_factory.mktemp("hostile-serve")
    log = cwd / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "estatepay.cli", "serve", "--port", str(port)],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=20)


def stream_100_mb(port: int, chunked: bool) -> tuple[bytes, int]:
    """Posts 100 MB to /graphql, declared or chunked, until the server answers or hangs
    up; returns the answer and how many bytes went out before it."""
    total = 100 * MIB
    length = b"Transfer-Encoding: chunked" if chunked else b"Content-Length: %d" % total
    head = b"POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
    chunk = b"x" * (64 * 1024)
    frame = b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk
    answer, sent = b"", 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + length + b"\r\n\r\n")
        try:
            while sent < total:
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break
                sock.sendall(frame)
                sent += len(chunk)
        except OSError:  # the server hung up: it will read no more of it
            pass
        try:
            while data := sock.recv(65536):
                answer += data
        except OSError:
            pass
    return answer, sent


@pytest.mark.parametrize("chunked", [False, True], ids=["declared", "streamed"])
def test_a_100_mb_body_is_cut_off_at_once_without_memory(
    server: tuple[int, int], chunked: bool
) -> None:
    port, pid = server
    before = rss_kib(pid)
    started = time.monotonic()
    answer, sent = stream_100_mb(port, chunked)
    elapsed = time.monotonic() - started
    grown_mib = (rss_kib(pid) - before) / 1024
    print(f"sent {sent / MIB:.1f} MiB in {elapsed:.2f}s; server grew {grown_mib:.1f} MiB")
    if answer:  # else the server hung up before the client could read its answer
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 20 * MIB
    assert elapsed < 5
    assert grown_mib < 20
