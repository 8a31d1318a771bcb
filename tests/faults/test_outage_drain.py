"""The worst afternoon of a branch: the central is down while 1,000 clients are
registered; then, while the outbox drains, ``main.py sync`` is SIGKILLed at
random moments, the central is SIGKILLed and restarted, and a proxy loses a
fraction of the central's answers after the central acted on the request.

Afterwards the central holds every registration exactly once and queued exactly
one code SMS per registration, all sent; the kiosk knows each registration's
id (the one the central created, even when it only saw the replayed answer);
nothing is set aside.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.models import Message, Registration
from kiosk.outbox import Outbox
from tests.faults.conftest import enroll_in_db
from tests.faults.netfaults import ROOT, CentralProcess, DroppingProxy
from tests.kiosk.outbox_helpers import make_terminal, request, wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

IMPORT_S = 0.4  # a sync process needs about this long to start before it sends
KILL_SPAN_S = 0.6  # then it is killed within this span (shorter when entries run low)
CENTRAL_KILL_AFTER_S = (0.6, 1.5)
SYNC_EXIT_WAIT_S = 60.0
SENDER_WAIT_S = 60.0
FROM_START_EVERY = (
    4  # one kill in 4 is timed from the sync's start, the rest from its first outcome
)
FIRST_OUTCOME_WAIT_S = 10.0
POLL_S = 0.005
SYNC_EXITS = {0, 1, 3, -signal.SIGKILL}  # main.py sync: done, partly, unreachable; killed
STALL_REPORT_RUNS = 30  # sync runs shown when the drain stalls
BACKOFF_WAIT_MAX_S = 310.0  # kiosk.outbox.backoff.BACKOFF_CAP_S and a margin


@dataclass
class Figures:
    registrations: int
    sync_kills: int
    central_restarts: int
    drop_fraction: float
    stall_s: float  # the longest the outbox may go without one more entry delivered


# Progress, not total time, is what the drain is held to (while an entry is due):
# entries backing off after lost answers and kills stalled a 30 s run past a 240 s
# total budget on a slow machine. Stalls of 90 s and more seen in CI are explained
# by a kill that emptied the keyring file (kiosk.file_keyring); 200 s tells a stop
# from a slow stretch, and a sync that cannot start fails the test at once.
DEFAULT = Figures(1000, 30, 3, 0.02, 200.0)
SOAK = Figures(5000, 120, 10, 0.03, 200.0)


def run_sync(env: dict[str, str], log_path: Path | None = None) -> subprocess.Popen[bytes]:
    """``main.py sync``; its output appended to ``log_path`` (read after a failure)."""
    if log_path is None:
        return subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sync"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    with log_path.open("ab") as log:
        log.write(f"--- sync at {time.time():.3f}\n".encode())
        log.flush()
        return subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "sync"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def first_outcome(box: Outbox, waiting: int, sync: subprocess.Popen[bytes]) -> float:
    """When (monotonic) the sync's first outcome was seen on disk, or it ended,
    or a bounded wait ran out (e.g. the central is down meanwhile)."""
    deadline = time.monotonic() + FIRST_OUTCOME_WAIT_S
    while (
        sync.poll() is None and box.counts()["pending"] >= waiting and time.monotonic() < deadline
    ):
        time.sleep(POLL_S)
    return time.monotonic()


def stall_report(timeline: list[str], sync_log: Path, central_log: Path) -> str:
    """The last sync runs, and the tails of what the syncs and the central printed."""

    def tail(path: Path, lines: int) -> str:
        text = path.read_bytes().decode(errors="replace") if path.exists() else ""
        # a sync's progress line is redrawn with \r: keep its last state
        kept = [line.rsplit("\r", 1)[-1] for line in text.split("\n")]
        return "\n".join(kept[-lines:])

    return (
        "last runs:\n"
        + "\n".join(timeline[-STALL_REPORT_RUNS:])
        + f"\nsyncs' output ({sync_log}):\n"
        + tail(sync_log, 60)
        + f"\ncentral's log ({central_log}):\n"
        + tail(central_log, 60)
    )


def central_rows(database_url: str) -> tuple[dict[str, int], dict[str, int], set[str], int]:
    """Per phone: registrations and code SMS; the registration ids; unsent SMS."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as s:
            regs = dict(
                s.execute(
                    select(Registration.phone, func.count()).group_by(Registration.phone)
                ).all()
            )
            sms = dict(
                s.execute(
                    select(Message.to, func.count())
                    .where(Message.kind == "registration_code")
                    .group_by(Message.to)
                ).all()
            )
            ids = set(s.scalars(select(Registration.id)))
            unsent = s.scalar(
                select(func.count()).select_from(Message).where(Message.status != "sent")
            )
    finally:
        engine.dispose()
    return regs, sms, ids, int(unsent or 0)


