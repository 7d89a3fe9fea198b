"""Bills: issuing, acknowledging, disputing; the bills summary."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import bills as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.payments import Payment, payment_node
from schema.properties import Unit, unit_node
from schema.shared import Connection, Money, as_uuid, connection, convert, plain
from services.bills import invoices, queries
from services.bills.models import Bill as BillModel

OPEN_STATUSES = ("ACKNOWLEDGED", "PARTIALLY_PAID", "OVERDUE", "PENDING_ACKNOWLEDGMENT")


@strawberry.enum
class BillStatus(Enum):
    PENDING_ACKNOWLEDGMENT = "PENDING_ACKNOWLEDGMENT"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    DISPUTED = "DISPUTED"
    PARTIALLY_PAID = "PARTIALLY_PAID"
    PAID = "PAID"
    OVERDUE = "OVERDUE"
    CANCELLED = "CANCELLED"


@strawberry.enum
class BillType(Enum):
    SERVICE_CHARGE = "SERVICE_CHARGE"
    SECURITY = "SECURITY"
    WASTE = "WASTE"
    WATER = "WATER"
    ELECTRICITY = "ELECTRICITY"
    LEVY = "LEVY"
    RENT = "RENT"
    OTHER = "OTHER"


@strawberry.enum
class DisputeAction(Enum):
    UPHOLD = "UPHOLD"
    ADJUST = "ADJUST"
    CANCEL = "CANCEL"


@strawberry.type
class BillResidentUser:
    full_name: str


@strawberry.type
class BillResident:
    """The bill's resident as a bill shows them: enough to address them."""

    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def user(self, info: Info[RequestContext, None]) -> BillResidentUser:
        found = await info.context.loaders.user.load(self.user_id)
        return BillResidentUser(full_name=found.full_name if found else "")


async def load_bill_resident(
    info: Info[RequestContext, None], resident_id: uuid.UUID
) -> BillResident:
    found = await info.context.loaders.resident.load(resident_id)
    assert found is not None, "a resident is never deleted"
    return convert(BillResident, found, user_id=as_uuid(found.user_id))


@strawberry.type
class LineItem:
    description: str
    quantity: Decimal
    unit_amount: Money
    amount: Money


@strawberry.type
class Bill:
    id: strawberry.ID
    number: str
    title: str
    description: str
    type: BillType
    amount: Money
    subtotal: Money
    tax: Money
    discount: Money
    tax_rate: Decimal  # percent, applied to subtotal - discount
    invoice_url: str
    amount_paid: Money
    balance_due: Money
    status: BillStatus
    due_date: date
    is_overdue: bool
    created_at: datetime
    acknowledged_at: datetime | None
    dispute_reason: str | None
    dispute_resolution: str | None
    resident_id: strawberry.Private[uuid.UUID]
    unit_id: strawberry.Private[uuid.UUID | None]
    model: strawberry.Private[BillModel]

    @strawberry.field
    async def line_items(self, info: Info[RequestContext, None]) -> list[LineItem]:
        rows = await info.context.loaders.lines_by_bill.load(uuid.UUID(self.id))
        currency = self.model.currency
        return [
            LineItem(
                description=line.description,
                quantity=line.quantity,
                unit_amount=Money.of(line.unit_amount, currency),
                amount=Money.of(line.amount, currency),
            )
            for line in invoices.lines_of(self.model, rows)
        ]

    @strawberry.field
    async def resident(self, info: Info[RequestContext, None]) -> BillResident:
        return await load_bill_resident(info, self.resident_id)

    @strawberry.field
    async def unit(self, info: Info[RequestContext, None]) -> Unit | None:
        if self.unit_id is None:
            return None
        found = await info.context.loaders.unit.load(self.unit_id)
        return unit_node(found) if found else None

    @strawberry.field
    async def payments(self, info: Info[RequestContext, None]) -> list[Payment]:
        rows = await info.context.loaders.payments_by_bill.load(uuid.UUID(self.id))
        return [payment_node(p) for p in rows]


def bill_node(bill: BillModel, today: date) -> Bill:
    currency = bill.currency
    return convert(
        Bill,
        bill,
        amount=Money.of(bill.amount, currency),
        subtotal=Money.of(invoices.bill_subtotal(bill), currency),
        tax=Money.of(bill.tax, currency),
        discount=Money.of(bill.discount, currency),
        tax_rate=Decimal(bill.tax_rate_bp).scaleb(-2),
        invoice_url=f"/bills/{bill.id}/invoice.pdf",
        model=bill,
        amount_paid=Money.of(bill.amount_paid, currency),
        balance_due=Money.of(bill.balance_due, currency),
        is_overdue=bill.status in OPEN_STATUSES and bill.due_date < today,
        resident_id=as_uuid(bill.resident_id),
        unit_id=as_uuid(bill.unit_id) if bill.unit_id else None,
    )


@strawberry.type
class CreateBillsPayload:
    count: int
    bills: list[Bill]


@strawberry.type
class StatusCount:
    status: BillStatus
    count: int


def status_counts(counts: Iterable[tuple[str, int]]) -> list[StatusCount]:
    return [StatusCount(status=BillStatus(s), count=n) for s, n in counts]


