"""The outbox's refusals: types the screens and the operator commands tell apart.

Kept apart from the store so that code which only needs to recognise them (the
registration flow, the app's start-up) does not load SQLAlchemy to do so.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar


class OutboxError(Exception):
    """Base of the outbox's refusals."""

    # what the terminal's window says when opening fails so (``ui.startup``
    # translates the key; the message, for the operator, goes to the log only)
    problem_key: ClassVar[str] = "outbox"


class OutboxFull(OutboxError):
    def __init__(self, capacity: int) -> None:
        super().__init__(
            f"The offline outbox is full ({capacity} registrations wait for delivery or for "
            "a clerk's decision): deliver them (sync) or resolve the set-aside ones first."
        )
        self.capacity = capacity


class OutboxNoSpace(OutboxFull):
    """The disk of the data folder is full: nothing was captured, nothing already
    in the outbox was harmed. A kind of ``OutboxFull`` (the capture is refused for
    want of room) that the screen can tell apart."""

    problem_key = "disk_full"

    def __init__(self, path: Path) -> None:
        OutboxError.__init__(
            self,
            f"The disk holding the offline outbox ({path.parent}) is full: free some space; "
            "the registrations already saved are safe.",
        )
        self.capacity = 0
        self.path = path


class OutboxDamaged(OutboxError):
    """The outbox file is not a readable outbox (overwritten, truncated). It is
    left where it is, untouched, and a copy is kept beside it (``copy``) so no
    entry is lost by a repair; the outbox is not opened."""

    problem_key = "outbox_damaged"

    def __init__(self, path: Path, copy: Path | None, reason: str) -> None:
        kept = f"a copy is kept at {copy}" if copy else "no copy could be made"
        super().__init__(
            f"The offline outbox {path} is damaged ({reason}); {kept}. Call support: "
            "the entries in it must be recovered before the terminal saves new ones."
        )
        self.path = path
        self.copy = copy
        self.reason = reason


class OutboxLost(OutboxError):
    """The outbox file is gone or empty although this terminal had one (its
    marker in the keyring says so): entries may have vanished. Nothing is
    recreated until an operator says the loss is accounted for."""

    problem_key = "outbox_lost"

    def __init__(self, path: Path, waiting: int | None, seen_at: str | None) -> None:
        last = (
            f"when last counted ({seen_at}) it held {waiting} waiting registration(s)"
            if waiting is not None and seen_at
            else "it existed before"
        )
        super().__init__(
            f"The offline outbox {path} was deleted or emptied; {last}. Restore it from a "
            "backup or call support; once its entries are accounted for, "
            "'main.py outbox start-new' starts an empty one."
        )
        self.path = path
        self.waiting = waiting


class NoSuchEntry(OutboxError):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"No outbox entry has the id {entry_id}.")
        self.entry_id = entry_id


class AlreadyDelivered(OutboxError):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"The outbox entry {entry_id} was already delivered.")
        self.entry_id = entry_id


class DuplicateEntry(OutboxError):
    def __init__(self, entry_id: str) -> None:
        super().__init__(f"The outbox already holds the entry {entry_id}.")
        self.entry_id = entry_id
