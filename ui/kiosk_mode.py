"""Self-service kiosk mode: full screen, no way out without the admin PIN.

``KioskLock`` shows the window full screen and refuses every close (the close
button, Alt+F4, the window manager) until an employee enters the admin PIN.
The PIN dialog is opened by Ctrl+Alt+A on a service keyboard or by five quick
taps on a chosen widget (``watch_secret_taps``); the PIN is checked off the GUI
thread (it is a slow hash in the keyring). A correct PIN opens the admin menu:
the outbox panel, or exit. Wrong PINs are counted and locked out by the
``check_pin`` given (``kiosk.admin_pin.AdminPin.check``), outside the dialog, so
cancelling and reopening it changes nothing; the dialog only says how long to wait.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.admin_pin import PinLocked
from ui.background import Op
from ui.design import OVERLAY_WIDE_CARD_WIDTH_PX
from ui.widgets.busy_button import BusyButton
from ui.widgets.keypad import DigitKeypad
from ui.widgets.overlay import Overlay

if TYPE_CHECKING:
    from kiosk.outbox import Outbox

SECRET_TAPS = 5
SECRET_TAPS_WINDOW_MS = 3000
TOUCH_MIN_PX = 64
ERROR_COLOUR = "#b3261e"
PIN_CARD_WIDTH_PX = 560  # the keypad and «Отмена» beside «Разблокировать» at 1920×1080
OUTBOX_LIST_MIN_PX = 360


class AdminPinDialog(Overlay):
    """Asks the admin PIN; ``accepted`` only after ``check_pin`` said yes.

    ``check_pin`` runs off the GUI thread; it may raise ``PinLocked``, which the
    dialog shows as the wait left. The dialog keeps no count of its own. An
    in-window overlay over the kiosk; Escape is «Отмена»."""

    def __init__(self, check_pin: Callable[[str], bool], parent: QWidget) -> None:
        super().__init__(parent, card_width_px=PIN_CARD_WIDTH_PX)
        self._check_pin = check_pin
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setObjectName("dialogTitle")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(TOUCH_MIN_PX)
        self.keypad = DigitKeypad(self)
        self.keypad.bind(self.pin, submit=True)  # «Готово» is «Разблокировать»
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message.setWordWrap(True)
        self.unlock = BusyButton()
        self.cancel = QPushButton()
        for b in (self.unlock, self.cancel):
            b.setMinimumHeight(TOUCH_MIN_PX)
        self.unlock.setObjectName("primary")
        self.cancel.setObjectName("secondary")
        self.set_default_button(self.unlock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock)
        layout = self.card_layout
        for w in (self.title, self.pin, self.keypad, self.message):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.message.hide()
        self.unlock.clicked.connect(self._try)
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Employee access"))
        self.title.setText(self.tr("Employee access: enter the admin PIN"))
        self.pin.setAccessibleName(self.tr("Admin PIN"))
        self.pin.setPlaceholderText(self.tr("Admin PIN"))
        self.unlock.setText(self.tr("Unlock"))
        self.unlock.setAccessibleName(self.tr("Unlock"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel"))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def _try(self) -> None:
        if self.unlock.is_busy():
            return
        self.unlock.set_busy(True)
        Op(self._check_pin, self.pin.text()).owner(self).success(self._checked).failure(
            self._check_failed
        ).finally_(lambda: self.unlock.set_busy(False)).run()

    def _checked(self, ok: bool) -> None:
        self.pin.clear()
        if ok:
            self._say("")
            self.accept()
            return
        self._say(self.tr("Wrong PIN."))

    def _check_failed(self, exc: BaseException) -> None:
        self.pin.clear()
        if isinstance(exc, PinLocked):
            total_s = max(1, math.ceil(exc.retry_after_s))
            minutes, seconds = divmod(total_s, 60)
            self._say(
                self.tr("Too many wrong PINs. Try again in %1 min %2 s.")
                .replace("%1", str(minutes))
                .replace("%2", str(seconds))
            )
            return
        self._say(self.tr("The PIN cannot be checked: the keyring is not available."))


class AdminMenu(Overlay):
    """What an employee may do once the PIN was right; Escape is «Вернуться к киоску»."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, card_width_px=PIN_CARD_WIDTH_PX)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.outbox = QPushButton()
        self.exit = QPushButton()
        self.back = QPushButton()
        layout = self.card_layout
        layout.addWidget(self.title)
        for b in (self.outbox, self.exit, self.back):
            b.setMinimumHeight(TOUCH_MIN_PX)
            layout.addWidget(b)
        self.back.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Employee menu"))
        self.title.setText(self.tr("Employee menu"))
        for b, text in (
            (self.outbox, self.tr("Outbox")),
            (self.exit, self.tr("Exit the application")),
            (self.back, self.tr("Back to the kiosk")),
        ):
            b.setText(text)
            b.setAccessibleName(text)


