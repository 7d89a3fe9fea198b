"""The three mutations the writes bench sends, each request with its own idempotency key
and its own row: a connection only ever touches its own residents' wallets and bills."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bench.common import build_request
from bench.writes.world import ADJUSTMENT, Estate, Resident

PAY = (
    "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
    "{ reference status amount { amount } } }"
)
ADJUST = (
    "mutation($w: ID!, $a: Decimal!, $k: String!) { adjustWallet(walletId: $w, amount: $a, "
    'reason: "bench", idempotencyKey: $k) { balance { amount } } }'
)
ACKNOWLEDGE = "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }"

# The next request of one connection, or None when its residents have nothing left to do.
NextRequest = Callable[[], bytes | None]


@dataclass(frozen=True)
class Operation:
    name: str
    expect: bytes  # every answer must contain it (and no "errors")
    # (resident, admin token) -> the GraphQL body and token of the resident's next
    # request, or None when the resident has nothing left to do.
    body: Callable[[Resident, str], tuple[dict[str, Any], str] | None]


def _pay(resident: Resident, _admin: str) -> tuple[dict[str, Any], str] | None:
    if not resident.payable:
        return None
    bill = resident.payable.popleft()
    variables = {"b": str(bill), "k": uuid.uuid4().hex}
    return {"query": PAY, "variables": variables}, resident.token


def _adjust(resident: Resident, admin: str) -> tuple[dict[str, Any], str] | None:
    variables = {"w": str(resident.wallet_id), "a": ADJUSTMENT, "k": uuid.uuid4().hex}
    return {"query": ADJUST, "variables": variables}, admin


def _acknowledge(resident: Resident, _admin: str) -> tuple[dict[str, Any], str] | None:
    if not resident.pending:
        return None
    return {"query": ACKNOWLEDGE, "variables": {"id": str(resident.pending.popleft())}}, (
        resident.token
    )


PAY_BILL = Operation("payBillFromWallet", b'"SUCCEEDED"', _pay)
ADJUST_WALLET = Operation("adjustWallet", b'"balance"', _adjust)
ACKNOWLEDGE_BILL = Operation("acknowledgeBill", b'"ACKNOWLEDGED"', _acknowledge)
OPERATIONS = (PAY_BILL, ADJUST_WALLET, ACKNOWLEDGE_BILL)


def request_bytes(estate: Estate, port: int, body: dict[str, Any], token: str) -> bytes:
    headers = {"Authorization": f"Bearer {token}", "X-Tenant": estate.slug}
    return build_request("POST", "/graphql", json.dumps(body).encode(), headers, port)


def sources(operation: Operation, estate: Estate, port: int, connections: int) -> list[NextRequest]:
    """One request source per connection: connection i takes the residents whose index is
    i modulo `connections`, in turn, so no two connections ever lock the same wallet or bill
    (the estate's revenue and adjustments accounts are the rows all of them share, as in
    production)."""

    def source(mine: list[Resident]) -> NextRequest:
        turn = 0

        def next_request() -> bytes | None:
            nonlocal turn
            for _ in range(len(mine)):
                resident = mine[turn % len(mine)]
                turn += 1
                made = operation.body(resident, estate.admin_token)
                if made is not None:
                    return request_bytes(estate, port, *made)
            return None

        return next_request

    return [source(estate.residents[i::connections]) for i in range(connections)]
