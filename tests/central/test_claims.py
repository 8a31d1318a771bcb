"""Online claims over real HTTP on SQLite and PostgreSQL: filing, numbers,
validation, privacy between clients, replays and the audit trail."""

from __future__ import annotations

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from central.core.config import Settings
from central.server import EmbeddedCentral
from tests.central.claims_support import (
    TODAY,
    Client,
    audit_actions,
    claim_body,
    claims_settings,
    date_days,
    make_client,
)
from tests.central.conftest import Api

NUMBER = re.compile(r"^УБ-(\d{4})-(\d{6})$")


@pytest.fixture
def central_settings(database_url: str, tmp_path: Path) -> Settings:
    return claims_settings(database_url, tmp_path)


@pytest.fixture
def client(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77011234567", "aigerim@mail.ru")


@pytest.fixture
def other(central: EmbeddedCentral, api: Api) -> Client:
    return make_client(central, api, "+77019876543", "bolat@mail.kz")


def test_claim_kinds_are_public_and_translated(central: EmbeddedCentral) -> None:
    titles = {}
    for lang in ("ru", "kk", "en"):
        got = requests.get(
            f"{central.url}/api/v1/claim-kinds", headers={"Accept-Language": lang}, timeout=5
        )
        assert got.status_code == 200
        titles[lang] = {k["code"]: k["title"] for k in got.json()["kinds"]}
    assert titles["ru"]["road_accident"] == "ДТП"
    assert titles["ru"]["property_damage"] == "Повреждение имущества"
    assert set(titles["kk"]) == set(titles["en"]) == {
        "road_accident", "property_damage", "theft", "injury", "medical", "other"
    }  # fmt: skip
    assert titles["en"]["theft"] == "Theft" and titles["kk"]["theft"] == "Ұрлық"


def test_a_filed_claim_is_numbered_acknowledged_listed_and_audited(
    client: Client, central: EmbeddedCentral
) -> None:
    made = client.submit(contact_phone="8 701 555 44 33", lang="kk")
    assert made.status_code == 201, made.text
    claim = made.json()
    year, seq = NUMBER.match(claim["number"]).groups()  # type: ignore[union-attr]
    assert int(year) >= TODAY.year and seq == "000001"
    assert claim["status"] == "submitted" and claim["documents"] == []
    assert [h["status"] for h in claim["history"]] == ["submitted"]
    assert claim["contract_number"] == client.contract and claim["kind"] == "road_accident"

    sms = client.api.wait_messages("+77015554433", 1)
    assert claim["number"] in sms[0]["body"] and sms[0]["channel"] == "sms"
    assert "өтініші қабылданды" in sms[0]["body"]  # the claim's language: the request's
    [email] = client.api.wait_messages(client.email, 1)
    assert claim["number"] in email["subject"] and client.contract in email["body"]
    assert client.api.messages(client.phone) == []  # the contact phone given, not the account's

    listed = client.get("/api/v1/account/claims").json()["claims"]
    assert [c["id"] for c in listed] == [claim["id"]]
    assert client.get(f"/api/v1/account/claims/{claim['id']}").json() == claim
    assert audit_actions(central, client.account_id)[-3:] == [
        "claim_submitted", "claims_listed", "claim_viewed"
    ]  # fmt: skip


def test_newest_claim_first(client: Client) -> None:
    first = client.new_claim()
    second = client.new_claim(kind="theft")
    listed = client.get("/api/v1/account/claims").json()["claims"]
    assert [c["number"] for c in listed] == [second["number"], first["number"]]
    assert second["number"].endswith("000002")


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"contract_number": "NO-SUCH-1"}, "contract_number", "unknown_contract"),
        ({"contract_number": "ОГПО\x00-1"}, "contract_number", "invalid_characters"),
        (
            {"event_date": date_days(-600).isoformat()},
            "contract_number",
            "not_active_on_event_date",
        ),
        ({"event_date": date_days(2).isoformat()}, "event_date", "in_future"),
        ({"kind": "flood"}, "kind", "unknown_kind"),
        ({"description": "  короткое "}, "description", "too_short"),
        ({"description": "д" * 4001}, "description", "too_long"),
        ({"description": "Разбито стекло\x00 у машины"}, "description", "invalid_characters"),
        ({"place": "Алматы\nАбая"}, "place", "invalid_characters"),
        ({"contact_phone": "+1 212 555 0100"}, "contact_phone", "region_not_allowed"),
    ],
)
def test_bad_claims_are_refused_field_by_field(
    client: Client, fields: dict[str, str], field: str, code: str
) -> None:
    refused = client.submit(**fields)
    assert refused.status_code == 422, refused.text
    error = refused.json()["error"]
    assert error["code"] == "validation_failed" and code in error["fields"][field]
    assert client.get("/api/v1/account/claims").json()["claims"] == []
    assert client.api.messages(client.phone) == []


