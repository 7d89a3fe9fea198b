from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from strawberry.scalars import JSON

from schema.types import (
    BillStatus,
    BillType,
    PaymentProvider,
    PaymentPurpose,
    PaymentStatus,
    RecurringFrequency,
)
from services.recurring.models import DEFAULT_MAX_FAILURES


@strawberry.input
class CreateEstateInput:
    slug: str
    name: str
    currency: str
    timezone: str
    admin_email: str
    admin_full_name: str
    admin_password: str


@strawberry.input
class CreatePropertyInput:
    name: str
    address: str | None = None


@strawberry.input
class CreateUnitInput:
    property_id: strawberry.ID
    label: str


@strawberry.input
class CreateResidentInput:
    email: str
    full_name: str
    password: str
    unit_ids: list[strawberry.ID]
    phone: str | None = None


@strawberry.input
class CreateBillInput:
    resident_id: strawberry.ID
    title: str
    type: BillType
    amount: Decimal
    due_date: date
    unit_id: strawberry.ID | None = None
    description: str | None = None
    currency: str | None = None


@strawberry.input
class CreateBillsInput:
    title: str
    type: BillType
    amount: Decimal
    due_date: date
    resident_ids: list[strawberry.ID] | None = None
    property_id: strawberry.ID | None = None
    description: str | None = None
    currency: str | None = None


@strawberry.input
class BillFilter:
    status: list[BillStatus] | None = None
    resident_id: strawberry.ID | None = None
    property_id: strawberry.ID | None = None
    type: BillType | None = None
    overdue_only: bool = False
    due_before: date | None = None
    due_after: date | None = None


@strawberry.input
class PaymentFilter:
    status: list[PaymentStatus] | None = None
    provider: PaymentProvider | None = None
    purpose: PaymentPurpose | None = None
    bill_id: strawberry.ID | None = None
    resident_id: strawberry.ID | None = None


@strawberry.input
class ConfigureGatewayInput:
    provider: PaymentProvider
    display_name: str
    credentials: JSON | None = None
    api_base_url: str | None = None
    is_active: bool = True
    is_default: bool = False


@strawberry.input
class WebhookEventFilter:
    status: str | None = None
    provider: PaymentProvider | None = None


# Notifications.


@strawberry.input
class NotificationPreferencesInput:
    """Omitted fields stay as they are."""

    email: bool | None = None
    sms: bool | None = None
    # Kinds (BILL_REMINDER, ...) to receive in-app only.
    muted_kinds: list[str] | None = None


# Recurring payments.


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
