"""Operations generated from the live schema by hypothesis-graphql: one root field each,
valid documents and documents with one schema violation (a wrong enum value, a missing
required argument, a value of the wrong type), the root field's arguments sent inline or
lifted into variables, so that both of the input boundary's paths are walked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import graphql
import hypothesis_graphql
from hypothesis import strategies as st

# The one URL a client sets that the server then calls is a gateway's base URL: the fuzzer
# pins it (`pin_gateway_urls`) so that nothing it sends can reach a real provider.
GATEWAY_MUTATION = "configureGateway"


@dataclass(frozen=True)
class Operation:
    query: str
    variables: dict[str, Any]
    negative: bool


def root_fields(schema: graphql.GraphQLSchema) -> set[str]:
    roots = [schema.query_type, schema.mutation_type]
    return {name for root in roots if root is not None for name in root.fields}


def root_type(schema: graphql.GraphQLSchema, field: str) -> graphql.GraphQLObjectType:
    query = schema.query_type
    if query is not None and field in query.fields:
        return query
    assert schema.mutation_type is not None and field in schema.mutation_type.fields
    return schema.mutation_type


def _identity(document: graphql.DocumentNode) -> graphql.DocumentNode:
    return document


def pin_gateway_urls(document: graphql.DocumentNode, url: str) -> graphql.DocumentNode:
    """configureGateway's input always names `url` as its base URL: the fuzzer must never
    make an estate call a provider anywhere but a dead loopback port."""
    operation = document.definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    selections = []
    for selection in operation.selection_set.selections:
        if isinstance(selection, graphql.FieldNode) and selection.name.value == GATEWAY_MUTATION:
            pinned = tuple(_pinned(a, url) for a in selection.arguments or ())
            selection = replace(selection, arguments=pinned)
        selections.append(selection)
    return _with_selections(document, operation, selections, ())


def _field(name: str, value: graphql.ValueNode) -> graphql.ObjectFieldNode:
    return graphql.ObjectFieldNode(name=graphql.NameNode(value=name), value=value)


def _pinned(argument: graphql.ArgumentNode, url: str) -> graphql.ArgumentNode:
    """The base URL, and Bitcoin's rate API (`settings.rateApiUrl`, given whenever the
    provider is BITCOIN: its default is a real service), both at `url`."""
    if argument.name.value != "input" or not isinstance(argument.value, graphql.ObjectValueNode):
        return argument
    fields = [f for f in argument.value.fields if f.name.value not in ("apiBaseUrl", "settings")]
    fields.append(_field("apiBaseUrl", graphql.StringValueNode(value=url)))
    given = next((f.value for f in argument.value.fields if f.name.value == "settings"), None)
    bitcoin = any(
        f.name.value == "provider"
        and isinstance(f.value, graphql.EnumValueNode)
        and f.value.value == "BITCOIN"
        for f in argument.value.fields
    )
    if isinstance(given, graphql.ObjectValueNode) or bitcoin:
        kept = given.fields if isinstance(given, graphql.ObjectValueNode) else ()
        settings = [f for f in kept if f.name.value != "rateApiUrl"]
        settings.append(_field("rateApiUrl", graphql.StringValueNode(value=url)))
        fields.append(_field("settings", graphql.ObjectValueNode(fields=tuple(settings))))
    elif given is not None:  # null, or a value of the wrong type: left to be refused
        fields.append(_field("settings", given))
    return graphql.ArgumentNode(
        name=argument.name, value=graphql.ObjectValueNode(fields=tuple(fields))
    )


def _with_selections(
    document: graphql.DocumentNode,
    operation: graphql.OperationDefinitionNode,
    selections: list[graphql.SelectionNode],
    variables: tuple[graphql.VariableDefinitionNode, ...],
) -> graphql.DocumentNode:
    operation = replace(
        operation,
        selection_set=graphql.SelectionSetNode(selections=tuple(selections)),
        variable_definitions=variables,
    )
    return graphql.DocumentNode(definitions=(operation, *document.definitions[1:]))


def _lift(
    draw: st.DrawFn, schema: graphql.GraphQLSchema, document: graphql.DocumentNode
) -> tuple[graphql.DocumentNode, dict[str, Any]]:
    """Some of the root fields' arguments moved into variables of the argument's type."""
    operation = document.definitions[0]
    assert isinstance(operation, graphql.OperationDefinitionNode)
    definitions: list[graphql.VariableDefinitionNode] = []
    variables: dict[str, Any] = {}
    selections = []
    for selection in operation.selection_set.selections:
        if isinstance(selection, graphql.FieldNode) and selection.arguments:
            declared = root_type(schema, selection.name.value).fields[selection.name.value].args
            arguments = []
            for argument in selection.arguments:
                name = f"v{len(definitions)}"
                if argument.name.value not in declared or not draw(st.booleans()):
                    arguments.append(argument)
                    continue
                variable = graphql.VariableNode(name=graphql.NameNode(value=name))
                of_type = str(declared[argument.name.value].type)
                definitions.append(
                    graphql.VariableDefinitionNode(
                        variable=variable, type=graphql.parse_type(of_type)
                    )
                )
                variables[name] = graphql.value_from_ast_untyped(argument.value)
                arguments.append(graphql.ArgumentNode(name=argument.name, value=variable))
            selection = replace(selection, arguments=tuple(arguments))
        selections.append(selection)
    return _with_selections(document, operation, selections, tuple(definitions)), variables


class Generator:
    """Operation strategies per root field, built once (hypothesis-graphql's strategies
    are costly to build)."""

    def __init__(
        self,
        schema: graphql.GraphQLSchema,
        scalars: dict[str, st.SearchStrategy[graphql.ValueNode]],
        gateway_url: str,
    ) -> None:
        self.schema, self.scalars, self.gateway_url = schema, scalars, gateway_url
        self._built: dict[str, st.SearchStrategy[Operation]] = {}

    def operations(self, field: str) -> st.SearchStrategy[Operation]:
        if field not in self._built:
            self._built[field] = self._build(field)
        return self._built[field]

    def _documents(
        self, field: str, mode: hypothesis_graphql.Mode
    ) -> st.SearchStrategy[graphql.DocumentNode]:
        return hypothesis_graphql.from_schema(
            self.schema,
            fields=[field],
            custom_scalars=self.scalars,
            print_ast=_identity,
            mode=mode,
        )

    def _build(self, field: str) -> st.SearchStrategy[Operation]:
        valid = self._documents(field, hypothesis_graphql.Mode.POSITIVE)
        documents = valid.map(lambda document: (document, False))
        # One schema violation in the root field's own arguments, where it has any.
        if root_type(self.schema, field).fields[field].args:
            invalid = self._documents(field, hypothesis_graphql.Mode.NEGATIVE)
            documents = st.one_of(documents, documents, invalid.map(lambda d: (d, True)))

        @st.composite
        def operation(draw: st.DrawFn) -> Operation:
            document, negative = draw(documents)
            document = pin_gateway_urls(document, self.gateway_url)
            document, variables = _lift(draw, self.schema, document)
            return Operation(graphql.print_ast(document), variables, negative)

        return operation()
