"""The demo's Bitcoin payment as a newcomer makes it: `estatepay serve` on SQLite, a seeded
bill paid with `provider: BITCOIN`, the address paid and blocks mined on the fake chain
with the documented `estatepay fakechain` commands, and the in-process scheduler's scan
(or `verifyPayment`) turning the payment SUCCEEDED and the bill PAID."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from estatepay.demo.seed import LOGINS
from tests.acceptance.test_demo_payments import call, pending_bills, until
from tests.acceptance.test_serve import clean_env, login, serve

ADMIN, ADA = LOGINS[1], LOGINS[2]


def fakechain(tmp_path: Path, base: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "fakechain", "--url", base, *args],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_newcomer_pays_a_seeded_bill_with_bitcoin(tmp_path: Path) -> None:
    with serve(tmp_path, clean_env()) as (base, log):
        assert "estatepay fakechain pay" in log.read_text()
        ada, admin = login(base, ADA.email, ADA.password), login(base, ADMIN.email, ADMIN.password)
        bill = pending_bills(base, ada)[0]
        call(base, ada, "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=bill["id"])
        payment = call(
            base,
            ada,
            "mutation($b: ID!) { payBill(billId: $b, provider: BITCOIN, idempotencyKey: "
            '"btc-demo") { reference status bitcoin { address amountBtc paymentUri qrSvg '
            "rate { amount } } } }",
            b=bill["id"],
        )["payBill"]
        details = payment["bitcoin"]
        assert payment["status"] == "PENDING" and details["address"].startswith("tb1q")
        assert details["rate"]["amount"] == "150000000.00"
        assert details["qrSvg"].startswith("<svg")

        assert "txid" in fakechain(tmp_path, base, "pay", details["address"], details["amountBtc"])
        fakechain(tmp_path, base, "mine", "2")

        def status() -> str:
            return str(
                call(
                    base,
                    ada,
                    "mutation($r: String!) { verifyPayment(reference: $r) { status } }",
                    r=payment["reference"],
                )["verifyPayment"]["status"]
            )

        assert until(lambda: status() == "SUCCEEDED")
        paid = call(base, ada, "query($id: ID!) { bill(id: $id) { status } }", id=bill["id"])
        assert paid["bill"]["status"] == "PAID"
        view = call(base, admin, "{ bitcoinGateway { network addressesIssued receivedBtc } }")
        assert view["bitcoinGateway"] == {
            "network": "testnet",
            "addressesIssued": 1,
            "receivedBtc": details["amountBtc"],
        }

    verify = subprocess.run(
        [sys.executable, "-m", "estatepay.cli", "ledger", "verify", "--estate", "demo"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verify.returncode == 0 and "demo: ok" in verify.stdout, verify.stdout + verify.stderr
