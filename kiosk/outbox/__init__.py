"""The offline outbox: a registration the central could not take now is kept,
sealed, and delivered later exactly once (see ``store`` and ``sync``)."""

from kiosk.outbox.store import (
    AlreadyDelivered,
    EntryView,
    NoSuchEntry,
    Outbox,
    OutboxError,
    OutboxFull,
)
from kiosk.outbox.sync import DrainReport, SyncWorker

__all__ = [
    "AlreadyDelivered",
    "DrainReport",
    "EntryView",
    "NoSuchEntry",
    "Outbox",
    "OutboxError",
    "OutboxFull",
    "SyncWorker",
]
