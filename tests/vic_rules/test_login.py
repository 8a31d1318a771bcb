"""A login typed at the terminal finds the same account key the central computes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vic_rules.login import MAX_LOGIN_CHARS, normalize_login


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("8 (701) 123-45-67", "+77011234567"),
        (" +7 701 123 45 67 ", "+77011234567"),
        ("  Aigerim.K@Mail.RU ", "aigerim.k@mail.ru"),
        ("aigerim.k@mail.ru", "aigerim.k@mail.ru"),
        ("Not A Login", "not a login"),
        ("+7 926 123 45 67", "+7 926 123 45 67"),
    ],
)
def test_phones_and_emails_give_their_lookup_key(typed: str, key: str) -> None:
    assert normalize_login(typed) == key


def test_allowed_regions_decide_whether_a_number_is_a_phone_login() -> None:
    assert normalize_login("+7 926 123 45 67", ["KZ", "RU"]) == "+79261234567"


@given(st.text(max_size=400))
def test_any_text_gives_a_bounded_key(raw: str) -> None:
    assert len(normalize_login(raw)) <= MAX_LOGIN_CHARS
