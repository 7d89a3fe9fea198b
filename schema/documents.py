"""Statements of account (the PDF and CSV documents are served by estatepay/documents.py)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers import documents as resolvers
from resolvers.context import RequestContext
from schema.shared import Money
from services.documents.statements import Statement as StatementModel


@strawberry.enum
class StatementLineKind(Enum):
    BILL = "BILL"
    PAYMENT = "PAYMENT"
    CREDIT = "CREDIT"
    REFUND = "REFUND"
    ADJUSTMENT = "ADJUSTMENT"
    CANCELLATION = "CANCELLATION"
    REWARD = "REWARD"
    TRANSFER = "TRANSFER"


@strawberry.type
class StatementLine:
    date: datetime
    kind: StatementLineKind
    description: str
    reference: str | None
    debit: Money | None
    credit: Money | None
    balance: Money


@strawberry.type
class Statement:
    """`balance`: what the resident owes (positive) or holds as credit (negative): the
    balance due of their bills less their wallet balance."""

    resident_id: strawberry.ID
    from_: date = strawberry.field(name="from")
    to: date
    opening_balance: Money
    closing_balance: Money
    lines: list[StatementLine]
    csv_url: str
    pdf_url: str


def _money(minor: int | None, currency: str) -> Money | None:
    return None if minor is None else Money.of(minor, currency)


def statement_node(found: StatementModel) -> Statement:
    currency = found.currency
    query = f"?from={found.start.isoformat()}&to={found.end.isoformat()}"
    return Statement(
        resident_id=strawberry.ID(str(found.resident_id)),
        from_=found.start,
        to=found.end,
        opening_balance=Money.of(found.opening, currency),
        closing_balance=Money.of(found.closing, currency),
        lines=[
            StatementLine(
                date=line.at,
                kind=StatementLineKind(line.kind),
                description=line.description,
                reference=line.reference,
                debit=_money(line.debit, currency),
                credit=_money(line.credit, currency),
                balance=Money.of(line.balance, currency),
            )
            for line in found.lines
        ],
        csv_url=f"/statements/{found.resident_id}.csv{query}",
        pdf_url=f"/statements/{found.resident_id}.pdf{query}",
    )


@strawberry.type
class DocumentQuery:
    @strawberry.field
    async def statement(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> Statement:
        """Admin: any resident's; resident: their own. `from` defaults to the first of
        `to`'s month, `to` to today (the estate's)."""
        found = await resolvers.statement(info.context, str(resident_id), from_, to)
        return statement_node(found)
