"""The documents themselves: an invoice per bill, a receipt per successful payment and a
statement per resident and period, as PDF (and the statement as CSV). Each is read in
the caller's tenant scope with the viewer's rights: another resident's is NOT_FOUND."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from services.access import Viewer, get_visible
from services.bills import invoices
from services.bills.models import Bill, BillLine
from services.documents.render import Document, Table, money, quantity, render_pdf
from services.documents.statements import Statement
from services.errors import NotFound
from services.identity.models import User
from services.money import to_major
from services.payments.gateways.models import GatewayConfig
from services.payments.models import Payment
from services.properties.models import Unit
from services.residents.models import Resident
from tenants.models import Estate

REFUND_STAMPS = {"REFUNDED": "REFUNDED", "PARTIALLY_REFUNDED": "PARTIALLY REFUNDED"}


def _local(estate: Estate, at: datetime | None) -> str:
    return at.astimezone(ZoneInfo(estate.timezone)).strftime("%Y-%m-%d %H:%M") if at else ""


async def _name(resident_id: object) -> str:
    resident = await Resident.get(id=resident_id)
    user = await User.get_or_none(id=resident.user_id)
    return user.full_name if user else ""


async def _issuer(estate: Estate, unit_id: object | None) -> tuple[list[str], str]:
    """The estate's name and the address of the bill's property; the unit's label."""
    if unit_id is None:
        return [estate.name], ""
    unit = await Unit.get(id=unit_id).prefetch_related("property")
    lines = [estate.name, unit.property.name]
    if unit.property.address:
        lines += unit.property.address.splitlines()
    return lines, unit.label


async def _how_to_pay(bill: Bill) -> list[str]:
    gateways = await GatewayConfig.filter(is_active=True).order_by("provider")
    notes = ["How to pay:"]
    online = [g.display_name or g.provider.title() for g in gateways if g.provider != "MANUAL"]
    if online:
        notes.append(f"- Online in the estate's app: {', '.join(online)}, or from your wallet.")
    else:
        notes.append("- From your wallet in the estate's app.")
    notes.append(
        f"- By bank transfer to the estate's account, quoting {bill.number}; then report it "
        "in the app (submitManualPayment) for the estate to approve."
    )
    return notes


async def invoice_pdf(viewer: Viewer, estate: Estate, bill_id: str) -> tuple[str, bytes]:
    bill = await get_visible(Bill, viewer, bill_id, "bill")
    rows = await BillLine.filter(bill_id=bill.id).order_by("position")
    lines = invoices.lines_of(bill, rows)
    currency = bill.currency
    issuer, unit = await _issuer(estate, bill.unit_id)
    rate = f"{bill.tax_rate_bp / 100:g}%"
    doc = Document(
        title=f"Invoice {bill.number}",
        issuer=issuer,
        facts=[
            ("Bill number", bill.number),
            ("Bill", bill.title),
            ("Resident", await _name(bill.resident_id)),
            ("Unit", unit or "-"),
            ("Issued", _local(estate, bill.created_at)),
            ("Due", bill.due_date.isoformat()),
            ("Status", bill.status.replace("_", " ").title()),
        ],
        table=Table(
            ["Description", "Quantity", "Unit amount", "Amount"],
            [90, 25, 35, 40],
            [
                [
                    line.description,
                    quantity(line.quantity),
                    money(line.unit_amount, currency),
                    money(line.amount, currency),
                ]
                for line in lines
            ],
            amount_columns=3,
        ),
        totals=[
            ("Subtotal", money(invoices.bill_subtotal(bill), currency)),
            ("Discount", money(-bill.discount if bill.discount else 0, currency)),
            (f"Tax ({rate})", money(bill.tax, currency)),
            ("Total", money(bill.amount, currency)),
            ("Paid", money(bill.amount_paid, currency)),
            ("Balance due", money(bill.balance_due, currency)),
        ],
        notes=[
            "Each line is quantity x unit amount, rounded half-even to the minor unit; tax is "
            f"{rate} of the subtotal less the discount, rounded half-even.",
            *await _how_to_pay(bill),
        ],
    )
    return f"invoice-{bill.number}.pdf", await render_pdf(doc)


