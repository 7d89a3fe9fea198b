"""The compiled read path answers exactly as graphql-core does: random valid documents
over the read API (documents.py), sent as each kind of caller to an app with
`compiled_reads` on and to one with it off, over the same seeded world (world.py), must
get byte-for-byte the same body and the same status.

The default is a short, derandomized campaign (the same documents every run);
`DIFFTEST_PROFILE=deep` runs a long one with fresh randomness (`DIFFTEST_SCALE`, default
20, multiplies the examples) and shrinks what it finds. `DIFFTEST_BACKEND=sqlite` runs the
module on the embedded default (see conftest.py); the PostgreSQL run starts that run."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, Phase, example, given, settings

from tests.compiled.builder import Caller, DiffWorld
from tests.compiled.conftest import SQLITE, Apps
from tests.compiled.documents import (
    READ_ROOTS,
    Document,
    Generator,
    full_document,
    selected_fields,
)
from tests.compiled.world import FOREIGN_MARK

DEEP = os.environ.get("DIFFTEST_PROFILE") == "deep"
# The embedded run repeats the fixed documents in full and fewer random ones.
SCALE = int(os.environ.get("DIFFTEST_SCALE", "20")) if DEEP else 0.4 if SQLITE else 1
# Documents per caller: most for the two roles whose every read field must be covered.
EXAMPLES = {
    "admin": 200,
    "resident": 200,
    "resident-2": 45,
    "resident-3": 20,  # no unit, no wallet movements
    "platform-admin": 12,
    "anonymous": 8,
    "foreign-admin": 12,
    "resident-foreign-tenant": 8,
}
# The world's callers behind each role (world.py names residents by their first names).
CALLERS = {"resident": "ada", "resident-2": "bo", "resident-3": "cy"}
CAMPAIGN = settings(
    deadline=None,
    derandomize=not DEEP,
    database=None,
    # A difference prints the whole document; shrinking it takes minutes of requests, so
    # only the deep campaign (or DIFFTEST_SHRINK=1) shrinks.
    phases=[p for p in Phase if p is not Phase.shrink or DEEP or os.environ.get("DIFFTEST_SHRINK")],
    suppress_health_check=list(HealthCheck),
)
HEADER = "x-read-path"
# Root fields each role may read (the others answer FORBIDDEN).
ALLOWED = {
    "admin": frozenset(READ_ROOTS) - {"wallet", "rewards"},
    "resident": frozenset(READ_ROOTS) - {"residents", "resident", "estateWallet", "dashboard"},
}

# What the campaign saw: the fields selected per role, and the compiled app's read path.
covered: dict[str, set[str]] = defaultdict(set)
read_paths: Counter[tuple[str, str]] = Counter()


def caller(world: DiffWorld, role: str) -> Caller:
    return world.callers[CALLERS.get(role, role)]


def difference(
    role: str, doc: Document, compiled: httpx.Response, plain: httpx.Response
) -> str | None:
    """What differs between the two answers, printed so that it can be replayed."""
    ours = (compiled.status_code, compiled.headers.get("content-type"), compiled.content)
    theirs = (plain.status_code, plain.headers.get("content-type"), plain.content)
    if ours == theirs:
        return None
    return (
        f"the compiled path answered differently, as {role}"
        f" (read path {compiled.headers.get(HEADER)!r}):\n"
        f"document:\n{doc.query}\nvariables: {json.dumps(doc.variables)}\n"
        f"operationName: {doc.operation_name!r}\n"
        f"compiled   {ours[0]} {ours[1]}: {compiled.content.decode(errors='replace')}\n"
        f"graphql-core {theirs[0]} {theirs[1]}: {plain.content.decode(errors='replace')}"
    )


async def both(apps: Apps, who: Caller, doc: Document) -> tuple[httpx.Response, httpx.Response]:
    body, headers = doc.body(), who.headers()
    compiled = await apps.compiled.post("/graphql", content=body, headers=headers)
    plain = await apps.plain.post("/graphql", content=body, headers=headers)
    return compiled, plain


async def compare(
    apps: Apps, world: DiffWorld, schema: graphql.GraphQLSchema, role: str, doc: Document
) -> dict[str, Any]:
    compiled, plain = await both(apps, caller(world, role), doc)
    found = difference(role, doc, compiled, plain)
    assert found is None, found
    assert HEADER not in plain.headers, "compiled_reads=False took the compiled path"
    read_paths[role, compiled.headers.get(HEADER, "graphql-core")] += 1
    if role != "foreign-admin":
        assert FOREIGN_MARK.encode() not in compiled.content, f"another estate's row: {doc}"
    payload: dict[str, Any] = compiled.json()
    # The generator's documents are valid: any error comes from executing a field.
    for error in payload.get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert "path" in error or code in ("UNAUTHENTICATED", "FORBIDDEN"), f"{doc}\n{error}"
    if payload.get("data") is not None:
        covered[role].update(selected_fields(schema, doc.query))
    return payload


def read_fields(schema: graphql.GraphQLSchema, roots: frozenset[str]) -> set[str]:
    """Every "Type.field" reachable from these root fields."""
    assert schema.query_type is not None
    found: set[str] = set()
    todo: list[tuple[graphql.GraphQLObjectType, tuple[str, ...]]] = [
        (schema.query_type, tuple(roots))
    ]
    seen: set[str] = set()
    while todo:
        type_, names = todo.pop()
        for name in names:
            found.add(f"{type_.name}.{name}")
            child = graphql.get_named_type(type_.fields[name].type)
            if isinstance(child, graphql.GraphQLObjectType) and child.name not in seen:
                seen.add(child.name)
                todo.append((child, tuple(child.fields)))
    return found


@pytest.mark.parametrize("role", list(EXAMPLES))
def test_compiled_answers_equal_graphql_core(
    session_loop: asyncio.AbstractEventLoop,
    apps: Apps,
    world: DiffWorld,
    generator: Generator,
    live_schema: graphql.GraphQLSchema,
    role: str,
) -> None:
    def check(doc: Document) -> None:
        session_loop.run_until_complete(compare(apps, world, live_schema, role, doc))

    allowed = ALLOWED.get(role, frozenset(READ_ROOTS))
    fixed = dict(fixed_documents(live_schema, world, role)) if role in ALLOWED else {}
    # Each root in turn (hypothesis' choices among them are far from even): first every
    # field under it, then random documents led by it.
    for root in READ_ROOTS:
        share = EXAMPLES[role] * SCALE * (1 if root in allowed else 0.3) / len(READ_ROOTS)
        campaign = given(doc=generator.documents(root, allowed))(check)
        if root in fixed:
            campaign = example(doc=fixed[root])(campaign)
        settings(CAMPAIGN, max_examples=max(1, round(share)))(campaign)()
    # Shown with `-rP`: how much of the campaign the compiled path answered.
    print(
        f"read paths as {role}: {sorted((p, n) for (r, p), n in read_paths.items() if r == role)}"
    )
    if role in ALLOWED:
        missing = read_fields(live_schema, ALLOWED[role]) - covered[role]
        assert not missing, f"never answered with data, as {role}: {sorted(missing)}"


# Read fields the compiler leaves to graphql-core (the random documents still compare
# them): a Bitcoin payment's QR code is drawn by segno, in Python. On SQLite, also what
# reads the shared tables (another file than the estate's: the Estate and User types).
LEFT_TO_GRAPHQL_CORE = frozenset({"Payment.bitcoin"}) | (
    frozenset({"Query.me", "Query.estate", "BillResident.user", "Resident.user", "Occupant.user"})
    if SQLITE
    else frozenset()
)


def fixed_documents(
    schema: graphql.GraphQLSchema,
    world: DiffWorld,
    role: str,
    omit: frozenset[str] = frozenset(),
) -> list[tuple[str, Document]]:
    own_bill, own_payment = world.ids["bill"][0], world.ids["payment"][0]
    arguments = {
        "bill": f'(id: "{own_bill}")',
        "payment": f'(id: "{own_payment}")',
        "paymentByReference": f'(reference: "{world.references[0]}")',
        "resident": f'(id: "{world.ids["resident"][0]}")',
        "property": f'(id: "{world.ids["property"][0]}")',
        "bills": "(first: 100)",
        "payments": "(first: 100)",
        "notifications": "(first: 100)",
        "dashboard": "(period: MONTH)",
    }
    return [
        (root, Document(full_document(schema, root, arguments.get(root, ""), omit), {}))
        for root in READ_ROOTS
        if root in ALLOWED[role] and f"Query.{root}" not in omit
    ]


@pytest.mark.parametrize("role", list(ALLOWED))
async def test_every_read_field_takes_the_compiled_path(
    apps: Apps, world: DiffWorld, live_schema: graphql.GraphQLSchema, role: str
) -> None:
    """Every field of every read root, as each role: equal answers with data, and every
    one of them from the compiled path (the equality above proves nothing if the
    compiled app quietly answers everything through graphql-core)."""
    not_compiled = []
    for root, doc in fixed_documents(live_schema, world, role, LEFT_TO_GRAPHQL_CORE):
        compiled, plain = await both(apps, caller(world, role), doc)
        found = difference(role, doc, compiled, plain)
        assert found is None, found
        assert not compiled.json().get("errors"), f"{doc}\n{compiled.text}"
        if compiled.headers.get(HEADER) != "compiled":
            not_compiled.append(f"{root}: {compiled.headers.get(HEADER)}")
    assert not not_compiled, f"as {role}, not compiled: {not_compiled}"


BILL = """query($id: ID!) { bill(id: $id) { id number status isOverdue resident { id }
  payments { reference status } } }"""
BILLS = """query($f: BillFilter, $n: Int) { bills(filter: $f, first: $n) { totalCount
  edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }"""
WALLET = "{ wallet { id balance { amount } transactions(first: 2) { edges { node { id } } } } }"
ME = "{ me { id email fullName phone memberships { role estate { slug name } } } }"


async def test_plans_are_not_shared_across_callers_or_variables(
    apps: Apps, world: DiffWorld, live_schema: graphql.GraphQLSchema
) -> None:
    """One document text, sent by caller after caller and with one variable value after
    another: a plan cached for one must not answer for the next (the viewer and the
    resident filter are the caller's, whatever the cache holds)."""
    bills = [world.ids[f"bill:{key}"][0] for key in ("ada", "bo", "cy")]
    sends: list[tuple[str, dict[str, Any]]] = [
        (BILL, {"id": bill}) for bill in [*bills, world.ids["foreign"][0]]
    ]
    sends += [
        (BILLS, variables)
        for variables in (
            {},
            {"f": None, "n": 2},
            {"f": {"status": ["PAID", "OVERDUE"]}},
            {"f": {"overdueOnly": True}, "n": 1},
            {"f": {"residentId": world.ids["resident"][1]}},
        )
    ]
    sends += [(WALLET, {}), (ME, {})]
    for query, variables in sends:
        for role in ("admin", "resident", "resident-2", "resident", "resident-3", "anonymous"):
            await compare(apps, world, live_schema, role, Document(query, variables))


LIMITS = [
    # Unknown field, wrong variable type, a missing variable, `first` over the cap and
    # below zero, cursors that are not ours, too many aliases, a syntax error.
    Document("{ bills { edges { node { nope } } } }", {}),
    Document("query($n: Int) { bills(first: $n) { totalCount } }", {"n": "ten"}),
    Document("query($id: ID!) { bill(id: $id) { id } }", {}),
    Document("{ bills(first: 1000) { totalCount edges { cursor } } }", {}),
    Document("{ payments(first: -1) { totalCount } }", {}),
    Document('{ bills(after: "bm90IG91cnM=") { totalCount } }', {}),
    Document('{ residents(after: "MjAyNC0wMS0wMVQwMDowMDowMCswMDowMHwx") { totalCount } }', {}),
    Document("{ " + " ".join(f"a{i}: me {{ id }}" for i in range(40)) + " }", {}),
    Document("{ bills { edges { node { id } } }", {}),
    Document("{ me { id } }" + " " * 10 + "{ estate { id } }", {}),
    Document("{ estate { id } estates { totalCount } }", {}),
    Document("subscription { walletUpdated { id } }", {}),
    Document("{ __schema { queryType { name } } me { id } }", {}),
]


@pytest.mark.parametrize("role", ["admin", "resident", "anonymous"])
async def test_refusals_equal_graphql_core(apps: Apps, world: DiffWorld, role: str) -> None:
    """Bad input and what the compiler does not support (another root field, a
    subscription, introspection) answer as graphql-core does."""
    for doc in LIMITS:
        compiled, plain = await both(apps, caller(world, role), doc)
        found = difference(role, doc, compiled, plain)
        assert found is None, found


@pytest.mark.skipif(SQLITE, reason="this is the embedded run")
def test_the_same_on_embedded_sqlite(tmp_path: Path) -> None:
    """This module again on the embedded SQLite default, in a process of its own: the
    database is process-wide, and this one is bound to PostgreSQL."""
    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.update(DIFFTEST_BACKEND="sqlite", DATA_DIR=str(tmp_path / "var"))
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    command = [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]
    command += [f"--basetemp={tmp_path / 'run'}", str(Path(__file__).relative_to(root))]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    assert re.search(r"\b\d+ passed", result.stdout), result.stdout[-5000:]
