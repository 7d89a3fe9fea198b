from __future__ import annotations

import base64
import os
from typing import Any

import httpx
from graphql import GraphQLError

from estatepay.app import create_app
from schema.errors import MASKED_MESSAGE, shaped
from services.errors import NotFound
from tests.conftest import GraphQLClient, make_settings


async def test_query_depth_is_limited(operator: GraphQLClient) -> None:
    assert await operator.ok("{ me { memberships { estate { slug } } } }")
    settings = make_settings(max_query_depth=2)
    body = await _post(create_app(settings), "{ me { memberships { estate { slug } } } }")
    error = body["errors"][0]
    assert error["extensions"]["code"] == "VALIDATION_ERROR"


async def test_aliases_are_limited(operator: GraphQLClient) -> None:
    query = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(20)) + " }"
    error = await operator.error(query)
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    assert "aliases" in error["message"]


async def test_tokens_are_limited(operator: GraphQLClient) -> None:
    query = "{ me { " + " ".join(["id"] * 3000) + " } }"
    error = await operator.error(query)
    assert error["extensions"]["code"] == "VALIDATION_ERROR"


async def test_syntax_errors_are_validation_errors(operator: GraphQLClient) -> None:
    error = await operator.error("{ me { ")
    assert error["extensions"]["code"] == "VALIDATION_ERROR"


async def _post(app: Any, query: str) -> dict[str, Any]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/graphql", json={"query": query})
        body: dict[str, Any] = response.json()
        return body


async def test_introspection_and_suggestions_can_be_switched_off(database: Any) -> None:
    closed = create_app(make_settings(introspection_enabled=False, graphiql_enabled=False))
    body = await _post(closed, "{ __schema { types { name } } }")
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR"
    typo = await _post(closed, "{ mee { id } }")
    assert "Did you mean" not in typo["errors"][0]["message"]
    open_ = create_app(make_settings())
    assert (await _post(open_, "{ __schema { queryType { name } } }"))["data"]


async def test_production_is_locked_down_unless_switched_on(database: Any) -> None:
    """ENVIRONMENT=production: no introspection, no GraphiQL and no "Did you mean"
    suggestions, unless GRAPHIQL_ENABLED / INTROSPECTION_ENABLED say otherwise."""
    keys = {"encryption_key": base64.urlsafe_b64encode(os.urandom(32)).decode()}
    locked = create_app(make_settings(environment="production", **keys))
    body = await _post(locked, "{ __schema { types { name } } }")
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION_ERROR"
    assert "data" not in body or body["data"] is None
    typo = await _post(locked, "{ mee { id } }")
    assert "Did you mean" not in typo["errors"][0]["message"]
    assert (await _get_graphiql(locked)).status_code == 404
    opened = create_app(
        make_settings(
            environment="production", introspection_enabled=True, graphiql_enabled=True, **keys
        )
    )
    assert (await _post(opened, "{ __schema { queryType { name } } }"))["data"]
    assert "Did you mean" in (await _post(opened, "{ mee { id } }"))["errors"][0]["message"]
    assert (await _get_graphiql(opened)).status_code == 200


async def _get_graphiql(app: Any) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get("/graphql", headers={"accept": "text/html"})


async def test_graphiql_is_served_only_when_enabled(database: Any) -> None:
    for enabled, expected in ((True, 200), (False, 404)):
        app = create_app(make_settings(graphiql_enabled=enabled))
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/graphql", headers={"accept": "text/html"})
        assert response.status_code == expected
        if enabled:
            assert "graphiql" in response.text.lower()


def test_unexpected_errors_are_masked_and_domain_errors_keep_their_code() -> None:
    internal = shaped(GraphQLError("db password is hunter2", original_error=RuntimeError("x")))
    assert internal.message == MASKED_MESSAGE
    assert internal.extensions == {"code": "INTERNAL"}
    domain = shaped(GraphQLError("x", original_error=NotFound("bill not found", field="id")))
    assert (domain.message, domain.extensions) == (
        "bill not found",
        {"code": "NOT_FOUND", "field": "id"},
    )
