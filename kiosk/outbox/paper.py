"""Registrations written down on paper during an outage, typed into a CSV file.

Columns (header row required, comma or semicolon, UTF-8 with or without BOM):
``email``, ``phone``, ``consent_at`` (when the client signed, ISO 8601 with a
zone, e.g. ``2025-03-01T10:15:00+05:00``), ``operator`` (the clerk), and an
optional ``locale`` (ru, kk, en). Each row is checked with ``vic_rules``;
a bad row is reported with its line number and never captured.

An imported row's outbox id is derived from its content with a keyed hash (the
outbox key), so importing the same file twice captures nothing twice, and the
id reveals nothing about the person without the key.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.api_types import Locale, RegistrationRequest
from vic_rules.email import EmailProblem, normalize_email
from vic_rules.phone import PhoneProblem, normalize_phone

REQUIRED_COLUMNS = ("email", "phone", "consent_at", "operator")
LOCALES: tuple[Locale, ...] = ("ru", "kk", "en")
MAX_OPERATOR_CHARS = 64


class PaperFileError(Exception):
    """The file as a whole cannot be read (missing, not CSV, columns missing)."""


@dataclass(frozen=True)
class PaperRow:
    line: int
    request: RegistrationRequest | None
    problems: tuple[str, ...]


def read_rows(
    path: Path, *, regions: Sequence[str] = ("KZ",), default_locale: Locale = "ru"
) -> Iterator[PaperRow]:
    """Every data row of the file, checked; raises ``PaperFileError`` for the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PaperFileError(f"The file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PaperFileError(f"The file {path} cannot be read as UTF-8 text ({exc}).") from None
    lines = text.splitlines()
    if not lines:
        raise PaperFileError(f"The file {path} is empty.")
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.DictReader(lines, delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise PaperFileError(
            f"The file {path} lacks the column(s) {', '.join(missing)}: the header must "
            f"name {', '.join(REQUIRED_COLUMNS)} (and optionally locale)."
        )
    reader.fieldnames = header
    for record in reader:
        line = reader.line_num
        cells = {k: (v or "").strip() for k, v in record.items() if isinstance(k, str)}
        if not any(cells.values()):
            continue
        yield _check(line, cells, regions, default_locale)


def _check(
    line: int, cells: dict[str, str], regions: Sequence[str], default_locale: Locale
) -> PaperRow:
    problems: list[str] = []
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
    except ValueError:
        problems.append("consent_at: not an ISO 8601 time")
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
