"""Domain events leave only once their change has committed, from the estate it ran in."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from services import events
from services.events import DomainEvent
from services.properties.models import Property
from tenants.scope import savepoint, tenant_scope
from tests.conftest import make_estate

pytestmark = pytest.mark.usefixtures("database")


@pytest.fixture
async def heard() -> AsyncIterator[list[DomainEvent]]:
    received: list[DomainEvent] = []

    async def outlet(event: DomainEvent) -> None:
        async with tenant_scope(event.estate):  # what it announces is visible by now
            assert await Property.filter(id=event.object_id).exists()
        received.append(event)

    events.install_outlet(outlet)
    yield received
    events.remove_outlet(outlet)


async def test_event_is_delivered_after_commit_with_the_scope_estate(
    heard: list[DomainEvent],
) -> None:
    estate = await make_estate()
    async with tenant_scope(estate.slug):
        prop = await Property.create(name="Block A")
        events.changed("bill", prop.id, "r-1")
        assert heard == []  # not before the commit
    assert heard == [DomainEvent(estate.slug, "bill", str(prop.id), "r-1")]


async def test_rolled_back_change_announces_nothing(heard: list[DomainEvent]) -> None:
    estate = await make_estate()
    with pytest.raises(RuntimeError):
        async with tenant_scope(estate.slug):
            prop = await Property.create(name="Block A")
            events.changed("bill", prop.id)
            raise RuntimeError("abort")
    assert heard == []


async def test_rolled_back_savepoint_drops_only_its_own_events(
    heard: list[DomainEvent],
) -> None:
    estate = await make_estate()
    async with tenant_scope(estate.slug):
        kept = await Property.create(name="kept")
        events.changed("bill", kept.id)
        with pytest.raises(RuntimeError):
            async with tenant_scope(estate.slug):
                undone = await Property.create(name="undone")
                events.changed("bill", undone.id)
                raise RuntimeError("abort the savepoint")
    assert [e.object_id for e in heard] == [str(kept.id)]


async def test_a_failing_outlet_neither_undoes_the_change_nor_silences_others(
    heard: list[DomainEvent],
) -> None:
    async def broken(event: DomainEvent) -> None:
        raise ConnectionError("pub/sub down")

    events.install_outlet(broken)
    try:
        estate = await make_estate()
        async with tenant_scope(estate.slug):
            prop = await Property.create(name="Block A")
            events.changed("bill", prop.id)
    finally:
        events.remove_outlet(broken)
    assert len(heard) == 1
    async with tenant_scope(estate.slug):
        assert await Property.filter(id=prop.id).exists()


async def test_a_bare_savepoint_that_rolls_back_drops_its_events() -> None:
    """Services nest `savepoint()`s; a refusal inside one must not leave
    its announcement behind when the operation's transaction commits."""
    announced: list[str] = []

    async def record(event: DomainEvent) -> None:
        announced.append(event.object_id)

    events.install_outlet(record)
    try:
        estate = await make_estate()
        async with tenant_scope(estate.slug):
            events.changed("bill", "kept")
            with pytest.raises(RuntimeError):
                async with savepoint():
                    events.changed("bill", "gone")
                    async with savepoint():
                        events.changed("bill", "gone too")
                    raise RuntimeError("refused")
            async with savepoint():
                events.changed("bill", "also kept")
    finally:
        events.remove_outlet(record)
    assert announced == ["kept", "also kept"]
