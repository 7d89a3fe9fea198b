"""Wallet bill payments per second: the service layer against raw SQL, same run.

    python -m bench.ledger [--clients 8] [--seconds 10] [--database-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_ledger), provisions one estate and
measures three variants at `--clients` concurrent clients on one event loop (as one API
process would run them), each for `--seconds` after its own warm-up, in interleaved slices
of `--slice` seconds (the order turned each round) so load from anything else on the
machine hits all of them alike:

* service: `async with tenant_scope(slug): await pay_bill_from_wallet(...)`, one scope (one
  transaction) per payment, exactly what the `payBillFromWallet` operation runs minus HTTP,
  GraphQL and the viewer lookup. The bill is paid in full (amount None), no PIN.
* raw: an asyncpg pool of `--clients` connections, one transaction per payment on the real
  tables of the estate schema (`set_config('search_path', schema, true)` first, as the
  service does): lock the bill (SELECT ... FOR UPDATE), lock the two balance rows
  (SELECT ... ORDER BY id FOR UPDATE), two balance UPDATEs, INSERT one journal entry and
  its two postings (one statement), UPDATE the bill's amount_paid/status. This is the
  baseline `service_vs_raw_ratio` is computed against.
* raw, all rows: the raw transfer plus the other rows the service writes in the same
  transaction: the payment row, the audit row and the notification row.

Setup: residents are `--residents-per-client` x clients (default 8 x 8 = 64), each with a
wallet (`wallets.open_wallet`) funded through `wallets.adjust`. Every client owns its own
residents and pays only from their wallets, so no two clients ever lock the same wallet;
the estate revenue account is the one row every payment locks (as in production: all of an
estate's payments credit it). The bills are created with `Bill.bulk_create`, numbers from
`take_numbers`, status ACKNOWLEDGED; the warm-up rate decides how many each variant gets
(with a wide margin), so no client runs out in the measured window (checked). Residents
have no shared-schema user: the payment path never reads one (their user_id is random).

Also printed: every statement of one payment of each variant with its time (one client,
sequential, asyncpg's query logger), where the backends' time went under load (sampled
from pg_stat_activity), CPU per payment of this process and of the PostgreSQL backends,
the plan of the service's account lock, and `services.ledger.verify.verify_ledger()` run
at the end in the estate's scope (skipped with a note if that module is missing).
"""
