"""The offline outbox: registrations captured while the central is unreachable.

One SQLite file in the data folder (WAL, ``synchronous=FULL``: a capture that
returned survives a power cut). The personal data of an entry is the whole
``RegistrationRequest`` sealed with AES-GCM (see ``crypto``); the file holds no
phone or email in clear, only masked hints for the clerk's list. The entry id is
the Idempotency-Key of its delivery, so the central acts on it at most once.

States: ``pending`` (to deliver) → ``delivered`` (outcome ``created`` or
``account_exists``), or ``needs_attention`` (refused, or undecryptable; a clerk
decides: ``retry`` or ``drop``). Nothing is dropped silently: a full outbox
refuses the capture with ``OutboxFull``.
"""

from __future__ import annotations

import errno
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.api_types import RegistrationRequest
from kiosk.outbox import crypto
from kiosk.outbox.errors import (
    AlreadyDelivered,
    DuplicateEntry,
    NoSuchEntry,
    OutboxDamaged,
    OutboxFull,
    OutboxNoSpace,
)
from kiosk.outbox.files import keep_damaged_copy, private_dir, private_file
from kiosk.outbox.schema import (
    CAPTURE_SQL,
    DEFAULT_CAPACITY,
    DEFAULT_RETENTION_S,
    DEFER_ALL_SQL,
    DELIVERED_SQL,
    DUE_IDS_SQL,
    NEXT_DUE_SQL,
    REASON_MAX_CHARS,
    RETRY_LATER_SQL,
    ROWID,
    SET_ASIDE_SQL,
    SQLITE_BUSY_TIMEOUT_MS,
    STATES,
    TALLY_DDL,
    WAITING_SQL,
    WRITE_OPTION,
    Base,
    Delivered,
    DueEntry,
    EntryView,
    Failed,
    OutboxRow,
    State,
    entry_view,
    to_datetime,
)
from vic_rules.email import mask_email
from vic_rules.phone import mask_phone


def _reason(text: str) -> str:
    return text if len(text) <= REASON_MAX_CHARS else text[: REASON_MAX_CHARS - 1] + "…"


IDS_PER_QUERY = 500  # well under SQLite's limit of bound parameters per statement


