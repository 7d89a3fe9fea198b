"""`billsSummary`, compiled: `services.bills.queries.summary` as aggregates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from graphql import FieldNode, GraphQLField

from schema.compiled.access import visible, visible_resident
from schema.compiled.build import Build, Fallback, Request
from schema.compiled.dialect import POSTGRES, in_values
from schema.compiled.params import currency_param, today_param
from schema.compiled.sql import Emitter, integer, money, obj, object_type, text
from services.bills.lifecycle import OPEN


def _month_start(b: Build) -> Callable[[Request], object]:
    def value(request: Request) -> object:
        start = datetime.combine(request.today.replace(day=1), time(), ZoneInfo(request.timezone))
        if b.dialect is POSTGRES:
            return start
        # What Tortoise sends SQLite for an aware datetime: its own offset, not UTC.
        return start.isoformat(" ")

    return value


def bills_summary(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    where = [visible(b, "{r}.resident_id")]
    if b.plan_args(d, node)["residentId"] is not None:

        def wanted(request: Request) -> Any:
            found = request.args(d, node)["residentId"]
            if not found:  # `if resident_id:` on the other path
                raise Fallback("an empty residentId is no filter")
            return found

        where.append(f"{{r}}.resident_id = {visible_resident(b, wanted)}")
    mine = " AND ".join(f"({w})" for w in where)

    def total(table: str, column: str, condition: str) -> str:
        r = b.alias()
        found = f"SELECT SUM({column.format(r=r)}) FROM {table} {r} WHERE {condition.format(r=r)}"
        return f"CAST(COALESCE(({found}), 0) AS BIGINT)"

    open_ = f"{mine} AND {in_values('{r}.status', OPEN)}"
    late_statuses = in_values("{r}.status", OPEN - {"DISPUTED"})
    late = f"{mine} AND {late_statuses} AND {{r}}.due_date < {today_param(b)}"
    since = b.param(_month_start(b), "timestamptz")
    paid = (
        f"{mine} AND {in_values('{r}.status', ('SUCCEEDED', 'PARTIALLY_REFUNDED'))}"
        f" AND {{r}}.purpose = 'BILL_PAYMENT' AND {{r}}.completed_at >= {since}"
    )
    currency = currency_param(b)
    emitters: dict[str, Emitter] = {
        "outstanding": money("{a}.outstanding", currency),
        "overdue": money("{a}.overdue", currency),
        "paidThisMonth": money("{a}.paid", currency),
        "countByStatus": _counts(mine),
    }
    value = obj(b, object_type(d), nodes, "r", emitters)
    due = "{r}.amount - {r}.amount_paid"
    sums = (
        f"SELECT {total('bills', due, open_)} AS outstanding,"
        f" {total('bills', due, late)} AS overdue,"
        f" {total('payments', '{r}.amount', paid)} AS paid"
    )
    return f"(SELECT {value} FROM ({sums}) r)"


def _counts(where: str) -> Emitter:
    """Bills per status present, by status name (`sorted(count_by_status.items())`)."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        r, s = b.alias(), b.alias()
        binary = ' COLLATE "C"' if b.dialect is POSTGRES else ""
        order = f"{s}.status{binary}"
        grouped = (
            f"SELECT {r}.status, count(*) AS n FROM bills {r} WHERE {where.format(r=r)}"
            f" GROUP BY {r}.status ORDER BY {r}.status{binary}"
        )
        value = obj(
            b, object_type(d), nodes, s, {"status": text("{a}.status"), "count": integer("{a}.n")}
        )
        joined = f"COALESCE((SELECT {b.dialect.join_rows(value, order)} FROM ({grouped}) {s}), '')"
        return f"('[' || {joined} || ']')"

    return emit
