from __future__ import annotations

from typing import Any

import httpx

from estatepay.app import create_app
from tests.conftest import make_settings


async def get(app: Any, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get(path)


async def test_health_and_readiness(http: httpx.AsyncClient) -> None:
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    ready = await http.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": True, "broker": True}


async def test_not_ready_when_the_broker_is_unreachable(database: Any) -> None:
    # Nothing listens on port 1: the broker check must fail, and say so.
    app = create_app(make_settings(redis_url="redis://127.0.0.1:1/0"))
    response = await get(app, "/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "broker": False}
    assert (await get(app, "/healthz")).status_code == 200
