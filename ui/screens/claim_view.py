"""A claim's page: its number, status, documents and history, and how to add documents.

Shown right after filing (with what happens next) and from «Мои заявления».
Documents come from the phone through a one-time link shown as a QR code (a
new link is asked for when one is spent or about to expire), or sent by SMS on
request («Send the link by SMS»: a new link, whose QR code then replaces the
dead one; the button sits under the code, which keeps its place even while it
is hidden, so the button never moves) and, in clerk
mode, from the branch's scanner folder («Добавить файл»: several files at once,
uploaded off the GUI thread with a progress bar for large ones and a sentence
per refused file). While the page is open it asks the central for the claim
every ``POLL_INTERVAL_MS`` (one request at a time, off the GUI thread) and shows
each new document as it arrives; the polling stops when the page closes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.api_types import Claim
from kiosk.flows.claims import ClaimsOutcome
from ui import i18n
from ui.background import Op
from ui.design import MUTED
from ui.screens.base import AppContext, Screen, named
from ui.screens.claim_list import STATUS_ICONS
from ui.screens.claim_texts import (
    link_sms_text,
    local_time,
    size_text,
    status_text,
    upload_error_text,
)
from ui.screens.contracts import format_money
from ui.screens.messages import set_good_news
from ui.widgets.busy_button import BusyButton
from ui.widgets.qr_code import QrCode
from ui.widgets.row_list import Row, RowList

POLL_INTERVAL_MS = 3000
LINK_RENEW_BEFORE_S = 30  # ask for a new link this long before the old one expires
PROGRESS_MIN_BYTES = 1024 * 1024  # a batch this large shows a progress bar
QR_SIZE_PX = 240
QR_SIZE_KIOSK_PX = 300
SIDE_WIDTH_PX = 340
SIDE_WIDTH_KIOSK_PX = 420


class UploadSignals(QObject):
    """Carries an upload's progress from the worker thread to the GUI thread."""

    progress = Signal(str, int, int)


