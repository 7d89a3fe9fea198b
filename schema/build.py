"""The schema: each domain's part of Query, Mutation and Subscription merged into one,
built once per process with limits and caches from the settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import ASTValidationRule, NoSchemaIntrospectionCustomRule
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
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from resolvers.context import RequestContext
from schema.bills import BillMutation, BillQuery, BillSubscription
from schema.bitcoin import BitcoinQuery
from schema.boundary import (
    DocumentChecks,
    InputBoundary,
    Rules,
    date_scalar,
    datetime_scalar,
    decimal_scalar,
)
from schema.dashboard import DashboardQuery, DashboardSubscription
from schema.documents import DocumentQuery
from schema.estates import EstateMutation, EstateQuery, EstateSubscription
from schema.execution import EstatepayExecutor
from schema.extensions import StreamResultExtension, TenantScopeExtension
from schema.gateways import GatewayMutation, GatewayQuery
from schema.identity import IdentityMutation, IdentityQuery
from schema.notifications import NotificationMutation, NotificationQuery
from schema.operations import OperationsMutation, OperationsQuery
from schema.payment_methods import PaymentMethodMutation, PaymentMethodQuery
from schema.payments import PaymentMutation, PaymentQuery, PaymentSubscription
from schema.payouts import PayoutMutation, PayoutQuery, PayoutSubscription
from schema.plan_roots import PlanMutation, PlanQuery
from schema.properties import PropertyMutation, PropertyQuery, PropertySubscription
from schema.recurring import RecurringMutation, RecurringQuery
from schema.residents import ResidentMutation, ResidentQuery, ResidentSubscription
from schema.rewards import RewardMutation, RewardQuery
from schema.team import TeamMutation, TeamQuery
from schema.wallets import WalletMutation, WalletQuery, WalletSubscription
from tenants.settings import Settings

CACHE_SIZE = 1024


def _merged(name: str, parts: tuple[type, ...]) -> type:
    """One root type from the domains' parts; a field declared twice is an error (where
    merge_types only warns)."""
    names = [f.name for part in parts for f in get_object_definition(part, strict=True).fields]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TypeError(f"{name}: {', '.join(twice)} declared twice")
    return merge_types(name, parts)


Query = _merged(
    "Query",
    (
        IdentityQuery,
        EstateQuery,
        PropertyQuery,
        ResidentQuery,
        BillQuery,
        WalletQuery,
        PaymentQuery,
        GatewayQuery,
        BitcoinQuery,
        NotificationQuery,
        RecurringQuery,
        PlanQuery,
        DashboardQuery,
        OperationsQuery,
        PayoutQuery,
        TeamQuery,
        DocumentQuery,
        RewardQuery,
        PaymentMethodQuery,
    ),
)
Mutation = _merged(
    "Mutation",
    (
        IdentityMutation,
        EstateMutation,
        PropertyMutation,
        ResidentMutation,
        BillMutation,
        WalletMutation,
        PaymentMutation,
        GatewayMutation,
        NotificationMutation,
        RecurringMutation,
        PlanMutation,
        OperationsMutation,
        PayoutMutation,
        TeamMutation,
        RewardMutation,
        PaymentMethodMutation,
    ),
)
Subscription = _merged(
    "Subscription",
    (
        BillSubscription,
        PaymentSubscription,
        WalletSubscription,
        DashboardSubscription,
        PayoutSubscription,
        ResidentSubscription,
        PropertySubscription,
        EstateSubscription,
    ),
)


@dataclass(frozen=True)
class Limits:
    """What every operation is checked against, whichever path executes it."""

    validation_rules: list[type[ASTValidationRule]]
    inputs: Rules
    documents: DocumentChecks
    max_tokens: int


class EstatepaySchema(strawberry.Schema):
    limits: Limits

    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        """Expected errors are answers, not incidents: `schema.errors.shaped` logs the
        unexpected ones as it masks them."""

    async def stream(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Every operation on a WebSocket (subscriptions, and queries or mutations sent
        there) gets its own copy of the socket's context: its own DataLoaders."""
        if isinstance(context_value, RequestContext) and context_value.per_connection:
            context_value = context_value.for_operation()
        return await super().stream(query, variable_values, context_value, *args, **kwargs)


def build_schema(settings: Settings) -> EstatepaySchema:
    # The limit rules are classes made once, here: the validation cache is keyed on
    # them, so new rule classes per request would make every request miss it.
    rules: list[type[ASTValidationRule]] = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    if not settings.introspection_enabled:
        rules.append(NoSchemaIntrospectionCustomRule)
    input_rules = Rules(settings.max_string_length)
    document_checks = DocumentChecks(CACHE_SIZE)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
        # After the validation cache: it checks the inputs of valid operations only.
        lambda: InputBoundary(rules=input_rules, documents=document_checks),
        TenantScopeExtension,
        StreamResultExtension,
    ]
    schema = EstatepaySchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=EstatepayExecutor,
        config=StrawberryConfig(disable_field_suggestions=not settings.introspection_enabled),
        scalar_overrides={
            Decimal: decimal_scalar(settings.max_amount),
            date: date_scalar(),
            datetime: datetime_scalar(),
        },
    )
    schema.limits = Limits(rules, input_rules, document_checks, settings.max_query_tokens)
    return schema
