"""``main.py sync`` killed with SIGKILL at random moments, again and again: every
captured registration still reaches the central exactly once (one registration,
one code SMS per phone), and nothing is left behind or set aside.

Every other run is killed as soon as its first outcome is on disk: the drain
then has the rest of its window in flight (sent, answer not yet recorded), the
moment that matters for exactly once, and too short to hit at random now that
a drain of a few entries takes about one round trip."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from central.server import EmbeddedCentral
from kiosk.api_types import RegistrationRequest
from kiosk.outbox import Outbox, SyncWorker
from tests.kiosk.kit import add_terminal, make_client
from tests.kiosk.outbox_helpers import ROOT, central_counts, make_terminal, request

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

KILL_WINDOW_S = (0.3, 1.6)
# odd rounds kill at the first delivered entry, however long a loaded machine
# takes to start the sync process (within this bound)
FIRST_OUTCOME_WAIT_S = 30.0
PER_ROUND = 6
POLL_S = 0.005


def run_kill_rounds(
    central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kills: int, seed: int
) -> None:
    rng = random.Random(seed)
    term = make_terminal(tmp_path / "kiosk", central.url, add_terminal(central), monkeypatch)
    people: list[RegistrationRequest] = []
    killed = 0
    cut_mid_drain = 0
    with Outbox(term.outbox_path, term.key) as box:
        for round_no in range(kills):
            for _ in range(PER_ROUND):
                req = request(10_000 + len(people))
                box.capture(req)
                people.append(req)
            waiting = box.counts()["pending"]
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "sync"],
                env=term.env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            at_first_outcome = round_no % 2 == 1
            wait_s = FIRST_OUTCOME_WAIT_S if at_first_outcome else rng.uniform(*KILL_WINDOW_S)
            kill_at = time.monotonic() + wait_s
            while proc.poll() is None and time.monotonic() < kill_at:
                if at_first_outcome and box.counts()["pending"] < waiting:
                    break
                time.sleep(POLL_S)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            proc.wait(timeout=30)
            cut_mid_drain += 0 < waiting - box.counts()["pending"] < waiting
            assert box.counts()["needs_attention"] == 0, f"round {round_no}"
        assert killed >= kills // 2, "most runs should have been killed"
        assert cut_mid_drain >= 1, "some kills should land between deliveries"
        client = make_client(central, term.token)
        report = SyncWorker(box, client).drain_once(lock_wait_s=10)
        client.close()
        assert not report.unreachable
        assert box.counts() == {"pending": 0, "delivered": len(people), "needs_attention": 0}
    phones = [r.phone for r in people]
    assert central_counts(central.engine, phones) == {p: (1, 1) for p in phones}


def test_sync_killed_repeatedly_delivers_each_registration_once(
    sqlite_central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_kill_rounds(sqlite_central, tmp_path, monkeypatch, kills=10, seed=20250301)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_sync_killed_many_times_soak(
    sqlite_central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run_kill_rounds(sqlite_central, tmp_path, monkeypatch, kills=60, seed=int(time.time()))
