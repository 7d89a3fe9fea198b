"""The world the differential test reads: one estate with every kind of row the read API
can show, made through the public API and the workers' own jobs (fake providers over
HTTP for the provider payments), and a second estate whose rows must never show up.
Names carry non-ASCII text, quotes, backslashes, U+2028 and newlines (where the input
boundary allows one), so that both paths' JSON escaping is compared."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from estatepay.demo.fakes.stripe import FakeStripe
from services.estates import provisioning
from services.residents.models import Occupancy
from tenants.scope import tenant_scope
from tests.compiled.builder import Builder, Caller, DiffWorld
from tests.conftest import PASSWORD, GraphQLClient, unique_slug
from workers import tasks

# In every name of the home estate: what JSON must escape, and what it must not.
ODD = ' Ẹ̀kọ́ "quoted" back\\slash \u2028 ß/<&> 🏡'
# In every name of the other estate: a response to the home estate never contains it.
FOREIGN_MARK = "Zz-foreign-row"
SECRETS = {"secretKey": "sk_test_diff", "publicKey": "pk_test_diff"}


@dataclass
class Fakes:
    paystack: FakePaystack
    flutterwave: FakeFlutterwave
    stripe: FakeStripe
    urls: dict[str, str]


@contextmanager
def fake_providers() -> Iterator[Fakes]:
    fakes = Fakes(
        FakePaystack(SECRETS["secretKey"]),
        FakeFlutterwave(SECRETS["secretKey"], "diff-hash"),
        FakeStripe(SECRETS["secretKey"], "whsec_diff"),
        {},
    )
    with ExitStack() as stack:
        for name in ("paystack", "flutterwave", "stripe"):
            fakes.urls[name.upper()] = stack.enter_context(serving(getattr(fakes, name).app()))
        yield fakes


async def _estate(name: str, admin_name: str, currency: str = "NGN") -> tuple[str, str]:
    slug = unique_slug("diff")
    email = f"admin@{slug}.test"
    await provisioning.create_estate(
        provisioning.EstateInput(
            slug=slug,
            name=name,
            currency=currency,
            timezone="Africa/Lagos",
            admin_email=email,
            admin_full_name=admin_name,
            admin_password=PASSWORD,
        )
    )
    return slug, email


async def _gateways(admin: GraphQLClient, fakes: Fakes) -> None:
    credentials = {
        "PAYSTACK": SECRETS,
        "FLUTTERWAVE": {**SECRETS, "webhookHash": "diff-hash"},
        "STRIPE": {**SECRETS, "webhookSecret": "whsec_diff"},
    }
    for provider, url in fakes.urls.items():
        await admin.ok(
            "mutation($p: PaymentProvider!, $n: String!, $c: JSON!, $u: String!, $d: Boolean!) "
            "{ configureGateway(input: {provider: $p, displayName: $n, credentials: $c, "
            "apiBaseUrl: $u, isDefault: $d}) { id } }",
            p=provider,
            n=provider.title(),
            c=credentials[provider],
            u=url,
            d=provider == "PAYSTACK",
        )
    await admin.ok(
        'mutation { configureGateway(input: {provider: MANUAL, displayName: "Bank", '
        'credentials: {bankName: "Bank", accountNumber: "0123456789", accountName: "E"}}) '
        "{ id } }"
    )


async def _people(b: Builder) -> None:
    """Properties, units (labels that sort differently from their creation order, one
    label in two properties) and residents with and without phones and units."""
    block = await b.property(f"Block A{ODD}", "12 Palm Grove\nLekki \\ Lagos")
    tower = await b.property("Tower ß", None)
    await b.property("Empty lot", "nowhere")
    z9, a1, a2 = [await b.unit(block, label) for label in ("Z9", "A1", "A2")]
    t_a1 = await b.unit(tower, "A1")
    await b.unit(tower, 'B7 "north"')
    await b.resident("ada", f"Adá Ọbí{ODD}", [z9, a1, t_a1], "+2348030000001")
    await b.resident("bo", "Bo O'Neil", [a2], None)
    await b.resident("cy", "Cy 'no unit' Ünal", [a2], "+2348030000003")


async def _bills_and_payments(b: Builder, fakes: Fakes) -> None:
    ada_units = b.world.ids["unit"]
    await b.fund("ada", "200000.00")
    await b.fund("bo", "9000.00")
    await b.fund("ada", "-150.00", reason="correction\nof a typo")
    await b.bill(
        "ada",
        "1500.00",
        title=f"Service charge{ODD}",
        unit=ada_units[1],
        description='line one\nline two "quoted" \\',
        acknowledge=False,
    )
    await b.bill("ada", "99.99", title="Water", type="WATER", acknowledge=True)
    disputed = await b.bill("ada", "700.00", title="Levy", type="LEVY", unit=ada_units[0])
    await b.as_("ada").ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "never\\nreceived \\"it\\"") { id } }',
        id=disputed,
    )
    resolved = await b.bill("ada", "40.00", title="Security", type="SECURITY")
    await b.as_("ada").ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "too much") { id } }', id=resolved
    )
    await b.admin.ok(
        'mutation($id: ID!) { resolveDispute(id: $id, action: ADJUST, amount: "30.00", '
        'note: "agreed: 30") { id } }',
        id=resolved,
    )
    partly = await b.bill("ada", "1000.00", title="Rent", type="RENT")
    await b.from_wallet("ada", partly, "250.50")
    paid = await b.bill("ada", "300.00", title="Electricity", type="ELECTRICITY")
    partly_refunded = await b.from_wallet("ada", paid)
    await b.refund(partly_refunded["id"], "100.00", "meter misread")
    bo_paid = await b.bill("bo", "120.00", title="Waste", type="WASTE")
    refunded = await b.from_wallet("bo", bo_paid)
    await b.refund(refunded["id"], None, "billed twice")
    await b.from_wallet("bo", await b.bill("bo", "80.00", title="Waste, again", type="WASTE"))
    cancelled = await b.bill("ada", "55.00", title="Other", type="OTHER", acknowledge=False)
    await b.admin.ok(
        'mutation($id: ID!) { cancelBill(id: $id, reason: "raised\\nby mistake") { id } }',
        id=cancelled,
    )
    # Past due: acknowledged and part paid turn OVERDUE; not acknowledged or disputed stay.
    await b.bill("ada", "400.00", title="Old levy", type="LEVY", due="2024-01-15")
    overdue_part = await b.bill("bo", "200.00", title="Old rent", type="RENT", due="2024-02-29")
    await b.from_wallet("bo", overdue_part, "50.00")
    await b.bill("ada", "10.00", title="Old, unseen", due="2024-03-01", acknowledge=False)
    old_disputed = await b.bill("cy", "20.00", title="Old, disputed", due="2024-03-02")
    await b.as_("cy").ok(
        'mutation($id: ID!) { disputeBill(id: $id, reason: "moved out") { id } }', id=old_disputed
    )
    await tasks.mark_overdue_bills(b.world.slug, datetime.now(UTC).isoformat())

    # Provider payments: one left PENDING past the window, then expired by the job.
    expiring = await b.bill("ada", "15.00", title="Expiring", type="WATER")
    await b.through("ada", "PAYSTACK", expiring, "15.00")
    later = (datetime.now(UTC) + timedelta(hours=3)).isoformat()
    await tasks.expire_stale_payments(b.world.slug, later)
    for provider in ("PAYSTACK", "FLUTTERWAVE", "STRIPE"):
        bill = await b.bill("ada", "60.00", title=f"Paid by {provider}", type="SECURITY")
        done = await b.through("ada", provider, bill, "60.00")
        getattr(fakes, provider.lower()).complete(done["reference"])
        await b.verify("ada", done["reference"])
        deposit = await b.through("ada", provider, None, "500.00")
        getattr(fakes, provider.lower()).complete(deposit["reference"])
        await b.verify("ada", deposit["reference"])
        await b.through("ada", provider, await b.bill("ada", "5.00", title="Open"), "5.00")
        if provider == "PAYSTACK":
            await b.refund(done["id"], "10.00", "goodwill")
    declined = await b.through("bo", "PAYSTACK", await b.bill("bo", "33.00", title="D"), "33.00")
    fakes.paystack.complete(declined["reference"], status="failed", gateway_response="Declined")
    await b.verify("bo", declined["reference"])
    fakes.flutterwave.failing_with = 503  # refused at the start: FAILED at once
    await b.as_("bo").execute(
        'mutation($k: String!) { depositToWallet(amount: "10.00", provider: FLUTTERWAVE, '
        "idempotencyKey: $k) { id } }",
        k=uuid.uuid4().hex,
    )
    fakes.flutterwave.failing_with = None
    for outcome in ("approve", "reject", None):
        manual = await b.manual("cy", await b.bill("cy", "45.00", title="By transfer"), "45.00")
        if outcome:
            await b.admin.ok(
                f"mutation($p: ID!) {{ {outcome}ManualPayment(paymentId: $p, "
                'note: "checked\\nstatement") { id } }',
                p=manual["id"],
            )


async def _notifications(b: Builder) -> None:
    """Some read, some delivered (console channels: nothing leaves the machine)."""
    for key in ("ada", "bo"):
        data = await b.as_(key).ok("{ notifications(first: 100) { edges { node { id } } } }")
        ids = [e["node"]["id"] for e in data["notifications"]["edges"]]
        b.world.add("notification", *ids)
        await b.as_(key).ok("mutation($i: [ID!]!) { markNotificationsRead(ids: $i) }", i=ids[::3])
        for notification_id in ids[1::4]:
            await tasks.deliver_notification_once(b.world.slug, notification_id)
    data = await b.admin.ok("{ notifications(first: 100) { edges { node { id } } } }")
    ids = [e["node"]["id"] for e in data["notifications"]["edges"]]
    b.world.add("notification", *ids)
    await b.admin.ok("mutation($i: [ID!]!) { markNotificationsRead(ids: $i) }", i=ids[:2])


SETTINGS = """mutation($i: UpdateEstateSettingsInput!, $e: String) {
  updateEstateSettings(input: $i, estate: $e) { id } }"""


async def _rewards_and_settings(b: Builder, operator: GraphQLClient) -> None:
    """Rewards of every kind of entry for ada (bo has no rewards account, cy one back at
    zero), the platform's fees (set by the operator) and the estate's payout settings."""
    admin = b.admin
    grants = [
        ("ada", "75.00", f"welcome{ODD}"),
        ("ada", "12.34", "streak\nbonus"),
        ("cy", "5.00", "hi"),
    ]
    for key, amount, reason in grants:
        await admin.ok(
            "mutation($r: ID!, $a: Decimal!, $why: String!, $k: String!) { grantReward("
            "residentId: $r, amount: $a, reason: $why, idempotencyKey: $k) { __typename } }",
            r=b.residents[key][1],
            a=amount,
            why=reason,
            k=uuid.uuid4().hex,
        )
    for key, amount in (("ada", "-2.34"), ("cy", "-5.00")):
        await admin.ok(
            "mutation($r: ID!, $a: Decimal!, $k: String!) { adjustRewards(residentId: $r, "
            'amount: $a, reason: "correction", idempotencyKey: $k) { __typename } }',
            r=b.residents[key][1],
            a=amount,
            k=uuid.uuid4().hex,
        )
    spent = await b.bill("ada", "20.00", title="Paid with rewards", type="OTHER")
    await b.as_("ada").ok(
        'mutation($b: ID!, $k: String!) { applyRewards(billId: $b, amount: "8.50", '
        "idempotencyKey: $k) { id } }",
        b=spent,
        k=uuid.uuid4().hex,
    )
    fees = {"platformFeePercent": "1.75", "platformFeeFixed": "25.00"}
    await operator.ok(SETTINGS, i=fees, e=b.world.slug)
    payouts = {
        "payoutProvider": "PAYSTACK",
        "autoPayoutThreshold": "60000.00",
        "autoPayoutBankAccount": {"bankCode": "058", "accountNumber": "0123456789"},
    }
    await admin.ok(SETTINGS, i=payouts)
    # Their cursors join the wallets' (a connection named `transactions` too).
    data = await admin.ok(
        "query($r: ID!) { resident(id: $r) { rewards { transactions(first: 100) "
        "{ edges { cursor } } } } }",
        r=b.residents["ada"][1],
    )
    edges = data["resident"]["rewards"]["transactions"]["edges"]
    b.world.cursors.setdefault("transactions", []).extend(e["cursor"] for e in edges)


async def _unhouse(slug: str, resident_id: str) -> None:
    """`moveOutResident` (API.md) is not built yet: this is the state it leaves, a
    resident with no unit, which createResident cannot make."""
    async with tenant_scope(slug):
        await Occupancy.filter(resident_id=resident_id).delete()


async def _foreign(gql: GraphQLClient, fakes: Fakes, world: DiffWorld) -> None:
    slug, email = await _estate(f"{FOREIGN_MARK} estate", f"{FOREIGN_MARK} admin", "USD")
    admin = await gql.as_tenant(slug).login(email)
    other = DiffWorld(slug, world.slug)
    b = Builder(gql, other, admin)
    prop = await b.property(f"{FOREIGN_MARK} block", f"{FOREIGN_MARK} street")
    await b.resident("zed", f"{FOREIGN_MARK} resident", [await b.unit(prop, "F1")], None)
    await b.fund("zed", "100.00")
    await b.from_wallet("zed", await b.bill("zed", "10.00", title=FOREIGN_MARK, unit=None))
    await b.bill("zed", "7.00", title=FOREIGN_MARK, acknowledge=False)
    world.callers["foreign-admin"] = Caller(admin.token, slug)
    world.callers["resident-foreign-tenant"] = Caller(world.callers["ada"].token, slug)
    for values in other.ids.values():
        world.add("foreign", *values)
    world.references += other.references


CONNECTIONS = {
    "bills": "bills(first: 2, after: $a)",
    "payments": "payments(first: 2, after: $a)",
    "residents": "residents(first: 1, after: $a)",
    "properties": "properties(first: 1, after: $a)",
    "notifications": "notifications(first: 3, after: $a)",
    "operations": "estateWallet { operations(first: 3, after: $a)",
    "transactions": "wallet { transactions(first: 3, after: $a)",
}


async def _cursors(world: DiffWorld, clients: list[GraphQLClient]) -> None:
    """Every cursor each list hands out, paging through it as admin and resident."""
    for client in clients:
        for name, head in CONNECTIONS.items():
            after = None
            for _ in range(60):
                closing = "}" * (head.count("{") + 1)
                body = await client.execute(
                    f"query($a: String) {{ {head} {{ pageInfo {{ hasNextPage endCursor }} }} "
                    f"{closing}",
                    a=after,
                )
                node = (body.get("data") or {}).get(head.split("(")[0].split(" ")[0])
                if not node:
                    break
                info = (node.get(name) or node)["pageInfo"]
                if info["endCursor"]:
                    world.cursors.setdefault(name, []).append(info["endCursor"])
                if not info["hasNextPage"]:
                    break
                after = info["endCursor"]


async def build_diff_world(gql: GraphQLClient, operator_email: str) -> DiffWorld:
    slug, email = await _estate(f"Home{ODD}", f"Admin{ODD}")
    admin = await gql.as_tenant(slug).login(email)
    operator = await gql.as_tenant(slug).login(operator_email)
    world = DiffWorld(slug, "")
    world.callers = {
        "admin": Caller(admin.token, slug),
        "platform-admin": Caller(operator.token, slug),
        "anonymous": Caller(None, slug),
    }
    b = Builder(gql, world, admin)
    with fake_providers() as fakes:
        await _gateways(admin, fakes)
        await _people(b)
        await _bills_and_payments(b, fakes)
        await _notifications(b)
        await _rewards_and_settings(b, operator)
        await _unhouse(slug, b.residents["cy"][1])
        await _foreign(gql, fakes, world)
    world.foreign_slug = world.callers["foreign-admin"].tenant or ""
    await _cursors(world, [admin, b.as_("ada")])
    me = await admin.ok("{ me { id } }")
    world.add("user", me["me"]["id"])
    return world
