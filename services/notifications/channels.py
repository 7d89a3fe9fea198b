"""Where email and SMS leave the system: SMTP (aiosmtplib), a Twilio-compatible HTTP
API (httpx), or, when neither is configured, the log. Senders raise `DeliveryError`,
saying whether trying again could help."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from email.message import EmailMessage as MimeMessage
from email.utils import make_msgid
from typing import ClassVar, Protocol

import aiosmtplib
import httpx

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content: bytes
    media_type: str = "application/pdf"


@dataclass(frozen=True, slots=True)
class EmailMessage:
    to: str
    subject: str
    text: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True, slots=True)
class SmsMessage:
    to: str
    body: str


class DeliveryError(Exception):
    """A channel could not take the message. `permanent`: it never will (a refused
    address), so retrying is pointless; otherwise a later try may succeed."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


class EmailSender(Protocol):
    @property
    def carries_attachments(self) -> bool:
        """False for a sender that drops attachments: none is rendered for it."""
        ...

    async def send(self, message: EmailMessage) -> str | None:
        """Send; return the provider's id for the message, if it gives one."""
        ...


class SmsSender(Protocol):
    async def send(self, message: SmsMessage) -> str | None:
        """Send; return the provider's id for the message, if it gives one."""
        ...


@dataclass(frozen=True, slots=True)
class Channels:
    email: EmailSender
    sms: SmsSender


class ConsoleEmailSender:
    """No SMTP server configured (the embedded default, development): log the email.
    A log has no use for a PDF, and rendering one was half of the embedded default's CPU
    per wallet payment; the receipt stays downloadable in the app."""

    carries_attachments = False

    async def send(self, message: EmailMessage) -> str | None:
        log.info("email to %s: %s\n%s", message.to, message.subject, message.text)
        return None


class ConsoleSmsSender:
    async def send(self, message: SmsMessage) -> str | None:
        log.info("sms to %s: %s", message.to, message.body)
        return None


@dataclass(frozen=True)
class SmtpEmailSender:
    carries_attachments: ClassVar[bool] = True
    host: str
    port: int
    sender: str
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 30.0

    def mime(self, message: EmailMessage) -> MimeMessage:
        mime = MimeMessage()
        mime["From"] = self.sender
        mime["To"] = message.to
        # A header holds one line: user text (a bill title) must not add headers.
        mime["Subject"] = " ".join(message.subject.split())
        mime["Message-ID"] = make_msgid(domain="estatepay")
        mime.set_content(message.text)
        for attachment in message.attachments:
            main, _, sub = attachment.media_type.partition("/")
            mime.add_attachment(
                attachment.content, maintype=main, subtype=sub, filename=attachment.filename
            )
        return mime

    async def send(self, message: EmailMessage) -> str | None:
        mime = self.mime(message)
        implicit_tls = self.port == 465  # SMTPS: TLS from the first byte, no STARTTLS
        try:
            await aiosmtplib.send(
                mime,
                hostname=self.host,
                port=self.port,
                username=self.username,
                password=self.password,
                use_tls=implicit_tls,
                start_tls=False if implicit_tls else self.starttls,
                timeout=self.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            # 5xx for the address: it will not exist tomorrow either. 4xx: greylisting.
            permanent = all(r.code >= 500 for r in exc.recipients)
            raise DeliveryError(f"recipient refused: {exc}", permanent=permanent) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"SMTP {type(exc).__name__}: {exc}") from exc
        return str(mime["Message-ID"])


class HttpSmsSender:
    """A Twilio-compatible Messages API: POST {base}/2010-04-01/Accounts/{sid}/Messages.json
    with basic auth and form fields To, From, Body."""

    def __init__(
        self,
        base_url: str,
        account_sid: str,
        auth_token: str,
        sender: str,
        timeout: float = 15.0,
    ) -> None:
        self.url = f"{base_url.rstrip('/')}/2010-04-01/Accounts/{account_sid}/Messages.json"
        self.auth = (account_sid, auth_token)
        self.sender = sender
        self.timeout = timeout

    async def send(self, message: SmsMessage) -> str | None:
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(
                    self.url,
                    auth=self.auth,
                    data={"To": message.to, "From": self.sender, "Body": message.body},
                )
        except httpx.HTTPError as exc:
            raise DeliveryError(f"SMS API unreachable: {type(exc).__name__}: {exc}") from exc
        if response.status_code in (200, 201):
            try:
                sid = response.json().get("sid")
            except ValueError:
                sid = None
            return str(sid) if sid else None
        detail = _error_detail(response)
        # 400/404: the API refuses this message (bad number, ...) and will again.
        # 401/403 (our credentials), 429 and 5xx may pass once fixed or later.
        permanent = response.status_code in (400, 404, 422)
        raise DeliveryError(f"SMS API {response.status_code}: {detail}", permanent=permanent)


def _error_detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    if isinstance(body, dict):
        return str(body.get("message") or body)[:200]
    return str(body)[:200]
