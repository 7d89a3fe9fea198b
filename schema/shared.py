"""What every domain's types share: Money, Relay connections, and `convert`, which maps a
service object onto a Strawberry type."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types.base import StrawberryOptional, get_object_definition
from strawberry.types.enum import StrawberryEnumDefinition

from services.money import to_major
from services.pagination import Page

T = TypeVar("T")


@strawberry.type
class Money:
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, minor: int, currency: str) -> Money:
        return cls(amount=to_major(minor, currency), currency=currency)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.count()


def connection(page: Page[Any], to_node: Callable[[Any], T]) -> Connection[T]:
    """A Relay connection of a page, each item mapped by `to_node`."""
    edges = [
        Edge(cursor=cursor, node=to_node(item))
        for item, cursor in zip(page.items, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=page.cursors[-1] if page.cursors else None
        ),
        count=page.count,
    )


def as_uuid(value: object) -> uuid.UUID:
    """A key for the DataLoaders, which index rows by `uuid.UUID` (an object created in
    this request may still hold the string it was given)."""
    return uuid.UUID(str(value))


def convert(cls: type[T], source: object, **overrides: Any) -> T:
    """`cls` (a Strawberry type) with each plain field copied from `source`'s attribute of
    the same name (IDs as strings, enums by value); `overrides` give the fields that differ
    (Money, private keys to normalise, derived values). A field `source` lacks fails loudly."""
    values = dict(overrides)
    for name, coerce in _plan(cls):
        if name not in values:
            value = getattr(source, name)
            values[name] = value if value is None or coerce is None else coerce(value)
    return cls(**values)


Plan = tuple[tuple[str, Callable[[Any], Any] | None], ...]
_plans: dict[type[Any], Plan] = {}


def _plan(cls: type[Any]) -> Plan:
    """The plain fields of `cls` and how to coerce each, worked out once per type."""
    plan = _plans.get(cls)
    if plan is None:
        definition = get_object_definition(cls, strict=True)
        plan = _plans[cls] = tuple(
            (field.python_name, _coercion(field.type))
            for field in definition.fields
            if field.base_resolver is None
        )
    return plan


def _coercion(of_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(of_type, StrawberryOptional):
        of_type = of_type.of_type
    if of_type is strawberry.ID:
        return _id
    if isinstance(of_type, StrawberryEnumDefinition):
        return of_type.wrapped_cls
    return None


def _id(value: object) -> strawberry.ID:
    return strawberry.ID(str(value))