class ClaimViewScreen(Screen):
    name = "claim_view"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._polling = False
        self._asking_link = False
        self._known_documents = -1
        self._upload_note = ""
        self._sms_note = ""
        self._sms_sent = False
        self.signals = UploadSignals(self)
        self.signals.progress.connect(self._progress)
        self.title = named(QLabel(), "screenTitle")
        self.status = named(QLabel(), "fieldLabel")
        self.next_steps = named(QLabel(), "intro")
        self.details = QLabel()
        self.documents_title = named(QLabel(), "fieldLabel")
        self.documents = RowList(self.kiosk_mode)
        self.no_documents = named(QLabel(), "muted")
        self.add_files = named(BusyButton(), "secondary")
        self.add_files.setVisible(not self.kiosk_mode)
        self.add_files.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.upload_result = QLabel()
        self.history_title = named(QLabel(), "fieldLabel")
        self.history = RowList(self.kiosk_mode, timeline=True)
        for label in (self.title, self.next_steps, self.details, self.upload_result):
            label.setWordWrap(True)
        self.upload_result.setObjectName("fieldProblem")

        self.phone_title = named(QLabel(), "fieldLabel")
        self.phone_title.setWordWrap(True)  # the side column is narrow; kk/longer text wraps
        self.qr = QrCode(size_px=QR_SIZE_KIOSK_PX if self.kiosk_mode else QR_SIZE_PX)
        self.qr.setAccessibleName("QR")
        self.send_sms = named(BusyButton(), "secondary")
        self.sms_note = named(QLabel(), "fieldProblem")
        self.sms_note.setWordWrap(True)
        self.phone_hint = QLabel()
        self.phone_hint.setWordWrap(True)

        self.to_contracts = named(QPushButton(), "secondary")
        self.to_claims = named(QPushButton(), "primary")
        self.touch(self.add_files, self.send_sms, self.to_contracts, self.to_claims)

        left_host = QWidget()
        left = QVBoxLayout(left_host)
        left.setContentsMargins(0, 0, 8, 0)  # room for the scroll bar
        left.setSpacing(6)
        for w in (self.title, self.status, self.next_steps, self.details):
            left.addWidget(w)
        left.addSpacing(6)
        left.addWidget(self.documents_title)
        left.addWidget(self.documents)
        left.addWidget(self.no_documents)
        files_row = QHBoxLayout()
        files_row.addWidget(self.add_files)
        files_row.addWidget(self.progress, 1)
        files_row.addStretch(1)
        left.addLayout(files_row)
        left.addWidget(self.upload_result)
        left.addSpacing(6)
        left.addWidget(self.history_title)
        left.addWidget(self.history)
        left.addStretch(1)
        side_host = named(QWidget(), "card")
        side_host.setFixedWidth(SIDE_WIDTH_KIOSK_PX if self.kiosk_mode else SIDE_WIDTH_PX)
        side = QVBoxLayout(side_host)
        side.addWidget(self.phone_title)
        side.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.send_sms)
        side.addWidget(self.sms_note)
        side.addWidget(self.phone_hint)
        side.addStretch(1)
        # up to 20 documents and the history: the column scrolls (a finger drags it
        # at a kiosk) while the phone's card and the action bar stay where they are
        self.left_scroll = QScrollArea()
        self.left_scroll.setWidgetResizable(True)
        self.left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll.setWidget(left_host)
        if self.kiosk_mode:
            QScroller.grabGesture(
                self.left_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
            )
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addWidget(self.left_scroll, 1)
        columns.addWidget(side_host)
        buttons = QHBoxLayout()
        buttons.addWidget(self.to_contracts)
        buttons.addStretch(1)
        buttons.addWidget(self.to_claims)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)

        self.set_default_button(self.to_claims)
        self.disable_while_busy(self.to_contracts, self.to_claims)
        self.add_files.clicked.connect(self._choose_files)
        self.send_sms.clicked.connect(self._send_sms)
        self.to_contracts.clicked.connect(lambda: self.ctx.navigator.show_screen("contracts"))
        self.to_claims.clicked.connect(self._to_claims)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_INTERVAL_MS)
        self.timer.timeout.connect(self._poll)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.documents_title, self.tr("Documents"))
        self.set_label(self.no_documents, self.tr("No documents yet."))
        self.set_label(self.add_files, self.tr("Add a file"))
        self.set_label(self.history_title, self.tr("History"))
        self.set_label(self.phone_title, self.tr("Add documents from your phone"))
        self.set_label(self.send_sms, self.tr("Send the link by SMS"))
        self.documents.setAccessibleName(self.tr("Documents"))
        self.history.setAccessibleName(self.tr("History"))
        self.set_label(self.to_contracts, self.tr("My contracts"))
        self.set_label(self.to_claims, self.tr("My claims"))
        self._render()

    def _render(self) -> None:
        claim = self.ctx.claims.claim if self.ctx.is_open else None
        if claim is None:
            self.title.clear()
            return
        flow = self.ctx.claims
        self.set_label(self.title, self.tr("Claim %1").replace("%1", claim.number))
        self.set_label(self.status, self.tr("Status: %1").replace("%1", status_text(claim.status)))
        self.set_label(
            self.next_steps,
            self.tr(
                "We have received your claim and sent its number to you by SMS and email. "
                "What happens next: the insurer reviews it and tells you of each step by SMS and "
                "email; if documents are missing, you will be told which. Add photos of the "
                "damage and any documents now, or later from «My claims»."
            )
            if flow.just_filed
            else "",
        )
        self.next_steps.setVisible(flow.just_filed)
        details = self.tr("Contract %1 · %2 · event on %3").replace("%1", claim.contract_number)
        details = details.replace("%2", flow.kind_title(claim.kind))
        details = details.replace("%3", f"{claim.event_date:%d.%m.%Y}")
        if claim.place:
            details += f" · {claim.place}"
        self.set_label(self.details, details)
        self._fill_documents(claim)
        self._fill_history(claim)
        self._render_phone(claim)
        self.add_files.setEnabled(not claim.decided and not self.busy)
        self.add_files.setVisible(not self.kiosk_mode and not claim.decided)
        self.set_label(self.upload_result, self._upload_note)
        self.upload_result.setVisible(bool(self._upload_note))

    def _fill_documents(self, claim: Claim) -> None:
        self.documents.set_rows(
            [
                Row("file-text", doc.name, size_text(doc.size), local_time(doc.added_at))
                for doc in claim.documents
            ]
        )
        self.no_documents.setVisible(not claim.documents)
        self.set_label(
            self.documents_title, self.tr("Documents (%1)").replace("%1", str(len(claim.documents)))
        )

    def _fill_history(self, claim: Claim) -> None:
        language = i18n.current_language()
        entries = list(reversed(claim.history))  # the latest first
        rows = []
        for entry in entries:
            note = entry.note or ""
            if entry.amount is not None:
                amount = format_money(entry.amount, "KZT", language)
                note = f"{amount}. {note}".strip(" .") if note else amount
            icon, colour = STATUS_ICONS.get(entry.status, ("circle", MUTED))
            rows.append(Row(icon, status_text(entry.status), note, local_time(entry.at), colour))
        self.history.set_rows(rows)

    def _render_phone(self, claim: Claim) -> None:
        link = self.ctx.claims.link
        keep = self.qr.sizePolicy()
        keep.setRetainSizeWhenHidden(not claim.decided)  # the button under it stays put
        self.qr.setSizePolicy(keep)
        self.send_sms.setVisible(not claim.decided)
        self.send_sms.setEnabled(not self.busy and not self._asking_link)
        self.set_label(self.sms_note, self._sms_note)
        set_good_news(self.sms_note, self._sms_sent)
        self.sms_note.setVisible(bool(self._sms_note) and not claim.decided)
        if claim.decided:
            self.qr.set_text("")
            self.qr.setVisible(False)
            hint = self.tr("A decision has been made on this claim: it takes no more documents.")
        elif link is None:
            self.qr.set_text("")
            self.qr.setVisible(False)
            hint = self.tr("Preparing the link for your phone…")
        else:
            if self.qr.text() != link.url:
                self.qr.set_text(link.url)
            self.qr.setVisible(True)
            hint = self.tr(
                "Point your phone's camera at the code: a page opens where you take or pick "
                "photos of the damage and documents. Each one appears here within seconds. "
                "The code works for 15 minutes."
            )
        self.set_label(self.phone_hint, hint)

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        claim = self.ctx.claims.claim
        self._known_documents = len(claim.documents) if claim else -1
        self._upload_note = ""
        self._sms_note, self._sms_sent = "", False
        self.progress.setVisible(False)
        self._render()
        self._ask_link()
        self.timer.start()

    def on_leave(self) -> None:
        self.timer.stop()

    def wipe(self) -> None:
        super().wipe()
        self.timer.stop()
        self.qr.set_text("")
        self._upload_note = ""
        self._sms_note, self._sms_sent = "", False
        self._known_documents = -1
        self.documents.set_rows([])
        self.history.set_rows([])

    def _showing(self) -> bool:
        return self.ctx.navigator.current_screen() is self

    def _apply(self, outcome: ClaimsOutcome) -> bool:
        """Apply a poll's or a link's outcome only while this page shows (or the
        session ended): a late answer never pulls the client back here."""
        if not (outcome.ended or self._showing()):
            return False
        return self.ctx.navigator.apply(outcome) and outcome.sent

    def _to_claims(self) -> None:
        self.ctx.navigator.follow(self.ctx.claims.to_list())

    def busy_changed(self, busy: bool) -> None:
        if not busy:
            self.add_files.set_busy(False)
            self.send_sms.set_busy(False)
            self.progress.setVisible(False)
        self._render()

    # -- the phone -------------------------------------------------------------------

    def _ask_link(self) -> None:
        claim = self.ctx.claims.claim
        # never beside an SMS request: the later of two links ends the other
        if self._asking_link or self.busy or claim is None or claim.decided:
            return
        self._asking_link = True
        self.send_sms.setEnabled(False)
        Op(self.ctx.claims.new_upload_link).owner(self).success(self._got_link).finally_(
            self._link_done
        ).run()

    def _link_done(self) -> None:
        self._asking_link = False
        self._render()

    def _send_sms(self) -> None:
        if self._asking_link:
            return
        self.ctx.claims.prepare_sms()
        if self.run_blocking(self.ctx.claims.send_link_by_sms, done=self._sms_done):
            self.send_sms.set_busy(True)

    def _sms_done(self, outcome: ClaimsOutcome) -> None:
        if not self._apply(outcome):
            return
        self._sms_sent = outcome.sms_to is not None
        self._sms_note = link_sms_text(outcome.sms_to, outcome.error)
        self._render()

    def _got_link(self, outcome: ClaimsOutcome) -> None:
        if self._apply(outcome):
            self._render()

    def _poll(self) -> None:
        if self._polling or not self._showing():
            return
        self._polling = True
        Op(self.ctx.claims.refresh_claim).owner(self).success(self._polled).finally_(
            self._poll_done
        ).run()

    def _poll_done(self) -> None:
        self._polling = False

    def _polled(self, outcome: ClaimsOutcome) -> None:
        if not self._apply(outcome):
            return
        claim = self.ctx.claims.claim
        link = self.ctx.claims.link
        if claim is not None:
            grew = len(claim.documents) > self._known_documents
            self._known_documents = len(claim.documents)
            soon = datetime.now(UTC) + timedelta(seconds=LINK_RENEW_BEFORE_S)
            if grew or link is None or link.expires_at <= soon:
                self._ask_link()  # the phone's upload spent the link, or it runs out
        self._render()

    # -- the branch's scanner folder (clerk mode) ----------------------------------------

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add a file"),
            "",
            self.tr("Photos and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)"),
        )
        if not names:
            return
        paths = [Path(n) for n in names]
        total = sum(p.stat().st_size for p in paths if p.is_file())
        self._upload_note = ""
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(total >= PROGRESS_MIN_BYTES)
        self.add_files.set_busy(True)
        self.run_blocking(
            self.ctx.claims.upload, paths, self.signals.progress.emit, done=self._uploaded
        )

    def _progress(self, name: str, sent: int, total: int) -> None:
        self.progress.setFormat(f"{name}: %p%")
        self.progress.setValue(int(100 * sent / total) if total else 100)

    def _uploaded(self, outcome: ClaimsOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        refused = [r for r in outcome.uploads if r.error is not None]
        added = len(outcome.uploads) - len(refused)
        lines = [upload_error_text(r.name, r.error) for r in refused if r.error is not None]
        if added and refused:
            lines.insert(0, self.tr("Files added: %1.").replace("%1", str(added)))
        self._upload_note = "\n".join(lines)
        claim = self.ctx.claims.claim
        if claim is not None:
            self._known_documents = len(claim.documents)
        self._render()
