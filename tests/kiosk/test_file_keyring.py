"""The demo's file keyring keeps every entry through a writer killed mid-write,
and through two processes changing entries at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from keyring.errors import PasswordDeleteError

from kiosk.file_keyring import CrashSafeFileKeyring

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILLS = 25
WRITES_PER_WRITER = 40

# Rewrites one entry for ever, printing a line once the first write is done: the
# outbox's count, which a sync notes in the keyring when it closes the outbox.
_WRITER = """
import sys
from kiosk.file_keyring import CrashSafeFileKeyring
ring = CrashSafeFileKeyring()
ring.file_path = sys.argv[1]
name, count = sys.argv[2], int(sys.argv[3])
for i in range(count):
    ring.set_password("vic-kiosk/t1", name, f"{name}-{i}" * 8)
    if i == 0:
        print("writing", flush=True)
"""


def _ring(path: Path) -> CrashSafeFileKeyring:
    ring = CrashSafeFileKeyring()
    ring.file_path = str(path)
    return ring


def _writer(path: Path, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), name, str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_writer_killed_mid_write_loses_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "keyring.cfg"
    rng = random.Random(7)
    for kill in range(KILLS):
        _ring(path).set_password("vic-kiosk/t1", "token", "the-terminal-token")
        writer = _writer(path, "outbox_marker", 10**9)
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        # the kill lands among writes (each takes well under this span)
        time.sleep(rng.uniform(0.0, 0.03))
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
        assert _ring(path).get_password("vic-kiosk/t1", "token") == "the-terminal-token", (
            f"kill {kill + 1}: the terminal's token was lost"
        )
        assert _ring(path).get_password("vic-kiosk/t1", "outbox_marker") is not None
    _ring(path).set_password("vic-kiosk/t1", "token", "the-terminal-token")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyring.cfg", "keyring.cfg.lock"], (
        "what killed writers left is removed by the next write"
    )


def test_two_processes_writing_at_once_keep_each_others_entries(tmp_path: Path) -> None:
    path = tmp_path / "keyring.cfg"
    writers = [_writer(path, name, WRITES_PER_WRITER) for name in ("first", "second")]
    for writer in writers:
        writer.communicate(timeout=60)
        assert writer.returncode == 0
    ring = _ring(path)
    last = WRITES_PER_WRITER - 1
    assert ring.get_password("vic-kiosk/t1", "first") == f"first-{last}" * 8
    assert ring.get_password("vic-kiosk/t1", "second") == f"second-{last}" * 8


def test_delete_removes_one_entry_and_refuses_a_missing_one(tmp_path: Path) -> None:
    ring = _ring(tmp_path / "nested" / "keyring.cfg")
    ring.set_password("svc", "a", "1")
    ring.set_password("svc", "b", "2")
    ring.delete_password("svc", "a")
    assert (ring.get_password("svc", "a"), ring.get_password("svc", "b")) == (None, "2")
    with pytest.raises(PasswordDeleteError):
        ring.delete_password("svc", "a")
    with pytest.raises(PasswordDeleteError):
        ring.delete_password("other", "a")
    assert (tmp_path / "nested" / "keyring.cfg").stat().st_mode & 0o777 == 0o600
