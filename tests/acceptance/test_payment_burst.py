"""A burst of wallet payments against `estatepay serve` on PostgreSQL and Redis: 100
residents pay a bill each, every request released at the same moment (the small size of
`python -m bench.writes --burst`, whose code this drives). Correctness only, no timings:
every payment succeeds, nothing deadlocks, the money moved exactly once and
`estatepay ledger verify` passes."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

from bench.writes.burst import burst, check_bills, ledger_verify, reserve
from bench.writes.world import BILL_AMOUNT, FUNDING, seed
from services.ledger.journal import ESTATE_REVENUE
from services.ledger.models import Account
from tenants.scope import tenant_scope
from tenants.settings import Settings
from tests.acceptance.test_live_updates import server_env
from tests.acceptance.test_serve import serve

RESIDENTS = 100


async def test_a_burst_of_wallet_payments_all_succeed_and_the_ledger_holds(
    database: Settings, tmp_path: Path
) -> None:
    slug = f"burst-{uuid.uuid4().hex[:8]}"
    estate = await seed(slug, RESIDENTS, 1, 0, secret_key=database.secret_key)
    payments = reserve(estate, RESIDENTS)
    # Fewer connections than requests: the burst queues on the pool, as in production.
    env = {**server_env(database), "DB_POOL_MAX_SIZE": "5"}
    with serve(tmp_path, env) as (base, log):
        done = await burst(urlsplit(base).port or 0, estate, payments)
        server_log = log.read_text(errors="replace")

    assert done.failures == []
    assert len(done.latencies) == RESIDENTS
    assert "deadlock detected" not in server_log
    assert "Traceback" not in server_log
    assert await check_bills(slug, done.bills) == []
    async with tenant_scope(slug):
        revenue = await Account.get(code=ESTATE_REVENUE)
        wallets = await Account.filter(
            id__in=[payer.account_id for payer, _ in payments]
        ).values_list("balance", flat=True)
    assert revenue.balance == RESIDENTS * BILL_AMOUNT
    assert sorted(set(wallets)) == [FUNDING - BILL_AMOUNT]
    assert len(wallets) == RESIDENTS

    code, output = ledger_verify(slug, env)
    assert code == 0, output
    assert f"{slug}: ok" in output.splitlines()
