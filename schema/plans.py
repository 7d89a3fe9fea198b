"""Billing plans: plans, units subscribed to them, bill runs, the vacancy report and
residents' autopay."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info
from strawberry.types.unset import UNSET

from resolvers import bills as bill_resolvers
from resolvers import plans as resolvers
from resolvers.context import RequestContext
from schema.bills import BillResident, BillType, LineItem, LineItemInput, load_bill_resident
from schema.properties import Unit, unit_node
from schema.shared import Money, as_uuid, convert, plain
from services.bills.invoices import quantity_of
from services.plans import periods
from services.plans.catalog import price_in
from services.plans.models import BillingPlan as PlanModel
from services.plans.models import BillingPlanPrice, BillRunLine
from services.plans.models import BillRun as BillRunModel
from services.plans.models import PlanSubscription as SubscriptionModel
from services.plans.runs import Preview


@strawberry.enum
class BillingInterval(Enum):
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    YEARLY = "YEARLY"


@strawberry.enum
class PlanSubscriptionStatus(Enum):
    ACTIVE = "ACTIVE"
    ENDING = "ENDING"
    ENDED = "ENDED"


@strawberry.enum
class AutopaySource(Enum):
    WALLET = "WALLET"
    PAYMENT_METHOD = "PAYMENT_METHOD"


@strawberry.type
class LateFee:
    percent: Decimal | None
    fixed: Money | None
    grace_days: int
    max_applications: int


@strawberry.type
class PlanPrice:
    """The plan's price from `effectiveFrom` (a period's first day) on."""

    effective_from: date
    amount: Money
    line_items: list[LineItem]


def _price_node(row: BillingPlanPrice, currency: str) -> PlanPrice:
    lines = [
        LineItem(
            description=str(d),
            quantity=quantity_of(int(q)),
            unit_amount=Money.of(int(u), currency),
            amount=Money.of(int(a), currency),
        )
        for d, q, u, a in row.lines or []
    ]
    return PlanPrice(
        effective_from=row.effective_from, amount=Money.of(row.amount, currency), line_items=lines
    )


@strawberry.type
class BillingPlan:
    id: strawberry.ID
    name: str
    bill_type: BillType
    currency: str
    interval: BillingInterval
    billing_day: int
    due_days: int
    prorate: bool
    late_fee: LateFee | None
    archived: bool
    first_period: date
    created_at: datetime
    model: strawberry.Private[PlanModel]

    async def _current(self, info: Info[RequestContext, None]) -> PlanPrice:
        history = await resolvers.prices(info.context, as_uuid(self.id))
        period = periods.period_of(self.model.interval, bill_resolvers.today(info.context))
        return _price_node(price_in(history, period), self.currency)

    @strawberry.field
    async def amount(self, info: Info[RequestContext, None]) -> Money | None:
        """This period's price (a change made now shows from the next one: see `prices`)."""
        return (await self._current(info)).amount

    @strawberry.field
    async def line_items(self, info: Info[RequestContext, None]) -> list[LineItem]:
        return (await self._current(info)).line_items

    @strawberry.field
    async def prices(self, info: Info[RequestContext, None]) -> list[PlanPrice]:
        """The price history, earliest first (the last may start with the next period)."""
        history = await resolvers.prices(info.context, as_uuid(self.id))
        return [_price_node(row, self.currency) for row in history]


def plan_node(plan: PlanModel) -> BillingPlan:
    late_fee = None
    if plan.late_fee_grace_days is not None:
        late_fee = LateFee(
            percent=None
            if plan.late_fee_percent_bp is None
            else Decimal(plan.late_fee_percent_bp).scaleb(-2),
            fixed=None
            if plan.late_fee_fixed is None
            else Money.of(plan.late_fee_fixed, plan.currency),
            grace_days=plan.late_fee_grace_days,
            max_applications=plan.late_fee_max_applications,
        )
    return convert(
        BillingPlan,
        plan,
        late_fee=late_fee,
        archived=plan.archived_at is not None,
        model=plan,
    )


@strawberry.type
class AutopayMandate:
    """The resident's consent, in the words they agreed to; PAUSED after failed retries."""

    id: strawberry.ID
    source: AutopaySource
    payment_method_id: strawberry.ID | None
    status: str
    consent: str
    consented_at: datetime


@strawberry.type
class PlanSubscription:
    id: strawberry.ID
    status: PlanSubscriptionStatus
    start_date: date
    end_date: date | None
    created_at: datetime
    plan_id: strawberry.Private[uuid.UUID]
    unit_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def plan(self, info: Info[RequestContext, None]) -> BillingPlan:
        return plan_node(await resolvers.plan(info.context, self.plan_id))

    @strawberry.field
    async def unit(self, info: Info[RequestContext, None]) -> Unit:
        found = await info.context.loaders.unit.load(self.unit_id)
        assert found is not None, "a unit is never deleted"
        return unit_node(found)

    @strawberry.field
    async def autopay(self, info: Info[RequestContext, None]) -> AutopayMandate | None:
        found = await resolvers.mandate(info.context, as_uuid(self.id))
        return None if found is None else convert(AutopayMandate, found)


