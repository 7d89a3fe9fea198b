"""The two Tortoise apps and the models each holds: the shared catalogue (estates,
users, the schedule's claims) and every estate's own tables. Both the connection set-up
and the migrations read these lists."""

from __future__ import annotations

SHARED_CONNECTION = "shared"
SHARED_MODELS = ["tenants.models", "services.identity.models", "workers.models"]
TENANT_MODELS = [
    "services.properties.models",
    "services.residents.models",
    "services.audit.models",
    "services.ledger.models",
    "services.wallets.models",
    "services.bills.models",
    "services.payments.models",
    "services.notifications.models",
    "services.payments.gateways.models",
    "services.recurring.models",
    "services.bitcoin.models",
    "services.payouts.models",
    "services.rewards.models",
    "services.payment_methods.models",
    "services.plans.models",
    "workers.models",  # JobRun (ScheduleClaim there is shared)
]
