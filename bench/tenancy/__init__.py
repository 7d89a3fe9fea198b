"""Tenant routing benchmark: what a scoped query costs, and whether it grows with estates.

    python -m bench.tenancy [--estates 1000] [--iterations 300] [--database-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench), provisions one target estate holding
50 properties and times, from one client, one operation after another, the `properties`
first page, `catalog.list_properties(20, None, 100)`: a count plus a 21-row keyset page.

* routed: `async with tenant_scope(slug)` around the catalog call, the production path:
  one transaction on the shared tenant pool whose first statement is
  `set_config('search_path', $1, true)`, the router choosing the connection, Tortoise
  building the queries and the model instances.
* baseline ORM (no routing): the same `paginate(Property.all(), ...)` through Tortoise in
  one transaction on a separate one-connection Tortoise asyncpg client whose connection
  has `search_path` fixed to the estate's schema: no `set_config`, no router.
* baseline raw: the exact SQL and parameters Tortoise sent on the routed path (captured
  from its `tortoise.db_client` log) on a plain asyncpg pool with `search_path` fixed to
  the schema, in one transaction, rows left as asyncpg records.
* scope alone: entering and leaving `tenant_scope` with no query in it.

The operations are interleaved (one iteration of each in turn) after a warm-up, so drift
on the machine hits all of them alike. The routed query is timed with the target estate
alone, then again once the other estates (N in all) exist; with N estates it is also timed
rotating over up to 100 estates that each hold the same 50 properties (a different
estate, hence a different `search_path`, on every call).
"""