async def receipt_document(estate: Estate, payment: Payment) -> tuple[str, Document]:
    """A succeeded payment's receipt; one without a receipt number has none."""
    if payment.receipt_number is None:
        raise NotFound("payment not found", field="paymentId")
    currency = payment.currency
    bill = await Bill.get_or_none(id=payment.bill_id) if payment.bill_id else None
    issuer, unit = await _issuer(estate, bill.unit_id if bill else None)
    to_bill = payment.amount - payment.credited if bill and payment.purpose == "BILL_PAYMENT" else 0
    facts = [
        ("Receipt number", payment.receipt_number),
        ("Payment reference", payment.reference),
        ("Payer", await _name(payment.resident_id)),
        ("Date", _local(estate, payment.completed_at)),
        ("Paid with", payment.provider.title()),
    ]
    if payment.provider_reference:
        facts.append(("Provider reference", payment.provider_reference))
    if bill is not None:
        facts.append(("Bill", f"{bill.number} {bill.title}" + (f" ({unit})" if unit else "")))
    else:
        facts.append(("For", "Wallet top-up"))
    totals = [("Amount received", money(payment.amount, currency))]
    if bill is not None:
        totals.append((f"Applied to {bill.number}", money(to_bill, currency)))
    if payment.credited:
        totals.append(("Credited to wallet", money(payment.credited, currency)))
    if payment.refunded_amount:
        totals.append(("Refunded", money(payment.refunded_amount, currency)))
    if bill is not None:
        totals.append(("Remaining balance on the bill", money(bill.balance_due, currency)))
    stamp = REFUND_STAMPS.get(payment.status)
    notes = [f"This payment was {stamp.lower()}."] if stamp else []
    doc = Document(
        title=f"Receipt {payment.receipt_number}",
        issuer=issuer,
        facts=facts,
        totals=totals,
        notes=notes,
        stamp=stamp,
    )
    return f"receipt-{payment.receipt_number}.pdf", doc


async def receipt_pdf(viewer: Viewer, estate: Estate, payment_id: str) -> tuple[str, bytes]:
    payment = await get_visible(Payment, viewer, payment_id, "payment", field="paymentId")
    name, doc = await receipt_document(estate, payment)
    return name, await render_pdf(doc)


async def receipt_of(estate: Estate, payment_id: uuid.UUID) -> tuple[str, bytes] | None:
    """A receipt for the payment-succeeded email (no viewer: the system sends it)."""
    payment = await Payment.get_or_none(id=payment_id)
    if payment is None or payment.receipt_number is None:
        return None
    name, doc = await receipt_document(estate, payment)
    return name, await render_pdf(doc)


def _line_cells(estate: Estate, s: Statement) -> list[list[str]]:
    return [
        [
            _local(estate, line.at),
            line.kind.title(),
            line.description,
            money(line.debit, s.currency),
            money(line.credit, s.currency),
            money(line.balance, s.currency),
        ]
        for line in s.lines
    ]


async def statement_pdf(estate: Estate, s: Statement) -> tuple[str, bytes]:
    doc = Document(
        title=f"Statement {s.start.isoformat()} to {s.end.isoformat()}",
        issuer=[estate.name],
        facts=[("Resident", await _name(s.resident_id)), ("Currency", s.currency)],
        table=Table(
            ["Date", "Kind", "Description", "Debit", "Credit", "Balance"],
            [28, 22, 58, 27, 27, 28],
            _line_cells(estate, s),
            amount_columns=3,
        ),
        totals=[
            ("Opening balance", money(s.opening, s.currency)),
            ("Closing balance", money(s.closing, s.currency)),
        ],
        notes=["A positive balance is owed to the estate; a negative one is your credit."],
    )
    return f"statement-{s.start}-{s.end}.pdf", await render_pdf(doc)


def _cell(text: str) -> str:
    """Text a spreadsheet would take for a formula is quoted as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def statement_csv(s: Statement) -> str:
    """Amounts in major units as exact decimals, like the API."""

    def amount(minor: int | None) -> str:
        return "" if minor is None else str(to_major(minor, s.currency))

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "kind", "description", "reference", "debit", "credit", "balance"])
    writer.writerow(
        [s.start.isoformat(), "OPENING", "Opening balance", "", "", "", amount(s.opening)]
    )
    for line in s.lines:
        writer.writerow(
            [
                line.at.isoformat(),
                line.kind,
                _cell(line.description),
                _cell(line.reference or ""),
                amount(line.debit),
                amount(line.credit),
                amount(line.balance),
            ]
        )
    writer.writerow(
        [s.end.isoformat(), "CLOSING", "Closing balance", "", "", "", amount(s.closing)]
    )
    return out.getvalue()
