"""A fake Bitcoin chain behind a mempool.space-compatible Esplora API, and a fake
CoinGecko-compatible rate API: real HTTP servers for the tests and the demo.

The chain is controllable, from Python (tests share the object with the server's thread)
or over HTTP (`POST /_control/...`, what `estatepay fakechain` calls): pay an address,
mine blocks, drop a transaction from the mempool, reorg the last blocks away. Switches
make it fail: `failing_with` answers every call with that status (`fail_times` calls,
or all while None), as a busy (429) or broken (500) API does."""

from __future__ import annotations

import hashlib
import itertools
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

PAGE = 25


@dataclass
class FakeTx:
    txid: str
    outputs: list[tuple[str, int]]  # (address, sats)
    block_height: int | None = None


@dataclass
class FakeChain:
    height: int = 100
    txs: dict[str, FakeTx] = field(default_factory=dict)
    failing_with: int | None = None
    fail_times: int | None = None  # None: every call while failing_with is set
    calls: int = 0
    # List every transaction twice (an API repeating itself).
    duplicate: bool = False
    _ids: itertools.count = field(default_factory=itertools.count)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- control --------------------------------------------------------------------

    def pay(self, address: str, sats: int) -> str:
        """A transaction in the mempool paying `sats` to `address`; its txid."""
        with self._lock:
            seed = f"{address}:{sats}:{next(self._ids)}".encode()
            txid = hashlib.sha256(seed).hexdigest()
            self.txs[txid] = FakeTx(txid, [(address, sats), (f"change-{txid[:8]}", 12_345)])
            return txid

    def mine(self, blocks: int = 1) -> int:
        """Mine `blocks`: the mempool goes into the first. The new tip height."""
        with self._lock:
            for _ in range(blocks):
                self.height += 1
                for tx in self.txs.values():
                    if tx.block_height is None:
                        tx.block_height = self.height
            return self.height

    def drop(self, txid: str) -> None:
        """The transaction leaves the mempool (replaced, or evicted) and is gone."""
        with self._lock:
            tx = self.txs[txid]
            assert tx.block_height is None, "only a mempool transaction can be dropped"
            del self.txs[txid]

    def reorg(self, depth: int) -> int:
        """The last `depth` blocks are replaced by empty ones (and the chain does not grow):
        their transactions return to the mempool."""
        with self._lock:
            for tx in self.txs.values():
                if tx.block_height is not None and tx.block_height > self.height - depth:
                    tx.block_height = None
            return self.height

    # -- the Esplora API ------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/blocks/tip/height", self.tip, methods=["GET"]),
                Route("/address/{address}/txs", self.address_txs, methods=["GET"]),
                Route("/address/{address}/txs/chain/{after}", self.address_txs, methods=["GET"]),
                Route("/tx/{txid}/status", self.tx_status, methods=["GET"]),
                Route("/_control/pay", self.control_pay, methods=["POST"]),
                Route("/_control/mine", self.control_mine, methods=["POST"]),
                Route("/_control/drop", self.control_drop, methods=["POST"]),
                Route("/_control/reorg", self.control_reorg, methods=["POST"]),
            ]
        )

    def _refused(self) -> Response | None:
        with self._lock:
            self.calls += 1
            if self.failing_with is None:
                return None
            if self.fail_times is not None:
                if self.fail_times <= 0:
                    return None
                self.fail_times -= 1
            status = self.failing_with
        headers = {"Retry-After": "0"} if status == 429 else {}
        return PlainTextResponse("Too Many Requests" if status == 429 else "down", status, headers)

    def _status(self, tx: FakeTx) -> dict[str, Any]:
        if tx.block_height is None:
            return {"confirmed": False}
        return {
            "confirmed": True,
            "block_height": tx.block_height,
            "block_hash": hashlib.sha256(str(tx.block_height).encode()).hexdigest(),
            "block_time": 1_700_000_000 + tx.block_height * 600,
        }

    def _json(self, tx: FakeTx) -> dict[str, Any]:
        return {
            "txid": tx.txid,
            "vin": [],
            "vout": [
                {"scriptpubkey_address": address, "value": sats, "scriptpubkey_type": "v0_p2wpkh"}
                for address, sats in tx.outputs
            ],
            "status": self._status(tx),
        }

    async def tip(self, request: Request) -> Response:
        if refused := self._refused():
            return refused
        return PlainTextResponse(str(self.height))

    async def address_txs(self, request: Request) -> Response:
        if refused := self._refused():
            return refused
        address, after = request.path_params["address"], request.path_params.get("after")
        with self._lock:
            mine = [tx for tx in self.txs.values() if any(a == address for a, _ in tx.outputs)]
            mempool = [tx for tx in mine if tx.block_height is None]
            confirmed = sorted(
                (tx for tx in mine if tx.block_height is not None),
                key=lambda tx: -(tx.block_height or 0),
            )
            if after is not None:
                txids = [tx.txid for tx in confirmed]
                start = txids.index(after) + 1 if after in txids else len(txids)
                listed = confirmed[start : start + PAGE]
            else:
                listed = mempool + confirmed[:PAGE]
            body = [self._json(tx) for tx in listed]
        return JSONResponse(body + body if self.duplicate else body)

    async def tx_status(self, request: Request) -> Response:
        if refused := self._refused():
            return refused
        with self._lock:
            tx = self.txs.get(request.path_params["txid"])
            if tx is None:
                return PlainTextResponse("Transaction not found", 404)
            return JSONResponse(self._status(tx))

    async def control_pay(self, request: Request) -> Response:
        body = await request.json()
        sats = int(Decimal(str(body["amountBtc"])) * 100_000_000)
        return JSONResponse({"txid": self.pay(str(body["address"]), sats)})

    async def control_mine(self, request: Request) -> Response:
        body = await request.json()
        return JSONResponse({"height": self.mine(int(body.get("blocks", 1)))})

    async def control_drop(self, request: Request) -> Response:
        self.drop(str((await request.json())["txid"]))
        return JSONResponse({"ok": True})

    async def control_reorg(self, request: Request) -> Response:
        return JSONResponse({"height": self.reorg(int((await request.json())["depth"]))})


@dataclass
class FakeRates:
    """`GET /simple/price?ids=bitcoin&vs_currencies=ngn`, with a price per currency (major
    units, as CoinGecko gives it). `down`: answer 503; `nonsense`: answer this body."""

    prices: dict[str, str] = field(default_factory=lambda: {"ngn": "50000000"})
    down: bool = False
    nonsense: str | None = None
    calls: int = 0

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/simple/price", self.price, methods=["GET"])])

    async def price(self, request: Request) -> Response:
        self.calls += 1
        if self.down:
            return PlainTextResponse("unavailable", 503)
        if self.nonsense is not None:
            return Response(self.nonsense, media_type="application/json")
        if request.query_params.get("ids") != "bitcoin":
            return JSONResponse({})
        wanted = request.query_params.get("vs_currencies", "").split(",")
        # Written out by hand: the price stays the exact decimal given, not a float.
        inner = ", ".join(f'"{c}": {self.prices[c]}' for c in wanted if c in self.prices)
        return Response('{"bitcoin": {' + inner + "}}", media_type="application/json")
