"""The security counters under parallel attack: the wallet PIN lockout and the login
limit each check exactly as many secrets as they allow, however many requests race."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from services.errors import RateLimited, Unauthenticated
from services.identity.accounts import LoginPolicy, login
from services.identity.throttle import FailureCounter, MemoryFailureCounter, RedisFailureCounter
from services.payments.models import Payment
from services.wallets.models import Wallet
from services.wallets.wallets import MAX_PIN_ATTEMPTS
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient, make_estate, make_settings
from tests.world import build_world

PAY = """mutation($b: ID!, $k: String!, $p: String) {
  payBillFromWallet(billId: $b, idempotencyKey: $k, pin: $p) { status } }"""
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
LOCKING = "locked for 15 minutes"  # the message of the check that locks the wallet


def codes(results: list[dict]) -> Counter[str]:
    return Counter(
        r["errors"][0]["extensions"]["code"] if r.get("errors") else "OK" for r in results
    )


async def test_60_parallel_wrong_pins_check_exactly_the_limit(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "500.00")
    bill = await world.bill(ada, "100.00")
    await ada.client.ok('mutation { setWalletPin(pin: "2468") { hasPin } }')

    results = await asyncio.gather(
        *(ada.client.execute(PAY, b=bill["id"], k=uuid.uuid4().hex, p="1357") for _ in range(60))
    )
    counted = codes(results)
    # Four wrong PINs are told how many are left, the fifth locks the wallet, and the
    # other 55 are refused without their PIN being looked at.
    assert counted == {"INVALID_PIN": MAX_PIN_ATTEMPTS - 1, "WALLET_LOCKED": 61 - MAX_PIN_ATTEMPTS}
    locking = [r for r in results if LOCKING in (r.get("errors") or [{}])[0].get("message", "")]
    assert len(locking) == 1

    # The right PIN, sent last, finds the wallet locked: no money moves.
    right = await ada.client.error(PAY, b=bill["id"], k=uuid.uuid4().hex, p="2468")
    assert right["extensions"]["code"] == "WALLET_LOCKED"
    async with tenant_scope(world.slug):
        wallet = await Wallet.get(id=ada.wallet_id)
        assert wallet.locked_until is not None and wallet.failed_pin_attempts == 0
        assert await Payment.filter(bill_id=bill["id"]).count() == 0


async def test_100_parallel_logins_check_exactly_the_email_limit(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    results = await asyncio.gather(
        *(gql.execute(LOGIN, e=fixture.admin_email, p="wrong-password-1") for _ in range(100))
    )
    limit = make_settings().login_attempts_per_email
    assert codes(results) == {"UNAUTHENTICATED": limit, "RATE_LIMITED": 100 - limit}
    error = await gql.error(LOGIN, e=fixture.admin_email, p=PASSWORD)
    assert error["extensions"]["code"] == "RATE_LIMITED"


async def test_100_parallel_logins_check_exactly_the_address_limit(gql: GraphQLClient) -> None:
    emails = [f"nobody-{uuid.uuid4().hex}@nowhere.test" for _ in range(100)]
    results = await asyncio.gather(*(gql.execute(LOGIN, e=e, p="wrong-password-1") for e in emails))
    limit = make_settings().login_attempts_per_address
    assert codes(results) == {"UNAUTHENTICATED": limit, "RATE_LIMITED": 100 - limit}


async def test_good_logins_do_not_use_up_the_address_limit(gql: GraphQLClient) -> None:
    fixture = await make_estate()
    for _ in range(make_settings().login_attempts_per_address + 5):
        await gql.login(fixture.admin_email)


@pytest.fixture(params=["redis", "memory"])
def failures(request: pytest.FixtureRequest, redis: Redis) -> FailureCounter:
    return RedisFailureCounter(redis) if request.param == "redis" else MemoryFailureCounter()


async def test_both_counts_move_together_and_refusals_count_nothing(
    database: object, failures: FailureCounter
) -> None:
    fixture = await make_estate()
    address = f"10.{uuid.uuid4().int % 250}.0.1"
    policy = LoginPolicy("k" * 40, timedelta(minutes=5), 5, 8, 60)

    async def attempt(email: str, password: str = "wrong-password-1") -> str:
        try:
            await login(email, password, address, policy, failures)
        except (RateLimited, Unauthenticated) as error:
            return error.code
        return "OK"

    # Both limits bind on the same attempts: exactly five passwords are checked.
    outcomes = Counter(await asyncio.gather(*(attempt(fixture.admin_email) for _ in range(100))))
    assert outcomes == {"UNAUTHENTICATED": 5, "RATE_LIMITED": 95}
    # The 95 refused attempts took nothing from the address: three more are checked.
    others = [await attempt(f"other-{n}@nowhere.test") for n in range(4)]
    assert others == ["UNAUTHENTICATED"] * 3 + ["RATE_LIMITED"]
    # A good login from another address still waits out the window for this email.
    with pytest.raises(RateLimited):
        await login(fixture.admin_email, PASSWORD, "10.255.0.2", policy, failures)


SUBMIT = """mutation($b: ID!, $k: String!, $r: String!) {
  submitManualPayment(billId: $b, bankReference: $r, idempotencyKey: $k) { id status } }"""


async def test_idempotency_keys_belong_to_their_payer(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, ben = world.residents
    ada_bill, ben_bill = await world.bill(ada, "100.00"), await world.bill(ben, "100.00")
    first = await ada.client.ok(SUBMIT, b=ada_bill["id"], k="shared-key", r="TRF-1")

    # Ada's bill with Ada's key, sent by Ben: not his bill, and nothing says the key exists.
    stolen = await ben.client.error(SUBMIT, b=ada_bill["id"], k="shared-key", r="TRF-1")
    assert stolen["extensions"]["code"] == "NOT_FOUND"
    # The same key for Ben's own bill is Ben's own request.
    own = await ben.client.ok(SUBMIT, b=ben_bill["id"], k="shared-key", r="TRF-2")
    assert own["submitManualPayment"]["id"] != first["submitManualPayment"]["id"]
    # Ada's retry is answered from her payment; another request under her key conflicts.
    again = await ada.client.ok(SUBMIT, b=ada_bill["id"], k="shared-key", r="TRF-1")
    assert again == first
    other = await ada.client.error(SUBMIT, b=ada_bill["id"], k="shared-key", r="TRF-9")
    assert other["extensions"]["code"] == "IDEMPOTENCY_CONFLICT"
    async with tenant_scope(world.slug):
        assert await Payment.filter(provider="MANUAL").count() == 2
