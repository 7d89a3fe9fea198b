"""Paying a bill from the resident's wallet: one savepoint, one ledger entry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import Viewer
from services.audit.log import record
from services.bills.issuing import get_bill
from services.bills.lifecycle import transition
from services.bills.models import Bill
from services.errors import (
    InsufficientFunds,
    InvalidState,
    NotFound,
    ValidationFailed,
)
from services.money import Money, shortfall, to_major
from services.payments.fees import platform_fee
from services.payments.idempotency import (
    earlier_payment,
    new_reference,
    payer_key,
    request_fingerprint,
)
from services.payments.models import Payment
from services.payments.settlement import settle
from services.payments.sources import (
    NO_SOURCES,
    Sources,
    plan_split,
    rewards_cover_all,
    spend_rewards,
)
from services.wallets.models import Wallet
from services.wallets.wallets import check_pin, ensure_can_debit, wallet_of
from tenants.models import Estate
from tenants.scope import savepoint


async def pay_bill_from_wallet(
    viewer: Viewer,
    estate: Estate,
    bill_id: str,
    amount: Money | None,
    pin: str | None,
    idempotency_key: str,
    now: datetime,
    use: Sources = NO_SOURCES,
) -> Payment:
    """Pay all (amount None: the balance due) or part of an acknowledged bill, with the
    resident's rewards too if `use` says so (`services.payments.sources`). The same key
    with the same request returns the first payment; money moves once."""
    return await _pay(viewer, estate, bill_id, amount, idempotency_key, now, pin=pin, use=use)


async def pay_bill_from_wallet_authorised(
    viewer: Viewer,
    estate: Estate,
    bill_id: str,
    amount: Money | None,
    idempotency_key: str,
    now: datetime,
    *,
    authorisation: str,
) -> Payment:
    """The same payment without a PIN, for a debit the resident authorised beforehand
    (a recurring plan they created with their PIN): `authorisation` names that consent
    in the audit row, whose actor is then the system, not a person."""
    return await _pay(
        viewer, estate, bill_id, amount, idempotency_key, now, authorisation=authorisation
    )


async def _pay(
    viewer: Viewer,
    estate: Estate,
    bill_id: str,
    amount: Money | None,
    idempotency_key: str,
    now: datetime,
    *,
    pin: str | None = None,
    authorisation: str | None = None,
    use: Sources = NO_SOURCES,
) -> Payment:
    """The payment itself; the PIN is checked unless `authorisation` stands for it."""
    if viewer.resident_id is None:
        raise NotFound("bill not found", field="billId")
    key = validation.text(idempotency_key, "idempotencyKey", max_length=150)
    if authorisation is None:  # a client's key is the payer's; the system's are unique already
        key = payer_key(viewer.resident_id, key)
    owner = Viewer(viewer.user_id, is_admin=False, resident_id=viewer.resident_id)
    fingerprint = request_fingerprint(
        "wallet-bill",
        bill_id,
        amount.minor if amount else "due",
        amount.currency if amount else "",
        *use.fingerprint(),
    )
    # No look-up of the key here: a retry trips over the unique key (or finds the bill
    # paid) below and is answered from the stored payment, at no cost to first attempts.
    wallet = await wallet_of(viewer.resident_id, estate.currency)
    if amount is not None and amount.currency != estate.currency:
        raise ValidationFailed(f"currency must be {estate.currency}", field="currency")
    # Before the savepoint: a wrong PIN is counted even though the payment fails.
    if wallet.pin_hash is not None and authorisation is None:
        await check_pin(wallet, pin, now)
    ensure_can_debit(wallet)

    try:
        async with savepoint():
            # Payments of one bill queue on its row; accounts are locked by the ledger.
            bill = await get_bill(owner, bill_id, lock=True)
            paying = amount.minor if amount else bill.balance_due
            transition(bill.status, "pay", "PAID")  # refuses a bill that cannot be paid
            if paying > bill.balance_due:
                raise ValidationFailed(
                    f"amount is more than the balance due of "
                    f"{to_major(bill.balance_due, bill.currency)} {bill.currency}",
                    field="amount",
                )
            # The wallet is both the credits and the method: one payment for both parts.
            split = await plan_split(bill, paying, use, wallet.account)
            from_wallet = split.credits + split.rest
            if not from_wallet:
                raise rewards_cover_all()
            audited: dict[str, object] = {"bill": bill.number}
            if split.rewards:
                audited["rewards"] = split.rewards
            if authorisation is not None:
                audited["authorisation"] = authorisation
            payment = await pay_part(
                viewer,
                estate,
                bill,
                wallet,
                from_wallet,
                key,
                fingerprint,
                now,
                audited=audited,
                before_settling=lambda made: spend_rewards(
                    viewer.user_id, bill, split.rewards, key, fingerprint, made.id
                ),
            )
            return payment
    except (IntegrityError, InvalidState):
        # The same key committed by a concurrent request while we waited on the bill: it
        # paid the bill (so it looks unpayable now) or holds the key.
        done = await earlier_payment(key, fingerprint, viewer.resident_id)
        if done is None:
            raise
        return done


async def pay_part(
    viewer: Viewer,
    estate: Estate,
    bill: Bill,
    wallet: Wallet,
    paying: int,
    key: str,
    fingerprint: str,
    now: datetime,
    *,
    audited: dict[str, object],
    before_settling: Callable[[Payment], Awaitable[object]] | None = None,
) -> Payment:
    """`paying` of the locked `bill` from the wallet, SUCCEEDED with its ledger entry (in
    the caller's savepoint). `before_settling` runs once the payment exists (rewards
    spent with it name it)."""
    fee = platform_fee(estate, paying)
    payment = await Payment.create(  # recorded as it will be if the money moves
        reference=new_reference(),
        purpose="BILL_PAYMENT",
        provider="WALLET",
        amount=paying,
        fee=fee,
        currency=bill.currency,
        status="SUCCEEDED",
        completed_at=now,
        resident_id=viewer.resident_id,
        bill_id=bill.id,
        idempotency_key=key,
        request_fingerprint=fingerprint,
    )
    await record(
        viewer.user_id if "authorisation" not in audited else None,
        "payBillFromWallet",
        "Payment",
        payment.id,
        after={**audited, "amount": paying, "fee": fee},
    )
    if before_settling is not None:
        await before_settling(payment)
    try:
        await settle(
            payment,
            wallet.account,
            estate,
            now,
            locked_bill=bill,
            owner_user_id=viewer.user_id,
            recorded=True,
        )
    except InsufficientFunds as exc:
        raise shortfall(wallet.account.available, paying, bill.currency) from exc
    return payment


async def wallet_payment(reference: str) -> Payment:
    """A wallet payment of the current estate by its reference (the wallet gateway's
    own record: the wallet has no provider to ask)."""
    payment = await Payment.get_or_none(reference=reference, provider="WALLET")
    if payment is None:
        raise NotFound("payment not found", field="reference")
    return payment
