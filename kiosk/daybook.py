"""The clerk's «Регистраций сегодня»: this terminal's registrations of the day.

Kept in an encrypted file beside the outbox (AES-256-GCM with the outbox's key
from the keyring), because a list kept in memory was empty after a restart the
same day and the clerk could not tell a client whether their registration went
through. Only masked contacts, the outcome and the time are kept, and only for
the current local day: an entry of an earlier day is dropped the first time the
file is read or written after midnight.

Every method reads or writes the disk and decrypts: call them off the GUI
thread. A lock orders calls from several worker threads; each write replaces the
file atomically, so a crash leaves the old list or the new one, never half.
"""

from __future__ import annotations

import json
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Final

from kiosk.outbox.crypto import UndecryptableEntry, check_key, seal, unseal
from kiosk.outbox.files import private_dir, private_file
from kiosk.outbox.schema import EntryView

__all__ = ["DAYBOOK_FILE", "DayEntry", "DayOutcome", "Daybook", "daybook_path", "new_key"]

DAYBOOK_FILE: Final = "daybook.bin"
_AAD: Final = "vic-kiosk daybook v1"  # the associated data: a blob of another kind fails


class DayOutcome(StrEnum):
    """What became of a registration, as the clerk reads it."""

    REGISTERED = "registered"  # the client confirmed the code at the terminal
    ALREADY_REGISTERED = "already_registered"  # the central said so while the client was there
    SAVED = "saved"  # offline: in the outbox, not yet delivered
    SENT = "sent"  # an offline entry was delivered: the client got the SMS code
    EXISTS_TOLD = "exists_told"  # delivered, the client had an account: told by SMS and email
    NEEDS_ATTENTION = "needs_attention"  # the outbox set it aside: see the outbox list


@dataclass(frozen=True)
class DayEntry:
    """One line of the day's list; ``key`` is the outbox entry's id for an
    offline registration (the outbox updates it), else any unique id."""

    key: str
    at: datetime  # aware, UTC
    phone_masked: str
    email_masked: str
    outcome: DayOutcome


def daybook_path(data_dir: Path) -> Path:
    return Path(data_dir) / DAYBOOK_FILE


def new_key() -> str:
    """A key for an entry no outbox entry will ever update."""
    return str(uuid.uuid4())


def _outcome_of(view: EntryView) -> DayOutcome:
    if view.state == "delivered":
        return DayOutcome.EXISTS_TOLD if view.outcome == "account_exists" else DayOutcome.SENT
    if view.state == "needs_attention":
        return DayOutcome.NEEDS_ATTENTION
    return DayOutcome.SAVED


# outcomes the outbox may still change: an entry saved offline, or set aside
_FOLLOWED: Final = frozenset({DayOutcome.SAVED, DayOutcome.NEEDS_ATTENTION})


class Daybook:
    """The day's list in ``path``, sealed with ``key`` (the outbox's, 32 bytes).

    ``clock`` gives POSIX seconds; the day is the local calendar day of the clock.
    A file that does not open with the key (another terminal's, or damaged) is
    started afresh: the list is a convenience, the outbox is the record.
    """

    def __init__(self, path: Path, key: bytes, *, clock: Callable[[], float] = time.time) -> None:
        check_key(key)
        self.path = Path(path)
        self._key = bytes(key)
        self._clock = clock
        self._lock = threading.Lock()

    def _today(self) -> date:
        return datetime.fromtimestamp(self._clock()).date()

    def _read(self) -> list[DayEntry]:
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            return []
        try:
            doc = json.loads(unseal(self._key, _AAD, blob))
        except (UndecryptableEntry, ValueError):
            return []
        if doc.get("day") != self._today().isoformat():
            return []  # the end of the day: yesterday's clients are not the clerk's business
        return [
            DayEntry(
                key=e["key"],
                at=datetime.fromisoformat(e["at"]),
                phone_masked=e["phone"],
                email_masked=e["email"],
                outcome=DayOutcome(e["outcome"]),
            )
            for e in doc.get("entries", [])
        ]

    def _write(self, entries: list[DayEntry]) -> None:
        doc = {
            "day": self._today().isoformat(),
            "entries": [
                {
                    "key": e.key,
                    "at": e.at.isoformat(),
                    "phone": e.phone_masked,
                    "email": e.email_masked,
                    "outcome": e.outcome.value,
                }
                for e in entries
            ],
        }
        plain = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        private_dir(self.path.parent)
        tmp = self.path.with_suffix(".tmp")
        private_file(tmp)
        tmp.write_bytes(seal(self._key, _AAD, plain))
        os.replace(tmp, self.path)

    def entries(self) -> tuple[DayEntry, ...]:
        """The day's entries, oldest first (an earlier day's are gone)."""
        with self._lock:
            return tuple(self._read())

    def record(
        self, key: str, phone_masked: str, email_masked: str, outcome: DayOutcome
    ) -> tuple[DayEntry, ...]:
        """Add an entry, or give the entry with this ``key`` its new outcome (its
        time stays the first one); the day's entries after the change."""
        with self._lock:
            found = self._read()
            for i, e in enumerate(found):
                if e.key == key:
                    found[i] = replace(e, outcome=outcome)
                    break
            else:
                at = datetime.fromtimestamp(self._clock(), UTC)
                found.append(DayEntry(key, at, phone_masked, email_masked, outcome))
            self._write(found)
            return tuple(found)

    def follow_outbox(
        self, look_up: Callable[[Sequence[str]], Iterable[EntryView]]
    ) -> tuple[DayEntry, ...]:
        """Give the day's offline entries the outbox's news (delivered, set aside);
        written only when something changed. The day's entries after it.

        ``look_up(keys)`` gives the outbox's views of those entries (``Outbox.views``):
        only the day's entries still waiting are asked for, not the whole outbox."""
        with self._lock:
            found = self._read()
            open_keys = [e.key for e in found if e.outcome in _FOLLOWED]
            by_id = {v.id: v for v in look_up(open_keys)} if open_keys else {}
            changed = False
            for i, e in enumerate(found):
                view = by_id.get(e.key)
                if view is None:
                    continue
                outcome = _outcome_of(view)
                if outcome is not e.outcome:
                    found[i] = replace(e, outcome=outcome)
                    changed = True
            if changed:
                self._write(found)
            return tuple(found)

    def clear(self) -> None:
        """Forget the list (``outbox start-new`` and tests)."""
        with self._lock:
            self.path.unlink(missing_ok=True)
