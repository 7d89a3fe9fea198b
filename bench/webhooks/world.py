"""The webhooks bench's names and amounts, and its estate: the Paystack gateway and residents."""

from __future__ import annotations

import sys
import uuid

from bench.common import (
    log,
)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/estatepay_bench_webhooks"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
SLUG = "bench-webhooks"
SCHEMA = "t_bench_webhooks"
SECRET = "sk_test_bench_webhooks_secret"
CURRENCY = "NGN"
AMOUNT = 250_000  # minor units: 2,500.00 NGN per bill and payment
RESIDENTS = 50
QUEUE = "webhooks"  # the actor's Dramatiq queue
ID_BLOCK = 10**12  # load generator i signs transaction ids i * ID_BLOCK + n; part 2 < ID_BLOCK
START_LEAD_S = 0.5  # the load generators get their orders this long before the start
SELF = [sys.executable, "-m", "bench.webhooks"]  # run from ROOT

SHIM = "shim"
BARE = "bare"
WORKER = "worker"
IN_PROCESS = "in-process"


# --- setup ----------------------------------------------------------------------------


async def provision(paystack_url: str, encryption_key: str) -> list[uuid.UUID]:
    """The estate, its Paystack gateway and system accounts, and the residents."""
    from services.estates import provisioning
    from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES, system_account
    from services.payments.gateways.config import GatewayInput, configure
    from services.residents.models import Resident
    from tenants.scope import tenant_scope

    await provisioning.create_estate(
        provisioning.EstateInput(
            slug=SLUG,
            name="Webhooks bench estate",
            currency=CURRENCY,
            timezone="Africa/Lagos",
            admin_email=f"admin@{SLUG}.example.com",
            admin_full_name="Bench Admin",
            admin_password="bench-Passw0rd!",
        )
    )
    async with tenant_scope(SLUG):
        await configure(
            None,
            GatewayInput(
                provider="PAYSTACK",
                display_name="Paystack",
                credentials={"secretKey": SECRET, "publicKey": "pk_test_bench"},
                api_base_url=paystack_url,
                is_active=True,
                is_default=True,
            ),
            encryption_key,
        )
        for code in (ESTATE_REVENUE, PLATFORM_FEES, "clearing:paystack"):
            await system_account(code, CURRENCY)
        # No shared-schema user: settling reads only the resident's user_id.
        residents = [(await Resident.create(user_id=uuid.uuid4())).id for _ in range(RESIDENTS)]
    log(f"estate {SLUG!r}: Paystack gateway at {paystack_url}, {RESIDENTS} residents")
    return residents
