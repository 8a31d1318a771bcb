"""Settings of the central service.

Read from environment variables prefixed ``VIC_CENTRAL_`` and, when
``VIC_CENTRAL_CONFIG`` names one, a TOML file (environment wins). Every figure
of the procedure (code lifetime, attempt caps, rate limits) is a setting so an
insurer can tune it without a release; defaults follow ``shared/domain-notes.md``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# "dev": every message is only recorded (listed at /dev/messages; demo and tests).
# "live": email goes by SMTP, SMS by the HTTP gateway (smtp_* and sms_http_*).
# "live" is the default: "dev" serves every code and temporary password to
# anyone who asks, so it must be chosen explicitly.
DeliveryBackend = Literal["dev", "live"]
# what live delivery cannot work without: (setting, what it is)
LIVE_DELIVERY_REQUIRED: tuple[tuple[str, str], ...] = (
    ("smtp_host", "the mail relay"),
    ("sms_http_url", "the SMS gateway"),
    ("code_key", "the key SMS codes are stored under: 32 random bytes as hex or base64"),
)
# A six-digit code has 20 bits: any unkeyed hash of it is reversed from a copy of
# the database in a second. Codes are stored as an HMAC under this key, which
# lives in the service's environment, never in the database.
CODE_KEY_MIN_BYTES = 32


class CodeKeyMissing(RuntimeError):
    """Live delivery without ``code_key``: no SMS code can be stored safely."""


def _decode_key(text: str) -> bytes:
    """``text`` as hex, else as (URL-safe) base64; b"" when it is neither."""
    text = text.strip()
    try:
        return bytes.fromhex(text)
    except ValueError:
        pass
    try:
        return base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return b""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VIC_CENTRAL_", extra="forbid")

    database_url: str = "sqlite:///./central.db"
    public_base_url: str = "http://127.0.0.1:8000"
    default_locale: Literal["ru", "kk", "en"] = "ru"

    allowed_regions: list[str] = Field(default_factory=lambda: ["KZ"])
    default_region: str = "KZ"

    code_ttl_s: int = 300
    code_max_attempts: int = 5
    code_resend_cooldown_s: int = 60
    codes_per_phone_per_hour: int = 5
    registrations_per_terminal_per_hour: int = 600
    registrations_per_ip_per_hour: int = 1200
    logins_per_login_per_hour: int = 20  # per account (its phone and email together)
    failed_logins_per_terminal_per_hour: int = 100  # any logins, wrong password or unknown
    # tries of the current password per account: a stolen session must not guess it
    password_changes_per_account_per_hour: int = 20
    password_resets_per_login_per_hour: int = 5

    activation_ttl_s: int = 72 * 3600
    # a temporary password (registration, reset, online purchase) opens no session after this
    temporary_password_ttl_s: int = 7 * 24 * 3600
    client_session_ttl_s: int = 30 * 60
    enrollment_code_ttl_s: int = 24 * 3600
    idempotency_ttl_s: int = 8 * 24 * 3600  # contract v1.1: kept 8 days, then deleted
    # retention (central.services.purge): a registration never confirmed loses its
    # email and phone this long after its last code expired
    unconfirmed_registration_retention_s: int = 24 * 3600
    # a password reset loses its phone, account and code hash this long after its
    # code expired or it was used
    password_reset_retention_s: int = 24 * 3600
    # a message that failed keeps its text (a code, a password) this long, then scrubbed
    failed_message_retention_s: int = 7 * 24 * 3600
    # a message sent or given up (its recipient's phone or email, its text) is
    # deleted this long after it was queued: time enough to answer "did my SMS
    # arrive?", not a copy of every contact forever
    message_retention_s: int = 30 * 24 * 3600
    audit_retention_s: int = 3 * 365 * 24 * 3600  # audit events, then deleted
    purge_interval_s: int = Field(default=3600, gt=0)  # how often each sender's loop purges

    max_body_bytes: int = 64 * 1024

    # claims: the folder of documents' files (empty: "claim-documents" in the
    # central's data folder, platformdirs' user data folder of "vic-central")
    documents_dir: str = ""
    claim_upload_link_ttl_s: int = 15 * 60
    # requests to the phone upload page (GET and POST) per client address
    claim_upload_pages_per_ip_per_hour: int = 60
    # the upload link by SMS on the client's request, per claim (each ends the earlier link)
    claim_link_sms_per_claim_per_hour: int = Field(default=3, ge=0)

    # Prometheus /metrics of `serve` on a port of its own; 0: off
    metrics_port: int = Field(default=0, ge=0, le=65535)
    metrics_host: str = "127.0.0.1"
    # `serve`'s log: "text" lines for a person, or "json" lines (with each
    # request's id) for a log collector
    log_format: Literal["text", "json"] = "text"
    # production refuses the dev backend (and so the /dev/messages router), an
    # http:// public_base_url, and serves no /docs, /redoc or /openapi.json
    production: bool = False
    delivery_backend: DeliveryBackend = "live"
    sender_poll_s: float = 0.5
    sender_batch: int = 20
    # a claimed message is retried by another sender only after this lease
    sender_lease_s: float = 120.0
    sender_max_attempts: int = 8
    sender_backoff_base_s: float = 2.0
    sender_backoff_cap_s: float = 300.0

    smtp_host: str = ""
    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    # a CA bundle for a relay with an in-house certificate; empty: the system's CAs
    smtp_ca_file: str = ""
    smtp_from: str = "Victoria <no-reply@vic.kz>"
    smtp_timeout_s: float = 10.0

    sms_http_url: str = ""
    sms_http_method: Literal["POST", "GET"] = "POST"
    sms_http_headers: dict[str, str] = Field(default_factory=dict)
    sms_http_form: dict[str, str] = Field(default_factory=dict)
    sms_http_json: str = ""
    sms_http_timeout_s: float = 10.0
    sms_sender_name: str = "VICTORIA"

    # the HMAC key of stored SMS codes (CODE_KEY_MIN_BYTES random bytes, hex or
    # base64), the same on every instance; required with live delivery
    code_key: SecretStr = SecretStr("")

    @model_validator(mode="after")
    def _code_key_long_enough(self) -> Settings:
        text = self.code_key.get_secret_value()
        if text.strip() and len(_decode_key(text)) < CODE_KEY_MIN_BYTES:
            raise ValueError(
                f"the code_key setting must hold at least {CODE_KEY_MIN_BYTES} random bytes, "
                "written as hex or base64 (e.g. the output of: openssl rand -hex 32)"
            )
        return self

    def code_key_bytes(self) -> bytes:
        """The key SMS codes are stored under.

        With ``dev`` delivery and no ``code_key``, a key derived from the database
        URL (the same for every instance on one database): dev delivery shows every
        code at /dev/messages anyway, so its key protects nothing. With live
        delivery and no ``code_key``: ``CodeKeyMissing`` (``serve`` refuses to start
        before that, naming the setting)."""
        text = self.code_key.get_secret_value()
        if text.strip():
            return _decode_key(text)
        if self.delivery_backend == "dev":
            return hashlib.sha256(b"vic-dev-code-key\0" + self.database_url.encode()).digest()
        raise CodeKeyMissing("VIC_CENTRAL_CODE_KEY is not set")

    @model_validator(mode="after")
    def _safe_in_production(self) -> Settings:
        if self.production and self.delivery_backend == "dev":
            raise ValueError("the dev delivery backend is refused when production is set")
        if self.production and not self.public_base_url.lower().startswith("https://"):
            raise ValueError("the public_base_url setting must be https:// when production is set")
        return self

    def missing_delivery_settings(self) -> list[str]:
        """The ``VIC_CENTRAL_*`` variables live delivery still needs (empty with
        ``dev`` delivery, or when the relay and the gateway are both set)."""
        if self.delivery_backend != "live":
            return []
        return [
            f"VIC_CENTRAL_{name.upper()} ({what})"
            for name, what in LIVE_DELIVERY_REQUIRED
            if not _setting_text(getattr(self, name)).strip()
        ]

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        toml_path = os.environ.get("VIC_CENTRAL_CONFIG")
        if toml_path:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)


def _setting_text(value: object) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else str(value)


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests build their own ``Settings`` instead."""
    return Settings()
