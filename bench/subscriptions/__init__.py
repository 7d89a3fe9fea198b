"""Live subscriptions across two API processes: commit -> client latency and events
delivered per second, against raw Redis pub/sub fan-out to plain WebSockets, same run.

    python -m bench.subscriptions [--subscribers 1000] [--admins 100] [--rounds 3]
                                  [--per-round 60] [--rate 10] [--burst 200]
                                  [--database-url URL] [--redis-url URL]

It drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_subs) and flushes the bench Redis
database (default $BENCH_REDIS_URL or redis://127.0.0.1:6379/13). One estate is
provisioned through the real code; its residents (users, memberships, residents, wallets)
are bulk-COPYed with one shared password hash, each wallet funded through
`wallets.adjust`, and their bills COPYed as ACKNOWLEDGED. Tokens are minted with the
servers' SECRET_KEY (logging in is not what is measured).

Processes on 127.0.0.1, all under uvicorn with the same defaults (one worker, uvloop):
* two API processes, `python -m estatepay.cli serve --port P` on PostgreSQL + Redis
  (DB_POOL_MAX_SIZE=8 each, `--pool-size`);
* two baseline processes, `python -m bench.subscriptions --serve-baseline`: a bare
  Starlette WebSocket route per process and ONE redis.asyncio pub/sub connection, which
  forwards each published message, as is, to the sockets it names (a resident's, or every
  admin's). No authentication, no database, no GraphQL.

Subscribers (`--subscribers`, split evenly over the two processes of each system):
`--admins` connections of the estate admin subscribed to `billUpdated` (every bill of the
estate), the rest one resident each subscribed to `walletUpdated`. Every connection
authenticates with its `connection_init` payload and waits for the pong of a `ping` (our
transport answers it once the subscription is live) before anything is measured; the
baseline's clients connect the same number of plain sockets.

What a payment fans out to: the payer's wallet event (to their one subscriber) and the
bill event (to every admin subscriber): 1 + admins deliveries. A payment is
`payBillFromWallet` over HTTP through the process its payer is NOT subscribed on, so
every resident event crosses processes through Redis (admins sit on both). The baseline
publishes the same two messages per payment (one addressed to the resident, one to the
admins) through Redis.

Latency, commit -> client: the API stamps each event when its after-commit outlet runs
(right after the transaction commits, before PUBLISH) and sends that stamp with every
subscription message as `extensions.committedAt`; the client subtracts it from the
arrival time (time.time() on the same host, so the clocks agree). The baseline stamps each
message just before PUBLISH the same way. Both therefore measure PUBLISH -> Redis -> server
-> WebSocket -> client; ours also re-reads the object in its own tenant transaction and
runs the GraphQL selection per subscriber, which is what the ratio prices.

Phases, both systems each time, in interleaved rounds (so load from anything else on the
machine hits both alike):
* paced: `--rounds` x `--per-round` payments at `--rate` payments/s (open loop: each sent
  at its planned time), p50/p99 over every delivery;
* burst: `--burst` payments, 8 at a time, as fast as they go; events delivered per second
  from the first payment sent to the last delivery (the baseline publishes as fast as it
  goes). This is capacity on this machine, payments included.

Also printed: deliveries missing (a subscriber queue overflowing drops its oldest hints),
CPU seconds of the server processes per 1,000 deliveries, and the CPU share this client
process took.
"""
