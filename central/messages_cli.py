"""``python -m central messages failed [--json]`` and ``messages retry ID``.

An operator sees which SMS and emails the sender gave up on (the gateway
refused them, or every retry failed) and sends one again once the cause is
fixed. What is printed never holds a message's text (it may carry a code, a
temporary password or an activation link) and the recipient is masked
(``+7 701 *** ** 67``, ``a***@mail.ru``), in the error text too. A message
whose text was removed when it gave up (a live central removes it when it held
a secret: a code, a temporary password, a link) cannot be sent again: the client
asks for a new code or password instead. Notices (a claim's status, "your
password was changed", ...) keep their text until the retention purge and can.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from typing import Any

from central.cli import EXIT_OK, CliError, load_settings, migrated_engine
from central.core.db import make_session_factory, write_transaction
from central.messaging.delivery import mask_recipient
from central.models import Message, utcnow
from central.repositories import messages as repo


@dataclass(frozen=True)
class FailedView:
    id: str
    channel: str
    kind: str
    to: str  # masked
    attempts: int
    created_at: str
    error: str | None
    can_retry: bool


def view_of(message: Message) -> FailedView:
    masked = mask_recipient(message.to)
    error = message.last_error
    if error and message.to:
        error = error.replace(message.to, masked)
    return FailedView(
        id=message.id,
        channel=message.channel,
        kind=message.kind,
        to=masked,
        attempts=message.attempts,
        created_at=message.created_at.isoformat(),
        error=error,
        can_retry=message.body != repo.SCRUBBED_BODY,
    )


def _run(args: argparse.Namespace, action: Any) -> Any:
    engine = migrated_engine(load_settings(args.db))
    try:
        with write_transaction(make_session_factory(engine)) as db:
            return action(db)
    finally:
        engine.dispose()


def cmd_failed(args: argparse.Namespace) -> int:
    views = _run(args, lambda db: [view_of(m) for m in repo.failed(db)])
    if args.json:
        print(json.dumps([asdict(v) for v in views], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not views:
        print("No failed messages.")
    for v in views:
        retry = "" if v.can_retry else "\t(text removed: cannot be retried)"
        cells = (v.id, v.created_at, v.channel, v.kind, v.to, f"{v.attempts} attempts")
        print("\t".join([*cells, v.error or "-"]) + retry)
    return EXIT_OK


def cmd_retry(args: argparse.Namespace) -> int:
    def retry(db: Any) -> FailedView:
        found = repo.get(db, args.id)
        if found is None:
            raise CliError(f"No message has the id {args.id}.")
        if found.status != "failed":
            raise CliError(f"Message {args.id} has not failed (it is {found.status}).")
        view = view_of(found)
        if not view.can_retry:
            raise CliError(
                f"Message {args.id} cannot be sent again: its text was removed when it "
                "gave up (it held a code, a password or a link); the client asks for a new one."
            )
        if not repo.requeue_failed(db, args.id, now=utcnow()):
            raise CliError(f"Message {args.id} has not failed any more.")
        return view

    view = _run(args, retry)
    print(f"Message {view.id} ({view.channel} to {view.to}) will be sent again shortly.")
    return EXIT_OK


def add_commands(sub: Any, db: argparse.ArgumentParser) -> None:
    """``messages failed`` and ``messages retry`` under ``sub`` (``central.cli``)."""
    messages = sub.add_parser("messages", help="SMS and emails the sender gave up on")
    actions = messages.add_subparsers(dest="action", required=True)
    failed = actions.add_parser("failed", parents=[db], help="list them, recipients masked")
    failed.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    failed.set_defaults(run=cmd_failed)
    retry = actions.add_parser("retry", parents=[db], help="send one again now")
    retry.add_argument("id")
    retry.set_defaults(run=cmd_retry)
