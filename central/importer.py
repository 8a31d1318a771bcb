"""Import the policies of clients who bought online (CSV from the web shop).

Columns (header names are case-insensitive; spaces or underscores):
``phone, email, name, contract number, product, start date, end date, premium``
and optionally ``currency`` (default KZT). Comma- or semicolon-separated,
UTF-8 with or without BOM; dates ``YYYY-MM-DD`` or ``DD.MM.YYYY``; premium with
``.`` or ``,`` as decimal mark.

Each new client gets an account that is active at once (source
``online_purchase``) and a temporary password (argon2id; change forced at first
login) in a welcome email listing their contracts. A contract for a known client
is attached to their account. Importing the same file again changes nothing: a
known contract number of the same client is skipped, no email is queued. A bad
row is reported with its line number and skipped (a cell holding a control
character, such as NUL, too: PostgreSQL cannot store it); reasons name the field,
never the personal data. A file the CSV reader cannot read to the end (a cell over
``MAX_CELL_BYTES``, a broken quote) is refused as a whole with one sentence.
The whole file is one transaction (a savepoint per row), so a crash mid-import
leaves nothing half done and the file can simply be re-run.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import write_transaction
from central.core.security import new_temporary_password
from central.core.text import has_control_character
from central.messaging.outbox import enqueue
from central.models import Account, new_id, utcnow
from central.repositories import accounts, audit, contracts
from vic_rules.email import EmailProblem, email_with_key
from vic_rules.phone import PhoneProblem, normalize_phone

REQUIRED = (
    "phone",
    "email",
    "name",
    "contract_number",
    "product",
    "start_date",
    "end_date",
    "premium",
)
DEFAULT_CURRENCY = "KZT"
MAX_CELL_BYTES = 128 * 1024  # the csv module's own field limit (131072 characters)
MAX_PREMIUM = Decimal("999999999999.99")


class ImportFileError(Exception):
    """The file as a whole cannot be imported (missing, unreadable, no header)."""


class BadRow(ValueError):
    pass


@dataclass
class ImportReport:
    accounts_created: int = 0
    contracts_added: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.accounts_created} accounts created, {self.contracts_added} contracts "
            f"added, {self.unchanged} rows already imported, {len(self.errors)} rows skipped"
        )


@dataclass(frozen=True)
class PolicyRow:
    phone: str
    email: str
    email_key: str
    name: str | None
    number: str
    product: str
    starts_on: date
    ends_on: date
    premium: Decimal
    currency: str


def _header_key(name: str) -> str:
    return "_".join(name.strip().lower().replace("_", " ").split())


def _date(text: str, column: str) -> date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise BadRow(f"{column} is not a date (YYYY-MM-DD or DD.MM.YYYY)")


def _premium(text: str) -> Decimal:
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise BadRow("premium is not a number") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_PREMIUM:
        raise BadRow("premium is out of range")
    return amount.quantize(Decimal("0.01"))


def parse_row(raw: Mapping[str, str], settings: Settings) -> PolicyRow:
    """One validated row, or ``BadRow`` naming the first problem."""
    values = {k: (v or "").strip() for k, v in raw.items()}
    controlled = [k.replace("_", " ") for k, v in values.items() if has_control_character(v)]
    if controlled:
        raise BadRow(f"{', '.join(controlled)} holds a control character")
    missing = [c for c in REQUIRED if c != "name" and not values.get(c)]
    if missing:
        raise BadRow(f"missing {', '.join(missing)}")
    try:
        phone = normalize_phone(values["phone"], settings.allowed_regions, settings.default_region)
    except PhoneProblem as exc:
        raise BadRow(f"phone rejected ({exc.code})") from None
    try:
        email, email_key = email_with_key(values["email"])
    except EmailProblem:
        raise BadRow("email rejected (invalid_email)") from None
    starts_on = _date(values["start_date"], "start date")
    ends_on = _date(values["end_date"], "end date")
    if ends_on < starts_on:
        raise BadRow("end date is before start date")
    currency = (values.get("currency") or DEFAULT_CURRENCY).upper()
    if len(currency) != 3 or not currency.isalpha():
        raise BadRow("currency is not a three-letter code")
    if len(values["contract_number"]) > 64 or len(values["product"]) > 200:
        raise BadRow("contract number or product is too long")
    return PolicyRow(
        phone=phone,
        email=email,
        email_key=email_key,
        name=(values.get("name") or "")[:200] or None,
        number=values["contract_number"],
        product=values["product"],
        starts_on=starts_on,
        ends_on=ends_on,
        premium=_premium(values["premium"]),
        currency=currency,
    )


def read_rows(text: str) -> Iterable[tuple[int, dict[str, str]]]:
    """``(line number, row)`` pairs; raises ``ImportFileError`` for a bad header."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [_header_key(h) for h in next(reader)]
    except StopIteration:
        raise ImportFileError("the file is empty") from None
    absent = [c for c in REQUIRED if c not in header]
    if absent:
        raise ImportFileError(f"the header lacks the column(s): {', '.join(absent)}")
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise ImportFileError(
                f"line {reader.line_num} cannot be read: a cell is over "
                f"{MAX_CELL_BYTES // 1024} KB or a quote is not closed"
            ) from None
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield reader.line_num, {"__bad__": f"{len(cells)} cells, expected {len(header)}"}
            continue
        yield reader.line_num, dict(zip(header, cells, strict=True))


