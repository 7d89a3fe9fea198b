"""The estate's bank-transfer details: set by its admins, read by its residents before
they transfer and `submitManualPayment`."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from services import validation
from services.audit.log import record
from services.errors import ValidationFailed
from services.payments.models import PaymentInstructions

ROW_ID = 1
# Local account numbers and IBANs: letters, digits and spaces between them.
ACCOUNT_NUMBER = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


@dataclass(frozen=True)
class InstructionsInput:
    bank_name: str
    account_name: str
    account_number: str
    note: str | None = None


def _account_number(value: str) -> str:
    cleaned = validation.text(value, "accountNumber", max_length=34)
    if len(cleaned) < 4 or not ACCOUNT_NUMBER.fullmatch(cleaned):
        raise ValidationFailed(
            "accountNumber must be 4 to 34 letters and digits", field="accountNumber"
        )
    return cleaned


async def current() -> PaymentInstructions | None:
    return await PaymentInstructions.get_or_none(id=ROW_ID)


async def set_instructions(actor_id: uuid.UUID, data: InstructionsInput) -> PaymentInstructions:
    values: dict[str, Any] = {
        "bank_name": validation.text(data.bank_name, "bankName", max_length=100),
        "account_name": validation.text(data.account_name, "accountName", max_length=200),
        "account_number": _account_number(data.account_number),
        "note": validation.text(data.note, "note", max_length=1000, required=False) or None,
    }
    row = await PaymentInstructions.filter(id=ROW_ID).select_for_update().first()
    before = None
    if row is None:
        row = await PaymentInstructions.create(id=ROW_ID, updated_by=actor_id, **values)
    else:
        before = {key: getattr(row, key) for key in values}
        row.update_from_dict({**values, "updated_by": actor_id})
        await row.save()
    await record(
        actor_id,
        "setPaymentInstructions",
        "PaymentInstructions",
        ROW_ID,
        before=before,
        after=values,
    )
    return row
