"""The new password typed twice, the live checklist, and what is wrong with it.

The forced password change and the reset by SMS code ask for a new password
the same way; they share these parts instead of two copies. The parts are not
one box: each screen lays them out its own way (the checklist beside the fields
at a kiosk, below them at a clerk's desk).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.icons import icon_lines_html
from ui.widgets.password_checklist import (
    RULE_ICON_PX,
    UNMET_COLOUR,
    UNMET_ICON,
    PasswordChecklist,
    rule_text,
)
from ui.widgets.password_field import PasswordField


class NewPasswordFields(QObject):
    """``new_label``/``new_password``, ``repeat_label``/``repeat_password`` and
    the ``checklist``, which ticks as either field changes."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.new_label = QLabel()
        self.new_label.setObjectName("fieldLabel")
        self.new_password = PasswordField()
        self.new_label.setBuddy(self.new_password.line_edit)
        self.repeat_label = QLabel()
        self.repeat_label.setObjectName("fieldLabel")
        self.repeat_password = PasswordField()
        self.repeat_label.setBuddy(self.repeat_password.line_edit)
        self.checklist = PasswordChecklist()
        self.new_password.textChanged.connect(self._tick)
        self.repeat_password.textChanged.connect(self._tick)

    @property
    def rows(self) -> tuple[QWidget, ...]:
        """The labels and fields, top to bottom."""
        return (self.new_label, self.new_password, self.repeat_label, self.repeat_password)

    def retranslate(self) -> None:
        for label, field, text in (
            (self.new_label, self.new_password, self.tr("New password")),
            (self.repeat_label, self.repeat_password, self.tr("Repeat the new password")),
        ):
            label.setText(text)
            label.setAccessibleName(text)
            field.set_label(text)
            field.retranslate()
        self.checklist.retranslate()

    def texts(self) -> tuple[str, str]:
        """The new password and its repeat, as typed."""
        return self.new_password.text(), self.repeat_password.text()

    def clear(self) -> None:
        self.new_password.clear()
        self.repeat_password.clear()
        self._tick()

    def problem_lines(self, problems: list[str], *, from_central: bool) -> list[str]:
        """A heading and one line per unmet rule: the terminal's own check, or the
        rules the central named when it refused the password (plain text: the
        message's accessible name; ``problem_html`` shows it with the marks)."""
        heading = (
            self.tr("The server did not accept this password:")
            if from_central
            else self.tr("This password cannot be used yet:")
        )
        return [heading] + [rule_text(code) for code in problems]

    def problem_html(self, problems: list[str], *, from_central: bool) -> str:
        """``problem_lines`` as the message shows them: each unmet rule after the
        checklist's own crossed-circle icon, not a font's «✗»."""
        heading, *rules = self.problem_lines(problems, from_central=from_central)
        lines = [("", "", heading)] + [(UNMET_ICON, UNMET_COLOUR, rule) for rule in rules]
        return icon_lines_html(lines, RULE_ICON_PX)

    def _tick(self, _: str = "") -> None:
        self.checklist.update_for(self.new_password.text(), repeat=self.repeat_password.text())