def subscription_node(sub: SubscriptionModel) -> PlanSubscription:
    return convert(
        PlanSubscription, sub, plan_id=as_uuid(sub.plan_id), unit_id=as_uuid(sub.unit_id)
    )


@strawberry.type
class BillRun:
    id: strawberry.ID
    period: date
    count: int
    total: Money
    failures: int
    vacant: int
    vacancy_total: Money
    started_at: datetime
    finished_at: datetime | None
    plan_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def plan(self, info: Info[RequestContext, None]) -> BillingPlan:
        return plan_node(await resolvers.plan(info.context, self.plan_id))

    @strawberry.field
    def duration_ms(self) -> int | None:
        if self.finished_at is None:
            return None
        return int((self.finished_at - self.started_at).total_seconds() * 1000)


def run_node(run: BillRunModel) -> BillRun:
    return convert(
        BillRun,
        run,
        total=Money.of(run.total, run.currency),
        vacancy_total=Money.of(run.vacancy_total, run.currency),
        plan_id=as_uuid(run.plan_id),
    )


@strawberry.type
class BillRunPreviewLine:
    """CHARGE, TRUE_UP (days owed for the period before), CREDIT (days paid for and not
    stayed, back to the wallet) or VACANCY (no resident: `resident` is null)."""

    kind: str
    period: date
    days: int
    amount: Money
    unit_id: strawberry.Private[uuid.UUID]
    resident_id: strawberry.Private[str | None]

    @strawberry.field
    async def unit(self, info: Info[RequestContext, None]) -> Unit:
        found = await info.context.loaders.unit.load(self.unit_id)
        assert found is not None, "a unit is never deleted"
        return unit_node(found)

    @strawberry.field
    async def resident(self, info: Info[RequestContext, None]) -> BillResident | None:
        if self.resident_id is None:
            return None
        return await load_bill_resident(info, uuid.UUID(self.resident_id))


@strawberry.type
class BillRunPreview:
    period: date
    count: int
    total: Money
    lines: list[BillRunPreviewLine]


def preview_node(made: Preview) -> BillRunPreview:
    return BillRunPreview(
        period=made.period,
        count=made.count,
        total=Money.of(made.total, made.currency),
        lines=[
            BillRunPreviewLine(
                kind=line.kind,
                period=line.period,
                days=line.days,
                amount=Money.of(line.amount, made.currency),
                unit_id=line.unit_id,
                resident_id=line.resident_id,
            )
            for line in made.lines
        ],
    )


def vacancy_node(line: BillRunLine, currency: str) -> BillRunPreviewLine:
    return BillRunPreviewLine(
        kind=line.kind,
        period=line.period,
        days=line.days,
        amount=Money.of(line.amount, currency),
        unit_id=as_uuid(line.unit_id),
        resident_id=None,
    )


@strawberry.input
class LateFeeInput:
    grace_days: int
    max_applications: int
    percent: Decimal | None = None
    fixed: Decimal | None = None


@strawberry.input
class CreateBillingPlanInput:
    name: str
    bill_type: BillType
    interval: BillingInterval
    amount: Decimal | None = None
    currency: str | None = None
    line_items: list[LineItemInput] | None = None
    billing_day: int = 1
    due_days: int = 14
    prorate: bool = False
    late_fee: LateFeeInput | None = None


@strawberry.input
class UpdateBillingPlanInput:
    """Fields left out are kept; `lateFee: null` removes the late fee. A new amount or
    lineItems is the price from the next period."""

    name: str | None = None
    bill_type: BillType | None = None
    amount: Decimal | None = None
    currency: str | None = None
    line_items: list[LineItemInput] | None = None
    billing_day: int | None = None
    due_days: int | None = None
    prorate: bool | None = None
    late_fee: LateFeeInput | None = UNSET


@strawberry.input
class PlanSubscriptionFilter:
    plan_id: strawberry.ID | None = None
    unit_id: strawberry.ID | None = None
    status: list[PlanSubscriptionStatus] | None = None


def plan_fields(data: CreateBillingPlanInput | UpdateBillingPlanInput) -> resolvers.PlanFields:
    lines = None
    if data.line_items is not None:
        lines = [plain(bill_resolvers.LineFields, line) for line in data.line_items]
    late_fee = data.late_fee if data.late_fee is not UNSET else None
    return plain(
        resolvers.PlanFields,
        data,
        line_items=lines,
        late_fee=None if late_fee is None else plain(resolvers.LateFeeFields, late_fee),
        interval=getattr(data, "interval", None) and data.interval.value,  # type: ignore[union-attr]
    )
