"""The Query and Mutation roots: names from API.md, bodies in resolvers/."""

from __future__ import annotations

import strawberry

from resolvers import estates as estate_resolvers
from resolvers import identity as identity_resolvers
from resolvers import properties as property_resolvers
from resolvers import residents as resident_resolvers
from schema.types import Connection, Estate, LoginPayload, Property, Resident, Unit, User

# Root fields that never touch an estate's tables: no tenant scope is opened for an
# operation made only of these (createEstate opens scopes of its own).
TENANT_FREE_FIELDS = frozenset({"login", "me", "estates", "createEstate", "__typename"})


@strawberry.type
class Query:
    me: User = strawberry.field(resolver=identity_resolvers.me)
    estate: Estate = strawberry.field(resolver=estate_resolvers.estate)
    estates: Connection[Estate] = strawberry.field(resolver=estate_resolvers.estates)
    properties: Connection[Property] = strawberry.field(resolver=property_resolvers.properties)
    property: Property = strawberry.field(resolver=property_resolvers.property_)
    residents: Connection[Resident] = strawberry.field(resolver=resident_resolvers.residents)
    resident: Resident = strawberry.field(resolver=resident_resolvers.resident)


@strawberry.type
class Mutation:
    login: LoginPayload = strawberry.mutation(resolver=identity_resolvers.login)
    create_estate: Estate = strawberry.mutation(resolver=estate_resolvers.create_estate)
    create_property: Property = strawberry.mutation(resolver=property_resolvers.create_property)
    create_unit: Unit = strawberry.mutation(resolver=property_resolvers.create_unit)
    create_resident: Resident = strawberry.mutation(resolver=resident_resolvers.create_resident)
