"""A fake SMTP server (aiosmtpd) and a fake Twilio-compatible SMS API (Starlette), both
real servers on 127.0.0.1 that record what they receive, with switches to fail."""

from __future__ import annotations

import base64
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import parse_qs

from aiosmtpd.controller import Controller
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from estatepay.demo.fakes.server import free_port, serving


@dataclass(frozen=True)
class ReceivedEmail:
    sender: str
    to: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        body = self.message.get_body(("plain",))
        return body.get_content() if body is not None else ""


@dataclass
class FakeSmtp:
    """Accepts every message, unless `failing` (451 at DATA: try later) or the address is
    in `refused` (550 at RCPT: no such mailbox)."""

    port: int = 0
    messages: list[ReceivedEmail] = field(default_factory=list)
    failing: bool = False
    refused: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.failing:
            return "451 4.3.0 temporarily unavailable, try again later"
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        with self._lock:
            self.messages.append(ReceivedEmail(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[ReceivedEmail]:
        with self._lock:
            return [m for m in self.messages if address in m.to]

    @classmethod
    @contextmanager
    def running(cls) -> Iterator[FakeSmtp]:
        fake = cls(port=free_port())
        controller = Controller(fake, hostname="127.0.0.1", port=fake.port)
        controller.start()
        try:
            yield fake
        finally:
            controller.stop()


@dataclass(frozen=True)
class ReceivedSms:
    to: str
    sender: str
    body: str
    sid: str


@dataclass
class FakeSms:
    """The Messages endpoint of a Twilio-compatible API."""

    account_sid: str
    auth_token: str
    base_url: str = ""
    messages: list[ReceivedSms] = field(default_factory=list)
    failing_with: int | None = None
    invalid_numbers: set[str] = field(default_factory=set)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/2010-04-01/Accounts/{sid}/Messages.json", self.create, methods=["POST"])
            ]
        )

    def _authorised(self, request: Request) -> bool:
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return (
            request.path_params["sid"] == self.account_sid
            and request.headers.get("authorization") == f"Basic {expected}"
        )

    async def create(self, request: Request) -> JSONResponse:
        if self.failing_with:
            return JSONResponse({"message": "unavailable"}, self.failing_with)
        if not self._authorised(request):
            return JSONResponse({"code": 20003, "message": "Authenticate"}, 401)
        # Parsed by hand: Starlette's form parser needs python-multipart.
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode()).items()}
        to, sender, body = form["To"], form["From"], form["Body"]
        if to in self.invalid_numbers:
            return JSONResponse(
                {"code": 21211, "message": f"The 'To' number {to} is not a valid phone number."},
                400,
            )
        sid = f"SM{next(self.ids):032d}"
        self.messages.append(ReceivedSms(to, sender, body, sid))
        return JSONResponse({"sid": sid, "status": "queued", "to": to, "body": body}, 201)

    def to(self, number: str) -> list[ReceivedSms]:
        return [m for m in self.messages if m.to == number]

    @classmethod
    @contextmanager
    def running(cls, account_sid: str, auth_token: str) -> Iterator[FakeSms]:
        fake = cls(account_sid, auth_token)
        with serving(fake.app()) as base_url:
            fake.base_url = base_url
            yield fake
