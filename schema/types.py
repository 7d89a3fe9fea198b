"""Strawberry output types and how domain objects map onto them."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types import Info

from services.bills.models import Bill as BillModel
from services.bills.queries import BillsSummary as BillsSummaryData
from services.dashboard.figures import DashboardFigures
from services.identity.models import Membership as MembershipModel
from services.identity.models import User as UserModel
from services.money import to_major
from services.notifications.models import Notification as NotificationModel
from services.pagination import Page, nothing_to_count
from services.payments.gateways.models import GatewayConfig as GatewayConfigModel
from services.payments.models import Payment as PaymentModel
from services.payments.models import WebhookEvent as WebhookEventModel
from services.properties.models import Property as PropertyModel
from services.properties.models import Unit as UnitModel
from services.recurring.models import RecurringPayment as RecurringPaymentModel
from services.residents.models import Resident as ResidentModel
from services.wallets.models import Wallet as WalletModel
from services.wallets.wallets import AccountLine, account_history
from tenants.models import Estate as EstateModel

T = TypeVar("T")


@strawberry.enum
class Role(Enum):
    ADMIN = "ADMIN"
    RESIDENT = "RESIDENT"


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


def connection(page: Page, to_node: Callable[[Any], T]) -> Connection[T]:
    """A Relay connection of a page, each item mapped by `to_node`."""
    edges = [
        Edge(cursor=cursor, node=to_node(item))
        for item, cursor in zip(page.items, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=page.cursors[-1] if page.cursors else None
        ),
        count=page.count,
    )


@strawberry.type
class Estate:
    id: strawberry.ID
    slug: str
    name: str
    currency: str
    timezone: str

    @classmethod
    def from_model(cls, estate: EstateModel) -> Estate:
        return cls(
            id=strawberry.ID(str(estate.id)),
            slug=estate.slug,
            name=estate.name,
            currency=estate.currency,
            timezone=estate.timezone,
        )


@strawberry.type
class Membership:
    role: Role
    estate: Estate

    @classmethod
    def from_model(cls, membership: MembershipModel) -> Membership:
        return cls(role=Role(membership.role), estate=Estate.from_model(membership.estate))


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    full_name: str
    phone: str | None
    is_platform_admin: bool

    @strawberry.field
    async def memberships(self, info: Info) -> list[Membership]:
        """All of your own memberships; of anyone else, only those in the current estate."""
        ctx = info.context
        rows = await ctx.loaders.memberships.load(uuid.UUID(self.id))
        if ctx.user is None or str(ctx.user.id) != self.id:
            here = ctx.access.estate.id if ctx.access else None
            rows = [m for m in rows if str(m.estate_id) == str(here)]
        return [Membership.from_model(m) for m in rows]

    @classmethod
    def from_model(cls, user: UserModel) -> User:
        return cls(
            id=strawberry.ID(str(user.id)),
            email=user.email,
            full_name=user.full_name,
            phone=user.phone,
            is_platform_admin=user.is_platform_admin,
        )


@strawberry.type
class Unit:
    id: strawberry.ID
    label: str
    property_id: strawberry.ID

    @classmethod
    def from_model(cls, unit: UnitModel) -> Unit:
        return cls(
            id=strawberry.ID(str(unit.id)),
            label=unit.label,
            property_id=strawberry.ID(str(unit.property_id)),
        )


@strawberry.type
class Property:
    id: strawberry.ID
    name: str
    address: str
    created_at: datetime

    @strawberry.field
    async def units(self, info: Info) -> list[Unit]:
        rows = await info.context.loaders.units_by_property.load(uuid.UUID(self.id))
        return [Unit.from_model(u) for u in rows]

    @classmethod
    def from_model(cls, prop: PropertyModel) -> Property:
        return cls(
            id=strawberry.ID(str(prop.id)),
            name=prop.name,
            address=prop.address,
            created_at=prop.created_at,
        )


@strawberry.type
class Resident:
    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]
    created_at: datetime

    @strawberry.field
    async def user(self, info: Info) -> User:
        found = await info.context.loaders.user.load(self.user_id)
        assert found is not None, "a resident's user is never deleted"
        return User.from_model(found)

    @strawberry.field
    async def units(self, info: Info) -> list[Unit]:
        rows = await info.context.loaders.units_by_resident.load(uuid.UUID(self.id))
        return [Unit.from_model(u) for u in rows]

    @strawberry.field
    async def wallet(self, info: Info) -> Wallet | None:
        found = await info.context.loaders.wallet_by_resident.load(uuid.UUID(self.id))
        return Wallet.from_model(found, info.context.clock()) if found else None

    @classmethod
    def from_model(cls, resident: ResidentModel) -> Resident:
        return cls(
            id=strawberry.ID(str(resident.id)),
            user_id=uuid.UUID(str(resident.user_id)),
            created_at=resident.created_at,
        )


@strawberry.type
class LoginPayload:
    token: str
    expires_at: datetime
    user: User


@strawberry.type
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, minor: int, currency: str) -> Money:
        return cls(amount=to_major(minor, currency), currency=currency)


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


@strawberry.enum
class PaymentStatus(Enum):
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"
    REFUNDED = "REFUNDED"
    PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED"


@strawberry.enum
class PaymentProvider(Enum):
    WALLET = "WALLET"
    STRIPE = "STRIPE"
    PAYSTACK = "PAYSTACK"
    FLUTTERWAVE = "FLUTTERWAVE"
    BITCOIN = "BITCOIN"
    MANUAL = "MANUAL"


@strawberry.enum
class PaymentPurpose(Enum):
    BILL_PAYMENT = "BILL_PAYMENT"
    WALLET_DEPOSIT = "WALLET_DEPOSIT"


@strawberry.enum
class WalletTransactionKind(Enum):
    DEPOSIT = "DEPOSIT"
    BILL_PAYMENT = "BILL_PAYMENT"
    REFUND = "REFUND"
    REWARD = "REWARD"
    TRANSFER_IN = "TRANSFER_IN"
    TRANSFER_OUT = "TRANSFER_OUT"
    ADJUSTMENT = "ADJUSTMENT"
    HOLD = "HOLD"
    RELEASE = "RELEASE"


@strawberry.type
class BillRef:
    id: strawberry.ID
    number: str


@strawberry.type
class BitcoinDetails:
    address: str
    amount_btc: Decimal
    expires_at: datetime
    confirmations: int
    required_confirmations: int


@strawberry.type
class Payment:
    id: strawberry.ID
    reference: str
    purpose: PaymentPurpose
    provider: PaymentProvider
    amount: Money
    status: PaymentStatus
    checkout_url: str | None
    client_secret: str | None
    bitcoin: BitcoinDetails | None
    failure_code: str | None
    failure_message: str | None
    created_at: datetime
    completed_at: datetime | None
    bill_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field
    async def bill(self, info: Info) -> BillRef | None:
        if self.bill_id is None:
            return None
        found = await info.context.loaders.bill.load(self.bill_id)
        return BillRef(id=strawberry.ID(str(found.id)), number=found.number) if found else None

    @classmethod
    def from_model(cls, payment: PaymentModel) -> Payment:
        return cls(
            id=strawberry.ID(str(payment.id)),
            reference=payment.reference,
            purpose=PaymentPurpose(payment.purpose),
            provider=PaymentProvider(payment.provider),
            amount=Money.of(payment.amount, payment.currency),
            status=PaymentStatus(payment.status),
            checkout_url=payment.checkout_url,
            client_secret=payment.client_secret,
            bitcoin=None,
            failure_code=payment.failure_code,
            failure_message=payment.failure_message,
            created_at=payment.created_at,
            completed_at=payment.completed_at,
            bill_id=uuid.UUID(str(payment.bill_id)) if payment.bill_id else None,
        )


@strawberry.type
class BillResident:
    """The bill's resident as a bill shows them: enough to address them."""

    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def user(self, info: Info) -> BillResidentUser:
        found = await info.context.loaders.user.load(self.user_id)
        return BillResidentUser(full_name=found.full_name if found else "")


