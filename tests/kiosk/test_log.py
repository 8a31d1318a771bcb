"""The log file never holds a phone number or an email address in plain form."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.log import (
    LOG_FILE_NAME,
    hold_early_records,
    mask_personal_data,
    prepare_log_dir,
    setup_logging,
)

PHONE_SHAPES = [
    "+77011234567",
    "87011234567",
    "77011234567",
    "7011234567",
    "+7 701 123 45 67",
    "8 (701) 123-45-67",
    "+7(701)123-45-67",
    "8-701-123-45-67",
    "8 701 1234567",
    "+7 (701) 123 4567",
    "%2B77011234567",
]
EMAILS = ["aigerim.n@mail.ru", "Client+Kiosk@Gmail.com", "ирина@почта.рф"]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    handler = setup_logging(tmp_path / "logs")
    yield tmp_path / "logs" / LOG_FILE_NAME
    root.removeHandler(handler)
    handler.close()
    root.handlers[:] = before
    root.setLevel(level)


def _plain_digits(text: str) -> str:
    bodies = [line.split(": ", 1)[-1] for line in text.splitlines()]
    return re.sub(r"[\s\-().]", "", "\n".join(bodies))


def _assert_clean(text: str) -> None:
    for shape in PHONE_SHAPES:
        assert shape not in text
    assert "7011234567" not in _plain_digits(text)
    assert "9261234567" not in _plain_digits(text)
    for email in EMAILS:
        assert email.split("@")[0] not in text
        assert email not in text


def test_every_way_of_logging_is_masked_in_the_file(log_file: Path) -> None:
    log = logging.getLogger("kiosk.flows.registration")
    for shape in PHONE_SHAPES:
        log.info("registering phone %s", shape)
        log.warning(f"inline {shape}!")
        log.info("as mapping %(phone)s", {"phone": shape})
    for email in EMAILS:
        log.info("email=%r", email)
        log.info("body %s", {"email": email, "phone": "+79261234567"})
    try:
        raise ValueError("refused +7 701 123 45 67 / aigerim.n@mail.ru")
    except ValueError:
        log.exception("send failed for %s", "87011234567")
    log.error("with stack for %s", "aigerim.n@mail.ru", stack_info=True)
    logging.getLogger("urllib3.connectionpool").warning(
        "GET /dev/messages?to=%2B77011234567&x=aigerim.n%40mail.ru"
    )
    log.info("bad args %s %s", "87011234567")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_bytes().decode("utf-8")
    assert "GET /dev/messages?to=%2B[phone ..67]&x=a***@mail.ru" in text
    registering = [line for line in text.splitlines() if "registering phone" in line]
    assert len(registering) == len(PHONE_SHAPES)
    assert all(line.endswith("[phone ..67]") for line in registering)
    assert "a***@mail.ru" in text
    assert "ValueError: refused [phone ..67] / a***@mail.ru" in text
    assert "Traceback" in text and "Stack (most recent call last)" in text
    _assert_clean(text)


def test_setting_up_twice_keeps_one_file_handler(log_file: Path) -> None:
    again = setup_logging(log_file.parent)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_vic_kiosk", False)]
    assert ours == [again]
    logging.getLogger("x").warning("once")
    again.flush()
    assert log_file.read_text(encoding="utf-8").count("once") == 1


@pytest.mark.parametrize(
    "harmless",
    [
        "2024-05-07 10:11:12,345 INFO started",
        "central at http://127.0.0.1:8000",
        "code_expires_at 2025-01-01T10:00:00+05:00",
        "outbox has 123456 entries",
        "registration 3f2a9c1e-0b4d-4c6a-9d7e-1a2b3c4d5e6f",
        "+7 701 *** ** 67",
    ],
)
def test_ordinary_text_is_left_alone(harmless: str) -> None:
    assert mask_personal_data(harmless) == harmless


national = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["700", "701", "705", "707", "747", "771", "777", "778"]),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
separators = st.sampled_from(["", " ", "-", " - ", "."])
words = st.text(alphabet="abcxyz :=,;'\"[]{}", max_size=6)


@given(national, st.sampled_from(["+7", "8", "7", "+7 ", "8 ", ""]), separators, words, words)
def test_any_shape_of_a_phone_in_any_text_is_masked(
    digits: str, prefix: str, sep: str, before: str, after: str
) -> None:
    grouped = sep.join([digits[:3], digits[3:6], digits[6:8], digits[8:]])
    masked = mask_personal_data(f"{before}{prefix}{grouped}{after}")
    assert digits not in re.sub(r"[\s\-().]", "", masked)
    assert masked.count(digits[-2:]) >= 1


@given(st.text(max_size=200))
def test_masking_never_raises_and_is_stable(text: str) -> None:
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_log_files_are_private_also_after_a_rotation(tmp_path: Path) -> None:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    previous = os.umask(0o022)
    try:
        handler = setup_logging(tmp_path / "logs")
        log_file = tmp_path / "logs" / LOG_FILE_NAME
        logging.getLogger("kiosk.test").info("first line")
        assert handler.stream is not None  # type: ignore[attr-defined]
        handler.doRollover()  # type: ignore[attr-defined]
        logging.getLogger("kiosk.test").info("after the rotation")
        handler.flush()
        for path in (log_file, log_file.with_name(LOG_FILE_NAME + ".1")):
            assert path.stat().st_mode & 0o777 == 0o600, path
        assert (tmp_path / "logs").stat().st_mode & 0o777 == 0o700
    finally:
        os.umask(previous)
        root.removeHandler(handler)
        handler.close()
        root.handlers[:] = before
        root.setLevel(level)


def test_what_is_logged_before_the_file_opens_is_written_to_it_then_masked(
    tmp_path: Path,
) -> None:
    """The app opens its log file after the first paint; nothing logged before is lost."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    try:
        path = prepare_log_dir(tmp_path / "logs")
        early = hold_early_records()
        logging.getLogger("kiosk.test").info("started for +7 701 123 45 67")
        handler = setup_logging(tmp_path / "logs", early=early)
        logging.getLogger("kiosk.test").info("after the first paint")
        handler.flush()
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [line.split(": ", 1)[1] for line in lines] == [
            "started for [phone ..67]",
            "after the first paint",
        ]
        assert early not in root.handlers
        root.removeHandler(handler)
        handler.close()
    finally:
        root.handlers[:] = before
        root.setLevel(level)
