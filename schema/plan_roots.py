"""Billing plans' part of Query and Mutation (their types: `schema.plans`)."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info
from strawberry.types.unset import UNSET

from resolvers import plans as resolvers
from resolvers.context import RequestContext
from schema.plans import (
    AutopaySource,
    BillingPlan,
    BillRun,
    BillRunPreview,
    BillRunPreviewLine,
    CreateBillingPlanInput,
    PlanSubscription,
    PlanSubscriptionFilter,
    UpdateBillingPlanInput,
    plan_fields,
    plan_node,
    preview_node,
    run_node,
    subscription_node,
    vacancy_node,
)
from schema.shared import Connection, connection
from services.plans.dunning import Schedule
from services.plans.subscriptions import SubscriptionFilter


@strawberry.type
class DunningSchedule:
    """The days bills are reminded of; `custom` false: the deployment's defaults."""

    days_before_due: list[int]
    days_after_due: list[int]
    custom: bool


def dunning_node(found: Schedule) -> DunningSchedule:
    return DunningSchedule(
        days_before_due=list(found.days_before),
        days_after_due=list(found.days_after),
        custom=found.custom,
    )


@strawberry.type
class PlanQuery:
    @strawberry.field
    async def billing_plans(
        self,
        info: Info[RequestContext, None],
        include_archived: bool = False,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[BillingPlan]:
        page = await resolvers.billing_plans(info.context, include_archived, first, after)
        return connection(page, plan_node)

    @strawberry.field
    async def billing_plan(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> BillingPlan:
        return plan_node(await resolvers.billing_plan(info.context, id))

    @strawberry.field
    async def plan_subscriptions(
        self,
        info: Info[RequestContext, None],
        filter: PlanSubscriptionFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[PlanSubscription]:
        where = SubscriptionFilter()
        if filter is not None:
            where = SubscriptionFilter(
                plan_id=filter.plan_id,
                unit_id=filter.unit_id,
                status=[s.value for s in filter.status] if filter.status else None,
            )
        page = await resolvers.plan_subscriptions(info.context, where, first, after)
        return connection(page, subscription_node)

    @strawberry.field
    async def bill_runs(
        self,
        info: Info[RequestContext, None],
        plan_id: strawberry.ID | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[BillRun]:
        page = await resolvers.bill_runs(info.context, plan_id, first, after)
        return connection(page, run_node)

    @strawberry.field
    async def preview_bill_run(
        self, info: Info[RequestContext, None], plan_id: strawberry.ID, period: date
    ) -> BillRunPreview:
        return preview_node(await resolvers.preview_bill_run(info.context, plan_id, period))

    @strawberry.field
    async def vacancy_report(
        self,
        info: Info[RequestContext, None],
        plan_id: strawberry.ID | None = None,
        period: date | None = None,
    ) -> list[BillRunPreviewLine]:
        """What units' days with no resident were worth, per plan and period."""
        rows = await resolvers.vacancy_report(info.context, plan_id, period)
        currency = info.context.require_access().estate.currency
        return [vacancy_node(row, currency) for row in rows]

    @strawberry.field
    async def dunning_schedule(self, info: Info[RequestContext, None]) -> DunningSchedule:
        return dunning_node(await resolvers.dunning_schedule(info.context))


@strawberry.type
class PlanMutation:
    @strawberry.mutation
    async def set_dunning_schedule(
        self,
        info: Info[RequestContext, None],
        days_before_due: list[int] | None = None,
        days_after_due: list[int] | None = None,
    ) -> DunningSchedule:
        """Both lists, or neither to return to the deployment's days."""
        found = await resolvers.set_dunning_schedule(info.context, days_before_due, days_after_due)
        return dunning_node(found)

    @strawberry.mutation
    async def create_billing_plan(
        self, info: Info[RequestContext, None], input: CreateBillingPlanInput
    ) -> BillingPlan:
        return plan_node(await resolvers.create_billing_plan(info.context, plan_fields(input)))

    @strawberry.mutation
    async def update_billing_plan(
        self, info: Info[RequestContext, None], id: strawberry.ID, input: UpdateBillingPlanInput
    ) -> BillingPlan:
        given = input.late_fee is not UNSET
        plan = await resolvers.update_billing_plan(info.context, id, plan_fields(input), given)
        return plan_node(plan)

    @strawberry.mutation
    async def archive_billing_plan(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> BillingPlan:
        return plan_node(await resolvers.archive_billing_plan(info.context, id))

    @strawberry.mutation
    async def subscribe_units(
        self,
        info: Info[RequestContext, None],
        plan_id: strawberry.ID,
        unit_ids: list[strawberry.ID] | None = None,
        property_id: strawberry.ID | None = None,
        start_date: date | None = None,
    ) -> list[PlanSubscription]:
        ids = [str(u) for u in unit_ids] if unit_ids is not None else None
        made = await resolvers.subscribe_units(info.context, plan_id, ids, property_id, start_date)
        return [subscription_node(s) for s in made]

    @strawberry.mutation
    async def unsubscribe_unit(
        self,
        info: Info[RequestContext, None],
        subscription_id: strawberry.ID,
        at_period_end: bool = True,
    ) -> PlanSubscription:
        sub = await resolvers.unsubscribe_unit(info.context, subscription_id, at_period_end)
        return subscription_node(sub)

    @strawberry.mutation
    async def run_bill_run(
        self, info: Info[RequestContext, None], plan_id: strawberry.ID, period: date
    ) -> BillRun:
        return run_node(await resolvers.run_bill_run(info.context, plan_id, period))

    @strawberry.mutation
    async def enable_autopay(
        self,
        info: Info[RequestContext, None],
        subscription_id: strawberry.ID,
        source: AutopaySource,
        payment_method_id: strawberry.ID | None = None,
    ) -> PlanSubscription:
        sub = await resolvers.enable_autopay(
            info.context, subscription_id, source.value, payment_method_id
        )
        return subscription_node(sub)

    @strawberry.mutation
    async def disable_autopay(
        self, info: Info[RequestContext, None], subscription_id: strawberry.ID
    ) -> PlanSubscription:
        return subscription_node(await resolvers.disable_autopay(info.context, subscription_id))
