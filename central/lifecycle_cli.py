"""The operator's data-protection commands: ``python -m central purge|audit``.

``purge [--dry-run]`` applies the retention rules now (the sender's loop does
so hourly by itself) and prints the rows by table; a dry run only counts them.
``audit [--account LOGIN] [--terminal ID] [--since T] [--until T] [--json]``
prints the audit trail's events, oldest first (T: ISO 8601, UTC when no zone).
Errors are one sentence on stderr, as everywhere in ``central.cli``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from central.cli import EXIT_OK, CliError, load_settings, migrated_engine
from central.core.db import make_session_factory
from central.core.errors import NotFound
from central.models import utcnow
from central.services import audit_trail, purge

AUDIT_LIMIT = 100_000  # events printed at most; narrow the question for more


def cmd_purge(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        report = purge.run(
            make_session_factory(engine), settings, utcnow(), dry_run=args.dry_run, wait=True
        )
    finally:
        engine.dispose()
    for line in report.lines():
        print(line)
    verb = "would be deleted" if report.dry_run else "deleted"
    print(f"{report.total} rows {verb} in all.")
    return EXIT_OK


def _instant(value: str) -> datetime:
    """An ISO 8601 date or time; UTC when it names no zone."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date or time (ISO 8601, e.g. 2026-12-01T09:00)"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cmd_audit(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        with make_session_factory(engine)() as db:
            account_id = None
            if args.account is not None:
                try:
                    account_id = audit_trail.account_id_of(db, settings, args.account)
                except NotFound:
                    raise CliError(f"No account has the login {args.account}.") from None
            found = audit_trail.events(
                db,
                account_id=account_id,
                terminal_id=args.terminal,
                since=args.since,
                until=args.until,
                limit=args.limit,
            )
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps([asdict(e) for e in found], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("No events.")
    for e in found:
        print("\t".join(v or "-" for v in (e.at, e.action, e.account_id, e.terminal_id,
                                             e.operator, e.detail)))  # fmt: skip
    return EXIT_OK


def add_commands(sub: Any, db: argparse.ArgumentParser) -> None:
    """The data-protection commands, added to ``central.cli``'s parser."""
    purged = sub.add_parser(
        "purge", parents=[db], help="delete what is past its retention (see the README)"
    )
    purged.add_argument("--dry-run", action="store_true", help="only count, by table")
    purged.set_defaults(run=cmd_purge)
    audit = sub.add_parser("audit", parents=[db], help="the audit trail, oldest first")
    audit.add_argument("--account", metavar="LOGIN", help="phone, email or account id")
    audit.add_argument("--terminal", metavar="ID", help="a terminal's id")
    audit.add_argument("--since", type=_instant, metavar="T", help="from (ISO 8601)")
    audit.add_argument("--until", type=_instant, metavar="T", help="before (ISO 8601)")
    audit.add_argument("--limit", type=int, default=AUDIT_LIMIT, help="events at most")
    audit.add_argument("--json", action="store_true")
    audit.set_defaults(run=cmd_audit)
