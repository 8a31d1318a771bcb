"""Every row a new registration makes, written together.

The registration (with its code), the code issue the per-phone cap counts, the
terminal's and the IP's rate events, the SMS in the outbox and the audit event.
On PostgreSQL they are one statement of data-modifying CTEs: one round trip
instead of five, each of which cost about 0.1 ms of the central's CPU and as
much of the server's. SQLite has neither round trips nor such CTEs: there they
are one prebuilt INSERT per table. Either way they are part of the caller's
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, Table, bindparam, insert, literal, select
from sqlalchemy.orm import Session

from central.models import AuditEvent, CodeIssue, Message, RateEvent, Registration
from central.repositories import audit, rates, registrations
from central.repositories.tables import table_of

_registrations = table_of(Registration)
_INSERT_MESSAGE = insert(table_of(Message))


@dataclass(frozen=True)
class NewRegistration:
    """The rows, as column values: ``registration`` and ``message`` every column,
    ``audit`` as ``audit.row`` makes it; ``rate_events`` are (scope, key) pairs
    counted at the registration's ``created_at``."""

    registration: dict[str, Any]
    rate_events: list[tuple[str, str]]
    message: dict[str, Any]
    audit: dict[str, Any]


def write(db: Session, new: NewRegistration) -> None:
    if db.get_bind().dialect.name == "postgresql":
        _write_at_once(db, new)
        return
    reg = new.registration
    rates.record_all(db, new.rate_events, reg["created_at"])
    registrations.insert_new(db, reg)
    registrations.record_code_issue(db, reg["phone"], reg["id"], reg["code_sent_at"])
    db.connection().execute(_INSERT_MESSAGE, new.message)
    audit.insert_row(db, new.audit)


def _values(table: Table, prefix: str, columns: tuple[str, ...]) -> dict[str, Any]:
    return {name: bindparam(f"{prefix}{name}", type_=table.c[name].type) for name in columns}


_Shape = tuple[tuple[str, ...], int, tuple[str, ...], tuple[str, ...]]
_STATEMENTS: dict[_Shape, Executable] = {}


def _statement(shape: _Shape) -> Executable:
    """The one statement for rows of this shape (columns given, rate events),
    built once: its bind parameters are ``r_``, ``e<n>_``, ``m_`` and ``a_``
    followed by a column's name."""
    found = _STATEMENTS.get(shape)
    if found is not None:
        return found
    reg_columns, event_count, message_columns, audit_columns = shape
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
    statement = _STATEMENTS[shape] = select(literal(1)).add_cte(*ctes)
    return statement


def _write_at_once(db: Session, new: NewRegistration) -> None:
    reg, message, audit_row = new.registration, new.message, new.audit
    shape = (tuple(reg), len(new.rate_events), tuple(message), tuple(audit_row))
    params: dict[str, Any] = {f"r_{name}": value for name, value in reg.items()}
    params.update({f"m_{name}": value for name, value in message.items()})
    params.update({f"a_{name}": value for name, value in audit_row.items()})
    for n, (scope, key) in enumerate(new.rate_events):
        params.update({f"e{n}_scope": scope, f"e{n}_key": key, f"e{n}_at": reg["created_at"]})
    db.connection().execute(_statement(shape), params)
