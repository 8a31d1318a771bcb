"""What the terminal accepts offline, the central accepts too, and as the same value.

A terminal that normalised a phone differently from the central would capture
registrations offline that the central then refuses, or show the client a number
other than the one the SMS goes to.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from central.core import contact
from kiosk.validation import email as kiosk_email
from kiosk.validation import phone as kiosk_phone

REGIONS = ("KZ",)
PHONE_CHARS = st.sampled_from(list("0123456789+ ()-78"))
typed_phones = st.one_of(
    st.text(PHONE_CHARS, max_size=20),
    st.builds(
        lambda prefix, zone, rest: f"{prefix}{zone}{rest}",
        st.sampled_from(["+7", "8", "7", "+7 ", "8 (", ""]),
        st.sampled_from(["700", "701", "702", "705", "707", "747", "771", "777", "727", "926"]),
        st.text(st.sampled_from(list("0123456789 -")), min_size=7, max_size=10),
    ),
)
typed_emails = st.one_of(
    st.emails(),
    st.text(max_size=40),
    st.builds(
        lambda a, d: f"{a}@{d}",
        st.text(min_size=1, max_size=12),
        st.sampled_from(["mail.ru", "gmail.com", "yandex.kz", "GMAIL.COM", "x"]),
    ),
)


def central_phone(raw: str) -> str:
    try:
        return contact.normalize_phone(raw, list(REGIONS), "KZ")
    except contact.PhoneRejected as err:
        return f"refused:{err.code}"


def terminal_phone(raw: str) -> str:
    try:
        return kiosk_phone.normalize_phone(raw, regions=REGIONS)
    except kiosk_phone.PhoneProblem as err:
        return f"refused:{err.code}"


@settings(max_examples=400, deadline=None)
@given(typed_phones)
def test_a_phone_the_terminal_accepts_is_the_same_number_at_the_central(raw: str) -> None:
    at_terminal = terminal_phone(raw)
    if not at_terminal.startswith("refused"):
        assert central_phone(raw) == at_terminal
        assert central_phone(at_terminal) == at_terminal


@settings(max_examples=400, deadline=None)
@given(typed_emails)
def test_an_email_the_terminal_accepts_is_the_same_address_at_the_central(raw: str) -> None:
    try:
        at_terminal = kiosk_email.normalize_email(raw)
    except kiosk_email.EmailProblem:
        return
    normalised, _key = contact.normalize_email(raw)
    assert normalised == at_terminal
    assert contact.normalize_email(at_terminal)[0] == at_terminal
