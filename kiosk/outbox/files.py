"""The outbox's files on disk: private modes, and copies of a damaged outbox.

Callers may rely on:
- :func:`private_dir` / :func:`private_file`: the folder is 0700 and the file
  0600 once they return (created so, or tightened if an older version left them
  readable by others); SQLite creates the -wal and -shm files with the mode of
  the database file;
- :func:`keep_damaged_copy`: one copy per damage, however many times a damaged
  outbox is opened (the copy's name carries a digest of what it copied), and
  copies older than the retention are deleted, except the copy of the damage
  still in place.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

__all__ = ["DAMAGED_INFIX", "keep_damaged_copy", "private_dir", "private_file"]

DIR_MODE: Final = 0o700
FILE_MODE: Final = 0o600
DAMAGED_INFIX: Final = ".damaged-"
DIGEST_CHARS: Final = 16
SQLITE_SIDE_FILES: Final = ("", "-wal", "-journal")
_CHUNK_BYTES: Final = 1 << 20


def private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed; the folder itself ends up 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _tighten(path, DIR_MODE)


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist; else tighten it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        _tighten(path, FILE_MODE)
    else:
        os.close(fd)


def _tighten(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~mode:
        os.chmod(path, current & mode)


def _digest(path: Path) -> str:
    """A digest of the outbox file and its -wal/-journal as they are now."""
    h = hashlib.sha256()
    for suffix in SQLITE_SIDE_FILES:
        src = path.with_name(path.name + suffix)
        h.update(suffix.encode() + b"\0")
        if src.exists():
            with src.open("rb") as f:
                while chunk := f.read(_CHUNK_BYTES):
                    h.update(chunk)
    return h.hexdigest()[:DIGEST_CHARS]


def _copies(path: Path) -> list[Path]:
    return [
        p
        for p in path.parent.glob(f"{path.name}{DAMAGED_INFIX}*")
        if not p.name.endswith(("-wal", "-journal"))
    ]


def keep_damaged_copy(
    path: Path, *, retention_s: float, clock: Callable[[], float] = time.time
) -> Path | None:
    """A copy of the damaged outbox at ``path`` (and its -wal/-journal) beside it:
    the existing copy of this same damage, or a new one. Copies of earlier damage
    older than ``retention_s`` are deleted. None when no copy could be made."""
    try:
        digest = _digest(path)
        kept: Path | None = None
        for copy in _copies(path):
            if copy.name.endswith(digest):
                kept = copy
            elif clock() - copy.stat().st_mtime > retention_s:
                for suffix in SQLITE_SIDE_FILES:
                    copy.with_name(copy.name + suffix).unlink(missing_ok=True)
        if kept is not None:
            return kept
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
        copy = path.with_name(f"{path.name}{DAMAGED_INFIX}{stamp}-{digest}")
        for suffix in SQLITE_SIDE_FILES:
            src = path.with_name(path.name + suffix)
            if src.exists():
                _private_copy(src, copy.with_name(copy.name + suffix))
    except OSError:
        return None
    return copy


def _private_copy(src: Path, dst: Path) -> None:
    fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as out, src.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
