"""The documents folder: claims' files, outside the database rows that list them.

A file is named by its document's id, never by the name it was uploaded with.
It arrives in ``.incoming/`` under a random name, is checked and (for photos)
re-encoded there, flushed to disk, and only then renamed to its id, in the
transaction that lists it: a crash leaves at most an unlisted file in
``.incoming/`` (``sweep_incoming`` removes old ones), never a half file listed.

What a caller may rely on: ``kind_of`` judges a file by its first bytes only
(JPEG, PNG, PDF; anything else is ``None``); ``sanitize`` re-encodes JPEG and
PNG with Pillow, dropping EXIF (with its GPS location) and every other
metadata chunk, after turning the pixels as EXIF said so the photo stays
upright; a PDF is kept byte for byte. The folder and its files are private
to the service's user (0700 / 0600).
"""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import platformdirs
from PIL import Image, ImageOps

from central.core.config import Settings

INCOMING = ".incoming"
INCOMING_MAX_AGE_S = 24 * 3600
JPEG_QUALITY = 90
# a photo of a modern phone is 12-50 megapixels; beyond this it is a decompression bomb
MAX_IMAGE_PIXELS = 80_000_000
SNIFF_BYTES = 8
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "application/pdf": ".pdf"}
_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}


class UnreadableImage(ValueError):
    """The file starts like a JPEG or PNG but Pillow cannot decode it as one."""


def kind_of(head: bytes) -> str | None:
    """The content type a file's first bytes prove, or ``None``."""
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


def default_root() -> Path:
    return Path(platformdirs.user_data_dir("vic-central", appauthor=False)) / "claim-documents"


@dataclass(frozen=True)
class Incoming:
    """A file received into ``.incoming/``: not yet any document's."""

    path: Path
    name: str  # as the client named it (only shown, after ``display_name``)
    content_type: str
    size: int
    sha256: str


class DocumentStore:
    """The folder ``root``; made (0700) on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentStore:
        return cls(
            Path(settings.documents_dir).expanduser() if settings.documents_dir else default_root()
        )

    def incoming_path(self) -> Path:
        """A new, unused path in ``.incoming/`` to receive a file into."""
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder = self.root / INCOMING
        folder.mkdir(mode=0o700, exist_ok=True)
        return folder / f"{uuid.uuid4().hex}.part"

    def create_incoming(self) -> tuple[Path, IO[bytes]]:
        """A new incoming file (0600), open for writing."""
        path = self.incoming_path()
        return path, os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")

    def path_of(self, document_id: str) -> Path:
        return self.root / str(uuid.UUID(document_id))

    def keep(self, incoming: Path, document_id: str) -> Path:
        """Flush ``incoming`` to disk and rename it to the document's id (atomic)."""
        with open(incoming, "rb") as handle:
            os.fsync(handle.fileno())
        final = self.path_of(document_id)
        os.replace(incoming, final)
        _fsync_dir(self.root)
        return final

    def discard(self, path: Path) -> None:
        path.unlink(missing_ok=True)

    def sanitize(self, received: Incoming) -> Incoming:
        """``received`` as it will be stored: photos re-encoded without metadata
        into a new incoming file (the original is removed), PDFs as they are.
        Raises ``UnreadableImage`` for an image Pillow cannot decode."""
        fmt = _PILLOW_FORMATS.get(received.content_type)
        if fmt is None:
            return received
        target = self.incoming_path()
        try:
            _reencode(received.path, target, fmt)
        except BaseException:
            self.discard(target)
            raise
        finally:
            self.discard(received.path)
        return Incoming(
            path=target,
            name=received.name,
            content_type=received.content_type,
            size=target.stat().st_size,
            sha256=received.sha256,
        )

    def sweep_incoming(self, max_age_s: float = INCOMING_MAX_AGE_S) -> int:
        """Remove files left in ``.incoming/`` by requests that died; returns how many."""
        folder = self.root / INCOMING
        if not folder.is_dir():
            return 0
        cutoff = time.time() - max_age_s
        removed = 0
        for entry in folder.iterdir():
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed


def _reencode(source: Path, target: Path, fmt: str) -> None:
    try:
        with Image.open(source, formats=[fmt]) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise UnreadableImage("too many pixels")
            upright = ImageOps.exif_transpose(image)
            if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                if fmt == "JPEG":
                    upright.save(out, "JPEG", quality=JPEG_QUALITY)
                else:
                    upright.save(out, "PNG")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableImage(str(exc)) from None


def _fsync_dir(folder: Path) -> None:
    """The rename itself is on disk too (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def display_name(uploaded: str, content_type: str) -> str:
    """The name shown for a document: the client's file name without folders or
    control characters, at most 100 characters, with the extension its content has."""
    base = uploaded.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "document"
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    return (stem[:100] or "document") + EXTENSIONS[content_type]
