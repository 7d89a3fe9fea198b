"""What every domain's types share: Money, Relay connections, and `convert`, which maps a
service object onto a Strawberry type."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable
from decimal import Decimal
from enum import Enum
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
class PayoutBankAccount:
    """An account payouts go to (a payout's, and the auto-payout's in Estate.settings)."""

    bank_code: str
    bank_name: str
    account_number_last4: str
    account_name: str


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


def plain(cls: type[T], source: object, **values: Any) -> T:
    """The other way round from `convert`: the service dataclass `cls` from a GraphQL
    input, each field copied from `source`'s attribute of the same name (enums, and lists
    of them, as their values); `values` give the fields that differ."""
    copied = {
        field.name: _plain(getattr(source, field.name))
        for field in dataclasses.fields(cls)  # type: ignore[arg-type]
        if field.name not in values
    }
    return cls(**copied, **values)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def convert(cls: type[T], source: object, **values: Any) -> T:
    """`cls` (a Strawberry type) with each plain field copied from `source`'s attribute of
    the same name (IDs as strings, enums by value); `values` give the fields that differ
    (Money, private keys to normalise, derived values). A field `source` lacks fails loudly."""
    key = (cls, tuple(values))
    copy = _copies.get(key) or _compile(cls, key[1])
    result: T = copy(source, values)
    return result


Copy = Callable[[object, dict[str, Any]], Any]
_copies: dict[tuple[type[Any], tuple[str, ...]], Copy] = {}


def _compile(cls: type[Any], given: tuple[str, ...]) -> Copy:
    """The copy of `cls`'s plain fields not in `given`, as one generated function: made on
    the first conversion (once the schema is built, the field types are resolved) and
    costing what a hand-written constructor call does (reads are the hot path)."""
    namespace: dict[str, Any] = {"cls": cls}
    arguments = []
    for field in get_object_definition(cls, strict=True).fields:
        name = field.python_name
        if field.base_resolver is not None or name in given:
            continue
        coerce = _coercion(field.type)
        if coerce is None:
            arguments.append(f"{name}=source.{name}")
        else:
            namespace[f"to_{name}"] = coerce
            arguments.append(f"{name}=None if (v := source.{name}) is None else to_{name}(v)")
    code = f"def copy(source, values):\n    return cls({', '.join(arguments)}, **values)\n"
    exec(code, namespace)  # made of the type's own field names only
    copy: Copy = namespace["copy"]
    _copies[(cls, given)] = copy
    return copy


def _coercion(of_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(of_type, StrawberryOptional):
        of_type = of_type.of_type
    if of_type is strawberry.ID:
        return str  # what strawberry.ID(...) gives
    if isinstance(of_type, StrawberryEnumDefinition):
        return of_type.wrapped_cls
    return None
