"""Laying out a document as PDF (fpdf2). One layout serves invoices, receipts and
statements: a title, facts, a table and totals. Rendering is CPU work: callers run it off
the event loop (`render_pdf`)."""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from services.money import to_major


@dataclass(frozen=True)
class Table:
    headers: list[str]
    widths: list[float]  # millimetres; the last columns are right-aligned amounts
    rows: list[list[str]]
    amount_columns: int = 1


@dataclass(frozen=True)
class Document:
    title: str
    issuer: list[str]  # the estate: name, then address lines
    facts: list[tuple[str, str]]  # label, value
    table: Table | None = None
    totals: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stamp: str | None = None  # a word across the top, e.g. REFUNDED


def money(minor: int | None, currency: str) -> str:
    """An amount as the estate shows it: the ISO code, thousands separated."""
    if minor is None:
        return ""
    major = to_major(minor, currency)
    sign = "-" if major < 0 else ""
    return f"{sign}{currency} {abs(major):,}"


def quantity(value: Decimal) -> str:
    return f"{value:,}"


def _latin(text: str) -> str:
    """The PDF core fonts hold Latin-1: accents are kept where Latin-1 has them, others
    fall back to the base letter, anything else to '?'."""
    if text.isascii():
        return text
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char)[:1]
            out.append(base if base.isascii() and base.isprintable() else "?")
    return "".join(out)


def _pdf(doc: Document) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_latin(doc.title))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 9, _latin(doc.issuer[0]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 9)
    for line in doc.issuer[1:]:
        pdf.cell(0, 5, _latin(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 14)
    title = doc.title + (f"  [{doc.stamp}]" if doc.stamp else "")
    pdf.cell(0, 8, _latin(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 10)
    for label, value in doc.facts:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(45, 6, _latin(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, _latin(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    if doc.table is not None:
        _table(pdf, doc.table)
    if doc.totals:
        pdf.ln(2)
        for label, value in doc.totals:
            pdf.set_font("Helvetica", "B", 10)
            pdf.cell(130, 6, _latin(label), align="R")
            pdf.set_font("Helvetica", "", 10)
            pdf.cell(0, 6, _latin(value), align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if doc.notes:
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 9)
        for note in doc.notes:
            pdf.multi_cell(0, 5, _latin(note), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _table(pdf: FPDF, table: Table) -> None:
    first_amount = len(table.headers) - table.amount_columns

    def row(cells: list[str], bold: bool) -> None:
        pdf.set_font("Helvetica", "B" if bold else "", 9)
        for n, (cell, width) in enumerate(zip(cells, table.widths, strict=True)):
            text = _latin(cell)
            while text and pdf.get_string_width(text) > width - 2:  # keep to the column
                text = text[:-2] + "~"
            pdf.cell(width, 6, text, border="B", align="R" if n >= first_amount else "L")
        pdf.ln(6)

    row(table.headers, bold=True)
    for cells in table.rows:
        row(cells, bold=False)


async def render_pdf(doc: Document) -> bytes:
    """The document as PDF bytes, made in a worker thread (never on the event loop)."""
    return await asyncio.to_thread(_pdf, doc)
