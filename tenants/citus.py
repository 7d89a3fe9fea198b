"""Citus schema-based sharding (`DATABASE_DISTRIBUTED=citus`, DATABASE_URL a coordinator).

Each estate schema is created as a distributed schema: Citus makes every table created in
it a single-shard table, all of one schema colocated on one worker, so an estate's
queries run whole on the worker holding it. The shared tables (estates, users,
memberships, sessions, ...) become reference tables, copied to every node, because the
compiled reads join them with an estate's tables (a resident's user, the estate's row):
a join of a reference table with one schema's tables still runs on that one worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

SHARED_SCHEMA = "public"


async def create_distributed_schema(db: BaseDBAsyncClient, schema: str) -> None:
    """CREATE SCHEMA as one distributed unit. The setting is transaction-local (SET
    LOCAL): the pooled connection goes back as it came. `schema` is validated already."""
    async with db._in_transaction() as tx:
        await tx.execute_script("SET LOCAL citus.enable_schema_based_sharding TO on")
        await tx.execute_script(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')


async def distribute_shared_tables(db: BaseDBAsyncClient, lock_key: int) -> list[str]:
    """Make every table of the shared schema not yet known to Citus a reference table,
    referenced tables before those with foreign keys to them (Citus refuses a reference
    table pointing at a local one). Under the shared migration lock: several processes
    may start at once. Returns the tables converted."""
    converted: list[str] = []
    if not await _local_shared_tables(db):
        return converted  # every process start: a read, no lock
    async with db._in_transaction() as tx:
        await tx.execute_query("SELECT pg_advisory_xact_lock($1)", [lock_key])
        rows = await _local_shared_tables(tx)
        pending = {str(r["name"]): set(r["refs"] or []) for r in rows}
        while pending:
            ready = sorted(name for name, refs in pending.items() if not refs & pending.keys())
            if not ready:
                raise RuntimeError(f"foreign keys in a circle among {sorted(pending)}")
            for name in ready:
                await tx.execute_query(
                    "SELECT create_reference_table($1::regclass)", [f'{SHARED_SCHEMA}."{name}"']
                )
                converted.append(name)
                del pending[name]
    return converted


async def _local_shared_tables(db: BaseDBAsyncClient) -> list[dict[str, Any]]:
    """The shared schema's tables Citus does not know yet, with the tables they
    reference. As text: a `name[]` makes asyncpg introspect the type on each new
    connection, and its introspection query took 82 s on a coordinator holding a few
    hundred estates (a worker starting there timed out)."""
    return await db.execute_query_dict(
        """
            SELECT c.relname::text AS name,
                   array_remove(array_agg(DISTINCT r.relname::text), NULL) AS refs
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_constraint f ON f.conrelid = c.oid AND f.contype = 'f'
            LEFT JOIN pg_class r ON r.oid = f.confrelid AND r.oid <> c.oid
            WHERE n.nspname = $1 AND c.relkind = 'r'
              AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)
            GROUP BY c.relname
            """,
        [SHARED_SCHEMA],
    )


async def cross_schema_references(db: BaseDBAsyncClient, schema: str) -> list[str]:
    """What in `schema` depends on an object of another (non-system) schema: foreign keys,
    column defaults using another schema's relations (sequences), column types defined
    elsewhere. A distributed schema must hold none of them: it moves to
    another worker whole, alone."""
    rows = await db.execute_query_dict(
        """
        WITH own AS (SELECT $1::regnamespace AS ns)
        SELECT format('foreign key %s on %s references %s', con.conname,
                      con.conrelid::regclass, con.confrelid::regclass) AS found
        FROM pg_constraint con, own
        WHERE con.contype = 'f' AND con.connamespace = own.ns
          AND (SELECT relnamespace FROM pg_class WHERE oid = con.confrelid) <> own.ns
        UNION ALL
        SELECT format('%s.%s depends on %s', c.oid::regclass, a.attname, ref.oid::regclass)
        FROM pg_attrdef d
        JOIN pg_class c ON c.oid = d.adrelid
        JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
        JOIN pg_depend dep ON dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
        JOIN pg_class ref ON dep.refclassid = 'pg_class'::regclass AND ref.oid = dep.refobjid
        CROSS JOIN own
        WHERE c.relnamespace = own.ns AND ref.relnamespace <> own.ns
        UNION ALL
        SELECT format('%s.%s has the type %s', c.oid::regclass, a.attname, t.oid::regtype)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_type t ON t.oid = a.atttypid
        CROSS JOIN own
        WHERE c.relnamespace = own.ns AND a.attnum > 0 AND NOT a.attisdropped
          AND t.typnamespace NOT IN (own.ns, 'pg_catalog'::regnamespace)
        ORDER BY 1
        """,
        [schema],
    )
    return [str(r["found"]) for r in rows]


@dataclass(frozen=True)
class Placement:
    host: str
    port: int

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


async def workers(db: BaseDBAsyncClient) -> list[Placement]:
    rows = await db.execute_query_dict(
        "SELECT nodename, nodeport FROM pg_dist_node "
        "WHERE isactive AND noderole = 'primary' AND shouldhaveshards ORDER BY nodename, nodeport"
    )
    return [Placement(str(r["nodename"]), int(r["nodeport"])) for r in rows]


async def placement_of(db: BaseDBAsyncClient, schema: str) -> tuple[Placement, int] | None:
    """Where the distributed schema lives, and one of its shards (moving one moves all:
    they are colocated). None when the schema is not distributed (or has no table)."""
    rows = await db.execute_query_dict(
        """
        SELECT s.nodename, s.nodeport, s.shardid
        FROM citus_schemas cs
        JOIN citus_shards s ON s.colocation_id = cs.colocation_id
        WHERE cs.schema_name = $1::regnamespace
        ORDER BY s.shardid LIMIT 1
        """,
        [schema],
    )
    if not rows:
        return None
    row = rows[0]
    return Placement(str(row["nodename"]), int(row["nodeport"])), int(row["shardid"])


async def move_schema(db: BaseDBAsyncClient, shard: int, source: Placement, to: Placement) -> None:
    """Move the schema's shards (all colocated) with logical replication: reads and
    writes go on while the data is copied; writes wait only for the final catch-up."""
    await db.execute_query(
        "SELECT citus_move_shard_placement($1, $2, $3, $4, $5, "
        "shard_transfer_mode => 'force_logical')",
        [shard, source.host, source.port, to.host, to.port],
    )
