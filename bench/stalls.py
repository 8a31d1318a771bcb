"""Benchmark 2, the GUI never stalls: the longest gap between ticks of a 5 ms
timer in the app's event loop (``bench.gui_app``) while

(a) the central does not answer and the client taps «Зарегистрировать» then
    «Всё верно» until the saved-offline screen: once against a port that
    accepts connections and never answers (read timeout), once against a
    listening socket whose backlog is full (the connect hangs until its timeout);
(b) the app's own sync worker (started by the app as it opens the terminal)
    drains 10,000 registrations captured before the app started to a central
    (``python -m central serve``, SQLite), while the main window, the clerk
    panel listing the outbox and the status-line monitor run.

The app is the real one (``ui.app.Shell``, clerk mode; see ``bench.gui_app``);
the meter starts once the main window is up and the shift begun.

The drain is bounded: it stops after ``DRAIN_BUDGET_S`` (the outbox holds the
10,000 throughout, so the clerk-panel count and the worker's queries run over a
full outbox; the figure says how many were delivered meanwhile).

Target: < 50 ms in every case. The baseline is the same meter in an idle
window (the timer's own jitter on this machine), measured in the same run.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

from bench.common import Outcome, central_process, enroll_terminals, sqlite_database
from bench.gui_common import run_gui

GAP_TARGET_MS = 50.0
ENTRIES_FULL = 10_000
ENTRIES_QUICK = 300
DRAIN_BUDGET_S = 60.0
BACKLOG_FILLERS = 8
ACCEPT_POLL_S = 0.2


@contextlib.contextmanager
def blackhole() -> Iterator[str]:
    """A loopback port that accepts every connection and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(ACCEPT_POLL_S)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept, name="blackhole", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


@contextlib.contextmanager
def full_backlog() -> Iterator[str]:
    """A listening socket that never accepts, its backlog filled: a new
    connection's SYN is dropped and its connect hangs until the timeout."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers: list[socket.socket] = []
    for _ in range(BACKLOG_FILLERS):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError, OSError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        server.close()


def run(quick: bool = False) -> Outcome:
    out = Outcome("stalls")
    idle, _ = run_gui("unreachable", ["--central", "http://127.0.0.1:9"])
    out.figure(
        "baseline: refused port (answers at once)",
        f"max gap {idle['max_gap_ms']:.1f} ms over {idle['ticks']} ticks",
    )
    for label, place in (("accepts, never answers", blackhole), ("full backlog", full_backlog)):
        with place() as url:
            result, _ = run_gui("unreachable", ["--central", url])
        if result.get("failure"):
            out.figure(f"unreachable ({label}): failure", str(result["failure"]))
        out.figure(
            f"unreachable ({label})",
            f"max gap {result['max_gap_ms']:.1f} ms, {result['gaps_over_50_ms']} gaps > 50 ms, "
            f"{result['ticks']} ticks; saved offline "
            f"{result['waited_s']:.1f} s after the first tap",
        )
        out.check(
            f"longest GUI gap, central unreachable ({label})",
            f"< {GAP_TARGET_MS:g} ms",
            f"{result['max_gap_ms']:.1f} ms",
            result["max_gap_ms"] < GAP_TARGET_MS and not result.get("failure"),
        )

    count = ENTRIES_QUICK if quick else ENTRIES_FULL
    with sqlite_database() as db, central_process(db) as (url, _proc):
        token = enroll_terminals(db, url, 1)[0]
        extra = ["--central", url, "--token", token, "--count", str(count)]
        extra += ["--timeout", str(DRAIN_BUDGET_S)]
        result, _ = run_gui("drain", extra)
    if result.get("failure"):
        out.figure("drain: failure", str(result["failure"]))
    out.figure(
        "drain in the app's process",
        f"{result['counts'].get('delivered', 0)} of {result['entries']} delivered in "
        f"{result['seconds']:.1f} s; max gap "
        f"{result['max_gap_ms']:.1f} ms, {result['gaps_over_50_ms']} gaps > 50 ms, "
        f"{result['ticks']} ticks; outbox {result['counts']}",
    )
    out.check(
        f"longest GUI gap, sync worker draining {count}",
        f"< {GAP_TARGET_MS:g} ms",
        f"{result['max_gap_ms']:.1f} ms",
        result["max_gap_ms"] < GAP_TARGET_MS
        and result["counts"].get("delivered", 0) > 0
        and not result.get("failure"),
    )
    return out
