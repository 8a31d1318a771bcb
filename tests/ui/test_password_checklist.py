"""The live checklist shows the rules the central will apply, the new ones included."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from central.server import EmbeddedCentral
from tests.ui.test_startup import clerk_config, gate, held_opener
from tests.ui.ui_helpers import START_TIMEOUT_MS
from ui.app import Shell
from ui.widgets.password_checklist import UNMET_MARK, PasswordChecklist
from vic_rules import password
from vic_rules.bloom import BloomFilter

__all__ = ["gate"]  # the fixture, shared with test_startup

TOO_LONG_RU = "Длина пароля – не более 128 символов"


def test_a_password_over_the_maximum_length_is_shown_as_unmet(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    checklist.show()
    too_long = "Kx7_mq2z" + "a" * 249
    checklist.update_for(too_long, repeat=too_long)
    label = checklist.labels["too_long"]
    assert label.isVisibleTo(checklist) and TOO_LONG_RU in label.text()
    assert UNMET_MARK in label.text() and not checklist.is_met("too_long")
    assert not checklist.all_met()
    checklist.update_for(too_long[:128], repeat=too_long[:128])
    assert checklist.is_met("too_long") and checklist.all_met()


def test_near_variants_of_the_example_and_the_company_name_are_unmet(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    for refused in ("Ag-15!d45", "Victoria2026!", "V1ct0r1a_2026", "Dragon12!"):
        checklist.update_for(refused, repeat=refused)
        assert not checklist.is_met("forbidden_password"), refused
        assert not checklist.all_met()


def test_opening_the_terminal_reads_the_password_list_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, sqlite_central: EmbeddedCentral, shells: list[Shell],
    gate: threading.Event, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    read_in: list[threading.Thread] = []
    real_filter = BloomFilter  # what vic_rules.password builds its list with

    def recording_filter(data: bytes) -> BloomFilter:
        read_in.append(threading.current_thread())
        return real_filter(data)

    monkeypatch.setattr(password, "BloomFilter", recording_filter)
    password._breached.cache_clear()
    shell = Shell(
        clerk_config(tmp_path, sqlite_central),
        opener=held_opener(tmp_path, sqlite_central, gate),
    )
    shells.append(shell)
    shell.start()
    gate.set()
    qtbot.waitUntil(lambda: shell.is_open, timeout=START_TIMEOUT_MS)
    assert len(read_in) == 1 and read_in[0] is not threading.main_thread()
    assert password.violations("Dragon12!") == ["forbidden_password"]
    assert len(read_in) == 1, "the checklist's checks reuse the list read at opening"
