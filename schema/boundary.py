"""The input boundary: every value a client sends into an operation is checked here, once,
before any resolver runs, whether it came inline in the document or as a variable.

- Strings (String, ID and strings inside custom scalars such as JSON) are at most
  `max_string_length` characters and hold no control character (NUL included), lone
  surrogate or bidi control. Newline and tab are allowed only in the free-text fields of
  `MULTILINE_FIELDS` and inside JSON values; everything else is one line.
- IDs are UUIDs in canonical ASCII form.
- Input nested deeper than `MAX_INPUT_DEPTH` is refused (JSON scalars can nest freely).
- `Decimal` is parsed strictly by its own scalar (`decimal_scalar`).

A refusal is `VALIDATION_ERROR` with `extensions.field` naming the innermost input field
(or argument) at fault. Per-field lengths and formats stay with the services
(`services/validation.py`); this is the floor under all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from graphql import (
    BREAK,
    GraphQLError,
    GraphQLID,
    GraphQLInputType,
    GraphQLString,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    StringValueNode,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    is_input_object_type,
    is_list_type,
    is_non_null_type,
    type_from_ast,
    visit,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.types.base_scalars import DateDefinition, DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition, scalar

from services.money import parse_decimal
from services.validation import UUID_PATTERN, forbidden_character

# Free text that may run over several lines (input field or argument names).
MULTILINE_FIELDS = frozenset({"description", "note", "reason", "address"})
MAX_INPUT_DEPTH = 32


def decimal_scalar(max_amount: Decimal) -> ScalarDefinition:
    """`Decimal`: exactly `-?[0-9]+(\\.[0-9]+)?` in ASCII, as a string, at most
    `max_amount` either way. The services check the currency's places and the sign."""

    def parse(value: object) -> Decimal:
        amount = parse_decimal(value)
        if abs(amount) > max_amount:
            raise ValueError(f"an amount is at most {max_amount}")
        return amount

    definition: ScalarDefinition = scalar(
        name="Decimal",
        description='An exact decimal number as a string, e.g. "5000.00"',
        # Written out in full: str() turns small ones to exponents ("0E-8" BTC).
        serialize=lambda value: format(value, "f"),
        parse_value=parse,
    )
    return definition


def date_scalar() -> ScalarDefinition:
    """Strawberry's `Date`, refusing with a ValueError rather than a GraphQLError, so that
    graphql-core places an inline value's error on its node (and the field gets named)."""

    def parse(value: object) -> date:
        try:
            parsed: date = DateDefinition.parse_value(value)  # type: ignore[misc]
        except GraphQLError as exc:
            raise ValueError(exc.message) from None
        return parsed

    definition: ScalarDefinition = scalar(
        name="Date", description="Date (isoformat)", serialize=date.isoformat, parse_value=parse
    )
    return definition


def datetime_scalar() -> ScalarDefinition:
    """Strawberry's `DateTime`, refusing like `date_scalar` (the field gets named); an
    input needs its UTC offset (a time without one names no instant)."""

    def parse(value: object) -> datetime:
        try:
            parsed: datetime = DateTimeDefinition.parse_value(value)  # type: ignore[misc]
        except GraphQLError as exc:
            raise ValueError(exc.message) from None
        if parsed.tzinfo is None:
            raise ValueError(f"DateTime needs a UTC offset, e.g. {value}Z")
        return parsed

    definition: ScalarDefinition = scalar(
        name="DateTime",
        description="Date with time (isoformat)",
        serialize=datetime.isoformat,
        parse_value=parse,
    )
    return definition


@dataclass(frozen=True)
class Refusal:
    field: str
    message: str
    node: Node | None = None

    def error(self) -> GraphQLError:
        return GraphQLError(
            self.message,
            [self.node] if self.node is not None else None,
            extensions={"code": "VALIDATION_ERROR", "field": self.field},
        )


class Rules:
    def __init__(self, max_string_length: int) -> None:
        self.max_string_length = max_string_length

    def string(self, value: str, of_type: Any, field: str) -> str | None:
        """Why `value`, sent for `field` of GraphQL type `of_type`, is refused, or None."""
        if len(value) > self.max_string_length:
            return f"{field} is longer than {self.max_string_length} characters"
        if of_type is GraphQLID and not UUID_PATTERN.fullmatch(value):
            return f"{field} is not a valid id"
        multiline = field in MULTILINE_FIELDS or of_type not in (GraphQLString, GraphQLID)
        if char := forbidden_character(value, multiline=multiline):
            return f"{field} holds a control character ({char})"
        return None

    def value(self, value: Any, of_type: Any, field: str, depth: int = 0) -> tuple[str, str] | None:
        """A variable's value, walked along its GraphQL type: (field, why) or None."""
        if depth > MAX_INPUT_DEPTH:
            return field, f"{field} is nested too deeply"
        if is_non_null_type(of_type):
            of_type = of_type.of_type
        if value is None:
            return None
        if is_list_type(of_type):
            items = value if isinstance(value, list) else [value]
            return _first(self.value(i, of_type.of_type, field, depth + 1) for i in items)
        if is_input_object_type(of_type):
            if not isinstance(value, dict):
                return None  # graphql-core refuses it with its own message
            fields = of_type.fields
            return _first(
                self.value(v, fields[k].type, k, depth + 1) for k, v in value.items() if k in fields
            )
        if isinstance(value, str):
            reason = self.string(value, of_type, field)
            return (field, reason) if reason else None
        if of_type is GraphQLID and isinstance(value, int):
            return field, f"{field} is not a valid id"
        if isinstance(value, list | dict):  # a custom scalar's structure, e.g. JSON
            pairs = list(value.items() if isinstance(value, dict) else enumerate(value))
            return _first(
                self.value(k, None, field, depth + 1) for k, _ in pairs if isinstance(k, str)
            ) or _first(self.value(v, None, field, depth + 1) for _, v in pairs)
        return None


