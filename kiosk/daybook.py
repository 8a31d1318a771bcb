"""The clerk's «Регистраций сегодня»: this terminal's registrations of the day.

Kept in an encrypted file beside the outbox (AES-256-GCM with the outbox's key
from the keyring), because a list kept in memory was empty after a restart the
same day and the clerk could not tell a client whether their registration went
through. Only masked contacts, the outcome and the time are kept, and only for
the current local day: an entry of an earlier day is dropped the first time the
file is read or written after midnight.

The file is a log: each new entry or changed outcome is one sealed line
appended to it (the last line for a key gives its outcome). Rewriting the whole
sealed list at every registration cost work and memory that grew with the day
(about 3 KB of resident memory per registration on a long day); appending costs
the same at the first registration and the thousandth. A crash can only cut the
last line, which is skipped; a file of an earlier day, another key or an earlier
format is started afresh at the next write.

Every method reads or writes the disk and decrypts: call them off the GUI
thread. A lock orders calls from several worker threads.
"""

from __future__ import annotations

import base64
import binascii
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
# the associated data: a line of another kind fails (v1 sealed the whole list at once)
_AAD: Final = "vic-kiosk daybook v2 line"


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
        # the day's entries as this object last read or wrote them, valid while the
        # file keeps its identity (inode, mtime, size) and the day its date: the
        # clerk panel's poll asks every few seconds and need not decrypt anything
        self._known: tuple[tuple[int, int, int], date, list[DayEntry]] | None = None
        self._rewrite = False  # the file holds lines to drop: write it anew, not append

    def _today(self) -> date:
        return datetime.fromtimestamp(self._clock()).date()

    def _identity(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _read(self) -> list[DayEntry]:
        identity, today = self._identity(), self._today()
        if identity is None:
            self._known, self._rewrite = None, False
            return []
        if self._known is not None and self._known[:2] == (identity, today):
            return list(self._known[2])
        found = self._read_file(today)
        self._known = (identity, today, list(found))
        return found

    def _read_file(self, today: date) -> list[DayEntry]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        by_key: dict[str, DayEntry] = {}  # in the order the entries were first written
        dropped = bool(data) and not data.endswith(b"\n")  # a line cut by a crash
        for line in data.splitlines():
            entry = self._entry(line, today)
            if entry is None:
                dropped = True  # cut, another key's, an earlier day's or format's
                continue
            first = by_key.get(entry.key)
            by_key[entry.key] = entry if first is None else replace(first, outcome=entry.outcome)
        self._rewrite = dropped
        return list(by_key.values())

    def _entry(self, line: bytes, today: date) -> DayEntry | None:
        try:
            e = json.loads(unseal(self._key, _AAD, base64.b64decode(line, validate=True)))
            if e["day"] != today.isoformat():
                return None  # the end of the day: yesterday's clients are not the clerk's
            return DayEntry(
                key=e["key"],
                at=datetime.fromisoformat(e["at"]),
                phone_masked=e["phone"],
                email_masked=e["email"],
                outcome=DayOutcome(e["outcome"]),
            )
        except (UndecryptableEntry, ValueError, KeyError, TypeError, binascii.Error):
            return None

    def _line(self, e: DayEntry, day: date) -> bytes:
        doc = {
            "day": day.isoformat(),
            "key": e.key,
            "at": e.at.isoformat(),
            "phone": e.phone_masked,
            "email": e.email_masked,
            "outcome": e.outcome.value,
        }
        plain = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        return base64.b64encode(seal(self._key, _AAD, plain)) + b"\n"

    def _save(self, changed: list[DayEntry], entries: list[DayEntry]) -> None:
        """Append ``changed`` (``entries`` is the whole day after the change); the
        whole day written anew instead when the file holds lines to drop."""
        today = self._today()
        private_dir(self.path.parent)
        if self._rewrite or self._identity() is None:
            tmp = self.path.with_suffix(".tmp")
            private_file(tmp)
            tmp.write_bytes(b"".join(self._line(e, today) for e in entries))
            os.replace(tmp, self.path)
            self._rewrite = False
        else:
            with open(self.path, "ab") as log:
                log.write(b"".join(self._line(e, today) for e in changed))
        identity = self._identity()
        self._known = (identity, today, list(entries)) if identity is not None else None

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
                    found[i] = changed = replace(e, outcome=outcome)
                    break
            else:
                at = datetime.fromtimestamp(self._clock(), UTC)
                changed = DayEntry(key, at, phone_masked, email_masked, outcome)
                found.append(changed)
            self._save([changed], found)
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
            changed: list[DayEntry] = []
            for i, e in enumerate(found):
                view = by_id.get(e.key)
                if view is None:
                    continue
                outcome = _outcome_of(view)
                if outcome is not e.outcome:
                    found[i] = replace(e, outcome=outcome)
                    changed.append(found[i])
            if changed:
                self._save(changed, found)
            return tuple(found)

    def clear(self) -> None:
        """Forget the list (``outbox start-new`` and tests)."""
        with self._lock:
            self.path.unlink(missing_ok=True)
            self._known, self._rewrite = None, False
