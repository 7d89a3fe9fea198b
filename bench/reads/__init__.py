"""GraphQL reads through the real server against a bare Starlette + asyncpg baseline.

    python -m bench.reads [--connections 32] [--seconds 10]
                          [--residents 2000 --bills 50000 --payments 80000]
                          [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_reads) and seeds one estate with bulk
COPYs into its `t_<slug>` schema: properties, units, residents (each with a shared-schema
user and RESIDENT membership), occupancies, a wallet plus its ledger account per resident,
bills (spread over the residents, newest last) and payments (spread over the bills; every
bill is PAID or PARTIALLY_PAID). The estate and its admin come from `create_estate`; the
residents share one precomputed argon2 hash (logging in is not what is measured).

Then it starts, as subprocesses on 127.0.0.1:
* the real server, `python -m estatepay.cli serve --port P` with DATABASE_URL and REDIS_URL
  (uvicorn, one worker, its defaults: uvloop, httptools, access log on);
* the baseline, `python -m bench.reads --serve-baseline ...`: a bare Starlette app under
  uvicorn with the same settings, whose two routes answer the same JSON as the GraphQL
  responses (checked byte for byte before measuring), each from ONE asyncpg query on a pool
  whose connections have `search_path` set to the estate's schema. It reads the resident
  from the URL: no authentication, no tenant resolution, no GraphQL.

Scenarios, each with its baseline, at `--connections` keep-alive HTTP/1.1 connections for
`--seconds` (after a warm-up; measured in interleaved slices so load from anything else on
the machine hits all variants alike):
* (a) a resident's 20 newest bills, each with its payments
  (`bills(first: 20) { edges { node { id number status amount { amount currency }
  payments { reference amount { amount } status } } } }`, Authorization + X-Tenant);
* (b) the estate admin's 50 newest bills, six scalar fields each.

The load generator is a small asyncio HTTP/1.1 client in this process (cheaper per request
than httpx, so it takes less of the 2 cores from the servers); its CPU share is printed.
"""
