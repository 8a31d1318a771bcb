"""Phone numbers as clients type them at a branch in Kazakhstan: the one rule of
the terminal and the central."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vic_rules.phone import (
    PhoneProblem,
    display_phone,
    format_as_typed,
    mask_phone,
    normalize_phone,
)

KZ_MOBILE_PREFIXES = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "777", "778"]


def _problem(raw: str, **kwargs: object) -> str:
    with pytest.raises(PhoneProblem) as caught:
        normalize_phone(raw, **kwargs)  # type: ignore[arg-type]
    return caught.value.code


@pytest.mark.parametrize(
    "typed",
    [
        "87011234567",
        "+7 701 123 45 67",
        "7011234567",
        "8 (701) 123-45-67",
        "77011234567",
        "+7(701)1234567",
        " +7 701 123-45-67 ",
        "8.701.123.45.67",
        "+7-701-123-45-67",
        "8\u00a0701\u00a0123\u00a045\u00a067",
    ],
)
def test_shapes_people_type_give_one_e164_number(typed: str) -> None:
    assert normalize_phone(typed) == "+77011234567"


def test_russian_mobile_is_refused_for_kz_only_but_accepted_when_ru_allowed() -> None:
    assert _problem("+79261234567") == "region_not_allowed"
    assert _problem("8 926 123 45 67") == "region_not_allowed"
    assert normalize_phone("+79261234567", regions=("KZ", "RU")) == "+79261234567"
    assert normalize_phone("8 926 123 45 67", regions=("kz", "ru")) == "+79261234567"


def test_other_countries_are_not_allowed() -> None:
    assert _problem("+1 202 555 0143") == "region_not_allowed"
    assert _problem("+998 90 123 45 67") == "region_not_allowed"


@pytest.mark.parametrize("landline", ["+7 727 258 12 34", "8 (7172) 55-12-34", "87272581234"])
def test_kazakh_landline_is_not_mobile(landline: str) -> None:
    assert _problem(landline) == "not_mobile"


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "abc",
        "8701abc4567",
        "+7 703 123 45 67",
        "+7 701 123 45",
        "+7 701 123 45 67 89",
        "++77011234567",
        "+7 701 123 45 67 ext. 5",
        "1-800-FLOWERS",
        "+",
        "٨٧٠١١٢٣٤٥٦٧",
        "8701123456" * 10,
        "+7 701 CALL ME1",
        "8701123456789012",
        "7+7011234567",
        "+7\t701 123 45 67",
        "+77011234567\n",
        "+7 701 123 45 67;ext=5",
        "+7 701 123 45 67 #5",
    ],
)
def test_garbage_is_invalid_phone(garbage: str) -> None:
    assert _problem(garbage) == "invalid_phone"


def test_forty_characters_are_the_most_accepted() -> None:
    typed = "8 (701) 123-45-67"
    assert normalize_phone(typed.ljust(40, "-")) == "+77011234567"
    assert _problem(typed.ljust(41, "-")) == "invalid_phone"


def test_display_and_mask() -> None:
    assert display_phone("+77011234567") == "+7 701 123 45 67"
    assert mask_phone("+77011234567") == "+7 701 *** ** 67"
    assert mask_phone("+79261234567") == "+7 926 *** ** 67"
    assert mask_phone("+12025550143").endswith("43")
    assert "555" not in mask_phone("+12025550143")
    with pytest.raises(PhoneProblem):
        display_phone("not a number")
    assert mask_phone("not a number") == "***"
    assert mask_phone("") == "***"


@given(
    st.sampled_from(KZ_MOBILE_PREFIXES),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
def test_mask_keeps_prefix_and_last_two_digits(prefix: str, rest: str) -> None:
    assert mask_phone(f"+7{prefix}{rest}") == f"+7 {prefix} *** ** {rest[-2:]}"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("8", "8"),
        ("87", "+7 7"),
        ("8701", "+7 701"),
        ("870112", "+7 701 12"),
        ("87011234567", "+7 701 123 45 67"),
        ("+77011234567", "+7 701 123 45 67"),
        ("8 (701) 123-45-67", "+7 701 123 45 67"),
        ("77011234567", "+7 701 123 45 67"),
        ("7011234567", "701 123 45 67"),
        ("", ""),
        ("+", "+"),
    ],
)
def test_format_as_typed(typed: str, shown: str) -> None:
    assert format_as_typed(typed) == shown


kz_mobiles = st.builds(
    lambda prefix, rest: f"+7{prefix}{rest}",
    st.sampled_from(KZ_MOBILE_PREFIXES),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)


def _typed_shapes(e164: str) -> list[str]:
    national = e164[2:]
    a, b, c, d = national[:3], national[3:6], national[6:8], national[8:]
    return [
        e164,
        f"8{national}",
        national,
        f"7{national}",
        f"8 ({a}) {b}-{c}-{d}",
        f"+7 {a} {b} {c} {d}",
    ]


@given(kz_mobiles)
def test_every_typed_shape_of_a_kz_mobile_normalises_to_it(e164: str) -> None:
    for shape in _typed_shapes(e164):
        assert normalize_phone(shape) == e164
        assert normalize_phone(format_as_typed(shape)) == e164
    assert normalize_phone(display_phone(e164)) == e164
    assert mask_phone(e164).endswith(e164[-2:])


@given(st.text(max_size=80))
def test_arbitrary_text_never_raises_anything_but_phone_problem(raw: str) -> None:
    try:
        value = normalize_phone(raw)
    except PhoneProblem as problem:
        assert problem.code in {"invalid_phone", "not_mobile", "region_not_allowed"}
    else:
        assert normalize_phone(value) == value
        assert value.startswith("+77") and value[1:].isdigit() and len(value) == 12
    format_as_typed(raw)
    mask_phone(raw)


@given(st.text(alphabet="0123456789+ -()", max_size=20))
def test_normalised_value_is_stable(raw: str) -> None:
    try:
        value = normalize_phone(raw, regions=("KZ", "RU", "US"))
    except PhoneProblem:
        return
    assert normalize_phone(value, regions=("KZ", "RU", "US")) == value
    assert normalize_phone(display_phone(value), regions=("KZ", "RU", "US")) == value


@given(st.text(alphabet="0123456789", max_size=14), st.sampled_from("0123456789"))
def test_live_formatting_is_stable_when_fed_back_one_key_at_a_time(typed: str, key: str) -> None:
    assert format_as_typed(format_as_typed(typed) + key) == format_as_typed(typed + key)


@given(st.text(alphabet="0123456789", max_size=14))
def test_typing_a_leading_plus_keeps_it(typed: str) -> None:
    assert format_as_typed("+" + typed).startswith("+")
