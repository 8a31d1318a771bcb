"""The outbox file: sealed personal data, bounded size, retention, clerk actions."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from kiosk.outbox import NoSuchEntry, Outbox, OutboxFull, SyncWorker
from kiosk.outbox.errors import AlreadyDelivered
from tests.kiosk.outbox_helpers import Clock, ScriptedSender, raw_bytes, request


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "outbox.db"


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def open_box(db: Path, key: bytes, clock: Clock, **kw: object) -> Outbox:
    return Outbox(db, key, clock=clock, **kw)  # type: ignore[arg-type]


def test_capture_is_pending_with_masked_hints_and_capture_time(
    db: Path, key: bytes, clock: Clock
) -> None:
    with open_box(db, key, clock) as box:
        entry_id = box.capture(request(42))
        assert box.counts() == {"pending": 1, "delivered": 0, "needs_attention": 0}
        [view] = box.entries()
        assert view.id == entry_id
        assert view.state == "pending"
        assert view.phone_masked == "+7 701 *** ** 42"
        assert view.email_masked == "c***@mail.ru"
        assert view.created_at.timestamp() == clock.now_s
        assert view.has_personal_data
        sender = ScriptedSender()
        SyncWorker(box, sender).drain_once()
        [(key_used, sent)] = sender.calls
        assert key_used == entry_id
        assert sent.phone == "+77010000042"
        assert sent.captured_at is not None and sent.captured_at.timestamp() == clock.now_s


def test_file_holds_no_phone_or_email_in_clear(db: Path, key: bytes, clock: Clock) -> None:
    people = [request(n * 7919 % 100000) for n in range(1, 40)]
    with open_box(db, key, clock) as box:
        for req in people:
            box.capture(req)
        data = raw_bytes(db)
    assert len(data) > 0
    lowered = data.lower()
    for req in people:
        digits = req.phone.lstrip("+")
        national = digits[1:]
        for needle in (
            req.phone,
            digits,
            national,
            national[3:],
            req.email,
            req.email.split("@")[0],
        ):
            assert needle.lower().encode() not in lowered, needle
        grouped = f"{national[3:6]} {national[6:8]} {national[8:10]}".encode()
        assert grouped not in data
    assert not re.search(rb"\+?7?701\d{7}", data)


def test_full_outbox_refuses_capture_and_keeps_what_it_has(
    db: Path, key: bytes, clock: Clock
) -> None:
    with open_box(db, key, clock, capacity=3) as box:
        ids = [box.capture(request(n)) for n in range(3)]
        with pytest.raises(OutboxFull, match="full"):
            box.capture(request(3))
        assert [e.id for e in box.entries()] == ids
        SyncWorker(box, ScriptedSender()).drain_once()
        assert box.counts() == {"pending": 0, "delivered": 3, "needs_attention": 0}
        box.capture(request(4))
        assert box.counts()["pending"] == 1


def test_set_aside_entries_count_against_capacity(db: Path, key: bytes, clock: Clock) -> None:
    from kiosk.errors import ValidationFailed

    with open_box(db, key, clock, capacity=2) as box:
        box.capture(request(1))
        box.capture(request(2))
        SyncWorker(
            box, ScriptedSender(lambda r: ValidationFailed(fields={"phone": ["not_mobile"]}))
        ).drain_once()
        assert box.counts()["needs_attention"] == 2
        with pytest.raises(OutboxFull):
            box.capture(request(3))


def test_entry_sealed_with_another_key_is_set_aside_and_others_go_on(
    db: Path, clock: Clock
) -> None:
    old_key, new_key = os.urandom(32), os.urandom(32)
    with open_box(db, old_key, clock) as box:
        lost = box.capture(request(1))
    clock.advance(1)
    with open_box(db, new_key, clock) as box:
        kept = box.capture(request(2))
        sender = ScriptedSender()
        report = SyncWorker(box, sender).drain_once()
        assert report.set_aside == 1 and report.delivered == 1
        assert [k for k, _ in sender.calls] == [kept]
        assert box.get(lost).state == "needs_attention"
        assert (box.get(lost).last_error or "").startswith("undecryptable")
        assert box.get(kept).outcome == "created"


def test_swapped_blobs_do_not_open(db: Path, key: bytes, clock: Clock) -> None:
    with open_box(db, key, clock) as box:
        a = box.capture(request(1))
        clock.advance(1)
        b = box.capture(request(2))
    con = sqlite3.connect(db)
    with con:
        blob_a, blob_b = (
            con.execute("SELECT sealed FROM outbox_entries WHERE id=?", (i,)).fetchone()[0]
            for i in (a, b)
        )
        con.execute("UPDATE outbox_entries SET sealed=? WHERE id=?", (blob_b, a))
        con.execute("UPDATE outbox_entries SET sealed=? WHERE id=?", (blob_a, b))
    con.close()
    with open_box(db, key, clock) as box:
        sender = ScriptedSender()
        SyncWorker(box, sender).drain_once()
        assert sender.calls == []
        assert box.counts()["needs_attention"] == 2


def test_purge_erases_personal_data_of_old_deliveries_only(
    db: Path, key: bytes, clock: Clock
) -> None:
    with open_box(db, key, clock, retention_s=3600) as box:
        old = box.capture(request(1))
        SyncWorker(box, ScriptedSender()).drain_once()
        con = sqlite3.connect(db)
        sealed = con.execute("SELECT sealed FROM outbox_entries WHERE id=?", (old,)).fetchone()[0]
        con.close()
        clock.advance(1800)
        young = box.capture(request(2))
        SyncWorker(box, ScriptedSender()).drain_once()
        waiting = box.capture(request(3))
        assert box.purge_expired() == 0
        clock.advance(1801)
        assert box.purge_expired() == 1
        gone = box.get(old)
        assert not gone.has_personal_data
        assert gone.phone_masked is None and gone.email_masked is None
        assert gone.outcome == "created" and gone.delivered_at is not None
        assert box.get(young).has_personal_data
        assert box.get(waiting).has_personal_data
        assert sealed not in raw_bytes(db)


def test_retry_and_drop(db: Path, key: bytes, clock: Clock) -> None:
    from kiosk.errors import Unauthorized

    with open_box(db, key, clock) as box:
        a = box.capture(request(1))
        b = box.capture(request(2))
        sender = ScriptedSender(lambda r: Unauthorized())
        worker = SyncWorker(box, sender)
        worker.drain_once()
        assert box.counts()["needs_attention"] == 2
        worker.drain_once()
        assert len(sender.calls) == 2, "a set-aside entry is never retried by itself"
        box.retry(a)
        sender.answer = lambda r: None
        worker.drain_once()
        assert box.get(a).state == "delivered"
        with pytest.raises(AlreadyDelivered):
            box.retry(a)
        sealed_b = (
            sqlite3.connect(db)
            .execute("SELECT sealed FROM outbox_entries WHERE id=?", (b,))
            .fetchone()[0]
        )
        box.drop(b)
        with pytest.raises(NoSuchEntry):
            box.get(b)
        with pytest.raises(NoSuchEntry):
            box.drop(b)
        assert sealed_b not in raw_bytes(db)
        assert box.counts() == {"pending": 0, "delivered": 1, "needs_attention": 0}


def test_retry_all_brings_back_every_set_aside_entry(db: Path, key: bytes, clock: Clock) -> None:
    from kiosk.errors import UnexpectedResponse

    with open_box(db, key, clock) as box:
        for n in range(3):
            box.capture(request(n))
        worker = SyncWorker(box, ScriptedSender(lambda r: UnexpectedResponse(status=500)))
        worker.drain_once()
        assert box.counts()["needs_attention"] == 3
        assert {e.last_error for e in box.entries()} == {"unexpected_response: HTTP 500"}
        assert box.retry_all() == 3
        worker.client = ScriptedSender()
        assert worker.drain_once().delivered == 3


def test_wrong_key_length_is_refused(db: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        Outbox(db, b"short")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_outbox_files_are_private_to_the_terminal_user(db: Path, key: bytes, clock: Clock) -> None:
    """Under the usual umask 022, nothing of the outbox is readable by others."""
    previous = os.umask(0o022)
    try:
        with open_box(db, key, clock) as box:
            box.capture(request(1))
            wal = db.with_name(db.name + "-wal")
            assert mode(db) == 0o600 and mode(wal) == 0o600
            assert mode(db.with_name(db.name + "-shm")) == 0o600
        assert mode(db.parent) == 0o700
        os.chmod(db, 0o644)  # as an older version left it
        os.chmod(db.parent, 0o755)
        with open_box(db, key, clock) as box:
            assert box.counts()["pending"] == 1
        assert mode(db) == 0o600 and mode(db.parent) == 0o700
    finally:
        os.umask(previous)
