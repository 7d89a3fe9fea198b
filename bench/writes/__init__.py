"""Money-moving mutations through the real server, next to pgbench's wallet transfer run in
the same command, a burst of payments, and the embedded default.

    python -m bench.writes [--connections 8 32] [--seconds 6] [--slice 2] [--warmup 1]
                           [--residents 1000] [--bills-per-resident 16] [--burst 1000]
                           [--workers N] [--pool-size 10] [--profile py-spy|cprofile]
                           [--embedded-seconds 5] [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_writes), flushes the bench's Redis
database (default $BENCH_REDIS_URL or redis://127.0.0.1:6379/12) and seeds one estate
through the models (world.py): `--residents` residents (users with RESIDENT memberships),
each with a wallet funded by balanced ledger entries, `--bills-per-resident` ACKNOWLEDGED
bills to pay and as many PENDING_ACKNOWLEDGMENT bills to acknowledge. Tokens are signed
with the bench's SECRET_KEY, which the servers get too (logging in is not measured).

Then, through `estatepay serve --workers 1` (PostgreSQL + Redis, DB_POOL_MAX_SIZE
`--pool-size`), at each of `--connections` keep-alive connections (operations.py):
* payBillFromWallet: a resident pays one of their bills in full (no PIN set);
* adjustWallet: the admin credits a resident's wallet 0.01;
* acknowledgeBill: a resident acknowledges one of their bills;
every request with a fresh idempotency key and its own bill or wallet: connection i only
serves the residents whose index is i modulo the connections. The rows all requests share
are the product's own: the estate revenue account (payments) and adjustments account.
Beside them, pgbench's transfer (pgbench.py: `-M prepared`, the same client counts, its
own two tables in the bench database): two balance updates (a random wallet row and the
one revenue row) and an insert, in one transaction. All variants run in interleaved
slices of `--slice` whole seconds (pgbench's -T), the order turned each round.

Printed: tps, p50, p99, errors and where the CPU went per variant, and per operation and
client count the ratio API / pgbench, and whether payBillFromWallet at 32 connections
reaches issue #20's target (>= 0.25 x pgbench with p99 < 100 ms). `--workers N` repeats it
all (pgbench too) through `serve --workers N`, after the one-process server stopped.

`--profile py-spy` samples the one-process server during an extra payBillFromWallet run
at the most connections (py-spy from PyPI: the `bench` extra) and prints the top functions
by own time and, in estatepay's code, including callees; `--profile cprofile` runs a
second server under cProfile instead (slower, and it counts start-up too).

`--burst N` (burst.py): N residents pay a bill each, every request on its own connection
opened beforehand and released at the same moment. It reports the spread of latencies
from the release, and fails unless every answer is a SUCCEEDED payment, the server logged
no deadlock, every bill is PAID by exactly one payment and `estatepay ledger verify` exits
0. tests/acceptance/test_payment_burst.py runs the same code with 100 residents.

Last (embedded.py), payBillFromWallet on the embedded default: the same seeding into
SQLite files, one `estatepay serve` with no DATABASE_URL or REDIS_URL, at 1 and 8
connections for `--embedded-seconds` each.

No worker runs: the jobs the mutations queue (notifications) wait in Redis. The exit code
is 1 if any request failed or the burst's checks did not hold.
"""
