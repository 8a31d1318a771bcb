"""The admin PIN's guessing limit, kept outside any dialog so that closing and
reopening the PIN dialog, or restarting the app, never resets it.

State lives in a small file in the data folder (``admin-pin-lockout.json``, mode
0600): the count of wrong PINs since the last right one and the time before
which no PIN is checked at all. ``PIN_FREE_TRIES`` wrong PINs lock the PIN for
``FIRST_LOCKOUT_S``; each further wrong PIN locks it again for twice as long as
the previous lock, capped at ``MAX_LOCKOUT_S``. A right PIN resets both.

Callers may rely on:
- :meth:`AdminPin.check` raising :class:`PinLocked` (with the wait in seconds)
  while locked, without running the hash;
- every attempt counted before the (slow, scrypt) hash runs, so killing the app
  in the middle of a check does not give a free try;
- ``check`` being blocking (scrypt, a file write): never call it on the GUI thread.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

__all__ = [
    "FIRST_LOCKOUT_S",
    "LOCKOUT_FILE_NAME",
    "MAX_LOCKOUT_S",
    "PIN_FREE_TRIES",
    "AdminPin",
    "PinLocked",
    "lockout_delay_s",
]

LOCKOUT_FILE_NAME: Final = "admin-pin-lockout.json"
PIN_FREE_TRIES: Final = 5
FIRST_LOCKOUT_S: Final = 60.0
MAX_LOCKOUT_S: Final = 3600.0
_FILE_MODE: Final = 0o600


class PinLocked(Exception):
    """Too many wrong PINs: no PIN is checked for ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: float) -> None:
        super().__init__(f"too many wrong PINs: try again in {math.ceil(retry_after_s)} s")
        self.retry_after_s = retry_after_s


class PinChecker(Protocol):
    """What :class:`AdminPin` needs of ``kiosk.credentials.Credentials``."""

    def check_admin_pin(self, pin: str) -> bool: ...


def lockout_delay_s(failures: int) -> float:
    """How long the PIN stays locked after the ``failures``-th wrong PIN in a row."""
    if failures < PIN_FREE_TRIES:
        return 0.0
    return min(MAX_LOCKOUT_S, FIRST_LOCKOUT_S * 2.0 ** (failures - PIN_FREE_TRIES))


@dataclass
class _State:
    failures: int = 0
    locked_until: float = 0.0


class AdminPin:
    """Checks the admin PIN against ``credentials`` under the lock-out kept in
    ``data_dir``. ``clock`` gives POSIX seconds (the state outlives a restart)."""

    def __init__(
        self,
        credentials: PinChecker,
        data_dir: Path,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._credentials = credentials
        self.path = Path(data_dir) / LOCKOUT_FILE_NAME
        self._clock = clock
        self._lock = threading.Lock()

    def wait_s(self) -> float:
        """Seconds before a PIN may be tried again (0: now)."""
        return self._wait_s(self._load())

    def check(self, pin: str) -> bool:
        """True when ``pin`` is the admin PIN. Raises :class:`PinLocked` while
        locked (nothing is checked, the count does not move)."""
        with self._lock:
            state = self._load()
            wait = self._wait_s(state)
            if wait > 0:
                raise PinLocked(wait)
            state.failures += 1
            delay = lockout_delay_s(state.failures)
            state.locked_until = self._clock() + delay if delay else 0.0
            self._save(state)
            if not self._credentials.check_admin_pin(pin):
                return False
            self._save(_State())
            return True

    def _wait_s(self, state: _State) -> float:
        # capped: a clock set back must not lock an employee out for longer
        return max(0.0, min(MAX_LOCKOUT_S, state.locked_until - self._clock()))

    def _load(self) -> _State:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return _State(int(raw["failures"]), float(raw["locked_until"]))
        except FileNotFoundError:
            return _State()
        except (OSError, ValueError, KeyError, TypeError):
            # a damaged record counts as a full set of wrong PINs, never as none
            return _State(PIN_FREE_TRIES, 0.0)

    def _save(self, state: _State) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = self.path.with_name(self.path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"failures": state.failures, "locked_until": state.locked_until}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
