"""Provider webhooks: received per second at the shim against a bare route, and applied per
second by one worker process against the same coroutine called in-process. Same run.

    python -m bench.webhooks [--seconds 10] [--senders 32] [--loadgen-processes 2]
                             [--client httpx|raw] [--worker-threads 4]
                             [--parts both|receiving|applying]
                             [--database-url URL] [--redis-url URL]

Setup: it drops and recreates the bench database (default $BENCH_DATABASE_URL or
postgres://postgres@127.0.0.1:5432/estatepay_bench_webhooks) and empties the Dramatiq
`webhooks` queue of the Redis database given (default $BENCH_REDIS_URL or
redis://127.0.0.1:6379/13). It provisions one estate (`create_estate`), configures its
Paystack gateway through `gateways.config.configure` (apiBaseUrl: the fake Paystack of
`estatepay.demo.fakes.paystack`, served by uvicorn in a subprocess on 127.0.0.1) and creates
50 residents. Every server it starts gets DATABASE_URL, REDIS_URL and the same ENCRYPTION_KEY.
The servers' pools follow DB_POOL_MAX_SIZE (default 20 a pool): at 32 senders the shim can
hold ~40 PostgreSQL connections; set it lower on a server whose max_connections is tight.

1. Receiving. Two servers, each one uvicorn process on 127.0.0.1 with the same settings
   (one worker, uvicorn's defaults: uvloop, httptools, access log on):
   * shim: `python -m estatepay.cli serve`, `POST /webhooks/paystack/<slug>`. Every request
     is a new `charge.success` event (its own transaction id, so its own `event_id`), body
     and `x-paystack-signature` made by `FakePaystack.webhook` (HMAC-SHA512 of the raw
     body with the estate's secret key). So each does all the shim does: find the estate,
     open its scope, load and decrypt the gateway settings, check the signature, parse,
     INSERT the event (in a savepoint), commit, and send `apply_webhook_event` to Redis
     (the messages wait there: no worker runs in this part).
   * bare: a Starlette app (`--serve-bare`) whose one route, at the same path, reads the
     body and answers the shim's `{"received": true}`: HTTP, uvicorn and Starlette alone.
   The load: `--senders` senders, each sending its next webhook as soon as the answer is
   in, each on its own keep-alive connection and its own httpx.AsyncClient (a client
   shared by 32 connections costs ~4x the CPU per request), spread over
   `--loadgen-processes` processes of this bench (`--loadgen`). Both servers get the same
   requests. After a warm-up of each, they are measured in interleaved slices of `--slice`
   s (the order turned each round), `--seconds` in all each, so load from anything else on
   the machine hits both alike. Then it checks that the 200s, the stored events and the
   messages in Redis are the same number. `--client raw` swaps httpx for bench/common.py's
   small HTTP/1.1 client (a fraction of the CPU per request) to see the bare route's own
   ceiling.

2. Applying. Each batch is N stored events (RECEIVED rows in `webhook_events`, made from
   the fake's signed bodies through `PaystackGateway.parse_webhook`) for N pending Paystack
   bill payments, each of its own acknowledged bill, whose checkout the fake has been told
   succeeded. Applying one is `workers.tasks.apply_webhook_event`: lock the event, find the
   payment, the real verify call (`GET /transaction/verify/<reference>` on the fake, over
   HTTP), then `apply_verification`, which settles it: bill PAID, notification written,
   ledger entry from the Paystack clearing account to the estate revenue. Once it commits,
   the notification's `deliver_notification` job is sent too; the bench's residents have
   no user account, so each delivery ends at the user lookup (a few queries).
   * worker: one `python -m estatepay.cli worker --threads T` process, started and warmed
     up before; the clock runs from the first `send` to Redis (all N sent from here through
     the Dramatiq broker) until all N are PROCESSED (polled every 20 ms). It runs the
     delivery jobs it sends meanwhile, as in production.
   * in-process: the baseline, `apply_webhook_event` awaited directly in this process, T at
     a time (the worker's concurrency: its T threads share one event loop), no broker; the
     delivery jobs run as tasks on the same loop (as the embedded default runs them).
   Neither clock waits for the last deliveries, but each batch starts once they are done.
   A warm-up batch of each sizes the batches so that each takes about one slice; then the
   two alternate, `--seconds` in all each. At the end it checks that every event is
   PROCESSED and every payment SUCCEEDED, counts retries and runs `verify_ledger()`.

How to read it. The machine's cores are shared by the servers, PostgreSQL, the load
generator and whatever else runs: the `busy` columns say how much of them each took while
a variant ran (`others`: everything else), and the CPU per request or per event is the
figure that moves least when the machine is busy.
* `shim_vs_bare_ratio`: the shim's webhooks/s over the bare route's answers/s, i.e. what
  signature check, durable store and enqueue cost on top of HTTP. When the load generator
  spends more CPU per request than the bare server (it says so), bare's rate is the
  client's limit and the ratio is flattered: compare the servers' CPU per request, or run
  with `--client raw`.
* `worker_vs_in_process_ratio`: what the broker costs (Redis round trips, Dramatiq's
  threads handing work to the event loop) on top of applying; the applier's CPU per event
  (the worker process, or this one) says the same from the other side.
"""
