"""Creating estates and keeping every estate schema at the current migration."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.connection import get_connection
from tortoise.exceptions import IntegrityError

from services import validation
from services.audit.log import record
from services.errors import ValidationFailed
from services.identity.accounts import add_membership, find_or_create_user
from services.identity.models import User
from tenants import citus, database, migrations
from tenants.apps import SHARED_CONNECTION
from tenants.models import Estate
from tenants.scope import (
    SLUG_PATTERN,
    TENANT_CONNECTION,
    TenantScope,
    schema_for,
    tenant_scope,
)

log = logging.getLogger(__name__)


def _dialect() -> str:
    return "postgres" if database.is_postgres() else "sqlite"


async def create_schema(slug: str) -> None:
    scope = TenantScope(slug)
    if database.is_citus():  # one distributed unit, placed on a worker
        await citus.create_distributed_schema(get_connection(SHARED_CONNECTION), scope.schema)
    elif database.is_postgres():
        # Identifiers cannot be bound; schema_for() validated the name.
        await get_connection(SHARED_CONNECTION).execute_script(
            f'CREATE SCHEMA IF NOT EXISTS "{scope.schema}"'
        )
    else:
        database.sqlite_files().create(scope)


async def drop_schema(slug: str) -> None:
    scope = TenantScope(slug)
    if database.is_postgres():
        await get_connection(SHARED_CONNECTION).execute_script(
            f'DROP SCHEMA IF EXISTS "{scope.schema}" CASCADE'
        )
    else:
        database.sqlite_files().remove(scope)


async def migrate_estate(slug: str) -> int:
    """Apply the pending tenant migrations to one estate. A new schema (no migration yet)
    gets them all in one transaction; an existing one each in its own, so a failure
    leaves the estate at a clean version either way. Returns how many ran."""
    available = migrations.available(_dialect(), migrations.TENANT_APP)
    async with tenant_scope(slug):  # one look first: an estate at head costs one transaction
        tx = get_connection(TENANT_CONNECTION)
        await _lock_estate(tx, slug)
        done = await migrations.applied_versions(tx, migrations.TENANT_APP)
        if not done and available:
            await migrations.apply_all(
                tx, migrations.TENANT_APP, available, one_script=not database.is_citus()
            )
            return len(available)
    ran = 0
    for migration in [m for m in available if m.version not in done]:
        async with tenant_scope(slug):
            tx = get_connection(TENANT_CONNECTION)
            await _lock_estate(tx, slug)
            if migration.version in await migrations.applied_versions(tx, migrations.TENANT_APP):
                continue
            await migrations.apply(tx, migrations.TENANT_APP, migration)
            ran += 1
    return ran


async def _lock_estate(tx: BaseDBAsyncClient, slug: str) -> None:
    if database.is_postgres():  # two migrators on one schema take turns
        await tx.execute_query("SELECT pg_advisory_xact_lock(hashtext($1))", [schema_for(slug)])


@dataclass
class MigrationReport:
    estates: int = 0
    applied: int = 0
    failed: dict[str, str] = field(default_factory=dict)


async def migrate_all_estates(
    concurrency: int = 8, on_progress: Callable[[str, int, int, str | None], None] | None = None
) -> MigrationReport:
    """Bring every estate to head, `concurrency` at a time. A failed estate is reported
    and the others go on; running it again resumes where each estate stopped."""
    slugs = [str(s) for s in await Estate.all().order_by("slug").values_list("slug", flat=True)]
    report = MigrationReport(estates=len(slugs))
    gate = asyncio.Semaphore(concurrency)
    done = 0

    async def one(slug: str) -> None:
        nonlocal done
        async with gate:
            error: str | None = None
            try:
                ran = await migrate_estate(slug)
                report.applied += ran  # not `+= await`: that reads the total before awaiting
            except Exception as exc:
                log.exception("migrating estate %s failed", slug)
                error = f"{type(exc).__name__}: {exc}"
                report.failed[slug] = error
            done += 1
            if on_progress:
                on_progress(slug, done, len(slugs), error)

    await asyncio.gather(*(one(slug) for slug in slugs))
    return report


@dataclass(frozen=True)
class EstateInput:
    slug: str
    name: str
    currency: str
    timezone: str
    admin_email: str
    admin_full_name: str
    admin_password: str


def _validated(data: EstateInput) -> EstateInput:
    slug = (data.slug or "").strip().lower()
    if not SLUG_PATTERN.match(slug):
        raise ValidationFailed(
            "slug must be 3-40 lowercase letters, digits or hyphens, starting with a letter",
            field="slug",
        )
    return EstateInput(
        slug=slug,
        name=validation.text(data.name, "name", max_length=200),
        currency=validation.currency(data.currency),
        timezone=validation.timezone(data.timezone),
        admin_email=validation.email(data.admin_email, "adminEmail"),
        admin_full_name=validation.text(data.admin_full_name, "adminFullName", max_length=200),
        admin_password=data.admin_password,
    )


async def create_estate(data: EstateInput, actor_id: uuid.UUID | None = None) -> Estate:
    """Register the estate, build its schema at head and give it its first admin.
    Any failure undoes all of it: nothing is half-created."""
    data = _validated(data)
    # Checked up front so a weak password for a new admin creates nothing.
    if not await User.exists(email=data.admin_email):
        validation.password(data.admin_password, "adminPassword", email=data.admin_email)
    if await Estate.exists(slug=data.slug):
        raise ValidationFailed(f"an estate with slug {data.slug!r} exists", field="slug")
    try:
        estate = await Estate.create(
            slug=data.slug,
            name=data.name,
            currency=data.currency,
            timezone=data.timezone,
            status="PROVISIONING",
        )
    except IntegrityError as exc:
        raise ValidationFailed(f"an estate with slug {data.slug!r} exists", field="slug") from exc
    created_user: User | None = None
    try:
        await create_schema(estate.slug)
        await migrate_estate(estate.slug)
        user, created = await find_or_create_user(
            data.admin_email, data.admin_full_name, data.admin_password
        )
        created_user = user if created else None
        await add_membership(user, estate.id, "ADMIN")
        async with tenant_scope(estate.slug):
            await record(
                actor_id,
                "createEstate",
                "Estate",
                estate.id,
                after={"slug": estate.slug, "name": estate.name, "adminUserId": str(user.id)},
            )
        estate.status = "ACTIVE"
        await estate.save(update_fields=["status"])
    except BaseException:
        await _undo_estate(estate, created_user)
        raise
    return estate


async def _undo_estate(estate: Estate, created_user: User | None) -> None:
    try:
        await drop_schema(estate.slug)
    finally:
        await estate.delete()  # memberships go with it (cascade)
        if created_user is not None:
            await created_user.delete()
