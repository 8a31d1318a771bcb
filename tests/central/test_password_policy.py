"""The seed's password rules: every unmet rule reported at once."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.core.password_policy import RULES, SPECIALS, violations


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Kz7!mountain", []),
        ("", ["too_short", "missing_upper", "missing_lower", "missing_digit", "missing_special"]),
        ("Ab1!", ["too_short"]),
        ("abcdefg1!", ["missing_upper"]),
        ("ABCDEFG1!", ["missing_lower"]),
        ("Abcdefgh!", ["missing_digit"]),
        ("Abcdefgh1", ["missing_special"]),
        ("Abcdefg1!#", ["forbidden_character"]),
        ("Abc defg1!", ["forbidden_character"]),
        ("Пароль1!Ab", ["forbidden_character"]),
        ("Ag-15!d44", ["forbidden_password"]),
        ("aG-15!D44", ["forbidden_password"]),
        ("P@ssw0rd", ["forbidden_password"]),
    ],
)
def test_each_rule(password: str, expected: list[str]) -> None:
    assert violations(password) == expected


def test_same_as_current_is_reported_with_the_others() -> None:
    assert violations("short", current="short") == [
        "too_short",
        "missing_upper",
        "missing_digit",
        "missing_special",
        "same_as_current",
    ]
    assert violations("Kz7!mountain", current="Kz7!mountain") == ["same_as_current"]


@given(st.text(max_size=30))
def test_violations_are_known_codes_in_rule_order(password: str) -> None:
    found = violations(password)
    assert found == [rule for rule in RULES if rule in found]
    allowed = set(string.ascii_letters + string.digits + SPECIALS)
    assert ("forbidden_character" in found) == any(c not in allowed for c in password)
    assert ("too_short" in found) == (len(password) < 8)
