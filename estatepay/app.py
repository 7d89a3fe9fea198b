"""The ASGI application: GraphQL, health checks, lifespan."""

from __future__ import annotations

import gc
import json
import logging
import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta
from importlib.resources import files
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from prometheus_client import CONTENT_TYPE_LATEST
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from estatepay import graphiql
from estatepay.boundary import BodyLimit, refusal
from estatepay.documents import document_routes
from estatepay.observe import Observe, note_operation, note_outcome, sample_pools
from estatepay.webhooks import webhook_endpoint
from estatepay.websocket import LegacyWSHandler, TransportWSHandler
from estatepay.wsdoor import Door, admit
from resolvers.context import IdentityCache, RequestContext, build_context
from schema.build import EstatepaySchema, build_schema
from schema.compiled.caller import Callers
from schema.compiled.reads import CompiledReads
from schema.errors import shape_errors
from services import events
from services.identity.authcache import AuthCache
from services.identity.revocation_bus import make_revocations
from services.identity.revocations import announcing
from services.identity.throttle import FailureCounter, MemoryFailureCounter, RedisFailureCounter
from services.live import Hub, make_hub
from services.telemetry import metrics
from services.telemetry.hooks import install_model_hooks
from tenants.database import close_database, database_ready, init_database
from tenants.settings import Settings, get_settings
from workers.broker import (
    Dispatcher,
    InProcessDispatcher,
    RedisDispatcher,
    broker_ready,
    configure_broker,
    jobs_outlet,
    queue_depths,
)
from workers.scheduler import InProcessLoop, start_in_process
from workers.sweeper import Sweeper

log = logging.getLogger("estatepay")
# Objects allocated less those freed before a young collection (CPython: 700).
GC_YOUNG_THRESHOLD = 20_000
# The live dashboard: one static page, no build step (see estatepay/static/).
DASHBOARD_PAGE = files("estatepay") / "static" / "dashboard.html"


