"""The background sender: delivers pending messages with retries.

One daemon thread per central process polls the ``messages`` table every
``sender_poll_s``, claims due rows (see ``central.repositories.messages`` for why two
processes never deliver one row twice), delivers each through the backend of its
channel and records the outcome. A temporary failure is retried after an
exponential back-off with jitter, up to ``sender_max_attempts`` attempts; then,
or at once for a permanent failure, the row is ``failed`` with ``last_error``.

Guarantee: every committed message is delivered at least once unless it fails;
it is delivered twice only if a process dies between the backend's success and
the commit of ``sent`` (the unavoidable window of any outbox). A pass's
deliveries are recorded as sent together, in one transaction at the pass's end,
or before the next delivery starts once the oldest waiting one started
``SENT_RECORDED_WITHIN_S`` ago: a transaction per message cost each registration
a second write transaction (docs/performance.md §4). So a crash re-sends at most
the deliveries of the last ``SENT_RECORDED_WITHIN_S`` before the one in hand, or
of one pass (``sender_batch`` messages) when the gateway answers faster. Logs
carry the message id, kind and masked recipient, never the body.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import AsyncIterator, Callable, Mapping
from concurrent.futures import Future
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import transaction
from central.core.metrics import count_delivery
from central.core.security import HASH_THREADS, hash_password_later
from central.messaging.delivery import (
    Backend,
    DeliveryError,
    PermanentDeliveryError,
    mask_recipient,
)
from central.messaging.dev import DevBackend
from central.messaging.texts import holds_secret
from central.models import utcnow
from central.repositories import accounts
from central.repositories import messages as repo
from central.services import password_reset, purge
from central.services.purge import PurgeReport

log = logging.getLogger("central.sender")
STOP_TIMEOUT_S = 30.0
# After a pass that was not full, the next waits this long for more messages: under
# a steady stream a pass begun at once holds only what arrived during the last one.
GATHER_S = 0.05
SENT_RECORDED_WITHIN_S = 1.0  # the longest a delivery waits to be recorded as sent


def backoff_s(
    attempts: int, base_s: float, cap_s: float, rng: random.Random | None = None
) -> float:
    """Delay before the next try after ``attempts`` tries: half fixed, half random,
    doubling per attempt and capped, so a gateway outage is not hammered in step."""
    ceiling = min(cap_s, base_s * 2.0 ** max(attempts - 1, 0))
    return ceiling / 2 + (rng or random).uniform(0, ceiling / 2)


def backends_for(settings: Settings) -> dict[str, Backend]:
    """The backend per channel: all ``dev``, or SMTP for email and HTTP for SMS."""
    if settings.delivery_backend == "dev":
        dev = DevBackend()
        return {"sms": dev, "email": dev}
    from central.messaging.http_sms import HttpSmsBackend
    from central.messaging.smtp import SmtpBackend

    return {"email": SmtpBackend(settings), "sms": HttpSmsBackend(settings)}


class Sender:
    """Delivers due messages; ``run_once`` for one pass, ``start``/``stop`` for the thread."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        settings: Settings,
        backends: Mapping[str, Backend] | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        ticks: Callable[[], float] = time.monotonic,
    ) -> None:
        """``clock``: the app's time (what is due, what a row records);
        ``ticks``: seconds of a monotonic clock (how long a delivery waits to be
        recorded)."""
        self._ticks = ticks
        self._factory = session_factory
        self._settings = settings
        self.backends = dict(backends if backends is not None else backends_for(settings))
        self._clock = clock
        # the dev mailbox (demo, tests) is read after delivery; real messages are not
        self._scrub = settings.delivery_backend != "dev"
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._next_purge_at: datetime | None = None  # the first pass purges

    def run_once(self) -> int:
        """Claim and handle the due messages of one batch; returns how many.

        Messages without a password to hash go first, a full batch of them; then
        at most ``HASH_THREADS`` that need argon2, hashed in parallel. So a code
        SMS never waits behind a backlog of emails to hash (an import of 10,000
        online buyers queues 10,000): at most one round of hashing
        (docs/performance.md §5, run I)."""
        s = self._settings
        now = self._clock()
        with transaction(self._factory) as session:
            claims = repo.claim_due(
                session, now=now, limit=s.sender_batch, lease_s=s.sender_lease_s
            )
            hashing = repo.claim_due(
                session, now=now, limit=HASH_THREADS, lease_s=s.sender_lease_s, with_password=True
            )
        hashes = [(c, hash_password_later(c.password)) for c in hashing if c.password is not None]
        delivered = _Delivered(self._factory, self._clock, self._ticks, self._scrub)
        try:
            for claim in claims:
                self._deliver(claim, delivered)
            for claim, hashed in hashes:
                if self._settle_password(claim, hashed):
                    self._deliver(claim, delivered)
        finally:
            delivered.record()
        if self._scrub and (claims or hashing):
            self._erase_old_text()
        return len(claims) + len(hashing)

    def _erase_old_text(self) -> None:
        """The scrubbed texts out of the database files too, not only the rows."""
        try:
            with self._factory() as session:
                repo.erase_old_text(session)
        except SQLAlchemyError as exc:
            log.warning("could not checkpoint the scrubbed messages yet: %s", type(exc).__name__)

    def _settle_password(self, claim: repo.ClaimedMessage, hashed: Future[str]) -> bool:
        """Make the claim's temporary password its account's before the email goes,
        so it works once the client has it. False: not now (the lease brings it back)."""
        try:
            with transaction(self._factory) as session:
                if not accounts.settle_password(session, claim.id, hashed.result()):
                    log.info("message %s (%s): its password was superseded", claim.id, claim.kind)
                repo.forget_password(session, claim.id)
        except Exception:
            log.exception("message %s (%s): password not stored", claim.id, claim.kind)
            return False
        return True

    def _run_task(self, claim: repo.ClaimedMessage) -> None:
        """A row that asks for work instead of a delivery (``repo.INTERNAL_KINDS``):
        a pending account's reset, whose activation email is made here rather
        than in the request, so the request's work tells nothing. A failure is
        retried after the same back-off as a delivery, and after
        ``sender_max_attempts`` the row is ``failed`` like any message (listed by
        ``messages failed``, purged by its rule) rather than retried forever."""
        try:
            with transaction(self._factory) as session:
                password_reset.send_activation_again(
                    session, claim.body, self._settings, self._clock()
                )
                repo.mark_done(session, claim)
        except Exception as exc:
            log.exception("task %s (%s) failed", claim.id, claim.kind)
            self._task_failed(claim, type(exc).__name__)

    def _task_failed(self, claim: repo.ClaimedMessage, error: str) -> None:
        """Record a task's failure: again after a back-off, or ``failed`` for good.
        If even that cannot be written, the row stays claimed and its lease
        brings it back (the attempt is counted all the same)."""
        s = self._settings
        try:
            with transaction(self._factory) as session:
                if claim.attempts >= s.sender_max_attempts:
                    repo.mark_failed(session, claim, error=error)
                    log.error("task %s (%s) failed: %s", claim.id, claim.kind, error)
                    return
                delay = backoff_s(claim.attempts, s.sender_backoff_base_s, s.sender_backoff_cap_s)
                at = self._clock() + timedelta(seconds=delay)
                repo.reschedule(session, claim, at=at, error=error)
        except Exception:
            log.exception("task %s (%s): outcome not stored", claim.id, claim.kind)

    def _deliver(self, claim: repo.ClaimedMessage, delivered: _Delivered) -> None:
        if claim.kind in repo.INTERNAL_KINDS:
            self._run_task(claim)
            return
        s = self._settings
        who = mask_recipient(claim.to)
        backend = self.backends.get(claim.channel)
        delivered.starting()
        try:
            if backend is None:
                raise PermanentDeliveryError(f"no backend for channel {claim.channel}")
            backend.deliver(claim)
        except DeliveryError as exc:
            with transaction(self._factory) as session:
                if (
                    isinstance(exc, PermanentDeliveryError)
                    or claim.attempts >= s.sender_max_attempts
                ):
                    # a notice's text stays for `messages retry` (until the purge)
                    scrub = self._scrub and holds_secret(claim.kind)
                    repo.mark_failed(session, claim, error=exc.reason, scrub=scrub)
                    count_delivery(claim.channel, claim.kind, delivered=False)
                    log.error(
                        "message %s (%s to %s) failed: %s", claim.id, claim.kind, who, exc.reason
                    )
                    return
                delay = backoff_s(claim.attempts, s.sender_backoff_base_s, s.sender_backoff_cap_s)
                at = self._clock() + timedelta(seconds=delay)
                repo.reschedule(session, claim, at=at, error=exc.reason)
            log.warning(
                "message %s (%s to %s) attempt %d: %s; retry in %.0f s",
                claim.id, claim.kind, who, claim.attempts, exc.reason, delay,
            )  # fmt: skip
            return
        except Exception:
            log.exception("message %s (%s to %s): backend crashed", claim.id, claim.kind, who)
            return  # the row stays claimed; the lease brings it back
        delivered.add(claim)

    def wake(self) -> None:
        """Look for messages now instead of at the next poll."""
        self._wake.set()

    def purge_if_due(self) -> PurgeReport | None:
        """The retention purge (``central.services.purge``), at most once per
        ``purge_interval_s`` of the app's clock; None when not due. Every
        process's sender calls it; the purge's lock lets one at a time work."""
        now = self._clock()
        if self._next_purge_at is not None and now < self._next_purge_at:
            return None
        self._next_purge_at = now + timedelta(seconds=self._settings.purge_interval_s)
        report = purge.run(self._factory, self._settings, now)
        if report.total:
            log.info("purge: %s", "; ".join(report.lines()))
        return report

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.purge_if_due()
            except Exception:
                log.exception("purge failed; retrying at the next interval")
            try:
                handled = self.run_once()
            except Exception:
                log.exception("sender pass failed; retrying at the next poll")
                handled = 0
            if handled == 0:
                self._wake.wait(self._settings.sender_poll_s)
                self._wake.clear()
            elif handled < self._settings.sender_batch:
                self._stop.wait(GATHER_S)  # a pass costs two transactions, however few it holds

    def start(self) -> Sender:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="central-sender", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Finish the message in hand, then stop; pending rows wait for the next start."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(STOP_TIMEOUT_S)
            self._thread = None


