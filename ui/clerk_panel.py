"""Clerk mode: the operator of the shift, the day's registrations, and the outbox.

At the start of a shift the clerk's operator id is asked once
(``ui.operator_dialog.OperatorDialog``, a module of its own because it is shown
before the terminal has opened) and handed to the registration flow, so the
central records who registered whom.
The side panel lists this terminal's registrations of the day (masked, kept in
memory only) and the outbox, with Retry and Drop; every outbox call runs
through ``ui.background`` because it touches the disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.flows.registration import RegistrationOutcome, Step
from kiosk.outbox import Outbox
from kiosk.outbox.schema import EntryView
from ui.background import Op
from ui.operator_dialog import OperatorDialog
from ui.screens.messages import error_text
from vic_rules.email import mask_email
from vic_rules.phone import mask_phone

__all__ = ["ClerkPanel", "OperatorDialog", "OutboxPanel"]

RECORDED_STEPS = (Step.DONE, Step.ALREADY_REGISTERED, Step.SAVED_OFFLINE)
PANEL_MIN_WIDTH_PX = 360  # masked phone and email on one line; 1024 px still fit every screen


def one_entry_per_row(lst: QListWidget) -> None:
    """Long entries wrap inside the narrow panel instead of scrolling sideways."""
    lst.setWordWrap(True)
    lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lst.setTextElideMode(Qt.TextElideMode.ElideMiddle)


@dataclass(frozen=True)
class TodayEntry:
    at: datetime
    phone_masked: str
    email_masked: str
    step: Step


class OutboxPanel(QWidget):
    """The outbox's entries (masked) with Retry and Drop; ``reload()`` to refresh.

    ``count_changed(int)`` carries the number of entries not yet delivered.
    """

    count_changed = Signal(int)

    def __init__(self, outbox: Outbox | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._busy = False
        self._armed_drop: str | None = None
        self.title = QLabel()
        self.title.setObjectName("fieldLabel")
        self.list = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.retry = QPushButton()
        self.drop = QPushButton()
        self.refresh = QPushButton()
        one_entry_per_row(self.list)
        # Drop on a row of its own: its text grows to "Confirm drop", and it loses a client
        buttons = QGridLayout()
        buttons.addWidget(self.retry, 0, 0)
        buttons.addWidget(self.refresh, 0, 1)
        buttons.addWidget(self.drop, 1, 0, 1, 2)
        for b in (self.retry, self.drop, self.refresh):
            b.setMinimumHeight(34)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retry.clicked.connect(self._retry)
        self.drop.clicked.connect(self._drop)
        self.refresh.clicked.connect(self.reload)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Outbox"))
        self.list.setAccessibleName(self.tr("Outbox"))
        for button, text in (
            (self.retry, self.tr("Retry")),
            (self.drop, self.tr("Confirm drop") if self._armed_drop else self.tr("Drop")),
            (self.refresh, self.tr("Refresh")),
        ):
            button.setText(text)
            button.setAccessibleName(text)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _selected_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        selected = self._selected_id() is not None and not self._busy
        self.retry.setEnabled(selected)
        self.drop.setEnabled(selected)
        self.refresh.setEnabled(not self._busy and self._outbox is not None)

    def _selection_changed(self, *_: object) -> None:
        self._armed_drop = None
        self.retranslate()

    def entry_text(self, e: EntryView) -> str:
        states = {
            "pending": self.tr("waiting"),
            "delivered": self.tr("delivered"),
            "needs_attention": self.tr("needs attention"),
        }
        who = " · ".join(x for x in (e.phone_masked, e.email_masked) if x)
        line = f"{e.created_at.astimezone():%d.%m %H:%M}  {states.get(e.state, e.state)}\n{who}"
        if e.last_error and e.state != "delivered":
            line += "\n" + e.last_error
        return line

    def _run(self, fn: Callable[[str], None], entry_id: str) -> None:
        if self._outbox is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        Op(fn, entry_id).owner(self).success(self._then_reload).failure(self._failed).finally_(
            self._done
        ).run()

    def _then_reload(self, _: None) -> None:
        QTimer.singleShot(0, self.reload)  # after this op's finally_ has cleared busy

    def _done(self) -> None:
        self._busy = False
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def reload(self) -> None:
        """Fetch the entries off the GUI thread and show them."""
        if self._outbox is None or self._busy:
            return
        self._busy = True
        self._update_buttons()
        Op(self._outbox.entries).owner(self).success(self._show).failure(self._failed).finally_(
            self._done
        ).run()

    def _show(self, entries: list[EntryView]) -> None:
        keep = self._selected_id()
        self.list.clear()
        waiting = [e for e in entries if e.state != "delivered"]
        for e in waiting:
            item = QListWidgetItem(self.entry_text(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
            if e.id == keep:
                self.list.setCurrentItem(item)
        self.message.setText("" if waiting else self.tr("Nothing is waiting to be sent."))
        self.count_changed.emit(len(waiting))

    def _retry(self) -> None:
        entry_id = self._selected_id()
        if entry_id is not None and self._outbox is not None:
            self._run(self._outbox.retry, entry_id)

    def _drop(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None or self._outbox is None:
            return
        if self._armed_drop != entry_id:
            self._armed_drop = entry_id  # a second press confirms: dropping loses the client
            self.message.setText(
                self.tr("Dropping deletes this registration for good. Press again to confirm.")
            )
            self.retranslate()
            return
        self._armed_drop = None
        self.retranslate()
        self._run(self._outbox.drop, entry_id)


class ClerkPanel(QWidget):
    """The side panel of clerk mode; ``record`` follows the window's applied outcomes."""

    def __init__(
        self, outbox: Outbox | None, operator: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._operator = operator
        self._today: list[TodayEntry] = []
        self.operator_label = QLabel()
        self.today_title = QLabel()
        self.today_title.setObjectName("fieldLabel")
        self.today_list = QListWidget()
        one_entry_per_row(self.today_list)
        self.outbox_panel = OutboxPanel(outbox)
        layout = QVBoxLayout(self)
        layout.addWidget(self.operator_label)
        layout.addWidget(self.today_title)
        layout.addWidget(self.today_list, 1)
        layout.addWidget(self.outbox_panel, 1)
        self.setMinimumWidth(PANEL_MIN_WIDTH_PX)
        self.retranslate()

    def retranslate(self) -> None:
        self.operator_label.setText(self.tr("Operator: %1").replace("%1", self._operator))
        self.today_title.setText(
            self.tr("Registrations today: %1").replace("%1", str(len(self._today)))
        )
        self.today_list.setAccessibleName(self.tr("Registrations today"))
        outcomes = {
            Step.DONE: self.tr("registered"),
            Step.ALREADY_REGISTERED: self.tr("already registered"),
            Step.SAVED_OFFLINE: self.tr("saved, will be sent"),
        }
        self.today_list.clear()
        today = datetime.now().date()
        for e in reversed(self._today):
            if e.at.date() == today:
                self.today_list.addItem(
                    f"{e.at:%H:%M}  {outcomes[e.step]}\n{e.phone_masked} · {e.email_masked}"
                )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_operator(self, operator: str) -> None:
        self._operator = operator
        self.retranslate()

    def record(self, outcome: object) -> None:
        """Note a registration that reached an outcome (masked, memory only).

        Connected to ``MainWindow.outcome_applied``: each applied outcome
        arrives once, so nothing is counted twice; others are ignored.
        """
        if not isinstance(outcome, RegistrationOutcome) or outcome.step not in RECORDED_STEPS:
            return
        if not outcome.phone or not outcome.email:
            return
        entry = TodayEntry(
            datetime.now(), mask_phone(outcome.phone), mask_email(outcome.email), outcome.step
        )
        self._today.append(entry)
        self.retranslate()
        if outcome.step is Step.SAVED_OFFLINE:
            self.outbox_panel.reload()
