"""The Query and Mutation roots: names from API.md, bodies in resolvers/."""

from __future__ import annotations

from collections.abc import AsyncIterator

import strawberry

from resolvers import bills as bill_resolvers
from resolvers import dashboard as dashboard_resolvers
from resolvers import estates as estate_resolvers
from resolvers import gateways as gateway_resolvers
from resolvers import identity as identity_resolvers
from resolvers import notifications as notification_resolvers
from resolvers import payments as payment_resolvers
from resolvers import properties as property_resolvers
from resolvers import recurring as recurring_resolvers
from resolvers import residents as resident_resolvers
from resolvers import subscriptions as subscription_resolvers
from resolvers import wallets as wallet_resolvers
from schema.types import (
    Bill,
    BillsSummary,
    Connection,
    ConnectionTest,
    CreateBillsPayload,
    Dashboard,
    Estate,
    EstateWallet,
    GatewayConfig,
    LoginPayload,
    Notification,
    NotificationPreferences,
    Payment,
    Property,
    RecurringPayment,
    Resident,
    Unit,
    User,
    Wallet,
    WebhookEvent,
)

# Root fields that open no operation-wide tenant scope: they touch no estate tables, or
# (createEstate, and those that call a provider, which must not hold a connection while
# it answers) open their own scopes. An operation made only of these runs unscoped.
UNSCOPED_FIELDS = frozenset(
    {
        "login",
        "me",
        "estates",
        "createEstate",
        "__typename",
        "payBill",
        "depositToWallet",
        "verifyPayment",
        "testGatewayConnection",
    }
)


@strawberry.type
class Query:
    me: User = strawberry.field(resolver=identity_resolvers.me)
    estate: Estate = strawberry.field(resolver=estate_resolvers.estate)
    estates: Connection[Estate] = strawberry.field(resolver=estate_resolvers.estates)
    properties: Connection[Property] = strawberry.field(resolver=property_resolvers.properties)
    property: Property = strawberry.field(resolver=property_resolvers.property_)
    residents: Connection[Resident] = strawberry.field(resolver=resident_resolvers.residents)
    resident: Resident = strawberry.field(resolver=resident_resolvers.resident)
    bills: Connection[Bill] = strawberry.field(resolver=bill_resolvers.bills)
    bill: Bill = strawberry.field(resolver=bill_resolvers.bill)
    bills_summary: BillsSummary = strawberry.field(resolver=bill_resolvers.bills_summary)
    wallet: Wallet = strawberry.field(resolver=wallet_resolvers.wallet)
    estate_wallet: EstateWallet = strawberry.field(resolver=wallet_resolvers.estate_wallet)
    payments: Connection[Payment] = strawberry.field(resolver=payment_resolvers.payments)
    payment: Payment = strawberry.field(resolver=payment_resolvers.payment)
    payment_by_reference: Payment = strawberry.field(
        resolver=payment_resolvers.payment_by_reference
    )
    gateways: list[GatewayConfig] = strawberry.field(resolver=gateway_resolvers.gateways)
    webhook_events: Connection[WebhookEvent] = strawberry.field(
        resolver=gateway_resolvers.webhook_events
    )
    notifications: Connection[Notification] = strawberry.field(
        resolver=notification_resolvers.notifications
    )
    # Notifications.
    notification_preferences: NotificationPreferences = strawberry.field(
        resolver=notification_resolvers.notification_preferences
    )
    # Recurring payments.
    recurring_payments: Connection[RecurringPayment] = strawberry.field(
        resolver=recurring_resolvers.recurring_payments
    )
    recurring_payment: RecurringPayment = strawberry.field(
        resolver=recurring_resolvers.recurring_payment
    )
    # dashboard
    dashboard: Dashboard = strawberry.field(resolver=dashboard_resolvers.dashboard)


