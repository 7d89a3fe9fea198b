"""What the GraphQL fuzzer (tests/fuzz) found: each answered INTERNAL, or a client's error
without the field at fault, before its fix."""

from __future__ import annotations

import base64
import uuid

import pytest

from tests.conftest import PASSWORD, GraphQLClient
from tests.world import build_world

REFUND = (
    "mutation($p: ID!, $k: String!) { refundPayment(paymentId: $p, reason: "
    '"fuzz", idempotencyKey: $k) { id status } }'
)


def cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


async def test_a_reference_longer_than_any_issued_is_not_found(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="ff-ref")
    for client in (world.admin, world.residents[0].client):
        for query in (
            "query($r: String!) { paymentByReference(reference: $r) { id } }",
            "mutation($r: String!) { verifyPayment(reference: $r) { id } }",
        ):
            error = await client.error(query, r="P" * 9_999)
            assert error["extensions"] == {"code": "NOT_FOUND", "field": "reference"}, error


@pytest.mark.parametrize(
    "after",
    [
        cursor("2030-01-01T00:00:00+00:00|not-a-uuid"),  # the shape of ours, not an id
        cursor("2030-01-01T00:00:00+00:00|4"),  # an integer id: a ledger list's cursor
        cursor("0001-01-01T00:00:00+05:00|12345678-1234-5678-1234-567812345678"),
        cursor("2030-01-01T00:00:00|12345678-1234-5678-1234-567812345678"),  # no offset
    ],
)
async def test_a_cursor_of_another_list_or_made_up_is_refused_on_after(
    gql: GraphQLClient, after: str
) -> None:
    world = await build_world(gql, residents=1, prefix="ff-cur")
    for query in (
        "query($a: String) { bills(after: $a) { totalCount } }",
        "query($a: String) { payments(after: $a) { totalCount } }",
        "query($a: String) { residents(after: $a) { totalCount } }",
    ):
        error = await world.admin.error(query, a=after)
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "after"}, error


async def test_a_ledger_cursor_beyond_64_bits_is_refused_on_after(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="ff-big")
    ada = world.residents[0]
    await world.fund(ada, "10.00")  # the wallet's account has a posting to page through
    error = await ada.client.error(
        "query($a: String) { wallet { transactions(after: $a) { totalCount } } }",
        a=cursor("2030-01-01T00:00:00+00:00|" + "9" * 30),
    )
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "after"}, error


async def test_a_missing_required_argument_is_named(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="ff-arg")
    error = await world.admin.error("mutation { createBill { id } }")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "input"}, error
    error = await world.admin.error('mutation { cancelBill(reason: "x") { id } }')
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "id"}, error


async def test_a_refund_key_sent_again_with_another_payment_is_that_requests_error(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1, prefix="ff-refund")
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    paid = []
    for key in ("p1", "p2"):
        bill = await world.bill(ada, "10.00")
        payment = await ada.client.ok(
            "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, "
            "idempotencyKey: $k) { id } }",
            b=bill["id"],
            k=key,
        )
        paid.append(payment["payBillFromWallet"]["id"])
    refunded = await world.admin.ok(REFUND, p=paid[0], k="refund-1")
    assert refunded["refundPayment"] == {"id": paid[0], "status": "REFUNDED"}
    # The same request again: the same answer.
    assert await world.admin.ok(REFUND, p=paid[0], k="refund-1") == refunded

    error = await world.admin.error(REFUND, p=str(uuid.uuid4()), k="refund-1")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "paymentId"}, error
    error = await world.admin.error(REFUND, p=paid[1], k="refund-1")
    assert error["extensions"] == {"code": "IDEMPOTENCY_CONFLICT", "field": "idempotencyKey"}
    second = await ada.client.ok("query($id: ID!) { payment(id: $id) { status } }", id=paid[1])
    assert second["payment"]["status"] == "SUCCEEDED"


async def test_signing_in_with_an_address_longer_than_any_is_wrong_credentials(
    gql: GraphQLClient,
) -> None:
    error = await gql.error(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        e="e" * 9_000 + "@example.com",
        p=PASSWORD,
    )
    assert error["extensions"]["code"] == "UNAUTHENTICATED", error


async def test_webhook_events_of_a_status_there_is_not_are_refused_on_status(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1, prefix="ff-wh")
    query = "query($f: WebhookEventFilter) { webhookEvents(filter: $f) { totalCount } }"
    for status in ("PAY-11F831E9F5A9CAB0-and-more", "processed", "NOPE"):
        error = await world.admin.error(query, f={"status": status})
        assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "status"}, error
    assert (await world.admin.ok(query, f={"status": "DEAD"}))["webhookEvents"]["totalCount"] == 0
