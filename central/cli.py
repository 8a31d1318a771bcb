"""The operator's command line: ``python -m central ...`` (``vic-central``).

Exit codes: 0 done; 1 the operation failed (database unreachable, unknown
terminal, unreadable file); 2 bad usage or settings; 3 import done but some rows
were skipped. Errors are one sentence on stderr, never a traceback. Settings
come from ``VIC_CENTRAL_*`` variables and the TOML file named by
``VIC_CENTRAL_CONFIG``; ``--db`` (a URL, or a path to a SQLite file) wins.
Files and folders the commands create are the operator's alone (umask 077):
they hold personal data.
"""

from __future__ import annotations

import argparse
import copy
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, write_transaction
from central.core.migrate import upgrade
from central.models import utcnow
from central.repositories import audit
from central.repositories import terminals as terminal_repo
from vic_rules.version import VERSION

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
DEFAULT_PORT = 8000
PRIVATE_UMASK = 0o077  # files 0600, folders 0700
DEV_DELIVERY_WARNING = (
    "Warning: dev delivery: every SMS code and temporary password is kept for "
    "anyone to read at /dev/messages; never serve real clients like this."
)
DEMO_IN_PRODUCTION = (
    "The demo serves every message at /dev/messages, so it does not run with "
    "VIC_CENTRAL_PRODUCTION set."
)


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def _db_url(value: str) -> str:
    return value if "://" in value else f"sqlite:///{Path(value).expanduser().resolve()}"


def operator() -> str:
    """Who runs the command (the operating system's user), for the audit trail."""
    try:
        return getpass.getuser()[:64]
    except (KeyError, OSError):
        return "unknown"


def load_settings(db: str | None, **overrides: object) -> Settings:
    values = dict(overrides)
    if db:
        values["database_url"] = _db_url(db)
    try:
        return Settings(**values)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        if not where:  # a rule between settings: its message is the sentence
            reason = str(first["msg"]).removeprefix("Value error, ")
            raise CliError(f"{reason[:1].upper()}{reason[1:]}.", EXIT_USAGE) from None
        raise CliError(f"Invalid setting {where}: {first['msg']}.", EXIT_USAGE) from None
    except (OSError, ValueError) as exc:
        raise CliError(f"Cannot read the settings: {exc}.", EXIT_USAGE) from None


def migrated_engine(settings: Settings) -> Engine:
    engine = make_engine(settings.database_url)
    upgrade(engine)
    return engine


