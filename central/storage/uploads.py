"""Receiving files of a ``multipart/form-data`` request while it streams.

Each part named ``file`` is written to an incoming file of the documents folder
as its bytes arrive; its first bytes decide its type (JPEG, PNG, PDF) and its
size is counted as it grows, so an HTML page named ``.jpg`` or a file one byte
over the limit is refused at that byte, never held in memory. The parser runs
in the threadpool (hashing and writing are off the event loop).

What a caller may rely on: ``receive_files`` returns the complete, checked
files as they will be stored (photos re-encoded by ``DocumentStore.sanitize``,
before any database lock is taken), or raises one of ``DocumentTooLarge``,
``UnsupportedDocumentType``, ``TooManyDocuments``, ``MalformedUpload`` with
every incoming file it made already removed. After a refusal the rest of the
body is read and dropped (up to ``DRAIN_MAX_BYTES``) so the client, still
sending, gets the answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

from python_multipart.exceptions import ParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from central.core.errors import (
    CentralError,
    DocumentTooLarge,
    MalformedUpload,
    TooManyDocuments,
    UnsupportedDocumentType,
)
from central.storage.documents import (
    SNIFF_BYTES,
    DocumentStore,
    Incoming,
    UnreadableImage,
    kind_of,
)

FILE_FIELD = "file"
# a multipart part's headers and a form field other than a file (ignored)
MAX_FIELD_BYTES = 1024
DRAIN_MAX_BYTES = 32 * 1024 * 1024
NAME_MAX_CHARS = 255


class _Part:
    """One file part being received."""

    def __init__(self, store: DocumentStore, name: str) -> None:
        self.path, self.handle = store.create_incoming()
        self.name = name
        self.head = b""
        self.content_type: str | None = None
        self.size = 0
        self.digest = hashlib.sha256()

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()


class _Receiver:
    """python-multipart's callbacks: file parts to incoming files, checked as they grow."""

    def __init__(self, store: DocumentStore, max_files: int, max_bytes: int) -> None:
        self.store, self.max_files, self.max_bytes = store, max_files, max_bytes
        self.done: list[Incoming] = []
        self.made: list[Path] = []
        self.current: _Part | None = None
        self.skipping = False
        self.header_name = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.header_bytes = 0
        self.field_bytes = 0

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
        }

    def on_part_begin(self) -> None:
        self.headers, self.header_bytes, self.field_bytes = {}, 0, 0
        self.header_name = self.header_value = b""
        self.current, self.skipping = None, False

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._count_header(end - start)
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.header_name.strip().lower()] = self.header_value.strip()
        self.header_name = self.header_value = b""

    def _count_header(self, size: int) -> None:
        self.header_bytes += size
        if self.header_bytes > MAX_FIELD_BYTES:
            raise MalformedUpload()

    def on_headers_finished(self) -> None:
        disposition = self.headers.get(b"content-disposition", b"")
        _, options = parse_options_header(disposition)
        field = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if field != FILE_FIELD or filename is None:
            self.skipping = True
            return
        if len(self.done) >= self.max_files:
            raise TooManyDocuments()
        name = filename.decode("utf-8", "replace")[:NAME_MAX_CHARS]
        self.current = _Part(self.store, name)
        self.made.append(self.current.path)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.skipping or self.current is None:
            self.field_bytes += end - start
            if self.field_bytes > MAX_FIELD_BYTES:
                raise MalformedUpload()
            return
        part, chunk = self.current, data[start:end]
        part.size += len(chunk)
        if part.size > self.max_bytes:
            raise DocumentTooLarge()
        if part.content_type is None:
            part.head += chunk[: SNIFF_BYTES - len(part.head)]
            if len(part.head) >= SNIFF_BYTES:
                part.content_type = self._judge(part.head)
        part.digest.update(chunk)
        part.handle.write(chunk)

    def _judge(self, head: bytes) -> str:
        found = kind_of(head)
        if found is None:
            raise UnsupportedDocumentType()
        return found

    def on_part_end(self) -> None:
        part, self.current = self.current, None
        if part is None:
            return
        part.close()
        content_type = part.content_type or self._judge(part.head)
        self.done.append(
            Incoming(
                path=part.path,
                name=part.name,
                content_type=content_type,
                size=part.size,
                sha256=part.digest.hexdigest(),
            )
        )

    def cleanup(self) -> None:
        if self.current is not None:
            self.current.close()
        for path in self.made:
            self.store.discard(path)


async def receive_files(
    content_type: str,
    body: AsyncIterator[bytes],
    store: DocumentStore,
    *,
    max_files: int,
    max_bytes: int,
) -> list[Incoming]:
    """The files of a multipart body (field ``file``), each at most ``max_bytes``,
    at most ``max_files`` of them; at least one."""
    mime, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if mime != b"multipart/form-data" or not boundary:
        raise MalformedUpload()
    receiver = _Receiver(store, max_files, max_bytes)
    await run_in_threadpool(store.sweep_incoming)  # what requests that died left behind
    try:
        parser = MultipartParser(boundary, receiver.callbacks())  # type: ignore[arg-type]
        async for chunk in body:
            if chunk:
                await run_in_threadpool(parser.write, chunk)
        await run_in_threadpool(parser.finalize)
        if receiver.current is not None:
            raise MalformedUpload()  # the body ended inside a file
    except CentralError:
        receiver.cleanup()
        await _drain(body)
        raise
    except (ParseError, ClientDisconnect, UnicodeError, ValueError):
        receiver.cleanup()
        await _drain(body)
        raise MalformedUpload() from None
    except BaseException:  # the disk, a bug: no half file left, the error stands
        receiver.cleanup()
        raise
    if not receiver.done:
        raise MalformedUpload()
    return await run_in_threadpool(_sanitized, store, receiver.done)


def _sanitized(store: DocumentStore, files: list[Incoming]) -> list[Incoming]:
    """Every file as it will be stored (photos re-encoded); on a refusal none is left."""
    done: list[Incoming] = []
    try:
        for received in files:
            done.append(store.sanitize(received))
    except BaseException as exc:
        for item in [*done, *files]:
            store.discard(item.path)
        if isinstance(exc, UnreadableImage):
            raise UnsupportedDocumentType() from None
        raise
    return done


async def _drain(body: AsyncIterator[bytes]) -> None:
    """Read and drop what the client still sends, so it reads our answer."""
    seen = 0
    try:
        async for chunk in body:
            seen += len(chunk)
            if seen > DRAIN_MAX_BYTES:
                return
    except Exception:
        return