def redis_client(settings: Settings) -> Redis:
    """The process's Redis client. A connection found dead (Redis restarted) is retried
    at once on a new one, so the first request after an outage works; while Redis is
    down, requests fail within about a second (UNAVAILABLE) instead of hanging."""
    assert settings.redis_url is not None
    return Redis.from_url(
        settings.redis_url,
        socket_connect_timeout=settings.broker_timeout_seconds,
        retry=Retry(ExponentialBackoff(cap=0.2, base=0.02), retries=2),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


class Runtime:
    """Process-wide resources made at start-up and closed at shutdown."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.redis: Redis | None = redis_client(settings) if settings.redis_url else None
        self.login_failures: FailureCounter = (
            RedisFailureCounter(self.redis) if self.redis else MemoryFailureCounter()
        )
        configure_broker(settings)  # process-wide: the actors are defined on it
        self.dispatcher: Dispatcher = (
            RedisDispatcher(
                settings.redis_url, settings.queue_namespace, settings.broker_timeout_seconds
            )
            if settings.redis_url
            else InProcessDispatcher()
        )
        # Live updates: through Redis pub/sub, or in-process for the embedded default.
        self.hub: Hub = make_hub(self.redis, settings.broker_timeout_seconds)
        # Who each token is, remembered; forgotten at every revocation (in every process).
        self.identities: IdentityCache = AuthCache(settings.auth_cache_seconds)
        self.revocations = make_revocations(
            self.redis, self.identities, settings.broker_timeout_seconds
        )
        self.door = Door(
            settings.ws_max_sockets_per_user,
            settings.ws_max_sockets_per_address,
            settings.ws_max_subscriptions_per_socket,
            settings.ws_recheck_seconds,
        )


class EstatepayGraphQL(GraphQL[RequestContext, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(self, runtime: Runtime, schema: EstatepaySchema, **kwargs: Any) -> None:
        super().__init__(schema=schema, **kwargs)
        self.runtime = runtime
        self.door = runtime.door
        settings = runtime.settings
        self.compiled = (
            CompiledReads(schema, settings.page_size_cap) if settings.compiled_reads else None
        )
        self.callers = Callers(settings.secret_key)
        self._ide_page = graphiql.offline_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> RequestContext:
        if isinstance(request, Request) and hasattr(request.state, "context"):
            made: RequestContext = request.state.context  # by the compiled path, first
            return made
        ctx = await build_context(
            self.runtime.settings,
            self.runtime.login_failures,
            request.client.host if request.client else "unknown",
            request.headers.get("authorization"),
            request.headers.get("x-tenant"),
            # A socket's door asks the database itself (`estatepay.wsdoor`).
            None if isinstance(request, WebSocket) else self.runtime.identities,
        )
        ctx.request = request
        ctx.hub = self.runtime.hub
        ctx.send_job = self.runtime.dispatcher.send
        ctx.per_connection = isinstance(request, WebSocket)
        return ctx

    async def on_ws_connect(self, context: RequestContext) -> UnsetType | dict[str, object] | None:
        """The door (`estatepay.wsdoor`): credentials checked at `connection_init`, the
        user's sockets counted; `Refused` closes the socket before any acknowledgement."""
        await admit(context)
        self.door.sign_in(context)
        return UNSET

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        result.errors = shape_errors(result.errors)
        codes = [(e.extensions or {}).get("code") for e in result.errors or ()]
        note_outcome(str(codes[0] or "INTERNAL") if codes else "ok", "graphql-core")
        return process_result(result)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Strawberry's, with its refusals (bad body, unsupported method or content type)
        shaped as GraphQL errors instead of plain text."""
        # What this request revokes reaches every process's memory of callers.
        with announcing(self.runtime.revocations.announce):
            if scope["type"] != "http":
                await super().__call__(scope, receive, send)
                return
            request = Request(scope=scope, receive=receive)
            await self._observe(request)
            try:
                response = await self._compiled(request) or await self.run(request)
            except HTTPException as exc:
                code = "NOT_FOUND" if exc.status_code == 404 else "VALIDATION_ERROR"
                note_outcome(code)
                response = refusal(exc.reason, exc.status_code, code)
            await response(scope, receive, send)

    async def _observe(self, request: Request) -> None:
        """Name the operation for the metrics and the request's log line (`observe`),
        whichever path answers it. The body stays cached on `request`."""
        if request.method == "GET":
            note_operation(dict(request.query_params))
            return
        if "json" in request.headers.get("content-type", ""):
            try:
                request.state.json_body = orjson.loads(await request.body())
            except orjson.JSONDecodeError:
                return
            note_operation(request.state.json_body)

    async def _compiled(self, request: Request) -> Response | None:
        """The compiled read path's answer (`schema.compiled`), or None for graphql-core.
        The body stays cached on `request` for graphql-core to read again."""
        if self.compiled is None or request.method != "POST":
            return None
        if "json" not in request.headers.get("content-type", ""):
            return None
        body = getattr(request.state, "json_body", None)  # parsed by `_observe`
        if not isinstance(body, dict):
            return None

        async def context() -> RequestContext:
            if not hasattr(request.state, "context"):
                request.state.context = await self.get_context(request, Response())
            made: RequestContext = request.state.context
            return made

        headers = request.headers
        # Remembered, then re-checked by the database (schema.compiled.caller).
        caller = self.callers.from_headers(headers.get("authorization"), headers.get("x-tenant"))
        if caller is None:
            caller = self.callers.learn(await context())
        if caller is None:
            return None
        answer = await self.compiled.answer(body, caller, context)
        if answer is None:
            return None
        content, path = answer
        note_outcome("ok", path)
        return Response(content, media_type="application/json", headers={"X-Read-Path": path})

    @property
    def graphql_ide_html(self) -> str:
        return self._ide_page

    def encode_json(self, data: object) -> str:
        # As the compiled path writes: compact, UTF-8 unescaped (byte-for-byte equal). Text,
        # not bytes: WebSocket messages sent as bytes go out as binary frames, which a
        # browser's graphql-ws client cannot read.
        return orjson.dumps(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        try:
            return json.loads(data)
        # Invalid UTF-8 is a ValueError but not a JSONDecodeError; deep nesting recurses.
        except (ValueError, RecursionError) as exc:
            raise HTTPException(400, "Unable to parse request body as JSON") from exc

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        try:
            return await super().parse_http_body(request)
        except AttributeError as exc:  # Strawberry calls .get() on what may not be an object
            raise HTTPException(
                400, "The body must be a JSON object: {query, variables, operationName}"
            ) from exc


def create_app(
    settings: Settings | None = None, extra_routes: Sequence[BaseRoute] = ()
) -> Starlette:
    """`extra_routes`: served beside the API (the demo's fake providers)."""
    settings = settings or get_settings()
    settings.check_production_safety()
    runtime = Runtime(settings)
    install_model_hooks()
    graphql = EstatepayGraphQL(
        runtime,
        schema=build_schema(settings),
        graphql_ide="graphiql" if settings.graphiql_enabled else None,
        # WebSockets authenticate with the token in `connection_init`, never a cookie, so
        # a page on another origin gains nothing it could not do with its own token.
        allowed_origins=("*",),
        keep_alive=True,  # `ka` messages on the legacy graphql-ws protocol
        keep_alive_interval=15,
        connection_init_wait_timeout=timedelta(seconds=settings.ws_connection_init_timeout_seconds),
        max_subscriptions_per_connection=None,  # the door's cap, answered RATE_LIMITED
    )

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        checks = {
            "database": await database_ready(),
            "broker": await broker_ready(runtime.redis),
        }
        ready = all(checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "unavailable", "checks": checks},
            status_code=200 if ready else 503,
        )

    dashboard_html = DASHBOARD_PAGE.read_text(encoding="utf-8")

    async def dashboard_page(request: Request) -> Response:
        return HTMLResponse(dashboard_html)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await init_database(settings)
        await runtime.hub.start()
        await runtime.revocations.start()
        # What start-up made (modules, the schema, the ORM's metadata) lives as long as
        # the process: out of the collector's sight, and young collections less often,
        # so full collections stop stalling requests (bench/reads' p99).
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, 10, 10)
        # Live updates first: the latency-sensitive outlet runs right after the commit.
        live_outlet = runtime.hub.publish
        events.install_outlet(live_outlet)
        outlet = jobs_outlet(runtime.dispatcher)
        events.install_outlet(outlet)
        # Without Redis there is no `estatepay scheduler` or `worker` to send to: schedule,
        # and re-send due webhook events, in-process.
        loops = (
            []
            if settings.redis_url
            else [
                start_in_process(settings, runtime.dispatcher),
                InProcessLoop(Sweeper(runtime.dispatcher), settings.sweep_every_seconds),
            ]
        )
        try:
            yield
        finally:
            for loop in loops:
                await loop.stop()
            events.remove_outlet(outlet)
            events.remove_outlet(live_outlet)
            await runtime.hub.stop()
            await runtime.revocations.stop()
            await close_database()
            if runtime.redis is not None:
                await runtime.redis.aclose()
            metrics.process_exiting(os.getpid())

    async def metrics_page(request: Request) -> Response:
        sample_pools()
        depths = await queue_depths(runtime.dispatcher, runtime.redis)
        text = metrics.exposition(metrics.queue_depth(depths))
        return Response(text, media_type=CONTENT_TYPE_LATEST)

    routes: list[BaseRoute] = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics_page, methods=["GET"]),
        Route("/dashboard", dashboard_page, methods=["GET"]),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route(
            "/webhooks/{provider}/{tenant_slug}",
            webhook_endpoint(runtime.dispatcher, settings.encryption_key),
            methods=["POST"],
        ),
        *document_routes(settings, runtime.login_failures),
        *(graphiql.asset_routes() if settings.graphiql_enabled else []),
        *extra_routes,
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(Observe, routes=routes),
            Middleware(BodyLimit, max_bytes=settings.max_body_bytes),
        ],
        lifespan=lifespan,
    )
    app.state.runtime = runtime
    return app
