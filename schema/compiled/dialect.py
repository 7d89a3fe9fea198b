"""SQL that builds JSON text, byte for byte as the graphql-core path serializes it.

Objects and lists are assembled by concatenation rather than `json_build_object` /
`json_agg`: those format their output (`{"a" : 1}`, newlines between list items) and the
response must equal the other path's compact JSON exactly. Strings go through the
database's own JSON quoting (`to_json`, `json_quote`), which escapes exactly as orjson does.
Every expression here yields non-NULL text: one NULL would blank the whole response.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from collections.abc import Iterable
from itertools import groupby

import orjson

from services.dashboard.figures import collection_rate
from services.validation import CURRENCY_EXPONENTS


def literal(text: str) -> str:
    """`text` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def in_values(column: str, values: Iterable[str]) -> str:
    """`column IN (...)` of constant strings (statuses), sorted for a stable plan."""
    return f"{column} IN ({', '.join(literal(v) for v in sorted(values))})"


def _by_exponent() -> list[tuple[int, list[str]]]:
    pairs = sorted((places, code) for code, places in CURRENCY_EXPONENTS.items())
    return [
        (places, [code for _, code in group]) for places, group in groupby(pairs, lambda p: p[0])
    ]


class Dialect:
    name = ""
    placeholder = re.compile("")  # a parameter in generated SQL: (number, type)
    # Tenant statements may read the shared tables (users) only where both live in one
    # database: PostgreSQL, not the embedded SQLite files.
    shared_tables = ""

    def param(self, n: int, pg_type: str) -> str:
        raise NotImplementedError

    def text(self, expr: str) -> str:
        """A JSON string, or null for NULL."""
        raise NotImplementedError

    def integer(self, expr: str) -> str:
        raise NotImplementedError

    def boolean(self, expr: str) -> str:
        return f"(CASE WHEN {expr} THEN 'true' ELSE 'false' END)"

    def nullable(self, expr: str, json: str) -> str:
        return f"(CASE WHEN {expr} IS NULL THEN 'null' ELSE {json} END)"

    def date(self, expr: str) -> str:
        raise NotImplementedError

    def datetime(self, expr: str) -> str:
        raise NotImplementedError

    def utc_date(self, expr: str) -> str:
        """The day (in UTC) of a stored datetime, as the database's date."""
        raise NotImplementedError

    def last_chars(self, expr: str, n: int) -> str:
        """The last `n` characters of a text (all of a shorter one), as `text[-n:]`."""
        raise NotImplementedError

    def cursor(self, created_at: str, id_: str) -> str:
        raise NotImplementedError

    def join_rows(self, expr: str, order: str) -> str:
        """The aggregate joining `expr` over the rows with commas, in `order`."""
        raise NotImplementedError

    def in_list(self, expr: str, param: str) -> str:
        raise NotImplementedError

    def db_datetime(self, value: dt.datetime) -> object:
        return value

    def db_id(self, value: str) -> object:
        return value

    def db_list(self, values: list[str]) -> object:
        return values

    def db_date(self, value: dt.date) -> object:
        return value

    def _digits(self, minor: str, places: int) -> str:
        raise NotImplementedError

    def decimal(self, scaled: str, places: int) -> str:
        """An integer of `places` implied decimals as a JSON string ("7.50")."""
        return self._quoted(self._digits(scaled, places))

    def quantity(self, milli: str) -> str:
        """`invoices.quantity_of`: thousandths as the shortest decimal ("2", "1.5")."""
        whole = self.integer(f"({milli} / 1000)")
        fraction = f"rtrim({self._three(f'({milli} % 1000)')}, '0')"
        return self._quoted(
            f"({whole} || CASE WHEN {milli} % 1000 = 0 THEN '' ELSE '.' || {fraction} END)"
        )

    def _three(self, expr: str) -> str:
        raise NotImplementedError

    def money_amount(self, minor: str, currency: str) -> str:
        """`to_major(minor, currency)` as a JSON string: "-12.50", "5000"."""
        groups = _by_exponent()
        if len(groups) == 1:
            return self._quoted(self._digits(minor, groups[0][0]))
        cases = " ".join(
            f"WHEN {currency} IN ({', '.join(literal(c) for c in codes)}) "
            f"THEN {self._digits(minor, places)}"
            for places, codes in groups[:-1]
        )
        return self._quoted(f"(CASE {cases} ELSE {self._digits(minor, groups[-1][0])} END)")

    def _quoted(self, expr: str) -> str:
        return f"('\"' || {expr} || '\"')"


