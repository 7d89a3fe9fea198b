"""The demo estate seeded on the first start of the embedded default."""

from __future__ import annotations

from dataclasses import dataclass

from services.identity.accounts import create_platform_admin
from services.properties import catalog
from services.residents import directory
from tenants import provisioning
from tenants.models import Estate
from tenants.scope import tenant_scope

DEMO_SLUG = "demo"


@dataclass(frozen=True)
class Login:
    role: str
    email: str
    password: str


LOGINS = [
    Login("platform admin", "operator@estatepay.local", "operator-pass-1"),
    Login("estate admin", "admin@demo.estatepay.local", "admin-pass-1"),
    Login("resident", "ada@demo.estatepay.local", "resident-pass-1"),
    Login("resident", "tunde@demo.estatepay.local", "resident-pass-2"),
]


async def seed_demo() -> bool:
    """Create the demo data unless it exists. Returns whether it was created."""
    if await Estate.exists(slug=DEMO_SLUG):
        return False
    operator, admin, ada, tunde = LOGINS
    await create_platform_admin(operator.email, operator.password, "Platform Operator")
    estate = await provisioning.create_estate(
        provisioning.EstateInput(
            slug=DEMO_SLUG,
            name="Palm Grove Estate",
            currency="NGN",
            timezone="Africa/Lagos",
            admin_email=admin.email,
            admin_full_name="Grace Estate-Admin",
            admin_password=admin.password,
        )
    )
    async with tenant_scope(DEMO_SLUG):
        prop = await catalog.create_property(None, "Palm Grove Block A", "12 Palm Grove, Lekki")
        units = [await catalog.create_unit(None, str(prop.id), f"A{n}") for n in (1, 2, 3, 4)]
        for person, unit, name in ((ada, units[0], "Ada Obi"), (tunde, units[1], "Tunde Bello")):
            await directory.create_resident(
                None,
                estate,
                directory.ResidentInput(
                    email=person.email,
                    full_name=name,
                    phone=None,
                    password=person.password,
                    unit_ids=[str(unit.id)],
                ),
            )
    return True
