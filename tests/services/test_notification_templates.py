"""Every kind of notification renders to a subject, an email text and (where the kind
goes by SMS) a text message, with and without the optional details."""

from __future__ import annotations

import pytest

from services.notifications.channels import EmailMessage, SmtpEmailSender
from services.notifications.templates import KINDS, SMS_MAX, TEMPLATES, render

# The kinds the issue names, whoever sends them (bills, payments, scheduler, recurring).
REQUIRED = {
    "BILL_CREATED",
    "BILL_ACKNOWLEDGED",
    "BILL_DISPUTED",
    "BILL_REMINDER",
    "BILL_OVERDUE",
    "PAYMENT_SUCCEEDED",
    "PAYMENT_FAILED",
    "RECURRING_PAYMENT_PROCESSED",
    "RECURRING_PAYMENT_FAILED",
    "RECURRING_PAYMENT_PAUSED",
    "WALLET_FROZEN",
}
DETAILS = {
    "billNumber": "BILL-000042",
    "amount": "5000.00 NGN",
    "dueDate": "2030-01-31",
    "reference": "PAY-XYZ",
}


def test_every_required_kind_has_a_template() -> None:
    assert REQUIRED.issubset(KINDS)


@pytest.mark.parametrize("kind", [*KINDS, "SOMETHING_NEW"])
@pytest.mark.parametrize("data", [None, DETAILS])
def test_every_kind_renders(kind: str, data: dict[str, str] | None) -> None:
    title, body = "Bill BILL-000042 needs you", "Due 2030-01-31"
    out = render(kind, title, body, data, name="Ada Obi", estate="Palm Court")
    assert out.subject and "\n" not in out.subject and "{" not in out.subject
    assert "Palm Court" in out.subject
    assert out.text.startswith("Hello Ada Obi,\n")
    assert title in out.text and body in out.text and "{" not in out.text
    template = TEMPLATES.get(kind)
    if template is not None:
        assert template.intro in out.text and template.action in out.text
    if data:
        assert "Amount: 5000.00 NGN" in out.text and "Bill: BILL-000042" in out.text
    else:
        assert "Amount:" not in out.text
    if template is not None and template.sms is None:
        assert out.sms is None
    else:
        assert out.sms and "Palm Court" in out.sms and "{" not in out.sms
        assert "  " not in out.sms and ". ." not in out.sms and ".." not in out.sms
        assert len(out.sms) <= SMS_MAX


def test_empty_body_and_name_leave_no_gaps() -> None:
    out = render("BILL_OVERDUE", "Bill BILL-1 is overdue", "", None, name="", estate="Palm")
    assert out.text.startswith("Hello,\n") and "\n\n\n" not in out.text
    assert out.sms == "Palm: Bill BILL-1 is overdue. Please pay in the app."


def test_user_text_is_never_a_template() -> None:
    """A title or body with braces is shown as written, never formatted."""
    out = render("BILL_DISPUTED", "{estate} {name}", "{0} {__class__}", None, name="A", estate="E")
    assert "{estate} {name}" in out.text and "{0} {__class__}" in out.text
    # Details cannot replace our own words either.
    out = render("BILL_CREATED", "T", "B", {"estate": "Evil", "title": "X"}, name="A", estate="E")
    assert out.subject == "E: T"


def test_long_sms_is_cut() -> None:
    out = render("BILL_REMINDER", "T", "x" * 2000, None, name="A", estate="E")
    assert out.sms is not None and len(out.sms) == SMS_MAX and out.sms.endswith("…")


def test_a_subject_cannot_add_headers() -> None:
    sender = SmtpEmailSender("127.0.0.1", 25, "Estate <billing@estate.test>")
    mime = sender.mime(EmailMessage("ada@x.test", "Bill\r\nBcc: thief@evil.test", "hi"))
    assert mime["Bcc"] is None and mime["Subject"] == "Bill Bcc: thief@evil.test"
