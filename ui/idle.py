"""Kiosk mode: forget an abandoned client.

After ``timeout_s`` without any input an "Are you still there?" prompt counts
down ``prompt_s`` seconds; if nobody answers, every entered value on every
screen is wiped and the welcome screen returns (``navigator.go_home()``). An
application-wide event filter restarts the wait on any key, mouse, touch or
wheel input. Nothing happens while the welcome screen is already shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from ui.design import DIM_STRONG_ALPHA
from ui.screens.base import Navigator
from ui.widgets.overlay import Overlay

IDLE_TIMEOUT_S = 90.0
IDLE_PROMPT_S = 20.0
COUNTDOWN_TICK_MS = 200
PROMPT_BUTTON_MIN_PX = 64

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
    }
)


class StillTherePrompt(Overlay):
    """The question with a visible countdown; ``accepted`` when the client answers.

    An in-window overlay that dims strongly (``DIM_STRONG_ALPHA``): a borderless box
    left the client's data readable around it for anyone passing by. Escape is
    «Да, продолжить»: someone pressing a key is there."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, dim_alpha=DIM_STRONG_ALPHA)
        self.question = QLabel()
        self.question.setObjectName("dialogTitle")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.question.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stay = QPushButton()
        self.stay.setObjectName("primary")
        self.stay.setMinimumHeight(PROMPT_BUTTON_MIN_PX)
        layout = self.card_layout
        layout.addWidget(self.question)
        layout.addWidget(self.countdown)
        layout.addWidget(self.stay)
        self.stay.clicked.connect(self.accept)
        self.set_default_button(self.stay)
        self._seconds_left = 0
        self.retranslate()

    def escape(self) -> None:
        self.accept()

    def retranslate(self) -> None:
        question = self.tr("Are you still there?")
        self.question.setText(question)
        self.setAccessibleName(question)
        self.stay.setText(self.tr("Yes, continue"))
        self.stay.setAccessibleName(self.tr("Yes, continue"))
        self.set_seconds_left(self._seconds_left)

    def set_seconds_left(self, seconds: int) -> None:
        self._seconds_left = seconds
        text = self.tr("For your privacy the screen will be cleared in %1 s.").replace(
            "%1", str(seconds)
        )
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)


class IdleWatcher(QObject):
    """Install once per window in kiosk mode; ``stop()`` to disable.

    ``at_home`` says whether the welcome screen is showing (no prompt then).
    ``timed_out`` fires each time the wait ends (prompting or not, at home too);
    ``prompted`` and ``wiped`` tell listeners (and tests) what happened.
    """

    timed_out = Signal()
    prompted = Signal()
    wiped = Signal()

    def __init__(
        self,
        window: QWidget,
        navigator: Navigator,
        *,
        at_home: Callable[[], bool],
        timeout_s: float = IDLE_TIMEOUT_S,
        prompt_s: float = IDLE_PROMPT_S,
        activity: SignalInstance | None = None,
    ) -> None:
        """``activity`` fires when the client did something away from the screen (a
        document from the phone arrived on the claim page): it counts as input."""
        super().__init__(window)
        self._navigator = navigator
        self._at_home = at_home
        self._prompt_s = prompt_s
        self.prompt = StillTherePrompt(window)
        self.prompt.accepted.connect(self.restart)
        self.prompt.rejected.connect(self.restart)
        if activity is not None:
            activity.connect(self.restart)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, int(timeout_s * 1000)))
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._prompt_clock = QElapsedTimer()
        app = QApplication.instance()
        assert app is not None, "IdleWatcher needs a QApplication"
        app.installEventFilter(self)
        self._idle.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._idle.stop()
        self._tick.stop()
        self.prompt.dismiss()

    def is_prompting(self) -> bool:
        return self.prompt.isVisible()

    def restart(self) -> None:
        """Input seen (or "Yes, continue"): hide the prompt and wait again."""
        self._tick.stop()
        if self.prompt.isVisible():
            self.prompt.dismiss()
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and not self.prompt.isVisible():
            self._idle.start()
        return False

    def _on_idle(self) -> None:
        self.timed_out.emit()
        if self._at_home():
            self._idle.start()
            return
        self._prompt_clock.start()
        self.prompt.set_seconds_left(math.ceil(self._prompt_s))
        self.prompt.open()
        self._tick.start()
        self.prompted.emit()

    def _on_tick(self) -> None:
        left_s = self._prompt_s - self._prompt_clock.elapsed() / 1000
        if left_s > 0:
            self.prompt.set_seconds_left(math.ceil(left_s))
            return
        self._tick.stop()
        self.prompt.dismiss()
        self._navigator.go_home()
        self.wiped.emit()
        self._idle.start()
