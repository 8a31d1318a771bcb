"""The logged-in client's insurance contracts: active ones, then past ones, as cards.

Loaded off the GUI thread each time the screen opens; premiums are shown in
tenge the way the current language writes money (``125 000,00 ₸`` in ru/kk,
``₸125,000.00`` in en). One card per contract (``ui.widgets.cards``): its
number, state, product, period and premium; an active one carries «Заявить о
страховом случае» for itself, so nothing has to be selected first. The cards
scroll (with a finger at a kiosk) between the title and the action bar, which
stays put; no contracts is a sentence with what to do, not an empty heading.
"Log out" forgets the session and every value.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QVBoxLayout, QWidget

from kiosk.api_types import Contract
from kiosk.flows.login import LoginOutcome, LoginStep
from ui import i18n
from ui.design import GOOD, GRID_PX, MUTED, NAVY, ON_RED, STATE_ICON_KIOSK_PX, STATE_ICON_PX
from ui.screens.base import SCREEN_MARGINS_PX, AppContext, Screen, named
from ui.screens.messages import error_text
from ui.widgets.cards import Card, CardColumn, EmptyState, centred_column, scrolling_cards
from ui.widgets.icons import set_button_icon

CURRENCY_SIGNS: dict[str, str] = {"KZT": "₸"}
NBSP = "\u00a0"


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
    """Size ``table`` to its rows, so a short list leaves no empty box (the claim page's)."""
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
        self._shown: tuple[object, ...] = ()
        self.title = named(QLabel(), "screenTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.active_title = named(QLabel(), "sectionTitle")
        self.past_title = named(QLabel(), "sectionTitle")
        self.active_cards = CardColumn()
        self.past_cards = CardColumn()
        self.empty = EmptyState("file-text", self.kiosk_mode)
        self.claim_buttons: list[QPushButton] = []
        self.refresh = named(QPushButton(), "secondary")
        self.my_claims = named(QPushButton(), "secondary")
        self.log_out = named(QPushButton(), "primary")
        self.close_account = named(QPushButton(), "secondary")  # issue 11: the client's choice
        self.touch(self.refresh, self.log_out, self.my_claims, self.close_account)
        icon_px = STATE_ICON_KIOSK_PX if self.kiosk_mode else STATE_ICON_PX
        set_button_icon(self.refresh, "refresh-cw", NAVY, icon_px)
        set_button_icon(self.my_claims, "clipboard-list", NAVY, icon_px)
        set_button_icon(self.log_out, "log-out", ON_RED, icon_px)
        scroll, cards = scrolling_cards(self.kiosk_mode)
        self.cards_scroll = scroll
        for widget in (
            self.active_title,
            self.active_cards,
            self.past_title,
            self.past_cards,
            self.empty,
        ):
            cards.addWidget(widget)
        # actions about the account itself (not a contract) go here, under the cards
        self.account_actions = QVBoxLayout()
        self.account_actions.setContentsMargins(0, 2 * GRID_PX, 0, 0)
        self.account_actions.addWidget(self.close_account, 0, Qt.AlignmentFlag.AlignLeft)
        cards.addLayout(self.account_actions)
        cards.addStretch(1)
        layout = centred_column(self, SCREEN_MARGINS_PX)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh)
        buttons.addWidget(self.my_claims)
        buttons.addStretch(1)
        buttons.addWidget(self.log_out)
        layout.addLayout(buttons)
        self.disable_while_busy(self.refresh)
        self.set_default_button(self.log_out)
        self.refresh.clicked.connect(self._load)
        self.log_out.clicked.connect(self.ctx.navigator.go_home)
        self.my_claims.clicked.connect(self._show_claims)
        self.close_account.clicked.connect(self._close_account)
        self.retranslate()

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("My contracts"))
        self.set_label(self.active_title, self.tr("Active contracts"))
        self.set_label(self.past_title, self.tr("Past contracts"))
        self.empty.set_texts(
            self.tr("You have no insurance contracts with us yet."),
            self.tr(
                "Buy a policy on vic.kz or at any Victoria branch: it appears here "
                "as soon as the insurer registers it."
            ),
        )
        self.set_label(self.refresh, self.tr("Refresh"))
        self.set_label(self.log_out, self.tr("Log out"))
        self.set_label(self.my_claims, self.tr("My claims"))
        self.set_label(self.close_account, self.tr("Close «Личный кабинет»"))
        self._fill()

    def status_text(self, contract: Contract) -> str:
        texts = {
            "active": self.tr("In force"),
            "expired": self.tr("Expired"),
            "terminated": self.tr("Terminated"),
        }
        return texts.get(contract.status, contract.status)

    def _card(self, contract: Contract, language: str) -> Card:
        active = contract.status == "active"
        card = Card("shield-check", self.kiosk_mode)
        face = card.face
        face.icon.show_icon("shield-check", NAVY if active else MUTED)
        face.title.setText(contract.number)
        icon = {"active": "circle-check", "expired": "calendar-x"}.get(contract.status, "circle-x")
        face.set_state(icon, GOOD if active else MUTED, self.status_text(contract))
        face.set_line(contract.product)
        period = f"{format_date(contract.starts_on)} – {format_date(contract.ends_on)}"
        premium = format_money(contract.premium_amount, contract.currency, language)
        face.set_facts([(self.tr("Period"), period), (self.tr("Premium"), premium)])
        card.setAccessibleName(contract.number)
        if active:
            button = named(QPushButton(), "secondary")
            self.set_label(button, self.tr("Report an insured event"))
            self.touch(button)
            button.clicked.connect(lambda _=False, c=contract: self._file_claim(c))
            face.action_row.addWidget(button)
            face.action_row.addStretch(1)
            self.claim_buttons.append(button)
        return card

    def _fill(self) -> None:
        language = i18n.current_language()
        active = [c for c in self._contracts if c.status == "active"]
        past = [c for c in self._contracts if c.status != "active"]
        shown = (tuple(self._contracts), language)
        if shown != self._shown:  # a card is never rebuilt under a finger for nothing
            self._shown = shown
            self.claim_buttons = []
            self.active_cards.set_cards([self._card(c, language) for c in active])
            self.past_cards.set_cards([self._card(c, language) for c in past])
        self.active_title.setVisible(bool(active))
        self.active_cards.setVisible(bool(active))
        self.past_title.setVisible(bool(past))
        self.past_cards.setVisible(bool(past))
        self.empty.setVisible(self._loaded and not self._contracts and self._error is None)
        if self._error is not None:
            text = error_text(self._error)
        elif self.busy and not self._loaded:
            text = self.tr("Loading your contracts…")
        else:
            text = ""
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setObjectName("fieldProblem" if self._error else "intro")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def contracts_shown(self, which: str = "active") -> list[list[str]]:
        """The texts of each card of the ``active`` or ``past`` contracts, as shown."""
        column = self.active_cards if which == "active" else self.past_cards
        return column.texts() if column.isVisibleTo(self) else []

    # -- claims (kiosk.flows.claims) ---------------------------------------------------

    def _file_claim(self, contract: Contract) -> None:
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
        if outcome.step is not LoginStep.CONTRACTS:
            return  # the session ended: the navigator shows the login again
        if outcome.error is not None:
            self._error = outcome.error
            self._fill()
        else:
            self.show_contracts(outcome.contracts)

    def show_contracts(self, contracts: Sequence[Contract]) -> None:
        """Show ``contracts`` as the client's, loaded (an empty one: the empty state)."""
        self._contracts, self._loaded, self._error = list(contracts), True, None
        self._fill()
