"""Email addresses: offline check, normal form, "did you mean", masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vic_rules.email import (
    POPULAR_DOMAINS,
    EmailProblem,
    edit_distance,
    email_with_key,
    mask_email,
    normalize_email,
    suggest_email,
)


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("aigerim.n@mail.ru", "aigerim.n@mail.ru"),
        ("  Aigerim.N@Mail.RU ", "Aigerim.N@mail.ru"),
        ("client+kiosk@gmail.com", "client+kiosk@gmail.com"),
        ("айгерим@почта.рф", "айгерим@почта.рф"),
    ],
)
def test_valid_addresses_give_their_normal_form(typed: str, normal: str) -> None:
    assert normalize_email(typed) == normal


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "aigerim",
        "aigerim@",
        "@mail.ru",
        "a@b",
        "a@@mail.ru",
        "a b@mail.ru",
        "a@mail..ru",
        "a@localhost",
        "Aigerim <a@mail.ru>",
        "a\n@mail.ru",
        "x" * 330 + "@mail.ru",
        "   ",
        "aigerim@mail..ru",
        "x" * 313 + "@mail.ru",
    ],
)
def test_bad_syntax_is_invalid_email(bad: str) -> None:
    with pytest.raises(EmailProblem) as caught:
        normalize_email(bad)
    assert caught.value.code == "invalid_email"


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("aigerim@gmial.com", "aigerim@gmail.com"),
        ("aigerim@gmail.co", "aigerim@gmail.com"),
        ("aigerim@gmai.com", "aigerim@gmail.com"),
        ("aigerim@gmail.ru", "aigerim@gmail.com"),
        ("aigerim@gmail.kz", "aigerim@gmail.com"),
        ("aigerim@mail.ry", "aigerim@mail.ru"),
        ("aigerim@mailru", "aigerim@mail.ru"),
        ("aigerim@mail,ru", "aigerim@mail.ru"),
        ("aigerim@yandex.kx", "aigerim@yandex.kz"),
        ("aigerim@yandx.ru", "aigerim@yandex.ru"),
        ("aigerim@inbox.r", "aigerim@inbox.ru"),
        ("aigerim@lsit.ru", "aigerim@list.ru"),
        ("aigerim@bk.r", "aigerim@bk.ru"),
        ("aigerim@icloud.co", "aigerim@icloud.com"),
        ("aigerim@outlok.com", "aigerim@outlook.com"),
        ("aigerim@internet.r", "aigerim@internet.ru"),
        ("Aigerim@GMIAL.COM", "Aigerim@gmail.com"),
    ],
)
def test_misspelt_popular_domain_gets_a_suggestion(typed: str, suggestion: str) -> None:
    assert suggest_email(typed) == suggestion


@pytest.mark.parametrize(
    "typed",
    [
        *(f"aigerim@{domain}" for domain in POPULAR_DOMAINS),
        "aigerim@MAIL.RU",
        "aigerim@mail.kz",
        "aigerim@mail.com",
        "aigerim@yandex.com",
        "aigerim@ya.ru",
        "aigerim@ok.ru",
        "aigerim@vic.kz",
        "aigerim@kcell.kz",
        "aigerim@bk.kz",
        "aigerim@halykbank.kz",
        "aigerim",
        "@gmial.com",
        "",
        "a b@gmial.com",
    ],
)
def test_no_suggestion_for_known_or_unrelated_domains(typed: str) -> None:
    assert suggest_email(typed) is None


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("gmial.com", "gmail.com") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("mail.ru", "mail.ru") == 0
    assert edit_distance("kitten", "sitting") == 3


def test_email_is_keyed_case_insensitively() -> None:
    assert email_with_key("  Aigerim.K@Mail.RU ") == ("Aigerim.K@mail.ru", "aigerim.k@mail.ru")


def test_mask_shows_only_the_first_character_and_the_domain() -> None:
    assert mask_email("aigerim.n@mail.ru") == "a***@mail.ru"
    assert mask_email("ab@mail.ru") == "a***@mail.ru"
    assert mask_email("a@mail.ru") == "a***@mail.ru"
    assert mask_email("no address") == "***"
    assert len(mask_email("aigerim.n@mail.ru")) == len(mask_email("aigerim.nurlanovn@mail.ru"))


@given(st.text(max_size=80))
def test_arbitrary_text_never_raises_anything_but_email_problem(raw: str) -> None:
    try:
        value = normalize_email(raw)
    except EmailProblem:
        pass
    else:
        assert normalize_email(value) == value
        assert email_with_key(raw) == (value, value.lower())
    suggestion = suggest_email(raw)
    if suggestion is not None:
        assert normalize_email(suggestion) == suggestion
    mask_email(raw)


@given(
    st.from_regex(r"[a-z][a-z0-9._]{0,15}[a-z0-9]", fullmatch=True),
    st.sampled_from(POPULAR_DOMAINS),
)
def test_normal_form_is_stable_and_never_corrected(local: str, domain: str) -> None:
    try:
        value = normalize_email(f"{local}@{domain.upper()}")
    except EmailProblem:
        return
    assert normalize_email(value) == value
    assert value.endswith("@" + domain)
    assert suggest_email(value) is None
