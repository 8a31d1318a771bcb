"""The terminal's heartbeat and token rotation against the real central, with a
file keyring shared with real subprocesses that are killed mid-rotation."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from central.core.clock import Clock
from central.models import Terminal, utcnow
from central.repositories import terminals as central_terminals
from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.credentials import Credentials
from kiosk.errors import Unauthorized
from kiosk.heartbeat import HeartbeatWorker, beat_once, read_record, record_path, rotate
from kiosk.outbox import Outbox
from tests.kiosk.kit import add_terminal, make_client
from tests.kiosk.outbox_helpers import KioskTerminal, make_terminal, request
from tests.kiosk.test_cli import cli
from vic_rules.version import VERSION

DAY_S = 24 * 3600
GRACE_S = 10 * 60
KILLED = -9
WAIT_S = 10.0

ROTATE_AND_DIE = """
import os, signal, sys
from pathlib import Path
from kiosk.client import CentralClient
from kiosk.credentials import Credentials
from kiosk.heartbeat import rotate

url, data_dir, die_at = sys.argv[1:4]
creds = Credentials.for_data_dir(Path(data_dir))
client = CentralClient(url, terminal_token=creds.terminal_token())

def step(name: str) -> None:
    if name == die_at:
        os.kill(os.getpid(), signal.SIGKILL)

