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
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin_pin import PinLocked
from ui.background import Op
from ui.widgets.busy_button import BusyButton
from ui.widgets.keypad import DigitKeypad

if TYPE_CHECKING:
    from kiosk.outbox import Outbox

SECRET_TAPS = 5
SECRET_TAPS_WINDOW_MS = 3000
TOUCH_MIN_PX = 64
ERROR_COLOUR = "#b3261e"
DIALOG_MARGINS_PX = (32, 24, 32, 24)


class AdminPinDialog(QDialog):
    """Asks the admin PIN; ``accepted`` only after ``check_pin`` said yes.

    ``check_pin`` runs off the GUI thread; it may raise ``PinLocked``, which the
    dialog shows as the wait left. The dialog keeps no count of its own."""

    def __init__(self, check_pin: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check_pin = check_pin
        self.setModal(True)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(TOUCH_MIN_PX)
        self.keypad = DigitKeypad(self)
        self.keypad.bind(self.pin)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message.setWordWrap(True)
        self.unlock = BusyButton()
        self.cancel = QPushButton()
        for b in (self.unlock, self.cancel):
            b.setMinimumHeight(TOUCH_MIN_PX)
        self.unlock.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.unlock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS_PX)
        layout.setSpacing(12)
        for w in (self.title, self.pin, self.keypad, self.message):
            layout.addWidget(w)
        layout.addLayout(buttons)
        self.message.hide()
        self.unlock.clicked.connect(self._try)
        self.cancel.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Employee access"))
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


class AdminMenu(QDialog):
    """What an employee may do once the PIN was right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.title = QLabel()  # the kiosk is frameless: the window title is never seen
        self.title.setObjectName("dialogTitle")
        self.outbox = QPushButton()
        self.exit = QPushButton()
        self.back = QPushButton()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*DIALOG_MARGINS_PX)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        for b in (self.outbox, self.exit, self.back):
            b.setMinimumHeight(TOUCH_MIN_PX)
            layout.addWidget(b)
        self.back.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Employee menu"))
        self.title.setText(self.tr("Employee menu"))
        for b, text in (
            (self.outbox, self.tr("Outbox")),
            (self.exit, self.tr("Exit the application")),
            (self.back, self.tr("Back to the kiosk")),
        ):
            b.setText(text)
            b.setAccessibleName(text)


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
        self.exit_allowed = False
        self.pin_dialog: AdminPinDialog | None = None
        self.menu: AdminMenu | None = None
        self.outbox_dialog: QDialog | None = None
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
        if self.pin_dialog is not None and self.pin_dialog.isVisible():
            return
        self.pin_dialog = AdminPinDialog(self._check_pin, self._window)
        self.pin_dialog.accepted.connect(self._open_menu)
        self.pin_dialog.open()

    def _open_menu(self) -> None:
        self.menu = AdminMenu(self._window)
        self.menu.exit.clicked.connect(self.exit_application)
        self.menu.outbox.clicked.connect(self.show_outbox)
        self.menu.open()

    def set_outbox(self, outbox: Outbox | None) -> None:
        """The lock is applied before the terminal opens; its outbox arrives later."""
        self._outbox = outbox

    def show_outbox(self) -> None:
        from ui.clerk_panel import OutboxPanel  # the kiosk stack: imported after opening

        if self.menu is not None:
            self.menu.accept()
        dialog = QDialog(self._window)
        dialog.setWindowTitle(self.tr("Outbox"))
        panel = OutboxPanel(self._outbox, dialog)
        close = QPushButton(self.tr("Close"), dialog)
        close.setAccessibleName(close.text())
        close.setMinimumHeight(TOUCH_MIN_PX)
        close.clicked.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(panel)
        layout.addWidget(close)
        dialog.resize(720, 520)
        self.outbox_dialog = dialog
        dialog.open()
        panel.reload()

    def exit_application(self) -> None:
        """Let the window close, close it, and quit."""
        self.exit_allowed = True
        self.unlocked.emit()
        if self.menu is not None:
            self.menu.accept()
        self._window.close()
        QTimer.singleShot(0, self._quit_app)