class _Delivered:
    """A pass's deliveries not yet recorded as sent, recorded together."""

    def __init__(
        self,
        factory: sessionmaker[Session],
        clock: Callable[[], datetime],
        ticks: Callable[[], float],
        scrub: bool,
    ) -> None:
        self._factory, self._clock, self._ticks, self._scrub = factory, clock, ticks, scrub
        self._waiting: list[tuple[repo.ClaimedMessage, datetime]] = []
        self._started_at = self._oldest_started_at = 0.0

    def starting(self) -> None:
        """A delivery is about to start: first record those waiting since the
        start of one ``SENT_RECORDED_WITHIN_S`` or more ago (a slow gateway has
        each recorded before the next goes)."""
        self._started_at = self._ticks()
        if self._waiting and self._started_at - self._oldest_started_at >= SENT_RECORDED_WITHIN_S:
            self.record()

    def add(self, claim: repo.ClaimedMessage) -> None:
        """The delivery started last has succeeded."""
        if not self._waiting:
            self._oldest_started_at = self._started_at
        self._waiting.append((claim, self._clock()))

    def record(self) -> None:
        """Commit every waiting delivery as sent. If that fails the rows stay
        claimed and their lease brings them back (delivered again: at least once)."""
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        with transaction(self._factory) as session:
            repo.mark_sent(session, waiting, scrub=self._scrub)
        for claim, _at in waiting:
            count_delivery(claim.channel, claim.kind, delivered=True)
            log.info("message %s (%s) sent to %s", claim.id, claim.kind, mask_recipient(claim.to))


@asynccontextmanager
async def sender_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """FastAPI lifespan: one sender per app, stopped before the app's engine goes.

    The sender is ``app.state.sender``; routes may call its ``wake()`` after a
    commit that queued a message, to deliver it without waiting for a poll.
    """
    sender = Sender(
        app.state.session_factory, app.state.settings, clock=app.state.clock.now
    ).start()
    app.state.sender = sender
    try:
        yield
    finally:
        sender.stop()
