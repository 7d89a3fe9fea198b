"""Residents' wallets and the estate's revenue wallet."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import subscriptions
from resolvers import wallets as resolvers
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.payouts import BankAccountInput, Payout, payout_node
from schema.shared import Connection, Money, PageInfo, as_uuid, connection, convert
from services.pagination import nothing_to_count
from services.payouts.requests import BankAccount as BankAccountData
from services.wallets.models import Wallet as WalletModel
from services.wallets.wallets import AccountLine


@strawberry.enum
class WalletTransactionKind(Enum):
    DEPOSIT = "DEPOSIT"
    BILL_PAYMENT = "BILL_PAYMENT"
    REFUND = "REFUND"
    REWARD = "REWARD"
    TRANSFER_IN = "TRANSFER_IN"
    TRANSFER_OUT = "TRANSFER_OUT"
    ADJUSTMENT = "ADJUSTMENT"
    HOLD = "HOLD"
    RELEASE = "RELEASE"
    # Money that arrived for more than a bill asked, or that could not pay it (Bitcoin).
    PREPAYMENT_CREDIT = "PREPAYMENT_CREDIT"


@strawberry.type
class WalletTransaction:
    id: strawberry.ID
    kind: WalletTransactionKind
    amount: Money
    balance_after: Money
    description: str
    reference: str | None
    created_at: datetime


def transaction_node(line: AccountLine) -> WalletTransaction:
    posting, entry = line.posting, line.entry
    kind = entry.kind if entry.kind in WalletTransactionKind.__members__ else "ADJUSTMENT"
    if kind == "BILL_PAYMENT" and posting.amount > 0:  # what a bill did not take
        kind = "PREPAYMENT_CREDIT"
    return convert(
        WalletTransaction,
        posting,
        kind=WalletTransactionKind(kind),
        amount=Money.of(posting.amount, posting.currency),
        balance_after=Money.of(posting.balance_after, posting.currency),
        description=entry.description,
        reference=entry.reference,
    )


@strawberry.type
class LedgerEntry:
    """One movement on the estate's revenue wallet."""

    id: strawberry.ID
    kind: str
    amount: Money
    balance_after: Money
    description: str
    reference: str | None
    created_at: datetime


def ledger_entry_node(line: AccountLine) -> LedgerEntry:
    posting, entry = line.posting, line.entry
    return convert(
        LedgerEntry,
        entry,
        amount=Money.of(posting.amount, posting.currency),
        balance_after=Money.of(posting.balance_after, posting.currency),
        created_at=posting.created_at,
    )


@strawberry.type
class Wallet:
    id: strawberry.ID
    balance: Money
    available: Money
    frozen: bool
    has_pin: bool
    locked: bool
    account_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def transactions(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[WalletTransaction]:
        page = await resolvers.history(info.context, self.account_id, first, after)
        return connection(page, transaction_node)


def wallet_node(wallet: WalletModel, now: datetime) -> Wallet:
    account = wallet.account
    return convert(
        Wallet,
        wallet,
        balance=Money.of(account.balance, account.currency),
        available=Money.of(account.available, account.currency),
        has_pin=wallet.pin_hash is not None,
        locked=wallet.locked_until is not None and wallet.locked_until > now,
        account_id=as_uuid(account.id),
    )


@strawberry.type
class EstateWallet:
    balance: Money
    available: Money = strawberry.field(description="The balance less what payouts hold.")
    held: Money = strawberry.field(description="What requested and unfinished payouts hold.")
    account_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field
    async def operations(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[LedgerEntry]:
        if self.account_id is None:  # nothing has been paid yet
            return Connection(
                edges=[],
                page_info=PageInfo(has_next_page=False, end_cursor=None),
                count=nothing_to_count,
            )
        page = await resolvers.history(info.context, self.account_id, first, after)
        return connection(page, ledger_entry_node)


@strawberry.type
class WalletQuery:
    @strawberry.field
    async def wallet(self, info: Info[RequestContext, None]) -> Wallet:
        ctx = info.context
        return wallet_node(await resolvers.wallet(ctx), ctx.clock())

    @strawberry.field
    async def estate_wallet(self, info: Info[RequestContext, None]) -> EstateWallet:
        ctx = info.context
        account = await resolvers.estate_wallet(ctx)
        currency = ctx.require_access().estate.currency
        return EstateWallet(
            balance=Money.of(account.balance if account else 0, currency),
            available=Money.of(account.available if account else 0, currency),
            held=Money.of(account.held if account else 0, currency),
            account_id=account.id if account else None,
        )


@strawberry.type
class WalletMutation:
    @strawberry.mutation
    async def set_wallet_pin(
        self, info: Info[RequestContext, None], pin: str, current_pin: str | None = None
    ) -> Wallet:
        ctx = info.context
        return wallet_node(await resolvers.set_wallet_pin(ctx, pin, current_pin), ctx.clock())

    @strawberry.mutation
    async def freeze_wallet(
        self, info: Info[RequestContext, None], wallet_id: strawberry.ID, reason: str
    ) -> Wallet:
        ctx = info.context
        return wallet_node(await resolvers.freeze_wallet(ctx, wallet_id, reason), ctx.clock())

    @strawberry.mutation
    async def unfreeze_wallet(
        self, info: Info[RequestContext, None], wallet_id: strawberry.ID
    ) -> Wallet:
        ctx = info.context
        return wallet_node(await resolvers.unfreeze_wallet(ctx, wallet_id), ctx.clock())

    @strawberry.mutation
    async def adjust_wallet(
        self,
        info: Info[RequestContext, None],
        wallet_id: strawberry.ID,
        amount: Decimal,
        reason: str,
        idempotency_key: str,
    ) -> Wallet:
        ctx = info.context
        adjusted = await resolvers.adjust_wallet(ctx, wallet_id, amount, reason, idempotency_key)
        return wallet_node(adjusted, ctx.clock())

    @strawberry.mutation(metadata=UNSCOPED)
    async def refund_wallet_balance(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        reason: str,
        idempotency_key: str,
        bank_account: BankAccountInput,
        amount: Decimal | None = None,
        currency: str | None = None,
    ) -> Payout:
        """Admins: pay a leaving (deactivated, or moved out of every unit) resident's
        wallet balance back to their bank account, as a payout (purpose WALLET_REFUND) a
        second admin approves: `amount` (default: everything available) leaves the wallet
        at once, the transfer fee comes out of it, and what is not paid comes back."""
        account = BankAccountData(
            bank_account.bank_code, bank_account.account_number, bank_account.account_name
        )
        refund = await resolvers.refund_wallet_balance(
            info.context, resident_id, amount, currency, reason, account, idempotency_key
        )
        return payout_node(refund)


@strawberry.type
class WalletSubscription:
    @strawberry.subscription
    async def wallet_updated(self, info: Info[RequestContext, None]) -> AsyncIterator[Wallet]:
        ctx = info.context
        return await subscriptions.wallet_updated(ctx, lambda w: wallet_node(w, ctx.clock()))
