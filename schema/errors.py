"""Errors as API.md says: every error leaves with `extensions.code` (and `field` where
one input is to blame); unexpected ones are logged and masked."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from graphql import (
    ArgumentNode,
    GraphQLError,
    ObjectFieldNode,
    Source,
    ValueNode,
    VariableNode,
    Visitor,
    parse,
    visit,
)

from services.errors import UNAVAILABLE_MESSAGE, DomainError, Unavailable, is_outage

log = logging.getLogger("estatepay.graphql")

MASKED_MESSAGE = "Internal server error"
# graphql-core names the input field in its coercion messages; surface it.
_FIELDS_IN_MESSAGE = [
    re.compile(r"required field '(\w+)'"),
    # A required argument left out: "Argument 'Mutation.createBill(input:)' of type ..."
    re.compile(r"^Argument '\w+\.\w+\((\w+):\)' of type '[^']+' is required"),
    re.compile(r"[Ff]ield '(?:\w+\.)?(\w+)'"),
    # A variable's value refused inside it ("has invalid value at .input.dueDate: ..."):
    # the innermost input field named on the path.
    re.compile(r" has invalid value at (?:[.\[\]\w]*\.)?(\w+)(?:\[\d+\])*: "),
    re.compile(r"[Vv]ariable '\$(\w+)'"),
]
_VARIABLE_IN_MESSAGE = re.compile(r"^Variable '\$(\w+)' (?:got|has) invalid value")


def _arguments_where(document: str | Source, holds: Callable[[ValueNode], bool]) -> list[str]:
    """The names of the arguments and input fields, in document order, whose value
    node satisfies `holds`."""
    found: list[str] = []

    class Finder(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: object) -> None:
            self._check(node)

        def enter_object_field(self, node: ObjectFieldNode, *_: object) -> None:
            self._check(node)

        def _check(self, node: ArgumentNode | ObjectFieldNode) -> None:
            if holds(node.value):
                found.append(node.name.value)

    try:
        visit(parse(document), Finder())
    except GraphQLError:
        return []
    return found


def _argument_fed_by(error: GraphQLError, variable: str) -> str | None:
    if error.source is None:
        return None
    found = _arguments_where(
        error.source.body,
        lambda value: isinstance(value, VariableNode) and value.name.value == variable,
    )
    return found[0] if found else None


def _field_at(error: GraphQLError) -> str | None:
    """The argument or input field whose inline value the error points at."""
    node = error.nodes[0] if error.nodes else None
    if node is None or node.loc is None:
        return None
    start = node.loc.start
    # The node's own document, parsed already: the node's location points into it.
    document = getattr(node.loc, "source", None)
    if document is None:
        return None
    found = _arguments_where(
        document, lambda value: value.loc is not None and value.loc.start == start
    )
    return found[-1] if found else None


def _reshaped(
    error: GraphQLError, message: str, original: Exception | None, extensions: dict[str, object]
) -> GraphQLError:
    """The same error, at the same place, with what the client may see."""
    return GraphQLError(
        message, error.nodes, error.source, error.positions, error.path, original, extensions
    )


def shaped(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None and "code" in (error.extensions or {}):
        return error  # shaped already (a streamed result may pass here twice)
    if isinstance(original, DomainError):
        extensions: dict[str, object] = {"code": original.code}
        if original.field:
            extensions["field"] = original.field
        return _reshaped(error, original.message, original, extensions)
    # A scalar's parser refusing an inline value (ValueError, TypeError) during
    # validation: outside execution, so no path; it is the client's input at fault.
    refused_literal = isinstance(original, ValueError | TypeError) and error.path is None
    if original is None or isinstance(original, GraphQLError) or refused_literal:
        # Parse, validation and input-coercion errors: the client's input is at fault.
        extensions = {**(error.extensions or {}), "code": "VALIDATION_ERROR"}
        for pattern in _FIELDS_IN_MESSAGE:
            if match := pattern.search(error.message):
                extensions.setdefault("field", match.group(1))
                break
        if "field" not in extensions and (literal := _field_at(error)):
            extensions["field"] = literal
        variable = _VARIABLE_IN_MESSAGE.search(error.message)
        if variable and extensions.get("field") == variable.group(1):
            # Name the argument the variable feeds, not the client's variable name.
            extensions["field"] = _argument_fed_by(error, variable.group(1)) or variable.group(1)
        return _reshaped(error, error.message, original, extensions)
    if is_outage(original):
        log.warning("outage in %s: %r", error.path, original)
        return _reshaped(
            error, UNAVAILABLE_MESSAGE, Unavailable(UNAVAILABLE_MESSAGE), {"code": "UNAVAILABLE"}
        )
    log.error("unhandled error in %s", error.path, exc_info=original)
    return _reshaped(error, MASKED_MESSAGE, None, {"code": "INTERNAL"})


def shape_errors(errors: list[GraphQLError] | None) -> list[GraphQLError] | None:
    return [shaped(e) for e in errors] if errors else errors
