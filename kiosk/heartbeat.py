"""The terminal's heartbeat and token rotation, in a background thread.

Every ``HEARTBEAT_INTERVAL_S`` the running terminal tells the central its
version and outbox backlog (``POST /api/v1/terminals/heartbeat``); the answer
says whether its token is due for rotation (the central's clock decides: a
day), and then the terminal rotates it (``rotate``). Nothing here runs on the
GUI thread; a central that does not answer costs one timed-out request per
round, never a frozen window.

Rotation never locks the terminal out, whatever step is the last before a
crash or a lost answer:

1. ``POST /terminals/token`` with the current token; the answer is the new one.
   Lost answer or killed here: the central keeps the current token working until
   the new one is used, so the next round simply rotates again.
2. The new token is kept in the keyring beside the current one ("next").
3. The central is asked whether the new token works (``GET /terminals/me`` with
   it; its first use starts the old token's 10-minute grace). Killed here: at
   start-up the next token is checked again (``settle``).
4. The new token becomes the current one in the keyring and in the client.
A next token the central refuses (a later rotation replaced it) is dropped; the
current one still works.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Protocol

from kiosk.api_types import HeartbeatAnswer, HeartbeatReport
from kiosk.client import CentralClient
from kiosk.credentials import CredentialError
from kiosk.errors import CentralError
from kiosk.outbox import Outbox
from vic_rules.version import VERSION

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL_S: Final = 300.0  # issue 13 §5: every 5 minutes
FIRST_BEAT_DELAY_S: Final = 5.0  # after start: the central sees a restarted terminal soon
RECORD_FILE: Final = "heartbeat.json"  # in the data folder: ``vic-kiosk status`` reads it


def record_path(data_dir: Path | str) -> Path:
    return Path(data_dir) / RECORD_FILE


def write_record(path: Path, at: datetime) -> None:
    """When the central last took a heartbeat, for ``status`` (written whole,
    then renamed: a crash never leaves half a file)."""
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"last_heartbeat_at": at.isoformat()}), encoding="utf-8")
    os.replace(temporary, path)


def read_record(path: Path) -> datetime | None:
    """The last heartbeat the central took, or None (never, or unreadable)."""
    try:
        found = json.loads(path.read_text(encoding="utf-8")).get("last_heartbeat_at")
        return datetime.fromisoformat(found) if isinstance(found, str) else None
    except (OSError, ValueError, AttributeError):
        return None


class TokenStore(Protocol):
    """What rotation needs of ``kiosk.credentials.Credentials``."""

    def terminal_token(self) -> str | None: ...
    def next_terminal_token(self) -> str | None: ...
    def set_next_terminal_token(self, token: str) -> None: ...
    def promote_next_terminal_token(self) -> None: ...
    def drop_next_terminal_token(self) -> None: ...


class RotationStep(Protocol):
    """Called between rotation's steps (tests stop the process there)."""

    def __call__(self, step: str) -> None: ...


def _no_step(step: str) -> None:
    return None


def report_of(outbox: Outbox, now: datetime | None = None) -> HeartbeatReport:
    """The outbox's backlog as the central is told it (counts and the oldest
    pending entry's age: no personal data)."""
    counts = outbox.counts()
    at = outbox.oldest_pending_at()
    oldest: int | None = None
    if at is not None:
        oldest = max(0, int(((now or datetime.now(UTC)) - at).total_seconds()))
    return HeartbeatReport(
        app_version=VERSION,
        outbox_pending=counts.get("pending", 0),
        outbox_needs_attention=counts.get("needs_attention", 0),
        oldest_pending_age_s=oldest,
    )


def settle(client: CentralClient, store: TokenStore) -> bool:
    """Finish a rotation a crash interrupted: a kept next token the central takes
    becomes the terminal's token; one it refuses is dropped. True when the client
    now uses a new token. An unreachable central leaves everything as it is."""
    found = store.next_terminal_token()
    if found is None:
        return False
    if not client.token_works(found):
        log.warning("a rotated token was refused; the current one stays")
        store.drop_next_terminal_token()
        return False
    store.promote_next_terminal_token()
    client.terminal_token = found
    log.info("the terminal token was rotated")
    return True


def rotate(client: CentralClient, store: TokenStore, step: RotationStep = _no_step) -> bool:
    """Rotate the terminal token (module docstring: every step crash-safe).
    Raises ``kiosk.errors`` types (a revoked terminal: ``Unauthorized``) and
    ``CredentialError``; True once the new token is in use."""
    new = client.rotate_token()
    step("received")
    store.set_next_terminal_token(new)
    step("stored")
    return settle(client, store)


@dataclass(frozen=True)
class BeatResult:
    """One round: what the central answered (None: no answer) and whether the
    token was rotated."""

    answer: HeartbeatAnswer | None
    rotated: bool


def beat_once(client: CentralClient, outbox: Outbox, store: TokenStore) -> BeatResult:
    """One round: settle an interrupted rotation, send the heartbeat, rotate if due.
    Never raises: a failure is logged (no token, no body) and tried next round."""
    rotated = False
    try:
        rotated = settle(client, store)
        answer = client.heartbeat(report_of(outbox))
        if answer.rotate_due:
            rotated = rotate(client, store) or rotated
    except (CentralError, CredentialError) as exc:
        log.warning("heartbeat: %s", type(exc).__name__)
        return BeatResult(None, rotated)
    return BeatResult(answer, rotated)


class HeartbeatWorker:
    """``beat_once`` every ``interval_s`` in a daemon thread until ``stop``."""

    def __init__(
        self,
        client: CentralClient,
        outbox: Outbox,
        store: TokenStore,
        *,
        interval_s: float = HEARTBEAT_INTERVAL_S,
        first_delay_s: float = FIRST_BEAT_DELAY_S,
        record: Path | None = None,
    ) -> None:
        """``record``: where to note each heartbeat the central took (``record_path``)."""
        self._client, self._outbox, self._store = client, outbox, store
        self._record = record
        self.interval_s, self.first_delay_s = interval_s, first_delay_s
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: BeatResult | None = None

    def start(self) -> HeartbeatWorker:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout_s: float = 5.0) -> None:
        """Ask the loop to end and wait up to ``timeout_s`` (a request in flight
        ends within the client's timeouts; the thread is a daemon either way)."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        delay = self.first_delay_s
        while not self._stopping.wait(delay):
            self.last = beat_once(self._client, self._outbox, self._store)
            if self.last.answer is not None and self._record is not None:
                try:
                    write_record(self._record, datetime.now(UTC))
                except OSError as exc:
                    log.warning("heartbeat record not written (%s)", type(exc).__name__)
            delay = self.interval_s
