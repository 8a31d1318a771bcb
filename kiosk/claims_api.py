"""The claims part of the central's contract (v1.1 «Added: online claims»), as values.

``CentralClient`` sends; this module reads the answers into ``kiosk.api_types``
values and builds the one multipart body the terminal sends (a document from
the branch's scanner folder). Kept apart from ``kiosk.client`` so that module
stays about transport; nothing here talks to the network.
"""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from kiosk.answers import NO_OFFSET, parse_time
from kiosk.api_types import (
    Claim,
    ClaimDocument,
    ClaimHistoryEntry,
    ClaimKind,
    LinkSent,
    UploadLink,
)
from kiosk.errors import UnexpectedResponse

Progress = Callable[[int, int], None]  # (bytes sent, bytes in all)
READ_CHUNK_BYTES = 64 * 1024


def parse_kinds(body: dict[str, Any]) -> list[ClaimKind]:
    items = body.get("kinds")
    if not isinstance(items, list):
        raise UnexpectedResponse("claim kinds missing", status=200)
    kinds = [
        ClaimKind(code=str(item["code"]), title=str(item["title"]))
        for item in items
        if isinstance(item, dict) and "code" in item and "title" in item
    ]
    return kinds


def _document(item: dict[str, Any]) -> ClaimDocument:
    return ClaimDocument(
        id=str(item["id"]),
        name=str(item["name"]),
        content_type=str(item["content_type"]),
        size=int(item["size"]),
        added_at=parse_time(item.get("added_at")),
    )


def parse_document(item: dict[str, Any], *, status: int = 201) -> ClaimDocument:
    try:
        return _document(item)
    except (KeyError, TypeError, ValueError) as exc:
        raise UnexpectedResponse("unreadable document", status=status) from exc


def _history(item: dict[str, Any]) -> ClaimHistoryEntry:
    amount = item.get("amount")
    note = item.get("note")
    return ClaimHistoryEntry(
        status=str(item["status"]),
        at=parse_time(item.get("at")),
        note=note if isinstance(note, str) and note else None,
        amount=Decimal(str(amount)) if amount is not None else None,
    )


def parse_claim(item: dict[str, Any], *, status: int = 200) -> Claim:
    """A claim of the central's answer; anything unreadable is ``UnexpectedResponse``."""
    try:
        documents = item.get("documents") or []
        history = item.get("history") or []
        place = item.get("place")
        return Claim(
            id=str(item["id"]),
            number=str(item["number"]),
            contract_number=str(item["contract_number"]),
            kind=str(item["kind"]),
            event_date=date.fromisoformat(str(item["event_date"])),
            place=place if isinstance(place, str) and place else None,
            description=str(item["description"]),
            status=str(item["status"]),
            created_at=parse_time(item.get("created_at")),
            documents=tuple(_document(d) for d in documents if isinstance(d, dict)),
            history=tuple(_history(h) for h in history if isinstance(h, dict)),
        )
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise UnexpectedResponse("unreadable claim", status=status) from exc


def parse_claims(body: dict[str, Any]) -> list[Claim]:
    items = body.get("claims")
    if not isinstance(items, list):
        raise UnexpectedResponse("claims missing", status=200)
    return [parse_claim(item) for item in items if isinstance(item, dict)]


def parse_upload_link(body: dict[str, Any], offset: timedelta = NO_OFFSET) -> UploadLink:
    """The link's end in the terminal's clock (``offset``: ``answers.clock_offset``)."""
    url = body.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise UnexpectedResponse("upload link missing", status=201)
    return UploadLink(url=url, expires_at=parse_time(body.get("expires_at"), offset))


def parse_link_sent(body: dict[str, Any], offset: timedelta = NO_OFFSET) -> LinkSent:
    masked = body.get("phone_masked")
    if not isinstance(masked, str):
        raise UnexpectedResponse("masked phone missing", status=201)
    return LinkSent(link=parse_upload_link(body, offset), phone_masked=masked)


def _header_name(name: str) -> str:
    """The file's name as a multipart header may carry it: no quotes, no line breaks."""
    cleaned = "".join(c for c in name if c.isprintable() and c not in '"\\')
    return cleaned or "document"


class MultipartFile:
    """A ``multipart/form-data`` body of one file (field ``file``), read from disk
    chunk by chunk as it is sent, so a 10 MiB scan is never held in memory and
    ``progress`` can follow it. ``requests`` sends a body with ``read`` and
    ``__len__`` as a stream with its Content-Length."""

    def __init__(self, path: Path, *, progress: Progress | None = None) -> None:
        self.boundary = uuid.uuid4().hex
        guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        head = (
            f"--{self.boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{_header_name(path.name)}"\r\n'
            f"Content-Type: {guessed}\r\n\r\n"
        )
        self._head = head.encode("utf-8")
        self._tail = f"\r\n--{self.boundary}--\r\n".encode("ascii")
        self._size = path.stat().st_size
        self._file: IO[bytes] = path.open("rb")
        self._parts: list[bytes] = [self._head]
        self._sent = 0
        self._tail_queued = False
        self._progress = progress

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return len(self._head) + self._size + len(self._tail)

    def read(self, size: int = -1) -> bytes:
        """The next piece of the body (``b""`` at its end)."""
        want = READ_CHUNK_BYTES if size is None or size < 0 else size
        if self._parts:
            chunk = self._parts.pop(0)
        else:
            chunk = self._file.read(want)
            if not chunk and not self._tail_queued:
                self._tail_queued = True
                chunk = self._tail
        self._sent += len(chunk)
        if chunk and self._progress is not None:
            self._progress(self._sent, len(self))
        return chunk

    def close(self) -> None:
        self._file.close()
