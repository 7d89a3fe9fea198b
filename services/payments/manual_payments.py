"""Bank transfers a resident reports and an admin approves or rejects."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import Viewer, parse_id
from services.audit.log import record
from services.bills.issuing import get_bill
from services.bills.lifecycle import transition
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.ledger.journal import clearing_code, system_account
from services.money import Money
from services.notifications.inbox import estate_admin_ids, notify
from services.payments.idempotency import (
    earlier_payment,
    new_reference,
    payer_key,
    request_fingerprint,
)
from services.payments.models import Payment
from services.payments.settlement import notify_payment_failed, received_less, settle
from tenants.models import Estate
from tenants.scope import savepoint


async def submit(
    viewer: Viewer,
    estate: Estate,
    bill_id: str,
    amount: Money | None,
    bank_reference: str,
    note: str | None,
    idempotency_key: str,
) -> Payment:
    key = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    bank_reference = validation.text(bank_reference, "bankReference", max_length=100)
    note = validation.text(note, "note", max_length=500, required=False)
    if viewer.resident_id is None:
        raise NotFound("bill not found", field="billId")
    fingerprint = request_fingerprint(
        "manual", bill_id, amount.minor if amount else "due", bank_reference
    )
    key = payer_key(viewer.resident_id, key)
    # Ownership before the key: another's bill is NOT_FOUND whatever key comes with it.
    bill = await get_bill(Viewer(viewer.user_id, False, viewer.resident_id), bill_id)
    if (done := await earlier_payment(key, fingerprint, viewer.resident_id)) is not None:
        return done
    transition(bill.status, "pay", "PAID")
    paying = amount.minor if amount else bill.balance_due
    if amount is not None and amount.currency != bill.currency:
        raise ValidationFailed(f"currency must be {bill.currency}", field="currency")
    # More than the balance due is welcome: the rest becomes the payer's credit.
    try:
        async with savepoint():
            payment = await Payment.create(
                reference=new_reference(),
                purpose="BILL_PAYMENT",
                provider="MANUAL",
                amount=paying,
                currency=bill.currency,
                status="PENDING_APPROVAL",
                resident_id=viewer.resident_id,
                bill_id=bill.id,
                idempotency_key=key,
                request_fingerprint=fingerprint,
                provider_reference=bank_reference,
            )
            changed("payment", payment.id, payment.resident_id)
            await record(
                viewer.user_id,
                "submitManualPayment",
                "Payment",
                payment.id,
                after={
                    "bill": bill.number,
                    "amount": paying,
                    "bankReference": bank_reference,
                    "note": note,
                },
            )
            await notify(
                await estate_admin_ids(estate.id),
                "MANUAL_PAYMENT_SUBMITTED",
                f"Bank transfer {bank_reference} for {bill.number} awaits approval",
                note,
            )
    except IntegrityError:
        done = await earlier_payment(key, fingerprint, viewer.resident_id)
        if done is None:
            raise
        return done
    return payment


async def _pending(payment_id: str) -> Payment:
    payment = (
        await Payment.filter(id=parse_id(payment_id, "paymentId", "payment"), provider="MANUAL")
        .select_for_update()
        .first()
    )
    if payment is None:
        raise NotFound("payment not found", field="paymentId")
    return payment


async def approve(
    actor_id: uuid.UUID,
    estate: Estate,
    payment_id: str,
    note: str | None,
    now: datetime,
    received: Money | None = None,
) -> Payment:
    """Applies the transfer like any successful payment, once: the row lock makes a second
    approver wait, then find it already approved. `received`: what the bank statement
    shows when it is not what the resident reported: less is applied and the shortfall
    recorded; more settles the bill and the rest is the payer's credit."""
    note = validation.text(note, "note", max_length=500, required=False)
    async with savepoint():
        payment = await _pending(payment_id)
        if payment.status == "SUCCEEDED":
            return payment
        if payment.status != "PENDING_APPROVAL":
            raise InvalidState(f"cannot approve a payment that is {payment.status}")
        before = {"status": payment.status, "amount": payment.amount}
        if received is not None and received.currency != payment.currency:
            raise ValidationFailed(f"currency must be {payment.currency}", field="currency")
        if received is not None and received.minor < payment.amount:
            await received_less(payment, received.minor, "the estate")
        elif received is not None:
            payment.amount = received.minor  # settle credits what the bill does not take
        clearing = await system_account(clearing_code("MANUAL"), payment.currency)
        await settle(payment, clearing, estate, now)
        await record(
            actor_id,
            "approveManualPayment",
            "Payment",
            payment.id,
            before=before,
            after={"status": payment.status, "amount": payment.amount, "note": note},
        )
        return payment


async def reject(actor_id: uuid.UUID, payment_id: str, note: str | None, now: datetime) -> Payment:
    async with savepoint():
        payment = await _pending(payment_id)
        if payment.status != "PENDING_APPROVAL":
            raise InvalidState(f"cannot reject a payment that is {payment.status}")
        payment.status, payment.completed_at = "FAILED", now
        payment.failure_code = "PROVIDER_ERROR"
        payment.failure_message = (
            validation.text(note, "note", max_length=500, required=False)
            or "rejected by the estate"
        )
        await payment.save(
            update_fields=["status", "completed_at", "failure_code", "failure_message"]
        )
        changed("payment", payment.id, payment.resident_id)
        await notify_payment_failed(payment)
        await record(
            actor_id,
            "rejectManualPayment",
            "Payment",
            payment.id,
            after={"note": payment.failure_message},
        )
        return payment
