"""Signing in while Redis (the login counters) is down, and right after it returns."""

from __future__ import annotations

import httpx

from estatepay.app import create_app
from tests.conftest import GraphQLClient, make_estate, make_settings
from tests.private_redis import PrivateRedis

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"


async def test_login_is_unavailable_while_redis_is_down_and_works_at_once_after(
    private_redis: PrivateRedis, database: object
) -> None:
    fixture = await make_estate()
    app = create_app(make_settings(redis_url=private_redis.url))
    transport = httpx.ASGITransport(app=app, client=("10.9.8.7", 1234))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            gql = GraphQLClient(http)
            await gql.login(fixture.admin_email)  # the pool now holds a live connection

            private_redis.kill()
            error = await gql.error(LOGIN, e=fixture.admin_email, p="correct-horse-9")
            assert error["extensions"]["code"] == "UNAVAILABLE", error
            ready = await http.get("/readyz")
            assert ready.status_code == 503

            private_redis.start()  # the pooled connection is stale now
            await gql.login(fixture.admin_email)  # the first try works
            assert (await http.get("/readyz")).status_code == 200
    finally:
        await app.state.runtime.redis.aclose()
