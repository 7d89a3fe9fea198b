"""Each adapter sorts provider errors and declines into API.md's failureCode categories:
the mapping tables as plain functions, then every code path that has one through the fake
providers over real HTTP (a refused key, a stalled or closed server, a decline)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import free_port, serving
from estatepay.demo.fakes.stripe import FakeStripe
from services.payments.gateways.base import (
    DECLINE_MESSAGES,
    FAILURE_CODES,
    CircuitBreaker,
    PaymentRequest,
    ProviderError,
    failure_from_message,
    failure_from_status,
)
from services.payments.gateways.flutterwave import FlutterwaveGateway
from services.payments.gateways.paystack import PaystackGateway
from services.payments.gateways.stripe import DECLINES, StripeGateway, card_failure

PAYSTACK_KEY = "sk_test_failures"
FLW_KEY, FLW_HASH = "FLWSECK_TEST-failures", "hash-failures"
STRIPE_KEY, STRIPE_HOOK = "sk_test_failures", "whsec_failures"
# Far shorter than the fakes' stall below: a stalled provider times out quickly.
SHORT = httpx.Timeout(0.2)
STALL = 1.0


# --- the mapping tables -----------------------------------------------------------


def test_every_table_maps_to_api_categories() -> None:
    assert {code for _, code in DECLINE_MESSAGES} <= FAILURE_CODES
    assert set(DECLINES.values()) <= FAILURE_CODES
    assert ProviderError("x", "SOMETHING_ELSE").failure_code == "PROVIDER_ERROR"


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("Insufficient Funds", "INSUFFICIENT_FUNDS"),
        ("Declined: insufficient funds", "INSUFFICIENT_FUNDS"),
        ("Not sufficient funds", "INSUFFICIENT_FUNDS"),
        ("Expired Card", "EXPIRED_CARD"),
        ("Declined - card expired", "EXPIRED_CARD"),
        ("Invalid card number", "INVALID_CARD"),
        ("Incorrect card number", "INVALID_CARD"),
        ("Invalid expiry date", "INVALID_CARD"),
        ("Incorrect CVV", "INVALID_CARD"),
        ("Transaction timed out", "TIMEOUT_ERROR"),
        ("Issuer timeout", "TIMEOUT_ERROR"),
        ("Transaction session has expired", "EXPIRED"),
        ("Declined", "DECLINED_CARD"),
        ("Do Not Honor", "DECLINED_CARD"),
        ("Transaction not permitted to cardholder", "DECLINED_CARD"),
        ("Stolen card, pick up", "DECLINED_CARD"),
        ("Invalid transaction", "PROVIDER_ERROR"),  # not about the card
        ("", "PROVIDER_ERROR"),
    ],
)
def test_decline_messages(message: str, code: str) -> None:
    assert failure_from_message(message) == code


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (401, "AUTHENTICATION_ERROR"),
        (403, "AUTHENTICATION_ERROR"),
        (408, "TIMEOUT_ERROR"),
        (504, "TIMEOUT_ERROR"),
        (400, "PROVIDER_ERROR"),
        (404, "PROVIDER_ERROR"),
        (429, "PROVIDER_ERROR"),
        (500, "PROVIDER_ERROR"),
        (503, "PROVIDER_ERROR"),
    ],
)
def test_http_statuses(status: int, code: str) -> None:
    assert failure_from_status(status) == code


@pytest.mark.parametrize(
    ("code", "decline_code", "expected"),
    [
        ("card_declined", "insufficient_funds", "INSUFFICIENT_FUNDS"),
        ("card_declined", "expired_card", "EXPIRED_CARD"),
        ("expired_card", None, "EXPIRED_CARD"),
        ("incorrect_number", None, "INVALID_CARD"),
        ("incorrect_cvc", None, "INVALID_CARD"),
        ("invalid_expiry_year", None, "INVALID_CARD"),
        ("card_declined", "do_not_honor", "DECLINED_CARD"),
        ("card_declined", None, "DECLINED_CARD"),
        ("processing_error", None, "PROVIDER_ERROR"),
        (None, None, "DECLINED_CARD"),
    ],
)
def test_stripe_card_errors(code: str | None, decline_code: str | None, expected: str) -> None:
    assert card_failure(code, decline_code) == expected


# --- through the fakes, over HTTP ---------------------------------------------------


async def failure_code(call: Awaitable[Any]) -> str:
    with pytest.raises(ProviderError) as caught:
        await call
    return caught.value.failure_code


def checkout(amount: int = 150_000, currency: str = "NGN") -> PaymentRequest:
    return PaymentRequest(
        f"PAY-{uuid.uuid4().hex[:16].upper()}", amount, currency, "payer@test.example", None, "x"
    )


@pytest.fixture(scope="module")
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(PAYSTACK_KEY)
    with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture(scope="module")
def flutterwave() -> Iterator[tuple[FakeFlutterwave, str]]:
    fake = FakeFlutterwave(FLW_KEY, FLW_HASH)
    with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture(scope="module")
def stripe_fake() -> Iterator[tuple[FakeStripe, str]]:
    fake = FakeStripe(STRIPE_KEY, STRIPE_HOOK)
    with serving(fake.app()) as url:
        yield fake, url


@pytest.fixture(autouse=True)
def healthy_fakes(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test starts with providers that answer at once and refuse nothing."""
    yield
    for name in ("paystack", "flutterwave", "stripe_fake"):
        if name in request.fixturenames:
            fake = request.getfixturevalue(name)[0]
            fake.failing_with, fake.delay = None, 0.0


def closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def paystack_at(url: str, key: str = PAYSTACK_KEY, **kwargs: Any) -> PaystackGateway:
    return PaystackGateway({"secretKey": key}, url, CircuitBreaker(), **kwargs)


def flutterwave_at(url: str, key: str = FLW_KEY, **kwargs: Any) -> FlutterwaveGateway:
    credentials = {"secretKey": key, "webhookHash": FLW_HASH}
    return FlutterwaveGateway(credentials, url, CircuitBreaker(), **kwargs)


def stripe_at(url: str, key: str = STRIPE_KEY, **kwargs: Any) -> StripeGateway:
    credentials = {"secretKey": key, "webhookSecret": STRIPE_HOOK}
    return StripeGateway(credentials, url, CircuitBreaker(), **kwargs)


async def test_paystack_transport_and_http_failures(paystack: tuple[FakePaystack, str]) -> None:
    fake, url = paystack
    assert await failure_code(paystack_at(url, key="wrong").test_connection()) == (
        "AUTHENTICATION_ERROR"
    )
    assert await failure_code(paystack_at(closed_url()).create_payment(checkout())) == (
        "NETWORK_ERROR"
    )
    fake.failing_with = 500
    assert await failure_code(paystack_at(url).create_payment(checkout())) == "PROVIDER_ERROR"
    fake.failing_with = 504
    assert await failure_code(paystack_at(url).create_payment(checkout())) == "TIMEOUT_ERROR"
    fake.failing_with, fake.delay = None, STALL
    assert await failure_code(paystack_at(url, timeout=SHORT).verify("PAY-X")) == "TIMEOUT_ERROR"


@pytest.mark.parametrize(
    ("gateway_response", "code"),
    [
        ("Insufficient Funds", "INSUFFICIENT_FUNDS"),
        ("Expired Card", "EXPIRED_CARD"),
        ("Invalid card number", "INVALID_CARD"),
        ("Declined", "DECLINED_CARD"),
        ("Transaction timed out", "TIMEOUT_ERROR"),
    ],
)
async def test_paystack_declines(
    paystack: tuple[FakePaystack, str], gateway_response: str, code: str
) -> None:
    fake, url = paystack
    gateway = paystack_at(url)
    payment = checkout()
    await gateway.create_payment(payment)
    fake.complete(payment.reference, "failed", gateway_response=gateway_response)
    verified = await gateway.verify(payment.reference)
    assert (verified.status, verified.failure_code) == ("FAILED", code)
    assert verified.failure_message == gateway_response


async def test_paystack_abandoned_checkout_is_still_pending(
    paystack: tuple[FakePaystack, str],
) -> None:
    fake, url = paystack
    gateway = paystack_at(url)
    payment = checkout()
    await gateway.create_payment(payment)
    fake.complete(payment.reference, "abandoned")  # not completed yet, may still be paid
    verified = await gateway.verify(payment.reference)
    assert (verified.status, verified.failure_code) == ("PENDING", None)
    fake.complete(payment.reference)
    assert (await gateway.verify(payment.reference)).status == "SUCCEEDED"


