"""The payer's side of a fake provider: the hosted checkout page a `checkoutUrl` opens.

A plain HTML page with a Pay and a Decline button. Submitting it finishes the
transaction in the fake, posts the webhook the fake signs itself to `webhook_url` (the
estatepay shim), then sends the browser to the payment's callback URL when it has one.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

log = logging.getLogger("estatepay.demo.fakes")
WEBHOOK_TIMEOUT = 30.0


@dataclass(frozen=True)
class CheckoutView:
    provider: str  # shown on the page, e.g. "Paystack"
    reference: str  # estatepay's payment reference
    amount: str  # for people: "25,000.00 NGN"
    state: str  # "open", "paid" or "declined"


class HostedCheckout(Protocol):
    webhook_url: str | None

    def checkout(self, key: str) -> CheckoutView | None:
        """The checkout behind `key` (the last part of its URL), if there is one."""
        ...

    def settle(self, key: str, paid: bool) -> tuple[bytes, dict[str, str]]:
        """Finish the checkout; returns the signed webhook the provider sends for it."""
        ...

    def return_url(self, key: str, paid: bool) -> str | None:
        """Where the provider sends the browser afterwards (built from the callback)."""
        ...


def with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = urlencode([*parse_qsl(parts.query), *params.items()])
    return urlunsplit(parts._replace(query=query))


def usable_return_url(url: str | None) -> str | None:
    """A callback a browser can follow: http(s), and not a reserved `.invalid` host
    (estatepay gives Stripe one when the client named no callback)."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or host.endswith(".invalid"):
        return None
    return url


def major(minor: int, currency: str) -> str:
    """Paystack and Stripe count in hundredths for the currencies the demo uses."""
    return f"{minor / 100:,.2f} {currency.upper()}"


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}}
.fake{{background:#fff3cd;padding:.5rem;border-radius:4px}}button{{font-size:1.1rem;
padding:.5rem 1.5rem;margin-right:1rem}}</style></head>
<body><p class="fake">A fake {provider} served by estatepay for local demos and tests:
no real money moves.</p>
<h1>{title}</h1>{body}</body></html>
"""


def page(view: CheckoutView, title: str, body: str, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(
        PAGE.format(title=html.escape(title), provider=html.escape(view.provider), body=body),
        status_code=status_code,
    )


def summary(view: CheckoutView) -> str:
    return (
        f"<p>Amount: <strong>{html.escape(view.amount)}</strong></p>"
        f"<p>Reference: <code>{html.escape(view.reference)}</code></p>"
    )


def checkout_routes(fake: HostedCheckout) -> list[Route]:
    """GET and POST `/checkout/{key}` for the fake's app."""

    async def show(request: Request) -> Response:
        view = fake.checkout(request.path_params["key"])
        if view is None:
            return HTMLResponse("<h1>No such checkout</h1>", status_code=404)
        if view.state != "open":
            return page(view, f"This payment is already {view.state}", summary(view))
        form = (
            f'<form method="post" action="{html.escape(request.url.path)}">'
            '<button type="submit" name="action" value="pay">Pay</button>'
            '<button type="submit" name="action" value="decline">Decline</button></form>'
        )
        return page(view, f"Pay {view.amount}", summary(view) + form)

    async def submit(request: Request) -> Response:
        key = request.path_params["key"]
        view = fake.checkout(key)
        if view is None:
            return HTMLResponse("<h1>No such checkout</h1>", status_code=404)
        if view.state != "open":
            return page(view, f"This payment is already {view.state}", summary(view), 409)
        # A browser posts the form urlencoded; parsed by hand (no multipart dependency).
        action = dict(parse_qsl((await request.body()).decode())).get("action")
        if action not in ("pay", "decline"):
            return page(view, "Press Pay or Decline", summary(view), 400)
        paid = action == "pay"
        body, headers = fake.settle(key, paid)
        problem = await deliver(fake.webhook_url, body, headers)
        done = "Payment complete" if paid else "Payment declined"
        if problem is not None:
            # Shown rather than redirected past: the newcomer should see why nothing moved.
            return page(
                view,
                f"{done}, but the webhook was not accepted",
                f"{summary(view)}<p>{html.escape(problem)}</p><p>"
                "<code>verifyPayment(reference)</code> asks the provider directly.</p>",
                502,
            )
        target = fake.return_url(key, paid)
        if target is not None:
            return RedirectResponse(target, status_code=303)
        told = "estatepay was sent a signed webhook." if fake.webhook_url else ""
        return page(view, done, f"{summary(view)}<p>{told}</p>")

    return [
        Route("/checkout/{key}", show, methods=["GET"]),
        Route("/checkout/{key}", submit, methods=["POST"]),
    ]


async def deliver(url: str | None, body: bytes, headers: dict[str, str]) -> str | None:
    """Post the webhook; None when it was accepted (or there is nowhere to send it),
    else what went wrong."""
    if url is None:
        return None
    try:
        async with httpx.AsyncClient(timeout=WEBHOOK_TIMEOUT) as client:
            response = await client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        log.warning("webhook to %s failed: %s", url, exc)
        return f"{url} could not be reached: {type(exc).__name__}"
    if response.status_code >= 300:
        log.warning("webhook to %s answered %s: %s", url, response.status_code, response.text)
        return f"{url} answered HTTP {response.status_code}: {response.text[:200]}"
    return None
