"""The reads bench's check that PostGraphile and estatepay answer the same rows: a peer that
differs in any compared value, or in order, stops the bench (bench/reads/compare.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bench.reads.compare import differences, minor

BILL_1 = "7d3c8a52-5a63-4c4e-9d1b-2f3f1f0f4a01"
BILL_2 = "0b8e2c1e-9a77-4f43-8a0c-4c6a5e7b9d02"


def ours_a() -> dict[str, Any]:
    def node(bill: str, number: str, status: str, amount: str, pays: list[Any]) -> Any:
        payments = [
            {"reference": ref, "amount": {"amount": paid}, "status": "SUCCEEDED"}
            for ref, paid in pays
        ]
        return {
            "node": {
                "id": bill,
                "number": number,
                "status": status,
                "amount": {"amount": amount, "currency": "NGN"},
                "payments": payments,
            }
        }

    return {
        "data": {
            "bills": {
                "edges": [
                    node(
                        BILL_1,
                        "BILL-000002",
                        "PAID",
                        "75.00",
                        [("PAY-1", "37.50"), ("PAY-2", "37.50")],
                    ),
                    node(BILL_2, "BILL-000001", "PARTIALLY_PAID", "50.00", [("PAY-0", "25.00")]),
                ]
            }
        }
    }


def peers_a() -> dict[str, Any]:
    def node(bill: str, number: str, status: str, amount: str, pays: list[Any]) -> Any:
        payments = [{"reference": ref, "amount": paid, "status": "SUCCEEDED"} for ref, paid in pays]
        return {
            "rowId": bill,
            "number": number,
            "status": status,
            "amount": amount,
            "currency": "NGN",
            "paymentsByBillId": {"nodes": payments},
        }

    return {
        "data": {
            "allBills": {
                "nodes": [
                    node(
                        BILL_1,
                        "BILL-000002",
                        "PAID",
                        "7500",
                        [("PAY-1", "3750"), ("PAY-2", "3750")],
                    ),
                    node(BILL_2, "BILL-000001", "PARTIALLY_PAID", "5000", [("PAY-0", "2500")]),
                ]
            }
        }
    }


def ours_b() -> dict[str, Any]:
    node = {
        "id": BILL_1,
        "number": "BILL-000002",
        "title": "Water Dec 2026",
        "status": "PAID",
        "dueDate": "2026-12-05",
        "createdAt": "2026-11-05T10:00:00+00:00",
    }
    return {"data": {"bills": {"edges": [{"node": node}]}}}


def peers_b() -> dict[str, Any]:
    node = {
        "rowId": BILL_1,
        "number": "BILL-000002",
        "title": "Water Dec 2026",
        "status": "PAID",
        "dueDate": "2026-12-05",
        "createdAt": "2026-11-05T10:00:00.000000+00:00",
    }
    return {"data": {"allBills": {"nodes": [node]}}}


def test_the_same_rows_in_both_spellings_are_the_same() -> None:
    assert differences("a", ours_a(), peers_a()) == []
    assert differences("b", ours_b(), peers_b()) == []


def test_a_different_amount_status_or_payment_is_a_difference() -> None:
    amount, status, payment = peers_a(), peers_a(), peers_a()
    amount["data"]["allBills"]["nodes"][1]["amount"] = "500"  # 5.00, not 50.00
    status["data"]["allBills"]["nodes"][0]["status"] = "PARTIALLY_PAID"
    payment["data"]["allBills"]["nodes"][0]["paymentsByBillId"]["nodes"][1]["reference"] = "X"
    for peers, row in ((amount, 1), (status, 0), (payment, 0)):
        found = differences("a", ours_a(), peers)
        assert len(found) == 1 and found[0].startswith(f"row {row}:"), found


def test_another_order_or_a_missing_row_is_a_difference() -> None:
    swapped = peers_a()
    swapped["data"]["allBills"]["nodes"].reverse()
    assert len(differences("a", ours_a(), swapped)) == 2
    payments = peers_a()
    payments["data"]["allBills"]["nodes"][0]["paymentsByBillId"]["nodes"].reverse()
    assert len(differences("a", ours_a(), payments)) == 1
    shorter = peers_a()
    del shorter["data"]["allBills"]["nodes"][1]
    assert differences("a", ours_a(), shorter) == ["estatepay returned 2 rows, postgraphile 1"]


def test_another_instant_or_date_is_a_difference_but_not_another_spelling() -> None:
    later, due = peers_b(), peers_b()
    later["data"]["allBills"]["nodes"][0]["createdAt"] = "2026-11-05T10:00:01+00:00"
    due["data"]["allBills"]["nodes"][0]["dueDate"] = "2026-12-06"
    assert len(differences("b", ours_b(), later)) == 1
    assert len(differences("b", ours_b(), due)) == 1
    same_instant = peers_b()
    same_instant["data"]["allBills"]["nodes"][0]["createdAt"] = "2026-11-05T11:00:00+01:00"
    assert differences("b", ours_b(), same_instant) == []


def test_an_answer_with_errors_is_a_difference() -> None:
    failed = {"errors": [{"message": "column does not exist"}], "data": None}
    assert differences("a", ours_a(), failed)[0].startswith("postgraphile answered with errors")
    assert differences("b", copy.deepcopy(failed), peers_b())[0].startswith("estatepay")


def test_amounts_convert_to_exact_minor_units() -> None:
    assert minor("37.50", "NGN") == 3750
    assert minor("1000000000.00", "NGN") == 100_000_000_000
    with pytest.raises(ValueError, match="minor units"):
        minor("37.505", "NGN")
