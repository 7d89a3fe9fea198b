"""What the chain shows, through a mempool.space-compatible Esplora API:
`GET /address/{a}/txs` (mempool first, then confirmed, newest first, 25 confirmed a page,
more at `/address/{a}/txs/chain/{last txid}`), `GET /tx/{txid}/status` and
`GET /blocks/tip/height`. Answers that are not what Esplora sends are refused."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from services.bitcoin import http
from services.payments.gateways.base import ProviderUnavailable

NAME = "the Bitcoin chain API"
CONFIRMED_PAGE = 25
MAX_PAGES = 20


@dataclass(frozen=True)
class ChainTx:
    txid: str
    value_sats: int  # paid to the address asked about
    block_height: int | None  # None: in the mempool


def _nonsense(what: str) -> ProviderUnavailable:
    return ProviderUnavailable(f"{NAME} answered nonsense ({what})")


def _height(status: Any) -> int | None:
    if not isinstance(status, dict) or not isinstance(status.get("confirmed"), bool):
        raise _nonsense("a transaction status")
    if not status["confirmed"]:
        return None
    height = status.get("block_height")
    if not isinstance(height, int) or isinstance(height, bool) or height < 0:
        raise _nonsense("a block height")
    return height


def _tx(raw: Any, address: str) -> ChainTx:
    if not isinstance(raw, dict) or not isinstance(raw.get("txid"), str):
        raise _nonsense("a transaction")
    txid = raw["txid"]
    if len(txid) != 64 or any(c not in "0123456789abcdef" for c in txid):
        raise _nonsense("a txid")
    outputs = raw.get("vout")
    if not isinstance(outputs, list):
        raise _nonsense("outputs")
    value = 0
    for output in outputs:
        if not isinstance(output, dict):
            raise _nonsense("an output")
        amount = output.get("value")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < 0:
            raise _nonsense("an output value")
        if output.get("scriptpubkey_address") == address:
            value += amount
    return ChainTx(txid, value, _height(raw.get("status")))


class Chain:
    def __init__(self, base_url: str, client: httpx.AsyncClient, backoff: http.Backoff) -> None:
        self.base_url = base_url.rstrip("/")
        self.client = client
        self.backoff = backoff

    async def _json(self, path: str, *, missing_ok: bool = False) -> Any:
        response = await http.get(
            self.client, self.base_url + path, self.backoff, NAME, missing_ok=missing_ok
        )
        if response is None:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise _nonsense("not JSON") from exc

    async def tip_height(self) -> int:
        height = await self._json("/blocks/tip/height")
        if not isinstance(height, int) or isinstance(height, bool) or height < 0:
            raise _nonsense("the tip height")
        return height

    async def address_txs(self, address: str) -> list[ChainTx]:
        """Every transaction paying `address` something, once each (an API that lists
        one twice is not believed twice)."""
        found: dict[str, ChainTx] = {}
        path = f"/address/{address}/txs"
        for _ in range(MAX_PAGES):
            page = await self._json(path)
            if not isinstance(page, list):
                raise _nonsense("an address's transactions")
            txs = [_tx(raw, address) for raw in page]
            for tx in txs:
                if tx.value_sats > 0:
                    found.setdefault(tx.txid, tx)
            confirmed = [tx for tx in txs if tx.block_height is not None]
            if len(confirmed) < CONFIRMED_PAGE:
                break
            path = f"/address/{address}/txs/chain/{confirmed[-1].txid}"
        return list(found.values())

    async def tx_height(self, txid: str) -> tuple[bool, int | None]:
        """(exists, block height) of a transaction: (False, None) once it is gone."""
        status = await self._json(f"/tx/{txid}/status", missing_ok=True)
        if status is None:
            return False, None
        return True, _height(status)
