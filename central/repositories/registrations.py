"""Registrations and the confirmation codes issued for them.

A new registration is the central's busiest write (a terminal's outbox drains
thousands in a row), so its statements are prebuilt Core: the checks in one
SELECT, the row inserted with its code, the code issue counted. The ORM stays
for the rarer reads and changes (confirm, resend, status).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    bindparam,
    exists,
    func,
    insert,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from central.models import Account, CodeIssue, RateEvent, Registration
from central.repositories import locks, rates
from central.repositories.tables import table_of

TERMINAL_SCOPE = "registration_terminal"
IP_SCOPE = "registration_ip"
# a code sent to a phone for a reset or an email correction; with the
# registrations' code issues, the phone's one budget of codes per hour
PHONE_CODE_SCOPE = "phone_code"

_codes = table_of(CodeIssue).c
_events = table_of(RateEvent).c
_accounts = table_of(Account).c
_INSERT = insert(table_of(Registration))
_INSERT_CODE_ISSUE = insert(table_of(CodeIssue))


def save(db: Session, registration: Registration) -> Registration:
    """Write ``registration`` (new or changed) with what else is pending, so rows
    referring to it can follow (the unit of work does not order by foreign keys)."""
    db.add(registration)
    db.flush()
    return registration


def get(db: Session, registration_id: str) -> Registration | None:
    return db.get(Registration, registration_id)


def get_for_update(db: Session, registration_id: str) -> Registration | None:
    """The registration locked for this transaction (PostgreSQL row lock), so two
    concurrent confirmations cannot both spend the same attempt."""
    query = select(Registration).where(Registration.id == registration_id).with_for_update()
    return db.scalars(query.execution_options(populate_existing=True)).first()


def spend_attempt(db: Session, registration_id: str) -> int | None:
    """Take one attempt of the registration's live code, atomically: the
    attempts left after it, or None when none was left (burnt, confirmed, no
    such row). A conditional UPDATE, so parallel guesses each take their own
    attempt and no more than the code's attempts are ever judged; the row stays
    write-locked until the transaction ends (the caller judges the code under it)."""
    query = (
        update(Registration)
        .where(
            Registration.id == registration_id,
            Registration.status == "code_sent",
            Registration.code_hash.is_not(None),
            Registration.attempts_left > 0,
        )
        .values(attempts_left=Registration.attempts_left - 1)
        .returning(Registration.attempts_left)
        .execution_options(synchronize_session=False)
    )
    left = db.execute(query).scalar_one_or_none()
    return None if left is None else int(left)


def take_resend(db: Session, registration_id: str, available_from: datetime, now: datetime) -> bool:
    """Claim the resend of a code sent at or before ``available_from`` (the
    cool-down over): True for exactly one of any number of parallel resends,
    which then writes the new code (its ``code_sent_at`` becomes ``now``)."""
    query = (
        update(Registration)
        .where(
            Registration.id == registration_id,
            Registration.status == "code_sent",
            Registration.code_sent_at <= available_from,
        )
        .values(code_sent_at=now)
        .returning(Registration.id)
        .execution_options(synchronize_session=False)
    )
    return db.execute(query).scalar_one_or_none() is not None


def lock_windows(db: Session, terminal_id: str, ip: str | None) -> None:
    """Serialise, until the transaction ends, new registrations counted in the
    terminal's and the IP's hourly windows (PostgreSQL; see ``lock_phone`` for
    SQLite). Taken after the phone's lock, never before it, so two requests
    cannot wait on each other; and as late as possible (right before the
    ``windows`` that decide, the rows already written): one busy terminal's
    requests queue only for the count and the commit."""
    names = [f"rate:{TERMINAL_SCOPE}:{terminal_id}"]
    if ip:
        names.append(f"rate:{IP_SCOPE}:{ip}")
    locks.hold(db, *names)


def lock_phone(db: Session, phone: str) -> None:
    """Serialise, until the transaction ends, everything that counts or issues
    codes for ``phone`` (the per-phone hourly cap): on PostgreSQL a transaction
    advisory lock keyed by the phone's hash. SQLite needs none: a request's first
    write (its idempotency claim) takes the database's one write lock, so its
    checks and writes already run one request at a time."""
    locks.hold(db, f"code-phone:{phone}")


def _aware(value: Any, like: datetime) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=like.tzinfo) if value.tzinfo is None else value


def _codes_columns(phone: Any, since: Any) -> tuple[ColumnElement[Any], ...]:
    """(count, oldest) of every code sent to ``phone`` after ``since``: the
    registrations' (``code_issues``) and the others' (``PHONE_CODE_SCOPE``
    events: resets, email corrections), one budget."""
    issued = (_codes.phone == phone, _codes.issued_at > since)
    other = (_events.scope == PHONE_CODE_SCOPE, _events.key == phone, _events.at > since)
    both = union_all(
        select(_codes.issued_at.label("at")).where(*issued), select(_events.at).where(*other)
    ).subquery()
    return (
        select(func.count()).where(*issued).scalar_subquery()
        + select(func.count()).where(*other).scalar_subquery(),
        select(func.min(both.c.at)).scalar_subquery(),
    )


_CODES_SINCE = select(*_codes_columns(bindparam("phone"), bindparam("since")))


def codes_issued_since(db: Session, phone: str, since: datetime) -> tuple[int, datetime | None]:
    """How many codes went to ``phone`` since ``since`` (registrations', resets',
    email corrections'), and when the oldest did. Call under ``lock_phone``."""
    count, oldest = db.connection().execute(_CODES_SINCE, {"phone": phone, "since": since}).one()
    return int(count), _aware(oldest, since)


def record_other_code(db: Session, phone: str, now: datetime) -> None:
    """Count a code sent to ``phone`` for something else than a registration
    (a reset, an email correction) in the phone's one hourly budget."""
    rates.record(db, PHONE_CODE_SCOPE, phone, now)


Window = tuple[int, datetime | None]  # (actions in the last hour, the oldest's time)


@dataclass(frozen=True)
class StartChecks:
    """What a new registration is checked against, read in one statement."""

    terminal: Window
    ip: Window | None
    account_exists: bool
    phone_codes: Window


def _window_columns(with_ip: bool, since: BindParameter[datetime]) -> list[Any]:
    """(count, oldest) of the terminal's window, then of the IP's (``with_ip``)."""
    columns = list(
        rates.window_columns(
            TERMINAL_SCOPE, bindparam("terminal_id"), since, bindparam("terminal_limit")
        )
    )
    if with_ip:
        columns += rates.window_columns(IP_SCOPE, bindparam("ip"), since, bindparam("ip_limit"))
    return columns


def _start_checks_query(with_ip: bool) -> Select[Any]:
    """The statement of ``start_checks``, built once per shape (with or without
    the IP's window) with bind parameters: building it per request cost more
    Python than running it."""
    phone: BindParameter[str] = bindparam("phone")
    since: BindParameter[datetime] = bindparam("since")
    account = exists().where(
        or_(_accounts.phone == phone, _accounts.email_key == bindparam("email_key"))
    )
    names = ["terminal_count", "terminal_oldest", "ip_count", "ip_oldest"]
    columns = [c.label(n) for c, n in zip(_window_columns(with_ip, since), names, strict=False)]
    phone_count, phone_oldest = _codes_columns(phone, since)
    columns += [
        account.label("account_exists"),
        phone_count.label("phone_count"),
        phone_oldest.label("phone_oldest"),
    ]
    return select(*columns)


_START_CHECKS = {with_ip: _start_checks_query(with_ip) for with_ip in (True, False)}


def _windows_query(with_ip: bool) -> Select[Any]:
    return select(*_window_columns(with_ip, bindparam("since")))


_WINDOWS = {with_ip: _windows_query(with_ip) for with_ip in (True, False)}


def windows(
    db: Session, terminal: tuple[str, int], ip: tuple[str, int] | None, now: datetime
) -> tuple[Window, Window | None]:
    """The terminal's and the IP's hourly windows, as ``start_checks`` reads
    them (each given as its key and limit), in one statement of their own."""
    params = {
        "terminal_id": terminal[0],
        "terminal_limit": terminal[1],
        "ip": ip[0] if ip else None,
        "ip_limit": ip[1] if ip else None,
        "since": hour_ago(now),
    }
    row = db.connection().execute(_WINDOWS[bool(ip)], params).one()
    found_ip = (int(row[2]), _aware(row[3], now)) if ip else None
    return (int(row[0]), _aware(row[1], now)), found_ip


def start_checks(
    db: Session,
    terminal: tuple[str, int],
    ip: tuple[str, int] | None,
    phone: str,
    email_key: str,
    now: datetime,
) -> StartChecks:
    """The terminal's and the IP's hourly windows (each given as its key and
    limit: see ``rates.window_columns``), whether an account holds the phone or
    email, and the codes sent to the phone in the last hour: one round trip
    instead of four (each a scalar subquery over its own index)."""
    params = {
        "terminal_id": terminal[0],
        "terminal_limit": terminal[1],
        "ip": ip[0] if ip else None,
        "ip_limit": ip[1] if ip else None,
        "phone": phone,
        "email_key": email_key,
        "since": hour_ago(now),
    }
    row = db.connection().execute(_START_CHECKS[bool(ip)], params).one()._mapping
    return StartChecks(
        terminal=(int(row["terminal_count"]), _aware(row["terminal_oldest"], now)),
        ip=(int(row["ip_count"]), _aware(row["ip_oldest"], now)) if ip else None,
        account_exists=bool(row["account_exists"]),
        phone_codes=(int(row["phone_count"]), _aware(row["phone_oldest"], now)),
    )


def insert_new(db: Session, values: dict[str, Any]) -> None:
    """A new registration (every column in ``values``, its code included),
    inserted at once: rows referring to it may follow."""
    db.connection().execute(_INSERT, values)


def record_code_issue(db: Session, phone: str, registration_id: str, now: datetime) -> None:
    """Count a code sent to ``phone`` (inserted at once: the registration must
    already be written)."""
    db.connection().execute(
        _INSERT_CODE_ISSUE, {"phone": phone, "registration_id": registration_id, "issued_at": now}
    )


def hour_ago(now: datetime) -> datetime:
    return now - timedelta(hours=1)
