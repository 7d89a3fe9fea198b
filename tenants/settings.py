"""Typed settings read from the environment (and an optional `.env` file).

On the ground floor because every layer reads them, the database set-up first."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Only for the embedded default; any shared deployment must set its own keys.
DEV_SECRET_KEY = "estatepay-dev-secret-change-me-0123456789abcdef"
DEV_ENCRYPTION_KEY = "ZXN0YXRlcGF5LWRldi1lbmNyeXB0aW9uLWtleS0wMDA="


class UnsafeSettings(RuntimeError):
    """Settings that must not run (production with the development keys)."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(f"{setting} {message}")
        self.setting, self.reason = setting, message


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Unset means the embedded default: SQLite files under `data_dir`, in-process broker.
    database_url: str | None = None
    redis_url: str | None = None
    data_dir: Path = Path("var")
    db_pool_max_size: int = Field(default=20, ge=1)
    # A database that stops answering (frozen, cut off without a reset) must not hold
    # requests for ever: a new connection gives up after the first, a statement after
    # the second (migrations included), and the caller gets UNAVAILABLE.
    db_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    db_command_timeout_seconds: float = Field(default=30.0, gt=0)
    # DATABASE_URL is PgBouncer in transaction mode: no session state may be relied on
    # (no prepared statements kept across transactions, no startup `search_path`).
    db_pgbouncer: bool = False
    # "citus": DATABASE_URL is a Citus coordinator. Each estate schema is created as a
    # distributed schema (one unit, placed on a worker) and the shared tables become
    # reference tables (tenants/citus.py).
    database_distributed: Literal["citus"] | None = None

    secret_key: str = DEV_SECRET_KEY
    encryption_key: str = DEV_ENCRYPTION_KEY
    environment: str = "development"
    # Unset: `json` (one object per line) in production, `console` (readable) elsewhere.
    log_format: Literal["json", "console"] = "console"

    token_lifetime_minutes: int = Field(default=60 * 12, ge=1)
    # Unset: on in development, off in production (where "Did you mean" suggestions go
    # with introspection). An explicit value wins either way.
    graphiql_enabled: bool = True
    introspection_enabled: bool = True

    max_query_depth: int = Field(default=10, ge=1)
    max_query_tokens: int = Field(default=2000, ge=1)
    max_aliases: int = Field(default=15, ge=1)
    page_size_cap: int = Field(default=100, ge=1)
    # Queries go through the compiled read path (one SQL statement per root field);
    # off, every operation runs through graphql-core (the differential tests compare both).
    compiled_reads: bool = True
    # The input boundary: the largest request body on any route (413 beyond it), and the
    # longest string accepted in any GraphQL input (services set tighter per-field limits).
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    max_string_length: int = Field(default=10_000, ge=256)
    # Provider payments left PENDING this long are expired by the worker's sweep.
    payment_expiry_minutes: int = Field(default=60, ge=1)
    # Payouts: one PROCESSING and not heard of this long is verified with its provider by
    # the periodic check (and sent again only if the provider has no such transfer); a
    # send whose answer never came is verified by its retry after `payout_resend_after`.
    payout_stuck_minutes: float = Field(default=30.0, ge=0)
    payout_resend_after_seconds: float = Field(default=25.0, ge=0)
    # The worker's sweep runs this often; it re-sends webhook events stored but still not
    # applied, and notification deliveries queued but still owed, after
    # `sweep_after_seconds` (a broker outage, a killed worker).
    sweep_every_seconds: float = Field(default=60.0, gt=0)
    sweep_after_seconds: float = Field(default=180.0, gt=0)
    # A webhook event that keeps failing is retried with backoff (1 min doubling to 6 h)
    # for this long after receipt, then kept as DEAD for an admin to replay.
    webhook_retry_hours: float = Field(default=72.0, gt=0)
    # A notification send claimed by a worker that died mid-send is retried after this
    # (longer than any SMTP or SMS call may take).
    notification_claim_lease_seconds: float = Field(default=300.0, gt=0)
    # How long a request waits to hand a job to Redis before giving up on it; whatever
    # needs the job done is stored first (webhook events), so the sweeper sends it later.
    broker_timeout_seconds: float = Field(default=2.0, gt=0)
    # The largest amount one operation may move, in major units of any currency.
    max_amount: Decimal = Field(default=Decimal("1000000000"), gt=0)

    # The scheduler (`estatepay scheduler`, or in-process in the embedded default): how
    # often it reads the clock, and how long a claimed slot may stay unsent before another
    # scheduler sends it (the claimer died between claiming and sending).
    scheduler_tick_seconds: float = Field(default=15.0, gt=0)
    scheduler_claim_lease_seconds: float = Field(default=300.0, gt=0)
    # Tests and drills only: "now" is the ISO 8601 instant written in this file.
    scheduler_clock_file: Path | None = None
    # Bill reminders: days before the due date and days after it (while unpaid), e.g.
    # REMINDER_DAYS_BEFORE_DUE="3,1"; sent from this hour of the estate's local day.
    reminder_days_before_due: Annotated[tuple[int, ...], NoDecode] = (3, 1)
    reminder_days_after_due: Annotated[tuple[int, ...], NoDecode] = (1, 7)
    reminder_hour: int = Field(default=9, ge=0, le=23)
    # Retention: applied webhook events, read notifications, scheduler and job history.
    webhook_event_retention_days: int = Field(default=90, ge=1)
    notification_retention_days: int = Field(default=90, ge=1)
    job_history_retention_days: int = Field(default=30, ge=1)

    # Email through SMTP and SMS through a Twilio-compatible API; unset: written to the log.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_from: str = "estatepay <no-reply@estatepay.local>"
    smtp_starttls: bool = True
    sms_api_base_url: str = "https://api.twilio.com"
    sms_account_sid: str | None = None
    sms_auth_token: str | None = None
    sms_from: str | None = None

    # The WebSocket door (per API process): a socket must send `connection_init` within
    # the timeout; sockets per user and per client address, operations per socket.
    ws_connection_init_timeout_seconds: float = Field(default=5.0, gt=0)
    ws_max_sockets_per_user: int = Field(default=20, ge=1)
    ws_max_sockets_per_address: int = Field(default=100, ge=1)
    ws_max_subscriptions_per_socket: int = Field(default=50, ge=1)
    # An open socket's credentials are checked again this often (expired or revoked
    # tokens, removed memberships: closed with 4403).
    ws_recheck_seconds: float = Field(default=30.0, gt=0)

    # Who a token is (user, session, roles and estate) is remembered per API process this
    # long; every change of access drops it at once (a revocation, through Redis between
    # processes). 0: looked up in the database on every request.
    auth_cache_seconds: float = Field(default=30.0, ge=0)

    login_attempts_per_email: int = Field(default=5, ge=1)
    login_attempts_per_address: int = Field(default=20, ge=1)
    login_window_seconds: int = Field(default=15 * 60, ge=1)

    @field_validator(
        "database_url",
        "redis_url",
        "database_distributed",
        "smtp_host",
        "smtp_username",
        "smtp_password",
        "sms_account_sid",
        "sms_auth_token",
        "sms_from",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="before")
    @classmethod
    def _locked_down_in_production(cls, data: object) -> object:
        if not isinstance(data, dict):
            return data
        production = str(data.get("environment") or "").strip() == "production"
        for name in ("graphiql_enabled", "introspection_enabled"):
            if data.get(name) in (None, ""):
                data[name] = not production
        if data.get("log_format") in (None, ""):
            data["log_format"] = "json" if production else "console"
        return data

    @field_validator("reminder_days_before_due", "reminder_days_after_due", mode="before")
    @classmethod
    def _day_list(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(int(part) for part in value.split(",") if part.strip())
        return value

    @field_validator("reminder_days_before_due", "reminder_days_after_due")
    @classmethod
    def _distinct_days(cls, value: tuple[int, ...], info: ValidationInfo) -> tuple[int, ...]:
        lowest = 0 if info.field_name == "reminder_days_before_due" else 1
        if any(day < lowest or day > 365 for day in value):
            raise ValueError(f"days must be between {lowest} and 365")
        return tuple(sorted(set(value)))

    @property
    def embedded(self) -> bool:
        return self.database_url is None

    @property
    def queue_namespace(self) -> str:
        """The Redis keys of this database's job queues. The API and the workers of one
        database meet there; a worker of another database on the same Redis (a second
        deployment, a parallel test run) never takes a job for estates it cannot see,
        which it would drop. By database name, not host: `localhost` and `127.0.0.1` in
        two processes' settings must not part them."""
        name = urlsplit(self.database_url).path.lstrip("/") if self.database_url else ""
        return f"estatepay-jobs:{name or 'embedded'}"

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    def check_production_safety(self) -> None:
        """Refuse to run production with the development keys."""
        if self.is_production and self.secret_key == DEV_SECRET_KEY:
            raise UnsafeSettings("SECRET_KEY", "must be set in production (a long random string)")
        if self.is_production and self.encryption_key == DEV_ENCRYPTION_KEY:
            raise UnsafeSettings(
                "ENCRYPTION_KEY",
                "must be set in production (a Fernet key: 32 url-safe base64 bytes)",
            )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
