"""Contact normalisation: the numbers and addresses a clerk may type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from central.core.contact import (
    EmailRejected,
    PhoneRejected,
    mask_phone,
    normalize_email,
    normalize_phone,
)

KZ_MOBILE_PREFIXES = ["700", "701", "702", "705", "707", "708", "747", "771", "775", "777", "778"]
subscriber = st.text(alphabet="0123456789", min_size=7, max_size=7)


@pytest.mark.parametrize(
    "raw",
    [
        "87011234567",
        "+7 701 123 45 67",
        "7011234567",
        "8 (701) 123-45-67",
        "+7-701-123-45-67",
        " 77011234567 ",
    ],
)
def test_the_ways_of_typing_one_kz_mobile_agree(raw: str) -> None:
    assert normalize_phone(raw, ["KZ"]) == "+77011234567"


@given(
    prefix=st.sampled_from(KZ_MOBILE_PREFIXES),
    rest=subscriber,
    style=st.sampled_from(
        ["8{p}{r}", "+7{p}{r}", "{p}{r}", "+7 {p} {a} {b} {c}", "8 ({p}) {a}-{b}-{c}"]
    ),
)
def test_kz_mobile_in_any_format_gives_e164(prefix: str, rest: str, style: str) -> None:
    raw = style.format(p=prefix, r=rest, a=rest[:3], b=rest[3:5], c=rest[5:])
    assert normalize_phone(raw, ["KZ"]) == f"+7{prefix}{rest}"


@given(prefix=st.sampled_from(["926", "916", "903", "985"]), rest=subscriber)
def test_russian_mobiles_are_not_kazakh_although_valid(prefix: str, rest: str) -> None:
    with pytest.raises(PhoneRejected) as err:
        normalize_phone(f"+7{prefix}{rest}", ["KZ"])
    assert err.value.code == "region_not_allowed"
    assert normalize_phone(f"+7{prefix}{rest}", ["KZ", "RU"]) == f"+7{prefix}{rest}"


def test_almaty_landline_is_not_mobile() -> None:
    with pytest.raises(PhoneRejected) as err:
        normalize_phone("+7 727 212 34 56", ["KZ"])
    assert err.value.code == "not_mobile"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "12",
        "+7 703 123 45 67",
        "abc",
        "+7 701 CALL ME1",
        "+7 701 123 45 67 ext. 5",
        "8701123456789012",
        "٨٧٠١١٢٣٤٥٦٧",
    ],
)
def test_garbage_is_invalid_phone(raw: str) -> None:
    with pytest.raises(PhoneRejected) as err:
        normalize_phone(raw, ["KZ"])
    assert err.value.code == "invalid_phone"


@given(st.text(max_size=60))
def test_any_text_gives_e164_or_a_known_refusal(raw: str) -> None:
    try:
        out = normalize_phone(raw, ["KZ"])
    except PhoneRejected as err:
        assert err.code in {"invalid_phone", "not_mobile", "region_not_allowed"}
    else:
        assert out.startswith("+77") and out[1:].isdigit() and len(out) == 12


@given(prefix=st.sampled_from(KZ_MOBILE_PREFIXES), rest=subscriber)
def test_mask_keeps_prefix_and_last_two_digits(prefix: str, rest: str) -> None:
    assert mask_phone(f"+7{prefix}{rest}") == f"+7 {prefix} *** ** {rest[-2:]}"


def test_mask_example_from_contract() -> None:
    assert mask_phone("+77011234567") == "+7 701 *** ** 67"


def test_email_is_normalised_and_keyed_case_insensitively() -> None:
    normalized, key = normalize_email("  Aigerim.K@Mail.RU ")
    assert normalized == "Aigerim.K@mail.ru"
    assert key == "aigerim.k@mail.ru"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "aigerim",
        "aigerim@",
        "@mail.ru",
        "a b@mail.ru",
        "aigerim@mail..ru",
        "x" * 400 + "@mail.ru",
    ],
)
def test_bad_emails_are_refused(raw: str) -> None:
    with pytest.raises(EmailRejected):
        normalize_email(raw)


@given(st.text(max_size=80))
def test_any_text_gives_an_address_or_a_refusal(raw: str) -> None:
    try:
        normalized, key = normalize_email(raw)
    except EmailRejected:
        return
    assert "@" in normalized and key == normalized.lower()