class _Importer:
    def __init__(self, db: Session, settings: Settings) -> None:
        self.db, self.settings, self.now = db, settings, utcnow()
        self.report = ImportReport()
        self.welcome: dict[str, tuple[Account, str, str]] = {}

    def _account_for(self, row: PolicyRow) -> Account | None:
        by_phone = accounts.by_phone(self.db, row.phone)
        by_email = accounts.by_email_key(self.db, row.email_key)
        if by_phone is not None and by_email is not None and by_phone.id != by_email.id:
            raise BadRow("the phone and the email belong to two different accounts")
        if (by_phone is None) != (by_email is None):
            raise BadRow("the phone or the email belongs to an account with other contact data")
        return by_phone

    def import_row(self, row: PolicyRow) -> None:
        existing = contracts.contract_by_number(self.db, row.number)
        account = self._account_for(row)
        if existing is not None:
            if account is None or existing.account_id != account.id:
                raise BadRow("the contract number belongs to another client")
            self.report.unchanged += 1
            return
        if account is None:
            password, email_id = new_temporary_password(), new_id()
            account = accounts.create_online(
                self.db,
                email=row.email,
                email_key=row.email_key,
                phone=row.phone,
                full_name=row.name,
                locale=self.settings.default_locale,
                password_message_id=email_id,
                now=self.now,
                temporary_until=self.now
                + timedelta(seconds=self.settings.temporary_password_ttl_s),
            )
            self.welcome[account.id] = (account, password, email_id)
            self.report.accounts_created += 1
        contracts.add(
            self.db,
            account_id=account.id,
            number=row.number,
            product=row.product,
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            premium=row.premium,
            currency=row.currency,
        )
        self.report.contracts_added += 1

    def queue_welcome_emails(self) -> None:
        for account, password, email_id in self.welcome.values():
            enqueue(
                self.db,
                channel="email",
                to=account.email,
                kind="online_purchase_welcome_email",
                locale=account.locale,
                params={
                    "temporary_password": password,
                    "login": account.email,
                    "contract_numbers": list(contracts.contract_numbers_of(self.db, account.id)),
                },
                password=password,  # hashed onto the account when this email goes
                message_id=email_id,
            )


def import_text(factory: sessionmaker[Session], settings: Settings, text: str) -> ImportReport:
    """Import CSV ``text`` in one transaction; see the module docstring."""
    with write_transaction(factory) as db:  # it reads, then writes, beside the sender
        importer = _Importer(db, settings)
        for line, raw in read_rows(text):
            try:
                if "__bad__" in raw:
                    raise BadRow(raw["__bad__"])
                row = parse_row(raw, settings)
                with db.begin_nested():
                    importer.import_row(row)
            except BadRow as exc:
                importer.report.errors.append((line, str(exc)))
            except IntegrityError:
                importer.report.errors.append((line, "conflicts with another row or account"))
        importer.queue_welcome_emails()
        # one event per file, with its counts (the file names no one else)
        audit.record(db, "policies_imported", utcnow(), detail=importer.report.summary())
        return importer.report


def import_file(factory: sessionmaker[Session], settings: Settings, path: Path) -> ImportReport:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFileError(f"{path} does not exist") from None
    except UnicodeDecodeError:
        raise ImportFileError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise ImportFileError(f"{path} cannot be read ({exc.strerror})") from None
    return import_text(factory, settings, text)
