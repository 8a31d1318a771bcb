"""The touch widgets, driven as a client would: by tapping their visible (Russian) keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.busy_button import BusyButton
from ui.widgets.email_keyboard import EmailKeyboard
from ui.widgets.keyboard_dock import KeyboardDock
from ui.widgets.keypad import KEY_MIN_SIZE_PX, DigitKeypad
from ui.widgets.password_checklist import MET_ICON, UNMET_ICON, PasswordChecklist
from ui.widgets.password_field import PasswordField
from ui.widgets.status_line import OFFLINE_COLOUR, StatusLine

# The offscreen platform warns on every show(); it says nothing about our widgets.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _button(parent: QWidget, name: str) -> QPushButton:
    matches = [b for b in parent.findChildren(QPushButton) if b.accessibleName() == name]
    assert len(matches) == 1, f"expected one button named {name!r}, found {len(matches)}"
    return matches[0]


def _tap(qtbot: QtBot, parent: QWidget, name: str) -> None:
    qtbot.mouseClick(_button(parent, name), Qt.MouseButton.LeftButton)


def test_keypad_types_digits_into_the_bound_field_and_edits(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    field = QLineEdit(host)
    field.setMaxLength(6)
    keypad = DigitKeypad(host)
    keypad.bind(field)
    layout = QVBoxLayout(host)
    layout.addWidget(field)
    layout.addWidget(keypad)
    host.show()
    for digit in "1234567":
        _tap(qtbot, keypad, digit)
    assert field.text() == "123456"  # the field's max length still holds
    _tap(qtbot, keypad, "Стереть последнюю цифру")
    assert field.text() == "12345"
    _tap(qtbot, keypad, "Очистить")
    assert field.text() == ""
    for button in keypad.findChildren(QPushButton):
        assert button.width() >= KEY_MIN_SIZE_PX and button.height() >= KEY_MIN_SIZE_PX
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_keypad_without_binding_types_into_the_focused_field(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    first, second = QLineEdit(host), QLineEdit(host)
    keypad = DigitKeypad(host)
    layout = QVBoxLayout(host)
    for w in (first, second, keypad):
        layout.addWidget(w)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    _tap(qtbot, keypad, "7")
    _tap(qtbot, keypad, "0")
    assert (first.text(), second.text()) == ("", "70")
    assert second.hasFocus()


def test_email_keyboard_types_an_address_with_domain_keys(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = EmailKeyboard()
    qtbot.addWidget(keyboard)
    keyboard.bind(field)
    for key in "ivan.":
        _tap(qtbot, keyboard, key)
    _tap(qtbot, keyboard, "Стереть последний символ")
    _tap(qtbot, keyboard, "@")
    _tap(qtbot, keyboard, "@")  # a second @ would make the address invalid
    _tap(qtbot, keyboard, "g")
    _tap(qtbot, keyboard, "gmail.com")
    assert field.text() == "ivan@gmail.com"
    _tap(qtbot, keyboard, "mail.ru")
    assert field.text() == "ivan@mail.ru"
    _tap(qtbot, keyboard, "Очистить")
    for key in ("b", "o", "@", "v", "i", "c", ".kz"):
        _tap(qtbot, keyboard, key)
    assert field.text() == "bo@vic.kz"


def test_checklist_ticks_each_rule_as_the_password_grows(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    rules = ("too_short", "missing_upper", "missing_lower", "missing_digit", "missing_special")
    assert not any(checklist.is_met(code) for code in rules)
    typed = ""
    # each step adds what one more rule needs; exactly that rule turns to a tick
    steps = [
        ("a", "missing_lower"),
        ("B", "missing_upper"),
        ("7", "missing_digit"),
        ("_", "missing_special"),
        ("xyzw", "too_short"),
    ]
    met: set[str] = set()
    for chunk, rule in steps:
        typed += chunk
        checklist.update_for(typed)
        met.add(rule)
        for code in rules:
            mark = checklist.icons[code].name  # the set's ticked or crossed circle
            if code in met:
                assert checklist.is_met(code) and mark == MET_ICON, (typed, code)
            else:
                assert not checklist.is_met(code) and mark == UNMET_ICON, (typed, code)
    assert checklist.all_met()


def test_checklist_refuses_the_procedures_example_and_a_mismatch(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    checklist.update_for("Ag-15!d44", repeat="Ag-15!d44")
    assert not checklist.is_met("forbidden_password")
    assert not checklist.all_met()
    checklist.update_for("Zt7_kq!Pw", repeat="Zt7_kq!P")
    assert checklist.labels["mismatch"].isVisibleTo(checklist)
    assert not checklist.is_met("mismatch")
    checklist.update_for("Zt7_kq!Pw", repeat="Zt7_kq!Pw")
    assert checklist.all_met()
    checklist.update_for("Zt7_kq!Pw", current="Zt7_kq!Pw")
    assert checklist.labels["same_as_current"].isVisibleTo(checklist)
    assert not checklist.is_met("same_as_current")


def test_password_field_shows_and_hides_and_hides_again_on_clear(qtbot: QtBot) -> None:
    field = PasswordField()
    qtbot.addWidget(field)
    field.set_label("Новый пароль")
    qtbot.keyClicks(field.line_edit, "Secret_1x")
    assert not field.is_revealed()
    _tap(qtbot, field, "Показать")
    assert field.is_revealed()
    assert field.toggle.accessibleName() == "Скрыть"
    field.clear()
    assert field.text() == "" and not field.is_revealed()
    assert field.line_edit.accessibleName() == "Новый пароль"


def test_busy_button_refuses_a_second_tap_while_busy(qtbot: QtBot) -> None:
    button = BusyButton("Send")
    qtbot.addWidget(button)
    clicks: list[bool] = []

    def on_click() -> None:
        clicks.append(True)
        button.set_busy(True)

    button.clicked.connect(on_click)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True] and button.is_busy() and not button.isEnabled()
    button.set_busy(False)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(clicks) == 2


def test_status_line_shows_what_it_is_fed(qtbot: QtBot) -> None:
    line = StatusLine(terminal_name="Almaty-1")
    qtbot.addWidget(line)
    line.show()
    line.set_online(False)
    assert "нет связи" in line.central_label.text()
    assert "●" not in line.central_label.text()  # the state's icon, not a font's dot
    assert (line.central_icon.name, line.central_icon.colour) == ("circle-x", OFFLINE_COLOUR)
    line.set_outbox_count(3)
    assert line.outbox_label.isVisible() and "3" in line.outbox_label.text()
    line.set_outbox_count(0)
    assert not line.outbox_label.isVisible()
    line.set_online(True)
    assert "на связи" in line.central_label.text()
    assert line.central_icon.name == "circle-check" and line.central_icon.isVisible()
    assert "Almaty-1" in line.terminal_label.text()


def test_password_keyboard_types_capitals_and_the_allowed_specials(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    keyboard = EmailKeyboard(password=True)
    qtbot.addWidget(keyboard)
    keyboard.bind(field)
    assert "gmail.com" not in keyboard.keys and "." not in keyboard.keys
    _tap(qtbot, keyboard, "Заглавные буквы")
    _tap(qtbot, keyboard, "Q")  # one-shot: the next letter is small again
    for key in ("w", "7", "!", "@", "$", "_", "-"):
        _tap(qtbot, keyboard, key)
    assert field.text() == "Qw7!@$_-"


def test_keyboard_dock_shows_the_keypad_for_the_code_field_and_types_into_it(
    qtbot: QtBot,
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    code, email = QLineEdit(host), QLineEdit(host)
    code.setMaxLength(6)
    other = QPushButton("Подтвердить код", host)
    dock = KeyboardDock(host)
    dock.attach(code, "digits")
    dock.attach(email, "email")
    layout = QVBoxLayout(host)
    for w in (code, email, other, dock):
        layout.addWidget(w)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    assert dock.shown_kind() is None
    code.setFocus()
    qtbot.waitUntil(lambda: dock.shown_kind() == "digits")
    for digit in "482913":
        _tap(qtbot, dock.digits, digit)
    assert code.text() == "482913" and code.hasFocus()
    email.setFocus()
    qtbot.waitUntil(lambda: dock.shown_kind() == "email")
    _tap(qtbot, dock.email, "gmail.com")
    assert email.text() == "@gmail.com" and code.text() == "482913"
    other.setFocus()
    qtbot.waitUntil(lambda: dock.shown_kind() is None)


def test_the_first_screens_values_of_qt_by_number_are_qts(qtbot: QtBot) -> None:
    """The welcome screen sets a few Qt values by number (to paint before Qt's
    namespace is built); they must be the values Qt means."""
    from ui.header import Header
    from ui.screens.base import ALIGN_CENTER, NO_FOCUS, centered

    assert Qt.AlignmentFlag.AlignCenter.value == ALIGN_CENTER
    assert Qt.FocusPolicy.NoFocus.value == NO_FOCUS
    label = centered(QLabel("ВИКТОРИЯ"))
    qtbot.addWidget(label)
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    header = Header(kiosk_mode=False)
    qtbot.addWidget(header)
    policies = {b.focusPolicy() for b in header.language_buttons.values()}
    assert policies == {Qt.FocusPolicy.NoFocus}, "a language tap leaves the typed field focused"
