"""Refunds, full or partial: to the resident's wallet for wallet payments, back through
the provider otherwise. The ledger moves first (so the money cannot be spent twice), then
the payment's gateway is called with no connection held (the wallet's only confirms: the
entry has credited it), and a refusal there is undone by a correcting entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from services import validation
from services.audit.log import record
from services.bills.lifecycle import PAYABLE
from services.bills.models import Bill
from services.errors import IdempotencyConflict, InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.ledger.journal import (
    ESTATE_REVENUE,
    PLATFORM_FEES,
    Line,
    clearing_code,
    post_entry,
    system_account,
)
from services.ledger.models import Account, JournalEntry, Posting
from services.money import Money, to_major
from services.payments.gateways.base import ProviderError
from services.payments.gateways.config import gateway_for
from services.payments.models import Payment
from services.properties.catalog import parse_id
from services.wallets.wallets import wallet_of
from tenants.models import Estate
from tenants.scope import TENANT_CONNECTION, tenant_scope

REFUNDABLE = frozenset({"SUCCEEDED", "PARTIALLY_REFUNDED"})


@dataclass(frozen=True)
class _Plan:
    payment_id: uuid.UUID
    reference: str
    provider: str
    amount: int
    currency: str
    provider_reference: str | None


def _lines_back(
    payment: Payment, amount: int, revenue: Account, fees: Account, destination: Account
) -> list[Line]:
    """Reverse `amount` of the payment: the estate's share and the platform's fee in
    proportion to what they received."""
    fee_back = payment.fee * amount // payment.amount if payment.amount else 0
    lines = [Line(revenue, -(amount - fee_back)), Line(destination, amount)]
    if fee_back:
        lines.append(Line(fees, -fee_back))
    return lines


async def refund_payment(
    actor_id: uuid.UUID,
    estate: Estate,
    payment_id: str,
    amount: Money | None,
    reason: str,
    idempotency_key: str,
    encryption_key: str,
    now: datetime,
) -> Payment:
    key = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    reason = validation.text(reason, "reason", max_length=500)
    entry_key = f"refund:{key}"
    async with tenant_scope(estate.slug):
        done = await JournalEntry.get_or_none(idempotency_key=entry_key)
        if done is not None:
            return await _refunded_before(done, payment_id)
        plan = await _move_money(actor_id, estate, payment_id, amount, reason, entry_key, now)
        gateway = await gateway_for(plan.provider, encryption_key)
    if gateway is not None:
        try:
            await gateway.refund(
                plan.reference, plan.amount, plan.currency, plan.provider_reference
            )
        except ProviderError:
            async with tenant_scope(estate.slug):
                await _undo(plan, entry_key)
            raise
    async with tenant_scope(estate.slug):
        return await Payment.get(id=plan.payment_id)


async def _refunded_before(entry: JournalEntry, payment_id: str) -> Payment:
    """A retried refund answers with its payment; the key sent with another payment, or
    with one that does not exist, is that request's error, not the earlier answer."""
    payment = await Payment.get_or_none(id=parse_id(payment_id, "paymentId", "payment"))
    if payment is None:
        raise NotFound("payment not found", field="paymentId")
    if entry.reference != payment.reference:
        raise IdempotencyConflict(
            "this idempotency key was used for a different request", field="idempotencyKey"
        )
    return payment


async def _move_money(
    actor_id: uuid.UUID,
    estate: Estate,
    payment_id: str,
    amount: Money | None,
    reason: str,
    entry_key: str,
    now: datetime,
) -> _Plan:
    async with in_transaction(TENANT_CONNECTION):
        payment = (
            await Payment.filter(id=parse_id(payment_id, "paymentId", "payment"))
            .select_for_update()
            .first()
        )
        if payment is None:
            raise NotFound("payment not found", field="paymentId")
        if payment.status not in REFUNDABLE:
            raise InvalidState(f"cannot refund a payment that is {payment.status}")
        left = payment.amount - payment.refunded_amount
        refunding = amount.minor if amount else left
        if amount is not None and amount.currency != payment.currency:
            raise ValidationFailed(f"currency must be {payment.currency}", field="currency")
        if refunding > left:
            raise ValidationFailed(
                f"amount is more than the {to_major(left, payment.currency)} "
                f"{payment.currency} left to refund",
                field="amount",
            )
        to_wallet = payment.provider == "WALLET"
        if to_wallet:
            destination = (await wallet_of(payment.resident_id, payment.currency)).account
        else:
            destination = await system_account(clearing_code(payment.provider), payment.currency)
        if payment.purpose == "BILL_PAYMENT" and payment.bill_id is not None:
            revenue = await system_account(ESTATE_REVENUE, payment.currency)
            fees = await system_account(PLATFORM_FEES, payment.currency)
            lines = _lines_back(payment, refunding, revenue, fees, destination)
        else:  # a deposit leaves the wallet it went into
            wallet = (await wallet_of(payment.resident_id, payment.currency)).account
            lines = [Line(wallet, -refunding), Line(destination, refunding)]
        await post_entry(
            entry_key, "REFUND", lines, description=reason, reference=payment.reference
        )
        payment.refunded_amount += refunding
        payment.status = (
            "REFUNDED" if payment.refunded_amount == payment.amount else "PARTIALLY_REFUNDED"
        )
        await payment.save(update_fields=["refunded_amount", "status"])
        changed("payment", payment.id, payment.resident_id)
        if payment.purpose == "BILL_PAYMENT" and payment.bill_id is not None:
            bill = await Bill.filter(id=payment.bill_id).select_for_update().get()
            bill.amount_paid -= refunding
            if bill.status in ("PAID", *PAYABLE):
                bill.status = "PARTIALLY_PAID" if bill.amount_paid else "ACKNOWLEDGED"
            await bill.save(update_fields=["amount_paid", "status", "updated_at"])
            changed("bill", bill.id, bill.resident_id)
        await record(
            actor_id,
            "refundPayment",
            "Payment",
            payment.id,
            after={"amount": refunding, "reason": reason},
        )
        return _Plan(
            payment.id,
            payment.reference,
            payment.provider,
            refunding,
            payment.currency,
            provider_reference=payment.provider_reference,
        )


async def _undo(plan: _Plan, entry_key: str) -> None:
    """The provider refused the refund: correct the ledger with the opposite entry."""
    async with in_transaction(TENANT_CONNECTION):
        entry = await JournalEntry.get(idempotency_key=entry_key)
        postings = await Posting.filter(entry=entry).prefetch_related("account")
        opposite = [Line(p.account, -p.amount) for p in postings]
        await post_entry(
            f"{entry_key}:undone",
            "REFUND_REVERSAL",
            opposite,
            description="provider refused the refund",
            reference=plan.reference,
        )
        payment = await Payment.filter(id=plan.payment_id).select_for_update().get()
        payment.refunded_amount -= plan.amount
        payment.status = "PARTIALLY_REFUNDED" if payment.refunded_amount else "SUCCEEDED"
        await payment.save(update_fields=["refunded_amount", "status"])
        changed("payment", payment.id, payment.resident_id)
        if payment.bill_id is not None and payment.purpose == "BILL_PAYMENT":
            bill = await Bill.filter(id=payment.bill_id).select_for_update().get()
            bill.amount_paid += plan.amount
            bill.status = "PAID" if bill.amount_paid >= bill.amount else "PARTIALLY_PAID"
            await bill.save(update_fields=["amount_paid", "status", "updated_at"])
            changed("bill", bill.id, bill.resident_id)