rotate(client, creds, step)
"""


@pytest.fixture
def term(
    sqlite_central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> KioskTerminal:
    return make_terminal(
        tmp_path / "kiosk", sqlite_central.url, add_terminal(sqlite_central), monkeypatch
    )


@pytest.fixture
def creds(term: KioskTerminal) -> Credentials:
    return Credentials.for_data_dir(term.folder / "data")


@pytest.fixture
def box(term: KioskTerminal) -> Iterator[Outbox]:
    with Outbox(term.outbox_path, term.key) as b:
        yield b


@pytest.fixture
def clock(sqlite_central: EmbeddedCentral) -> Clock:
    assert sqlite_central.app is not None
    found: Clock = sqlite_central.app.state.clock
    return found


def row(central: EmbeddedCentral) -> Terminal:
    with Session(central.engine) as db:
        [found] = central_terminals.list_all(db)
        db.expunge(found)
        return found


def works(central: EmbeddedCentral, token: str) -> bool:
    with make_client(central, None) as client:
        return client.token_works(token)


def kill_during_rotation(term: KioskTerminal, central: EmbeddedCentral, step: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ROTATE_AND_DIE, central.url, str(term.folder / "data"), step],
        env=term.env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == KILLED, done.stderr


def test_a_heartbeat_tells_the_central_the_version_and_the_outbox_backlog(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, creds: Credentials, box: Outbox
) -> None:
    box.capture(request(1))
    box.capture(request(2))
    with make_client(sqlite_central, term.token) as client:
        result = beat_once(client, box, creds)
    assert result.answer is not None and result.answer.rotate_due is False
    seen = row(sqlite_central)
    assert seen.last_seen_at is not None and seen.app_version == VERSION
    assert (seen.outbox_pending, seen.outbox_needs_attention) == (2, 0)
    assert seen.outbox_oldest_age_s is not None and 0 <= seen.outbox_oldest_age_s < 60
    assert (seen.user_agent or "").startswith(f"vic-kiosk/{VERSION} (")
    assert seen.clock_offset_s is not None and abs(seen.clock_offset_s) <= 2


def test_a_heartbeat_tells_the_central_how_far_off_the_terminal_clock_is(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, creds: Credentials, box: Outbox
) -> None:
    with make_client(sqlite_central, term.token) as client:
        client.clock = lambda: datetime.now(UTC) - timedelta(days=3)
        beat_once(client, box, creds)
    offset_s = row(sqlite_central).clock_offset_s
    assert offset_s is not None and abs(offset_s + 3 * DAY_S) <= 2


def test_a_due_token_is_rotated_and_stored_and_the_old_one_ends_after_10_minutes(
    sqlite_central: EmbeddedCentral,
    term: KioskTerminal,
    creds: Credentials,
    box: Outbox,
    clock: Clock,
) -> None:
    clock.advance(DAY_S + 1)
    with make_client(sqlite_central, term.token) as client:
        result = beat_once(client, box, creds)
        assert result.rotated and result.answer is not None and result.answer.rotate_due
        new = creds.terminal_token()
        assert new is not None and new != term.token and client.terminal_token == new
        assert creds.next_terminal_token() is None
        assert works(sqlite_central, term.token)  # for 10 minutes more
        clock.advance(GRACE_S + 1)
        assert not works(sqlite_central, term.token)
        again = beat_once(client, box, creds)  # the terminal goes on with the new one
        assert again.answer is not None and not again.rotated


def test_killed_between_receiving_and_storing_the_new_token_the_old_one_still_works(
    sqlite_central: EmbeddedCentral,
    term: KioskTerminal,
    creds: Credentials,
    box: Outbox,
    clock: Clock,
) -> None:
    kill_during_rotation(term, sqlite_central, "received")
    assert creds.terminal_token() == term.token and creds.next_terminal_token() is None
    clock.advance(2 * DAY_S)  # long after: the lost token was never used
    with make_client(sqlite_central, creds.terminal_token()) as client:
        result = beat_once(client, box, creds)  # still let in, and due: rotates again
    assert result.answer is not None and result.rotated
    new = creds.terminal_token()
    assert new is not None and new != term.token and works(sqlite_central, new)


def test_killed_after_storing_the_new_token_the_restarted_terminal_takes_it(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, creds: Credentials, box: Outbox
) -> None:
    kill_during_rotation(term, sqlite_central, "stored")
    kept = creds.next_terminal_token()
    assert kept is not None and creds.terminal_token() == term.token
    with make_client(sqlite_central, creds.terminal_token()) as client:
        result = beat_once(client, box, creds)
        assert result.answer is not None and result.rotated
        assert creds.terminal_token() == kept == client.terminal_token
    assert creds.next_terminal_token() is None


def test_a_revoked_terminals_rotation_is_refused_and_its_keyring_is_left_alone(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, creds: Credentials
) -> None:
    with Session(sqlite_central.engine) as db, db.begin():
        central_terminals.revoke(db, row(sqlite_central).id, now=utcnow())
    with make_client(sqlite_central, term.token) as client, pytest.raises(Unauthorized):
        rotate(client, creds)
    assert creds.terminal_token() == term.token and creds.next_terminal_token() is None


def test_the_worker_beats_in_its_own_thread_and_notes_it_for_status(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, creds: Credentials, box: Outbox
) -> None:
    record = record_path(term.folder / "data")
    client = make_client(sqlite_central, term.token)
    worker = HeartbeatWorker(client, box, creds, interval_s=0.05, first_delay_s=0, record=record)
    worker.start()
    deadline = time.monotonic() + WAIT_S
    while read_record(record) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 2.0
    client.close()
    assert read_record(record) is not None
    assert row(sqlite_central).last_seen_at is not None

    status = cli("status", "--json")
    assert status.code == 0, status.err
    found = json.loads(status.out)
    assert found["branch"] == "Almaty, Abay Ave 10" and found["version"] == VERSION
    assert (found["silent"], found["needs_attention"], found["token_accepted"]) == (
        False,
        False,
        True,
    )
    assert found["outbox_pending"] == 0 and found["last_heartbeat_at"] is not None
    assert (found["clock_offset_s"], found["clock_off"]) == (0, False)


def test_status_json_flags_a_terminal_that_never_beat_and_a_refused_token(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, box: Outbox
) -> None:
    box.capture(request(3))
    with Session(sqlite_central.engine) as db, db.begin():
        central_terminals.revoke(db, row(sqlite_central).id, now=utcnow())
    status = cli("status", "--json")
    found = json.loads(status.out)
    assert found["silent"] is True and found["last_heartbeat_at"] is None
    assert found["token_accepted"] is False and found["outbox_pending"] == 1
    assert found["oldest_pending_age_s"] is not None


def test_who_am_i_and_token_works_ask_the_central(
    sqlite_central: EmbeddedCentral, term: KioskTerminal
) -> None:
    with CentralClient(sqlite_central.url, terminal_token=term.token) as client:
        assert client.who_am_i()[2] == "Almaty, Abay Ave 10"
        assert client.token_works(term.token) and not client.token_works("nope")
