"""Operator commands of the terminal: ``python main.py <command>``.

Exit codes (for scripts and the branch's monitoring):
0 done; 1 some rows or entries failed (details printed); 2 usage or
configuration error; 3 the central is unreachable; 4 the terminal is not
enrolled, its token was refused, or there is no keyring. Every failure is one
sentence on stderr, never a traceback; no phone or email is printed unmasked.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from kiosk.api_types import HeartbeatReport
from kiosk.client import CentralClient
from kiosk.config import ConfigError, KioskConfig, check_central_url, load_config
from kiosk.credentials import CredentialError, Credentials
from kiosk.errors import CentralError, Unauthorized, Unreachable
from kiosk.heartbeat import read_record, record_path, report_of
from kiosk.log import setup_logging
from kiosk.outbox import (
    DuplicateEntry,
    EntryView,
    NoSuchEntry,
    Outbox,
    OutboxError,
    OutboxLost,
    SyncWorker,
    guard,
    outbox_path,
)
from kiosk.outbox.paper import PaperFileError, import_id, read_rows
from kiosk.outbox.sync import SERVER_ERROR_PREFIX, SERVER_ERROR_TRIES, UNREACHABLE_PREFIX
from kiosk.terminal import (
    client_for,
    credentials_for,
    outbox_for,
    remember_outbox,
    with_central,
)
from vic_rules.fleet import SILENT_AFTER, clock_off

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_UNREACHABLE = 3
EXIT_NOT_ENROLLED = 4

SYNC_LOCK_WAIT_S = 30.0
PROGRESS_BAR_CHARS = 30
MAX_REPORTED_ROWS = 100  # refused rows of an import printed one by one; the rest counted


class CliFailure(Exception):
    """Ends the command with ``exit_code`` and the message as its one sentence."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise CliFailure(f"{message} (see --help).", EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="main.py", description="Victoria kiosk: operator commands.")
    p.add_argument("--config", type=Path, help="the kiosk.toml to use")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    e = sub.add_parser("enroll", help="trade the central's one-time code for a terminal token")
    e.add_argument("code")
    e.add_argument("--central", required=True, metavar="URL")
    e.add_argument("--name", help="terminal name (default: terminal_name of the config)")
    st = sub.add_parser("status", help="central reachable, terminal enrolled, outbox counts")
    st.add_argument("--json", action="store_true", help="one JSON object, for monitoring")
    sub.add_parser("sync", help="deliver the outbox now")
    o = sub.add_parser("outbox", help="look at and act on the offline outbox")
    osub = o.add_subparsers(dest="outbox_command", required=True, parser_class=_Parser)
    ls = osub.add_parser("list", help="entries with masked phone and email")
    ls.add_argument("--state", choices=("pending", "delivered", "needs_attention"))
    r = osub.add_parser("retry", help="deliver a set-aside entry again")
    target = r.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?")
    target.add_argument("--all", action="store_true")
    d = osub.add_parser("drop", help="delete an entry and its personal data, undelivered")
    d.add_argument("id")
    i = osub.add_parser("import", help="capture registrations written on paper (CSV)")
    i.add_argument("file", type=Path)
    osub.add_parser(
        "start-new",
        help="after a lost outbox (deleted or emptied) is accounted for: start an empty one",
    )
    a = sub.add_parser("admin-pin", help="set the PIN that unlocks a kiosk's exit and outbox")
    a.add_argument("--stdin", action="store_true", help="read the PIN twice from standard input")
    return p