def log_config(log_format: str = "text") -> dict[str, Any]:
    """uvicorn's logging, plus the ``central`` loggers at INFO on the same handler;
    ``json``: every line one JSON object with its request id (``central.core.request_log``)."""
    from uvicorn.config import LOGGING_CONFIG

    from central.core.request_log import json_logging

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["central"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return json_logging(config) if log_format == "json" else config


def serve_app(settings: Settings, engine: Engine, host: str, port: int) -> None:
    """Serve with uvicorn's access log off: it would write activation tokens and
    phones from request targets. ``RequestLogMiddleware`` logs each request
    with those masked instead."""
    import uvicorn

    from central.app import served_app

    app = served_app(settings, engine)
    uvicorn.run(
        app, host=host, port=port, access_log=False, log_config=log_config(settings.log_format)
    )


def run_workers(app: str, *, workers: int, host: str, port: int, **options: Any) -> None:
    """``uvicorn.run(app, workers=...)``, except for the listening socket: uvicorn
    makes it with protocol 0, and asyncio sets TCP_NODELAY on accepted
    connections only when the protocol says TCP, so every worker's responses
    (written as head, then body) waited for the client's delayed ACK
    (docs/performance.md §5)."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, factory=True, workers=workers, host=host, port=port, **options)
    bound = config.bind_socket()
    tcp = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, bound.detach())
    tcp.set_inheritable(True)
    Multiprocess(config, sockets=[tcp]).run()


def serve_workers(settings: Settings, host: str, port: int, workers: int) -> None:
    """``workers`` uvicorn processes on one socket, each building its app with
    ``central.app:app_from_env``; the database URL reaches them through the
    environment (the rest of the settings already comes from there)."""
    os.environ["VIC_CENTRAL_DATABASE_URL"] = settings.database_url
    run_workers(
        "central.app:app_from_env",
        workers=workers,
        host=host,
        port=port,
        access_log=False,
        log_config=log_config(settings.log_format),
    )


def check_delivery(settings: Settings) -> None:
    """Live delivery without its relay and gateway is refused, naming what is
    missing; dev delivery (chosen explicitly) starts with a warning line."""
    missing = settings.missing_delivery_settings()
    if missing:
        raise CliError(
            f"Live delivery needs {' and '.join(missing)}: set them, or set "
            "VIC_CENTRAL_DELIVERY_BACKEND=dev for a test central.",
            EXIT_USAGE,
        )
    if settings.delivery_backend == "dev":
        print(DEV_DELIVERY_WARNING, file=sys.stderr, flush=True)


def cmd_serve(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise CliError("--workers must be 1 or more.", EXIT_USAGE)
    settings = load_settings(args.db)
    check_delivery(settings)
    engine = migrated_engine(settings)  # once, before any worker starts
    with serving_metrics(settings, engine):
        if args.workers > 1:
            serve_workers(settings, args.host, args.port, args.workers)
        else:
            serve_app(settings, engine, args.host, args.port)
    engine.dispose()
    return EXIT_OK


@contextmanager
def serving_metrics(settings: Settings, engine: Engine) -> Iterator[None]:
    """``/metrics`` on ``metrics_host:metrics_port`` while the API serves, fed by
    every worker (a multiprocess folder made before any worker starts)."""
    if not settings.metrics_port:
        yield
        return
    from central.core.metrics import (
        prepare_multiprocess_dir,
        remove_multiprocess_dir,
        start_metrics_server,
    )

    folder = prepare_multiprocess_dir()
    try:
        server = start_metrics_server(settings.metrics_host, settings.metrics_port, engine)
    except OSError as exc:
        remove_multiprocess_dir(folder)
        raise CliError(
            f"The metrics port {settings.metrics_host}:{settings.metrics_port} "
            f"cannot be opened ({exc.strerror}).",
            EXIT_USAGE,
        ) from None
    try:
        yield
    finally:
        server.shutdown()
        remove_multiprocess_dir(folder)


def cmd_migrate(args: argparse.Namespace) -> int:
    migrated_engine(load_settings(args.db)).dispose()
    print("The database schema is up to date.")
    return EXIT_OK


def cmd_terminals_add(args: argparse.Namespace) -> int:
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    with write_transaction(make_session_factory(engine)) as db:
        terminal, code = terminal_repo.create(
            db,
            name=args.name,
            branch=args.branch,
            now=utcnow(),
            ttl_s=settings.enrollment_code_ttl_s,
        )
        terminal_id = terminal.id
        audit.record(db, "terminal_added", utcnow(), terminal_id=terminal_id, operator=operator())
    engine.dispose()
    hours = settings.enrollment_code_ttl_s / 3600
    print(f"Terminal {terminal_id} ({args.name}, {args.branch}) created.")
    print(f"One-time enrollment code (valid {hours:g} h, shown only now): {code}")
    return EXIT_OK


def cmd_terminals_revoke(args: argparse.Namespace) -> int:
    engine = migrated_engine(load_settings(args.db))
    try:
        with write_transaction(make_session_factory(engine)) as db:
            terminal_repo.revoke(db, args.id, now=utcnow())
            audit.record(db, "terminal_revoked", utcnow(), terminal_id=args.id, operator=operator())
    except terminal_repo.TerminalNotFound:
        raise CliError(f"No terminal has the id {args.id}.") from None
    finally:
        engine.dispose()
    print(f"Terminal {args.id} is revoked: its token is refused from now on.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from central.importer import ImportFileError, import_file

    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        report = import_file(make_session_factory(engine), settings, Path(args.file))
    except ImportFileError as exc:
        raise CliError(f"Cannot import: {exc}.") from None
    finally:
        engine.dispose()
    for line, reason in report.errors:
        print(f"line {line}: {reason}; skipped", file=sys.stderr)
    print(report.summary() + ".")
    return EXIT_PARTIAL if report.errors else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from central.demo import demo_database_url, prepare_demo

    public = f"http://{args.host}:{args.port}"
    try:
        settings = load_settings(None, delivery_backend="dev", public_base_url=public)
    except CliError:
        if _production_requested():
            raise CliError(DEMO_IN_PRODUCTION, EXIT_USAGE) from None
        raise
    url = demo_database_url(Path(args.data_dir) if args.data_dir else None)
    settings = settings.model_copy(update={"database_url": url})
    info = prepare_demo(url)
    print(f"Demo central on {public} (database {url}).")
    print(
        f"Demo clients: {', '.join(info.client_logins)}; their emails are at {public}/dev/messages"
    )
    print(f"One-time enrollment code for the demo terminal: {info.enrollment_code}", flush=True)
    if args.no_serve:
        return EXIT_OK
    serve_app(settings, make_engine(url), args.host, args.port)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", help="database URL, or a path to a SQLite file")
    parser = argparse.ArgumentParser(prog="python -m central", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"vic-central {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[db], help="migrate, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--workers", type=int, default=1, help="uvicorn worker processes (one per core)"
    )
    serve.set_defaults(run=cmd_serve)
    sub.add_parser("migrate", parents=[db], help="bring the schema up to date").set_defaults(
        run=cmd_migrate
    )

    terminals = sub.add_parser("terminals", help="branch terminals").add_subparsers(
        dest="action", required=True
    )
    add = terminals.add_parser("add", parents=[db], help="create one; prints its enrollment code")
    add.add_argument("--name", required=True)
    add.add_argument("--branch", required=True)
    add.set_defaults(run=cmd_terminals_add)
    from central.terminals_cli import cmd_terminals_list  # it imports this module

    listing = terminals.add_parser(
        "list", parents=[db], help="status, version, last seen, backlog; flags the silent"
    )
    listing.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    listing.set_defaults(run=cmd_terminals_list)
    revoke = terminals.add_parser("revoke", parents=[db], help="refuse a terminal's token")
    revoke.add_argument("id")
    revoke.set_defaults(run=cmd_terminals_revoke)

    imp = sub.add_parser("import-policies", parents=[db], help="import online purchases (CSV)")
    imp.add_argument("file")
    imp.set_defaults(run=cmd_import)

    demo = sub.add_parser("demo", help="seed demo data and serve with dev delivery")
    demo.add_argument("--data-dir", help="folder of the demo database")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=DEFAULT_PORT)
    demo.add_argument("--no-serve", action="store_true", help="seed and print the code only")
    demo.set_defaults(run=cmd_demo)

    from central.claims_cli import add_commands as add_claims_commands  # it imports this module

    add_claims_commands(sub, db)
    from central.lifecycle_cli import add_commands as add_lifecycle_commands

    add_lifecycle_commands(sub, db)
    from central.messages_cli import add_commands as add_messages_commands

    add_messages_commands(sub, db)
    return parser


def _production_requested() -> bool:
    """Whether the environment or the TOML file sets ``production`` (read alone,
    without the other settings' rules)."""
    try:
        return load_settings(None, delivery_backend="live", public_base_url="https://x").production
    except CliError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(PRIVATE_UMASK)
    try:
        return int(args.run(args))
    except CliError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.code
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        print(f"Error: the database cannot be used ({reason}).", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_OK
