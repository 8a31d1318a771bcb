"""«Мои заявления»: every claim of the client, newest first, as cards.

Loaded off the GUI thread each time the screen opens (the central's order is
newest first). One card per claim (``ui.widgets.cards.CardButton``): its number,
its status in words with an icon, what happened, when it was filed and for which
contract; a tap anywhere on the card opens the claim's page (``claim_view``).
No claims is a sentence and the way to report an insured event (from the
contracts, where each active contract has its button), never an empty table.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.api_types import Claim
from kiosk.flows.claims import ClaimsOutcome, ClaimStep
from ui import i18n
from ui.design import (
    ATTENTION,
    GOOD,
    MUTED,
    NAVY,
    ON_RED,
    PROBLEM,
    STATE_ICON_KIOSK_PX,
    STATE_ICON_PX,
)
from ui.screens.base import SCREEN_MARGINS_PX, AppContext, Screen, named
from ui.screens.claim_texts import local_time, status_text
from ui.screens.messages import error_text
from ui.widgets.cards import CardButton, CardColumn, EmptyState, centred_column, scrolling_cards
from ui.widgets.icons import set_button_icon

# a claim's status as an icon and its colour (the status is always in words too)
STATUS_ICONS: dict[str, tuple[str, str]] = {
    "submitted": ("send", NAVY),
    "in_review": ("hourglass", NAVY),
    "documents_requested": ("file-warning", ATTENTION),
    "approved": ("circle-check", GOOD),
    "paid": ("banknote", GOOD),
    "rejected": ("circle-x", PROBLEM),
}


class ClaimListScreen(Screen):
    name = "claim_list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded = False
        self._error: BaseException | None = None
        self._shown: tuple[object, ...] = ()
        self.title = named(QLabel(), "screenTitle")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.cards = CardColumn()
        self.empty = EmptyState("clipboard-list", self.kiosk_mode)
        self.report = named(QPushButton(), "secondary")
        self.empty.add_action(self.report)
        self.refresh = named(QPushButton(), "secondary")
        self.back = named(QPushButton(), "primary")
        self.touch(self.refresh, self.back, self.report)
        icon_px = STATE_ICON_KIOSK_PX if self.kiosk_mode else STATE_ICON_PX
        set_button_icon(self.refresh, "refresh-cw", NAVY, icon_px)
        set_button_icon(self.back, "arrow-left", ON_RED, icon_px)
        scroll, column = scrolling_cards(self.kiosk_mode)
        self.cards_scroll = scroll
        column.addWidget(self.cards)
        column.addWidget(self.empty)
        column.addStretch(1)
        layout = centred_column(self, SCREEN_MARGINS_PX)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        layout.addLayout(buttons)
        self.disable_while_busy(self.refresh)
        self.set_default_button(self.back)
        self.refresh.clicked.connect(self._load)
        self.back.clicked.connect(lambda: self.ctx.navigator.show_screen("contracts"))
        self.report.clicked.connect(lambda: self.ctx.navigator.show_screen("contracts"))
        self.retranslate()

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("My claims"))
        self.empty.set_texts(
            self.tr("You have no claims."),
            self.tr(
                "If something has happened to what you insured, report it: choose the "
                "contract and describe what happened. It takes a few minutes."
            ),
        )
        self.set_label(self.report, self.tr("Report an insured event"))
        self.set_label(self.refresh, self.tr("Refresh"))
        self.set_label(self.back, self.tr("My contracts"))
        self._fill()

    def _card(self, claim: Claim) -> CardButton:
        card = CardButton("clipboard-list", self.kiosk_mode)
        face = card.face
        face.title.setText(claim.number)
        icon, colour = STATUS_ICONS.get(claim.status, ("circle", MUTED))
        face.set_state(icon, colour, status_text(claim.status))
        face.set_line(self.ctx.claims.kind_title(claim.kind))
        face.set_facts(
            [
                (self.tr("Filed"), local_time(claim.created_at)),
                (self.tr("Contract"), claim.contract_number),
            ]
        )
        card.setAccessibleName(claim.number)  # what the card's title says
        card.setAccessibleDescription(self.tr("Open the claim"))
        card.setToolTip(self.tr("Open the claim"))
        card.clicked.connect(lambda _=False, c=claim: self._open(c))
        return card

    def _fill(self) -> None:
        claims = self.ctx.claims.claims if self.ctx.is_open else ()
        kinds = self.ctx.claims.kinds if self.ctx.is_open else ()
        shown = (claims, kinds, i18n.current_language())
        if shown != self._shown:  # a card is never rebuilt under a finger for nothing
            self._shown = shown
            self.cards.set_cards([self._card(c) for c in claims])
        self.cards.setVisible(bool(claims))
        self.empty.setVisible(self._loaded and not claims and self._error is None)
        if self._error is not None:
            text = error_text(self._error)
        elif self.busy and not self._loaded:
            text = self.tr("Loading your claims…")
        else:
            text = ""
        self.set_label(self.message, text)
        self.message.setVisible(bool(text))

    def claims_shown(self) -> list[list[str]]:
        """The texts of each claim's card, as shown (the number first)."""
        return self.cards.texts() if self.cards.isVisibleTo(self) else []

    def on_enter(self) -> None:
        self._load()

    def wipe(self) -> None:
        super().wipe()
        self._loaded, self._error, self._shown = False, None, ()
        self.cards.set_cards([])
        self.empty.setVisible(False)

    def busy_changed(self, busy: bool) -> None:
        self._fill()

    def _load(self) -> None:
        self._error = None
        self.run_blocking(self.ctx.claims.load_claims, done=self._got)

    def _got(self, outcome: ClaimsOutcome) -> None:
        if not self.ctx.navigator.apply(outcome) or not outcome.sent:
            return
        if outcome.step is not ClaimStep.CLAIM_LIST:
            return
        self._error = outcome.error
        self._loaded = outcome.error is None
        self._fill()

    def show_claims(self) -> None:
        """Show the flow's claims as loaded (none: the empty state)."""
        self._error, self._loaded = None, True
        self._fill()

    def _open(self, claim: Claim) -> None:
        self.ctx.navigator.follow(self.ctx.claims.open_claim(claim))
