"""``python -m central terminals list [--json]``: the fleet as the central sees it.

One line per terminal: id, status, branch, name, version, last heartbeat, outbox
backlog, its clock's offset, and flags: ``SILENT`` for a terminal in service (it
has a token and is not revoked) not heard from for more than an hour (or never),
``ATTENTION`` for one whose outbox holds entries that need a person, ``CLOCK``
for one whose clock read more than a minute off the central's at its last
heartbeat (its logs and its clerk's day list go by that clock; by years, its
TLS checks fail). An IT team reads the text;
a monitoring script reads ``--json``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from central.cli import EXIT_OK, load_settings, migrated_engine
from central.core.db import make_session_factory
from central.models import Terminal, utcnow
from central.repositories import terminals as terminal_repo
from vic_rules.fleet import SILENT_AFTER, clock_off


@dataclass(frozen=True)
class FleetRow:
    id: str
    status: str
    branch: str
    name: str
    version: str | None
    last_seen_at: str | None
    outbox_pending: int | None
    outbox_needs_attention: int | None
    oldest_pending_age_s: int | None
    clock_offset_s: int | None  # + ahead of the central's clock, - behind
    silent: bool
    needs_attention: bool
    clock_off: bool


def row_of(terminal: Terminal, now: datetime) -> FleetRow:
    status = terminal_repo.status_of(terminal, now)
    seen = terminal.last_seen_at
    in_service = terminal.token_hash is not None and terminal.revoked_at is None
    silent = in_service and (seen is None or now - seen > SILENT_AFTER)
    return FleetRow(
        id=terminal.id,
        status=status,
        branch=terminal.branch,
        name=terminal.name,
        version=terminal.app_version,
        last_seen_at=seen.isoformat() if seen is not None else None,
        outbox_pending=terminal.outbox_pending,
        outbox_needs_attention=terminal.outbox_needs_attention,
        oldest_pending_age_s=terminal.outbox_oldest_age_s,
        clock_offset_s=terminal.clock_offset_s,
        silent=silent,
        needs_attention=bool(terminal.outbox_needs_attention),
        clock_off=clock_off(terminal.clock_offset_s),
    )


def _text(row: FleetRow) -> str:
    flags = [
        flag
        for flag, on in (
            ("SILENT", row.silent),
            ("ATTENTION", row.needs_attention),
            ("CLOCK", row.clock_off),
        )
        if on
    ]
    backlog = (
        f"{row.outbox_pending} pending, {row.outbox_needs_attention} need attention"
        if row.outbox_pending is not None
        else "backlog unknown"
    )
    seen = f"last seen {row.last_seen_at}" if row.last_seen_at else "never seen"
    cells = [row.id, row.status, row.branch, row.name, row.version or "version unknown", seen]
    clock = [_clock(row.clock_offset_s)] if row.clock_off and row.clock_offset_s else []
    return "\t".join([*cells, backlog, *clock, " ".join(flags)]).rstrip()


def _clock(offset_s: int) -> str:
    """``clock 10 min ahead``, ``clock 3 h behind``, ``clock 400 days ahead``."""
    seconds = abs(offset_s)
    if seconds >= 2 * 86400:
        amount = f"{seconds // 86400} days"
    elif seconds >= 2 * 3600:
        amount = f"{seconds // 3600} h"
    else:
        amount = f"{seconds // 60} min"
    return f"clock {amount} {'ahead' if offset_s > 0 else 'behind'}"


def cmd_terminals_list(args: argparse.Namespace) -> int:
    engine = migrated_engine(load_settings(args.db))
    now = utcnow()
    try:
        with make_session_factory(engine)() as db:
            rows = [row_of(t, now) for t in terminal_repo.list_all(db)]
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
    elif not rows:
        print("No terminals.")
    else:
        for row in rows:
            print(_text(row))
    return EXIT_OK
