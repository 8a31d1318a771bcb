"""A plain-text file keyring that a crash cannot empty: the demo's, and the tests'.

``keyrings.alt.file.PlaintextKeyring`` rewrites its file in place (truncate, then
write): a process killed in between leaves the file empty, and with it the
terminal's token and its outbox key, so every waiting entry becomes unreadable.
A sync killed while it noted the outbox's count did exactly that in the fault
suite. This class writes the new contents to a temporary file beside the old one
and renames it over it (removing what a writer killed before its rename left),
under an exclusive lock on ``<file>.lock`` so that two
processes changing entries at once do not lose one another's change.

Callers may rely on: after a crash at any moment the file holds either every entry
as before the change or every entry as after it; readers never see a partial file.
It is still plain text, for demo mode and tests only (``kiosk.credentials``).
"""

from __future__ import annotations

import configparser
import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from keyring.errors import KeyringError, PasswordDeleteError
from keyrings.alt.escape import escape as escape_for_ini
from keyrings.alt.file import PlaintextKeyring

from kiosk.file_lock import FileLock

_TMP_SUFFIX = ".tmp"
WRITE_LOCK_WAIT_S = 10.0  # another process changing the file holds it for milliseconds


class CrashSafeFileKeyring(PlaintextKeyring):  # type: ignore[misc]
    """``PlaintextKeyring`` whose every change replaces the file whole."""

    def _write_config_value(self, service: str, key: str, value: str) -> None:
        def put(config: configparser.RawConfigParser) -> None:
            section = escape_for_ini(service)
            if not config.has_section(section):
                config.add_section(section)
            config.set(section, escape_for_ini(key), value)

        self._change(put)

    def delete_password(self, service: str, username: str) -> None:
        def remove(config: configparser.RawConfigParser) -> None:
            try:
                found = config.remove_option(escape_for_ini(service), escape_for_ini(username))
            except configparser.NoSectionError:
                found = False
            if not found:
                raise PasswordDeleteError("Password not found")

        self._change(remove)

    def _change(self, edit: Callable[[configparser.RawConfigParser], None]) -> None:
        """Read the file, ``edit`` it, and put the result in its place at once."""
        path = Path(self.file_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with _held(path.with_name(path.name + ".lock")):
            for left in path.parent.glob(path.name + ".*" + _TMP_SUFFIX):
                left.unlink(missing_ok=True)  # a writer killed before its rename
            config = configparser.RawConfigParser()
            config.read(path, encoding="utf-8")
            edit(config)
            _replace(path, config)


@contextlib.contextmanager
def _held(lock_path: Path) -> Iterator[None]:
    lock = FileLock(lock_path)
    if not lock.acquire(WRITE_LOCK_WAIT_S):
        raise KeyringError(f"{lock_path} is held by another process")
    try:
        yield
    finally:
        lock.release()


def _replace(path: Path, config: configparser.RawConfigParser) -> None:
    """Write ``config`` to a new file (``mkstemp``: 0600; synced) and rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=_TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            config.write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
