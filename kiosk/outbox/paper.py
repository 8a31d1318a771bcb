"""Registrations written down on paper during an outage, typed into a CSV file.

Columns (header row required, comma or semicolon, UTF-8 with or without BOM):
``email``, ``phone``, ``consent_at`` (when the client signed, ISO 8601 with a
zone, e.g. ``2025-03-01T10:15:00+05:00``), ``operator`` (the clerk), and an
optional ``locale`` (ru, kk, en). Each row is checked with ``vic_rules``;
a bad row is reported with its line number and never captured. Refused too, each
with its line: a cell holding a line break (a quoted cell joined across lines) or
a control character, a cell longer than ``MAX_CELL_CHARS``, a cell other than the
phone that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``), and a
``consent_at`` out of the central's range (later than now + 5 min, earlier than
now - 30 days: contract v1.1). The file is read line by line, so a huge line or
file costs one line's memory and one line of report.

An imported row's outbox id is derived from its content with a keyed hash (the
outbox key), so importing the same file twice captures nothing twice, and the
id reveals nothing about the person without the key.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from kiosk.api_types import Locale, RegistrationRequest
from vic_rules.email import EmailProblem, normalize_email
from vic_rules.phone import PhoneProblem, normalize_phone

REQUIRED_COLUMNS = ("email", "phone", "consent_at", "operator")
LOCALES: tuple[Locale, ...] = ("ru", "kk", "en")
MAX_OPERATOR_CHARS = 64
MAX_CELL_CHARS = 320  # an email may have 254; nothing legitimate is longer
MAX_LINE_CHARS = 4 * MAX_CELL_CHARS
CONSENT_MAX_AHEAD = timedelta(minutes=5)
CONSENT_MAX_AGE = timedelta(days=30)
FORMULA_PREFIXES = ("=", "+", "-", "@")


class PaperFileError(Exception):
    """The file as a whole cannot be read (missing, not CSV, columns missing)."""


@dataclass(frozen=True)
class PaperRow:
    line: int
    request: RegistrationRequest | None
    problems: tuple[str, ...]


def read_rows(
    path: Path,
    *,
    regions: Sequence[str] = ("KZ",),
    default_locale: Locale = "ru",
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Iterator[PaperRow]:
    """Every data row of the file, checked; raises ``PaperFileError`` for the file."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from _rows(path, handle, regions, default_locale, now)
    except FileNotFoundError:
        raise PaperFileError(f"The file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PaperFileError(f"The file {path} cannot be read as UTF-8 text ({exc}).") from None


def _rows(
    path: Path,
    handle: TextIO,
    regions: Sequence[str],
    default_locale: Locale,
    now: Callable[[], datetime],
) -> Iterator[PaperRow]:
    too_long: set[int] = set()
    lines = _bounded_lines(handle, too_long)
    first = next(lines, None)
    if 1 in too_long:
        raise PaperFileError(f"The first line of {path} is not a header: it is far too long.")
    if first is None or not first.strip():
        raise PaperFileError(f"The file {path} is empty.")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(_prepend(first, lines), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise PaperFileError(
            f"The file {path} lacks the column(s) {', '.join(missing)}: the header must "
            f"name {', '.join(REQUIRED_COLUMNS)} (and optionally locale)."
        )
    end = reader.line_num
    while True:
        start = end + 1
        try:
            record = next(reader, None)
        except csv.Error as exc:
            end = reader.line_num
            yield PaperRow(start, None, (f"not a CSV row ({exc})",))
            continue
        if record is None:
            return
        end = reader.line_num
        if any(start <= n <= end for n in too_long):
            yield PaperRow(start, None, (f"longer than {MAX_LINE_CHARS} characters",))
            continue
        if end > start:
            yield PaperRow(start, None, ("a cell holds a line break (lines joined by a quote)",))
            continue
        cells = {h: (v or "").strip() for h, v in zip(header, record, strict=False) if h}
        if not any(cells.values()):
            continue
        for column in REQUIRED_COLUMNS:
            cells.setdefault(column, "")
        yield _check(start, cells, regions, default_locale, now())


def _bounded_lines(handle: Iterable[str], too_long: set[int]) -> Iterator[str]:
    """The file's lines, each longer than ``MAX_LINE_CHARS`` replaced by an empty
    one (its number noted in ``too_long``) so a huge cell never reaches ``csv``."""
    for number, line in enumerate(handle, 1):
        if len(line) > MAX_LINE_CHARS:
            too_long.add(number)
            yield "\n"
        else:
            yield line


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _cell_problem(column: str, value: str) -> str | None:
    """A cell no row may hold: too long, a control character, or (except the
    phone, where ``+`` is the country code) a spreadsheet formula's first character."""
    if len(value) > MAX_CELL_CHARS:
        return f"{column}: longer than {MAX_CELL_CHARS} characters"
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        return f"{column}: holds a control character"
    if column != "phone" and value.startswith(FORMULA_PREFIXES):
        return f"{column}: must not start with {', '.join(FORMULA_PREFIXES)}"
    return None


def _check(
    line: int, cells: dict[str, str], regions: Sequence[str], default_locale: Locale, now: datetime
) -> PaperRow:
    problems = [p for p in (_cell_problem(c, v) for c, v in cells.items()) if p]
    if problems:
        return PaperRow(line, None, tuple(problems))
    email = phone = ""
    try:
        email = normalize_email(cells["email"]) if cells["email"] else ""
        if not email:
            problems.append("email: required")
    except EmailProblem as exc:
        problems.append(f"email: {exc.code}")
    try:
        phone = normalize_phone(cells["phone"], regions=tuple(regions)) if cells["phone"] else ""
        if not phone:
            problems.append("phone: required")
    except PhoneProblem as exc:
        problems.append(f"phone: {exc.code}")
    consent_at: datetime | None = None
    try:
        consent_at = datetime.fromisoformat(cells["consent_at"])
        if consent_at.tzinfo is None:
            problems.append("consent_at: needs a time zone, e.g. +05:00")
        elif not now - CONSENT_MAX_AGE <= consent_at <= now + CONSENT_MAX_AHEAD:
            problems.append("consent_at: out of range (within the last 30 days, not later)")
    except ValueError:
        problems.append("consent_at: not an ISO 8601 time")
    except OverflowError:  # 0001-01-01T00:00:00+05:00 is before the first UTC instant
        problems.append("consent_at: out of range (within the last 30 days, not later)")
    operator = cells["operator"]
    if not operator or len(operator) > MAX_OPERATOR_CHARS:
        problems.append(f"operator: required, at most {MAX_OPERATOR_CHARS} characters")
    locale = cells.get("locale") or default_locale
    if locale not in LOCALES:
        problems.append("locale: must be ru, kk or en")
    if problems or consent_at is None:
        return PaperRow(line, None, tuple(problems))
    req = RegistrationRequest(
        email=email,
        phone=phone,
        consent=True,
        locale=locale,  # type: ignore[arg-type]
        operator=operator,
        captured_at=consent_at,
    )
    return PaperRow(line, req, ())


def import_id(key: bytes, req: RegistrationRequest) -> str:
    """The outbox id of an imported row: same row and key → same id."""
    assert req.captured_at is not None
    material = "\x1f".join(("paper", req.email.lower(), req.phone, req.captured_at.isoformat()))
    digest = hmac.new(key, material.encode(), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))
