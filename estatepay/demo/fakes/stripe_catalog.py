"""The catalog half of the fake Stripe: Products and recurring Prices, as the official SDK
calls them (`products.create/retrieve/update`, `prices.create/list/update`). Prices are
immutable but for `active`, `lookup_key` and `metadata`, as at Stripe; a `lookup_key`
given with `transfer_lookup_key` moves from the price that held it."""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from estatepay.demo.fakes.stripe_cards import Form, invalid, not_found


def _metadata(form: Form) -> dict[str, str]:
    return {k[len("metadata[") : -1]: v for k, v in form.items() if k.startswith("metadata[")}


def _flag(value: str) -> bool:
    return value == "true"


@dataclass
class StripeCatalog:
    products: dict[str, dict[str, Any]] = field(default_factory=dict)
    prices: dict[str, dict[str, Any]] = field(default_factory=dict)
    ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def prices_of(self, product: str, active: bool | None = None) -> list[dict[str, Any]]:
        return [
            p
            for p in self.prices.values()
            if p["product"] == product and (active is None or p["active"] == active)
        ]

    def create_product(self, form: Form) -> tuple[dict[str, Any], int]:
        pid = form.get("id") or f"prod_test_{next(self.ids)}"
        if pid in self.products:
            return invalid(f"Product already exists: {pid}"), 400
        self.products[pid] = {
            "object": "product",
            "id": pid,
            "name": form.get("name", ""),
            "active": _flag(form.get("active", "true")),
            "metadata": _metadata(form),
        }
        return self.products[pid], 200

    def update_product(self, pid: str, form: Form) -> dict[str, Any]:
        row = self.products[pid]
        if "name" in form:
            row["name"] = form["name"]
        if "active" in form:
            row["active"] = _flag(form["active"])
        row["metadata"].update(_metadata(form))
        return row

    def _take_lookup_key(self, form: Form) -> tuple[dict[str, Any], int] | None:
        """Stripe refuses a lookup key another price holds unless told to transfer it."""
        key = form.get("lookup_key")
        holders = [p for p in self.prices.values() if key and p["lookup_key"] == key]
        if holders and not _flag(form.get("transfer_lookup_key", "false")):
            return invalid(f"A price with lookup_key {key} already exists"), 400
        for held in holders:
            held["lookup_key"] = None
        return None

    def create_price(self, form: Form) -> tuple[dict[str, Any], int]:
        if form.get("product") not in self.products:
            return invalid("No such product"), 400
        if refused := self._take_lookup_key(form):
            return refused
        price_id = f"price_test_{next(self.ids)}"
        self.prices[price_id] = {
            "object": "price",
            "id": price_id,
            "product": form["product"],
            "active": _flag(form.get("active", "true")),
            "currency": form["currency"],
            "unit_amount": int(form["unit_amount"]),
            "recurring": {
                "interval": form["recurring[interval]"],
                "interval_count": int(form.get("recurring[interval_count]", "1")),
            }
            if "recurring[interval]" in form
            else None,
            "lookup_key": form.get("lookup_key"),
            "metadata": _metadata(form),
        }
        return self.prices[price_id], 200

    def update_price(self, price_id: str, form: Form) -> tuple[dict[str, Any], int]:
        if refused := self._take_lookup_key(form):
            return refused
        row = self.prices[price_id]
        if "active" in form:
            row["active"] = _flag(form["active"])
        if "lookup_key" in form:
            row["lookup_key"] = form["lookup_key"]
        row["metadata"].update(_metadata(form))
        return row, 200


class CatalogApi:
    """The routes, on the fake Stripe's checks (`refused`), form parsing and replies to a
    repeated Idempotency-Key (`once`)."""

    def __init__(
        self,
        catalog: StripeCatalog,
        refused: Callable[[Request], Awaitable[JSONResponse | None]],
        form: Callable[[Request], Awaitable[Form]],
        once: Callable[
            [Request, Callable[[Form], tuple[dict[str, Any], int]]], Awaitable[JSONResponse]
        ],
    ) -> None:
        self.catalog, self.refused, self.form, self.once = catalog, refused, form, once

    def routes(self) -> list[Route]:
        return [
            Route("/v1/products", self.create_product, methods=["POST"]),
            Route("/v1/products/{id}", self.product, methods=["GET", "POST"]),
            Route("/v1/prices", self.prices, methods=["GET", "POST"]),
            Route("/v1/prices/{id}", self.price, methods=["GET", "POST"]),
        ]

    async def create_product(self, request: Request) -> JSONResponse:
        return await self.once(request, self.catalog.create_product)

    async def product(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        pid = request.path_params["id"]
        if pid not in self.catalog.products:
            return not_found("product")
        if request.method == "POST":
            return JSONResponse(self.catalog.update_product(pid, await self.form(request)))
        return JSONResponse(self.catalog.products[pid])

    async def prices(self, request: Request) -> JSONResponse:
        if request.method == "POST":
            return await self.once(request, self.catalog.create_price)
        if refused := await self.refused(request):
            return refused
        query = request.query_params
        active = _flag(query["active"]) if "active" in query else None
        found = (
            self.catalog.prices_of(query["product"], active)
            if "product" in query
            else [p for p in self.catalog.prices.values() if active in (None, p["active"])]
        )
        page = {"object": "list", "url": "/v1/prices", "has_more": False, "data": found}
        return JSONResponse(page)

    async def price(self, request: Request) -> JSONResponse:
        if refused := await self.refused(request):
            return refused
        price_id = request.path_params["id"]
        if price_id not in self.catalog.prices:
            return not_found("price")
        if request.method == "POST":
            return JSONResponse(*self.catalog.update_price(price_id, await self.form(request)))
        return JSONResponse(self.catalog.prices[price_id])
