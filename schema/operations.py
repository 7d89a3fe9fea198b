"""The operator's side (API.md "Operations"): the audit log, the estate's settings and
its bank-transfer instructions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, cast

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info
from strawberry.types.unset import UNSET

from resolvers import instructions as instruction_resolvers
from resolvers import operations as resolvers
from resolvers.context import RequestContext
from schema.estates import Estate, estate_node
from schema.extensions import UNSCOPED
from schema.payments import PaymentProvider
from schema.payouts import BankAccountInput
from schema.shared import Connection, connection, convert, plain
from services.audit.queries import AuditFilter
from services.errors import ValidationFailed
from services.estates.settings import API_NAMES, UNCHANGED, SettingsChange
from services.payments.instructions import InstructionsInput
from services.payouts.requests import BankAccount

ESTATE_ARGUMENT = (
    "The estate's slug: the platform operator's way to name any estate (default: X-Tenant's)"
)


@strawberry.type
class AuditActor:
    id: strawberry.ID
    full_name: str


@strawberry.type
class AuditEntry:
    id: strawberry.ID
    actor: AuditActor | None
    action: str
    object_type: str
    object_id: str
    changes: JSON | None = strawberry.field(
        description="What changed: {before, after}, each the fields concerned (either may be null)"
    )
    ip: str | None = strawberry.field(description="The client address of the request")
    created_at: datetime


def audit_node(row: resolvers.AuditRow) -> AuditEntry:
    entry = row.entry
    changes = None
    if entry.before is not None or entry.after is not None:
        changes = cast(JSON, {"before": entry.before, "after": entry.after})
    return AuditEntry(
        id=strawberry.ID(str(entry.id)),
        actor=AuditActor(id=strawberry.ID(str(row.actor.id)), full_name=row.actor.full_name)
        if row.actor
        else None,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        changes=changes,
        ip=entry.ip,
        created_at=entry.created_at,
    )


@strawberry.input
class AuditLogFilter:
    actor_id: strawberry.ID | None = None
    action: str | None = None
    object_type: str | None = None
    object_id: str | None = None
    from_: datetime | None = strawberry.field(name="from", default=None)
    to: datetime | None = None


@strawberry.input
class UpdateEstateSettingsInput:
    """Fields left out stay as they are. Fees: the platform operator; the rest: the
    estate's admins."""

    name: str | None = UNSET
    timezone: str | None = UNSET
    platform_fee_percent: Decimal | None = UNSET
    platform_fee_fixed: Decimal | None = UNSET
    payout_provider: PaymentProvider | None = strawberry.field(
        default=UNSET, description="null: payouts through the default gateway"
    )
    auto_payout_threshold: Decimal | None = strawberry.field(
        default=UNSET,
        description="null or 0: no automatic payouts; set, it needs autoPayoutBankAccount",
    )
    auto_payout_bank_account: BankAccountInput | None = strawberry.field(
        default=UNSET,
        description="Where the daily auto-payout pays into (resolved with the payout "
        "provider); null: none (only while autoPayoutThreshold is off)",
    )


# Settings that cannot be null: sent as null they are refused, not cleared.
REQUIRED = ("name", "timezone", "platform_fee_percent", "platform_fee_fixed")


def settings_change(input: UpdateEstateSettingsInput) -> SettingsChange:
    values: dict[str, Any] = {}
    for name in SettingsChange.__dataclass_fields__:
        value = getattr(input, name)
        if value is UNSET:
            value = UNCHANGED
        elif value is None and name in REQUIRED:
            field = API_NAMES[name]
            raise ValidationFailed(f"{field} cannot be null: leave it out to keep it", field=field)
        elif isinstance(value, PaymentProvider):
            value = value.value
        elif isinstance(value, BankAccountInput):
            value = plain(BankAccount, value)
        values[name] = value
    return SettingsChange(**values)


@strawberry.type
class PaymentInstructions:
    bank_name: str
    account_name: str
    account_number: str
    note: str | None
    updated_at: datetime


@strawberry.input
class PaymentInstructionsInput:
    bank_name: str
    account_name: str
    account_number: str
    note: str | None = None


@strawberry.type
class OperationsQuery:
    @strawberry.field(metadata=UNSCOPED)
    async def audit_log(
        self,
        info: Info[RequestContext, None],
        filter: AuditLogFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        estate: Annotated[str | None, strawberry.argument(description=ESTATE_ARGUMENT)] = None,
    ) -> Connection[AuditEntry]:
        where = filter or AuditLogFilter()
        page = await resolvers.audit_log(
            info.context,
            estate,
            AuditFilter(
                actor_id=where.actor_id,
                action=where.action,
                object_type=where.object_type,
                object_id=where.object_id,
                since=where.from_,
                until=where.to,
            ),
            first,
            after,
        )
        return connection(page, audit_node)

    @strawberry.field
    async def payment_instructions(
        self, info: Info[RequestContext, None]
    ) -> PaymentInstructions | None:
        found = await instruction_resolvers.payment_instructions(info.context)
        return convert(PaymentInstructions, found) if found else None


@strawberry.type
class OperationsMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def update_estate_settings(
        self,
        info: Info[RequestContext, None],
        input: UpdateEstateSettingsInput,
        estate: Annotated[str | None, strawberry.argument(description=ESTATE_ARGUMENT)] = None,
    ) -> Estate:
        change = settings_change(input)
        return estate_node(await resolvers.update_estate_settings(info.context, estate, change))

    @strawberry.mutation
    async def set_payment_instructions(
        self, info: Info[RequestContext, None], input: PaymentInstructionsInput
    ) -> PaymentInstructions:
        data = plain(InstructionsInput, input)
        found = await instruction_resolvers.set_payment_instructions(info.context, data)
        return convert(PaymentInstructions, found)
