"""Logging for the terminal: a rotating file in which personal data never appear.

Every record passing the file handler goes through :class:`PersonalDataFilter`:
phone numbers (``+7``/``8``/``7`` and ten digits in any spacing, ``7xx`` national
numbers, any E.164 number) and email addresses (also URL-encoded) are masked in the message, its
arguments, the exception text and the stack, and the formatter masks the final
line once more. The folder is 0700 and every log file 0600 (created so, also after
a rotation; tightened if an older version left them readable). Our code never
passes SMS codes, passwords, tokens or keys to a logger at all: they have no
recognisable shape, so no filter could catch them.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path
from typing import Final

__all__ = [
    "LOG_BACKUP_COUNT",
    "LOG_FILE_NAME",
    "LOG_MAX_BYTES",
    "EarlyRecords",
    "MaskingFormatter",
    "PersonalDataFilter",
    "hold_early_records",
    "mask_personal_data",
    "prepare_log_dir",
    "setup_logging",
]

LOG_FILE_NAME: Final = "kiosk.log"
LOG_MAX_BYTES: Final = 5 * 1024 * 1024
LOG_BACKUP_COUNT: Final = 5
LOG_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_DIR_MODE: Final = 0o700
LOG_FILE_MODE: Final = 0o600

_SEP: Final = r"[\s\-().\u00a0]*"
_EMAIL: Final = re.compile(r"[\w.!#$'*+^`{|}~-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+")
_PHONES: Final = (
    re.compile(rf"(?<![\d+])(?:\+{_SEP}7|8|7){_SEP}\(?(?:\d{_SEP}){{9}}\d(?!\d)"),
    re.compile(rf"(?<![\d+])\+{_SEP}\d(?:{_SEP}\d){{6,14}}(?!\d)"),
    re.compile(rf"(?<![\d+])7\d\d{_SEP}\d\d\d{_SEP}\d\d{_SEP}\d\d(?!\d)"),
)


def _mask_phone_match(match: re.Match[str]) -> str:
    digits = [ch for ch in match.group() if ch.isdigit()]
    return "[phone .." + "".join(digits[-2:]) + "]"


def mask_personal_data(text: str) -> str:
    """``text`` with every email address and phone number masked.

    ``mask_email`` comes with ``vic_rules.email`` (email-validator, phonenumbers):
    imported at the first record, not with this module, because logging is set up
    before the terminal's first window is painted.
    """
    from vic_rules.email import mask_email

    text = _EMAIL.sub(lambda m: mask_email(m.group().replace("%40", "@")), text)
    for pattern in _PHONES:
        text = pattern.sub(_mask_phone_match, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record in place; never drops a record."""

    _formatter: Final = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg!s} {record.args!r}"
        record.msg = mask_personal_data(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class MaskingFormatter(logging.Formatter):
    """A formatter whose every output line is masked too (defence in depth)."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_personal_data(super().format(record))


def tighten(path: Path, mode: int) -> None:
    """Take away permissions beyond ``mode`` (an older version may have left them)."""
    if os.name == "posix":
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)


EARLY_RECORDS_MAX: Final = 1000  # beyond them (a start-up that loops) only the count is kept


class EarlyRecords(logging.Handler):
    """Records logged before the log file is open, kept to be written to it then.

    The app opens its log file after its first screen is painted (the file
    handler's imports cost start-up): what is logged before goes here, and
    ``setup_logging(…, early=…)`` writes it to the file, through the file's
    filters and formatter, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < EARLY_RECORDS_MAX:
            self.records.append(record)
        else:
            self.dropped += 1


def hold_early_records(level: int | str = logging.INFO) -> EarlyRecords:
    """Keep what is logged from now until ``setup_logging(…, early=…)``."""
    early = EarlyRecords()
    root = logging.getLogger()
    root.addHandler(early)
    root.setLevel(level)
    return early


def prepare_log_dir(log_dir: Path) -> Path:
    """Create ``log_dir`` (0700) and its log file (0600) now, so that a folder the
    app cannot write is refused at start (``OSError``) even though the file
    handler is opened later; returns the log file's path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=LOG_DIR_MODE)
    tighten(log_dir, LOG_DIR_MODE)
    path = log_dir / LOG_FILE_NAME
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, LOG_FILE_MODE))
    tighten(path, LOG_FILE_MODE)
    return path


def setup_logging(
    log_dir: Path, level: int | str = logging.INFO, *, early: EarlyRecords | None = None
) -> logging.Handler:
    """Send the root logger to ``log_dir/kiosk.log`` (5 MiB × 5 files), masked;
    ``early``'s records (``hold_early_records``) are written first, and it is removed.

    Calling it again replaces the handler it installed before. Returns the handler
    so that a caller can add :class:`PersonalDataFilter` to handlers of its own.
    """
    from kiosk.log_file import PrivateRotatingFileHandler

    path = prepare_log_dir(log_dir)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_vic_kiosk", False)]:
        root.removeHandler(old)
        old.close()
    handler = PrivateRotatingFileHandler(
        path,
        maxBytes=LOG_MAX_BYTES,
        backupCount=LOG_BACKUP_COUNT,
        encoding="utf-8",
    )
    handler._vic_kiosk = True  # type: ignore[attr-defined]
    handler.addFilter(PersonalDataFilter())
    handler.setFormatter(MaskingFormatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    if early is not None:
        root.removeHandler(early)
        for record in early.records:
            handler.handle(record)
        if early.dropped:
            logging.getLogger(__name__).warning(
                "%d records logged before the log file opened were not kept", early.dropped
            )
        early.records.clear()
    return handler
