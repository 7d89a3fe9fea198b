"""The demo estate seeded on the first start of the embedded default, and the fake
payment providers `estatepay serve` runs beside it so a provider payment can be clicked
through locally."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from starlette.routing import BaseRoute, Mount

from estatepay.demo.bitcoin import bitcoin_routes, configure_demo_bitcoin
from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.stripe import FakeStripe
from services.bills import issuing
from services.estates import provisioning, team
from services.identity.accounts import create_platform_admin
from services.identity.models import User
from services.money import parse_amount
from services.payments.gateways.config import GatewayInput, configure
from services.payments.gateways.models import GatewayConfig
from services.payments.wallet_payments import pay_bill_from_wallet
from services.properties import catalog
from services.residents import directory
from services.residents.models import Resident
from services.wallets import wallets
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import Settings

DEMO_SLUG = "demo"
# The fakes are mounted here, in the same app as the API: one port, nothing else to start.
FAKES_PATH = "/_fakes"


@dataclass(frozen=True)
class Login:
    role: str
    email: str
    password: str


LOGINS = [
    Login("platform admin", "operator@estatepay.local", "operator-pass-1"),
    Login("estate admin", "admin@demo.estatepay.local", "admin-pass-1"),
    Login("resident", "ada@demo.estatepay.local", "resident-pass-1"),
    Login("resident", "tunde@demo.estatepay.local", "resident-pass-2"),
    # Payouts need two admins: one requests, the other approves (maker-checker).
    Login("estate admin (approves payouts)", "bola@demo.estatepay.local", "admin-pass-2"),
]


@dataclass(frozen=True)
class FakeProvider:
    provider: str  # as in configureGateway
    name: str  # in URLs: /_fakes/{name}, /webhooks/{name}/demo
    display_name: str
    credentials: dict[str, str]


# Not secrets: keys that only the fakes below accept, for the demo estate's gateways.
FAKE_PROVIDERS = (
    FakeProvider(
        "PAYSTACK",
        "paystack",
        "Paystack (fake, demo)",
        {"secretKey": "fake-paystack-demo-secret", "publicKey": "fake-paystack-demo-public"},
    ),
    FakeProvider(
        "FLUTTERWAVE",
        "flutterwave",
        "Flutterwave (fake, demo)",
        {
            "secretKey": "fake-flutterwave-demo-secret",
            "webhookHash": "fake-flutterwave-demo-webhook-hash",
            "publicKey": "fake-flutterwave-demo-public",
        },
    ),
    FakeProvider(
        "STRIPE",
        "stripe",
        "Stripe (fake, demo)",
        {
            "secretKey": "fake-stripe-demo-secret",
            "webhookSecret": "fake-stripe-demo-webhook-secret",
            "publishableKey": "fake-stripe-demo-publishable",
        },
    ),
)
DEFAULT_FAKE = "PAYSTACK"


def local_base_url(host: str, port: int) -> str:
    """This server's address as the fakes, the gateways and a local browser reach it."""
    if host in ("", "0.0.0.0", "::"):  # listening everywhere: loopback is one of them
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def fake_api_url(base_url: str, fake: FakeProvider) -> str:
    return f"{base_url}{FAKES_PATH}/{fake.name}"


