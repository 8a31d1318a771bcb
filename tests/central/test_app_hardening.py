"""Settings and routing that are safe by default: no redirect built from the
Host header, no API docs in production, https links in production, live
delivery unless dev is chosen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pydantic import ValidationError

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.conftest import TIMEOUT_S

LIVE = {
    "smtp_host": "127.0.0.1",
    "smtp_port": 9,
    "sms_http_url": "http://127.0.0.1:9/",
    "code_key": "ab" * 32,
}


@pytest.fixture
def production(tmp_path: Path) -> Iterator[EmbeddedCentral]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'p.db'}",
        production=True,
        public_base_url="https://lk.vic.kz",
        **LIVE,  # type: ignore[arg-type]
    )
    with EmbeddedCentral(settings) as running:
        yield running


def test_a_trailing_slash_is_not_redirected_to_the_host_header(
    sqlite_central: EmbeddedCentral,
) -> None:
    for path in ("/healthz/", "/api/v1/password-policy/", "/api/v1/registrations/"):
        answer = requests.get(
            sqlite_central.url + path,
            headers={"Host": "evil.example"},
            allow_redirects=False,
            timeout=TIMEOUT_S,
        )
        assert answer.status_code == 404, (path, answer.status_code)
        assert "location" not in answer.headers
        assert answer.json()["error"]["code"] == "not_found"


def test_production_serves_no_api_documentation(
    production: EmbeddedCentral, sqlite_central: EmbeddedCentral
) -> None:
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert requests.get(production.url + path, timeout=TIMEOUT_S).status_code == 404
        assert requests.get(sqlite_central.url + path, timeout=TIMEOUT_S).status_code == 200
    assert requests.get(production.url + "/dev/messages", timeout=TIMEOUT_S).status_code == 404
    assert requests.get(production.url + "/healthz", timeout=TIMEOUT_S).status_code == 200


def test_production_needs_https_links_and_live_delivery() -> None:
    with pytest.raises(ValidationError, match="public_base_url setting must be https://"):
        Settings(
            production=True,
            public_base_url="http://lk.vic.kz",
            delivery_backend="live",
            **LIVE,  # type: ignore[arg-type]
        )
    with pytest.raises(ValidationError, match="dev delivery backend is refused"):
        Settings(production=True, public_base_url="https://lk.vic.kz", delivery_backend="dev")


def test_live_delivery_is_the_default_and_names_what_it_lacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("DELIVERY_BACKEND", "SMTP_HOST", "SMS_HTTP_URL", "CODE_KEY", "CONFIG"):
        monkeypatch.delenv(f"VIC_CENTRAL_{name}", raising=False)
    bare = Settings()
    assert bare.delivery_backend == "live"
    assert [m.split(" ")[0] for m in bare.missing_delivery_settings()] == [
        "VIC_CENTRAL_SMTP_HOST",
        "VIC_CENTRAL_SMS_HTTP_URL",
        "VIC_CENTRAL_CODE_KEY",
    ]
    assert Settings(**LIVE).missing_delivery_settings() == []  # type: ignore[arg-type]
    assert Settings(delivery_backend="dev").missing_delivery_settings() == []
