"""A damaged outbox file (overwritten header, truncation, garbage in its pages)
is never opened as if it were fine: opening it raises ``OutboxDamaged`` naming
the problem, the damaged file stays as it was and a copy is kept beside it, and
no entry disappears without a trace."""

from __future__ import annotations

import io
import os
import random
import time
from pathlib import Path

import pytest

from kiosk.cli import run_cli
from kiosk.outbox import Outbox, OutboxDamaged
from kiosk.outbox.crypto import UndecryptableEntry
from tests.kiosk.outbox_helpers import make_terminal, request

ENTRIES = 200
KEY = bytes(range(32))


def filled(path: Path) -> Path:
    with Outbox(path, KEY) as box:
        for n in range(ENTRIES):
            box.capture(request(n))
    assert not path.with_name(path.name + "-wal").exists() or (
        path.with_name(path.name + "-wal").stat().st_size == 0
    ), "closing folds the WAL into the file"
    return path


def overwrite_header(path: Path) -> None:
    with path.open("r+b") as f:
        f.write(random.Random(1).randbytes(100))


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def assert_refused_and_copied(path: Path) -> OutboxDamaged:
    before = path.read_bytes()
    with pytest.raises(OutboxDamaged) as caught:
        Outbox(path, KEY)
    err = caught.value
    assert err.path == path and err.reason
    assert "damaged" in str(err) and str(err.copy) in str(err)
    assert err.copy is not None and err.copy.parent == path.parent
    assert err.copy.read_bytes() == before, "the copy is the damaged file as found"
    assert path.read_bytes() == before, "the damaged file itself is left untouched"
    return err


@pytest.mark.parametrize("damage", [overwrite_header, truncate_half])
def test_damaged_file_is_refused_with_a_copy_kept(tmp_path: Path, damage: object) -> None:
    path = filled(tmp_path / "outbox.db")
    damage(path)  # type: ignore[operator]
    assert_refused_and_copied(path)
    with pytest.raises(OutboxDamaged):  # and again: never "repaired" by a second open
        Outbox(path, KEY)


def test_garbage_inside_the_file_never_silently_loses_entries(tmp_path: Path) -> None:
    """Bytes overwritten somewhere in the pages: either the open is refused, or
    every entry is still listed and each one either opens intact or is set aside
    as undecryptable (for a clerk), never delivered with altered data."""
    rng = random.Random(7)
    for trial in range(12):
        path = filled(tmp_path / f"t{trial}" / "outbox.db")
        size = path.stat().st_size
        at = rng.randrange(4096, size - 64)
        with path.open("r+b") as f:
            f.seek(at)
            f.write(rng.randbytes(rng.choice((8, 64, 512))))
        try:
            box = Outbox(path, KEY)
        except OutboxDamaged as err:
            assert err.copy is not None and err.copy.exists()
            continue
        with box:
            ids = [e.id for e in box.entries()]
            assert len(ids) == ENTRIES, f"trial {trial}: entries vanished"
            phones = set()
            opened = box.open_due_many(ids)
            for entry_id in ids:
                due = opened.get(entry_id)
                if isinstance(due, UndecryptableEntry):
                    continue
                assert due is not None
                phones.add(due.request.phone)
            assert phones <= {request(n).phone for n in range(ENTRIES)}


def test_the_cli_names_the_damage_instead_of_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = make_terminal(tmp_path / "kiosk", "http://127.0.0.1:9", "token", monkeypatch)
    with Outbox(term.outbox_path, term.key) as box:
        box.capture(request(1))
    overwrite_header(term.outbox_path)
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(["--config", str(term.config), "outbox", "list"], out=out, err=err)
    assert code != 0
    assert "damaged" in err.getvalue() and "Traceback" not in err.getvalue()
    copies = list(term.outbox_path.parent.glob("outbox.db.damaged-*"))
    assert len(copies) == 1


def cli(config: Path, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(["--config", str(config), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("damage", ["truncated", "deleted"])
def test_a_lost_outbox_is_reported_not_silently_recreated_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """200 waiting registrations must not turn into "pending 0" without a word."""
    term = make_terminal(tmp_path / "kiosk", "http://127.0.0.1:9", "token", monkeypatch)
    with Outbox(term.outbox_path, term.key) as box:
        for n in range(ENTRIES):
            box.capture(request(n))
    code, out, _ = cli(term.config, "status")
    assert f"pending {ENTRIES}" in out
    if damage == "truncated":
        os.truncate(term.outbox_path, 0)
    else:
        term.outbox_path.unlink()
    for command in (["status"], ["outbox", "list"], ["sync"]):
        code, out, err = cli(term.config, *command)
        assert code != 0, command
        assert "pending 0" not in out and "0 entries" not in out
        assert "deleted or emptied" in err and f"held {ENTRIES} waiting" in err
        assert "Traceback" not in err
    assert not term.outbox_path.exists() or term.outbox_path.stat().st_size == 0, "not recreated"

    code, out, _ = cli(term.config, "outbox", "start-new")
    assert code == 0 and "new, empty outbox" in out
    code, out, _ = cli(term.config, "outbox", "list")
    assert code == 0 and "0 entries" in out
    assert cli(term.config, "outbox", "start-new")[0] == 1, "only a lost outbox is replaced"


def test_each_damage_is_copied_once_and_old_copies_expire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = make_terminal(tmp_path / "kiosk", "http://127.0.0.1:9", "token", monkeypatch)
    with Outbox(term.outbox_path, term.key) as box:
        box.capture(request(1))
    overwrite_header(term.outbox_path)
    for command in (["status"], ["outbox", "list"], ["sync"], ["outbox", "list"]):
        assert cli(term.config, *command)[0] != 0
    copies = list(term.outbox_path.parent.glob("outbox.db.damaged-*"))
    assert len(copies) == 1, "one copy per damage, not one per command"
    first = copies[0]

    with term.outbox_path.open("r+b") as f:  # further damage: a copy of it too
        f.seek(200)
        f.write(b"\xff" * 64)
    retention_s = 7 * 86_400
    old = time.time() - retention_s - 60
    os.utime(first, (old, old))
    assert cli(term.config, "outbox", "list")[0] != 0
    copies = list(term.outbox_path.parent.glob("outbox.db.damaged-*"))
    assert len(copies) == 1 and copies[0] != first, "the expired copy of earlier damage went"
    assert copies[0].read_bytes() == term.outbox_path.read_bytes()
