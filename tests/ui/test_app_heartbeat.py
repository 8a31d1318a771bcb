"""The assembled clerk app reports to the central by itself (issue 13 §5): the
heartbeat runs in its own thread from the moment the terminal is open, and a
shutdown ends it."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from central.models import Terminal
from central.server import EmbeddedCentral
from tests.ui.test_app import clerk_shell
from ui.app import Shell
from vic_rules.version import VERSION

FIRST_BEAT_WAIT_MS = 20_000  # the first beat comes 5 s after opening
STOP_WITHIN_S = 2.0


def last_seen(central: EmbeddedCentral) -> tuple[object, str | None]:
    with Session(central.engine) as db:
        [found] = db.query(Terminal).all()
        return found.last_seen_at, found.app_version


def test_an_open_terminal_sends_its_heartbeat_and_stops_at_shutdown(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell]
) -> None:
    window = clerk_shell(qtbot, tmp_path, sqlite_central, shells, sync=False)
    shell = shells[-1]
    assert shell.heartbeat is not None
    qtbot.waitUntil(lambda: last_seen(sqlite_central)[0] is not None, timeout=FIRST_BEAT_WAIT_MS)
    assert last_seen(sqlite_central)[1] == VERSION
    assert window.isVisible()
    started = time.monotonic()
    shell.heartbeat.stop()
    assert time.monotonic() - started < STOP_WITHIN_S
