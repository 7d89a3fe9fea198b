"""`dashboard`, compiled: `services.dashboard.figures` as aggregates over a window that
Python cuts (the same `window` as the other path), bound as parameters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from datetime import datetime as moment
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build, Request, Unsupported
from schema.compiled.dialect import POSTGRES, in_values, literal
from schema.compiled.params import currency_param
from schema.compiled.sql import Emitter, integer, money, obj, object_type
from services.bills.lifecycle import OPEN
from services.dashboard.figures import (
    BILL_STATUSES,
    COLLECTION_ACCOUNTS,
    COLLECTION_KINDS,
    Window,
    window,
)
from services.ledger.journal import PAYOUTS_IN_TRANSIT


def _json(value: moment) -> str:
    return orjson.dumps(value.isoformat()).decode()  # strawberry's DateTime, as JSON


class _Window:
    """The request's window, cut once per request (its getters run one after another,
    with nothing awaited between them)."""

    def __init__(self, b: Build, period: Callable[[Request], Any]) -> None:
        self.b, self.period = b, period
        self.last: tuple[Request, Window] | None = None

    def of(self, request: Request) -> Window:
        if self.last is None or self.last[0] is not request:
            now = moment.now(UTC)
            self.last = (request, window(self.period(request), ZoneInfo(request.timezone), now))
        return self.last[1]

    def param(self, value: Callable[[Window], Any], pg_type: str) -> str:
        return self.b.param(lambda request: value(self.of(request)), pg_type)

    def at(self, moment_: moment) -> object:
        return self.b.dialect.db_datetime(moment_.astimezone(UTC))

    def buckets(self) -> str:
        """The buckets as rows (i, lo, hi, label): lo and hi in UTC as stored, label the
        start's JSON."""

        def rows(win: Window) -> str:
            bounds = [*win.starts, win.end]
            return orjson.dumps(
                [
                    [str(self.at(bounds[i])), str(self.at(bounds[i + 1])), _json(start)]
                    for i, start in enumerate(win.starts)
                ]
            ).decode()

        if self.b.dialect is POSTGRES:
            found = self.param(rows, "jsonb")
            return (
                "SELECT t.i, (t.v->>0)::timestamptz AS lo, (t.v->>1)::timestamptz AS hi,"
                f" t.v->>2 AS label FROM jsonb_array_elements({found}) WITH ORDINALITY AS t(v, i)"
            )
        found = self.param(rows, "text")
        return (
            "SELECT CAST(t.key AS INTEGER) AS i, json_extract(t.value, '$[0]') AS lo,"
            " json_extract(t.value, '$[1]') AS hi, json_extract(t.value, '$[2]') AS label"
            f" FROM json_each({found}) t"
        )


