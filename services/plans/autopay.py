"""Autopay: a resident's mandate to pay a subscription's bills as they are issued.

Enabling it records the consent in the resident's words-to-be (`consent`), with when
and from what (the wallet, or a saved payment method); it stands for the PIN and for
acknowledging each bill, and is revocable at any time (`disableAutopay`), which keeps
the row. Each bill issued under an active mandate gets a charge: from the wallet it is
tried at once, in the bill run's transaction; a refusal (too little money, a frozen
wallet) is retried 1, 3 and 7 days after the first failure, and after that the charge is
given up, the mandate PAUSED and the resident told. Every try is a wallet payment with
its own key (`autopay:<charge>:<try>`), so a repeated job cannot pay twice. Charges from a
saved card are collected outside any scope by `services.plans.card_autopay`, which
records each outcome here (`record_outcome`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.access import Viewer, parse_id
from services.audit.log import record
from services.bills.models import Bill
from services.errors import DomainError, InvalidState, NotFound, ValidationFailed
from services.notifications.inbox import notify
from services.payment_methods.models import PaymentMethod
from services.payments.wallet_payments import pay_bill_from_wallet_authorised
from services.plans.models import AutopayCharge, AutopayMandate, PlanSubscription
from services.plans.subscriptions import get_subscription
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import savepoint

SOURCES = ("WALLET", "PAYMENT_METHOD")
RETRY_DAYS = (1, 3, 7)  # after the first failure; then the mandate pauses
MAX_CHARGES_PER_CALL = 2_000
FAILED_KIND = "AUTOPAY_FAILED"
PAUSED_KIND = "AUTOPAY_PAUSED"
MandateKey = tuple[uuid.UUID, str]  # (subscription, resident)


async def enable(
    viewer: Viewer,
    estate: Estate,
    subscription_id: str,
    source: str,
    payment_method_id: str | None,
    now: datetime,
) -> PlanSubscription:
    if viewer.resident_id is None:
        raise NotFound("subscription not found", field="subscriptionId")
    if source not in SOURCES:
        raise ValidationFailed(f"source must be one of {', '.join(SOURCES)}", field="source")
    method = None
    if source == "PAYMENT_METHOD":
        if payment_method_id is None:
            raise ValidationFailed(
                "paymentMethodId is required to pay from a payment method",
                field="paymentMethodId",
            )
        method = parse_id(payment_method_id, "paymentMethodId", "payment method")
        if not await PaymentMethod.exists(
            id=method, resident_id=viewer.resident_id, status="ACTIVE"
        ):  # another's card, a removed one or one not confirmed yet: none to charge
            raise NotFound("payment method not found", field="paymentMethodId")
    elif payment_method_id is not None:
        raise ValidationFailed(
            "paymentMethodId goes with source PAYMENT_METHOD", field="paymentMethodId"
        )
    async with savepoint():
        sub = await get_subscription(viewer, subscription_id, "subscriptionId", lock=True)
        if sub.status == "ENDED":
            raise InvalidState("the subscription has ended", field="subscriptionId")
        plan = await sub.plan
        unit = await sub.unit
        await AutopayMandate.filter(
            subscription=sub, resident_id=viewer.resident_id, status__in=("ACTIVE", "PAUSED")
        ).update(status="REVOKED", ended_at=now)
        where = "my wallet" if method is None else f"my saved payment method {method}"
        mandate = await AutopayMandate.create(
            subscription=sub,
            resident_id=viewer.resident_id,
            source=source,
            payment_method_id=method,
            consent=(
                f"I authorise {estate.name} to pay each bill of {plan.name!r} for unit "
                f"{unit.label} from {where} when it is issued, without my PIN, and take "
                "these bills as acknowledged, until I turn autopay off."
            ),
            consented_at=now,
        )
        await record(
            viewer.user_id,
            "enableAutopay",
            "PlanSubscription",
            sub.id,
            after={"mandate": str(mandate.id), "source": source},
        )
        return sub


async def disable(viewer: Viewer, subscription_id: str, now: datetime) -> PlanSubscription:
    if viewer.resident_id is None:
        raise NotFound("subscription not found", field="subscriptionId")
    async with savepoint():
        sub = await get_subscription(viewer, subscription_id, "subscriptionId", lock=True)
        mandates = AutopayMandate.filter(
            subscription=sub, resident_id=viewer.resident_id, status__in=("ACTIVE", "PAUSED")
        )
        ids = list(await mandates.values_list("id", flat=True))
        if not ids:
            raise InvalidState("autopay is not on for this subscription", field="subscriptionId")
        await AutopayMandate.filter(id__in=ids).update(status="REVOKED", ended_at=now)
        await AutopayCharge.filter(mandate_id__in=ids, status="PENDING").update(
            status="REVOKED", next_attempt_at=None
        )
        await record(viewer.user_id, "disableAutopay", "PlanSubscription", sub.id)
        return sub


async def mandates_of(subscription_ids: list[uuid.UUID]) -> dict[uuid.UUID, AutopayMandate]:
    """Each subscription's current mandate (active or paused), for display."""
    found: dict[uuid.UUID, AutopayMandate] = {}
    rows = AutopayMandate.filter(
        subscription_id__in=subscription_ids, status__in=("ACTIVE", "PAUSED")
    ).order_by("created_at")
    for row in await rows:
        found[uuid.UUID(str(row.subscription_id))] = row
    return found