def fake_provider_routes(settings: Settings, base_url: str) -> list[BaseRoute]:
    """The fake Paystack, Flutterwave and Stripe under `/_fakes/`, their checkout pages
    sending signed webhooks to this server's shim for the demo estate."""
    if settings.is_production:  # they accept any payment: never beside real money
        raise RuntimeError("the fake payment providers are never served in production")
    paystack, flutterwave, stripe = FAKE_PROVIDERS

    def public(fake: FakeProvider) -> str:
        return fake_api_url(base_url, fake)

    def webhook(fake: FakeProvider) -> str:
        return f"{base_url}/webhooks/{fake.name}/{DEMO_SLUG}"

    apps = [
        FakePaystack(
            paystack.credentials["secretKey"],
            public_url=public(paystack),
            webhook_url=webhook(paystack),
        ).app(),
        FakeFlutterwave(
            flutterwave.credentials["secretKey"],
            flutterwave.credentials["webhookHash"],
            public_url=public(flutterwave),
            webhook_url=webhook(flutterwave),
        ).app(),
        FakeStripe(
            stripe.credentials["secretKey"],
            stripe.credentials["webhookSecret"],
            public_url=public(stripe),
            webhook_url=webhook(stripe),
        ).app(),
    ]
    return [
        *(
            Mount(f"{FAKES_PATH}/{fake.name}", app)
            for fake, app in zip(FAKE_PROVIDERS, apps, strict=True)
        ),
        *bitcoin_routes(),
    ]


async def configure_demo_gateways(base_url: str, encryption_key: str) -> None:
    """Point the demo estate's gateways at this server's fakes (through the same
    `configure` as `configureGateway`). Runs on every start: the address moves with
    `--port`. A gateway someone pointed elsewhere is left alone."""
    if not await Estate.exists(slug=DEMO_SLUG, status="ACTIVE"):
        return
    async with tenant_scope(DEMO_SLUG):
        for fake in FAKE_PROVIDERS:
            wanted = fake_api_url(base_url, fake)
            config = await GatewayConfig.get_or_none(provider=fake.provider)
            if config is None:
                default = fake.provider == DEFAULT_FAKE and not await GatewayConfig.exists(
                    is_default=True
                )
                await configure(
                    None,
                    GatewayInput(
                        fake.provider, fake.display_name, fake.credentials, wanted, True, default
                    ),
                    encryption_key,
                )
            elif config.api_base_url != wanted and f"{FAKES_PATH}/" in (config.api_base_url or ""):
                await configure(
                    None,
                    GatewayInput(
                        fake.provider,
                        config.display_name,
                        None,  # keeps the stored credentials
                        wanted,
                        config.is_active,
                        config.is_default,
                    ),
                    encryption_key,
                )
        await configure_demo_bitcoin(base_url, encryption_key)


def walkthrough(base_url: str) -> str:
    """The start-up banner's few lines on paying a seeded bill through a fake provider."""
    ada, admin, checker = LOGINS[2], LOGINS[1], LOGINS[4]
    return f"""
Try a provider payment (fake Paystack, Flutterwave and Stripe under {base_url}{FAKES_PATH}/):
  1. In GraphiQL: login(email: "{ada.email}", password: "{ada.password}") {{ token }},
     then headers {{"Authorization": "Bearer <token>", "X-Tenant": "{DEMO_SLUG}"}}
  2. bills(filter: {{status: [PENDING_ACKNOWLEDGMENT]}}) {{ edges {{ node {{ id }} }} }}; \
acknowledgeBill(id: "<id>") {{ status }}
  3. payBill(billId: "<id>", provider: PAYSTACK, idempotencyKey: "try-1") {{ checkoutUrl }} \
(or FLUTTERWAVE, STRIPE)
  4. Open checkoutUrl in a browser, press Pay (a signed webhook comes back): \
bill(id: "<id>") {{ status }} is PAID
  Or with Bitcoin (a fake testnet chain): payBill(..., provider: BITCOIN) \
{{ reference bitcoin {{ address amountBtc }} }}, then
     estatepay fakechain pay <address> <amountBtc> && estatepay fakechain mine 2
     and within a minute the payment is SUCCEEDED (verifyPayment(reference: ...) looks now)

Then pay the estate out (maker-checker):
  5. As {admin.email}: requestPayout(amount: "10000.00", bankAccount: {{bankCode: "058", \
accountNumber: "0123456789"}}, idempotencyKey: "po-1") {{ id status }}
  6. As {checker.email}: approvePayout(id: "<id>") {{ status }}; a moment later \
payout(id: "<id>") {{ status }} is PAID"""


