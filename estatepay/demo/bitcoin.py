"""The demo estate's testnet Bitcoin gateway: a fake chain and a fake rate API served under
`/_fakes/` by `estatepay serve`, and the watch-only key of a published test mnemonic
("abandon ... about", m/84'/1'/0': anyone can spend from it, so only fake coins go there).
`estatepay fakechain` pays an address and mines blocks on that chain."""

from __future__ import annotations

from starlette.routing import BaseRoute, Mount

from estatepay.demo.fakes.esplora import FakeChain, FakeRates
from services.payments.gateways.config import GatewayInput, configure
from services.payments.gateways.models import GatewayConfig

CHAIN_PATH = "/_fakes/esplora"
RATES_PATH = "/_fakes/rates"
DEMO_VPUB = (
    "vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAg"
    "jAvtbBrf8ZhDYe2jWAqvZVnsc"
)
# 1 BTC = 150,000,000.00 NGN on the demo's fake market.
DEMO_PRICES = {"ngn": "150000000", "usd": "100000"}


def bitcoin_routes() -> list[BaseRoute]:
    return [
        Mount(CHAIN_PATH, FakeChain().app()),
        Mount(RATES_PATH, FakeRates(prices=dict(DEMO_PRICES)).app()),
    ]


async def configure_demo_bitcoin(base_url: str, encryption_key: str) -> None:
    """In the demo estate's scope: the gateway pointed at this server's fakes (again after
    a change of `--port`); one someone pointed elsewhere is left alone."""
    chain, rates = f"{base_url}{CHAIN_PATH}", f"{base_url}{RATES_PATH}"
    config = await GatewayConfig.get_or_none(provider="BITCOIN")
    if config is not None and CHAIN_PATH not in (config.api_base_url or ""):
        return
    if config is not None and config.api_base_url == chain:
        return
    await configure(
        None,
        GatewayInput(
            "BITCOIN",
            "Bitcoin testnet (fake chain, demo)",
            {"xpub": DEMO_VPUB, "network": "testnet"} if config is None else None,
            chain,
            True,
            config.is_default if config is not None else False,
            {"rateApiUrl": rates, "requiredConfirmations": 2, "paymentWindowMinutes": 30},
        ),
        encryption_key,
    )