@strawberry.type
class BillResidentUser:
    full_name: str


@strawberry.type
class Bill:
    id: strawberry.ID
    number: str
    title: str
    description: str
    type: BillType
    amount: Money
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

    @strawberry.field
    async def resident(self, info: Info) -> BillResident:
        found = await info.context.loaders.resident.load(self.resident_id)
        assert found is not None, "a bill's resident is never deleted"
        return BillResident(id=strawberry.ID(str(found.id)), user_id=uuid.UUID(str(found.user_id)))

    @strawberry.field
    async def unit(self, info: Info) -> Unit | None:
        if self.unit_id is None:
            return None
        found = await info.context.loaders.unit.load(self.unit_id)
        return Unit.from_model(found) if found else None

    @strawberry.field
    async def payments(self, info: Info) -> list[Payment]:
        rows = await info.context.loaders.payments_by_bill.load(uuid.UUID(self.id))
        return [Payment.from_model(p) for p in rows]

    @classmethod
    def from_model(cls, bill: BillModel, today: date) -> Bill:
        return cls(
            id=strawberry.ID(str(bill.id)),
            number=bill.number,
            title=bill.title,
            description=bill.description,
            type=BillType(bill.type),
            amount=Money.of(bill.amount, bill.currency),
            amount_paid=Money.of(bill.amount_paid, bill.currency),
            balance_due=Money.of(bill.balance_due, bill.currency),
            status=BillStatus(bill.status),
            due_date=bill.due_date,
            is_overdue=bill.status
            in ("ACKNOWLEDGED", "PARTIALLY_PAID", "OVERDUE", "PENDING_ACKNOWLEDGMENT")
            and bill.due_date < today,
            created_at=bill.created_at,
            acknowledged_at=bill.acknowledged_at,
            dispute_reason=bill.dispute_reason,
            dispute_resolution=bill.dispute_resolution,
            resident_id=uuid.UUID(str(bill.resident_id)),
            unit_id=uuid.UUID(str(bill.unit_id)) if bill.unit_id else None,
        )