@strawberry.type
class Mutation:
    login: LoginPayload = strawberry.mutation(resolver=identity_resolvers.login)
    create_estate: Estate = strawberry.mutation(resolver=estate_resolvers.create_estate)
    create_property: Property = strawberry.mutation(resolver=property_resolvers.create_property)
    create_unit: Unit = strawberry.mutation(resolver=property_resolvers.create_unit)
    create_resident: Resident = strawberry.mutation(resolver=resident_resolvers.create_resident)
    create_bill: Bill = strawberry.mutation(resolver=bill_resolvers.create_bill)
    create_bills: CreateBillsPayload = strawberry.mutation(resolver=bill_resolvers.create_bills)
    acknowledge_bill: Bill = strawberry.mutation(resolver=bill_resolvers.acknowledge_bill)
    dispute_bill: Bill = strawberry.mutation(resolver=bill_resolvers.dispute_bill)
    resolve_dispute: Bill = strawberry.mutation(resolver=bill_resolvers.resolve_dispute)
    cancel_bill: Bill = strawberry.mutation(resolver=bill_resolvers.cancel_bill)
    pay_bill_from_wallet: Payment = strawberry.mutation(
        resolver=payment_resolvers.pay_bill_from_wallet
    )
    set_wallet_pin: Wallet = strawberry.mutation(resolver=wallet_resolvers.set_wallet_pin)
    freeze_wallet: Wallet = strawberry.mutation(resolver=wallet_resolvers.freeze_wallet)
    unfreeze_wallet: Wallet = strawberry.mutation(resolver=wallet_resolvers.unfreeze_wallet)
    adjust_wallet: Wallet = strawberry.mutation(resolver=wallet_resolvers.adjust_wallet)
    pay_bill: Payment = strawberry.mutation(resolver=payment_resolvers.pay_bill)
    deposit_to_wallet: Payment = strawberry.mutation(resolver=payment_resolvers.deposit_to_wallet)
    verify_payment: Payment = strawberry.mutation(resolver=payment_resolvers.verify_payment)
    submit_manual_payment: Payment = strawberry.mutation(
        resolver=payment_resolvers.submit_manual_payment
    )
    approve_manual_payment: Payment = strawberry.mutation(
        resolver=payment_resolvers.approve_manual_payment
    )
    reject_manual_payment: Payment = strawberry.mutation(
        resolver=payment_resolvers.reject_manual_payment
    )
    refund_payment: Payment = strawberry.mutation(resolver=payment_resolvers.refund_payment)
    configure_gateway: GatewayConfig = strawberry.mutation(
        resolver=gateway_resolvers.configure_gateway
    )
    replay_webhook_event: WebhookEvent = strawberry.mutation(
        resolver=gateway_resolvers.replay_webhook_event
    )
    test_gateway_connection: ConnectionTest = strawberry.mutation(
        resolver=gateway_resolvers.test_gateway_connection
    )
    mark_notifications_read: int = strawberry.mutation(
        resolver=notification_resolvers.mark_notifications_read
    )
    # Notifications.
    set_notification_preferences: NotificationPreferences = strawberry.mutation(
        resolver=notification_resolvers.set_notification_preferences
    )
    # Recurring payments.
    create_recurring_payment: RecurringPayment = strawberry.mutation(
        resolver=recurring_resolvers.create_recurring_payment
    )
    pause_recurring_payment: RecurringPayment = strawberry.mutation(
        resolver=recurring_resolvers.pause_recurring_payment
    )
    resume_recurring_payment: RecurringPayment = strawberry.mutation(
        resolver=recurring_resolvers.resume_recurring_payment
    )
    cancel_recurring_payment: RecurringPayment = strawberry.mutation(
        resolver=recurring_resolvers.cancel_recurring_payment
    )


@strawberry.type
class Subscription:
    bill_updated: AsyncIterator[Bill] = strawberry.subscription(
        resolver=subscription_resolvers.bill_updated
    )
    payment_updated: AsyncIterator[Payment] = strawberry.subscription(
        resolver=subscription_resolvers.payment_updated
    )
    wallet_updated: AsyncIterator[Wallet] = strawberry.subscription(
        resolver=subscription_resolvers.wallet_updated
    )
    dashboard_updated: AsyncIterator[Dashboard] = strawberry.subscription(
        resolver=subscription_resolvers.dashboard_updated
    )