async def seed_demo() -> bool:
    """Create the demo data unless it exists. Returns whether it was created."""
    if await Estate.exists(slug=DEMO_SLUG):
        return False
    operator, admin, ada, tunde, checker = LOGINS
    await create_platform_admin(operator.email, operator.password, "Platform Operator")
    estate = await provisioning.create_estate(
        provisioning.EstateInput(
            slug=DEMO_SLUG,
            name="Palm Grove Estate",
            currency="NGN",
            timezone="Africa/Lagos",
            admin_email=admin.email,
            admin_full_name="Grace Estate-Admin",
            admin_password=admin.password,
        )
    )
    admin_user = await User.get(email=admin.email)
    await team.add_estate_admin(
        admin_user.id,
        estate,
        team.AdminInput(checker.email, "Bola Second-Admin", None, checker.password),
    )
    async with tenant_scope(DEMO_SLUG):
        prop = await catalog.create_property(None, "Palm Grove Block A", "12 Palm Grove, Lekki")
        units = [await catalog.create_unit(None, str(prop.id), f"A{n}") for n in (1, 2, 3, 4)]
        residents = [
            await directory.create_resident(
                None,
                estate,
                directory.ResidentInput(
                    email=person.email,
                    full_name=name,
                    phone=None,
                    password=person.password,
                    unit_ids=[str(unit.id)],
                ),
            )
            for person, unit, name in ((ada, units[0], "Ada Obi"), (tunde, units[1], "Tunde Bello"))
        ]
        await _seed_money(estate, admin_user.id, *residents)
    return True


async def _seed_money(estate: Estate, admin_id: uuid.UUID, ada: Resident, tunde: Resident) -> None:
    """Bills to pay and modest wallet balances, all through the services (so the
    ledger, audit log and notifications hold exactly what a real estate's would)."""
    today = datetime.now(UTC).date()
    month = today.strftime("%B %Y")

    async def bill(resident: Resident, title: str, kind: str, amount: str, due_in_days: int) -> str:
        draft = issuing.BillDraft(
            title=title,
            description=None,
            type=kind,
            amount=parse_amount(amount, estate.currency),
            due_date=today + timedelta(days=due_in_days),
        )
        return str((await issuing.create_bill(admin_id, estate, str(resident.id), None, draft)).id)

    async def fund(resident: Resident, amount: str) -> None:
        wallet = await wallets.wallet_of(resident.id, estate.currency)
        money = parse_amount(amount, estate.currency)
        await wallets.adjust(
            admin_id, wallet, money, "Opening balance (demo)", f"demo-{resident.id}"
        )

    def owner(resident: Resident) -> issuing.Viewer:
        return issuing.Viewer(resident.user_id, is_admin=False, resident_id=resident.id)

    await fund(ada, "20000.00")
    await fund(tunde, "5000.00")
    # Waiting for acknowledgment: the provider walkthrough starts with one of these.
    await bill(ada, f"Service charge, {month}", "SERVICE_CHARGE", "25000.00", 30)
    await bill(ada, f"Water, {month}", "WATER", "4500.00", 14)
    await bill(tunde, f"Service charge, {month}", "SERVICE_CHARGE", "25000.00", 30)
    await bill(tunde, f"Waste collection, {month}", "WASTE", "3000.00", 14)
    # Acknowledged: payable straight away.
    waste = await bill(ada, f"Waste collection, {month}", "WASTE", "3000.00", 14)
    await issuing.acknowledge(owner(ada), waste)
    # Partly paid from the wallet: the rest can go through a provider.
    levy = await bill(ada, f"Security levy, {_quarter(today)}", "SECURITY", "12000.00", 21)
    await issuing.acknowledge(owner(ada), levy)
    await pay_bill_from_wallet(
        owner(ada),
        estate,
        levy,
        parse_amount("8000.00", estate.currency),
        None,
        "demo-levy-part-payment",
        datetime.now(UTC),
    )


def _quarter(day: date) -> str:
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"
