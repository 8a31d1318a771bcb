"""«Мои заявления»: every claim of the client, newest first, its status in words.

Loaded off the GUI thread each time the screen opens (the central's order is
newest first); tapping a claim's number opens its page (``claim_view``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api_types import Claim
from kiosk.flows.claims import ClaimsOutcome, ClaimStep
from ui.screens.base import AppContext, Screen, named
from ui.screens.claim_texts import local_time, status_text
from ui.screens.claim_view import _table
from ui.screens.contracts import fit_height
from ui.screens.messages import error_text

ROW_HEIGHT_KIOSK_PX = 56
COLUMNS = 5  # the first holds the claim's number as the button that opens it


class ClaimListScreen(Screen):
    name = "claim_list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded = False
        self._error: BaseException | None = None
        self.title = named(QLabel(), "screenTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = _table(COLUMNS)
        if self.kiosk_mode:
            self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT_KIOSK_PX)
        self.open_buttons: list[QPushButton] = []
        self.refresh = named(QPushButton(), "secondary")
        self.back = named(QPushButton(), "primary")
        self.touch(self.refresh, self.back)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        layout.addLayout(buttons)
        self.disable_while_busy(self.refresh)
        self.set_default_button(self.back)
        self.refresh.clicked.connect(self._load)
        self.back.clicked.connect(lambda: self.ctx.navigator.show_screen("contracts"))
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("My claims"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Filed"),
                self.tr("Contract"),
                self.tr("What happened"),
                self.tr("Status"),
            ]
        )
        self.table.setAccessibleName(self.tr("My claims"))
        self.set_label(self.refresh, self.tr("Refresh"))
        self.set_label(self.back, self.tr("My contracts"))
        self._fill()

    def _fill(self) -> None:
        claims = self.ctx.claims.claims if self.ctx.is_open else ()
        for old in self.open_buttons:  # the table deletes them later: gone from view now
            old.hide()
        self.table.clearContents()
        self.table.setRowCount(len(claims))
        self.open_buttons = []
        for row, claim in enumerate(claims):
            cells = (
                "",
                local_time(claim.created_at),
                claim.contract_number,
                self.ctx.claims.kind_title(claim.kind),
                status_text(claim.status),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            button = named(QPushButton(), "secondary")
            self.set_label(button, claim.number)
            button.setToolTip(self.tr("Open the claim"))
            button.clicked.connect(lambda _=False, c=claim: self._open(c))
            self.table.setCellWidget(row, 0, button)
            self.open_buttons.append(button)
        fit_height(self.table)
        self.table.setVisible(bool(claims))
        if self._error is not None:
            text = error_text(self._error)
        elif self.busy and not self._loaded:
            text = self.tr("Loading your claims…")
        elif self._loaded and not claims:
            text = self.tr("You have not filed any claims yet.")
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def claims_shown(self) -> list[list[str]]:
        """The visible rows, cell texts left to right (the number from its button)."""
        rows: list[list[str]] = []
        for r, button in enumerate(self.open_buttons):
            items = [self.table.item(r, c) for c in range(1, COLUMNS)]
            rows.append([button.text(), *(i.text() if i is not None else "" for i in items)])
        return rows

    def on_enter(self) -> None:
        self._load()

    def wipe(self) -> None:
        super().wipe()
        self._loaded, self._error = False, None
        self.table.setRowCount(0)

    def busy_changed(self, busy: bool) -> None:
        self._fill()

    def _load(self) -> None:
        self._error = None
        self.run_blocking(self.ctx.claims.load_claims, done=self._got)

    def _got(self, outcome: ClaimsOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not ClaimStep.CLAIMS:
            return
        self._error = outcome.error
        self._loaded = outcome.error is None
        self._fill()

    def _open(self, claim: Claim) -> None:
        self.ctx.navigator.follow(self.ctx.claims.open_claim(claim))
