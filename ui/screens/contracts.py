"""The logged-in client's insurance contracts: active ones, then past ones.

Loaded off the GUI thread each time the screen opens; premiums are shown in
tenge the way the current language writes money (``125 000,00 ₸`` in ru/kk,
``₸125,000.00`` in en). "Log out" forgets the session and every value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.api_types import Contract
from kiosk.flows.login import LoginOutcome, LoginStep
from ui import i18n
from ui.screens.base import AppContext, Screen
from ui.screens.messages import error_text

CURRENCY_SIGNS: dict[str, str] = {"KZT": "₸"}
NBSP = "\u00a0"
ROW_HEIGHT_KIOSK_PX = 48


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """``amount`` with two decimals, grouped thousands and the currency sign."""
    sign = CURRENCY_SIGNS.get(currency.upper(), currency.upper())
    whole, _, cents = f"{amount.quantize(Decimal('0.01')):,.2f}".partition(".")
    if language == "en":
        return f"{sign}{whole}.{cents}"
    return f"{whole.replace(',', NBSP)},{cents}{NBSP}{sign}"


def format_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def fit_height(table: QTableWidget) -> None:
    """Size ``table`` to its rows, so a short list leaves no empty box."""
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    frame = 2 * table.frameWidth()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + frame)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class ContractsScreen(Screen):
    name = "contracts"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._contracts: list[Contract] = []
        self._loaded = False
        self._error: BaseException | None = None
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.active_title = QLabel()
        self.active_title.setObjectName("fieldLabel")
        self.past_title = QLabel()
        self.past_title.setObjectName("fieldLabel")
        self.active_table = self._make_table()
        self.past_table = self._make_table()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.refresh = QPushButton()
        self.log_out = QPushButton()
        self.log_out.setObjectName("primary")
        self.claim_button = QPushButton()  # for the selected active contract
        self.my_claims = QPushButton()
        self.claim_button.setEnabled(False)
        self.close_account = QPushButton()  # issue 11: closing is the client's own choice
        self.close_account.setObjectName("secondary")
        self.active_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.active_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.active_table.itemSelectionChanged.connect(self._selection_changed)
        self.touch(self.refresh, self.log_out, self.claim_button, self.my_claims)
        self.touch(self.close_account)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.active_title)
        layout.addWidget(self.active_table)
        layout.addSpacing(12)
        layout.addWidget(self.past_title)
        layout.addWidget(self.past_table)
        layout.addSpacing(12)
        layout.addWidget(self.close_account, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh)
        buttons.addWidget(self.my_claims)
        buttons.addWidget(self.claim_button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_out)
        layout.addLayout(buttons)
        self.disable_while_busy(self.refresh)
        self.set_default_button(self.log_out)
        self.refresh.clicked.connect(self._load)
        self.log_out.clicked.connect(self.ctx.navigator.go_home)
        self.claim_button.clicked.connect(self._file_claim)
        self.my_claims.clicked.connect(self._show_claims)
        self.close_account.clicked.connect(self._close_account)
        self.retranslate()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if self.kiosk_mode:
            table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT_KIOSK_PX)
        return table

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("My contracts"))
        self.active_title.setText(self.tr("Active contracts"))
        self.past_title.setText(self.tr("Past contracts"))
        headers = [self.tr("Number"), self.tr("Product"), self.tr("Period"), self.tr("Premium")]
        for table, name in (
            (self.active_table, self.tr("Active contracts")),
            (self.past_table, self.tr("Past contracts")),
        ):
            table.setHorizontalHeaderLabels(headers)
            table.setAccessibleName(name)
        self.set_label(self.refresh, self.tr("Refresh"))
        self.set_label(self.log_out, self.tr("Log out"))
        self.set_label(self.claim_button, self.tr("Report an insured event"))
        self.set_label(self.my_claims, self.tr("My claims"))
        self.set_label(self.close_account, self.tr("Close «Личный кабинет»"))
        self._fill()

    def status_text(self, contract: Contract) -> str:
        texts = {
            "active": self.tr("active"),
            "expired": self.tr("expired"),
            "terminated": self.tr("terminated"),
        }
        return texts.get(contract.status, contract.status)

    def _fill(self) -> None:
        language = i18n.current_language()
        active = [c for c in self._contracts if c.status == "active"]
        past = [c for c in self._contracts if c.status != "active"]
        for table, rows in ((self.active_table, active), (self.past_table, past)):
            table.setRowCount(len(rows))
            for row, c in enumerate(rows):
                period = f"{format_date(c.starts_on)} – {format_date(c.ends_on)}"
                if c.status != "active":
                    period += f" ({self.status_text(c)})"
                cells = [
                    c.number,
                    c.product,
                    period,
                    format_money(c.premium_amount, c.currency, language),
                ]
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column == 3:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    table.setItem(row, column, item)
            fit_height(table)
        if len(active) == 1:
            self.active_table.selectRow(0)  # the one active contract: nothing to pick
        self._selection_changed()
        self.past_title.setVisible(bool(past))
        self.past_table.setVisible(bool(past))
        self.active_table.setVisible(bool(active))
        self.active_title.setVisible(bool(active) or not past)
        if self._error is not None:
            text = error_text(self._error)
        elif self.busy and not self._loaded:
            text = self.tr("Loading your contracts…")
        elif self._loaded and not self._contracts:
            text = self.tr("You have no insurance contracts with us yet.")
        else:
            text = ""
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setObjectName("fieldProblem" if self._error else "intro")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def contracts_shown(self, table: QTableWidget) -> list[list[str]]:
        """The visible rows of ``table``, cell texts left to right."""
        rows: list[list[str]] = []
        for r in range(table.rowCount()):
            items = [table.item(r, c) for c in range(table.columnCount())]
            rows.append([item.text() if item is not None else "" for item in items])
        return rows

    # -- claims (kiosk.flows.claims) ---------------------------------------------------

    def _selected_contract(self) -> Contract | None:
        active = [c for c in self._contracts if c.status == "active"]
        rows = self.active_table.selectionModel().selectedRows()
        return active[rows[0].row()] if rows and rows[0].row() < len(active) else None

    def _selection_changed(self) -> None:
        self.claim_button.setEnabled(self._selected_contract() is not None)

    def _file_claim(self) -> None:
        contract = self._selected_contract()
        if contract is not None:
            self.ctx.navigator.follow(self.ctx.claims.start(contract))

    def _show_claims(self) -> None:
        self.ctx.navigator.follow(self.ctx.claims.to_list())

    def _close_account(self) -> None:
        """What closing means and the password again (``account_closure``)."""
        self.ctx.navigator.follow(self.ctx.closure.begin())

    # -- life cycle ----------------------------------------------------------------

    def on_enter(self) -> None:
        self._load()

    def wipe(self) -> None:
        super().wipe()
        self._contracts, self._loaded, self._error = [], False, None
        self._fill()

    def busy_changed(self, busy: bool) -> None:
        self._fill()

    def _load(self) -> None:
        self._error = None
        self.run_blocking(self.ctx.login.contracts, done=self._got)

    def _got(self, outcome: LoginOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not LoginStep.LOGGED_IN:
            return  # the session ended: the navigator shows the login again
        if outcome.error is not None:
            self._error = outcome.error
        else:
            self._contracts, self._loaded = list(outcome.contracts), True
        self._fill()