def _first(refusals: Iterator[tuple[str, str] | None]) -> tuple[str, str] | None:
    return next((r for r in refusals if r is not None), None)


class _LiteralCheck(Visitor):
    """Inline values in the document, and which argument each variable feeds."""

    def __init__(self, type_info: TypeInfo, rules: Rules) -> None:
        super().__init__()
        self.type_info, self.rules = type_info, rules
        self.names: list[str] = []
        self.fed_by: dict[str, str] = {}
        self.refusal: Refusal | None = None
        self.in_definition = False

    def enter_argument(self, node: Any, *_: Any) -> None:
        self.names.append(node.name.value)

    def leave_argument(self, *_: Any) -> None:
        self.names.pop()

    enter_object_field = enter_argument
    leave_object_field = leave_argument

    def enter_variable_definition(self, node: Any, *_: Any) -> None:
        self.names.append(node.variable.name.value)
        self.in_definition = True

    def leave_variable_definition(self, *_: Any) -> None:
        self.names.pop()
        self.in_definition = False

    def enter_variable(self, node: Any, *_: Any) -> None:
        if self.names and not self.in_definition:
            self.fed_by.setdefault(node.name.value, self.names[-1])

    def enter_string_value(self, node: StringValueNode, *_: Any) -> Any:
        return self._check(node, node.value)

    def enter_int_value(self, node: IntValueNode, *_: Any) -> Any:
        return self._check(node, node.value)

    def _check(self, node: StringValueNode | IntValueNode, value: str) -> Any:
        if not self.names:
            return None
        of_type = get_named_type(self.type_info.get_input_type())
        if isinstance(node, IntValueNode) and of_type is not GraphQLID:
            return None
        field = self.names[-1]
        reason = self.rules.string(value, of_type, field)
        if reason is not None:
            self.refusal = Refusal(field, reason, node)
            return BREAK
        return None


@dataclass(frozen=True)
class _DocumentCheck:
    refusal: Refusal | None
    fed_by: dict[str, str]


def _check_document(schema: Any, document: Any, rules: Rules) -> _DocumentCheck:
    type_info = TypeInfo(schema)
    literals = _LiteralCheck(type_info, rules)
    visit(document, TypeInfoVisitor(type_info, literals))
    return _DocumentCheck(literals.refusal, literals.fed_by)


class DocumentChecks:
    """What the document alone decides, kept per query text like the parser and validation
    caches (a TypeInfo walk costs more than the variables' check)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.known: dict[str, _DocumentCheck] = {}

    def get(self, query: str | None, schema: Any, document: Any, rules: Rules) -> _DocumentCheck:
        if query is None:
            return _check_document(schema, document, rules)
        found = self.known.get(query)
        if found is None:
            found = self.known[query] = _check_document(schema, document, rules)
            if len(self.known) > self.size:
                del self.known[next(iter(self.known))]  # the oldest
        return found


def check_operation(
    schema: Any,
    document: Any,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    rules: Rules,
    checked: _DocumentCheck | None = None,
) -> Refusal | None:
    """The first input of the operation the boundary refuses, or None."""
    checked = checked or _check_document(schema, document, rules)
    if checked.refusal is not None:
        return checked.refusal
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (operation_name is None or (d.name is not None and d.name.value == operation_name))
    ]
    if len(operations) != 1 or not variables:
        return None  # graphql-core says what is wrong with the operation itself
    for definition in operations[0].variable_definitions or ():
        name = definition.variable.name.value
        of_type: GraphQLInputType | None = type_from_ast(schema, definition.type)  # type: ignore[assignment]
        found = rules.value(variables.get(name), of_type, checked.fed_by.get(name, name))
        if found is not None:
            return Refusal(*found, definition)
    return None


class InputBoundary(SchemaExtension):
    """Runs after validation (it must come after ValidationCache in the extension list):
    a valid operation whose inputs the boundary refuses goes no further."""

    def __init__(self, *, rules: Rules, documents: DocumentChecks) -> None:
        self.rules, self.documents = rules, documents

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if not ec.pre_execution_errors and ec.graphql_document is not None:
            schema, document = ec.schema._schema, ec.graphql_document
            checked = self.documents.get(ec.query, schema, document, self.rules)
            refusal = check_operation(
                schema, document, ec.variables, ec.operation_name, self.rules, checked
            )
            if refusal is not None:
                ec.pre_execution_errors = [refusal.error()]
        yield