@strawberry.type
class CreateBillsPayload:
    count: int
    bills: list[Bill]


@strawberry.type
class StatusCount:
    status: BillStatus
    count: int


@strawberry.type
class BillsSummary:
    outstanding: Money
    overdue: Money
    paid_this_month: Money
    count_by_status: list[StatusCount]

    @classmethod
    def from_data(cls, data: BillsSummaryData, currency: str) -> BillsSummary:
        return cls(
            outstanding=Money.of(data.outstanding, currency),
            overdue=Money.of(data.overdue, currency),
            paid_this_month=Money.of(data.paid_this_month, currency),
            count_by_status=[
                StatusCount(status=BillStatus(s), count=n)
                for s, n in sorted(data.count_by_status.items())
            ],
        )


# --- dashboard -------------------------------------------------------------------------
@strawberry.enum
class DashboardPeriod(Enum):
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"


@strawberry.type
class RevenueBucket:
    bucket_start: datetime = strawberry.field(
        description="Local start of the bucket in the estate's timezone, with its offset."
    )
    amount: Money


@strawberry.type(
    description="Figures of the current period in the estate's timezone; see "
    "services/dashboard/figures.py for the exact definitions."
)
class Dashboard:
    period: DashboardPeriod
    window_start: datetime
    window_end: datetime
    collected: Money
    outstanding: Money
    overdue: Money
    collection_rate: float
    bills_by_status: list[StatusCount]
    revenue_series: list[RevenueBucket]

    @classmethod
    def from_figures(cls, figures: DashboardFigures) -> Dashboard:
        currency = figures.currency
        return cls(
            period=DashboardPeriod(figures.period),
            window_start=figures.window_start,
            window_end=figures.window_end,
            collected=Money.of(figures.collected, currency),
            outstanding=Money.of(figures.outstanding, currency),
            overdue=Money.of(figures.overdue, currency),
            collection_rate=figures.collection_rate,
            bills_by_status=[
                StatusCount(status=BillStatus(s), count=n)
                for s, n in figures.bills_by_status.items()
            ],
            revenue_series=[
                RevenueBucket(bucket_start=b.start, amount=Money.of(b.amount, currency))
                for b in figures.revenue_series
            ],
        )


# --- end dashboard ---------------------------------------------------------------------


@strawberry.type
class WalletTransaction:
    id: strawberry.ID
    kind: WalletTransactionKind
    amount: Money
    balance_after: Money
    description: str
    reference: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, line: AccountLine) -> WalletTransaction:
        posting, entry = line.posting, line.entry
        kind = entry.kind if entry.kind in WalletTransactionKind.__members__ else "ADJUSTMENT"
        return cls(
            id=strawberry.ID(str(posting.id)),
            kind=WalletTransactionKind(kind),
            amount=Money.of(posting.amount, posting.currency),
            balance_after=Money.of(posting.balance_after, posting.currency),
            description=entry.description,
            reference=entry.reference,
            created_at=posting.created_at,
        )


@strawberry.type
class LedgerEntry:
    """One movement on the estate's revenue wallet."""

    id: strawberry.ID
    kind: str
    amount: Money
    balance_after: Money
    description: str
    reference: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, line: AccountLine) -> LedgerEntry:
        posting, entry = line.posting, line.entry
        return cls(
            id=strawberry.ID(str(entry.id)),
            kind=entry.kind,
            amount=Money.of(posting.amount, posting.currency),
            balance_after=Money.of(posting.balance_after, posting.currency),
            description=entry.description,
            reference=entry.reference,
            created_at=posting.created_at,
        )


