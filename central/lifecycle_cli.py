"""The operator's data-protection commands: ``python -m central purge|audit``.

``purge [--dry-run]`` applies the retention rules now (the sender's loop does
so hourly by itself) and prints the rows by table; a dry run only counts them.
``audit [--account LOGIN] [--terminal ID] [--since T] [--until T] [--json]``
prints the audit trail's events, oldest first (T: ISO 8601, UTC when no zone).
``accounts close LOGIN --reason TEXT`` closes an account on a written request
(as the client's own closure does); ``accounts show LOGIN [--json]`` prints what
the central holds about the person (a subject-access answer).
Errors are one sentence on stderr, as everywhere in ``central.cli``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from central.cli import EXIT_OK, EXIT_USAGE, CliError, load_settings, migrated_engine, operator
from central.core.db import make_session_factory, write_transaction
from central.core.errors import NotFound
from central.models import utcnow
from central.services import audit_trail, closure, purge, subject_access

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


def cmd_accounts_close(args: argparse.Namespace) -> int:
    reason = args.reason.strip()
    if not reason:
        raise CliError("A --reason is required: the written request's reference.", EXIT_USAGE)
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        with write_transaction(make_session_factory(engine)) as db:
            closed = closure.close_by_operator(
                db, args.login, reason, operator(), settings, utcnow()
            )
    except NotFound:
        raise CliError(f"No open account has the login {args.login}.") from None
    finally:
        engine.dispose()
    print(f"Account {closed} is closed: its sessions ended, its phone and email are erased,")
    print("its contracts stay; an SMS and an email confirm it to the client.")
    return EXIT_OK


def cmd_accounts_show(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        with make_session_factory(engine)() as db:
            view = subject_access.describe(db, settings, args.login, utcnow())
    except NotFound:
        raise CliError(f"No account has the login {args.login}.") from None
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps(asdict(view), ensure_ascii=False, indent=2))
        return EXIT_OK
    for label, value in (
        ("account", view.account_id), ("status", view.status), ("source", view.source),
        ("phone", view.phone or "(erased)"), ("email", view.email or "(erased)"),
        ("name", view.full_name or "-"), ("language", view.locale),
        ("created", view.created_at), ("activated", view.activated_at or "-"),
    ):  # fmt: skip
        print(f"{label}: {value}")
    print(f"contracts: {len(view.contracts)}")
    for c in view.contracts:
        print(f"  {c.number}\t{c.product}\t{c.status}\t{c.starts_on}..{c.ends_on}")
    print(f"claims: {len(view.claims)}")
    for k in view.claims:
        print(f"  {k.number}\t{k.kind}\t{k.status}\t{k.created_at}")
    for name, count in view.other_rows.items():
        print(f"{name}: {count}")
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
    accounts = sub.add_parser("accounts", help="clients' accounts (data protection)")
    actions = accounts.add_subparsers(dest="action", required=True)
    close = actions.add_parser("close", parents=[db], help="close one on a written request")
    close.add_argument("login", help="phone, email or account id")
    close.add_argument("--reason", required=True, help="the request's reference")
    close.set_defaults(run=cmd_accounts_close)
    show = actions.add_parser("show", parents=[db], help="what the central holds about one")
    show.add_argument("login", help="phone, email or account id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_accounts_show)