async def test_flutterwave_transport_and_http_failures(
    flutterwave: tuple[FakeFlutterwave, str],
) -> None:
    fake, url = flutterwave
    assert await failure_code(flutterwave_at(url, key="wrong").test_connection()) == (
        "AUTHENTICATION_ERROR"
    )
    assert await failure_code(flutterwave_at(closed_url()).create_payment(checkout())) == (
        "NETWORK_ERROR"
    )
    fake.failing_with = 502
    assert await failure_code(flutterwave_at(url).create_payment(checkout())) == "PROVIDER_ERROR"
    fake.failing_with, fake.delay = None, STALL
    stalled = flutterwave_at(url, timeout=SHORT).create_payment(checkout())
    assert await failure_code(stalled) == "TIMEOUT_ERROR"


@pytest.mark.parametrize(
    ("processor_response", "code"),
    [
        ("Insufficient funds", "INSUFFICIENT_FUNDS"),
        ("Card expired", "EXPIRED_CARD"),
        ("Incorrect card number", "INVALID_CARD"),
        ("Do Not Honor", "DECLINED_CARD"),
        ("Something went wrong", "PROVIDER_ERROR"),
    ],
)
async def test_flutterwave_declines(
    flutterwave: tuple[FakeFlutterwave, str], processor_response: str, code: str
) -> None:
    fake, url = flutterwave
    gateway = flutterwave_at(url)
    payment = checkout()
    await gateway.create_payment(payment)
    fake.complete(payment.reference, "failed", processor_response=processor_response)
    verified = await gateway.verify(payment.reference)
    assert (verified.status, verified.failure_code) == ("FAILED", code)


async def test_stripe_transport_and_http_failures(stripe_fake: tuple[FakeStripe, str]) -> None:
    fake, url = stripe_fake
    assert await failure_code(stripe_at(url, key="sk_test_wrong").test_connection()) == (
        "AUTHENTICATION_ERROR"
    )
    assert await failure_code(stripe_at(closed_url()).create_payment(checkout())) == (
        "NETWORK_ERROR"
    )
    for status, error, code in [
        (403, {"type": "invalid_request_error", "message": "no access"}, "AUTHENTICATION_ERROR"),
        (429, {"type": "invalid_request_error", "code": "rate_limit"}, "PROVIDER_ERROR"),
        (500, {"type": "api_error", "message": "boom"}, "PROVIDER_ERROR"),
    ]:
        fake.failing_with = (status, error)
        assert await failure_code(stripe_at(url).create_payment(checkout())) == code, status
    fake.failing_with, fake.delay = None, STALL
    assert await failure_code(stripe_at(url, timeout=SHORT).test_connection()) == "TIMEOUT_ERROR"


@pytest.mark.parametrize(
    ("code", "decline_code", "expected"),
    [
        ("card_declined", "insufficient_funds", "INSUFFICIENT_FUNDS"),
        ("expired_card", None, "EXPIRED_CARD"),
        ("incorrect_cvc", None, "INVALID_CARD"),
        ("card_declined", "generic_decline", "DECLINED_CARD"),
    ],
)
async def test_stripe_card_errors_over_http(
    stripe_fake: tuple[FakeStripe, str], code: str, decline_code: str | None, expected: str
) -> None:
    fake, url = stripe_fake
    error = {"type": "card_error", "code": code, "message": "Your card was declined."}
    if decline_code:
        error["decline_code"] = decline_code
    fake.failing_with = (402, error)
    assert await failure_code(stripe_at(url).create_payment(checkout())) == expected


async def test_stripe_expired_checkout(stripe_fake: tuple[FakeStripe, str]) -> None:
    fake, url = stripe_fake
    gateway = stripe_at(url)
    payment = checkout(2500, "USD")
    started = await gateway.create_payment(payment)
    fake.session_for(payment.reference).status = "expired"
    verified = await gateway.verify(payment.reference, started.provider_reference)
    assert (verified.status, verified.failure_code) == ("FAILED", "EXPIRED")


def established_to(port: int) -> int:
    """TCP connections of this machine to `port` (client ends) still open."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == port:
                count += 1
    return count


async def test_stripe_calls_leave_no_connection_open(
    stripe_fake: tuple[FakeStripe, str],
) -> None:
    """Each SDK call closes its HTTP client: a gateway still in hand holds no connection
    (the SDK's client kept one open per adapter until the garbage collector came)."""
    _, url = stripe_fake
    port = int(url.rsplit(":", 1)[1])
    gateways = [stripe_at(url) for _ in range(3)]
    for gateway in gateways:
        await gateway.test_connection()
        await gateway.create_payment(checkout())
    assert established_to(port) == 0