def drain_through_faults(
    central: CentralProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, f: Figures, seed: int
) -> None:
    rng = random.Random(seed)
    started_s = time.monotonic()
    token = enroll_in_db(central.database_url)
    proxy = DroppingProxy(central.port, f.drop_fraction, seed).start()
    term = make_terminal(tmp_path / "kiosk", proxy.url, token, monkeypatch)
    people = [request(i) for i in range(f.registrations)]
    try:
        with Outbox(term.outbox_path, term.key, capacity=f.registrations) as box:
            for req in people:
                box.capture(req)
            assert run_sync(term.env).wait(SYNC_EXIT_WAIT_S) == 3, "central down: exit 3"
            assert box.counts()["pending"] == f.registrations

            central.settings.update(
                registrations_per_terminal_per_hour=10 * f.registrations,
                registrations_per_ip_per_hour=10 * f.registrations,
                sender_poll_s=0.2,
                sender_lease_s=3,
            )
            central.start()
            restart_every = max(1, f.sync_kills // f.central_restarts)
            kills = restarts = runs = cut_mid_drain = 0
            per_s = 50.0  # deliveries per second of a sync run, learnt as it goes
            max_runs = 20 * (f.sync_kills + f.registrations)
            last_waiting, progress_at = f.registrations, time.monotonic()
            timeline: list[str] = []
            sync_log = tmp_path / "sync.log"
            while box.counts()["pending"] and runs < max_runs:
                runs += 1
                waiting = box.counts()["pending"]
                if waiting < last_waiting:
                    last_waiting, progress_at = waiting, time.monotonic()
                due_at = box.next_due_at()
                if due_at is not None and due_at > time.time():
                    # every waiting entry is backing off (lost answers, a killed
                    # central): the outbox's rule, not a stall; wait for the first
                    time.sleep(min(due_at - time.time(), BACKOFF_WAIT_MAX_S))
                    progress_at = time.monotonic()
                stalled_s = time.monotonic() - progress_at
                assert stalled_s < f.stall_s, (
                    f"drain stalled: nothing delivered for {stalled_s:.0f} s\n"
                    + stall_report(timeline, sync_log, central.log_path)
                )
                run_at = time.monotonic()
                sync = run_sync(term.env, sync_log)
                crash: threading.Timer | None = None
                if kills % restart_every == 0 and restarts < f.central_restarts and kills:
                    crash = threading.Timer(rng.uniform(*CENTRAL_KILL_AFTER_S), central.kill)
                    crash.start()
                    restarts += 1
                if kills < f.sync_kills:
                    # keep entries for every kill still to come: at most half of
                    # the share of each remaining kill may go per killed run
                    share = waiting / (2 * (f.sync_kills - kills))
                    span_s = rng.uniform(0, min(KILL_SPAN_S, share / per_s))
                    if kills % FROM_START_EVERY == 0:
                        # counted from the start: may land before the first answer
                        time.sleep(IMPORT_S + span_s)
                        drain_s = span_s
                    else:
                        # counted from the first outcome on disk: lands in the drain
                        # whatever the start-up took (a drain of a window at a time
                        # is too quick to hit from the start under load)
                        first_s = first_outcome(box, waiting, sync)
                        time.sleep(span_s)
                        drain_s = time.monotonic() - first_s
                    if sync.poll() is None:
                        sync.send_signal(signal.SIGKILL)
                        kills += 1
                        sync.wait(SYNC_EXIT_WAIT_S)
                        done = waiting - box.counts()["pending"]
                        cut_mid_drain += 0 < done < waiting
                        per_s = max(per_s, done / max(drain_s, 0.05))
                code = sync.wait(SYNC_EXIT_WAIT_S)
                if crash is not None:
                    crash.join()
                    central.start()
                timeline.append(
                    f"{run_at - started_s:7.1f} s run {runs}: {waiting} waiting, exit {code} "
                    f"after {time.monotonic() - run_at:.1f} s, "
                    f"{waiting - box.counts()['pending']} delivered"
                    + (", central killed" if crash is not None else "")
                )
                # delivered, partly (a 5xx, a lock), unreachable, or killed here: a
                # sync that cannot start (its keyring emptied by a kill) stalls the drain
                assert code in SYNC_EXITS, f"run {runs}: the sync exited {code}\n" + stall_report(
                    timeline, sync_log, central.log_path
                )
                assert box.counts()["needs_attention"] == 0, f"run {runs}: entries set aside"
            assert box.counts() == {
                "pending": 0,
                "delivered": f.registrations,
                "needs_attention": 0,
            }
            assert kills >= f.sync_kills and restarts >= f.central_restarts
            assert cut_mid_drain >= f.sync_kills // 3, "kills should land between deliveries"
            assert proxy.dropped > 0, "no answer was lost: the proxy did not do its job"
            kiosk_ids = {e.registration_id for e in box.entries()}
            outcomes = {e.outcome for e in box.entries()}
    finally:
        proxy.close()

    def all_sent() -> bool:
        return central_rows(central.database_url)[3] == 0

    wait_until(all_sent, SENDER_WAIT_S, "the central's sender to send every SMS")
    regs, sms, ids, _ = central_rows(central.database_url)
    phones = {r.phone for r in people}
    assert outcomes == {"created"}
    assert regs == dict.fromkeys(phones, 1), "each registration exactly once"
    assert sms == dict.fromkeys(phones, 1), "one code SMS per registration"
    assert kiosk_ids == ids, "the kiosk knows the id the central created for each entry"
    print(
        f"\n{f.registrations} registrations, {kills} sync kills, {restarts} central restarts, "
        f"{proxy.dropped} answers dropped, {runs} sync runs ({cut_mid_drain} cut mid-drain), "
        f"{time.monotonic() - started_s:.0f} s"
    )


@pytest.mark.timeout(900)
def test_outage_then_drain_through_kills_restarts_and_lost_answers(
    central_process: CentralProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drain_through_faults(central_process, tmp_path, monkeypatch, DEFAULT, seed=20250611)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_outage_drain_soak(
    central_process: CentralProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drain_through_faults(central_process, tmp_path, monkeypatch, SOAK, seed=int(time.time()))