def dashboard(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    if not b.is_admin:
        raise Unsupported("admins only: graphql-core says FORBIDDEN")
    node = nodes[0]
    win = _Window(b, lambda request: request.args(d, node)["period"])
    currency = currency_param(b)
    start = win.param(lambda w: win.at(w.starts[0]), "timestamptz")
    end = win.param(lambda w: win.at(w.end), "timestamptz")
    today = win.param(lambda w: b.dialect.db_date(w.today), "date")
    accounts = (
        f"SELECT x.id FROM ledger_accounts x WHERE {in_values('x.code', COLLECTION_ACCOUNTS)}"
        f" AND x.currency = {currency}"
    )

    def collected(lo: str, hi: str) -> str:
        p, e = b.alias(), b.alias()
        found = (
            f"SELECT SUM({p}.amount) FROM ledger_postings {p} JOIN ledger_entries {e}"
            f" ON {e}.id = {p}.entry_id WHERE {p}.account_id IN ({accounts})"
            f" AND {in_values(e + '.kind', COLLECTION_KINDS)}"
            f" AND {p}.created_at >= {lo} AND {p}.created_at < {hi}"
        )
        return f"CAST(COALESCE(({found}), 0) AS BIGINT)"

    def due(condition: str) -> str:
        r = b.alias()
        found = (
            f"SELECT SUM({r}.amount - {r}.amount_paid) FROM bills {r} WHERE {r}.currency ="
            f" {currency} AND {in_values(r + '.status', OPEN)} AND ({condition.format(r=r)})"
        )
        return f"CAST(COALESCE(({found}), 0) AS BIGINT)"

    def paid_out() -> str:
        # `_paid_out`: what the payouts-in-transit account received in the window.
        p = b.alias()
        found = (
            f"SELECT SUM({p}.amount) FROM ledger_postings {p} WHERE {p}.account_id IN"
            f" (SELECT x.id FROM ledger_accounts x WHERE x.code = {literal(PAYOUTS_IN_TRANSIT)}"
            f" AND x.currency = {currency}) AND {p}.created_at >= {start}"
            f" AND {p}.created_at < {end}"
        )
        return f"CAST(COALESCE(({found}), 0) AS BIGINT)"

    late = (
        f"{{r}}.status = 'OVERDUE' OR ({in_values('{r}.status', OPEN - {'DISPUTED'})}"
        f" AND {{r}}.due_date < {today})"
    )
    figures = (
        f"SELECT {collected(start, end)} AS collected, {due('1 = 1')} AS outstanding,"
        f" {due(late)} AS overdue, {paid_out()} AS paid_out"
    )
    period = b.param(win.period, "text")
    emitters: dict[str, Emitter] = {
        "period": lambda b, d, n, a: b.dialect.text(period),
        "windowStart": lambda b, d, n, a: win.param(lambda w: _json(w.starts[0]), "text"),
        "windowEnd": lambda b, d, n, a: win.param(lambda w: _json(w.end), "text"),
        "collected": money("{a}.collected", currency),
        "outstanding": money("{a}.outstanding", currency),
        "overdue": money("{a}.overdue", currency),
        "paidOut": money("{a}.paid_out", currency),
        "collectionRate": _rate,
        "billsByStatus": _by_status,
        "revenueSeries": lambda b, d, n, a: _series(
            b, d, n, win, collected(f"{SERIES}.lo", f"{SERIES}.hi"), currency
        ),
    }
    value = obj(b, object_type(d), nodes, "r", emitters)
    return f"(SELECT {value} FROM ({figures}) r)"


def _rate(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """`collection_rate` as orjson writes the float. PostgreSQL's float8 text is the same
    shortest round-trip digits, without the ".0" of whole numbers; outside [1e-4, 1e15)
    it turns to an exponent, written otherwise by orjson: NULL, graphql-core answers.
    SQLite writes 15 digits: there Python's own function writes it (`sqlite_rate`)."""
    if b.dialect is not POSTGRES:
        return f"ep_rate({a}.collected, {a}.outstanding)"
    came_in = f"GREATEST({a}.collected, 0)"
    owed = f"({came_in} + {a}.outstanding)"
    rate = (
        f"(CASE WHEN {owed} = 0 THEN 0::float8 ELSE {came_in}::float8 / {owed}::float8 END)::text"
    )
    return (
        f"(SELECT CASE WHEN q.t LIKE '%e%' THEN NULL WHEN q.t LIKE '%.%' THEN q.t"
        f" ELSE q.t || '.0' END FROM (SELECT {rate} AS t) q)"
    )


def _by_status(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """Every status, zeros included, in BILL_STATUSES order."""
    s, c = b.alias(), b.alias()
    statuses = " UNION ALL ".join(
        f"SELECT {i} AS i, {literal(status)} AS status" for i, status in enumerate(BILL_STATUSES)
    )
    counted = f"SELECT {c}.status, count(*) AS n FROM bills {c} GROUP BY {c}.status"
    value = obj(
        b,
        object_type(d),
        nodes,
        s,
        {
            "status": lambda b, d, n, a: b.dialect.text(f"{a}.status"),
            "count": integer("COALESCE({a}.n, 0)"),
        },
    )
    rows = (
        f"SELECT {s}.i, {s}.status, {c}.n FROM ({statuses}) {s}"
        f" LEFT JOIN ({counted}) {c} ON {c}.status = {s}.status ORDER BY {s}.i"
    )
    joined = b.dialect.join_rows(value, f"{s}.i")
    return f"('[' || COALESCE((SELECT {joined} FROM ({rows}) {s}), '') || ']')"


SERIES = "bucket"  # the bucket row, as the per-bucket sums name it


def _series(
    b: Build, d: GraphQLField, nodes: list[FieldNode], win: _Window, amount: str, currency: str
) -> str:
    """Collected per bucket, in order; `amount` sums the bucket row SERIES."""
    t = b.alias()
    value = obj(
        b,
        object_type(d),
        nodes,
        t,
        {
            "bucketStart": lambda b, d, n, a: f"{a}.label",
            "amount": money("{a}.amount", currency),
        },
    )
    rows = (
        f"SELECT {SERIES}.i, {SERIES}.label, {amount} AS amount"
        f" FROM ({win.buckets()}) {SERIES} ORDER BY {SERIES}.i"
    )
    joined = b.dialect.join_rows(value, f"{t}.i")
    return f"('[' || COALESCE((SELECT {joined} FROM ({rows}) {t}), '') || ']')"
