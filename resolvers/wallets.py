from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.money import money_input
from schema.types import EstateWallet, Money, Wallet
from services.ledger.journal import ESTATE_REVENUE
from services.ledger.models import Account
from services.wallets import wallets


async def wallet(info: Info[RequestContext, None]) -> Wallet:
    ctx = info.context
    viewer = await ctx.resident_viewer()
    own = await wallets.wallet_of(viewer.resident_id or "", ctx.require_access().estate.currency)
    return Wallet.from_model(own, ctx.clock())


async def estate_wallet(info: Info[RequestContext, None]) -> EstateWallet:
    estate = info.context.require_admin().estate
    account = await Account.get_or_none(code=ESTATE_REVENUE, currency=estate.currency)
    return EstateWallet(
        balance=Money.of(account.balance if account else 0, estate.currency),
        account_id=account.id if account else None,
    )


async def set_wallet_pin(
    info: Info[RequestContext, None], pin: str, current_pin: str | None = None
) -> Wallet:
    ctx = info.context
    viewer = await ctx.resident_viewer()
    own = await wallets.wallet_of(viewer.resident_id or "", ctx.require_access().estate.currency)
    updated = await wallets.set_pin(ctx.user_id, own, pin, current_pin, ctx.clock())
    return Wallet.from_model(updated, ctx.clock())


async def freeze_wallet(
    info: Info[RequestContext, None], wallet_id: strawberry.ID, reason: str
) -> Wallet:
    ctx = info.context
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    return Wallet.from_model(
        await wallets.set_frozen(ctx.user_id, target, True, reason), ctx.clock()
    )


async def unfreeze_wallet(info: Info[RequestContext, None], wallet_id: strawberry.ID) -> Wallet:
    ctx = info.context
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    return Wallet.from_model(
        await wallets.set_frozen(ctx.user_id, target, False, None), ctx.clock()
    )


async def adjust_wallet(
    info: Info[RequestContext, None],
    wallet_id: strawberry.ID,
    amount: Decimal,
    reason: str,
    idempotency_key: str,
) -> Wallet:
    ctx = info.context
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    money = money_input(ctx, amount, target.currency, allow_negative=True)
    await wallets.adjust(ctx.user_id, target, money, reason, idempotency_key)
    return Wallet.from_model(await wallets.get_wallet(wallet_id), ctx.clock())
