"""NUL and other control characters in any field an attacker can reach are a
``422 validation_failed`` naming the field, never a 500 (PostgreSQL cannot store
NUL), on SQLite and PostgreSQL; ``captured_at`` outside now - 30 days .. now +
5 minutes (or overflowing at its zone) is ``out_of_range``; a NUL in one row of
an import skips that row only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, func, select

from central.core.config import Settings
from central.core.db import make_session_factory
from central.importer import import_text
from central.models import Account, Contract
from tests.central.conftest import KZ_PHONE, TIMEOUT_S, Api

NUL, ESC = "\x00", "\x1b[31m"
REGISTRATION = {"email": "aigerim@mail.ru", "phone": KZ_PHONE, "consent": True, "locale": "en"}


def refused(response: requests.Response, field: str, code: str = "forbidden_character") -> None:
    assert response.status_code == 422, (response.status_code, response.text)
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    assert error["fields"][field] == [code], error
    assert error["message"] == "Please check the data entered."


@pytest.mark.parametrize("bad", [NUL, ESC, "\n", "\u2028"])
def test_control_characters_in_json_fields_are_422(api: Api, bad: str) -> None:
    enroll = requests.post(
        f"{api.url}/api/v1/terminals/enroll",
        json={"code": "ABCD-EFGH-JKLM", "name": f"Окно{bad}2"},
        headers={"Accept-Language": "en"},
        timeout=TIMEOUT_S,
    )
    refused(enroll, "name")
    refused(api.register(operator=f"clerk{bad}"), "operator")
    refused(api.register(email=f"a{bad}@mail.ru"), "email")
    refused(api.post("/api/v1/sessions", {"login": f"a{bad}@mail.ru", "password": "x"}), "login")
    refused(api.post("/api/v1/password-resets", {"login": f"+7701{bad}1234567"}), "login")
    started = api.register()
    assert started.status_code == 201
    rid = started.json()["id"]
    refused(api.post(f"/api/v1/registrations/{rid}/confirm", {"code": bad}), "code")


def test_control_characters_in_paths_and_queries_are_422(api: Api) -> None:
    started = api.register(captured_at=(datetime.now(UTC) - timedelta(hours=1)).isoformat())
    rid = started.json()["id"]
    plain = {"Accept-Language": "en"}
    refused(requests.get(f"{api.url}/r/{rid}%00", headers=plain, timeout=TIMEOUT_S), "path")
    refused(requests.get(f"{api.url}/r/{rid}?t=%00", headers=plain, timeout=TIMEOUT_S), "t")
    refused(requests.get(f"{api.url}/dev/messages?to=%2B7701%00", headers=plain, timeout=9), "to")
    refused(api.post(f"/api/v1/registrations/{rid}%00/confirm", {"code": "1"}), "path")
    refused(api.post(f"/api/v1/registrations/%00{rid}/resend"), "path")
    refused(api.get(f"/api/v1/registrations/{rid}%0a"), "path")
    refused(api.get("/activate/abc%1b%5b2J"), "path")
    assert api.get(f"/api/v1/registrations/{rid}").status_code == 200  # the id itself works


def _at(minutes: float) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


DAY_MIN = 24 * 60


@pytest.mark.parametrize(
    "captured_at",
    [
        6.0,  # minutes from now, computed when the request is made
        -30 * DAY_MIN - 1,
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:00:00-05:00",
        "0001-01-01T00:00:00Z",
    ],
)
def test_captured_at_out_of_range_is_422(api: Api, captured_at: float | str) -> None:
    at = _at(captured_at) if isinstance(captured_at, float | int) else captured_at
    refused(api.register(captured_at=at), "captured_at", "out_of_range")
    assert api.messages(KZ_PHONE) == []  # nothing sent


@pytest.mark.parametrize("minutes", [4.0, -29 * DAY_MIN])
def test_captured_at_in_range_is_accepted(api: Api, minutes: float) -> None:
    assert api.register(captured_at=_at(minutes)).status_code == 201


def test_a_nul_in_one_import_row_skips_that_row_only(engine: Engine, database_url: str) -> None:
    factory = make_session_factory(engine)
    text = (
        "phone,email,name,contract number,product,start date,end date,premium\n"
        "+77011234567,a@mail.ru,Айгерим,VIC-1,КАСКО,2026-01-01,2026-12-31,1\n"
        f"+77021234567,b@mail.ru,Да{NUL}на,VIC-2,КАСКО,2026-01-01,2026-12-31,1\n"
        f"+77031234567,c@mail.ru,Иван,VIC-3,КА{ESC}СКО,2026-01-01,2026-12-31,1\n"
        "+77071234567,d@mail.ru,Ержан,VIC-4,КАСКО,2026-01-01,2026-12-31,1\n"
    )
    report = import_text(factory, Settings(database_url=database_url), text)
    assert report.errors == [
        (3, "name holds a control character"),
        (4, "product holds a control character"),
    ]
    with factory() as db:
        counted: Any = [db.scalar(select(func.count()).select_from(m)) for m in (Account, Contract)]
    assert counted == [2, 2]
