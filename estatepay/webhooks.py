"""The REST shim providers post to: verify, store, answer; workers apply later."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from services.errors import UNAVAILABLE_MESSAGE, NotFound, is_outage
from services.estates.status import TAKES_WEBHOOKS
from services.payments import webhooks
from services.payments.gateways.base import BadWebhook
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN
from workers.broker import Dispatcher

log = logging.getLogger("estatepay.webhooks")


def webhook_endpoint(
    dispatcher: Dispatcher, encryption_key: str
) -> Callable[[Request], Awaitable[Response]]:
    async def receive(request: Request) -> Response:
        provider = webhooks.WEBHOOK_PROVIDERS.get(request.path_params["provider"])
        slug = request.path_params["tenant_slug"]
        # A slug that cannot exist (NUL, other scripts, too long) is as unknown as a
        # missing one, and never reaches the database.
        if provider is None or not SLUG_PATTERN.match(slug):
            return JSONResponse({"error": "unknown provider or estate"}, status_code=404)
        body = await request.body()  # bounded by estatepay.boundary.BodyLimit
        try:
            # A suspended estate's money still arrives: its webhooks are taken and applied.
            estate = await Estate.get_or_none(slug=slug, status__in=TAKES_WEBHOOKS)
            if estate is None:
                return JSONResponse({"error": "unknown estate"}, status_code=404)
            received = await webhooks.receive(
                estate, provider, body, dict(request.headers), encryption_key
            )
        except BadWebhook as exc:
            log.warning("refused %s webhook for %s: %s", provider, slug, exc)
            return JSONResponse({"error": str(exc)}, status_code=400)
        except NotFound:
            return JSONResponse({"error": "no active gateway"}, status_code=404)
        except Exception as exc:
            if not is_outage(exc):
                raise
            # Not stored: the provider retries a 5xx later, and nothing is lost.
            log.warning("%s webhook for %s refused during an outage: %r", provider, slug, exc)
            return JSONResponse(
                {"error": UNAVAILABLE_MESSAGE}, status_code=503, headers={"Retry-After": "30"}
            )
        if received.new:
            try:
                # The first attempt; the sweeper sends it again if this copy is lost.
                await dispatcher.send("apply_webhook_event", slug, str(received.event_id), 1)
            except Exception:  # stored: the sweeper will send it
                log.exception("could not enqueue webhook event %s", received.event_id)
        return JSONResponse({"received": True})

    return receive
