from __future__ import annotations

import strawberry


@strawberry.input
class CreateEstateInput:
    slug: str
    name: str
    currency: str
    timezone: str
    admin_email: str
    admin_full_name: str
    admin_password: str


@strawberry.input
class CreatePropertyInput:
    name: str
    address: str | None = None


@strawberry.input
class CreateUnitInput:
    property_id: strawberry.ID
    label: str


@strawberry.input
class CreateResidentInput:
    email: str
    full_name: str
    password: str
    unit_ids: list[strawberry.ID]
    phone: str | None = None
