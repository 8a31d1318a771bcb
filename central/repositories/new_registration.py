"""Every row a new registration makes, written together.

The registration (with its code), the code issue the per-phone cap counts, the
terminal's and the IP's rate events, the SMS in the outbox and the audit event.
On PostgreSQL they are one statement of data-modifying CTEs: one round trip
instead of five, each of which costs CPU in the central and in the server
(docs/performance.md §4, run H). SQLite has neither round trips nor such CTEs: there they
are one prebuilt INSERT per table. Either way they are part of the caller's
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Executable, Table, bindparam, insert, literal, select
from sqlalchemy.orm import Session

from central.messaging.outbox import MessageRow
from central.models import AuditEvent, CodeIssue, Message, RateEvent, Registration
from central.repositories import audit, rates, registrations
from central.repositories.audit import AuditRow
from central.repositories.tables import table_of

_registrations = table_of(Registration)
_INSERT_MESSAGE = insert(table_of(Message))


@dataclass(frozen=True, slots=True)
class RegistrationRow:
    """Every column of a new registration, its code included."""

    id: str
    email: str
    email_key: str
    phone: str
    locale: str
    consent_at: datetime
    consent_text_version: str
    operator: str | None
    terminal_id: str
    client_ip: str | None
    captured_at: datetime | None
    created_at: datetime
    status: str
    code_hash: str
    code_sent_at: datetime
    code_expires_at: datetime
    attempts_left: int
    link_token_hash: str | None
    confirmed_at: None = None
    account_id: None = None

    def columns(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True)
class NewRegistration:
    """The rows: the registration, its SMS (``message_id`` its id), the audit
    event, and ``rate_events`` as (scope, key) pairs counted at the
    registration's ``created_at``."""

    registration: RegistrationRow
    rate_events: tuple[tuple[str, str], ...]
    message_id: str
    message: MessageRow
    audit: AuditRow


def write(db: Session, new: NewRegistration) -> None:
    if db.get_bind().dialect.name == "postgresql":
        _write_at_once(db, new)
        return
    reg = new.registration
    rates.record_all(db, new.rate_events, reg.created_at)
    registrations.insert_new(db, reg.columns())
    registrations.record_code_issue(db, reg.phone, reg.id, reg.code_sent_at)
    db.connection().execute(_INSERT_MESSAGE, {"id": new.message_id, **new.message.columns()})
    audit.insert_row(db, new.audit)


def _values(table: Table, prefix: str, columns: tuple[str, ...]) -> dict[str, Any]:
    return {name: bindparam(f"{prefix}{name}", type_=table.c[name].type) for name in columns}


_REG_COLUMNS = RegistrationRow.__slots__
_MESSAGE_COLUMNS = ("id", *MessageRow.__slots__)
_AUDIT_COLUMNS = AuditRow.__slots__
_STATEMENTS: dict[int, Executable] = {}


def _statement(event_count: int) -> Executable:
    """The one statement for ``event_count`` rate events, built once. Its bind
    parameters (private to this module) are a table's prefix (``r_``,
    ``e<n>_``, ``m_``, ``a_``) and a column's name: one statement holds
    several tables' columns of the same name."""
    found = _STATEMENTS.get(event_count)
    if found is not None:
        return found
    reg_columns, message_columns, audit_columns = _REG_COLUMNS, _MESSAGE_COLUMNS, _AUDIT_COLUMNS
    events, codes = table_of(RateEvent), table_of(CodeIssue)
    reg = (
        insert(_registrations)
        .values(_values(_registrations, "r_", reg_columns))
        .returning(_registrations.c.id, _registrations.c.phone, _registrations.c.code_sent_at)
        .cte("new_registration")
    )
    ctes = [
        reg,
        insert(codes)
        .from_select(
            ["phone", "registration_id", "issued_at"],
            select(reg.c.phone, reg.c.id, reg.c.code_sent_at),
        )
        .cte("new_code_issue"),
        insert(table_of(Message))
        .values(_values(table_of(Message), "m_", message_columns))
        .cte("new_message"),
        insert(table_of(AuditEvent))
        .values(_values(table_of(AuditEvent), "a_", audit_columns))
        .cte("new_audit_event"),
    ]
    # one single-row INSERT per event: SQLAlchemy does not cache the compiled
    # form of a multi-row VALUES, and compiling it cost more than a round trip
    ctes += [
        insert(events)
        .values(_values(events, f"e{n}_", ("scope", "key", "at")))
        .cte(f"new_rate_event_{n}")
        for n in range(event_count)
    ]
    statement = _STATEMENTS[event_count] = select(literal(1)).add_cte(*ctes)
    return statement


def _write_at_once(db: Session, new: NewRegistration) -> None:
    reg = new.registration
    params: dict[str, Any] = {f"r_{name}": value for name, value in reg.columns().items()}
    params["m_id"] = new.message_id
    params.update({f"m_{name}": value for name, value in new.message.columns().items()})
    params.update({f"a_{name}": value for name, value in new.audit.columns().items()})
    for n, (scope, key) in enumerate(new.rate_events):
        params.update({f"e{n}_scope": scope, f"e{n}_key": key, f"e{n}_at": reg.created_at})
    db.connection().execute(_statement(len(new.rate_events)), params)
