"""Hostile values for every scalar of the schema, as GraphQL value nodes for
hypothesis-graphql's `custom_scalars` (which also take the built-in scalars' names).

Each scalar mixes the seeded world's real ids, references and cursors (so that some
references hit real rows, of this estate or another) with values made to break parsers
and validators: very long strings, NUL and control characters, unicode digits, confusables,
huge and negative numbers, exponents, malformed ids and cursors."""

from __future__ import annotations

import base64
from typing import Any

import graphql
from hypothesis import strategies as st

from tests.fuzz.seed import Seed

LONG = 9_999  # just under the boundary's 10 000: it passes to the services
TOO_LONG = 10_001

HOSTILE_STRINGS = [
    "",
    " ",
    "\u3000",  # an ideographic space: strip() removes it, isspace() says so
    "x" * LONG,
    "x" * TOO_LONG,
    "\u00e9" * LONG,
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "line\nbreak",
    "tab\there",
    "\r\n",
    "\u202eevil",  # a right-to-left override
    "\u200b",  # a zero-width space
    "\ufeff",
    "\ud7ff\ue000",
    "\U0001f600" * 50,
    "\uff11\uff12",  # full-width digits
    "\uff11\uff12\uff13\uff14",
    "\u0663",  # an Arabic-Indic digit
    "\u0660\u0661\u0662\u0663",
    "\u07c1",  # an NKo digit
    "\u0430dmin",  # a Cyrillic a
    "\u1d00\u1d05\u1d0d\u026a\u0274",
    "\ufb01",
    "1e999999999",
    "-1e999999999",
    "NaN",
    "Infinity",
    "-0",
    "0x10",
    "99999999999999999999999999999999",
    "-1",
    "1234",
    "12345678",
    "' OR 1=1 --",
    "%s%n",
    "{{7*7}}",
    "../../etc/passwd",
    "NGN",
    "ngn",
    "XXX",
    "Africa/Lagos",
    "Mars/Olympus",
    "a@b.co",
    "ADMIN@EXAMPLE.COM",
    "a" * 300 + "@example.com",
    "SERVICE_CHARGE",
    "PAYSTACK",
]

BAD_IDS = [
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "not-a-uuid",
    "1",
    "-1",
    "{12345678-1234-5678-1234-567812345678}",
    "urn:uuid:12345678-1234-5678-1234-567812345678",
    "12345678123456781234567812345678",
    # Full-width digits, an Arabic-Indic digit at the end.
    "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18-1234-5678-1234-567812345678",
    "12345678-1234-5678-1234-56781234567\u0663",
    "12345678-1234-5678-1234-567812345678\x00",
    "12345678-1234-5678-1234-567812345678 ",
    "12345678-1234-5678-1234-5678123456789",
    "x" * LONG,
    "x" * TOO_LONG,
]


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


BAD_CURSORS = [
    "Zm9v",  # "foo": no separator
    "not base64!",
    "====",
    "\x00",
    "x" * LONG,
    _b64("2030-01-01T00:00:00+00:00|not-a-uuid"),
    _b64("2030-01-01T00:00:00+00:00|" + "9" * 40),
    _b64("2030-01-01T00:00:00|12345678-1234-5678-1234-567812345678"),  # no timezone
    _b64("9999-12-31T23:59:59.999999+00:00|-1"),
    _b64("0001-01-01T00:00:00+00:00|1"),
    _b64("yesterday|12345678-1234-5678-1234-567812345678"),
    _b64("\uff12\uff10\uff13\uff10-01-01|1"),
    _b64("2030-01-01T00:00:00+00:00|" + "x" * 5000),
    _b64("2030-01-01T00:00:00+00:00|\x00"),
    base64.urlsafe_b64encode(b"\xff\xfe|\x00").decode(),
]

# Values the API accepts, so that an operation's other arguments get their turn.
PLAUSIBLE_STRINGS = [
    "Fuzz",
    "Service charge",
    "TRF-1",
    "fuzz-key-1",  # idempotency keys that come back
    "fuzz-key-2",
    "NGN",
    "Africa/Lagos",
    "1234",
    "2580",
    "Fuzz Person",
    "fuzz-estate",
]
AMOUNTS = ["10.00", "1.00", "0.50", "25", "5000.00", "99999.99"]
JSON_KEYS = ["secretKey", "webhookHash", "webhookSecret", "xpub", "accountNumber", "__proto__"]

DECIMALS = [
    "10.00",
    "0.01",
    "1",
    "0",
    "-0",
    "-10.00",
    "0.001",
    "1e999999999",
    "1E3",
    "NaN",
    "Infinity",
    "-Infinity",
    "\uff11\uff12",
    "\u0663",
    "1000000000",
    "1000000000.01",
    "9" * 5000,
    "0." + "0" * 5000 + "1",
    " 5",
    "5 ",
    "+5",
    "5.",
    ".5",
    "1_000",
    "",
]

