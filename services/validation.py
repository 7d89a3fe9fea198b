"""Input checks shared by services. Each raises `ValidationFailed` naming the field."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from services.errors import ValidationFailed

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
# ISO 4217 codes we can hold; the minor-unit exponent matters once money moves.
CURRENCY_EXPONENTS = {"NGN": 2, "USD": 2, "EUR": 2, "GBP": 2, "GHS": 2, "KES": 2, "ZAR": 2}
MIN_PASSWORD_LENGTH = 10
# IDs are UUIDs in their canonical ASCII form (uuid.UUID alone would take braces, a urn:
# prefix and non-ASCII digits).
UUID_PATTERN = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
# Bidi embeddings, overrides and isolates: they make text display as something else.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_MULTILINE_ALLOWED = frozenset("\n\t")


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def forbidden_character(value: str, *, multiline: bool = False) -> str | None:
    """What makes `value` unfit to store or show, or None: a control character (NUL
    included; newline and tab are allowed in multi-line text), a lone surrogate (no valid
    UTF-8 holds one) or a bidi control."""
    if value.isprintable():  # the common case, in C
        return None
    for char in value:
        if multiline and char in _MULTILINE_ALLOWED:
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or char in _BIDI_CONTROLS:
            return f"U+{ord(char):04X}"
    return None


def text(value: str | None, field: str, *, max_length: int, required: bool = True) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise ValidationFailed(f"{field} is required", field=field)
    if len(cleaned) > max_length:
        raise ValidationFailed(f"{field} is longer than {max_length} characters", field=field)
    return cleaned


def email(value: str | None, field: str = "email") -> str:
    cleaned = text(value, field, max_length=254).lower()
    if not EMAIL_PATTERN.match(cleaned):
        raise ValidationFailed(f"{field} is not a valid email address", field=field)
    return cleaned


def password(value: str | None, field: str = "password", *, email: str | None = None) -> str:
    """The password rules, each stated in its refusal: at least MIN_PASSWORD_LENGTH
    characters, letters mixed with digits or symbols, not the email (or its name part),
    not a common password."""
    value = value or ""
    if len(value) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"{field} must be at least {MIN_PASSWORD_LENGTH} characters", field=field
        )
    if len(value) > 256:
        raise ValidationFailed(f"{field} is longer than 256 characters", field=field)
    if value.isdigit() or value.isalpha() or len(set(value)) < 4:
        raise ValidationFailed(
            f"{field} is too weak: mix letters with digits or symbols", field=field
        )
    folded = value.strip().lower()
    if email and folded in {email.strip().lower(), email.strip().lower().split("@")[0]}:
        raise ValidationFailed(f"{field} must not be your email address", field=field)
    if folded in COMMON_PASSWORDS:
        raise ValidationFailed(
            f"{field} is one of the most common passwords: choose another", field=field
        )
    return value


# Among the most used passwords that pass the length and mix rules (lower-cased).
COMMON_PASSWORDS = frozenset(
    {
        "password1!",
        "password12",
        "password123",
        "password1234",
        "password@123",
        "passw0rd123",
        "p@ssw0rd123",
        "qwerty1234",
        "qwerty12345",
        "qwerty123!",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "abc1234567",
        "abcd123456",
        "iloveyou123",
        "welcome123",
        "welcome1234",
        "admin12345",
        "admin@1234",
        "letmein123",
        "changeme123",
        "football123",
        "monkey12345",
        "dragon12345",
        "sunshine123",
        "princess123",
        "superman123",
        "trustno1234",
        "zaq12wsxcde",
        "estatepay123",
    }
)


def currency(value: str | None, field: str = "currency") -> str:
    code = (value or "").strip().upper()
    if code not in CURRENCY_EXPONENTS:
        raise ValidationFailed(
            f"{field} must be one of {', '.join(sorted(CURRENCY_EXPONENTS))}", field=field
        )
    return code


def timezone(value: str | None, field: str = "timezone") -> str:
    name = (value or "").strip()
    if name not in _known_zones():
        raise ValidationFailed(f"{field} is not a known IANA time zone", field=field)
    try:
        ZoneInfo(name)
    except ZoneInfoNotFoundError as exc:
        raise ValidationFailed(f"{field} is not a known IANA time zone", field=field) from exc
    return name


def phone(value: str | None, field: str = "phone") -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    if not re.fullmatch(r"\+?[0-9][0-9 ()-]{5,30}", cleaned):
        raise ValidationFailed(f"{field} is not a valid phone number", field=field)
    return cleaned
