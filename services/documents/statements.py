"""A resident's statement of account for a period.

The balance is what the resident owes the estate net of what they hold with it: the
balance due of their bills less their wallet balance (positive: they owe). Every line is
one event that moved it: a bill issued (debit), a dispute adjustment, a cancellation, and
every ledger entry that touched the resident's wallet or a payment of theirs (its effect
is the wallet's posting plus what the entry paid towards a bill, read from the ledger, so
the figures reconcile with it by construction), and rewards applied to a bill.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import Q

from services.access import Viewer, visible_resident_id
from services.audit.models import AuditEntry
from services.bills.models import Bill
from services.errors import ValidationFailed
from services.ledger.journal import ESTATE_REVENUE, PLATFORM_FEES
from services.ledger.models import JournalEntry, Posting
from services.payments.models import Payment
from services.rewards.models import RewardRedemption
from services.wallets.models import Wallet
from tenants.models import Estate

MAX_DAYS = 366 * 10
# Ledger entry kind -> statement line kind.
LINE_KINDS = {
    "BILL_PAYMENT": "PAYMENT",
    "DEPOSIT": "CREDIT",
    "PREPAYMENT_CREDIT": "CREDIT",
    "ADJUSTMENT": "ADJUSTMENT",
    "REFUND": "REFUND",
    "REFUND_REVERSAL": "REFUND",
    "TRANSFER_OUT": "TRANSFER",
}
BILL_SIDE = (ESTATE_REVENUE, PLATFORM_FEES)


@dataclass(frozen=True)
class StatementLine:
    at: datetime
    kind: str
    description: str
    reference: str | None
    change: int  # + the resident owes more (debit), - less (credit)
    balance: int

    @property
    def debit(self) -> int | None:
        return self.change if self.change > 0 else None

    @property
    def credit(self) -> int | None:
        return -self.change if self.change < 0 else None


@dataclass(frozen=True)
class Statement:
    resident_id: uuid.UUID
    currency: str
    start: date
    end: date
    opening: int
    closing: int
    lines: list[StatementLine]


@dataclass(frozen=True)
class _Event:
    at: datetime
    kind: str
    description: str
    reference: str | None
    change: int


def window(estate: Estate, start: date | None, end: date | None, today: date) -> tuple[date, date]:
    """The period asked for: `to` defaults to today, `from` to the first of its month."""
    end = end or today
    start = start or end.replace(day=1)
    if start > end:
        raise ValidationFailed("from must not be after to", field="from")
    if (end - start).days > MAX_DAYS:
        raise ValidationFailed(f"a statement covers at most {MAX_DAYS} days", field="from")
    return start, end


async def statement(
    viewer: Viewer, estate: Estate, resident_id: str, start: date, end: date
) -> Statement:
    rid = await visible_resident_id(viewer, resident_id)
    zone = ZoneInfo(estate.timezone)
    begins = datetime.combine(start, time(), zone)
    ends = datetime.combine(end + timedelta(days=1), time(), zone)
    events = sorted(await _events(rid), key=lambda e: (e.at, e.kind != "BILL"))
    opening = sum(e.change for e in events if e.at < begins)
    balance, lines = opening, []
    for event in events:
        if begins <= event.at < ends:
            balance += event.change
            lines.append(
                StatementLine(
                    event.at, event.kind, event.description, event.reference, event.change, balance
                )
            )
    return Statement(rid, estate.currency, start, end, opening, balance, lines)


async def _events(resident_id: uuid.UUID) -> list[_Event]:
    return [*await _bill_events(resident_id), *await _ledger_events(resident_id)]


async def _bill_events(resident_id: uuid.UUID) -> list[_Event]:
    bills = {str(b.id): b for b in await Bill.filter(resident_id=resident_id)}
    events: list[_Event] = []
    adjusted: dict[str, int] = defaultdict(int)
    audits = await AuditEntry.filter(
        object_type="Bill", object_id__in=list(bills), action__in=("resolveDispute", "cancelBill")
    ).order_by("id")
    for audit in audits:
        bill = bills[audit.object_id]
        before, after = audit.before or {}, audit.after or {}
        if after.get("status") == "CANCELLED":
            events.append(
                _Event(
                    audit.created_at,
                    "CANCELLATION",
                    f"{bill.number} cancelled",
                    bill.number,
                    -int(after.get("amount", bill.amount)),
                )
            )
        elif after.get("amount") != before.get("amount"):
            change = int(after.get("amount", 0)) - int(before.get("amount", 0))
            adjusted[audit.object_id] += change
            events.append(
                _Event(
                    audit.created_at, "ADJUSTMENT", f"{bill.number} adjusted", bill.number, change
                )
            )
    for key, bill in bills.items():
        events.append(
            _Event(
                bill.created_at,
                "BILL",
                f"{bill.number} {bill.title}",
                bill.number,
                bill.amount - adjusted[key],
            )
        )
    for redemption in await RewardRedemption.filter(resident_id=resident_id).prefetch_related(
        "bill"
    ):
        number = redemption.bill.number
        events.append(
            _Event(
                redemption.created_at,
                "REWARD",
                f"Rewards applied to {number}",
                number,
                -redemption.amount,
            )
        )
        if redemption.returned_at is not None:
            events.append(
                _Event(
                    redemption.returned_at,
                    "REWARD",
                    f"Rewards returned from {number}",
                    number,
                    redemption.amount,
                )
            )
    return events


async def _ledger_events(resident_id: uuid.UUID) -> list[_Event]:
    wallets = await Wallet.filter(resident_id=resident_id).values_list("account_id", flat=True)
    wallet_accounts = {str(a) for a in wallets}
    bill_payments = set(
        await Payment.filter(
            resident_id=resident_id, purpose="BILL_PAYMENT", bill_id__not_isnull=True
        ).values_list("reference", flat=True)
    )
    references = await Payment.filter(resident_id=resident_id).values_list("reference", flat=True)
    entries = await JournalEntry.filter(
        Q(postings__account_id__in=list(wallet_accounts)) | Q(reference__in=list(references))
    ).distinct()
    if not entries:
        return []
    postings = await Posting.filter(entry_id__in=[e.id for e in entries]).values(
        "entry_id", "account_id", "amount", "account__code"
    )
    # Postings to the estate's revenue and fees count when they paid (or refunded) one of
    # the resident's bills; money to the estate with no bill counts by the wallet's side.
    pays_bill = {str(e.id) for e in entries if e.reference in bill_payments}
    credit: dict[str, int] = defaultdict(int)  # what each entry did for the resident
    for posting in postings:
        entry_id = str(posting["entry_id"])
        on_wallet = str(posting["account_id"]) in wallet_accounts
        if on_wallet or (posting["account__code"] in BILL_SIDE and entry_id in pays_bill):
            credit[entry_id] += posting["amount"]
    return [
        _Event(
            entry.created_at.astimezone(UTC),
            LINE_KINDS.get(entry.kind, "ADJUSTMENT"),
            entry.description,
            entry.reference,
            -credit[str(entry.id)],
        )
        for entry in entries
    ]
