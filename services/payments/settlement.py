"""Where a payment's money goes once it is confirmed: the one place that credits bills."""

from __future__ import annotations

import uuid
from datetime import datetime

from services.bills.lifecycle import PAYABLE, status_after_payment
from services.bills.models import Bill
from services.errors import InsufficientFunds
from services.events import changed
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, Line, post_entry, system_account
from services.ledger.models import Account
from services.money import to_major
from services.notifications.inbox import notify
from services.numbering import advance
from services.payments.fees import platform_fee
from services.payments.models import Payment, ReceiptCounter
from services.residents.models import Resident
from services.rewards.earning import reward_prepayment
from services.wallets.wallets import wallet_of
from tenants.models import Estate


async def take_receipt_number() -> str:
    """The estate's next receipt number (`numbering.advance`)."""
    return f"RCT-{await advance(ReceiptCounter, 1):06d}"


async def settle(
    payment: Payment,
    source: Account,
    estate: Estate,
    now: datetime,
    *,
    locked_bill: Bill | None = None,
    owner_user_id: uuid.UUID | None = None,
    recorded: bool = False,
) -> Payment:
    """Move a confirmed payment's money from `source` (the payer's wallet or a provider's
    clearing account) and mark it SUCCEEDED. A bill payment goes to the estate's revenue
    (minus the platform fee); a deposit, or a bill payment the bill can no longer take
    (paid or cancelled meanwhile), goes to the resident's wallet: nothing is lost; so does
    what a bill payment brings beyond the balance due (`payment.credited`, the same entry).
    The payment gets the estate's next receipt number; paid before the bill's due date,
    it earns the estate's prepayment reward (`services.rewards.earning`).
    Call inside a savepoint with the payment row (and `locked_bill`, if given) locked.
    `recorded`: the caller inserted the payment as SUCCEEDED with its fee already."""
    bill = locked_bill
    if payment.bill_id is not None and bill is None:
        bill = await Bill.filter(id=payment.bill_id).select_for_update().get()
    if bill is not None and bill.status in PAYABLE and bill.balance_due > 0:
        # More than the balance due settles the bill; the rest is the payer's credit.
        to_bill = min(payment.amount, bill.balance_due)
        payment.credited = payment.amount - to_bill
        # A recorded payment carries the fee it was created with: computed once.
        fee = payment.fee if recorded else platform_fee(estate, to_bill)
        revenue = await system_account(ESTATE_REVENUE, payment.currency)
        lines = [Line(source, -payment.amount), Line(revenue, to_bill - fee)]
        if fee:
            lines.append(Line(await system_account(PLATFORM_FEES, payment.currency), fee))
        if payment.credited:
            wallet = await wallet_of(payment.resident_id, payment.currency)
            lines.append(Line(wallet.account, payment.credited))
        kind, description = "BILL_PAYMENT", f"{bill.number} {bill.title}"
        payment.fee = fee
        bill.amount_paid += to_bill
        bill.status = status_after_payment(bill.amount, bill.amount_paid)
        await bill.save(update_fields=["amount_paid", "status", "updated_at"])
        changed("bill", bill.id, bill.resident_id)
        # Before the ledger entry, like the rest: the estate's rewards row, then revenue.
        await reward_prepayment(estate, payment, bill, to_bill, now)
    else:
        wallet = await wallet_of(payment.resident_id, payment.currency)
        if wallet.account_id == source.id:
            raise InsufficientFunds("a wallet cannot pay itself", field="amount")
        lines = [Line(source, -payment.amount), Line(wallet.account, payment.amount)]
        kind = "DEPOSIT"
        description = "wallet top-up" if bill is None else f"{bill.number} could not take it"
    if not recorded:
        payment.status, payment.completed_at = "SUCCEEDED", now
    fields = ["amount", "status", "completed_at", "fee", "credited", "receipt_number"]
    payment.receipt_number = await take_receipt_number()
    await payment.save(update_fields=fields)
    changed("payment", payment.id, payment.resident_id)
    if owner_user_id is None:
        owner_user_id = (await Resident.get(id=payment.resident_id)).user_id
    amount = f"{to_major(payment.amount, payment.currency)} {payment.currency}"
    await notify(
        [owner_user_id],
        "PAYMENT_SUCCEEDED",
        f"Payment {payment.reference} of {amount} succeeded",
        data={
            "reference": payment.reference,
            "amount": amount,
            "paymentId": str(payment.id),
            "receiptNumber": payment.receipt_number,
        },
    )
    # The ledger last: it locks the estate's revenue account, a row every payment needs,
    # until commit; everything above happens before, outside that window.
    await post_entry(
        f"payment:{payment.id}",
        kind,
        lines,
        description=description,
        reference=payment.reference,
        known_new=True,
    )
    return payment


async def received_less(payment: Payment, received: int, by_whom: str) -> None:
    """Less than asked arrived: the payment is for what arrived (settle it next), and says
    what was asked (the shortfall) with `UNDERPAID` for information. Nothing is lost:
    the money received goes to the bill (a part payment) or the wallet."""
    asked = payment.amount
    payment.requested_amount, payment.amount = asked, received
    payment.failure_code = "UNDERPAID"
    payment.failure_message = (
        f"{by_whom} confirmed {to_major(received, payment.currency)} {payment.currency} of "
        f"{to_major(asked, payment.currency)} asked: that much was applied, "
        f"{to_major(asked - received, payment.currency)} is still owed"
    )
    await payment.save(update_fields=["requested_amount", "failure_code", "failure_message"])


async def notify_payment_failed(payment: Payment) -> None:
    """Tell the payer a payment of theirs failed (in the transaction that failed it)."""
    owner = await Resident.get(id=payment.resident_id)
    amount = f"{to_major(payment.amount, payment.currency)} {payment.currency}"
    reason = payment.failure_message or (payment.failure_code or "").replace("_", " ").lower()
    await notify(
        [owner.user_id],
        "PAYMENT_FAILED",
        f"Payment {payment.reference} of {amount} failed",
        reason,
        data={"reference": payment.reference, "amount": amount},
    )
