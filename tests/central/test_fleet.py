"""The fleet as the central sees it (issue 13 §5), over real HTTP on SQLite and
PostgreSQL: heartbeats, ``terminals list``, and token rotation that never
locks a terminal out but ends the old token 10 minutes after the new one's use."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
import requests

from central.cli import main as central_cli
from central.core.clock import Clock
from central.server import EmbeddedCentral
from central.services.fleet import CLOCK_OFFSET_MAX_S
from tests.central.conftest import Api

HOUR_S = 3600
DAY_S = 24 * HOUR_S
GRACE_S = 10 * 60
BEAT = {
    "app_version": "0.2.0",
    "outbox_pending": 3,
    "outbox_needs_attention": 1,
    "oldest_pending_age_s": 420,
}


def beat(api: Api, token: str | None = None, **changes: Any) -> requests.Response:
    return api.post(
        "/api/v1/terminals/heartbeat",
        BEAT | changes,
        token=token,
        headers={"User-Agent": "vic-kiosk/0.2.0 (Windows-10)"},
    )


def rotate(api: Api, token: str | None = None) -> requests.Response:
    return api.post("/api/v1/terminals/token", token=token)


def works(api: Api, token: str) -> bool:
    answer = api.get("/api/v1/terminals/me", token=token)
    assert answer.status_code in (200, 401), answer.text
    return answer.status_code == 200


def fleet(database_url: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert central_cli(["terminals", "list", "--json", "--db", database_url]) == 0
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return found


def test_heartbeat_shows_in_terminals_list_and_silence_is_flagged(
    api: Api,
    central: EmbeddedCentral,
    clock: Clock,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    [never] = fleet(database_url, capsys)
    assert never["last_seen_at"] is None and never["silent"] is True

    answer = beat(api)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"token_age_s": answer.json()["token_age_s"], "rotate_due": False}
    [seen] = fleet(database_url, capsys)
    assert (seen["branch"], seen["name"], seen["version"]) == ("Almaty", "Almaty-1", "0.2.0")
    assert (seen["outbox_pending"], seen["outbox_needs_attention"]) == (3, 1)
    assert seen["oldest_pending_age_s"] == 420
    assert (seen["silent"], seen["needs_attention"]) == (False, True)

    clock.advance(HOUR_S + 60)  # the central's clock: the CLI's "now" is the wall clock
    assert beat(api, outbox_needs_attention=0).status_code == 200
    [healthy] = fleet(database_url, capsys)
    assert (healthy["silent"], healthy["needs_attention"]) == (False, False)

    capsys.readouterr()
    assert central_cli(["terminals", "list", "--db", database_url]) == 0
    line = capsys.readouterr().out
    assert "0.2.0" in line and "3 pending, 0 need attention" in line and "SILENT" not in line


def test_a_silent_terminal_is_flagged_in_the_text_listing(
    api: Api, clock: Clock, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    clock.advance(-2 * HOUR_S)  # its last heartbeat came two hours ago
    assert beat(api).status_code == 200
    capsys.readouterr()
    assert central_cli(["terminals", "list", "--db", database_url]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("SILENT ATTENTION"), out


@pytest.mark.parametrize(
    ("offset_s", "shown"),
    [
        (600, "clock 10 min ahead"),
        (-3 * HOUR_S, "clock 3 h behind"),
        (400 * DAY_S, "clock 400 days ahead"),
    ],
)
def test_a_terminal_whose_clock_is_off_is_flagged_with_how_far(
    api: Api,
    clock: Clock,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    offset_s: int,
    shown: str,
) -> None:
    terminal_time = clock.now() + timedelta(seconds=offset_s)
    assert beat(api, terminal_time=terminal_time.isoformat()).status_code == 200
    [row] = fleet(database_url, capsys)
    assert abs(row["clock_offset_s"] - offset_s) <= 1 and row["clock_off"] is True
    assert central_cli(["terminals", "list", "--db", database_url]) == 0
    line = capsys.readouterr().out
    assert shown in line and line.rstrip().endswith("CLOCK"), line


def test_a_clock_within_a_minute_or_unsaid_is_not_flagged(
    api: Api, clock: Clock, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert beat(api).status_code == 200  # an older terminal says nothing of its clock
    [unsaid] = fleet(database_url, capsys)
    assert (unsaid["clock_offset_s"], unsaid["clock_off"]) == (None, False)
    near = clock.now() - timedelta(seconds=45)
    assert beat(api, terminal_time=near.isoformat()).status_code == 200
    [close] = fleet(database_url, capsys)
    assert abs(close["clock_offset_s"] + 45) <= 1 and close["clock_off"] is False


def test_an_absurd_or_zoneless_terminal_time_is_kept_in_range_or_refused(
    api: Api, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert beat(api, terminal_time="0001-01-01T00:00:00Z").status_code == 200
    [row] = fleet(database_url, capsys)
    assert row["clock_offset_s"] == -CLOCK_OFFSET_MAX_S and row["clock_off"] is True
    zoneless = beat(api, terminal_time="2026-12-02T12:00:00")
    assert zoneless.status_code == 422 and "terminal_time" in zoneless.json()["error"]["fields"]


def test_a_bad_heartbeat_is_a_validation_error_and_needs_a_token(api: Api) -> None:
    bad = beat(api, outbox_pending=-1, app_version="1.0\n; rm")
    assert bad.status_code == 422
    assert set(bad.json()["error"]["fields"]) >= {"outbox_pending", "app_version"}
    too_old = beat(api, oldest_pending_age_s=2**31)  # was a 500 on PostgreSQL
    assert too_old.status_code == 422, too_old.text
    assert set(too_old.json()["error"]["fields"]) == {"oldest_pending_age_s"}
    assert beat(api, token="not-a-token").status_code == 401


def test_rotation_gives_a_new_token_and_the_old_one_ends_10_minutes_after_its_use(
    api: Api, clock: Clock
) -> None:
    old = api.token
    answer = rotate(api)
    assert answer.status_code == 200, answer.text
    assert answer.headers["Cache-Control"] == "no-store"
    new = answer.json()["token"]
    assert new != old and len(new) >= 40

    clock.advance(DAY_S)  # the new one never used: the old one still works
    assert works(api, old)
    assert works(api, new)  # first use of the new one: the old one's 10 minutes start
    clock.advance(GRACE_S - 30)
    assert works(api, old)
    clock.advance(60)
    assert not works(api, old)
    assert works(api, new)
    assert rotate(api, old).status_code == 401


def test_a_lost_rotation_answer_is_recovered_by_rotating_again_with_the_old_token(
    api: Api, clock: Clock
) -> None:
    old = api.token
    lost = rotate(api).json()["token"]  # the terminal never stored this one
    clock.advance(2 * DAY_S)
    assert beat(api, old).json()["rotate_due"] is True
    again = rotate(api, old)
    assert again.status_code == 200, again.text
    new = again.json()["token"]
    assert not works(api, lost)  # replaced: a lost token is of use to nobody
    assert works(api, new)
    assert beat(api, new).json() == {"token_age_s": 0, "rotate_due": False}


def test_a_revoked_terminals_rotation_is_refused(
    api: Api, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [terminal] = fleet(database_url, capsys)
    assert central_cli(["terminals", "revoke", "--db", database_url, terminal["id"]]) == 0
    refused = rotate(api)
    assert refused.status_code == 401
    assert "token" not in refused.json()


def test_the_heartbeat_and_rotation_are_in_the_openapi_document(central: EmbeddedCentral) -> None:
    paths = requests.get(f"{central.url}/openapi.json", timeout=5).json()["paths"]
    beat_op = paths["/api/v1/terminals/heartbeat"]["post"]
    assert "oldest_pending_age_s" in json.dumps(beat_op) or "requestBody" in beat_op
    assert "post" in paths["/api/v1/terminals/token"]
