"""The terminal's disk fills up: capturing refuses with ``OutboxNoSpace`` (a
kind of ``OutboxFull`` the screen can tell apart), the entries already saved
are intact, and once space returns the same outbox captures and delivers them
all to the real central.

Needs a small tmpfs (``mount -t tmpfs``): root in a container with
CAP_SYS_ADMIN, as here and in CI. Elsewhere the test is skipped and says why.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.server import EmbeddedCentral
from kiosk.outbox import Outbox, OutboxFull, OutboxNoSpace, SyncWorker
from tests.kiosk.kit import add_terminal, make_client
from tests.kiosk.outbox_helpers import central_counts, request

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux")

TMPFS_SIZE = "8m"  # room for the WAL (up to ~4 MB before a checkpoint)
SAVED_BEFORE = 50
KEY = os.urandom(32)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root/CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(folder: Path) -> Path:
    """Write a file until the disk refuses; returns it (delete it to free the space)."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for _ in range(100_000):  # 400 MB at most: far beyond the tmpfs
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    else:
        raise AssertionError("the disk never filled up")
    finally:
        os.close(fd)
    return filler


def test_full_disk_refuses_capture_clearly_and_harms_nothing(
    small_disk: Path, sqlite_central: EmbeddedCentral
) -> None:
    data = small_disk / "data"
    people = [request(n) for n in range(SAVED_BEFORE)]
    with Outbox(data / "outbox.db", KEY) as box:
        for req in people:
            box.capture(req)
        filler = fill(small_disk)

        refused = 0
        for n in range(SAVED_BEFORE, SAVED_BEFORE + 20):
            with pytest.raises(OutboxNoSpace) as caught:
                box.capture(request(n))
            refused += 1
        assert isinstance(caught.value, OutboxFull), "the flow's OutboxFull handling covers it"
        assert "disk" in str(caught.value) and "safe" in str(caught.value)
        assert refused == 20
        assert box.counts() == {"pending": SAVED_BEFORE, "delivered": 0, "needs_attention": 0}
        assert [e.phone_masked for e in box.entries()] == [
            f"+7 701 *** ** {n % 100:02d}" for n in range(SAVED_BEFORE)
        ]

        filler.unlink()
        late = request(SAVED_BEFORE)
        box.capture(late)
        people.append(late)
        client = make_client(sqlite_central, add_terminal(sqlite_central))
        report = SyncWorker(box, client).drain_once(lock_wait_s=5)
        client.close()
        assert report.delivered == len(people) and not report.unreachable
        assert box.counts() == {"pending": 0, "delivered": len(people), "needs_attention": 0}

    with Outbox(data / "outbox.db", KEY) as reopened:  # and the file still opens clean
        assert reopened.counts()["delivered"] == len(people)
    phones = [r.phone for r in people]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}


def test_opening_an_outbox_on_a_full_disk_is_the_same_clear_refusal(small_disk: Path) -> None:
    filler = fill(small_disk)
    with pytest.raises(OutboxNoSpace):
        Outbox(small_disk / "data" / "outbox.db", KEY)
    filler.unlink()
    with Outbox(small_disk / "data" / "outbox.db", KEY) as box:
        box.capture(request(1))
        assert box.counts()["pending"] == 1
