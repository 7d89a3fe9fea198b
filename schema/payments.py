"""Payments: by wallet, by provider, by bank transfer; refunds."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

import strawberry
from strawberry.types import Info

from resolvers import payments as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.bitcoin import BitcoinDetails, bitcoin_details
from schema.extensions import UNSCOPED
from schema.shared import Connection, Money, as_uuid, connection, convert, plain
from services.payments import queries
from services.payments.gateways.providers import NAMES
from services.payments.models import Payment as PaymentModel
from services.payments.sources import Sources


@strawberry.enum
class PaymentStatus(Enum):
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    REFUNDED = "REFUNDED"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"


# Built from the providers' declarations, so a new provider needs no edit here. Type
# checkers see a plain Enum (they cannot read members made at run time).
if TYPE_CHECKING:
    PaymentProvider = Enum
else:
    PaymentProvider = strawberry.enum(Enum("PaymentProvider", {name: name for name in NAMES}))


@strawberry.enum
class PaymentPurpose(Enum):
    BILL_PAYMENT = "BILL_PAYMENT"
    WALLET_DEPOSIT = "WALLET_DEPOSIT"


@strawberry.type
class BillRef:
    id: strawberry.ID
    number: str


@strawberry.type
class Payment:
    id: strawberry.ID
    reference: str
    purpose: PaymentPurpose
    provider: PaymentProvider
    amount: Money  # once succeeded: what arrived and was settled
    # What was asked but did not arrive (a provider or an approver confirmed less): the
    # amount received was still applied; failureCode says UNDERPAID.
    shortfall: Money | None
    status: PaymentStatus
    checkout_url: str | None
    client_secret: str | None
    failure_code: str | None
    failure_message: str | None
    created_at: datetime
    completed_at: datetime | None
    receipt_number: str | None
    receipt_url: str | None
    # What did not go to the bill (more than its balance due) but to the payer's wallet.
    credited: Money
    bill_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field
    async def bill(self, info: Info[RequestContext, None]) -> BillRef | None:
        if self.bill_id is None:
            return None
        found = await info.context.loaders.bill.load(self.bill_id)
        return convert(BillRef, found) if found else None

    @strawberry.field
    async def bitcoin(self, info: Info[RequestContext, None]) -> BitcoinDetails | None:
        """Where and how much to pay, for a Bitcoin payment; null for the others."""
        if self.provider != PaymentProvider.BITCOIN:  # type: ignore[attr-defined]
            return None
        invoice = await info.context.loaders.bitcoin_invoice.load(uuid.UUID(str(self.id)))
        return bitcoin_details(invoice) if invoice else None


def payment_node(payment: PaymentModel) -> Payment:
    return convert(
        Payment,
        payment,
        amount=Money.of(payment.amount, payment.currency),
        credited=Money.of(payment.credited, payment.currency),
        receipt_url=f"/receipts/{payment.id}.pdf" if payment.receipt_number else None,
        shortfall=Money.of(payment.requested_amount - payment.amount, payment.currency)
        if payment.requested_amount is not None
        else None,
        bill_id=as_uuid(payment.bill_id) if payment.bill_id else None,
    )


@strawberry.input
class PaymentFilter:
    status: list[PaymentStatus] | None = None
    provider: PaymentProvider | None = None
    purpose: PaymentPurpose | None = None
    bill_id: strawberry.ID | None = None
    resident_id: strawberry.ID | None = None


def _value(choice: Enum | None) -> str | None:
    return choice.value if choice else None


@strawberry.type
class PaymentQuery:
    @strawberry.field
    async def payments(
        self,
        info: Info[RequestContext, None],
        filter: PaymentFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Payment]:
        where = filter or PaymentFilter()
        page = await resolvers.payments(
            info.context,
            plain(
                queries.PaymentFilter, where, statuses=[s.value for s in where.status or []] or None
            ),
            first,
            after,
        )
        return connection(page, payment_node)

    @strawberry.field
    async def payment(self, info: Info[RequestContext, None], id: strawberry.ID) -> Payment:
        return payment_node(await resolvers.payment(info.context, id))

    @strawberry.field
    async def payment_by_reference(
        self, info: Info[RequestContext, None], reference: str
    ) -> Payment:
        return payment_node(await resolvers.payment_by_reference(info.context, reference))


@strawberry.type
class PaymentMutation:
    @strawberry.mutation
    async def pay_bill_from_wallet(
        self,
        info: Info[RequestContext, None],
        bill_id: strawberry.ID,
        idempotency_key: str,
        amount: Decimal | None = None,
        pin: str | None = None,
        use_credits: bool | None = False,
        use_rewards: bool | None = False,
    ) -> Payment:
        """`useRewards`: rewards pay part; `useCredits`: the wallet goes before them."""
        paid = await resolvers.pay_bill_from_wallet(
            info.context,
            bill_id,
            idempotency_key,
            amount,
            pin,
            Sources(bool(use_credits), bool(use_rewards)),
        )
        return payment_node(paid)

    @strawberry.mutation(metadata=UNSCOPED)
    async def pay_bill(
        self,
        info: Info[RequestContext, None],
        bill_id: strawberry.ID,
        idempotency_key: str,
        provider: PaymentProvider | None = None,
        amount: Decimal | None = None,
        callback_url: str | None = None,
        use_credits: bool | None = False,
        use_rewards: bool | None = False,
        pin: str | None = None,
        save_payment_method: bool | None = False,
    ) -> Payment:
        """Credits (the wallet; `pin` if it has one), then rewards, then the provider for
        the rest; covered by credits, the answer is the wallet's SUCCEEDED payment.
        `savePaymentMethod`: keep the card that pays as a saved card (Paystack and
        Flutterwave)."""
        started = await resolvers.pay_bill(
            info.context,
            bill_id,
            idempotency_key,
            _value(provider),
            amount,
            callback_url,
            Sources(bool(use_credits), bool(use_rewards)),
            pin,
            bool(save_payment_method),
        )
        return payment_node(started)

    @strawberry.mutation(metadata=UNSCOPED)
    async def deposit_to_wallet(
        self,
        info: Info[RequestContext, None],
        amount: Decimal,
        idempotency_key: str,
        provider: PaymentProvider | None = None,
        callback_url: str | None = None,
    ) -> Payment:
        started = await resolvers.deposit_to_wallet(
            info.context, amount, idempotency_key, _value(provider), callback_url
        )
        return payment_node(started)

    @strawberry.mutation(metadata=UNSCOPED)
    async def verify_payment(self, info: Info[RequestContext, None], reference: str) -> Payment:
        return payment_node(await resolvers.verify_payment(info.context, reference))

    @strawberry.mutation
    async def submit_manual_payment(
        self,
        info: Info[RequestContext, None],
        bill_id: strawberry.ID,
        bank_reference: str,
        idempotency_key: str,
        amount: Decimal | None = None,
        note: str | None = None,
    ) -> Payment:
        submitted = await resolvers.submit_manual_payment(
            info.context, bill_id, bank_reference, idempotency_key, amount, note
        )
        return payment_node(submitted)

    @strawberry.mutation
    async def approve_manual_payment(
        self,
        info: Info[RequestContext, None],
        payment_id: strawberry.ID,
        note: str | None = None,
        amount: Decimal | None = None,
    ) -> Payment:
        """`amount`: what arrived, when not what the resident reported: less is applied
        and the payment records the shortfall; more settles the bill, the rest is credit."""
        approved = await resolvers.approve_manual_payment(info.context, payment_id, note, amount)
        return payment_node(approved)

    @strawberry.mutation
    async def reject_manual_payment(
        self, info: Info[RequestContext, None], payment_id: strawberry.ID, note: str | None = None
    ) -> Payment:
        rejected = await resolvers.reject_manual_payment(info.context, payment_id, note)
        return payment_node(rejected)

    @strawberry.mutation
    async def refund_payment(
        self,
        info: Info[RequestContext, None],
        payment_id: strawberry.ID,
        reason: str,
        idempotency_key: str,
        amount: Decimal | None = None,
    ) -> Payment:
        refunded = await resolvers.refund_payment(
            info.context, payment_id, reason, idempotency_key, amount
        )
        return payment_node(refunded)


@strawberry.type
class PaymentSubscription:
    @strawberry.subscription
    async def payment_updated(
        self, info: Info[RequestContext, None], reference: str | None = None
    ) -> AsyncIterator[Payment]:
        return await subscriptions.payment_updated(info.context, reference, payment_node)