class OutboxOverlay(Overlay):
    """The outbox panel for an employee, over the kiosk; «Закрыть» or Escape closes it."""

    def __init__(
        self,
        outbox: Outbox | None,
        parent: QWidget,
        retried: Callable[[], None] = lambda: None,
    ) -> None:
        from ui.clerk_panel import OutboxPanel  # the kiosk stack: imported after opening

        super().__init__(parent, card_width_px=OVERLAY_WIDE_CARD_WIDTH_PX)
        self.panel = OutboxPanel(outbox, self.card, retried=retried)
        self.panel.setMinimumHeight(OUTBOX_LIST_MIN_PX)
        for button in (self.panel.retry, self.panel.drop, self.panel.refresh):
            button.setMinimumHeight(TOUCH_MIN_PX)  # the clerk's 34 px are no kiosk targets
        self.close_button = QPushButton()
        self.close_button.setObjectName("secondary")
        self.close_button.setMinimumHeight(TOUCH_MIN_PX)
        self.close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        self.card_layout.addWidget(self.panel)  # the panel heads itself «Очередь отправки»
        self.card_layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Outbox"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))


class KioskLock(QObject):
    """Keeps ``window`` full screen and open until an employee unlocks it.

    ``quit_app`` runs after the window closed (``QApplication.quit`` by default).
    ``exit_allowed`` is False until a correct PIN and "Exit the application".
    ``pin_dialog``/``menu`` are the open dialogs (or None), for tests and callers.
    """

    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        check_pin: Callable[[str], bool],
        *,
        outbox: Outbox | None = None,
        quit_app: Callable[[], None] = QApplication.quit,
    ) -> None:
        super().__init__(window)
        self._quit_app = quit_app
        self._window = window
        self._check_pin = check_pin
        self._outbox = outbox
        self._retried: Callable[[], None] = lambda: None
        self.exit_allowed = False
        self.pin_dialog: AdminPinDialog | None = None
        self.menu: AdminMenu | None = None
        self.outbox_dialog: OutboxOverlay | None = None
        self._taps: list[int] = []
        self._tap_clock = QElapsedTimer()
        self._tap_clock.start()
        self._tap_targets: set[QObject] = set()
        window.installEventFilter(self)
        app = QApplication.instance()
        assert app is not None, "KioskLock needs a QApplication"
        app.installEventFilter(self)

    def apply(self) -> None:
        """Frameless, on top, full screen."""
        self._window.setWindowFlags(
            self._window.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self._window.showFullScreen()

    def watch_secret_taps(self, widget: QWidget) -> None:
        """Five taps on ``widget`` within three seconds open the PIN dialog."""
        self._tap_targets.add(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self._window and not self.exit_allowed:
            event.ignore()
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            mods = event.modifiers()
            if event.key() == Qt.Key.Key_F4 and mods & Qt.KeyboardModifier.AltModifier:
                return not self.exit_allowed
            ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            if (
                kind == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_A
                and (mods & ctrl_alt) == ctrl_alt
            ):
                self.request_admin()
                return True
        if kind == QEvent.Type.MouseButtonPress and watched in self._tap_targets:
            self._tapped()
        return False

    def _tapped(self) -> None:
        now = self._tap_clock.elapsed()
        self._taps = [t for t in self._taps if now - t <= SECRET_TAPS_WINDOW_MS] + [now]
        if len(self._taps) >= SECRET_TAPS:
            self._taps.clear()
            self.request_admin()

    def request_admin(self) -> None:
        """Open the PIN dialog (does nothing while one is open)."""
        if self.pin_dialog is not None:
            if self.pin_dialog.isVisible():
                return
            self.pin_dialog.deleteLater()
        self.pin_dialog = AdminPinDialog(self._check_pin, self._window)
        self.pin_dialog.accepted.connect(self._open_menu)
        self.pin_dialog.open()

    def _open_menu(self) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = AdminMenu(self._window)
        self.menu.exit.clicked.connect(self.exit_application)
        self.menu.outbox.clicked.connect(self.show_outbox)
        self.menu.open()

    def set_outbox(self, outbox: Outbox | None, retried: Callable[[], None] = lambda: None) -> None:
        """The lock is applied before the terminal opens; its outbox (and the sync
        worker's ``wake``, for a retried entry) arrive later."""
        self._outbox = outbox
        self._retried = retried

    def show_outbox(self) -> None:
        if self.menu is not None:
            self.menu.accept()
        if self.outbox_dialog is not None:
            self.outbox_dialog.deleteLater()
        dialog = OutboxOverlay(self._outbox, self._window, self._retried)
        self.outbox_dialog = dialog
        dialog.open()
        dialog.panel.reload()

    def exit_application(self) -> None:
        """Let the window close, close it, and quit."""
        self.exit_allowed = True
        self.unlocked.emit()
        if self.menu is not None:
            self.menu.accept()
        self._window.close()
        QTimer.singleShot(0, self._quit_app)
