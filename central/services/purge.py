"""Retention: the central keeps personal data only as long as it promised.

One purge is one transaction: every rule of ``central.repositories.retention``
applied in order, and the run itself recorded in the audit trail (counts only).
It runs hourly from the sender's loop of every central process and on demand
(``python -m central purge [--dry-run]``); the repository's lock makes one
instance at a time do the work, so two processes never race on the same rows
and a run that finds the lock taken reports ``skipped``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import write_transaction
from central.repositories import audit
from central.repositories import retention as repo


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge deleted (or, dry, would delete), rows by table, in rule order."""

    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False
    skipped: bool = False  # another purge held the lock

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """One line per table, for the operator and the log."""
        if self.skipped:
            return ["Another purge is running; nothing done."]
        verb = "would delete" if self.dry_run else "deleted"
        return [f"{name}: {verb} {n}" for name, n in self.counts.items()]


def limits_of(settings: Settings) -> repo.Limits:
    return repo.Limits(
        unconfirmed_registration_s=settings.unconfirmed_registration_retention_s,
        password_reset_s=settings.password_reset_retention_s,
        idempotency_s=settings.idempotency_ttl_s,
        failed_message_s=settings.failed_message_retention_s,
        message_s=settings.message_retention_s,
        audit_s=settings.audit_retention_s,
    )


def purge(
    db: Session, settings: Settings, now: datetime, *, dry_run: bool = False, wait: bool = False
) -> PurgeReport:
    """Apply (or only count) every rule at ``now`` in ``db``'s transaction; the
    caller commits. A run that deleted something is audited as ``purge``
    with its counts. When
    another purge runs, ``wait`` for it (then do what it left), else skip."""
    rules = repo.rules(now, limits_of(settings))
    if dry_run:
        return PurgeReport({r.name: repo.count(db, r) for r in rules}, dry_run=True)
    if not repo.take_lock(db, wait=wait):
        return PurgeReport(skipped=True)
    report = PurgeReport({r.name: repo.apply(db, r) for r in rules})
    if report.total:
        # a run that found nothing writes nothing: on SQLite any commit that
        # writes ends the read snapshot of every transaction open meanwhile,
        # whose next write then fails at once ("database is locked")
        detail = ", ".join(f"{name}={n}" for name, n in report.counts.items() if n)
        audit.record(db, "purge", now, detail=detail)
    return report


def run(
    factory: sessionmaker[Session],
    settings: Settings,
    now: datetime,
    *,
    dry_run: bool = False,
    wait: bool = False,
) -> PurgeReport:
    """One purge in a transaction of its own (committed unless dry)."""
    if dry_run:
        with factory() as db:
            return purge(db, settings, now, dry_run=True)
    with write_transaction(factory) as db:
        return purge(db, settings, now, wait=wait)
