"""Builds the schema once per process, with limits and caches from the settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from estatepay.settings import Settings
from schema.extensions import TenantScopeExtension
from schema.root import UNSCOPED_FIELDS, Mutation, Query

CACHE_SIZE = 1024


class EstatepaySchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents: `schema.errors.shaped` logs the
        unexpected ones as it masks them."""


def build_schema(settings: Settings) -> strawberry.Schema:
    # The limit rules are classes made once, here: the validation cache is keyed on
    # them, so new rule classes per request would make every request miss it.
    rules = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    if not settings.introspection_enabled:
        rules.append(NoSchemaIntrospectionCustomRule)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        lambda: TenantScopeExtension(unscoped_fields=UNSCOPED_FIELDS),
    ]
    return EstatepaySchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=not settings.introspection_enabled),
    )
