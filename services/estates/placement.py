"""Which worker of a Citus cluster holds an estate, and moving it to another
(`estatepay tenants place SLUG --node HOST:PORT`). An estate schema is one distributed
unit: its shards are colocated, and moving one moves them all."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.connection import get_connection

from services.errors import ValidationFailed
from tenants import citus, database
from tenants.apps import SHARED_CONNECTION
from tenants.models import Estate
from tenants.scope import schema_for


@dataclass(frozen=True)
class Move:
    slug: str
    source: citus.Placement
    target: citus.Placement

    @property
    def moved(self) -> bool:
        return self.source != self.target


async def where(slug: str) -> tuple[citus.Placement, int]:
    if not database.is_citus():
        raise ValidationFailed(
            "estates are placed on workers only on a Citus cluster "
            "(DATABASE_DISTRIBUTED=citus, DATABASE_URL its coordinator)",
            field="DATABASE_DISTRIBUTED",
        )
    if not await Estate.exists(slug=slug):
        raise ValidationFailed(f"no estate {slug!r}", field="slug")
    found = await citus.placement_of(get_connection(SHARED_CONNECTION), schema_for(slug))
    if found is None:
        raise ValidationFailed(f"estate {slug!r} is not a distributed schema", field="slug")
    return found


async def place(slug: str, host: str, port: int) -> Move:
    """Move the estate to the worker at host:port (nothing when it is there already).
    Reads and writes go on during the copy (logical replication)."""
    source, shard = await where(slug)
    db = get_connection(SHARED_CONNECTION)
    workers = await citus.workers(db)
    target = citus.Placement(host, port)
    if target not in workers:
        known = ", ".join(str(w) for w in workers) or "none"
        raise ValidationFailed(
            f"no worker {target} in the cluster (workers: {known})", field="node"
        )
    if target != source:
        await citus.move_schema(db, shard, source, target)
    return Move(slug, source, target)
