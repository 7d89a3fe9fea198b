"""What each kind of notification says by email and SMS.

Every notification has a title and a body (what the in-app list shows); a template adds
per kind the words around them: the email's subject, an opening line, what to do next,
and the SMS text. Callers may also store `data` on the notification (bill number,
amount, due date, ...), which the email lists under the body. A kind without a template
still goes out, with the generic wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    intro: str
    action: str
    # None: this kind is not worth a text message (it goes by email and in-app only).
    sms: str | None = "{estate}: {title}. {body}"


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    text: str
    sms: str | None


GENERIC = Template(subject="{estate}: {title}", intro="", action="")

TEMPLATES: dict[str, Template] = {
    "BILL_CREATED": Template(
        subject="{estate}: {title}",
        intro="A new bill was issued to you.",
        action="Please acknowledge it in the app, or dispute it if something is wrong.",
        sms="{estate}: {title}. {body}. Acknowledge or dispute it in the app.",
    ),
    "BILL_ACKNOWLEDGED": Template(
        subject="{estate}: {title}",
        intro="A resident acknowledged a bill.",
        action="It can now be paid.",
        sms=None,
    ),
    "BILL_DISPUTED": Template(
        subject="{estate}: {title}",
        intro="A resident disputed a bill. Their reason:",
        action="Review the dispute and uphold, adjust or cancel the bill.",
        sms="{estate}: {title}. Review the dispute in the app.",
    ),
    "DISPUTE_RESOLVED": Template(
        subject="{estate}: {title}",
        intro="The estate answered your dispute:",
        action="See the bill in the app for what happens next.",
        sms="{estate}: {title}. See the bill in the app.",
    ),
    "BILL_REMINDER": Template(
        subject="Reminder from {estate}: {title}",
        intro="A friendly reminder about a bill of yours that is still unpaid.",
        action="Pay it in the app by its due date, or as soon as you can if it has passed.",
        sms="Reminder from {estate}: {title}. {body}",
    ),
    "BILL_OVERDUE": Template(
        subject="{estate}: {title}",
        intro="A bill of yours is past its due date.",
        action="Please pay it in the app as soon as you can.",
        sms="{estate}: {title}. {body}. Please pay in the app.",
    ),
    "PAYMENT_SUCCEEDED": Template(
        subject="{estate}: {title}",
        intro="Thank you, your payment went through.",
        action="Your receipt is in the app.",
        sms="{estate}: {title}. Thank you.",
    ),
    "PAYMENT_FAILED": Template(
        subject="{estate}: {title}",
        intro="A payment of yours did not go through.",
        action="No money was taken for it. You can try again in the app.",
        sms="{estate}: {title}. {body}. You can try again in the app.",
    ),
    "BITCOIN_RECEIVED": Template(
        subject="{estate}: {title}",
        intro="Your bitcoin has been seen on the network.",
        action="The payment succeeds once it is confirmed; nothing more to do.",
        sms="{estate}: {title}. {body}",
    ),
    "BITCOIN_UNDERPAID": Template(
        subject="{estate}: {title}",
        intro="Less bitcoin arrived in the payment window than the payment asked for.",
        action="The bill is still open: pay the rest in the app.",
        sms="{estate}: {title}. {body}",
    ),
    "BITCOIN_CREDITED": Template(
        subject="{estate}: {title}",
        intro="Bitcoin that did not pay a bill was credited to your wallet at the payment's rate.",
        action="Use it for your next bills from the app.",
        sms="{estate}: {title}. {body}",
    ),
    "MANUAL_PAYMENT_SUBMITTED": Template(
        subject="{estate}: {title}",
        intro="A resident reported a bank transfer.",
        action="Approve or reject it once you have checked the estate's bank account.",
        sms=None,
    ),
    "RECURRING_PAYMENT_PROCESSED": Template(
        subject="{estate}: {title}",
        intro="Your recurring payment was made from your wallet.",
        action="The details are in your wallet history.",
        sms="{estate}: {title}. {body}",
    ),
    "RECURRING_PAYMENT_FAILED": Template(
        subject="{estate}: {title}",
        intro="Your recurring payment could not be made.",
        action="Top up your wallet so the next attempt succeeds.",
        sms="{estate}: {title}. {body}. Top up your wallet for the next attempt.",
    ),
    "RECURRING_PAYMENT_PAUSED": Template(
        subject="{estate}: {title}",
        intro="Your recurring payment was paused: it will not run until it is resumed.",
        action="You can resume it in the app.",
        sms="{estate}: {title}. {body}",
    ),
    # Billing plans (`services.plans`).
    "LATE_FEE": Template(
        subject="{estate}: {title}",
        intro="A bill of yours is still unpaid after its grace period, so its late fee was added.",
        action="Pay the bill and the fee in the app to avoid further fees.",
        sms="{estate}: {title}. {body}. Pay in the app to avoid further fees.",
    ),
    "AUTOPAY_FAILED": Template(
        subject="{estate}: {title}",
        intro="Autopay could not pay a bill of yours:",
        action="Top up your wallet before the next try, or pay the bill yourself.",
        sms="{estate}: {title}. {body}",
    ),
    "AUTOPAY_PAUSED": Template(
        subject="{estate}: {title}",
        intro="Autopay stopped trying and is paused.",
        action="Pay the bill in the app, then turn autopay on again.",
        sms="{estate}: {title}. Pay it in the app.",
    ),
    "RECURRING_PAYMENT_CANCELLED": Template(
        subject="{estate}: {title}",
        intro="Your recurring payment was cancelled: it will not run again.",
        action="Contact the estate office if you did not expect this.",
        sms="{estate}: {title}.",
    ),
    "WALLET_FROZEN": Template(
        subject="{estate}: your wallet was frozen",
        intro="The estate froze your wallet. Payments from it are blocked until it is unfrozen.",
        action="Contact the estate office if you think this is a mistake.",
        sms="{estate}: your wallet was frozen. {body}. Contact the estate office.",
    ),
    "WALLET_UNFROZEN": Template(
        subject="{estate}: your wallet was unfrozen",
        intro="The estate unfroze your wallet.",
        action="You can pay from it again.",
        sms="{estate}: your wallet was unfrozen; you can pay from it again.",
    ),
    "WALLET_REFUNDED": Template(
        subject="{estate}: {title}",
        intro="The estate paid your wallet balance back to your bank account.",
        action="Contact the estate office if it has not reached you.",
        sms="{estate}: {title}. {body}",
    ),
    "WALLET_REFUND_RETURNED": Template(
        subject="{estate}: {title}",
        intro="A refund of your wallet balance did not reach your bank; the money is back.",
        action="You can spend it, or ask the estate office to refund it again.",
        sms="{estate}: {title}.",
    ),
    # Payouts, to the estate's admins: by email and in-app, not worth a text.
    "PAYOUT_REQUESTED": Template(
        subject="{estate}: {title}",
        intro="A payout from the estate wallet was requested.",
        action="Another admin than the one who asked approves or rejects it in the app.",
        sms=None,
    ),
    "PAYOUT_APPROVED": Template(
        subject="{estate}: {title}",
        intro="A payout was approved.",
        action="It is on its way to the bank.",
        sms=None,
    ),
    "PAYOUT_REJECTED": Template(
        subject="{estate}: {title}",
        intro="A payout was rejected; its amount is available again. The note:",
        action="",
        sms=None,
    ),
    "PAYOUT_CANCELLED": Template(
        subject="{estate}: {title}",
        intro="A payout was cancelled by the admin who asked; its amount is available again.",
        action="",
        sms=None,
    ),
    "PAYOUT_PAID": Template(
        subject="{estate}: {title}",
        intro="A payout reached its bank account.",
        action="",
        sms=None,
    ),
    "PAYOUT_FAILED": Template(
        subject="{estate}: {title}",
        intro="A payout failed; its amount is available again. The provider said:",
        action="Check the bank account and request it again.",
        sms=None,
    ),
    "PAYOUT_REVERSED": Template(
        subject="{estate}: {title}",
        intro="A paid payout came back from the bank.",
        action="Check the bank account before requesting it again.",
        sms=None,
    ),
}
KINDS = tuple(TEMPLATES)

# How `data` keys are labelled in the email, in this order; other keys are not shown.
DETAILS = (
    ("billNumber", "Bill"),
    ("amount", "Amount"),
    ("dueDate", "Due date"),
    ("reference", "Reference"),
)
SMS_MAX = 480  # three SMS segments: past that, carriers split the text or refuse it


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _line(text: str) -> str:
    """One tidy line: no doubled spaces or punctuation left by an empty placeholder."""
    text = " ".join(text.split())
    while ".." in text or ". ." in text:
        text = text.replace(". .", ".").replace("..", ".")
    return text.strip(" .:") + ("." if text.rstrip().endswith(".") else "")


def render(
    kind: str,
    title: str,
    body: str,
    data: Mapping[str, str] | None,
    *,
    name: str,
    estate: str,
) -> Rendered:
    template = TEMPLATES.get(kind, GENERIC)
    values = _Blank({k: str(v) for k, v in (data or {}).items()})
    # Our own words last: `data` cannot replace the title or the estate's name.
    values.update(title=title.strip(), body=body.strip(), name=name.strip(), estate=estate)
    subject = _line(template.subject.format_map(values)).rstrip(".")
    details = [f"{label}: {values[key]}" for key, label in DETAILS if values.get(key)]
    paragraphs = [
        f"Hello {values['name']}," if values["name"] else "Hello,",
        template.intro,
        "\n".join(part for part in (values["title"], values["body"]) if part),
        "\n".join(details),
        template.action,
        f"{estate}\n--\nYou can choose which messages reach you by email or SMS in your "
        "notification settings in the app.",
    ]
    text = "\n\n".join(p for p in paragraphs if p) + "\n"
    sms = None
    if template.sms is not None:
        sms = _line(template.sms.format_map(values))
        if len(sms) > SMS_MAX:
            sms = sms[: SMS_MAX - 1].rstrip() + "…"
    return Rendered(subject=subject, text=text, sms=sms)