DATES = [
    "2030-01-31",
    "2031-01-01",
    "2020-01-01",
    "2030-02-30",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "\uff12\uff10\uff13\uff10-01-01",
    "2030-01-31T00:00:00",
    "-2030-01-01",
    "20300131",
    "",
]

INTS = [0, 1, -1, 2, 100, 101, 10**6, 2**31 - 1, -(2**31), 2**31, 2**63, -(10**30)]


def to_node(value: Any) -> graphql.ValueNode:
    """A JSON value as a GraphQL literal."""
    if value is None:
        return graphql.NullValueNode()
    if isinstance(value, bool):
        return graphql.BooleanValueNode(value=value)
    if isinstance(value, int):
        return graphql.IntValueNode(value=str(value))
    if isinstance(value, float):
        return graphql.FloatValueNode(value=repr(value))
    if isinstance(value, str):
        return graphql.StringValueNode(value=value)
    if isinstance(value, list):
        return graphql.ListValueNode(values=tuple(to_node(item) for item in value))
    return graphql.ObjectValueNode(
        fields=tuple(
            graphql.ObjectFieldNode(name=graphql.NameNode(value=key), value=to_node(item))
            for key, item in value.items()
        )
    )


def _strings(values: st.SearchStrategy[str]) -> st.SearchStrategy[graphql.ValueNode]:
    return values.map(lambda value: graphql.StringValueNode(value=value))


def _ints(values: st.SearchStrategy[int]) -> st.SearchStrategy[graphql.ValueNode]:
    return values.map(lambda value: graphql.IntValueNode(value=str(value)))


def _wrong_kind() -> st.SearchStrategy[graphql.ValueNode]:
    """A value of another kind than the scalar expects."""
    return st.one_of(
        _ints(st.sampled_from(INTS)),
        st.just(graphql.FloatValueNode(value="1e999999999")),
        st.just(graphql.FloatValueNode(value="-0.5")),
        st.just(graphql.BooleanValueNode(value=True)),
        st.just(graphql.ListValueNode(values=())),
        st.just(graphql.ObjectValueNode(fields=())),
    )


def _mix(
    plausible: st.SearchStrategy[graphql.ValueNode], hostile: st.SearchStrategy[graphql.ValueNode]
) -> st.SearchStrategy[graphql.ValueNode]:
    """Mostly plausible values, so that one hostile value among the arguments is what the
    server meets (not the first of several), and now and then a value of another kind."""
    return st.one_of(*[plausible] * 8, *[hostile] * 6, _wrong_kind())


def scalar_strategies(seed: Seed) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    real_ids = st.sampled_from(seed.ids)
    bad_ids = st.one_of(
        real_ids.map(str.upper),
        st.uuids().map(str),  # UUIDs of nothing
        st.sampled_from(BAD_IDS),
    )
    real_cursors = st.sampled_from(seed.cursors)
    plausible_text = st.one_of(
        st.sampled_from(seed.strings),
        st.sampled_from(PLAUSIBLE_STRINGS),
        real_cursors,
        real_ids,
    )
    hostile_text = st.one_of(
        st.sampled_from(HOSTILE_STRINGS),
        st.sampled_from(BAD_CURSORS),
        bad_ids,
        st.text(max_size=40),
        st.text(min_size=200, max_size=400),
    )
    json_values = st.recursive(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=False, allow_infinity=False),
            st.sampled_from(HOSTILE_STRINGS + PLAUSIBLE_STRINGS),
        ),
        lambda children: (
            st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(JSON_KEYS), children)
        ),
        max_leaves=8,
    )
    return {
        "ID": _mix(_strings(real_ids), _strings(bad_ids)),
        "String": _mix(_strings(plausible_text), _strings(hostile_text)),
        "Int": _mix(_ints(st.integers(0, 150)), _ints(st.sampled_from(INTS) | st.integers())),
        "Float": _mix(
            st.floats(allow_nan=False, allow_infinity=False).map(
                lambda value: graphql.FloatValueNode(value=repr(value))
            ),
            st.just(graphql.FloatValueNode(value="1e999999999")),
        ),
        "Boolean": st.booleans().map(lambda value: graphql.BooleanValueNode(value=value)),
        "Decimal": _mix(
            _strings(st.sampled_from(AMOUNTS)),
            _strings(st.sampled_from(DECIMALS) | hostile_text),
        ),
        "Date": _mix(_strings(st.sampled_from(DATES[:3])), _strings(st.sampled_from(DATES))),
        "DateTime": _mix(_strings(st.sampled_from(DATES[:3])), _strings(hostile_text)),
        "JSON": json_values.map(to_node),
    }
