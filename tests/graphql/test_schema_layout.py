"""Which root fields run without an operation-wide tenant scope: declared on each field."""

from __future__ import annotations

from schema.build import build_schema
from schema.extensions import unscoped_fields
from tests.conftest import make_settings


def test_the_fields_that_open_no_operation_scope_are_marked_on_the_fields() -> None:
    schema = build_schema(make_settings())
    assert unscoped_fields(schema._schema) == {
        "__typename",
        "login",
        "me",
        "estates",
        "createEstate",
        "payBill",
        "depositToWallet",
        "verifyPayment",
        "testGatewayConnection",
        "auditLog",
        "updateEstateSettings",
        "banks",
        "resolveBankAccount",
        "requestPayout",
        "addEstateAdmin",
        "logout",
        "updateProfile",
        "changePassword",
        "requestPasswordReset",
        "resetPassword",
        "suspendEstate",
        "reactivateEstate",
        "archiveEstate",
        "billingPortalUrl",
        "addPaymentMethod",
        "confirmPaymentMethod",
        "removePaymentMethod",
        "deactivateResident",
        "reactivateResident",
        "refundWalletBalance",
    }
