"""The insurer's claims commands: ``python -m central claims ...``.

``list [--status S] [--json]``, ``show NUMBER [--json]``, ``set-status NUMBER
STATUS [--note TEXT] [--amount N]``, ``documents NUMBER --out DIR``. Each read
and change is in the audit trail under the operating system's user name. A
refusal (unknown number, a transition outside the state machine, a missing
note or amount) is one sentence on stderr with exit code 1, as in
``central.cli``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from central.cli import EXIT_OK, CliError, load_settings, migrated_engine, operator
from central.core.db import make_session_factory, write_transaction
from central.core.errors import (
    CentralError,
    ClaimAmountRequired,
    ClaimNoteRequired,
    ClaimTransitionRefused,
    NotFound,
)
from central.models import utcnow
from central.services import claim_documents, claims
from central.services.claims import ClaimView
from central.storage.documents import DocumentStore


def _sentence(err: CentralError, number: str) -> str:
    if isinstance(err, NotFound):
        return f"No claim has the number {number}."
    if isinstance(err, ClaimTransitionRefused):
        allowed = ", ".join(sorted(claims.TRANSITIONS[err.current])) or "none, it is decided"
        return (
            f"Claim {err.number} is {err.current} and cannot become {err.requested} "
            f"(allowed next: {allowed})."
        )
    if isinstance(err, ClaimNoteRequired):
        return "A --note is required for this status: say what is missing, or why it is rejected."
    if isinstance(err, ClaimAmountRequired):
        return "A positive --amount (in tenge, below 10^12) is required for this status."
    return (
        f"The note must be at most {claims.NOTE_MAX_CHARS} characters, without control characters."
    )


def _run(args: argparse.Namespace, action: Any) -> Any:
    """``action(db, now)`` in one transaction; typed refusals as one sentence."""
    settings = load_settings(args.db)
    engine = migrated_engine(settings)
    try:
        with write_transaction(make_session_factory(engine)) as db:
            return action(db, settings, utcnow())
    except CentralError as err:
        raise CliError(_sentence(err, getattr(args, "number", ""))) from None
    finally:
        engine.dispose()


def _as_json(view: ClaimView) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(asdict(view), default=str))
    return loaded


def _print_claim(view: ClaimView) -> None:
    print(f"{view.number}\t{view.status}")
    print(f"contract: {view.contract_number}; kind: {view.kind}; event date: {view.event_date}")
    print(f"place: {view.place or '-'}; contact phone: {view.contact_phone}")
    print(f"filed: {view.created_at.isoformat()}")
    print(f"description: {view.description}")
    print(f"documents ({len(view.documents)}):")
    for doc in view.documents:
        print(f"  {doc.id}\t{doc.content_type}\t{doc.size} bytes\t{doc.name}")
    print("history:")
    for step in view.history:
        amount = f" {step.amount} KZT" if step.amount else ""
        print(f"  {step.at.isoformat()}\t{step.status}{amount}\t{step.note or ''}")


def cmd_list(args: argparse.Namespace) -> int:
    found: list[ClaimView] = _run(
        args, lambda db, _s, now: claims.list_for_insurer(db, args.status, operator(), now)
    )
    if args.json:
        print(json.dumps({"claims": [_as_json(v) for v in found]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("No claims.")
    for v in found:
        filed = v.created_at.date().isoformat()
        print(f"{v.number}\t{v.status}\t{filed}\t{v.kind}\t{v.contract_number}\t{len(v.documents)}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    view: ClaimView = _run(
        args, lambda db, _s, now: claims.show_for_insurer(db, args.number, operator(), now)
    )
    if args.json:
        print(json.dumps(_as_json(view), ensure_ascii=False, indent=2))
    else:
        _print_claim(view)
    return EXIT_OK


def _amount(raw: str | None) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise CliError(f"--amount {raw!r} is not a number.", 2) from None
    if not value.is_finite():
        raise CliError(f"--amount {raw!r} is not a number.", 2)
    return value.quantize(Decimal("0.01"))


def cmd_set_status(args: argparse.Namespace) -> int:
    amount = _amount(args.amount)
    view: ClaimView = _run(
        args,
        lambda db, _s, now: claims.set_status(
            db, number=args.number, status=args.status, note=args.note, amount=amount,
            operator=operator(), now=now,
        ),
    )  # fmt: skip
    print(f"Claim {view.number} is now {view.status}; the client is notified by SMS and email.")
    return EXIT_OK


def cmd_documents(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()

    def export(db: Any, settings: Any, now: Any) -> list[Path]:
        store = DocumentStore.from_settings(settings)
        return claim_documents.export(
            db, store, number=args.number, out_dir=out, operator=operator(), now=now
        )

    try:
        written: list[Path] = _run(args, export)
    except OSError as exc:
        raise CliError(f"Cannot export the documents: {exc.strerror or exc}.") from None
    for path in written:
        print(path)
    print(f"{len(written)} document(s) of claim {args.number} exported to {out}.")
    return EXIT_OK


def add_commands(sub: Any, db: argparse.ArgumentParser) -> None:
    """The ``claims`` command group, added to ``central.cli``'s parser."""
    group = sub.add_parser("claims", help="online claims (the insurer's side)")
    actions = group.add_subparsers(dest="action", required=True)
    listed = actions.add_parser("list", parents=[db], help="claims, oldest first")
    listed.add_argument("--status", choices=claims.STATUSES)
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(run=cmd_list)
    show = actions.add_parser("show", parents=[db], help="one claim with its history")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_show)
    status = actions.add_parser(
        "set-status", parents=[db], help="move a claim on; the client gets an SMS and an email"
    )
    status.add_argument("number")
    status.add_argument("status", choices=claims.STATUSES[1:])
    status.add_argument("--note", help="what is missing, the reason, or a remark")
    status.add_argument("--amount", help="approved / paid amount in tenge")
    status.set_defaults(run=cmd_set_status)
    docs = actions.add_parser("documents", parents=[db], help="copy a claim's files to a folder")
    docs.add_argument("number")
    docs.add_argument("--out", required=True, help="folder to write the files to")
    docs.set_defaults(run=cmd_documents)