def test_refusals_are_one_translated_sentence(client: Client) -> None:
    texts = {
        lang: client.post(
            "/api/v1/account/claims", {"kind": "theft"}, lang=lang
        ).json()["error"]["message"]
        for lang in ("ru", "kk", "en")
    }  # fmt: skip
    assert texts == {
        "ru": "Проверьте введённые данные.",
        "kk": "Енгізілген деректерді тексеріңіз.",
        "en": "Please check the data entered.",
    }


def test_another_clients_contract_and_claim_are_as_unknown_ones(
    client: Client, other: Client
) -> None:
    foreign = client.submit(contract_number=other.contract)
    unknown = client.submit(contract_number="ОГПО-NOPE0000")
    assert foreign.status_code == unknown.status_code == 422
    assert foreign.json() == unknown.json()

    theirs = other.new_claim()
    for path in ("", "/upload-link"):
        method = client.get if not path else client.post
        seen = method(f"/api/v1/account/claims/{theirs['id']}{path}")
        missing = method(f"/api/v1/account/claims/{uuid.uuid4()}{path}")
        assert seen.status_code == missing.status_code == 404
        assert seen.json() == missing.json()
    # a control character in any path is refused before the route (central.core.guards)
    for bad, fields in (
        ("%00", {"path": ["forbidden_character"]}),
        ("1%0A2", {"path": ["forbidden_character"]}),
        ("x" * 37, {"claim_id": ["too_long"]}),
    ):
        refused = client.get(f"/api/v1/account/claims/{bad}")
        assert refused.status_code == 422 and refused.json()["error"]["fields"] == fields
    upload = client.upload(theirs["id"], "a.pdf", b"%PDF-1.4 x")
    assert upload.status_code == 404 and upload.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/account/claims").json()["claims"] == []
    assert other.get(f"/api/v1/account/claims/{theirs['id']}").json()["documents"] == []


def test_a_replayed_submit_files_one_claim_and_sends_one_sms(client: Client) -> None:
    key = str(uuid.uuid4())
    first = client.submit(key=key)
    again = client.submit(key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert len(client.get("/api/v1/account/claims").json()["claims"]) == 1
    assert len(client.api.wait_messages(client.phone, 1)) == 1
    changed = client.submit(key=key, kind="theft")
    assert changed.status_code == 409 and changed.json()["error"]["code"] == "idempotency_conflict"


def test_parallel_submits_get_consecutive_numbers_without_gaps(
    client: Client, other: Client
) -> None:
    def submit(n: int) -> requests.Response:
        who = client if n % 2 else other
        # a session of its own per thread: requests.Session is not thread-safe
        api = Api(who.api.url, who.api.token, requests.Session())
        return api.post("/api/v1/account/claims", claim_body(who.contract), token=who.token)

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(submit, range(24)))
    assert [a.status_code for a in answers] == [201] * 24, [a.text for a in answers]
    numbers = sorted(int(a.json()["number"][-6:]) for a in answers)
    assert numbers == list(range(1, 25))
    assert len({a.json()["number"] for a in answers}) == 24


def test_claims_need_a_client_session(client: Client) -> None:
    body = claim_body(client.contract)
    assert client.api.post("/api/v1/account/claims", body, token="forged").status_code == 401
    assert client.api.get("/api/v1/account/claims").status_code == 401  # a terminal's token
