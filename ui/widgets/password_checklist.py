"""A live checklist of the insurer's password rules, ticking as the client types.

The rules and their check come from ``vic_rules.password`` (the same codes
the central answers with), so the list can never disagree with what the central
will refuse. Each rule is a row: an icon of the set (``ui/icons``: a ticked
circle met, a crossed one not met, an empty one nothing typed yet) and the
rule's text, whose accessible description says "met" or "not met".
``same_as_current`` is listed only when a current password is known, and
"both entries match" only when a repeat field is checked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.widgets.icons import IconLabel
from vic_rules.password import MAX_LENGTH, RULES, violations

MISMATCH = "mismatch"
MET_ICON = "circle-check"
UNMET_ICON = "circle-x"
PENDING_ICON = "circle"
RULE_ICON_PX = 18
MET_COLOUR = "#1b7f3b"
UNMET_COLOUR = "#b3261e"
PENDING_COLOUR = "#666666"


def rule_text(code: str) -> str:
    """The translated wording of one rule or violation code (contract codes + mismatch)."""
    texts = {
        "too_short": QCoreApplication.translate("PasswordRules", "At least 8 characters"),
        "too_long": QCoreApplication.translate(
            "PasswordRules", "At most {count} characters"
        ).format(count=MAX_LENGTH),
        "missing_upper": QCoreApplication.translate(
            "PasswordRules", "Upper-case Latin letters (A–Z)"
        ),
        "missing_lower": QCoreApplication.translate(
            "PasswordRules", "Lower-case Latin letters (a–z)"
        ),
        "missing_digit": QCoreApplication.translate("PasswordRules", "Digits (0–9)"),
        "missing_special": QCoreApplication.translate(
            "PasswordRules", "Special characters: ! @ $ _ -"
        ),
        "forbidden_character": QCoreApplication.translate(
            "PasswordRules", "Only Latin letters, digits and ! @ $ _ -"
        ),
        "forbidden_password": QCoreApplication.translate(
            "PasswordRules", "Not the example, the company's name or a known leaked password"
        ),
        "same_as_current": QCoreApplication.translate(
            "PasswordRules", "Different from the current password"
        ),
        MISMATCH: QCoreApplication.translate("PasswordRules", "Both entries are the same"),
    }
    return texts.get(code, code)


class PasswordChecklist(QWidget):
    """Call ``update_for(password, repeat=..., current=...)`` on every keystroke."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._password = ""
        self._repeat: str | None = None
        self._current: str | None = None
        self._met: dict[str, bool] = {}
        self.labels: dict[str, QLabel] = {}
        self.icons: dict[str, IconLabel] = {}
        self.rows: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)  # a row is a line of text: the rules read as one list
        for code in (*RULES, MISMATCH):
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            mark = IconLabel(PENDING_ICON, PENDING_COLOUR, RULE_ICON_PX, row)
            label = QLabel(row)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            line.addWidget(mark, 0, Qt.AlignmentFlag.AlignVCenter)
            line.addWidget(label, 1)
            self.labels[code], self.icons[code], self.rows[code] = label, mark, row
            layout.addWidget(row)
        self.update_for("")

    def shown_rules(self) -> tuple[str, ...]:
        """The codes listed now, in display order."""
        codes = [c for c in RULES if c != "same_as_current" or self._current is not None]
        if self._repeat is not None:
            codes.append(MISMATCH)
        return tuple(codes)

    def update_for(
        self, password: str, *, repeat: str | None = None, current: str | None = None
    ) -> None:
        """Re-tick every rule for ``password`` (and ``repeat`` when a repeat field exists)."""
        self._password, self._repeat, self._current = password, repeat, current
        unmet = set(violations(password, current))
        self._met = {code: code not in unmet for code in RULES}
        self._met[MISMATCH] = repeat is not None and bool(password) and repeat == password
        self.retranslate()

    def is_met(self, code: str) -> bool:
        """Whether the typed password meets rule ``code`` (False while nothing is typed)."""
        return bool(self._password) and self._met.get(code, False)

    def all_met(self) -> bool:
        return all(self.is_met(code) for code in self.shown_rules())

    def retranslate(self) -> None:
        shown = set(self.shown_rules())
        for code, label in self.labels.items():
            self.rows[code].setVisible(code in shown)
            text = rule_text(code)
            if code == MISMATCH and self._password and not self.is_met(code):
                # "✗ Both entries are the same" read as if they were: say what is wrong
                text = QCoreApplication.translate("PasswordRules", "The passwords do not match")
            if not self._password:
                mark, colour, state = PENDING_ICON, PENDING_COLOUR, ""
            elif self.is_met(code):
                mark, colour, state = MET_ICON, MET_COLOUR, self.tr("met")
            else:
                mark, colour, state = UNMET_ICON, UNMET_COLOUR, self.tr("not met")
            self.icons[code].show_icon(mark, colour)
            label.setText(text)
            label.setAccessibleName(text)
            label.setAccessibleDescription(state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