class Postgres(Dialect):
    name = "postgres"
    placeholder = re.compile(r"\$(\d+)::([a-z\[\]]+)")
    shared_tables = "public."

    def param(self, n: int, pg_type: str) -> str:
        return f"${n}::{pg_type}"

    def text(self, expr: str) -> str:
        return f"COALESCE(to_json({expr})::text, 'null')"

    def integer(self, expr: str) -> str:
        return f"({expr})::text"

    def date(self, expr: str) -> str:
        return self.nullable(expr, f"('\"' || to_char({expr}, 'YYYY-MM-DD') || '\"')")

    def _iso(self, expr: str, before: str = "", after: str = "") -> str:
        """datetime.isoformat() in UTC between `before` and `after` (to_char's format
        text), microseconds only when there are some: one to_char (the costly part) with
        them, and ".000000" taken out (it can appear nowhere else in the text)."""
        template = f'{before}YYYY-MM-DD"T"HH24:MI:SS.US"+00:00{after}"'
        return (
            f"replace(to_char(({expr} AT TIME ZONE 'UTC'), {literal(template)}), '.000000+', '+')"
        )

    def datetime(self, expr: str) -> str:
        # \" is a double quote in to_char's output: the JSON string's own quotes.
        return self.nullable(expr, self._iso(expr, '\\"', '\\"'))

    def utc_date(self, expr: str) -> str:
        return f"CAST(({expr} AT TIME ZONE 'UTC') AS date)"

    def last_chars(self, expr: str, n: int) -> str:
        return f"right({expr}, {n})"

    def cursor(self, created_at: str, id_: str) -> str:
        # services.pagination.encode_cursor: urlsafe base64 of "<isoformat>|<id>".
        raw = f"convert_to({self._iso(created_at, after='|')} || ({id_})::text, 'UTF8')"
        return self._quoted(f"translate(encode({raw}, 'base64'), E'+/\\n', '-_')")

    def join_rows(self, expr: str, order: str) -> str:
        return f"string_agg({expr}, ',' ORDER BY {order})"

    def in_list(self, expr: str, param: str) -> str:
        return f"{expr} = ANY({param})"

    def _three(self, expr: str) -> str:
        return f"lpad(({expr})::text, 3, '0')"

    def _digits(self, minor: str, places: int) -> str:
        if places == 0:
            return f"({minor})::text"
        unit = 10**places
        return (
            f"(CASE WHEN {minor} < 0 THEN '-' ELSE '' END || (abs({minor}) / {unit})::text"
            f" || '.' || lpad((abs({minor}) % {unit})::text, {places}, '0'))"
        )


class Sqlite(Dialect):
    name = "sqlite"
    placeholder = re.compile(r"\?(\d+)()")
    shared_tables = ""  # the shared tables are in another file

    def _three(self, expr: str) -> str:
        return f"substr('000' || CAST({expr} AS TEXT), -3)"

    def param(self, n: int, pg_type: str) -> str:
        return f"?{n}"

    def text(self, expr: str) -> str:
        return f"json_quote({expr})"

    def integer(self, expr: str) -> str:
        return f"CAST({expr} AS TEXT)"

    def date(self, expr: str) -> str:
        return self.nullable(expr, self._quoted(expr))

    def datetime(self, expr: str) -> str:
        return self.nullable(expr, self._quoted(f"ep_iso({expr})"))

    def utc_date(self, expr: str) -> str:
        return f"date({expr})"  # stored in UTC (`sqlite_datetime`)

    def last_chars(self, expr: str, n: int) -> str:
        return f"substr({expr}, -{n})"

    def cursor(self, created_at: str, id_: str) -> str:
        return self._quoted(f"ep_cursor({created_at}, {id_})")

    def join_rows(self, expr: str, order: str) -> str:
        # The rows come from an ordered subquery: group_concat keeps their order.
        return f"group_concat({expr}, ',')"

    def in_list(self, expr: str, param: str) -> str:
        return f"{expr} IN (SELECT value FROM json_each({param}))"

    def db_datetime(self, value: dt.datetime) -> object:
        return sqlite_datetime(value)

    def db_list(self, values: list[str]) -> object:
        return json.dumps(values)

    def db_date(self, value: dt.date) -> object:
        return value.isoformat()

    def _digits(self, minor: str, places: int) -> str:
        if places == 0:
            return f"CAST({minor} AS TEXT)"
        unit = 10**places
        zeros = "0" * places
        return (
            f"(CASE WHEN {minor} < 0 THEN '-' ELSE '' END || CAST(abs({minor}) / {unit} AS TEXT)"
            f" || '.' || substr('{zeros}' || CAST(abs({minor}) % {unit} AS TEXT), -{places}))"
        )


def sqlite_datetime(value: dt.datetime) -> str:
    """How Tortoise stores an aware datetime in SQLite (`str()` of it in UTC)."""
    return str(value.astimezone(dt.UTC))


def sqlite_iso(stored: str | None) -> str | None:
    """SQLite function `ep_iso`: the stored datetime as the API writes it."""
    if stored is None:
        return None
    return dt.datetime.fromisoformat(stored).astimezone(dt.UTC).isoformat()


def sqlite_rate(collected: int, outstanding: int) -> str:
    """SQLite function `ep_rate`: the dashboard's collection rate as orjson writes it."""
    return orjson.dumps(collection_rate(collected, outstanding)).decode()


def sqlite_cursor(stored: str, id_: str) -> str:
    """SQLite function `ep_cursor`: services.pagination.encode_cursor of a stored row."""
    at = dt.datetime.fromisoformat(stored).astimezone(dt.UTC)
    return base64.urlsafe_b64encode(f"{at.isoformat()}|{id_}".encode()).decode()


POSTGRES = Postgres()
SQLITE = Sqlite()
