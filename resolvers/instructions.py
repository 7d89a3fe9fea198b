from __future__ import annotations

from resolvers.context import RequestContext
from services.payments import instructions
from services.payments.models import PaymentInstructions


async def payment_instructions(ctx: RequestContext) -> PaymentInstructions | None:
    """Any member of the estate: residents pay by them, admins check what they show."""
    await ctx.viewer()
    return await instructions.current()


async def set_payment_instructions(
    ctx: RequestContext, data: instructions.InstructionsInput
) -> PaymentInstructions:
    ctx.require_admin()
    return await instructions.set_instructions(ctx.user_id, data)
