"""Payouts: estate admins only (residents are FORBIDDEN); maker-checker is the service's."""

from __future__ import annotations

from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.ledger.models import Account
from services.pagination import Page
from services.payments.transfers.base import Bank
from services.payouts import queries, requests, settings
from services.payouts.models import Payout, PayoutSettings
from services.payouts.requests import BankAccount


async def payouts(
    ctx: RequestContext, statuses: list[str] | None, first: int | None, after: str | None
) -> Page[Payout]:
    ctx.require_admin()
    return await queries.list_payouts(statuses, first, after, ctx.settings.page_size_cap)


async def payout(ctx: RequestContext, payout_id: str) -> Payout:
    ctx.require_admin()
    return await requests.get_payout(payout_id)


async def banks(ctx: RequestContext, provider: str | None) -> list[Bank]:
    estate = ctx.require_admin().estate
    return await queries.banks(estate, provider, ctx.settings.encryption_key)


async def resolve_bank_account(
    ctx: RequestContext, provider: str | None, bank_code: str, account_number: str
) -> str:
    estate = ctx.require_admin().estate
    return await queries.resolve_account(
        estate, provider, bank_code, account_number, ctx.settings.encryption_key
    )


async def request_payout(
    ctx: RequestContext,
    amount: Decimal,
    currency: str | None,
    account: BankAccount,
    note: str | None,
    idempotency_key: str,
) -> Payout:
    estate = ctx.require_admin().estate
    money = money_input(ctx, amount, currency)
    return await requests.request_payout(
        ctx.user_id, estate, money, account, note, idempotency_key, ctx.settings.encryption_key
    )


async def decide_payout(
    ctx: RequestContext, payout_id: str, approve: bool, note: str | None
) -> Payout:
    estate = ctx.require_admin().estate
    return await requests.decide(ctx.user_id, estate, payout_id, approve, note, ctx.clock())


async def cancel_payout(ctx: RequestContext, payout_id: str, note: str | None) -> Payout:
    ctx.require_admin()
    return await requests.cancel(ctx.user_id, payout_id, note, ctx.clock())


async def payout_settings(ctx: RequestContext) -> PayoutSettings:
    ctx.require_access()
    return await settings.current()


async def revenue(ctx: RequestContext) -> Account | None:
    return await queries.revenue_account(ctx.require_admin().estate)
