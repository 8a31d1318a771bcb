"""Bad input of every kind answers the contract's error shape, never a bare 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.core.errors import CentralError
from central.core.i18n import ERRORS, LOCALES, negotiate
from central.models import Registration
from central.server import EmbeddedCentral
from tests.central.conftest import KZ_PHONE, Api

REGISTRATIONS = "/api/v1/registrations"


def error_of(response: requests.Response) -> dict[str, object]:
    error = response.json()["error"]
    assert isinstance(error, dict) and error["code"] and error["message"]
    assert "Traceback" not in response.text
    return error


def test_every_error_code_has_ru_kk_en_texts() -> None:
    classes = _subclasses(CentralError)
    codes = {cls.code for cls in classes} | {cls.text_key for cls in classes if cls.text_key}
    assert codes <= set(ERRORS)
    for code in ERRORS:
        assert {lang for lang, text in ERRORS[code].items() if text} == set(LOCALES), code


def _subclasses(cls: type[CentralError]) -> list[type[CentralError]]:
    found = [cls]
    for sub in cls.__subclasses__():
        found += _subclasses(sub)
    return found


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "ru"),
        ("kk-KZ", "kk"),
        ("en-US,en;q=0.9", "en"),
        ("de, kk;q=0.5, ru;q=0.7", "ru"),
        ("fr", "ru"),
        ("kk_KZ", "kk"),
        ("en;q=abc, kk", "kk"),
    ],
)
def test_language_negotiation(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected


def test_messages_follow_accept_language(sqlite_api: Api) -> None:
    texts = {
        lang: error_of(sqlite_api.post(REGISTRATIONS, {}, lang=lang))["message"] for lang in LOCALES
    }
    assert texts == {lang: ERRORS["validation_failed"][lang] for lang in LOCALES}


def test_malformed_bodies(sqlite_api: Api) -> None:
    url, auth = sqlite_api.url + REGISTRATIONS, {"Authorization": f"Bearer {sqlite_api.token}"}
    json_type = {**auth, "Content-Type": "application/json"}
    cases = [
        (b'{"email": ', json_type, 400, "malformed_request"),
        (b'{"email": "\xff\xfe"}', json_type, 400, "malformed_request"),
        (b"[1, 2]", json_type, 400, "malformed_request"),
        (b"email=a", {**auth, "Content-Type": "text/plain"}, 415, "unsupported_media_type"),
    ]
    for data, headers, status, code in cases:
        response = requests.post(url, data=data, headers=headers, timeout=5)
        assert response.status_code == status, data
        assert error_of(response)["code"] == code


def test_wrong_types_and_unknown_fields_are_named(sqlite_api: Api) -> None:
    body = {"email": 5, "phone": KZ_PHONE, "consent": "yes", "locale": "de", "extra": 1}
    error = error_of(sqlite_api.post(REGISTRATIONS, body))
    assert error["code"] == "validation_failed"
    assert error["fields"] == {
        "email": ["invalid_type"],
        "consent": ["invalid_type"],
        "locale": ["invalid_choice"],
        "extra": ["unknown_field"],
    }
    missing = error_of(sqlite_api.post(REGISTRATIONS, {"consent": True}))
    assert missing["fields"] == {"email": ["required"], "phone": ["required"]}


def test_oversized_bodies_are_refused(sqlite_api: Api) -> None:
    big = {"email": "a@mail.ru", "phone": "x" * 70_000, "consent": True}
    response = sqlite_api.post(REGISTRATIONS, big)
    assert response.status_code == 413 and error_of(response)["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:
        yield b'{"email": "'
        for _ in range(100):
            yield b"a" * 1024
        yield b'"}'

    streamed = requests.post(
        sqlite_api.url + REGISTRATIONS,
        data=chunks(),
        timeout=5,
        headers={"Authorization": f"Bearer {sqlite_api.token}", "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413


def test_unknown_routes_and_methods(sqlite_api: Api) -> None:
    missing = requests.get(f"{sqlite_api.url}/nowhere", timeout=5)
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"
    wrong = requests.delete(f"{sqlite_api.url}{REGISTRATIONS}", timeout=5)
    assert wrong.status_code == 405 and error_of(wrong)["code"] == "method_not_allowed"


def test_a_failed_commit_is_never_answered_as_success(api: Api, central: EmbeddedCentral) -> None:
    """The session dependency commits before the response goes out."""
    assert central.app is not None
    factory = central.app.state.session_factory
    event.listen(factory, "before_commit", _refuse_with_registrations)
    try:
        response = api.register()
    finally:
        event.remove(factory, "before_commit", _refuse_with_registrations)
    assert response.status_code == 500
    assert error_of(response)["code"] == "internal_error"
    with Session(central.engine) as db:
        assert db.scalar(select(func.count()).select_from(Registration)) == 0
    assert api.messages(KZ_PHONE) == []


def _refuse_with_registrations(session: Session) -> None:
    """Fail the commit of any transaction holding a registration (the sender's
    own commits see none: uncommitted rows are invisible to them)."""
    if session.scalar(select(func.count()).select_from(Registration)):
        raise RuntimeError("disk full")


def test_health_and_readiness(api: Api, central: EmbeddedCentral) -> None:
    assert requests.get(f"{api.url}/healthz", timeout=5).status_code == 200
    assert requests.get(f"{api.url}/readyz", timeout=5).status_code == 200
    assert central.app is not None
    working = central.app.state.engine
    central.app.state.engine = make_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 2}
    )
    try:
        down = requests.get(f"{api.url}/readyz", timeout=10)
    finally:
        central.app.state.engine.dispose()
        central.app.state.engine = working
    assert down.status_code == 503 and error_of(down)["code"] == "not_ready"


def test_password_policy_is_published(sqlite_api: Api) -> None:
    response = requests.get(f"{sqlite_api.url}/api/v1/password-policy", timeout=5)
    assert response.json() == {
        "min_length": 8,
        "max_length": 128,
        "required": ["upper", "lower", "digit", "special"],
        "specials": "!@$_-",
        "letters": "latin",
    }
