"""The sync worker's rules, with a sender that answers on cue (the end-to-end
behaviour against the real central is in test_sync_central.py)."""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.api_types import RegistrationRequest, RegistrationStarted
from kiosk.errors import AccountExists, CentralError, RateLimited, Unreachable, ValidationFailed
from kiosk.file_lock import FileLock
from kiosk.outbox import Outbox, OutboxFull, SyncWorker
from kiosk.outbox.backoff import BACKOFF_CAP_S, backoff_ceiling_s, backoff_delay_s
from kiosk.outbox.schema import Delivered, Failed
from tests.kiosk.outbox_helpers import Answer, Clock, ScriptedSender, request


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def box(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.db", os.urandom(32), clock=clock) as b:
        yield b


def capture_three(box: Outbox, clock: Clock) -> list[str]:
    ids = []
    for n in range(3):
        ids.append(box.capture(request(n)))
        clock.advance(1)
    return ids


def test_delivers_oldest_first_with_entry_id_as_key(box: Outbox, clock: Clock) -> None:
    ids = capture_three(box, clock)
    sender = ScriptedSender()
    seen: list[tuple[int, int]] = []
    report = SyncWorker(box, sender).drain_once(progress=lambda d, t: seen.append((d, t)))
    assert [k for k, _ in sender.calls] == ids
    assert report.delivered == 3
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert all(box.get(i).registration_id == f"reg-{i}" for i in ids)
    assert SyncWorker(box, sender).drain_once().attempted == 0


def test_unreachable_backs_off_and_stops_the_drain(box: Outbox, clock: Clock) -> None:
    ids = capture_three(box, clock)
    sender = ScriptedSender(lambda r: Unreachable("connection refused"))
    report = SyncWorker(box, sender, backoff_base_s=10).drain_once()
    assert report.unreachable and report.deferred == 1 and report.not_tried == 2
    first = box.get(ids[0])
    assert first.state == "pending" and first.attempts == 1
    assert first.last_error == "unreachable"
    assert clock.now_s <= first.next_attempt_at.timestamp() <= clock.now_s + 10
    assert box.get(ids[1]).attempts == 0


def test_back_off_grows_to_its_cap_with_full_jitter() -> None:
    assert [backoff_ceiling_s(n, base_s=2) for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert backoff_ceiling_s(60) == BACKOFF_CAP_S
    rng = random.Random(7)
    draws = [backoff_delay_s(20, rng=rng) for _ in range(2000)]
    assert max(draws) <= BACKOFF_CAP_S
    assert min(draws) < BACKOFF_CAP_S / 10 and max(draws) > BACKOFF_CAP_S * 0.9


def test_attempts_keep_counting_while_the_central_is_away(box: Outbox, clock: Clock) -> None:
    [entry] = [box.capture(request(1))]
    worker = SyncWorker(box, ScriptedSender(lambda r: Unreachable()), rng=random.Random(1))
    for _ in range(12):
        clock.advance(BACKOFF_CAP_S + 1)
        worker.drain_once()
    view = box.get(entry)
    assert view.attempts == 12 and view.state == "pending"
    assert view.next_attempt_at.timestamp() <= clock.now_s + BACKOFF_CAP_S


def test_rate_limited_defers_every_pending_entry(box: Outbox, clock: Clock) -> None:
    capture_three(box, clock)
    sender = ScriptedSender(lambda r: RateLimited(retry_after_s=90))
    report = SyncWorker(box, sender).drain_once()
    assert report.rate_limited_s == 90 and len(sender.calls) == 1
    assert all(e.next_attempt_at.timestamp() >= clock.now_s + 90 for e in box.entries())
    clock.advance(60)
    assert SyncWorker(box, sender).drain_once().attempted == 0
    clock.advance(31)
    sender.answer = lambda r: None
    assert SyncWorker(box, sender).drain_once().delivered == 3


def test_refusals_are_set_aside_and_account_exists_is_an_outcome(box: Outbox, clock: Clock) -> None:
    ids = capture_three(box, clock)

    def answer(req: RegistrationRequest) -> CentralError | None:
        if req.phone.endswith("0"):
            return ValidationFailed(fields={"phone": ["not_mobile"]})
        if req.phone.endswith("1"):
            return AccountExists()
        return None

    report = SyncWorker(box, ScriptedSender(answer)).drain_once()
    assert (report.set_aside, report.account_exists, report.delivered) == (1, 1, 1)
    refused, existing, created = (box.get(i) for i in ids)
    assert refused.state == "needs_attention"
    assert refused.last_error == "validation_failed: phone=not_mobile"
    assert "+7701" not in (refused.last_error or "")
    assert (existing.state, existing.outcome) == ("delivered", "account_exists")
    assert (created.state, created.outcome) == ("delivered", "created")


def test_a_bug_in_the_sender_sets_the_entry_aside_without_stopping_others(
    box: Outbox, clock: Clock
) -> None:
    ids = capture_three(box, clock)

    def answer(req: RegistrationRequest) -> CentralError | None:
        if req.phone.endswith("1"):
            raise KeyError("boom")
        return None

    report = SyncWorker(box, ScriptedSender(answer)).drain_once()
    assert report.delivered == 2 and report.set_aside == 1
    assert box.get(ids[1]).last_error == "kiosk_error: KeyError"


def test_second_sync_skips_while_the_lock_is_held(box: Outbox, clock: Clock) -> None:
    capture_three(box, clock)
    holder = FileLock(box.lock_path)
    assert holder.acquire()
    try:
        sender = ScriptedSender()
        report = SyncWorker(box, sender).drain_once()
        assert report.locked and sender.calls == []
        started = time.monotonic()
        assert SyncWorker(box, sender).drain_once(lock_wait_s=0.3).locked
        assert time.monotonic() - started >= 0.3
    finally:
        holder.release()
    assert SyncWorker(box, ScriptedSender()).drain_once().delivered == 3


def test_background_worker_delivers_when_the_central_comes_back(
    tmp_path: Path,
) -> None:
    with Outbox(tmp_path / "real-clock.db", os.urandom(32)) as box:
        sender = ScriptedSender(lambda r: Unreachable(), reachable=False)
        worker = SyncWorker(box, sender, probe_interval_s=0.05, idle_interval_s=0.05)
        worker.start()
        try:
            entry = box.capture(request(5))
            worker.wake()
            time.sleep(0.5)
            assert box.get(entry).state == "pending"
            sender.answer = lambda r: None
            sender.reachable = True
            deadline = time.monotonic() + 5
            while box.get(entry).state != "delivered" and time.monotonic() < deadline:
                time.sleep(0.05)
            assert box.get(entry).state == "delivered"
        finally:
            worker.stop()
        assert not worker.running


def test_stop_returns_promptly_while_idle(box: Outbox) -> None:
    worker = SyncWorker(box, ScriptedSender(), idle_interval_s=60)
    worker.start()
    time.sleep(0.1)
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 2
    assert not any(t.name == "outbox-sync" for t in threading.enumerate())


class ConcurrentSender(ScriptedSender):
    """A scripted sender that may be called from several threads: it notes how
    many calls overlap and whether one key was ever in flight twice at once."""

    def __init__(self, answer: Answer | None = None, *, max_in_flight: int = 8) -> None:
        super().__init__(answer or (lambda req: None))
        self.max_in_flight = max_in_flight
        self._lock = threading.Lock()
        self._flying: set[str] = set()
        self.most_at_once = 0
        self.doubled: list[str] = []
        self.started: list[str] = []

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        with self._lock:
            if idempotency_key in self._flying:
                self.doubled.append(idempotency_key)
            self._flying.add(idempotency_key)
            self.started.append(idempotency_key)
            self.most_at_once = max(self.most_at_once, len(self._flying))
        try:
            time.sleep(0.01)  # a round trip: lets the others start meanwhile
            with self._lock:
                return super().register(req, idempotency_key=idempotency_key)
        finally:
            with self._lock:
                self._flying.discard(idempotency_key)


def test_window_of_requests_each_entry_once_started_oldest_first(box: Outbox, clock: Clock) -> None:
    ids = [box.capture(request(n)) for n in range(40)]
    sender = ConcurrentSender()
    seen: list[int] = []
    worker = SyncWorker(box, sender)
    assert worker.in_flight == 8
    report = worker.drain_once(progress=lambda d, t: seen.append(d))
    assert report.delivered == 40 and report.not_tried == 0
    keys = sender.started
    assert sorted(keys) == sorted(ids) and len(set(keys)) == 40, "each entry sent once"
    assert sender.doubled == []
    assert 1 < sender.most_at_once <= 8
    assert keys[0] == ids[0], "the first request goes alone"
    # started oldest first: a call is never more than a window ahead of its turn
    assert all(abs(keys.index(i) - n) < 8 for n, i in enumerate(ids))
    assert seen == list(range(41))
    assert all(box.get(i).registration_id == f"reg-{i}" for i in ids)
    assert box.counts() == {"pending": 0, "delivered": 40, "needs_attention": 0}


def test_a_central_away_costs_one_request_not_a_window(box: Outbox, clock: Clock) -> None:
    for n in range(20):
        box.capture(request(n))
    sender = ConcurrentSender(lambda r: Unreachable())
    report = SyncWorker(box, sender).drain_once()
    assert len(sender.calls) == 1 and report.deferred == 1 and report.not_tried == 19


def test_rate_limit_in_mid_window_stops_and_defers_every_pending_entry(
    box: Outbox, clock: Clock
) -> None:
    ids = [box.capture(request(n)) for n in range(30)]
    limited = {request(5).phone, request(9).phone}
    sender = ConcurrentSender(
        lambda r: RateLimited(retry_after_s=120) if r.phone in limited else None
    )
    report = SyncWorker(box, sender).drain_once()
    assert report.rate_limited_s == 120
    assert len(sender.calls) < 30, "no new request after the refusal"
    assert report.delivered + report.deferred + report.not_tried == 30
    waiting = [e for e in box.entries("pending")]
    assert len(waiting) == 30 - report.delivered
    assert all(e.next_attempt_at.timestamp() >= clock.now_s + 120 for e in waiting)
    assert {box.get(ids[5]).attempts, box.get(ids[9]).attempts} <= {0, 1}
    clock.advance(121)
    sender.answer = lambda r: None
    assert SyncWorker(box, sender).drain_once().delivered == 30 - report.delivered
    assert box.counts()["delivered"] == 30 and sender.doubled == []


def test_refusals_in_a_window_are_set_aside_and_the_rest_delivered(
    box: Outbox, clock: Clock
) -> None:
    ids = [box.capture(request(n)) for n in range(24)]

    def answer(req: RegistrationRequest) -> CentralError | None:
        n = int(req.phone[-2:])
        if n % 6 == 1:
            return ValidationFailed(fields={"phone": ["not_mobile"]})
        if n % 6 == 2:
            return AccountExists()
        if n % 6 == 3:
            raise KeyError("boom")
        return None

    report = SyncWorker(box, ConcurrentSender(answer)).drain_once()
    assert (report.delivered, report.account_exists, report.set_aside) == (12, 4, 8)
    assert box.get(ids[1]).last_error == "validation_failed: phone=not_mobile"
    assert box.get(ids[3]).last_error == "kiosk_error: KeyError"
    assert box.get(ids[2]).outcome == "account_exists"
    assert box.counts() == {"pending": 0, "delivered": 16, "needs_attention": 8}


def test_stop_in_mid_drain_records_the_requests_in_flight(tmp_path: Path) -> None:
    with Outbox(tmp_path / "stop.db", os.urandom(32)) as box:
        for n in range(200):
            box.capture(request(n))
        sender = ConcurrentSender()
        worker = SyncWorker(box, sender)
        stopper = threading.Timer(0.15, worker.stop)
        stopper.start()
        report = worker.drain_once()
        stopper.join()
        assert 0 < report.delivered < 200 and report.not_tried == 200 - report.delivered
        assert len(sender.calls) == report.delivered, "every request sent has its outcome"
        assert box.counts()["delivered"] == report.delivered


def test_capacity_counts_waiting_entries_across_states(box: Outbox, clock: Clock) -> None:
    small = Outbox(box.path, os.urandom(32), capacity=3, clock=clock)
    try:
        ids = [small.capture(request(n)) for n in range(3)]
        small.record([Failed(ids[0], "refused", retry_in_s=None)])  # set aside: still waiting
        with pytest.raises(OutboxFull):
            small.capture(request(7))
        small.record([Delivered(ids[1], "created", "r")])
        small.capture(request(8))
        small.drop(ids[0])
        small.capture(request(9))
        with pytest.raises(OutboxFull):
            small.capture(request(10))
    finally:
        small.close()
