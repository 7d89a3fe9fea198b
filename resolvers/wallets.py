from __future__ import annotations

import uuid
from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.ledger.journal import ESTATE_REVENUE
from services.ledger.models import Account
from services.pagination import Page
from services.payouts.models import Payout
from services.payouts.requests import BankAccount
from services.wallets import refunds, wallets
from services.wallets.models import Wallet
from services.wallets.wallets import AccountLine, account_history


async def wallet(ctx: RequestContext) -> Wallet:
    viewer = await ctx.resident_viewer()
    return await wallets.wallet_of(viewer.resident_id or "", ctx.require_access().estate.currency)


async def estate_wallet(ctx: RequestContext) -> Account | None:
    """The estate's revenue account; None until something has been paid."""
    estate = ctx.require_admin().estate
    return await Account.get_or_none(code=ESTATE_REVENUE, currency=estate.currency)


async def history(
    ctx: RequestContext, account_id: uuid.UUID, first: int | None, after: str | None
) -> Page[AccountLine]:
    """An account's postings, newest first: reached only from a wallet already authorised."""
    return await account_history(account_id, first, after, ctx.settings.page_size_cap)


async def set_wallet_pin(ctx: RequestContext, pin: str, current_pin: str | None) -> Wallet:
    viewer = await ctx.resident_viewer()
    own = await wallets.wallet_of(viewer.resident_id or "", ctx.require_access().estate.currency)
    return await wallets.set_pin(ctx.user_id, own, pin, current_pin, ctx.clock())


async def freeze_wallet(ctx: RequestContext, wallet_id: str, reason: str) -> Wallet:
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    return await wallets.set_frozen(ctx.user_id, target, True, reason)


async def unfreeze_wallet(ctx: RequestContext, wallet_id: str) -> Wallet:
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    return await wallets.set_frozen(ctx.user_id, target, False, None)


async def adjust_wallet(
    ctx: RequestContext, wallet_id: str, amount: Decimal, reason: str, idempotency_key: str
) -> Wallet:
    ctx.require_admin()
    target = await wallets.get_wallet(wallet_id)
    money = money_input(ctx, amount, target.currency, allow_negative=True)
    await wallets.adjust(ctx.user_id, target, money, reason, idempotency_key)
    return await wallets.get_wallet(wallet_id)


async def refund_wallet_balance(
    ctx: RequestContext,
    resident_id: str,
    amount: Decimal | None,
    currency: str | None,
    reason: str,
    account: BankAccount,
    idempotency_key: str,
) -> Payout:
    access = ctx.require_admin()
    money = money_input(ctx, amount, currency) if amount is not None else None
    data = refunds.WalletRefund(resident_id, money, reason, account, idempotency_key)
    return await refunds.refund_balance(
        ctx.user_id, access.estate, data, ctx.settings.encryption_key
    )
