from __future__ import annotations

from strawberry.types import Info

from resolvers.context import RequestContext
from schema.inputs import CreateEstateInput
from schema.types import Connection, Estate, connection
from services.estates import provisioning
from services.pagination import paginate
from tenants.models import Estate as EstateModel


async def estate(info: Info[RequestContext, None]) -> Estate:
    return Estate.from_model(info.context.require_access().estate)


async def estates(
    info: Info[RequestContext, None], first: int | None = None, after: str | None = None
) -> Connection[Estate]:
    ctx = info.context
    ctx.require_platform_admin()
    page = await paginate(
        EstateModel.filter(status="ACTIVE"), first, after, ctx.settings.page_size_cap
    )
    return connection(page, Estate.from_model)


async def create_estate(info: Info[RequestContext, None], input: CreateEstateInput) -> Estate:
    operator = info.context.require_platform_admin()
    created = await provisioning.create_estate(
        provisioning.EstateInput(
            slug=input.slug,
            name=input.name,
            currency=input.currency,
            timezone=input.timezone,
            admin_email=input.admin_email,
            admin_full_name=input.admin_full_name,
            admin_password=input.admin_password,
        ),
        actor_id=operator.id,
    )
    return Estate.from_model(created)
