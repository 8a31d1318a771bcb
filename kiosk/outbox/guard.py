"""Noticing an outbox that vanished: deleted, or truncated to 0 bytes.

SQLite would quietly make a new, empty outbox in its place, and every command
would report "pending 0" while the registrations that waited are gone. So a
small marker outside the data folder (in the keyring, beside the terminal's
other entries) records that this terminal has an outbox and how many entries
waited when it was last counted. Callers may rely on:

- :func:`check_not_lost` raising :class:`OutboxLost` when the marker exists and
  the file is missing or empty, before anything creates it anew;
- :func:`record` keeping the marker up to date (called when an outbox is opened
  and closed; it writes to the keyring only when the count changed);
- :func:`forget` removing it: the operator's "the loss is accounted for".
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from kiosk.outbox.errors import OutboxLost

__all__ = ["MarkerStore", "check_not_lost", "forget", "record"]


class MarkerStore(Protocol):
    """Where the marker lives (``kiosk.credentials.Credentials``)."""

    def outbox_marker(self) -> str | None: ...

    def set_outbox_marker(self, value: str | None) -> None: ...


def _read(markers: MarkerStore) -> dict[str, object] | None:
    raw = markers.outbox_marker()
    if raw is None:
        return None
    try:
        found = json.loads(raw)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def check_not_lost(path: Path, markers: MarkerStore) -> None:
    """Raise ``OutboxLost`` if this terminal had an outbox and ``path`` is gone or empty."""
    marker = _read(markers)
    if marker is None:
        return
    if path.exists() and path.stat().st_size > 0:
        return
    waiting = marker.get("waiting")
    seen_at = marker.get("seen_at")
    raise OutboxLost(
        path,
        waiting if isinstance(waiting, int) else None,
        seen_at if isinstance(seen_at, str) else None,
    )


def record(markers: MarkerStore, waiting: int, clock: Callable[[], float] = time.time) -> None:
    """Note that the outbox exists with ``waiting`` entries (pending + set aside)."""
    marker = _read(markers)
    if marker is not None and marker.get("waiting") == waiting:
        return
    seen_at = time.strftime("%Y-%m-%d %H:%M", time.localtime(clock()))
    markers.set_outbox_marker(json.dumps({"waiting": waiting, "seen_at": seen_at}))


def forget(markers: MarkerStore) -> None:
    """The operator accounted for a lost outbox: the next open starts an empty one."""
    markers.set_outbox_marker(None)