@strawberry.type
class Wallet:
    id: strawberry.ID
    balance: Money
    available: Money
    frozen: bool
    has_pin: bool
    locked: bool
    account_id: strawberry.Private[uuid.UUID]

    @strawberry.field
    async def transactions(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[WalletTransaction]:
        page = await account_history(
            self.account_id, first, after, info.context.settings.page_size_cap
        )
        return connection(page, WalletTransaction.from_model)

    @classmethod
    def from_model(cls, wallet: WalletModel, now: datetime) -> Wallet:
        account = wallet.account
        return cls(
            id=strawberry.ID(str(wallet.id)),
            balance=Money.of(account.balance, account.currency),
            available=Money.of(account.available, account.currency),
            frozen=wallet.frozen,
            has_pin=wallet.pin_hash is not None,
            locked=wallet.locked_until is not None and wallet.locked_until > now,
            account_id=uuid.UUID(str(account.id)),
        )


@strawberry.type
class EstateWallet:
    balance: Money
    account_id: strawberry.Private[uuid.UUID | None]

    @strawberry.field
    async def operations(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[LedgerEntry]:
        if self.account_id is None:  # nothing has been paid yet
            return Connection(
                edges=[],
                page_info=PageInfo(has_next_page=False, end_cursor=None),
                count=nothing_to_count,
            )
        page = await account_history(
            self.account_id, first, after, info.context.settings.page_size_cap
        )
        return connection(page, LedgerEntry.from_model)


@strawberry.type
class NotificationDelivery:
    """How a notification went out by email or SMS (status PENDING, SENDING, SENT,
    FAILED (retried), UNDELIVERABLE, or DEAD: retries spent, `lastError` says why)."""

    channel: str
    status: str
    attempts: int
    last_error: str | None
    sent_at: datetime | None


@strawberry.type
class NotificationPreferences:
    """Which channels reach the signed-in user in this estate; in-app always does."""

    email: bool
    sms: bool
    muted_kinds: list[str]


@strawberry.type
class Notification:
    id: strawberry.ID
    kind: str
    title: str
    body: str
    read_at: datetime | None
    created_at: datetime

    @strawberry.field
    async def deliveries(self, info: Info) -> list[NotificationDelivery]:
        rows = await info.context.loaders.deliveries_by_notification.load(uuid.UUID(self.id))
        return [
            NotificationDelivery(
                channel=r.channel,
                status=r.status,
                attempts=r.attempts,
                last_error=r.last_error,
                sent_at=r.sent_at,
            )
            for r in rows
        ]

    @classmethod
    def from_model(cls, row: NotificationModel) -> Notification:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            title=row.title,
            body=row.body,
            read_at=row.read_at,
            created_at=row.created_at,
        )


@strawberry.type
class GatewayConfig:
    id: strawberry.ID
    provider: PaymentProvider
    display_name: str
    api_base_url: str | None
    is_active: bool
    is_default: bool
    secrets_set: bool
    created_at: datetime

    @classmethod
    def from_model(cls, config: GatewayConfigModel) -> GatewayConfig:
        return cls(
            id=strawberry.ID(str(config.id)),
            provider=PaymentProvider(config.provider),
            display_name=config.display_name,
            api_base_url=config.api_base_url,
            is_active=config.is_active,
            is_default=config.is_default,
            secrets_set=bool(config.credentials_encrypted),
            created_at=config.created_at,
        )


@strawberry.type
class ConnectionTest:
    ok: bool
    message: str


@strawberry.type
class WebhookEvent:
    id: strawberry.ID
    provider: PaymentProvider
    event_id: str
    type: str
    status: str
    attempts: int
    received_at: datetime
    processed_at: datetime | None
    error: str | None
    next_attempt_at: datetime | None

    @classmethod
    def from_model(cls, event: WebhookEventModel) -> WebhookEvent:
        return cls(
            id=strawberry.ID(str(event.id)),
            provider=PaymentProvider(event.provider),
            event_id=event.event_id,
            type=event.type,
            status=event.status,
            attempts=event.attempts,
            received_at=event.received_at,
            processed_at=event.processed_at,
            error=event.error,
            next_attempt_at=event.next_attempt_at,
        )


# Recurring payments.


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
    async def resident(self, info: Info) -> BillResident:
        found = await info.context.loaders.resident.load(self.resident_id)
        assert found is not None, "a plan's resident is never deleted"
        return BillResident(id=strawberry.ID(str(found.id)), user_id=uuid.UUID(str(found.user_id)))

    @classmethod
    def from_model(cls, plan: RecurringPaymentModel) -> RecurringPayment:
        return cls(
            id=strawberry.ID(str(plan.id)),
            title=plan.title,
            amount=Money.of(plan.amount, plan.currency),
            frequency=RecurringFrequency(plan.frequency),
            status=RecurringPaymentStatus(plan.status),
            start_date=plan.start_date,
            next_run_date=None if plan.status == "CANCELLED" else plan.next_run_date,
            next_attempt_at=plan.next_attempt_at,
            last_run_at=plan.last_run_at,
            failure_count=plan.failure_count,
            max_failures=plan.max_failures,
            bill_type=BillType(plan.bill_type) if plan.bill_type else None,
            last_failure_code=plan.last_failure_code,
            last_failure=plan.last_failure,
            created_at=plan.created_at,
            resident_id=uuid.UUID(str(plan.resident_id)),
        )