def run_cli(argv: Sequence[str], *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; returns its exit code (see the module docstring)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(list(argv))
        command: Callable[[argparse.Namespace, TextIO, TextIO], int] = _COMMANDS[
            args.command if args.command != "outbox" else f"outbox {args.outbox_command}"
        ]
        return command(args, out, err)
    except CliFailure as exc:
        print(f"Error: {exc}", file=err)
        return exc.exit_code
    except SystemExit as exc:  # --help
        return int(exc.code or 0) if isinstance(exc.code, int | None) else EXIT_USAGE
    except CredentialError as exc:
        print(f"Error: {exc}", file=err)
        return EXIT_NOT_ENROLLED
    except OutboxError as exc:
        print(f"Error: {exc}", file=err)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        print("Interrupted; nothing is lost (the outbox keeps what was not delivered).", file=err)
        return EXIT_PARTIAL
    except Exception as exc:
        print(f"Error: the command failed unexpectedly ({type(exc).__name__}).", file=err)
        return EXIT_PARTIAL


# --- wiring ---------------------------------------------------------------------


def _config(args: argparse.Namespace) -> KioskConfig:
    """The checked configuration; from here on the command logs to the kiosk's log file."""
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        raise CliFailure(str(exc), EXIT_USAGE) from None
    try:
        setup_logging(Path(config.log_dir))
    except OSError as exc:
        message = f"The log folder {config.log_dir} cannot be written ({exc})."
        raise CliFailure(message, EXIT_USAGE) from None
    return config


@contextmanager
def _open_outbox(config: KioskConfig, creds: Credentials) -> Iterator[Outbox]:
    """The terminal's outbox for one command; its marker (``kiosk.outbox.guard``)
    is brought up to date when the command is done with it."""
    try:
        box = outbox_for(config, creds)
    except OSError as exc:
        raise CliFailure(
            f"The outbox in {config.data_dir} cannot be opened ({exc}).", EXIT_USAGE
        ) from None
    try:
        yield box
        remember_outbox(box, creds)
    finally:
        box.close()


def _client(config: KioskConfig, token: str | None) -> CentralClient:
    if not config.central_url:
        raise CliFailure("No central_url is configured: set it in kiosk.toml.", EXIT_USAGE)
    return client_for(config, token)


def _token(creds: Credentials) -> str:
    token = creds.terminal_token()
    if not token:
        raise CliFailure(
            "This terminal is not enrolled: run 'main.py enroll CODE --central URL'.",
            EXIT_NOT_ENROLLED,
        )
    return token


# --- commands -----------------------------------------------------------------------


def _enroll(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    try:
        central = check_central_url(args.central, "--central")
    except ConfigError as exc:
        raise CliFailure(str(exc), EXIT_USAGE) from None
    creds = credentials_for(config)
    name = (args.name or config.terminal_name).strip()
    client = _client(with_central(config, central), None)
    try:
        enrollment = client.enroll(args.code.strip(), name)
    except Unreachable:
        raise CliFailure(
            f"The central at {args.central} does not answer.", EXIT_UNREACHABLE
        ) from None
    except Unauthorized:
        raise CliFailure(
            "The central refused the code: it is unknown, expired or already used.",
            EXIT_NOT_ENROLLED,
        ) from None
    except CentralError as exc:
        raise CliFailure(
            f"The central refused the enrollment ({exc.code}).", EXIT_PARTIAL
        ) from None
    finally:
        client.close()
    creds.set_terminal_token(enrollment.token)
    creds.outbox_key()
    print(
        f"Enrolled as terminal {enrollment.terminal_id} ({name}) of branch {enrollment.branch}.",
        file=out,
    )
    return EXIT_OK


def _status(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    creds = credentials_for(config)
    token = creds.terminal_token()
    client = _client(config, token)
    identity: tuple[str, str, str] | None = None
    try:
        reachable = client.is_reachable()
        if args.json and reachable and token:
            identity = _identity(client)
        offset = client.central_clock_offset if reachable else None
    finally:
        client.close()
    clock_offset_s = round(offset.total_seconds()) if offset is not None else None
    with _open_outbox(config, creds) as box:
        counts = box.counts()
        report = report_of(box) if args.json else None
    if report is not None:
        seen = read_record(record_path(config.data_dir))
        found = fleet_status(config, token, reachable, report, seen, clock_offset_s)
        if identity is not None:
            found.update(terminal_id=identity[0], name=identity[1], branch=identity[2])
        found["token_accepted"] = identity is not None if reachable and token else None
        print(json.dumps(found, ensure_ascii=False, indent=2), file=out)
        return _status_code(token, reachable)
    print(
        f"central: {config.central_url} ({'reachable' if reachable else 'UNREACHABLE'})", file=out
    )
    print(f"terminal: {'enrolled' if token else 'NOT ENROLLED'} ({config.terminal_name})", file=out)
    print("outbox: " + ", ".join(f"{k} {v}" for k, v in counts.items()), file=out)
    return _status_code(token, reachable)


def _identity(client: CentralClient) -> tuple[str, str, str] | None:
    """(id, name, branch) as the central knows this terminal; None if refused."""
    try:
        return client.who_am_i()
    except CentralError:
        return None


def _status_code(token: str | None, reachable: bool) -> int:
    if not token:
        return EXIT_NOT_ENROLLED
    return EXIT_OK if reachable else EXIT_UNREACHABLE


def fleet_status(
    config: KioskConfig,
    token: str | None,
    reachable: bool,
    report: HeartbeatReport,
    last_heartbeat_at: datetime | None,
    clock_offset_s: int | None = None,
) -> dict[str, object]:
    """``status --json``: what ``vic-central terminals list --json`` says of this
    terminal, from its own side (the same flags, the same one-hour silence);
    ``clock_offset_s``: how far this terminal's clock is ahead of the central's,
    None when the central was not reached."""
    now = datetime.now(UTC)
    silent = last_heartbeat_at is None or now - last_heartbeat_at > SILENT_AFTER
    return {
        "terminal_id": None,
        "branch": None,
        "name": config.terminal_name,
        "version": report.app_version,
        "central_url": config.central_url,
        "central_reachable": reachable,
        "enrolled": bool(token),
        "last_heartbeat_at": last_heartbeat_at.isoformat() if last_heartbeat_at else None,
        "outbox_pending": report.outbox_pending,
        "outbox_needs_attention": report.outbox_needs_attention,
        "oldest_pending_age_s": report.oldest_pending_age_s,
        "clock_offset_s": clock_offset_s,
        "silent": silent,
        "needs_attention": report.outbox_needs_attention > 0,
        "clock_off": clock_off(clock_offset_s),
    }


def _progress(err: TextIO) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        if total == 0:
            return
        filled = PROGRESS_BAR_CHARS * done // total
        bar = "#" * filled + "." * (PROGRESS_BAR_CHARS - filled)
        end = "\n" if done == total else ""
        print(f"\rdelivering [{bar}] {done}/{total}", end=end, file=err, flush=True)

    return show


def _sync(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    creds = credentials_for(config)
    client = _client(config, _token(creds))
    try:
        with _open_outbox(config, creds) as box:
            box.expedite(UNREACHABLE_PREFIX)  # an operator's sync tries them now
            box.expedite(SERVER_ERROR_PREFIX)
            worker = SyncWorker(box, client)
            report = worker.drain_once(lock_wait_s=SYNC_LOCK_WAIT_S, progress=_progress(err))
            counts = box.counts()
    finally:
        client.close()
    if report.locked:
        raise CliFailure("Another sync of this outbox is running; try again later.", EXIT_PARTIAL)
    if report.not_tried and not report.unreachable:
        print("", file=err)
    print(
        f"delivered {report.delivered}, account already existed {report.account_exists}, "
        f"set aside {report.set_aside}; now pending {counts['pending']}, "
        f"needing attention {counts['needs_attention']}.",
        file=out,
    )
    if report.unauthorized:
        raise CliFailure("The central refused this terminal's token: enroll it again.", 4)
    if report.unreachable:
        raise CliFailure("The central does not answer; the rest stays in the outbox.", 3)
    if report.rate_limited_s is not None:
        raise CliFailure(
            f"The central asks to wait {report.rate_limited_s:.0f} s; the rest stays pending.",
            EXIT_PARTIAL,
        )
    if report.server_errors:
        raise CliFailure(
            f"The central failed (HTTP 5xx) on {report.server_errors} registration(s) while "
            f"it took others: they stay pending, and are set aside after {SERVER_ERROR_TRIES} "
            "such failures in a row.",
            EXIT_PARTIAL,
        )
    if report.set_aside:
        raise CliFailure(
            f"{report.set_aside} registration(s) were refused and set aside: see "
            "'main.py outbox list --state needs_attention'.",
            EXIT_PARTIAL,
        )
    return EXIT_OK


def _box(args: argparse.Namespace) -> AbstractContextManager[Outbox]:
    config = _config(args)
    return _open_outbox(config, credentials_for(config))


def _line(e: EntryView) -> str:
    when = e.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    note = e.outcome or e.last_error or ""
    return (
        f"{e.id}  {e.state:<15} {when}  tries {e.attempts:<3} "
        f"{e.phone_masked or '-':<17} {e.email_masked or '-':<28} {note}"
    )


def _outbox_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _box(args) as box:
        entries = box.entries(args.state)
    for e in entries:
        print(_line(e), file=out)
    print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}.", file=out)
    return EXIT_OK


def _outbox_retry(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _box(args) as box:
        if args.all:
            n = box.retry_all()
            print(f"{n} entries will be delivered at the next sync.", file=out)
            return EXIT_OK
        try:
            box.retry(args.id)
        except OutboxError as exc:
            raise CliFailure(str(exc), EXIT_PARTIAL) from None
    print(f"Entry {args.id} will be delivered at the next sync.", file=out)
    return EXIT_OK


def _outbox_drop(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _box(args) as box:
        try:
            box.drop(args.id)
        except NoSuchEntry as exc:
            raise CliFailure(str(exc), EXIT_PARTIAL) from None
    print(
        f"Entry {args.id} and its personal data were deleted; it will not be delivered.", file=out
    )
    return EXIT_OK


def _outbox_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    creds = credentials_for(config)
    key = creds.outbox_key()
    captured = already = 0
    failed: list[str] = []
    with _open_outbox(config, creds) as box:
        try:
            for row in read_rows(
                args.file, regions=config.allowed_regions, default_locale=config.default_locale
            ):
                if row.request is None:
                    failed.append(f"line {row.line}: {'; '.join(row.problems)}")
                    continue
                try:
                    box.capture(row.request, entry_id=import_id(key, row.request))
                    captured += 1
                except DuplicateEntry:
                    already += 1
                except OutboxError as exc:
                    failed.append(f"line {row.line}: not captured: {exc}")
        except PaperFileError as exc:
            raise CliFailure(str(exc), EXIT_USAGE) from None
    for problem in failed[:MAX_REPORTED_ROWS]:
        print(problem, file=err)
    if len(failed) > MAX_REPORTED_ROWS:
        print(f"... and {len(failed) - MAX_REPORTED_ROWS} more refused rows.", file=err)
    print(
        f"captured {captured}, already imported {already}, refused {len(failed)}.",
        file=out,
    )
    return EXIT_PARTIAL if failed else EXIT_OK


def _outbox_start_new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    creds = credentials_for(config)
    try:
        guard.check_not_lost(outbox_path(config.data_dir), creds)
    except OutboxLost:
        guard.forget(creds)
        with _open_outbox(config, creds):
            pass
        print(f"A new, empty outbox was started in {config.data_dir}.", file=out)
        return EXIT_OK
    raise CliFailure(
        f"The outbox in {config.data_dir} is not lost: nothing was changed.", EXIT_PARTIAL
    )


def _admin_pin(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    config = _config(args)
    creds = credentials_for(config)
    if args.stdin:
        first, second = ([*sys.stdin.read().splitlines(), "", ""])[:2]
    else:
        first = getpass.getpass("New admin PIN: ")
        second = getpass.getpass("The same PIN again: ")
    if first != second:
        raise CliFailure("The two PINs differ; nothing was changed.", EXIT_USAGE)
    try:
        creds.set_admin_pin(first)
    except ValueError as exc:
        raise CliFailure(f"{str(exc).capitalize()}; nothing was changed.", EXIT_USAGE) from None
    print(f"Admin PIN set for terminal {config.terminal_name}.", file=out)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "enroll": _enroll,
    "status": _status,
    "sync": _sync,
    "outbox list": _outbox_list,
    "outbox retry": _outbox_retry,
    "outbox drop": _outbox_drop,
    "outbox import": _outbox_import,
    "outbox start-new": _outbox_start_new,
    "admin-pin": _admin_pin,
}
