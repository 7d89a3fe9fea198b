"""Recurring wallet payments."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import recurring as resolvers
from resolvers.context import RequestContext
from schema.bills import BillResident, BillType, load_bill_resident
from schema.shared import Connection, Money, as_uuid, connection, convert, plain
from services.recurring.models import DEFAULT_MAX_FAILURES
from services.recurring.models import RecurringPayment as RecurringPaymentModel


@strawberry.enum
class RecurringFrequency(Enum):
    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    YEARLY = "YEARLY"


@strawberry.enum
class RecurringPaymentStatus(Enum):
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    CANCELLED = "CANCELLED"


@strawberry.type
class RecurringPayment:
    id: strawberry.ID
    title: str
    amount: Money
    frequency: RecurringFrequency
    status: RecurringPaymentStatus
    start_date: date
    # The period waiting to be paid; null once the plan is cancelled.
    next_run_date: date | None
    # Set while a failed period waits for its retry.
    next_attempt_at: datetime | None
    last_run_at: datetime | None
    failure_count: int
    max_failures: int
    bill_type: BillType | None
    last_failure_code: str | None
    last_failure: str | None
    created_at: datetime
    resident_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def resident(self, info: Info[RequestContext, None]) -> BillResident:
        return await load_bill_resident(info, self.resident_id)


def plan_node(plan: RecurringPaymentModel) -> RecurringPayment:
    return convert(
        RecurringPayment,
        plan,
        amount=Money.of(plan.amount, plan.currency),
        next_run_date=None if plan.status == "CANCELLED" else plan.next_run_date,
        bill_type=BillType(plan.bill_type) if plan.bill_type else None,
        resident_id=as_uuid(plan.resident_id),
    )


@strawberry.input
class CreateRecurringPaymentInput:
    title: str
    amount: Decimal
    frequency: RecurringFrequency
    start_date: date
    # Pay open bills of this type up to `amount`; without it, `amount` goes to the estate.
    bill_type: BillType | None = None
    currency: str | None = None
    max_failures: int = DEFAULT_MAX_FAILURES
    # Required when the wallet has a PIN: it authorises every run of the plan.
    pin: str | None = None


@strawberry.type
class RecurringQuery:
    @strawberry.field
    async def recurring_payments(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[RecurringPayment]:
        page = await resolvers.recurring_payments(info.context, first, after)
        return connection(page, plan_node)

    @strawberry.field
    async def recurring_payment(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> RecurringPayment:
        return plan_node(await resolvers.recurring_payment(info.context, id))


@strawberry.type
class RecurringMutation:
    @strawberry.mutation
    async def create_recurring_payment(
        self, info: Info[RequestContext, None], input: CreateRecurringPaymentInput
    ) -> RecurringPayment:
        fields = plain(resolvers.PlanFields, input)
        return plan_node(await resolvers.create_recurring_payment(info.context, fields, input.pin))

    @strawberry.mutation
    async def pause_recurring_payment(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> RecurringPayment:
        return plan_node(await resolvers.pause_recurring_payment(info.context, id))

    @strawberry.mutation
    async def resume_recurring_payment(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> RecurringPayment:
        return plan_node(await resolvers.resume_recurring_payment(info.context, id))

    @strawberry.mutation
    async def cancel_recurring_payment(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> RecurringPayment:
        return plan_node(await resolvers.cancel_recurring_payment(info.context, id))