async def active_mandates(subscription_ids: set[uuid.UUID]) -> dict[MandateKey, AutopayMandate]:
    if not subscription_ids:
        return {}
    rows = await AutopayMandate.filter(subscription_id__in=subscription_ids, status="ACTIVE")
    return {(uuid.UUID(str(m.subscription_id)), str(m.resident_id)): m for m in rows}


async def charges_for(
    issued: list[tuple[Bill, uuid.UUID]],
    mandates: dict[MandateKey, AutopayMandate],
    estate: Estate,
    now: datetime,
) -> None:
    """A charge for each new bill (with its subscription) under a mandate; from the
    wallet, tried at once."""
    made: list[tuple[AutopayCharge, AutopayMandate]] = []
    for bill, subscription_id in issued:
        mandate = mandates.get((subscription_id, str(bill.resident_id)))
        if mandate is not None:
            charge = AutopayCharge(
                id=uuid.uuid4(), mandate_id=mandate.id, bill_id=bill.id, next_attempt_at=now
            )
            made.append((charge, mandate))
    if not made:
        return
    await AutopayCharge.bulk_create([charge for charge, _ in made], batch_size=500)
    for charge, mandate in made:
        if mandate.source == "WALLET":
            await _try_wallet(charge, mandate, estate, now)


async def collect_due(estate: Estate, now: datetime) -> int:
    """Try the wallet charges whose time has come (the scheduled job); returns the tries."""
    charges = list(
        await AutopayCharge.filter(
            status="PENDING",
            next_attempt_at__lte=now,
            mandate__status="ACTIVE",
            mandate__source="WALLET",
        )
        .order_by("next_attempt_at", "id")
        .limit(MAX_CHARGES_PER_CALL)
        .select_for_update()
        .prefetch_related("mandate")
    )
    for charge in charges:
        await _try_wallet(charge, charge.mandate, estate, now)
    return len(charges)


async def _try_wallet(
    charge: AutopayCharge, mandate: AutopayMandate, estate: Estate, now: datetime
) -> None:
    bill = await Bill.get(id=charge.bill_id)
    if bill.status in ("PAID", "CANCELLED"):  # settled some other way meanwhile
        await record_outcome(charge, mandate, now, paid=True)
        return
    owner = await Resident.get(id=mandate.resident_id)
    viewer = Viewer(owner.user_id, is_admin=False, resident_id=owner.id)
    try:
        payment = await pay_bill_from_wallet_authorised(
            viewer,
            estate,
            str(bill.id),
            None,
            f"autopay:{charge.id}:{charge.attempts + 1}",
            now,
            authorisation=f"autopayMandate:{mandate.id}",
        )
    except DomainError as refusal:
        await record_outcome(
            charge, mandate, now, paid=False, code=refusal.code, message=refusal.message
        )
        return
    await record_outcome(charge, mandate, now, paid=True, payment_id=payment.id)


async def record_outcome(
    charge: AutopayCharge,
    mandate: AutopayMandate,
    now: datetime,
    *,
    paid: bool,
    code: str | None = None,
    message: str | None = None,
    payment_id: uuid.UUID | None = None,
) -> AutopayCharge:
    """A try's outcome: paid, or the next retry, or (retries spent) the pause."""
    if paid:
        charge.status, charge.next_attempt_at, charge.payment_id = "PAID", None, payment_id
        await _save(charge)
        return charge
    charge.attempts += 1
    charge.last_failure_code, charge.last_failure = code, (message or "")[:500]
    charge.first_failed_at = charge.first_failed_at or now
    owner = await Resident.get(id=mandate.resident_id)
    bill = await Bill.get(id=charge.bill_id)
    if charge.attempts <= len(RETRY_DAYS):
        charge.next_attempt_at = charge.first_failed_at + timedelta(
            days=RETRY_DAYS[charge.attempts - 1]
        )
        await _save(charge)
        await notify(
            [owner.user_id],
            FAILED_KIND,
            f"Autopay of {bill.number} failed",
            f"{message}. We will try again on {charge.next_attempt_at:%Y-%m-%d}.",
        )
        return charge
    charge.status, charge.next_attempt_at = "GAVE_UP", None
    await _save(charge)
    mandate.status, mandate.ended_at = "PAUSED", now
    await mandate.save(update_fields=["status", "ended_at"])
    await record(
        None,
        "pauseAutopay",
        "PlanSubscription",
        mandate.subscription_id,
        after={"mandate": str(mandate.id), "failures": charge.attempts, "code": code},
    )
    await notify(
        [owner.user_id],
        PAUSED_KIND,
        "Autopay paused",
        f"Bill {bill.number} could not be paid after {charge.attempts} tries ({message}). "
        "Pay it yourself, and turn autopay on again once it can pay.",
    )
    return charge


async def _save(charge: AutopayCharge) -> None:
    """By its id: a charge made by a bulk insert does not know it is stored."""
    await AutopayCharge.filter(id=charge.id).update(
        status=charge.status,
        attempts=charge.attempts,
        first_failed_at=charge.first_failed_at,
        next_attempt_at=charge.next_attempt_at,
        last_failure_code=charge.last_failure_code,
        last_failure=charge.last_failure,
        payment_id=charge.payment_id,
        updated_at=datetime.now(UTC),
    )
