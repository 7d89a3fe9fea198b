"""Payments through a provider: bill payments and wallet deposits, verification, and
applying what providers report. Provider calls are made outside any tenant scope (a
scope holds a database connection), so these functions open their own scopes."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError

from services import validation
from services.access import Viewer
from services.audit.log import record
from services.bills.issuing import get_bill
from services.bills.lifecycle import transition
from services.bills.models import Bill
from services.bitcoin import watching
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.identity.models import User
from services.ledger.journal import clearing_code, system_account
from services.money import Money, to_major
from services.payments.gateways.base import (
    Gateway,
    PaymentRequest,
    ProviderError,
    ProviderUnavailable,
    Verification,
)
from services.payments.gateways.config import active_config, adapter
from services.payments.idempotency import (
    earlier_payment,
    new_reference,
    payer_key,
    request_fingerprint,
)
from services.payments.models import Payment
from services.payments.queries import payment_by_reference
from services.payments.settlement import notify_payment_failed, received_less, settle
from services.payments.sources import (
    NO_SOURCES,
    Sources,
    Split,
    plan_split,
    rewards_cover_all,
    spend_rewards,
)
from services.payments.wallet_payments import pay_part
from services.wallets.models import Wallet
from services.wallets.wallets import check_pin, ensure_can_debit, wallet_of
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope

# Providers whose successful charge hands back a reusable card (`savePaymentMethod`).
SAVES_CARDS = frozenset({"PAYSTACK", "FLUTTERWAVE"})
FINAL = frozenset({"SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED"})


async def start_payment(
    viewer: Viewer,
    estate: Estate,
    bill_id: str | None,
    amount: Money | None,
    provider: str | None,
    callback_url: str | None,
    idempotency_key: str,
    encryption_key: str,
    now: datetime,
    use: Sources = NO_SOURCES,
    pin: str | None = None,
    save_card: bool = False,
) -> Payment:
    """A PENDING payment with what the payer needs (checkout URL or client secret).
    `bill_id` None means a wallet deposit of `amount`. `use`: credits and rewards pay
    first (`services.payments.sources`); if they cover it all, the wallet's SUCCEEDED
    payment is the answer and no provider is called. `pin`: the wallet's, for credits.
    `save_card`: keep the card that pays as the payer's saved card (Paystack and
    Flutterwave, once the payment succeeds: `services.payment_methods.from_payments`)."""
    if viewer.resident_id is None:
        raise NotFound("bill not found", field="billId")
    key = payer_key(
        viewer.resident_id, validation.text(idempotency_key, "idempotencyKey", max_length=150)
    )
    fingerprint = request_fingerprint(
        "provider",
        bill_id,
        provider,
        amount.minor if amount else "due",
        callback_url,
        *use.fingerprint(),
        *(["save-card"] if save_card else []),
    )
    async with tenant_scope(estate.slug):
        owner = Viewer(viewer.user_id, is_admin=False, resident_id=viewer.resident_id)
        # Ownership before the key: another's bill is NOT_FOUND whatever key comes with it.
        bill = await get_bill(owner, bill_id) if bill_id is not None else None
        if (done := await earlier_payment(key, fingerprint, viewer.resident_id)) is not None:
            return done
        config = await active_config(provider)
        gateway = adapter(config, encryption_key)
        if save_card and config.provider not in SAVES_CARDS:
            raise ValidationFailed(
                "savePaymentMethod is for Paystack and Flutterwave payments",
                field="savePaymentMethod",
            )
        if bill is not None:
            transition(bill.status, "pay", "PAID")
            # More than the balance due is welcome: the rest becomes the payer's credit.
            paying = amount.minor if amount else bill.balance_due
            currency, purpose, description = bill.currency, "BILL_PAYMENT", bill.number
        else:
            if amount is None:
                raise ValidationFailed("amount is required for a deposit", field="amount")
            paying, currency = amount.minor, amount.currency
            purpose, description = "WALLET_DEPOSIT", "Wallet top-up"
        wallet = None
        if bill is not None and use.credits:
            wallet = await wallet_of(viewer.resident_id, currency)
            if wallet.pin_hash is not None:  # before the savepoint: a wrong PIN counts
                await check_pin(wallet, pin, now)
            ensure_can_debit(wallet)
        try:
            async with savepoint():
                owned = None
                if bill is not None and (use.credits or use.rewards):
                    owned = await get_bill(owner, bill.id, lock=True)
                    transition(owned.status, "pay", "PAID")
                    paying = amount.minor if amount else owned.balance_due
                    split = await plan_split(owned, paying, use, wallet.account if wallet else None)
                    paying = split.rest
                    done = await _pay_first(
                        viewer, estate, owned, wallet, split, key, fingerprint, now
                    )
                    if done is not None:  # nothing left for the provider
                        return done
                payment = await Payment.create(
                    reference=new_reference(),
                    purpose=purpose,
                    provider=config.provider,
                    amount=paying,
                    currency=currency,
                    status="PENDING",
                    resident_id=viewer.resident_id,
                    bill_id=uuid.UUID(bill_id) if bill_id else None,
                    idempotency_key=key,
                    request_fingerprint=fingerprint,
                    save_payment_method=save_card,
                )
                changed("payment", payment.id, payment.resident_id)
                await record(
                    viewer.user_id,
                    "startPayment",
                    "Payment",
                    payment.id,
                    after={"provider": config.provider, "amount": paying},
                )
                if owned is not None:
                    await spend_rewards(
                        viewer.user_id, owned, split.rewards, key, fingerprint, payment.id
                    )
        except (IntegrityError, InvalidState):
            # The same key committed by a concurrent request while we waited on the bill.
            done = await earlier_payment(key, fingerprint, viewer.resident_id)
            if done is None:
                raise
            return done
    user = await User.get(id=viewer.user_id)
    request = PaymentRequest(
        payment.reference, paying, currency, user.email, callback_url, description
    )
    try:
        checkout = await gateway.create_payment(request)
    except (ProviderError, ProviderUnavailable) as exc:
        code = exc.failure_code if isinstance(exc, ProviderError) else "NETWORK_ERROR"
        async with tenant_scope(estate.slug):
            await Payment.filter(id=payment.id).update(
                status="FAILED", failure_code=code, failure_message=exc.message
            )
            changed("payment", payment.id, payment.resident_id)
        raise
    async with tenant_scope(estate.slug):
        await Payment.filter(id=payment.id).update(
            provider_reference=checkout.provider_reference,
            checkout_url=checkout.checkout_url,
            client_secret=checkout.client_secret,
        )
        return await Payment.get(id=payment.id)


async def _pay_first(
    viewer: Viewer,
    estate: Estate,
    bill: Bill,
    wallet: Wallet | None,
    split: Split,
    key: str,
    fingerprint: str,
    now: datetime,
) -> Payment | None:
    """The credits' part (a wallet payment of its own) of a split payment; that payment,
    with the rewards, when nothing is left for the provider, else None (the provider's
    payment, made next, carries the rewards and the request's key)."""
    if split.rest == 0 and split.credits == 0:
        raise rewards_cover_all()
    if not split.credits:
        return None
    assert wallet is not None
    # The last part of the request holds its key, so a retry finds the answer by it.
    part_key = key if split.rest == 0 else f"credits:{key}"
    audited: dict[str, object] = {"bill": bill.number, "credits": split.credits}
    if split.rest == 0:
        audited["rewards"] = split.rewards
    made = await pay_part(
        viewer,
        estate,
        bill,
        wallet,
        split.credits,
        part_key,
        fingerprint,
        now,
        audited=audited,
        before_settling=None,
    )
    if split.rest:
        return None
    await spend_rewards(viewer.user_id, bill, split.rewards, key, fingerprint, made.id)
    return made


async def gateway_for_payment(slug: str, reference: str, encryption_key: str) -> Gateway:
    async with tenant_scope(slug):
        payment = await Payment.get_or_none(reference=reference)
        if payment is None:
            raise NotFound("payment not found", field="reference")
        return adapter(await active_config(payment.provider), encryption_key)


async def apply_verification(
    estate: Estate, reference: str, verified: Verification, now: datetime
) -> Payment:
    """Apply the provider's confirmed word, exactly once: a payment already final is left
    as it is, except that a failed one the provider now confirms as paid succeeds (the
    payer tried again on the same checkout; its events may come in any order). Money
    moves only when status, amount and currency all match."""
    async with tenant_scope(estate.slug):
        payment = await Payment.filter(reference=reference).select_for_update().first()
        if payment is None:
            raise NotFound("payment not found", field="reference")
        paid_after_failing = payment.status == "FAILED" and verified.status == "SUCCEEDED"
        if (payment.status in FINAL and not paid_after_failing) or verified.status == "PENDING":
            return payment
        if verified.status == "SUCCEEDED":
            same_currency = verified.currency == payment.currency
            if same_currency and verified.amount > payment.amount:
                # The payer sent more than asked: it settles the bill, the rest is credit.
                payment.amount = verified.amount
            short = same_currency and 0 < verified.amount < payment.amount
            matches = (verified.amount, verified.currency) == (payment.amount, payment.currency)
            if not (matches or short):  # another currency, or nothing
                payment.status, payment.failure_code = "FAILED", "UNDERPAID"
                payment.failure_message = (
                    f"provider confirmed {to_major(verified.amount, payment.currency)} "
                    f"{verified.currency}, expected "
                    f"{to_major(payment.amount, payment.currency)} {payment.currency}"
                )
            else:
                if paid_after_failing:
                    payment.failure_code = payment.failure_message = None
                    await payment.save(update_fields=["failure_code", "failure_message"])
                if short:  # what arrived is settled, the shortfall recorded
                    await received_less(payment, verified.amount, "the provider")
                clearing = await system_account(clearing_code(payment.provider), payment.currency)
                return await settle(payment, clearing, estate, now)
        else:
            payment.status = "FAILED"
            payment.failure_code = verified.failure_code or "PROVIDER_ERROR"
            payment.failure_message = verified.failure_message
        payment.completed_at = now
        await payment.save(
            update_fields=["status", "failure_code", "failure_message", "completed_at"]
        )
        changed("payment", payment.id, payment.resident_id)
        await notify_payment_failed(payment)
        return payment


async def verify_payment(
    viewer: Viewer, estate: Estate, reference: str, encryption_key: str, now: datetime
) -> Payment:
    """Ask the provider now and apply the answer (the same path as a webhook)."""
    async with tenant_scope(estate.slug):
        payment = await payment_by_reference(viewer, reference)
        if payment.provider in ("WALLET", "MANUAL") or payment.status in FINAL:
            return payment
    if payment.provider == "BITCOIN":  # no provider to ask: the chain, now
        await watching.scan(estate, now, encryption_key, payment_id=payment.id)
        async with tenant_scope(estate.slug):
            return await Payment.get(id=payment.id)
    gateway = await gateway_for_payment(estate.slug, payment.reference, encryption_key)
    return await apply_verification(
        estate,
        payment.reference,
        await gateway.verify(payment.reference, payment.provider_reference),
        now,
    )


async def expire_stale(older_than: timedelta, now: datetime) -> int:
    """Provider payments still PENDING after the window are EXPIRED (in the current
    estate's scope): their checkout is abandoned, and a late webhook finds them final.
    Bitcoin payments have windows of their own (`services.bitcoin.settling`)."""
    stale = await Payment.filter(
        status="PENDING",
        provider__not_in=("WALLET", "MANUAL", "BITCOIN"),
        created_at__lt=now - older_than,
    ).values_list("id", "resident_id")
    if not stale:
        return 0
    expired = await Payment.filter(id__in=[pid for pid, _ in stale], status="PENDING").update(
        status="EXPIRED",
        failure_code="EXPIRED",
        completed_at=now,
        failure_message="the checkout was not completed in time",
    )
    for payment_id, resident_id in stale:
        changed("payment", payment_id, resident_id)
    return expired
