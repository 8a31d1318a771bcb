"""Clerk mode: the operator of the shift, the day's registrations, and the outbox.

At the start of a shift the clerk's operator id is asked once
(``ui.operator_dialog.OperatorDialog``, a module of its own because it is shown
before the terminal has opened) and handed to the registration flow, so the
central records who registered whom.
The side panel lists this terminal's registrations of the day and the outbox,
with Retry and Drop. The day's list lives in ``kiosk.daybook`` (encrypted, masked,
until the end of the day) so a restart keeps it; it follows the window's outcomes
and, every few seconds, the outbox: an offline registration turns «отправлено»
when delivered without the clerk pressing anything. Every outbox or daybook call
runs through ``ui.background`` because it touches the disk and decrypts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.daybook import Daybook, DayEntry, DayOutcome, new_key
from kiosk.flows.registration import RegistrationOutcome, Step
from kiosk.outbox import Outbox
from kiosk.outbox.schema import EntryView
from ui.background import Op
from ui.operator_dialog import OperatorDialog
from ui.screens.messages import error_text
from vic_rules.email import mask_email
from vic_rules.phone import mask_phone

__all__ = ["ClerkPanel", "OperatorDialog", "OutboxPanel"]

DAY_OUTCOMES = {
    Step.DONE: DayOutcome.REGISTERED,
    Step.ALREADY_REGISTERED: DayOutcome.ALREADY_REGISTERED,
    Step.SAVED_OFFLINE: DayOutcome.SAVED,
}
POLL_INTERVAL_MS = 3_000  # how stale the outbox and the day's list may look to the clerk
PANEL_MIN_WIDTH_PX = 360  # masked phone and email on one line; 1024 px still fit every screen


def empty_note() -> QLabel:
    """What an empty list of the panel shows instead of an empty white box."""
    note = QLabel()
    note.setObjectName("emptyNote")
    note.setWordWrap(True)
    return note


def one_entry_per_row(lst: QListWidget) -> None:
    """Long entries wrap inside the narrow panel instead of scrolling sideways."""
    lst.setWordWrap(True)
    lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lst.setTextElideMode(Qt.TextElideMode.ElideMiddle)


# A list widget lays out every row's wrapped text on the GUI thread, and reading
# every entry held the GIL in long row loops: with 10,000 waiting, each refresh
# stopped the event loop for over half a second during a drain. A clerk acts on a
# few entries: the list holds the first of them (``Outbox.waiting``: those that
# need attention before the others) and says how many more are waiting.
LISTED_ENTRIES_MAX = 100


Waiting = tuple[list[EntryView], int]  # ``Outbox.waiting``: the listed entries, how many in all


def _none(_: Sequence[str]) -> list[EntryView]:
    return []


class OutboxPanel(QWidget):
    """The outbox's entries (masked) with Retry and Drop; ``reload()`` to refresh.

    ``count_changed(int)`` carries the number of entries not yet delivered (all of
    them, also those beyond the ``LISTED_ENTRIES_MAX`` the list shows).
    """

    count_changed = Signal(int)

    def __init__(
        self,
        outbox: Outbox | None,
        parent: QWidget | None = None,
        *,
        retried: Callable[[], None] = lambda: None,
    ) -> None:
        """``retried`` is called (off the GUI thread) once an entry was made due:
        the sync worker's ``wake``, so «Повторить» sends now, not at its next look."""
        super().__init__(parent)
        self._outbox = outbox
        self._retried = retried
        self._busy = False
        self._armed_drop: str | None = None
        self.title = QLabel()
        self.title.setObjectName("fieldLabel")
        self.list = QListWidget()
        self.empty = empty_note()
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()
        # what the list shows (id, state, problem of each row) and how many wait in all
        self._shown: list[tuple[str, str, str | None]] | None = None
        self._total = 0
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
        layout.addWidget(self.empty)
        layout.addWidget(self.more)
        layout.addStretch(0)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retry.clicked.connect(self._retry)
        self.drop.clicked.connect(self._drop)
        self.refresh.clicked.connect(self.reload)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Outbox"))
        self.empty.setText(self.tr("Nothing is waiting to be sent."))
        self.empty.setAccessibleName(self.empty.text())
        self.list.setVisible(self.list.count() > 0)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setAccessibleName(self.tr("Outbox"))
        unlisted = max(0, self._total - self.list.count())
        self.more.setText(
            self.tr("%1 more are waiting and not listed.").replace("%1", str(unlisted))
        )
        self.more.setVisible(unlisted > 0)
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
            self._shown = None  # the rows' words too, at the next refresh
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
        Op(self._outbox.waiting, LISTED_ENTRIES_MAX).owner(self).success(self._show).failure(
            self._failed
        ).finally_(self._done).run()

    def show_waiting(self, waiting: Waiting) -> None:
        """Show ``Outbox.waiting``'s answer read elsewhere (the clerk panel's
        poll), unless busy."""
        if not self._busy:
            self._show(waiting)

    def _show(self, waiting: Waiting) -> None:
        listed, total = waiting
        rows: list[tuple[str, str, str | None]] = [(e.id, e.state, e.last_error) for e in listed]
        if rows == self._shown and total == self._total:
            return  # nothing new: the list keeps its rows, its selection and scroll
        self._shown, self._total = rows, total
        keep = self._selected_id()
        self.list.clear()
        self.list.setUpdatesEnabled(False)
        for e in listed:
            item = QListWidgetItem(self.entry_text(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
            if e.id == keep:
                self.list.setCurrentItem(item)
        self.list.setUpdatesEnabled(True)
        if self._armed_drop is None:
            self.message.clear()
        self.retranslate()  # the list's and the note's visibility, the note's count
        self.count_changed.emit(total)

    def _retry(self) -> None:
        entry_id = self._selected_id()
        if entry_id is not None and self._outbox is not None:
            self._run(self._retry_now, entry_id)

    def _retry_now(self, entry_id: str) -> None:
        assert self._outbox is not None
        self._outbox.retry(entry_id)
        self._retried()

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
    """The side panel of clerk mode; ``record`` follows the window's applied outcomes.

    ``daybook`` keeps the day's list across restarts; without one (tests of the
    window alone) the list is kept in memory. ``start()`` begins the live
    updates; ``stop()`` ends them.
    """

    change_operator = Signal()  # «Сменить оператора»: the shell asks for the new one
    # «Исправить email»: the shell opens the email correction of a pending account
    correct_email = Signal()

    def __init__(
        self,
        outbox: Outbox | None,
        operator: str = "",
        daybook: Daybook | None = None,
        parent: QWidget | None = None,
        *,
        poll_interval_ms: int = POLL_INTERVAL_MS,
        retried: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clerkPanel")
        self._operator = operator
        self._outbox = outbox
        self._daybook = daybook
        self._today: tuple[DayEntry, ...] = ()
        self._today_rows: list[str] = []  # what the day's list shows now
        self._polling = False
        self.operator_label = QLabel()
        self.operator_label.setWordWrap(True)
        self.change_operator_button = QPushButton()
        self.change_operator_button.setMinimumHeight(34)
        self.change_operator_button.clicked.connect(self.change_operator)
        self.correct_email_button = QPushButton()
        self.correct_email_button.setMinimumHeight(34)
        self.correct_email_button.clicked.connect(self.correct_email)
        self.today_title = QLabel()
        self.today_title.setObjectName("fieldLabel")
        self.today_list = QListWidget()
        one_entry_per_row(self.today_list)
        self.today_empty = empty_note()
        self.outbox_panel = OutboxPanel(outbox, retried=retried)
        layout = QVBoxLayout(self)
        operator_row = QHBoxLayout()
        operator_row.addWidget(self.operator_label, 1)
        operator_row.addWidget(self.change_operator_button)
        layout.addLayout(operator_row)
        layout.addWidget(self.correct_email_button)
        layout.addWidget(self.today_title)
        layout.addWidget(self.today_list, 1)
        layout.addWidget(self.today_empty)
        layout.addWidget(self.outbox_panel, 1)
        self.setMinimumWidth(PANEL_MIN_WIDTH_PX)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll)
        self.retranslate()

    def start(self) -> None:
        """Show the day's list kept so far and follow the outbox from now on."""
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def outcome_text(self, outcome: DayOutcome) -> str:
        texts = {
            DayOutcome.REGISTERED: self.tr("registered"),
            DayOutcome.ALREADY_REGISTERED: self.tr("already registered"),
            DayOutcome.SAVED: self.tr("saved, will be sent"),
            DayOutcome.SENT: self.tr("sent: the client got the SMS code"),
            DayOutcome.EXISTS_TOLD: self.tr("already registered: told by SMS and email"),
            DayOutcome.NEEDS_ATTENTION: self.tr("not sent: see the outbox"),
        }
        return texts[outcome]

    def retranslate(self) -> None:
        self.operator_label.setText(self.tr("Operator: %1").replace("%1", self._operator))
        self.change_operator_button.setText(self.tr("Change operator"))
        self.change_operator_button.setAccessibleName(self.tr("Change operator"))
        self.correct_email_button.setText(self.tr("Correct the email of a pending account"))
        self.correct_email_button.setAccessibleName(
            self.tr("Correct the email of a pending account")
        )
        self.today_title.setText(
            self.tr("Registrations today: %1").replace("%1", str(len(self._today)))
        )
        self.today_list.setAccessibleName(self.tr("Registrations today"))
        self.today_empty.setText(
            self.tr("No registrations yet today. Each one appears here with its outcome.")
        )
        self.today_empty.setAccessibleName(self.today_empty.text())
        self.today_list.setVisible(bool(self._today))
        self.today_empty.setVisible(not self._today)
        # the newest first, as many as the outbox list holds: the title counts them all
        rows = [
            f"{e.at.astimezone():%H:%M}  {self.outcome_text(e.outcome)}\n"
            f"{e.phone_masked} · {e.email_masked}"
            for e in self._today[::-1][:LISTED_ENTRIES_MAX]
        ]
        if rows != self._today_rows:  # a poll that brought nothing new lays out nothing
            self._today_rows = rows
            self.today_list.clear()
            self.today_list.addItems(rows)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_operator(self, operator: str) -> None:
        self._operator = operator
        self.retranslate()

    def _show_today(self, entries: tuple[DayEntry, ...]) -> None:
        self._today = entries
        self.retranslate()

    def _failed(self, exc: BaseException) -> None:
        self.outbox_panel.message.setText(error_text(exc))

    def record(self, outcome: object) -> None:
        """Note a registration that reached an outcome (masked) in the day's list.

        Connected to ``MainWindow.outcome_applied``: each applied outcome
        arrives once, so nothing is counted twice; others are ignored.
        """
        if not isinstance(outcome, RegistrationOutcome) or outcome.step not in DAY_OUTCOMES:
            return
        if not outcome.phone or not outcome.email:
            return
        key = outcome.outbox_entry_id or outcome.registration_id or new_key()
        phone, email = mask_phone(outcome.phone), mask_email(outcome.email)
        day_outcome = DAY_OUTCOMES[outcome.step]
        if self._daybook is None:
            now = datetime.now().astimezone()
            self._show_today((*self._today, DayEntry(key, now, phone, email, day_outcome)))
        else:
            Op(self._daybook.record, key, phone, email, day_outcome).owner(self).success(
                self._show_today
            ).failure(self._failed).run()
        if outcome.step is Step.SAVED_OFFLINE:
            self.outbox_panel.reload()

    def poll(self) -> None:
        """Read the outbox and bring the day's list up to date, off the GUI thread."""
        if self._polling or (self._outbox is None and self._daybook is None):
            return
        self._polling = True
        Op(self._read_news).owner(self).success(self._show_news).failure(self._failed).finally_(
            self._polled
        ).run()

    def _read_news(self) -> tuple[Waiting | None, tuple[DayEntry, ...] | None]:
        """Worker thread: the outbox's waiting entries and the day's list that follows
        the outbox (both bounded reads, whatever the backlog)."""
        box = self._outbox
        waiting = box.waiting(LISTED_ENTRIES_MAX) if box is not None else None
        if self._daybook is None:
            return waiting, None
        return waiting, self._daybook.follow_outbox(box.views if box is not None else _none)

    def _show_news(self, news: tuple[Waiting | None, tuple[DayEntry, ...] | None]) -> None:
        waiting, today = news
        if waiting is not None:
            self.outbox_panel.show_waiting(waiting)
        if today is not None:
            self._show_today(today)

    def _polled(self) -> None:
        self._polling = False
