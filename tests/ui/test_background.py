"""ui.background: work runs off the GUI thread, results land on it, busy is told."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.background import Op, runner


def test_result_arrives_on_gui_thread_while_work_ran_elsewhere(qtbot: QtBot) -> None:
    gui = QThread.currentThread()
    worker_threads: list[threading.Thread] = []
    delivered_on: list[QThread] = []
    results: list[int] = []

    def work(a: int, b: int) -> int:
        worker_threads.append(threading.current_thread())
        return a + b

    def done(value: int) -> None:
        delivered_on.append(QThread.currentThread())
        results.append(value)

    with qtbot.waitSignal(runner().idle, timeout=5000):
        Op(work, 2, 3).success(done).run()
    assert results == [5]
    assert worker_threads[0] is not threading.main_thread()
    assert delivered_on == [gui]


def test_failure_callback_gets_the_exception(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    successes: list[object] = []
    finished: list[bool] = []

    def work() -> None:
        raise ValueError("bad input")

    with qtbot.waitSignal(runner().idle, timeout=5000):
        Op(work).success(successes.append).failure(errors.append).finally_(
            lambda: finished.append(True)
        ).run()
    assert successes == []
    assert [str(e) for e in errors] == ["bad input"]
    assert finished == [True]


def test_busy_is_true_while_work_runs_and_gui_stays_responsive(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not runner().is_busy, timeout=15_000)  # earlier tests' work
    release = threading.Event()
    states: list[bool] = []
    runner().busy_changed.connect(states.append)
    try:
        Op(release.wait, 10).run()
        assert runner().is_busy
        ticks: list[int] = []
        from PySide6.QtCore import QTimer

        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=3000)
        timer.stop()
        assert runner().is_busy
        with qtbot.waitSignal(runner().idle, timeout=5000):
            release.set()
    finally:
        runner().busy_changed.disconnect(states.append)
    assert states == [True, False]


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot: QtBot) -> None:
    release = threading.Event()
    label = QLabel()
    calls: list[object] = []
    Op(release.wait, 10).owner(label).success(calls.append).run()
    label.deleteLater()
    qtbot.waitUntil(lambda: not _valid(label), timeout=3000)
    with qtbot.waitSignal(runner().idle, timeout=5000):
        release.set()
    assert calls == []


def _valid(obj: QLabel) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
