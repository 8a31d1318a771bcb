"""The offline outbox: a registration the central could not take now is kept,
sealed, and delivered later exactly once (see ``store`` and ``sync``)."""

from pathlib import Path

from kiosk.outbox.errors import (
    AlreadyDelivered,
    DuplicateEntry,
    NoSuchEntry,
    OutboxDamaged,
    OutboxError,
    OutboxFull,
    OutboxLost,
    OutboxNoSpace,
)
from kiosk.outbox.schema import EntryView
from kiosk.outbox.store import Outbox
from kiosk.outbox.sync import DrainReport, SyncWorker

OUTBOX_FILE_NAME = "outbox.db"


def outbox_path(data_dir: str | Path) -> Path:
    """Where the terminal keeps its outbox: the one file the app and the CLI share."""
    return Path(data_dir) / OUTBOX_FILE_NAME


__all__ = [
    "OUTBOX_FILE_NAME",
    "AlreadyDelivered",
    "DrainReport",
    "DuplicateEntry",
    "EntryView",
    "NoSuchEntry",
    "Outbox",
    "OutboxDamaged",
    "OutboxError",
    "OutboxFull",
    "OutboxLost",
    "OutboxNoSpace",
    "SyncWorker",
    "outbox_path",
]
