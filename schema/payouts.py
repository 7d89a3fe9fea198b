"""Payouts: the estate withdrawing its revenue, approved by a second admin (API.md)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import payouts as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.identity import User
from schema.payments import PaymentProvider
from schema.shared import Connection, Money, PayoutBankAccount, connection, convert
from services.payouts.models import Payout as PayoutModel
from services.payouts.requests import BankAccount as BankAccountData


@strawberry.enum
class PayoutStatus(Enum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    PROCESSING = "PROCESSING"
    PAID = "PAID"
    FAILED = "FAILED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"
    REVERSED = "REVERSED"


@strawberry.enum
class PayoutPurpose(Enum):
    WITHDRAWAL = "WITHDRAWAL"  # the estate's revenue to the estate's bank account
    WALLET_REFUND = "WALLET_REFUND"  # a resident's wallet balance to their bank account


async def _person(info: Info[RequestContext, None], user_id: uuid.UUID | None) -> User | None:
    if user_id is None:
        return None
    found = await info.context.loaders.user.load(uuid.UUID(str(user_id)))
    return convert(User, found) if found is not None else None


@strawberry.type
class Payout:
    id: strawberry.ID
    reference: str
    amount: Money
    fee: Money
    status: PayoutStatus
    purpose: PayoutPurpose
    resident_id: strawberry.ID | None = strawberry.field(
        description="The resident whose wallet a WALLET_REFUND pays back; null otherwise."
    )
    bank_account: PayoutBankAccount
    provider: PaymentProvider
    note: str | None
    decision_note: str | None
    failure_code: str | None
    failure_message: str | None
    created_at: datetime
    decided_at: datetime | None
    completed_at: datetime | None
    requested_by_id: strawberry.Private[uuid.UUID | None]
    decided_by_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field(description="Null for a payout the daily auto-payout requested.")
    async def requested_by(self, info: Info[RequestContext, None]) -> User | None:
        return await _person(info, self.requested_by_id)

    @strawberry.field
    async def decided_by(self, info: Info[RequestContext, None]) -> User | None:
        return await _person(info, self.decided_by_id)


def payout_node(payout: PayoutModel) -> Payout:
    return convert(
        Payout,
        payout,
        amount=Money.of(payout.amount, payout.currency),
        fee=Money.of(payout.fee, payout.currency),
        bank_account=PayoutBankAccount(
            bank_code=payout.bank_code,
            bank_name=payout.bank_name,
            account_number_last4=payout.account_number[-4:],
            account_name=payout.account_name,
        ),
    )


@strawberry.type
class Bank:
    code: str
    name: str


@strawberry.type
class ResolvedBankAccount:
    account_name: str


@strawberry.input
class PayoutFilter:
    status: list[PayoutStatus] | None = None


@strawberry.input
class BankAccountInput:
    bank_code: str
    account_number: str
    account_name: str | None = None


@strawberry.type
class PayoutQuery:
    @strawberry.field
    async def payouts(
        self,
        info: Info[RequestContext, None],
        filter: PayoutFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Payout]:
        statuses = [s.value for s in filter.status] if filter and filter.status else None
        page = await resolvers.payouts(info.context, statuses, first, after)
        return connection(page, payout_node)

    @strawberry.field
    async def payout(self, info: Info[RequestContext, None], id: strawberry.ID) -> Payout:
        return payout_node(await resolvers.payout(info.context, id))

    @strawberry.field(metadata=UNSCOPED)
    async def banks(
        self, info: Info[RequestContext, None], provider: PaymentProvider | None = None
    ) -> list[Bank]:
        found = await resolvers.banks(info.context, provider.value if provider else None)
        return [Bank(code=bank.code, name=bank.name) for bank in found]

    @strawberry.field(metadata=UNSCOPED)
    async def resolve_bank_account(
        self,
        info: Info[RequestContext, None],
        bank_code: str,
        account_number: str,
        provider: PaymentProvider | None = None,
    ) -> ResolvedBankAccount:
        name = await resolvers.resolve_bank_account(
            info.context, provider.value if provider else None, bank_code, account_number
        )
        return ResolvedBankAccount(account_name=name)


@strawberry.type
class PayoutMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def request_payout(
        self,
        info: Info[RequestContext, None],
        amount: Decimal,
        bank_account: BankAccountInput,
        idempotency_key: str,
        note: str | None = None,
        currency: str | None = None,
    ) -> Payout:
        account = BankAccountData(
            bank_account.bank_code, bank_account.account_number, bank_account.account_name
        )
        created = await resolvers.request_payout(
            info.context, amount, currency, account, note, idempotency_key
        )
        return payout_node(created)

    @strawberry.mutation
    async def approve_payout(
        self, info: Info[RequestContext, None], id: strawberry.ID, note: str | None = None
    ) -> Payout:
        return payout_node(await resolvers.decide_payout(info.context, id, True, note))

    @strawberry.mutation
    async def reject_payout(
        self, info: Info[RequestContext, None], id: strawberry.ID, note: str | None = None
    ) -> Payout:
        return payout_node(await resolvers.decide_payout(info.context, id, False, note))

    @strawberry.mutation
    async def cancel_payout(
        self, info: Info[RequestContext, None], id: strawberry.ID, note: str | None = None
    ) -> Payout:
        return payout_node(await resolvers.cancel_payout(info.context, id, note))


@strawberry.type
class PayoutSubscription:
    @strawberry.subscription
    async def payout_updated(
        self, info: Info[RequestContext, None], id: strawberry.ID | None = None
    ) -> AsyncIterator[Payout]:
        return await subscriptions.payout_updated(info.context, id, payout_node)
