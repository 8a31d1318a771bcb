"""The live checklist shows the rules the central will apply, the new ones included."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.widgets.password_checklist import UNMET_MARK, PasswordChecklist

TOO_LONG_RU = "Длина пароля – не более 128 символов"


def test_a_password_over_the_maximum_length_is_shown_as_unmet(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    checklist.show()
    too_long = "Kx7_mq2z" + "a" * 249
    checklist.update_for(too_long, repeat=too_long)
    label = checklist.labels["too_long"]
    assert label.isVisibleTo(checklist) and TOO_LONG_RU in label.text()
    assert UNMET_MARK in label.text() and not checklist.is_met("too_long")
    assert not checklist.all_met()
    checklist.update_for(too_long[:128], repeat=too_long[:128])
    assert checklist.is_met("too_long") and checklist.all_met()


def test_near_variants_of_the_example_and_the_company_name_are_unmet(qtbot: QtBot) -> None:
    checklist = PasswordChecklist()
    qtbot.addWidget(checklist)
    for refused in ("Ag-15!d45", "Victoria2026!", "V1ct0r1a_2026", "Dragon12!"):
        checklist.update_for(refused, repeat=refused)
        assert not checklist.is_met("forbidden_password"), refused
        assert not checklist.all_met()
