"""GraphQL reads through the real server against PostGraphile 5 and a bare Starlette +
asyncpg baseline, then on the embedded default through both read paths.

    python -m bench.reads [--connections 32] [--seconds 10] [--workers N] [--pool-size 10]
                          [--residents 2000 --bills 50000 --payments 80000]
                          [--embedded-seconds 5] [--peer-dir DIR]
                          [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_reads) and seeds one estate with bulk
COPYs into its `t_<slug>` schema: properties, units, residents (each with a shared-schema
user and RESIDENT membership), occupancies, a wallet plus its ledger account per resident,
bills (spread over the residents, newest last) and payments (spread over the bills; every
bill is PAID or PARTIALLY_PAID). The estate and its admin come from `create_estate`; the
residents share one precomputed argon2 hash (logging in is not what is measured).

Then it starts, as subprocesses on 127.0.0.1, each with a PostgreSQL pool of --pool-size
connections per process:
* the real server, `python -m estatepay.cli serve --port P` with DATABASE_URL and REDIS_URL
  (uvicorn, its defaults: uvloop, httptools, access log on), in one process and with
  `--workers N` (left out, saying so, while `serve` does not accept the flag);
* PostGraphile 5.1.5 on Node 22 over the estate's schema (peer.py: npm-installed under the
  temporary directory if missing; graphile.config.mjs);
* the baseline, `python -m bench.reads --serve-baseline ...`: a bare Starlette app under
  uvicorn with the same settings, whose two routes answer the same JSON as the GraphQL
  responses (checked byte for byte before measuring), each from ONE asyncpg query on a pool
  whose connections have `search_path` set to the estate's schema. It reads the resident
  from the URL: no authentication, no tenant resolution, no GraphQL.

Scenarios, each sent to every server (PostGraphile gets its own spelling of the document and
must return the same rows, compare.py), at `--connections` keep-alive HTTP/1.1 connections
for `--seconds` (after a warm-up; measured in interleaved slices, one server at a time, so
load from anything else on the machine hits all variants alike):
* (a) a resident's 20 newest bills, each with its payments
  (`bills(first: 20) { edges { node { id number status amount { amount currency }
  payments { reference amount { amount } status } } } }`, Authorization + X-Tenant);
* (b) the estate admin's 50 newest bills, six scalar fields each.

Last, the same rows go into SQLite files and the embedded server (no Redis) answers both
documents one request at a time, with COMPILED_READS on and off (embedded.py).

The load generator is a small asyncio HTTP/1.1 client in this process (cheaper per request
than httpx, so it takes less of the 2 cores from the servers); its CPU share is printed.
"""
