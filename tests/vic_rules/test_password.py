"""The password policy of the insurer's procedure, with every unmet rule at once."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vic_rules.password import MAX_LENGTH, POLICY, RULES, SPECIALS, violations


def test_seed_example_password_is_never_accepted_in_any_case() -> None:
    for variant in ("Ag-15!d44", "ag-15!D44", "AG-15!D44", "aG-15!d44"):
        assert "forbidden_password" in violations(variant)
    assert violations("Ag-15!d44") == ["forbidden_password"]


@pytest.mark.parametrize("common", ["Password1!", "P@ssw0rd1", "Qwerty123!", "Admin123!"])
def test_common_passwords_that_meet_the_rules_are_refused(common: str) -> None:
    assert violations(common) == ["forbidden_password"]


def test_empty_password_lists_every_missing_rule_in_contract_order() -> None:
    assert violations("") == [
        "too_short",
        "missing_upper",
        "missing_lower",
        "missing_digit",
        "missing_special",
    ]


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Kx7_mq2z", []),
        ("Kx7-mq2zLongerStill", []),
        ("Kx7_mq2", ["too_short"]),
        ("kx7_mq2z", ["missing_upper"]),
        ("KX7_MQ2Z", ["missing_lower"]),
        ("Kxy_mqzz", ["missing_digit"]),
        ("Kx72mq2z", ["missing_special"]),
        ("Kx7_mq2z ", ["forbidden_character"]),
        ("Kx7#mq2z", ["missing_special", "forbidden_character"]),
        ("Кx7_mq2z", ["missing_upper", "forbidden_character"]),
        ("Kx7_mq2z\u0661", ["forbidden_character"]),
        ("Kz7!mountain", []),
        ("Abc defg1!", ["forbidden_character"]),
        ("Пароль1!Ab", ["forbidden_character"]),
        ("P@ssw0rd", ["forbidden_password"]),
        ("Kx7_mq2zÄ", ["forbidden_character"]),
        (
            "абвгдежз",
            [
                "missing_upper",
                "missing_lower",
                "missing_digit",
                "missing_special",
                "forbidden_character",
            ],
        ),
    ],
)
def test_each_rule(password: str, expected: list[str]) -> None:
    assert violations(password) == expected


def test_same_as_current() -> None:
    assert violations("Kx7_mq2z", current="Kx7_mq2z") == ["same_as_current"]
    assert violations("Kx7_mq2z", current="Kx7_mq2y") == []
    assert violations("ag-15!d44", current="ag-15!d44") == [
        "missing_upper",
        "forbidden_password",
        "same_as_current",
    ]


def test_rules_are_the_contract_codes_in_order() -> None:
    assert RULES == (
        "too_short",
        "too_long",
        "missing_upper",
        "missing_lower",
        "missing_digit",
        "missing_special",
        "forbidden_character",
        "forbidden_password",
        "same_as_current",
    )
    assert SPECIALS == "!@$_-"


@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=40)))
def test_arbitrary_text_gives_known_codes_in_order(password: str, current: str | None) -> None:
    found = violations(password, current)
    assert all(code in RULES for code in found)
    assert found == sorted(found, key=RULES.index)
    assert len(set(found)) == len(found)
    allowed = set(string.ascii_letters + string.digits + SPECIALS)
    assert ("forbidden_character" in found) == any(c not in allowed for c in password)
    assert ("too_short" in found) == (len(password) < 8)
    assert ("same_as_current" in found) == (password == current)


@given(
    st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=4),
    st.text(alphabet="abcdefghijkmnopqrstuvwxyz", min_size=1, max_size=4),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
    st.text(alphabet=SPECIALS, min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_any_mix_of_all_four_classes_of_eight_or_more_passes(
    upper: str, lower: str, digits: str, specials: str, rnd: random.Random
) -> None:
    chars = list(upper + lower + digits + specials)
    rnd.shuffle(chars)
    password = "".join(chars)
    expected = [] if len(password) >= 8 else ["too_short"]
    # such a mix may still be a listed or near-variant password: that rule is tested apart
    assert [v for v in violations(password) if v != "forbidden_password"] == expected


@pytest.mark.parametrize(
    "near_the_seed",
    ["Ag-15!d45", "Ag-16!d44", "ag_15-D44", "Ag15d44!", "AG-1544!", "Ag-2026!d1"],
)
def test_near_variants_of_the_seed_example_are_refused(near_the_seed: str) -> None:
    assert "forbidden_password" in violations(near_the_seed)


@pytest.mark.parametrize(
    "insurer",
    [
        "Victoria2026!",
        "V1ct0r1a_2026",
        "Viktoria-2025",
        "VICTORIYA_1990a",
        "2026_Vikt0riya!",
        "My-Victoria-7a",
        "Dbrnjhbz-2026",
    ],
)
def test_the_insurers_name_in_any_spelling_and_year_is_refused(insurer: str) -> None:
    assert violations(insurer) == ["forbidden_password"]


@pytest.mark.parametrize(
    "breached",
    ["Dragon12!", "Monkey123!", "Football1!", "Sunshine1!", "Iloveyou2!", "Michael1988!"],
)
def test_passwords_of_the_breached_list_are_refused_whatever_the_decoration(
    breached: str,
) -> None:
    assert violations(breached) == ["forbidden_password"]
    assert violations(breached.swapcase().replace("!", "_@")) == ["forbidden_password"]


@pytest.mark.parametrize("fine", ["Kx7_mq2z", "Kz7!mountain", "Tb9-qwn4Lr", "Aigerim_k7Qz"])
def test_uncommon_passwords_still_pass(fine: str) -> None:
    assert violations(fine) == []


def test_the_maximum_length_is_a_rule_and_is_published() -> None:
    longest = "Kx7_" + "mq2z" * ((MAX_LENGTH - 4) // 4)
    assert len(longest) == MAX_LENGTH and violations(longest) == []
    assert violations(longest + "a") == ["too_long"]
    assert violations("Kx7_mq2z" + "a" * 249) == ["too_long"]
    assert POLICY["max_length"] == MAX_LENGTH == 128