@strawberry.type
class BillsSummary:
    outstanding: Money
    overdue: Money
    paid_this_month: Money
    count_by_status: list[StatusCount]


@strawberry.input
class LineItemInput:
    description: str
    quantity: Decimal
    unit_amount: Decimal


@strawberry.input
class CreateBillInput:
    resident_id: strawberry.ID
    title: str
    type: BillType
    due_date: date
    amount: Decimal | None = None
    unit_id: strawberry.ID | None = None
    description: str | None = None
    currency: str | None = None
    line_items: list[LineItemInput] | None = None
    tax_rate: Decimal | None = None
    discount: Decimal | None = None


@strawberry.input
class CreateBillsInput:
    title: str
    type: BillType
    due_date: date
    amount: Decimal | None = None
    resident_ids: list[strawberry.ID] | None = None
    property_id: strawberry.ID | None = None
    description: str | None = None
    currency: str | None = None
    line_items: list[LineItemInput] | None = None
    tax_rate: Decimal | None = None
    discount: Decimal | None = None


@strawberry.input
class BillFilter:
    status: list[BillStatus] | None = None
    resident_id: strawberry.ID | None = None
    property_id: strawberry.ID | None = None
    type: BillType | None = None
    overdue_only: bool = False
    due_before: date | None = None
    due_after: date | None = None


def _fields(data: CreateBillInput | CreateBillsInput) -> resolvers.BillFields:
    lines = [plain(resolvers.LineFields, line) for line in data.line_items or []]
    return plain(resolvers.BillFields, data, line_items=None if data.line_items is None else lines)


@strawberry.type
class BillQuery:
    @strawberry.field
    async def bills(
        self,
        info: Info[RequestContext, None],
        filter: BillFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Bill]:
        ctx = info.context
        where = filter or BillFilter()
        page = await resolvers.bills(
            ctx,
            plain(
                queries.BillFilter, where, statuses=[s.value for s in where.status or []] or None
            ),
            first,
            after,
        )
        today = resolvers.today(ctx)
        return connection(page, lambda bill: bill_node(bill, today))

    @strawberry.field
    async def bill(self, info: Info[RequestContext, None], id: strawberry.ID) -> Bill:
        ctx = info.context
        return bill_node(await resolvers.bill(ctx, id), resolvers.today(ctx))

    @strawberry.field
    async def bills_summary(
        self, info: Info[RequestContext, None], resident_id: strawberry.ID | None = None
    ) -> BillsSummary:
        ctx = info.context
        data = await resolvers.bills_summary(ctx, resident_id)
        currency = ctx.require_access().estate.currency
        return BillsSummary(
            outstanding=Money.of(data.outstanding, currency),
            overdue=Money.of(data.overdue, currency),
            paid_this_month=Money.of(data.paid_this_month, currency),
            count_by_status=status_counts(sorted(data.count_by_status.items())),
        )


@strawberry.type
class BillMutation:
    @strawberry.mutation
    async def create_bill(self, info: Info[RequestContext, None], input: CreateBillInput) -> Bill:
        ctx = info.context
        created = await resolvers.create_bill(ctx, input.resident_id, input.unit_id, _fields(input))
        return bill_node(created, resolvers.today(ctx))

    @strawberry.mutation
    async def create_bills(
        self, info: Info[RequestContext, None], input: CreateBillsInput
    ) -> CreateBillsPayload:
        ctx = info.context
        resident_ids = [str(r) for r in input.resident_ids] if input.resident_ids else None
        created = await resolvers.create_bills(ctx, resident_ids, input.property_id, _fields(input))
        today = resolvers.today(ctx)
        return CreateBillsPayload(count=len(created), bills=[bill_node(b, today) for b in created])

    @strawberry.mutation
    async def acknowledge_bill(self, info: Info[RequestContext, None], id: strawberry.ID) -> Bill:
        ctx = info.context
        return bill_node(await resolvers.acknowledge_bill(ctx, id), resolvers.today(ctx))

    @strawberry.mutation
    async def dispute_bill(
        self, info: Info[RequestContext, None], id: strawberry.ID, reason: str
    ) -> Bill:
        ctx = info.context
        return bill_node(await resolvers.dispute_bill(ctx, id, reason), resolvers.today(ctx))

    @strawberry.mutation
    async def resolve_dispute(
        self,
        info: Info[RequestContext, None],
        id: strawberry.ID,
        action: DisputeAction,
        amount: Decimal | None = None,
        note: str | None = None,
    ) -> Bill:
        ctx = info.context
        resolved = await resolvers.resolve_dispute(ctx, id, action.value, amount, note)
        return bill_node(resolved, resolvers.today(ctx))

    @strawberry.mutation
    async def cancel_bill(
        self, info: Info[RequestContext, None], id: strawberry.ID, reason: str
    ) -> Bill:
        ctx = info.context
        return bill_node(await resolvers.cancel_bill(ctx, id, reason), resolvers.today(ctx))


@strawberry.type
class BillSubscription:
    @strawberry.subscription
    async def bill_updated(
        self, info: Info[RequestContext, None], bill_id: strawberry.ID | None = None
    ) -> AsyncIterator[Bill]:
        return await subscriptions.bill_updated(info.context, bill_id, bill_node)