class Outbox:
    """The outbox file at ``path``, sealed with ``key`` (32 bytes, from the keyring).

    Safe to use from several threads and several processes at once: every change
    is one short ``BEGIN IMMEDIATE`` transaction; reads use deferred transactions,
    so (WAL) they never wait for a writer's commit. ``clock`` gives POSIX seconds.
    """

    def __init__(
        self,
        path: str | Path,
        key: bytes,
        *,
        capacity: int = DEFAULT_CAPACITY,
        retention_s: float = DEFAULT_RETENTION_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        crypto.check_key(key)
        self.path = Path(path)
        private_dir(self.path.parent)
        private_file(self.path)  # before SQLite makes it 0644; -wal/-shm follow its mode
        self.capacity = capacity
        self.retention_s = retention_s
        self.clock = clock
        self._key = bytes(key)
        self._engine = create_engine(f"sqlite:///{self.path}")
        event.listen(self._engine, "connect", _on_connect)
        event.listen(self._engine, "begin", _on_begin)
        self._readers = sessionmaker(self._engine, expire_on_commit=False)
        self._writers = sessionmaker(
            self._engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )
        self._check_intact()
        try:
            Base.metadata.create_all(self._engine)
            self._ensure_tally()
        except OperationalError as exc:
            if _is_disk_full(exc):
                self._engine.dispose()
                raise OutboxNoSpace(self.path) from None
            raise
        except DatabaseError as exc:
            self._engine.dispose()
            raise OutboxDamaged(self.path, self._keep_copy(), _first_line(exc)) from None

    def _check_intact(self) -> None:
        """Refuse (``OutboxDamaged``) an existing file SQLite cannot read or whose
        pages do not check out: opening it anyway could lose entries silently.
        ``integrity_check`` (not ``quick_check``): it also finds an index that no
        longer matches its table, which would hide an entry from the sync's
        lookups by id (its cost: docs/performance.md §3)."""
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        reason: str | None = None
        try:
            raw = self._engine.raw_connection()
            try:
                cur = raw.cursor()
                found = [str(row[0]) for row in cur.execute("PRAGMA integrity_check").fetchall()]
                cur.close()
            finally:
                raw.close()
            if found != ["ok"]:
                reason = found[0] if found else "the integrity check gave no answer"
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            reason = _first_line(exc)
        if reason is not None:
            self._engine.dispose()
            raise OutboxDamaged(self.path, self._keep_copy(), reason)

    def _keep_copy(self) -> Path | None:
        """The copy of this damage beside the file (one per damage, see ``files``)."""
        return keep_damaged_copy(self.path, retention_s=self.retention_s, clock=self.clock)

    @property
    def lock_path(self) -> Path:
        """The file whose OS lock makes one sync at a time (see ``sync``)."""
        return self.path.with_name(self.path.name + ".lock")

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self, *, write: bool) -> Iterator[Session]:
        """An ORM session in one transaction: ``BEGIN IMMEDIATE`` for a writer (it
        takes SQLite's write lock at once, so it never fails half-way for want of
        it), a deferred ``BEGIN`` for a reader (WAL: it never waits for a writer)."""
        sessions = self._writers if write else self._readers
        try:
            with sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if _is_disk_full(exc):
                raise OutboxNoSpace(self.path) from None
            raise

    @contextmanager
    def _raw(self, *, write: bool) -> Iterator[sqlite3.Cursor]:
        """A cursor on a pooled DBAPI connection inside one transaction (as ``_tx``:
        immediate for a writer, deferred for a reader), committed on success and
        rolled back on an exception. The hot paths (capture, the sync's reads and
        outcomes) use it: plain prepared SQL, no ORM unit of work."""
        raw = self._engine.raw_connection()
        try:
            cur: sqlite3.Cursor = raw.cursor()  # type: ignore[assignment]
            try:
                cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield cur
                except BaseException:
                    if cur.connection.in_transaction:  # SQLite may have ended it already
                        cur.execute("ROLLBACK")
                    raise
                cur.execute("COMMIT")
            finally:
                cur.close()
        except sqlite3.OperationalError as exc:
            if _is_disk_full_error(exc):
                raise OutboxNoSpace(self.path) from None
            raise
        finally:
            raw.close()

    def _ensure_tally(self) -> None:
        """The count of waiting entries (pending + set aside) kept in a one-row
        table by triggers, so the capacity check of a capture is one row read
        instead of a count over the waiting entries. Created (and counted once)
        in one write transaction for a file made before it existed; every writer,
        whatever its version, keeps it right since the triggers live in the file."""
        with self._raw(write=True) as cur:
            for statement in TALLY_DDL:
                cur.execute(statement)

    # --- capture -------------------------------------------------------------

    def capture(self, req: RegistrationRequest, *, entry_id: str | None = None) -> str:
        """Store ``req`` for later delivery and return its id (= its Idempotency-Key).

        ``captured_at`` is set to now unless the request carries one. Pass
        ``entry_id`` only to keep the key of an attempt already made with this exact
        request (``DuplicateEntry`` if it is already here). Raises ``OutboxFull``
        when ``capacity`` entries wait already.
        Once it returns, the entry is on disk (one ``synchronous=FULL`` commit).
        """
        now = self.clock()
        if req.captured_at is None:
            req = _with_captured_at(req, to_datetime(now))
        entry_id = entry_id or str(uuid.uuid4())
        sealed = crypto.seal(self._key, entry_id, crypto.request_to_bytes(req))
        row = (entry_id, now, now, mask_phone(req.phone), mask_email(req.email), sealed)
        with self._raw(write=True) as cur:
            waiting = cur.execute(WAITING_SQL).fetchone()
            if waiting is not None and waiting[0] >= self.capacity:
                raise OutboxFull(self.capacity)
            try:
                cur.execute(CAPTURE_SQL, row)
            except sqlite3.IntegrityError:
                raise DuplicateEntry(entry_id) from None
        return entry_id

    # --- what the clerk sees --------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Entries per state; every state is present (0 when none). A reader: it
        does not wait for the sync worker's commits."""
        with self._tx(write=False) as s:
            rows = s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state))
            found = {state: int(n) for state, n in rows}
        return {state: found.get(state, 0) for state in STATES}

    def oldest_pending_at(self) -> datetime | None:
        """When the oldest entry still waiting to be sent was captured; one
        aggregate, so a heartbeat over a backlog of thousands reads no rows (and
        holds the GIL for no row loop while the screen is drawn)."""
        query = select(func.min(OutboxRow.created_at)).where(OutboxRow.state == "pending")
        with self._tx(write=False) as s:
            found = s.scalar(query)
        return to_datetime(found) if found is not None else None

    def waiting(self, limit: int) -> tuple[list[EntryView], int]:
        """The entries not yet delivered as a clerk's list shows them: at most
        ``limit``, oldest first, those set aside (the clerk must act on them)
        taken before those only waiting for the network; and how many are not
        delivered in all. Reads at most ``limit`` rows, however long the backlog."""
        order = (OutboxRow.created_at, ROWID)
        with self._tx(write=False) as s:
            aside = list(
                s.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.state == "needs_attention")
                    .order_by(*order)
                    .limit(limit)
                )
            )
            pending = list(
                s.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.state == "pending")
                    .order_by(*order)
                    .limit(limit - len(aside))
                )
            )
            total = s.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.state != "delivered")
            )
        rows = sorted(aside + pending, key=lambda row: row.created_at)  # stable: ties keep order
        return [entry_view(row) for row in rows], int(total or 0)

    def views(self, ids: Sequence[str]) -> list[EntryView]:
        """The entries among ``ids`` (missing ones left out), in no set order."""
        found: list[EntryView] = []
        with self._tx(write=False) as s:
            for start in range(0, len(ids), IDS_PER_QUERY):
                chunk = list(ids[start : start + IDS_PER_QUERY])
                rows = s.scalars(select(OutboxRow).where(OutboxRow.id.in_(chunk)))
                found += [entry_view(row) for row in rows]
        return found

    def entries(self, state: State | None = None) -> list[EntryView]:
        """Masked views, oldest first."""
        query = select(OutboxRow).order_by(OutboxRow.created_at, ROWID)
        if state is not None:
            query = query.where(OutboxRow.state == state)
        with self._tx(write=False) as s:
            return [entry_view(row) for row in s.scalars(query)]

    def get(self, entry_id: str) -> EntryView:
        with self._tx(write=False) as s:
            row = s.get(OutboxRow, entry_id)
            if row is None:
                raise NoSuchEntry(entry_id)
            return entry_view(row)

    # --- clerk's decisions ------------------------------------------------------

    def retry(self, entry_id: str) -> None:
        """Make an entry due now (a set-aside one goes back to pending)."""
        with self._tx(write=True) as s:
            row = s.get(OutboxRow, entry_id)
            if row is None:
                raise NoSuchEntry(entry_id)
            if row.state == "delivered":
                raise AlreadyDelivered(entry_id)
            row.state = "pending"
            row.next_attempt_at = self.clock()

    def retry_all(self) -> int:
        """Every set-aside or waiting entry due now; returns how many."""
        with self._tx(write=True) as s:
            result = s.execute(
                update(OutboxRow)
                .where(OutboxRow.state.in_(("pending", "needs_attention")))
                .values(state="pending", next_attempt_at=self.clock())
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def drop(self, entry_id: str) -> None:
        """Delete an entry and its personal data for good (not delivered, ever)."""
        with self._tx(write=True) as s:
            result = s.execute(delete(OutboxRow).where(OutboxRow.id == entry_id))
            if not result.rowcount:  # type: ignore[attr-defined]
                raise NoSuchEntry(entry_id)
        self._checkpoint()

    def purge_expired(self) -> int:
        """Erase the personal data (and hints) of entries delivered more than
        ``retention_s`` ago; their id, times and outcome stay. Returns how many."""
        cutoff = self.clock() - self.retention_s
        with self._tx(write=True) as s:
            result = s.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.state == "delivered",
                    OutboxRow.delivered_at <= cutoff,
                    OutboxRow.sealed.is_not(None),
                )
                .values(sealed=None, phone_hint=None, email_hint=None, purged_at=self.clock())
            )
            purged = int(result.rowcount)  # type: ignore[attr-defined]
        if purged:
            self._checkpoint()
        return purged

    # --- used by the sync worker ----------------------------------------------------

    def due_ids(self, limit: int | None = None) -> list[str]:
        """Pending entries whose time has come, oldest first."""
        with self._raw(write=False) as cur:
            rows = cur.execute(DUE_IDS_SQL, (self.clock(), -1 if limit is None else limit))
            return [str(r[0]) for r in rows.fetchall()]

    def next_due_at(self) -> float | None:
        """When the earliest pending entry becomes due (POSIX seconds), or None."""
        with self._raw(write=False) as cur:
            found = cur.execute(NEXT_DUE_SQL).fetchone()
        return None if found is None or found[0] is None else float(found[0])

    def open_due_many(
        self, entry_ids: Sequence[str]
    ) -> dict[str, DueEntry | crypto.UndecryptableEntry]:
        """The entries opened for delivery, in one read transaction: per id still
        due, its ``DueEntry`` or the ``UndecryptableEntry`` refusal (its personal
        data does not open with this key: the caller sets it aside); an id that is
        no longer due (delivered, dropped or set aside meanwhile) is absent."""
        if not entry_ids:
            return {}
        marks = ",".join("?" * len(entry_ids))
        now = self.clock()
        # looked up by id only (the primary key), state and time checked here: the
        # same rows ``get`` finds, whatever the state index says
        with self._raw(write=False) as cur:
            rows = cur.execute(
                "SELECT id, state, next_attempt_at, attempts, sealed, last_error "
                "FROM outbox_entries "
                f"WHERE id IN ({marks})",
                tuple(entry_ids),
            ).fetchall()
        return {
            str(r[0]): self._open(str(r[0]), int(r[3]), r[4], r[5])
            for r in rows
            if r[1] == "pending" and r[2] <= now
        }

    def _open(
        self, entry_id: str, attempts: int, sealed: bytes | None, last_error: str | None = None
    ) -> DueEntry | crypto.UndecryptableEntry:
        if sealed is None:
            return crypto.UndecryptableEntry("the personal data is missing")
        try:
            req = crypto.request_from_bytes(crypto.unseal(self._key, entry_id, bytes(sealed)))
        except crypto.UndecryptableEntry as exc:
            return exc
        except (ValueError, KeyError, TypeError) as exc:
            refusal = crypto.UndecryptableEntry("the opened data is not a registration")
            refusal.__cause__ = exc
            return refusal
        return DueEntry(id=entry_id, attempts=attempts, request=req, last_error=last_error)

    def record(self, results: Iterable[Delivered | Failed], *, defer_all_s: float = 0.0) -> None:
        """The outcomes of several attempts in one write transaction (one fsync):
        a ``Delivered`` is recorded as such, a ``Failed`` is due again in its
        ``retry_in_s`` or (None) set aside; then, when
        ``defer_all_s`` > 0, ``defer_all(defer_all_s)`` in the same transaction.
        A delivered entry stays delivered; a failure counts only on a pending one."""
        now = self.clock()
        results = list(results)
        delivered = [
            (r.outcome, r.registration_id, now, r.entry_id)
            for r in results
            if isinstance(r, Delivered)
        ]
        retried: list[tuple[str, float, str]] = []
        set_aside: list[tuple[str, str]] = []
        for r in results:
            if isinstance(r, Failed):
                if r.retry_in_s is None:
                    set_aside.append((_reason(r.reason), r.entry_id))
                else:
                    retried.append((_reason(r.reason), now + r.retry_in_s, r.entry_id))
        if not (delivered or retried or set_aside or defer_all_s > 0):
            return
        with self._raw(write=True) as cur:
            if delivered:
                cur.executemany(DELIVERED_SQL, delivered)
            if retried:
                cur.executemany(RETRY_LATER_SQL, retried)
            if set_aside:
                cur.executemany(SET_ASIDE_SQL, set_aside)
            if defer_all_s > 0:
                not_before = now + defer_all_s
                cur.execute(DEFER_ALL_SQL, (not_before, not_before))

    def defer_all(self, seconds: float) -> None:
        """No pending entry is due before ``seconds`` from now (the central said
        Retry-After: it applies to the terminal, not to one entry)."""
        self.record([], defer_all_s=seconds)

    def expedite(self, reason_prefix: str) -> int:
        """Pending entries whose last failure starts with ``reason_prefix`` due now
        (the central answers again: waiting out their back-off would be pointless)."""
        with self._tx(write=True) as s:
            result = s.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.state == "pending",
                    OutboxRow.last_error.startswith(reason_prefix, autoescape=True),
                )
                .values(next_attempt_at=self.clock())
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def _checkpoint(self) -> None:
        """Fold the WAL into the main file so erased pages leave the -wal file too."""
        raw = self._engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        finally:
            raw.close()


def _is_disk_full(exc: OperationalError) -> bool:
    return _is_disk_full_error(exc.orig)


def _is_disk_full_error(orig: BaseException | None) -> bool:
    """True for SQLite's SQLITE_FULL or an OS ENOSPC (the DBAPI error itself)."""
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL:
        return True
    return isinstance(orig, OSError) and orig.errno == errno.ENOSPC


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _with_captured_at(req: RegistrationRequest, at: datetime) -> RegistrationRequest:
    return replace(req, captured_at=at)


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    # bytes altered on disk must not make the whole list unreadable: a damaged
    # hint shows replacement characters; the sealed data is authenticated anyway
    dbapi_conn.text_factory = _lenient_text
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    """A writer's transaction takes the write lock at once; a reader's is deferred
    (in WAL it reads the last commit and never waits for a writer)."""
    write = bool(conn.get_execution_options().get(WRITE_OPTION, False))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


__all__ = ["Outbox"]
