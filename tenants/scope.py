"""Tenant scopes: the only way to reach an estate's tables.

A scope is one database transaction bound to one estate: on PostgreSQL its first
statement sets `search_path` (transaction-local) to the estate's schema; on SQLite it is a
transaction on the estate's own file. The current scope lives in a context variable, and
every tenant-model query goes through `TenantRouter`, which raises when there is none.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from tortoise import Model
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.connection import get_connection
from tortoise.transactions import in_transaction

TENANT_CONNECTION = "tenant"
TENANT_APP = "tenant"
# Default search_path of tenant connections: an empty schema, so a query that escaped
# the router fails with "relation does not exist" instead of reaching an estate.
GUARD_SCHEMA = "tenant_guard"
SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]\Z")  # \Z: no trailing newline
SCHEMA_PATTERN = re.compile(r"^t_[a-z0-9_]+$")
log = logging.getLogger(__name__)
AfterCommit = Callable[[], Awaitable[None]]
Flush = Callable[[list[Any]], Awaitable[None]]


class TenantScopeError(RuntimeError):
    """Tenant data was touched outside its estate's scope: a programming error."""


@dataclass(frozen=True, slots=True)
class TenantScope:
    slug: str
    # Run once the scope's transaction has committed; dropped if it rolls back.
    after_commit: list[AfterCommit] = field(default_factory=list, compare=False, repr=False)
    # `after_commit_batched`: per key, its flush and the items gathered for it at commit.
    flushes: dict[str, Flush] = field(default_factory=dict, compare=False, repr=False)
    batches: dict[str, list[Any]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def schema(self) -> str:
        return schema_for(self.slug)


def schema_for(slug: str) -> str:
    if not SLUG_PATTERN.match(slug):
        raise TenantScopeError(f"not an estate slug: {slug!r}")
    schema = "t_" + slug.replace("-", "_")
    if not SCHEMA_PATTERN.match(schema):  # belt and braces: the name reaches SQL
        raise TenantScopeError(f"bad schema name {schema!r}")
    return schema


_current: ContextVar[TenantScope | None] = ContextVar("estatepay_tenant_scope", default=None)

# Opens the estate's transaction; installed by `tenants.database` for the backend in use.
TransactionOpener = Callable[[TenantScope], AbstractAsyncContextManager[Any]]
_open_transaction: TransactionOpener | None = None


def install_backend(opener: TransactionOpener | None) -> None:
    global _open_transaction
    _open_transaction = opener


def current_scope() -> TenantScope:
    scope = _current.get()
    if scope is None:
        raise TenantScopeError("tenant table used outside a tenant scope")
    return scope


def scope_or_none() -> TenantScope | None:
    return _current.get()


def after_commit(callback: AfterCommit) -> None:
    """Run `callback` when the current scope commits (never if it rolls back): what
    others may see of a change, they see only once it is durable."""
    current_scope().after_commit.append(callback)


def after_commit_batched(key: str, item: Any, flush: Flush) -> None:
    """Hand `item` to `flush` once the current scope commits, in one call with every
    other item of `key` (after the plain callbacks); an item added inside a savepoint
    that rolls back is dropped with it, as a callback is."""
    scope = current_scope()

    async def gather() -> None:
        scope.batches.setdefault(key, []).append(item)

    scope.after_commit.append(gather)
    scope.flushes.setdefault(key, flush)


async def _run_after_commit(scope: TenantScope) -> None:
    for callback in scope.after_commit:
        try:
            await callback()
        except Exception:  # the change is committed: a lost notice must not undo it
            log.exception("after-commit callback failed in estate %s", scope.slug)
    for key, flush in scope.flushes.items():
        if items := scope.batches.get(key):
            try:
                await flush(items)
            except Exception:
                log.exception("after-commit flush %s failed in estate %s", key, scope.slug)


@asynccontextmanager
async def tenant_scope(slug: str) -> AsyncIterator[TenantScope]:
    """Run the block in `slug`'s estate. Nested for the same estate it is a savepoint;
    nested for another estate it raises (a savepoint would leak into the outer estate)."""
    outer = _current.get()
    if outer is not None:
        if outer.slug != slug:
            raise TenantScopeError(f"cannot enter estate {slug!r} inside estate {outer.slug!r}")
        async with savepoint():
            yield outer
        return
    if _open_transaction is None:
        raise TenantScopeError("the database is not initialised")
    if isinstance(get_connection(TENANT_CONNECTION), TransactionalDBClient):
        # A bare tenant transaction is open: our scope would become its savepoint, and
        # the transaction-local search_path would outlive the scope.
        raise TenantScopeError("a tenant scope cannot open inside a bare tenant transaction")
    scope = TenantScope(slug)
    scope.schema  # noqa: B018 - validates the slug before anything reaches SQL
    token = _current.set(scope)
    try:
        async with _open_transaction(scope):
            yield scope
    finally:
        _current.reset(token)
    await _run_after_commit(scope)  # reached only when the transaction committed


@asynccontextmanager
async def savepoint() -> AsyncIterator[None]:
    """A savepoint in the current estate's transaction, the one way services nest one:
    if the block raises, what it wrote is undone and what it announced (after-commit
    work) is dropped with it, while the transaction carries on (a refused payment inside
    an operation that goes on, say)."""
    scope = current_scope()
    mark = len(scope.after_commit)
    try:
        async with in_transaction(TENANT_CONNECTION):
            yield
    except BaseException:
        del scope.after_commit[mark:]
        raise


class TenantRouter:
    """Tortoise router: tenant models resolve only inside a scope."""

    def db_for_read(self, model: type[Model]) -> str | None:
        if model._meta.app == TENANT_APP:
            current_scope()
            return TENANT_CONNECTION
        return None

    db_for_write = db_for_read


class TenantModel(Model):
    """Base of every tenant table. Remembers the estate an object was loaded or created in
    and refuses to write it from any other estate's scope."""

    _estate_slug: str | None = None

    class Meta:
        abstract = True

    @classmethod
    def _init_from_db(cls, **kwargs: Any) -> Any:
        obj = super()._init_from_db(**kwargs)
        obj._estate_slug = current_scope().slug
        return obj

    def _claim_for_current_estate(self) -> None:
        slug = current_scope().slug
        if self._estate_slug is None:
            self._estate_slug = slug
        elif self._estate_slug != slug:
            raise TenantScopeError(
                f"{type(self).__name__} {self.pk} belongs to estate {self._estate_slug!r}, "
                f"not {slug!r}"
            )

    async def save(self, *args: Any, **kwargs: Any) -> None:
        self._claim_for_current_estate()
        await super().save(*args, **kwargs)

    async def delete(self, *args: Any, **kwargs: Any) -> None:
        self._claim_for_current_estate()
        await super().delete(*args, **kwargs)
