"""A hypothesis state machine mixes bills, wallet payments that use credits and rewards
(and overpay nothing: the wallet refuses more than the balance due), rewards granted,
taken back and applied, prepayment rewards, and full and partial refunds, across two
residents; after every step the ledger verifies, no balance is below zero, money and
rewards each sum to zero on their own (no reward ever became money), and every bill's
amount paid is what its payments and unreturned rewards say."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import Coroutine
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

from services.bills import issuing
from services.bills.models import Bill
from services.errors import DomainError
from services.ledger.journal import REWARD_KINDS
from services.ledger.models import Account, JournalEntry
from services.ledger.verify import verify_ledger
from services.money import Money
from services.payments.models import Payment
from services.payments.refunds import refund_payment
from services.payments.sources import Sources
from services.payments.wallet_payments import pay_bill_from_wallet
from services.properties import catalog
from services.residents import directory
from services.rewards import rewards
from services.rewards.models import RewardRedemption
from services.wallets import wallets
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, make_estate, make_settings

T = TypeVar("T")
NOW = datetime(2030, 1, 15, 12, tzinfo=UTC)
ADMIN = uuid.uuid4()
KEY = make_settings().encryption_key


class RewardsMachine(RuleBasedStateMachine):
    loop: asyncio.AbstractEventLoop
    bills = Bundle("bills")
    payments = Bundle("payments")
    # What the runs did, across examples: a run that never refunded would prove little.
    outcomes: Counter[str] = Counter()

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        async def scoped() -> T:
            async with tenant_scope(self.slug):
                return await work

        return self.loop.run_until_complete(scoped())

    def attempt(self, work: Coroutine[Any, Any, T], scoped: bool = True) -> T | None:
        """Refusals (a DomainError) are part of the game; anything else is a bug."""
        try:
            return self.run(work) if scoped else self.loop.run_until_complete(work)
        except DomainError as refusal:
            self.outcomes[refusal.code] += 1
            return None

    @staticmethod
    async def exists(model: Any, **where: Any) -> bool:
        return bool(await model.exists(**where))

    @initialize()
    def estate(self) -> None:
        fixture = self.loop.run_until_complete(make_estate("rm"))
        self.estate_row: Estate = fixture.estate
        self.slug = fixture.slug
        self.viewers: list[issuing.Viewer] = []

        async def people() -> None:
            prop = await catalog.create_property(None, "Block", "")
            for n in range(2):
                unit = await catalog.create_unit(None, str(prop.id), f"U{n}")
                resident = await directory.create_resident(
                    None,
                    self.estate_row,
                    directory.ResidentInput(
                        f"r{n}@{self.slug}.test", f"R {n}", None, PASSWORD, [str(unit.id)]
                    ),
                )
                wallet = await wallets.wallet_of(resident.id, "NGN")
                await wallets.adjust(None, wallet, Money(300_000, "NGN"), "opening", f"open{n}")
                self.viewers.append(issuing.Viewer(resident.user_id, False, resident.id))
            await rewards.configure(ADMIN, rewards.Config(False, [], 500))  # 5% for paying early

        self.run(people())

    @rule(target=bills, who=st.integers(0, 1), amount=st.integers(1, 200_000), early=st.booleans())
    def create_bill(self, who: int, amount: int, early: bool) -> Any:
        due = date(2030, 1, 31) if early else date(2030, 1, 10)
        draft = issuing.BillDraft("Charge", None, "SERVICE_CHARGE", Money(amount, "NGN"), due)

        async def work() -> str:
            bill = await issuing.create_bill(
                ADMIN, self.estate_row, str(self.viewers[who].resident_id), None, draft
            )
            await issuing.acknowledge(self.viewers[who], str(bill.id))
            return str(bill.id)

        return (who, self.run(work()))

    @rule(
        who=st.integers(0, 1),
        amount=st.integers(-20_000, 60_000).filter(bool),
        key=st.integers(0, 9),
    )
    def grant(self, who: int, amount: int, key: int) -> None:
        self.attempt(
            rewards.grant(
                ADMIN,
                self.estate_row,
                self.viewers[who].resident_id or "",
                Money(amount, "NGN"),
                "promo" if amount > 0 else "correction",
                f"g:{who}:{key}:{amount}",
                kind="REWARD" if amount > 0 else "REWARD_ADJUSTMENT",
            )
        )

    @rule(bill=bills, part=st.one_of(st.none(), st.integers(1, 100_000)), key=st.integers(0, 3))
    def apply_rewards(self, bill: tuple[int, str], part: int | None, key: int) -> None:
        who, bill_id = bill
        money = Money(part, "NGN") if part else None
        done = self.attempt(rewards.apply(self.viewers[who], bill_id, money, f"a{key}", NOW))
        self.outcomes["rewards applied" if done else "rewards refused"] += 1

    @rule(
        target=payments,
        bill=bills,
        part=st.one_of(st.none(), st.integers(1, 200_000)),
        credits=st.booleans(),
        use_rewards=st.booleans(),
        key=st.sampled_from(["a", "b", "c"]),
    )
    def pay(
        self, bill: tuple[int, str], part: int | None, credits: bool, use_rewards: bool, key: str
    ) -> Any:
        who, bill_id = bill
        paid = self.attempt(
            pay_bill_from_wallet(
                self.viewers[who],
                self.estate_row,
                bill_id,
                Money(part, "NGN") if part else None,
                None,
                f"{bill_id}:{key}",
                NOW,
                Sources(credits, use_rewards),
            )
        )
        if paid is None:
            return multiple()
        self.outcomes["paid with rewards" if use_rewards else "paid"] += 1
        if self.run(self.exists(JournalEntry, idempotency_key=f"rewards:prepay:{paid.id}")):
            self.outcomes["prepayment rewarded"] += 1
        return str(paid.id)

    @rule(
        payment=payments,
        # Mostly in full: a full refund is what gives rewards spent with a payment back.
        part=st.one_of(st.none(), st.none(), st.integers(1, 100_000)),
        key=st.integers(0, 2),
    )
    def refund(self, payment: str, part: int | None, key: int) -> None:
        done = self.attempt(
            refund_payment(
                ADMIN,
                self.estate_row,
                payment,
                Money(part, "NGN") if part else None,
                "refund",
                f"{payment}:{key}",
                KEY,
                NOW,
            ),
            scoped=False,  # it opens its own scopes, as the API calls it
        )
        if done is not None:
            self.outcomes[done.status] += 1
            returned = self.exists(RewardRedemption, payment_id=done.id, returned_at__isnull=False)
            if self.run(returned):
                self.outcomes["rewards returned"] += 1

    @invariant()
    def nothing_negative_and_everything_accounted_for(self) -> None:
        if not hasattr(self, "slug"):
            return

        async def check() -> None:
            assert await verify_ledger() == []
            totals: Counter[bool] = Counter()
            for account in await Account.all():
                totals[account.kind in REWARD_KINDS] += account.balance
                if not account.allow_negative:
                    assert account.balance - account.held >= 0, account.code
            assert totals[False] == 0, "money created or lost"
            assert totals[True] == 0, "rewards created or lost"
            for bill in await Bill.all():
                paid = sum(
                    p.amount - p.credited - p.refunded_amount
                    for p in await Payment.filter(bill_id=bill.id)
                    if p.status in ("SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED")
                )
                spent = sum(
                    r.amount
                    for r in await RewardRedemption.filter(bill_id=bill.id, returned_at=None)
                )
                assert bill.amount_paid == paid + spent, bill.number
                assert 0 <= bill.amount_paid <= bill.amount

        self.run(check())


def test_rewards_machine(session_loop: asyncio.AbstractEventLoop, database: Any) -> None:
    RewardsMachine.loop = session_loop
    RewardsMachine.outcomes.clear()
    run_state_machine_as_test(
        RewardsMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=40,
            deadline=None,
            derandomize=True,  # the same runs every time: CI never flakes on luck
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    seen = RewardsMachine.outcomes
    assert seen["paid with rewards"] > 0 and seen["rewards applied"] > 0
    assert seen["REFUNDED"] > 0 and seen["PARTIALLY_REFUNDED"] > 0
    assert seen["prepayment rewarded"] > 0 and seen["rewards returned"] > 0
