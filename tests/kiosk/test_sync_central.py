"""The outbox against the real central over HTTP: an outage, a restart in the middle
of a drain, refusals, existing accounts, and two processes draining one file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from central.server import EmbeddedCentral
from kiosk.client import CentralClient
from kiosk.outbox import Outbox, SyncWorker
from tests.kiosk.kit import add_terminal, create_account, make_client, sms_code
from tests.kiosk.outbox_helpers import ROOT, central_counts, make_terminal, request, wait_until

DELIVERY_WAIT_S = 30.0


@pytest.fixture
def token(sqlite_central: EmbeddedCentral) -> str:
    return add_terminal(sqlite_central)


@pytest.fixture
def kclient(sqlite_central: EmbeddedCentral, token: str) -> Iterator[CentralClient]:
    c = make_client(sqlite_central, token)
    yield c
    c.close()


@pytest.fixture
def box(tmp_path: Path) -> Iterator[Outbox]:
    with Outbox(tmp_path / "outbox.db", os.urandom(32)) as b:
        yield b


def test_outage_captured_then_delivered_once_when_the_central_is_back(
    sqlite_central: EmbeddedCentral, kclient: CentralClient, box: Outbox
) -> None:
    sqlite_central.stop()
    worker = SyncWorker(box, kclient, probe_interval_s=0.1, idle_interval_s=0.2)
    worker.start()
    try:
        people = [request(n) for n in range(100, 105)]
        for req in people:
            box.capture(req)
            worker.wake()
        threading.Event().wait(0.6)
        assert box.counts()["pending"] == 5
        sqlite_central.start()
        wait_until(lambda: box.counts()["delivered"] == 5, DELIVERY_WAIT_S, "delivery")
    finally:
        worker.stop()
    phones = [r.phone for r in people]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}
    assert all(e.outcome == "created" and e.registration_id for e in box.entries())
    body = sms_code_body(kclient, people[0].phone)
    assert "/" in body, "a late registration's SMS links to the central's code page"


def sms_code_body(client: CentralClient, phone: str) -> str:
    sms_code(client, phone)
    return str(client.dev_messages(to=phone)[0]["body"])


def test_central_restart_in_mid_drain_loses_and_doubles_nothing(
    sqlite_central: EmbeddedCentral, kclient: CentralClient, box: Outbox
) -> None:
    people = [request(n) for n in range(200, 230)]
    for req in people:
        box.capture(req)
    worker = SyncWorker(box, kclient, probe_interval_s=0.1, idle_interval_s=0.2)
    worker.start()
    try:
        wait_until(lambda: box.counts()["delivered"] >= 3, DELIVERY_WAIT_S, "first deliveries")
        sqlite_central.restart()
        wait_until(lambda: box.counts()["delivered"] == 30, DELIVERY_WAIT_S, "all deliveries")
    finally:
        worker.stop()
    phones = [r.phone for r in people]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}


def test_refused_phone_is_set_aside_and_existing_account_is_an_outcome(
    sqlite_central: EmbeddedCentral, kclient: CentralClient, box: Outbox
) -> None:
    existing = request(300)
    create_account(kclient, existing.phone, existing.email, activate=False)
    russian = box.capture(request(301, phone="+79261234567"))
    again = box.capture(request(302, phone=existing.phone))
    fine = box.capture(request(303))
    report = SyncWorker(box, kclient).drain_once()
    assert (report.set_aside, report.account_exists, report.delivered) == (1, 1, 1)
    refused = box.get(russian)
    assert refused.state == "needs_attention"
    assert refused.last_error == "validation_failed: phone=region_not_allowed"
    assert (box.get(again).state, box.get(again).outcome) == ("delivered", "account_exists")
    assert box.get(fine).outcome == "created"
    assert SyncWorker(box, kclient).drain_once().attempted == 0


def test_revoked_terminal_sets_entries_aside_until_a_clerk_retries(
    sqlite_central: EmbeddedCentral, box: Outbox
) -> None:
    stranger = make_client(sqlite_central, "not-a-token")
    entry = box.capture(request(400))
    report = SyncWorker(box, stranger).drain_once()
    stranger.close()
    assert report.unauthorized and box.get(entry).state == "needs_attention"
    good = make_client(sqlite_central, add_terminal(sqlite_central))
    box.retry(entry)
    assert SyncWorker(box, good).drain_once().delivered == 1
    good.close()


def test_two_processes_draining_one_file_deliver_each_entry_once(
    sqlite_central: EmbeddedCentral, token: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    term = make_terminal(tmp_path / "kiosk", sqlite_central.url, token, monkeypatch)
    people = [request(n) for n in range(500, 540)]
    with Outbox(term.outbox_path, term.key) as b:
        for req in people:
            b.capture(req)
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sync"],
            env=term.env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=90) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    with Outbox(term.outbox_path, term.key) as b:
        assert b.counts() == {"pending": 0, "delivered": 40, "needs_attention": 0}
    phones = [r.phone for r in people]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}
    delivered = [int(out.split("delivered ")[1].split(",")[0]) for out, _ in results]
    assert sum(delivered) == 40
