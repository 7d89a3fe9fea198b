"""The compiled read path: a query operation answered by one SQL statement per root field,
whose JSON text PostgreSQL (or SQLite) builds and the response carries without decoding.

Parsing and validation happen once per (document, operation name); a plan is built once
per (document, operation, role, variable shape) and kept. Whatever the compiler does not
cover (a mutation, a subscription, introspection, a field it does not know) and every
request that would end in an error (validation, a bad cursor, an object the caller may
not see) returns None here: graphql-core answers it, so errors keep their exact shapes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.values import get_variable_values

from resolvers.context import RequestContext
from schema.boundary import check_operation
from schema.build import EstatepaySchema
from schema.compiled.access import caller_still
from schema.compiled.build import Build, Fallback, Getter, Request, Unsupported
from schema.compiled.caller import Caller
from schema.compiled.dialect import POSTGRES, SQLITE, Dialect
from schema.compiled.rest import rest_document, run_rest
from schema.compiled.roots import TENANT_ROOTS
from schema.compiled.run import run_statements
from services.bills.queries import estate_today
from services.bounded import Bounded
from tenants.database import is_postgres

CACHE_SIZE = 1024
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Operation:
    document: DocumentNode
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    name: str | None  # as the request named it


@dataclass(frozen=True)
class Statement:
    key: str  # the root field's response key
    sql: str
    getters: list[Getter]  # its parameters, $1 first
    checks: list[Getter]


@dataclass(frozen=True)
class Plan:
    order: list[str]  # every root response key, in the response's order
    statements: list[Statement]  # the compiled root fields
    rest: str | None  # the operation cut down to the others, for graphql-core

    @property
    def compiled(self) -> bool:
        return bool(self.statements)


ContextMaker = Callable[[], Awaitable[RequestContext]]


class CompiledReads:
    def __init__(self, schema: EstatepaySchema, page_cap: int) -> None:
        self.schema = schema
        self.graphql = schema._schema
        self.page_cap = page_cap
        self.operations: Bounded[Hashable, Any] = Bounded(CACHE_SIZE)
        self.plans: Bounded[Hashable, Any] = Bounded(CACHE_SIZE)

    async def answer(
        self, body: dict[str, Any], caller: Caller, context: ContextMaker
    ) -> tuple[bytes, str] | None:
        """The response body and how it was made ("compiled", or "partial" when graphql-core
        answered some root fields), or None for graphql-core to answer it all. `context`
        makes the full request context, which the root fields left to graphql-core need."""
        checked = self._checked(body)
        if checked is None:
            return None
        op, variables = checked
        dialect = POSTGRES if is_postgres() else SQLITE
        key = (body["query"], op.name, caller.is_admin, dialect.name, _shape(variables.coerced))
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans.remember(key, self._plan(op, variables, caller.is_admin, dialect))
        if not plan.compiled:
            return None
        estate = caller.estate
        request = Request(
            variables=variables,
            user_id=caller.user_id,
            session_id=caller.session_id,
            slug=estate.slug,
            timezone=estate.timezone,
            currency=estate.currency,
            today=estate_today(estate, datetime.now(UTC)),
            page_cap=self.page_cap,
        )
        try:
            for statement in plan.statements:
                for check in statement.checks:
                    check(request)
            params = [[getter(request) for getter in s.getters] for s in plan.statements]
            caller_check = None
            if not dialect.shared_tables:  # SQLite: the caller is checked on its own
                found = self._caller_check(dialect, caller.is_admin)
                caller_check = (found.sql, [getter(request) for getter in found.getters])
        except Fallback:
            return None
        sql = [s.sql for s in plan.statements]
        try:
            values = await run_statements(estate.slug, sql, params, caller_check)
        except Exception:  # the database away: graphql-core says so (UNAVAILABLE)
            log.debug("compiled read failed", exc_info=True)
            return None
        if values is None:
            return None
        found_json = {s.key: value for s, value in zip(plan.statements, values, strict=True)}
        if plan.rest is not None:
            rest = await run_rest(self.schema, plan.rest, body.get("variables"), await context())
            if rest is None:
                return None
            found_json.update((key, orjson.dumps(value)) for key, value in rest.items())
        fields = b",".join(orjson.dumps(key) + b":" + found_json[key] for key in plan.order)
        return b'{"data":{' + fields + b"}}", "partial" if plan.rest else "compiled"

    def _checked(self, body: dict[str, Any]) -> tuple[Operation, Any] | None:
        """The operation and its coerced variables, if the request is a valid query whose
        inputs the boundary accepts (else graphql-core answers, with the errors)."""
        query, variables = body.get("query"), body.get("variables")
        name = body.get("operationName")
        if not isinstance(query, str) or not isinstance(name, str | None):
            return None
        if variables is not None and not isinstance(variables, dict):
            return None
        op = self._operation(query, name)
        if op is None:
            return None
        coerced = get_variable_values(
            self.graphql, op.operation.variable_definitions or (), variables or {}
        )
        if isinstance(coerced, list):  # errors
            return None
        limits = self.schema.limits
        checked = limits.documents.get(query, self.graphql, op.document, limits.inputs)
        if check_operation(self.graphql, op.document, variables, name, limits.inputs, checked):
            return None
        return op, coerced

    def _operation(self, query: str, name: str | None) -> Operation | None:
        key = (query, name)
        if key in self.operations:
            return self.operations[key]
        return self.operations.remember(key, self._prepare(query, name))

    def _prepare(self, query: str, name: str | None) -> Operation | None:
        limits = self.schema.limits
        try:
            document = parse(query, max_tokens=limits.max_tokens)
        except GraphQLError:
            return None
        if validate(self.graphql, document, [*specified_rules, *limits.validation_rules]):
            return None
        operations = [
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode)
            and (name is None or (d.name is not None and d.name.value == name))
        ]
        if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
            return None
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        return Operation(document, operations[0], fragments, name)

    def _caller_check(self, dialect: Dialect, is_admin: bool) -> Statement:
        """Where the estate's tables and the shared ones are apart (SQLite), the remembered
        caller is re-checked by a statement of its own on the shared database."""
        key = ("caller", dialect.name, is_admin)
        found = self.plans.get(key)
        if found is None:
            b = Build(dialect, self.graphql, {}, None, is_admin, self.page_cap)
            sql = f"SELECT CASE WHEN {caller_still(b)} THEN 1 ELSE 0 END, 1"
            found = self.plans.remember(key, Statement("", sql, b.getters, []))
        return found

    def _plan(self, op: Operation, variables: Any, is_admin: bool, dialect: Dialect) -> Plan:
        """One statement per root field the compiler covers, each returning the field's
        JSON and whether every guard held; the others go to graphql-core."""
        root = self.graphql.query_type
        assert root is not None
        nothing = Plan([], [], None)
        top = Build(dialect, self.graphql, op.fragments, variables, is_admin, self.page_cap)
        fields = top.collect_root(root, op.operation.selection_set)
        statements, rest = [], set()
        for key, nodes in fields.items():
            name = nodes[0].name.value
            compile_root = TENANT_ROOTS.get(name)
            try:
                if compile_root is None:
                    raise Unsupported(name)
                b = Build(dialect, self.graphql, op.fragments, variables, is_admin, self.page_cap)
                value = compile_root(b, root.fields[name], nodes)
                if dialect.shared_tables:
                    b.guards.append(caller_still(b))
                checks = " AND ".join(f"({g})" for g in b.guards) or "1 = 1"
                sql = f"SELECT {value}, CASE WHEN {checks} THEN 1 ELSE 0 END"
                statements.append(Statement(key, *_used_only(dialect, sql, b.getters), b.checks))
            except Unsupported:
                rest.add(key)
        if not statements:
            return nothing
        if not rest:
            return Plan(list(fields), statements, None)
        document = rest_document(op.operation, op.fragments, rest)
        return nothing if document is None else Plan(list(fields), statements, document)


def _used_only(dialect: Dialect, sql: str, getters: list[Getter]) -> tuple[str, list[Getter]]:
    """The statement with the parameters it refers to, numbered from 1 (a parameter made
    for a part of a connection that was not selected would have no type in PostgreSQL)."""
    pattern = dialect.placeholder
    used = sorted({int(n) for n, _ in pattern.findall(sql)})
    number = {old: new for new, old in enumerate(used, start=1)}
    sql = pattern.sub(lambda m: dialect.param(number[int(m.group(1))], m.group(2) or ""), sql)
    return sql, [getters[old - 1] for old in used]


def _shape(value: Any) -> Hashable:
    """What of the variables decides a plan: which are null (filters present or not), an
    empty list or not, and booleans (`@include`, `overdueOnly`) by value."""
    if isinstance(value, dict):
        return tuple((k, _shape(v)) for k, v in sorted(value.items()))
    if isinstance(value, list):
        return "[]" if not value else "[..]"
    if isinstance(value, bool) or value is None:
        return value
    return "."
