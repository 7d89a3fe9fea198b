"""Refunds, full or partial: to the resident's wallet for wallet payments, back through
the provider otherwise. The ledger moves first (so the money cannot be spent twice), then
the payment's gateway is called with no connection held (the wallet's only confirms: the
entry has credited it), and a refusal there is undone by a correcting entry."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from services import validation
from services.access import parse_id
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
from services.rewards.earning import after_refund
from services.wallets.wallets import wallet_of
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

REFUNDABLE = frozenset({"SUCCEEDED", "PARTIALLY_REFUNDED"})


def refundable(payment: Payment) -> int:
    """What a refund may give back in all: the payment less what it credited the wallet."""
    return payment.amount - payment.credited


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
    proportion to what they received (what the bill took: the credited rest stays in the
    payer's wallet, theirs to spend)."""
    to_bill = refundable(payment)
    fee_back = payment.fee * amount // to_bill if to_bill else 0
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
    payment_uuid = parse_id(payment_id, "paymentId", "payment")
    # An admin's key is the admin's own: two admins' apps never answer each other's.
    entry_key = f"refund:{actor_id}:{key}"
    async with tenant_scope(estate.slug):
        plan = await _move_money(actor_id, estate, payment_uuid, amount, reason, entry_key, now)
        if plan is None:  # a retry: the refund under this key was made before
            # ... whose rewards follow-up may not have run (it comes after the provider).
            await after_refund(estate, payment_uuid, now)
            return await Payment.get(id=payment_uuid)
        gateway = await gateway_for(plan.provider, encryption_key)
    if gateway is not None:
        try:
            await gateway.refund(
                plan.reference, plan.amount, plan.currency, plan.provider_reference, entry_key
            )
        except ProviderError:
            async with tenant_scope(estate.slug):
                await _undo(plan, entry_key)
            raise
    async with tenant_scope(estate.slug):
        # Once the money is surely back: rewards earned by it go, rewards spent with it return.
        await after_refund(estate, plan.payment_id, now)
        return await Payment.get(id=plan.payment_id)


async def _move_money(
    actor_id: uuid.UUID,
    estate: Estate,
    payment_id: uuid.UUID,
    amount: Money | None,
    reason: str,
    entry_key: str,
    now: datetime,
) -> _Plan | None:
    """The refund's entry and counts, or None when the key's refund exists already."""
    async with savepoint():
        payment = await Payment.filter(id=payment_id).select_for_update().first()
        if payment is None:
            raise NotFound("payment not found", field="paymentId")
        # Looked up under the payment's lock: a concurrent retry waits and finds it here.
        earlier = await JournalEntry.get_or_none(idempotency_key=entry_key)
        if earlier is not None:
            await _check_retry(earlier, payment, amount, reason)
            return None
        if payment.status not in REFUNDABLE:
            raise InvalidState(f"cannot refund a payment that is {payment.status}")
        left = refundable(payment) - payment.refunded_amount
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
            "REFUNDED" if payment.refunded_amount == refundable(payment) else "PARTIALLY_REFUNDED"
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


async def _check_retry(
    earlier: JournalEntry, payment: Payment, amount: Money | None, reason: str
) -> None:
    """A key's second use must ask for what its first did: the same payment, reason and
    amount (the entry's credit), else it is another request under a used key."""
    credited = sum(p.amount for p in await Posting.filter(entry=earlier) if p.amount > 0)
    same_amount = amount is None or (
        amount.currency == payment.currency and amount.minor == credited
    )
    if earlier.reference != payment.reference or earlier.description != reason or not (same_amount):
        raise IdempotencyConflict(
            "this idempotency key was used for a different refund", field="idempotencyKey"
        )


async def _undo(plan: _Plan, entry_key: str) -> None:
    """The provider refused the refund: correct the ledger with the opposite entry."""
    async with savepoint():
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
