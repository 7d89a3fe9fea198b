"""A hypothesis state machine interleaves bill payments into the estate wallet, payout
requests, approvals, rejections, cancellations, sends, and the provider's transfer
webhooks (success, failure, reversal; duplicated and out of order, through the shim's
inbox) against a fake Paystack over HTTP, and checks after every step that the ledger
verifies, `available` never goes negative, and paid out + held + available equals what
was collected net of fees."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Coroutine, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.bills import issuing
from services.errors import DomainError
from services.estates import team
from services.ledger.journal import ESTATE_REVENUE, PAYOUTS_IN_TRANSIT
from services.ledger.models import Account, Posting
from services.ledger.verify import verify_ledger
from services.money import Money
from services.payments import webhooks
from services.payments.gateways.config import GatewayInput, configure
from services.payments.wallet_payments import pay_bill_from_wallet
from services.payouts import processing, requests
from services.payouts.lifecycle import STATUSES
from services.payouts.models import Payout
from services.properties import catalog
from services.residents import directory
from services.wallets import wallets
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import get_settings
from tests.conftest import PASSWORD, make_estate

T = TypeVar("T")
NOW = datetime(2030, 1, 15, tzinfo=UTC)
SECRET = "sk_test_payout_machine"
KEY = get_settings().encryption_key
POLICY = webhooks.RetryPolicy(lease=timedelta(minutes=3), give_up_after=timedelta(days=3))
ACCOUNT = requests.BankAccount("058", "0123456789")


class PayoutMachine(RuleBasedStateMachine):
    loop: asyncio.AbstractEventLoop
    fake: FakePaystack
    url: str
    payouts = Bundle("payouts")
    outcomes: Counter[str] = Counter()
    statuses: set[str] = set()  # every payout status the runs reached

    def run(self, work: Coroutine[Any, Any, T], scoped: bool = True) -> T:
        async def inside() -> T:
            async with tenant_scope(self.slug):
                return await work

        return self.loop.run_until_complete(inside() if scoped else work)

    def attempt(self, work: Coroutine[Any, Any, Any], scoped: bool = True) -> Any:
        try:
            return self.run(work, scoped)
        except (DomainError, processing.SendIncomplete) as refusal:
            self.outcomes[getattr(refusal, "code", "SEND_INCOMPLETE")] += 1
            return None

    @initialize()
    def estate(self) -> None:
        fixture = self.loop.run_until_complete(make_estate("pm"))
        self.slug = fixture.slug
        self.hooks: list[tuple[bytes, dict[str, str]]] = []

        async def setup() -> None:
            await Estate.filter(id=fixture.estate.id).update(platform_fee_bps=150)
            self.estate_row = await Estate.get(id=fixture.estate.id)
            self.maker = (await team.members(self.estate_row, "ADMIN", 1, None, 10)).items[0]
            checker = await team.add_estate_admin(
                uuid.uuid4(),
                self.estate_row,
                team.AdminInput(f"c@{self.slug}.test", "Checker", None, PASSWORD),
            )
            self.checker_id = uuid.UUID(str(checker.user_id))
            async with tenant_scope(self.slug):
                await configure(
                    None,
                    GatewayInput("PAYSTACK", "fake", {"secretKey": SECRET}, self.url, True, True),
                    KEY,
                )
                prop = await catalog.create_property(None, "Block", "")
                unit = await catalog.create_unit(None, str(prop.id), "U1")
                resident = await directory.create_resident(
                    None,
                    self.estate_row,
                    directory.ResidentInput(
                        f"r@{self.slug}.test", "R", None, PASSWORD, [str(unit.id)]
                    ),
                )
                wallet = await wallets.wallet_of(resident.id, "NGN")
                await wallets.adjust(None, wallet, Money(10**10, "NGN"), "opening", "open")
                self.payer = issuing.Viewer(resident.user_id, False, resident.id)

        self.loop.run_until_complete(setup())
        self.collect(20_000_000)  # something to pay out from the first step

    @rule(amount=st.integers(1, 5_000_000))
    def collect(self, amount: int) -> None:
        async def pay() -> None:
            draft = issuing.BillDraft(
                "Charge", None, "LEVY", Money(amount, "NGN"), date(2030, 2, 1)
            )
            bill = await issuing.create_bill(
                self.checker_id, self.estate_row, str(self.payer.resident_id), None, draft
            )
            await issuing.acknowledge(self.payer, str(bill.id))
            await pay_bill_from_wallet(
                self.payer, self.estate_row, str(bill.id), None, None, uuid.uuid4().hex, NOW
            )

        self.run(pay())

    @rule(
        target=payouts,
        amount=st.one_of(st.integers(1, 1_500_000), st.integers(10_000_000, 40_000_000)),
    )
    def request(self, amount: int) -> Any:
        payout = self.attempt(
            requests.request_payout(
                uuid.UUID(str(self.maker.user_id)),
                self.estate_row,
                Money(amount, "NGN"),
                ACCOUNT,
                None,
                uuid.uuid4().hex,
                KEY,
            ),
            scoped=False,
        )
        if payout is not None:
            self.outcomes["requested"] += 1
        return str(payout.id) if payout else None

    @rule(payout=payouts, approve=st.sampled_from([True, True, True, False]))
    def decide(self, payout: str | None, approve: bool) -> None:
        if payout:
            decided = self.attempt(
                requests.decide(self.checker_id, self.estate_row, payout, approve, "note", NOW)
            )
            self.outcomes[f"decided:{decided.status if decided else None}"] += 1

    @rule(payout=payouts)
    def cancel(self, payout: str | None) -> None:
        if payout:
            self.attempt(requests.cancel(uuid.UUID(str(self.maker.user_id)), payout, None, NOW))

    @rule(payout=payouts, outcome=st.sampled_from(["success", "failed", "pending"]))
    def approve_and_send(self, payout: str | None, outcome: str) -> None:
        """Most payouts are approved and sent at once (the job runs on approval)."""
        self.decide(payout, True)
        self.send(payout, outcome)

    @rule(payout=payouts, outcome=st.sampled_from(["success", "failed", "pending"]))
    def send(self, payout: str | None, outcome: str) -> None:
        if payout:
            self.fake.desk.outcome = outcome
            timing = processing.Timing(timedelta(0))
            status = self.attempt(
                processing.send(self.estate_row, uuid.UUID(payout), KEY, NOW, timing), scoped=False
            )
            self.outcomes[f"sent:{status}"] += 1

    @rule(
        payout=payouts,
        status=st.sampled_from(["success", "failed", "reversed"]),
        deliver_now=st.booleans(),
    )
    def provider_settles(self, payout: str | None, status: str, deliver_now: bool) -> None:
        """The provider decides (a reversal only after success); its webhook waits."""

        async def reference_of(payout_id: str) -> str:
            return (await Payout.get(id=payout_id)).reference

        reference = self.run(reference_of(payout)) if payout else None
        transfer = self.fake.desk.transfers.get(reference or "")
        if transfer is None or transfer.status in ("failed", "reversed"):
            return
        if status == "reversed" and transfer.status == "pending":
            # It arrived, then the bank sent it back: the success webhook may come later.
            self.fake.desk.settle(transfer.reference, "success")
            self.hooks.append(self.fake.transfer_webhook(transfer.reference))
        self.fake.desk.settle(transfer.reference, status)
        self.hooks.append(self.fake.transfer_webhook(transfer.reference))
        if deliver_now:
            self.deliver_webhook(len(self.hooks) - 1)

    @rule(
        target=payouts,
        amount=st.integers(1, 500_000),
        path=st.sampled_from(["success", "failed", "reversed", "pending"]),
        deliver_now=st.booleans(),
    )
    def whole_round(self, amount: int, path: str, deliver_now: bool) -> Any:
        """One payout from request to the provider's last word (its webhook maybe held
        back), so every run reaches the ends that need several steps in a row."""
        payout = self.request(amount)
        self.approve_and_send(payout, "pending")
        if path != "pending":
            self.provider_settles(payout, path, deliver_now)
        return payout

    @rule(which=st.integers(0, 50))
    def deliver_webhook(self, which: int) -> None:
        """Any stored webhook, in any order, any number of times."""
        if not self.hooks:
            return
        body, headers = self.hooks[which % len(self.hooks)]

        async def deliver() -> None:
            received = await webhooks.receive(
                self.estate_row, "paystack".upper(), body, headers, KEY
            )
            self.outcomes["webhook:new" if received.new else "webhook:duplicate"] += 1
            if received.new:
                await webhooks.process(self.estate_row, received.event_id, 1, KEY, NOW, POLICY)

        self.run(deliver(), scoped=False)

    @invariant()
    def money_adds_up(self) -> None:
        if not hasattr(self, "estate_row"):
            return

        async def check() -> None:
            assert await verify_ledger() == []
            revenue = await Account.get_or_none(code=ESTATE_REVENUE, currency="NGN")
            if revenue is None:
                return
            assert revenue.available >= 0
            collected = sum(
                p.amount
                for p in await Posting.filter(account_id=revenue.id, entry__kind="BILL_PAYMENT")
            )
            transit = await Account.get_or_none(code=PAYOUTS_IN_TRANSIT, currency="NGN")
            fees = sum(p.fee for p in await Payout.filter(status__in=("PAID", "REVERSED")))
            paid_out = (transit.balance if transit else 0) + fees
            for status in await Payout.all().distinct().values_list("status", flat=True):
                PayoutMachine.statuses.add(str(status))
            assert paid_out + revenue.held + revenue.available == collected

        self.run(check())


@pytest.fixture
def fake_paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as url:
        yield fake, url


def test_payout_machine(
    session_loop: asyncio.AbstractEventLoop, database: Any, fake_paystack: tuple[FakePaystack, str]
) -> None:
    PayoutMachine.loop = session_loop
    PayoutMachine.fake, PayoutMachine.url = fake_paystack
    PayoutMachine.outcomes.clear()
    PayoutMachine.statuses.clear()
    run_state_machine_as_test(
        PayoutMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=50,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    seen = PayoutMachine.outcomes
    assert seen["requested"] > 0 and seen["INSUFFICIENT_FUNDS"] > 0, seen
    assert seen["webhook:new"] > 0 and seen["webhook:duplicate"] > 0, seen
    assert PayoutMachine.statuses == set(STATUSES), sorted(PayoutMachine.statuses)
