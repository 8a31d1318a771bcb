"""Every query of online claims: claims, their history, documents, numbers and
upload links. Functions only flush; the request (or the CLI's transaction)
commits.

Concurrency: ``next_number`` is one upsert on the year's counter row, so two
claims never get one number and a rolled-back claim gives its number back;
``lock`` writes the claim's row first, so checks made after it (document count,
status) are judged one request at a time on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central.models import (
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimNumberCounter,
    ClaimUploadLink,
    Contract,
)


def contract_of(db: Session, account_id: str, number: str) -> Contract | None:
    """The account's own contract with this number; another's is ``None`` too."""
    query = select(Contract).where(Contract.account_id == account_id, Contract.number == number)
    return db.scalars(query).first()


def contract_numbers(db: Session, contract_ids: Iterable[str]) -> dict[str, str]:
    ids = set(contract_ids)
    if not ids:
        return {}
    rows = db.execute(select(Contract.id, Contract.number).where(Contract.id.in_(ids)))
    return {row.id: row.number for row in rows}


def next_number(db: Session, year: int) -> int:
    """The next number of ``year``'s sequence, taken in the caller's transaction."""
    dialect = db.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    table = ClaimNumberCounter.__table__
    statement = (
        module.insert(table)
        .values(year=year, last=1)
        .on_conflict_do_update(index_elements=["year"], set_={"last": table.c.last + 1})
        .returning(table.c.last)
    )
    return int(db.execute(statement).scalar_one())


def add(db: Session, row: Claim | ClaimDocument | ClaimEvent | ClaimUploadLink) -> None:
    db.add(row)
    db.flush()


def of_account(db: Session, account_id: str) -> Sequence[Claim]:
    query = select(Claim).where(Claim.account_id == account_id)
    return db.scalars(query.order_by(Claim.created_at.desc(), Claim.number.desc())).all()


def of_account_by_id(db: Session, account_id: str, claim_id: str) -> Claim | None:
    query = select(Claim).where(Claim.id == claim_id[:64], Claim.account_id == account_id)
    return db.scalars(query).first()


def by_number(db: Session, number: str) -> Claim | None:
    return db.scalars(select(Claim).where(Claim.number == number[:32])).first()


def by_id(db: Session, claim_id: str) -> Claim | None:
    return db.get(Claim, claim_id)


def listed(db: Session, status: str | None = None) -> Sequence[Claim]:
    """Every claim (of ``status``), oldest first: the insurer's work queue."""
    query = select(Claim)
    if status is not None:
        query = query.where(Claim.status == status)
    return db.scalars(query.order_by(Claim.created_at, Claim.number)).all()


def lock(db: Session, claim_id: str, now: datetime) -> Claim | None:
    """The claim, its row written first (``updated_at``): a row lock on
    PostgreSQL, the database's write lock on SQLite, held to the commit."""
    db.execute(
        update(Claim)
        .where(Claim.id == claim_id)
        .values(updated_at=now)
        .execution_options(synchronize_session=False)
    )
    found = db.get(Claim, claim_id, populate_existing=True)
    return found


def documents_of(db: Session, claim_ids: Iterable[str]) -> dict[str, list[ClaimDocument]]:
    ids = list(claim_ids)
    found: dict[str, list[ClaimDocument]] = defaultdict(list)
    if ids:
        query = select(ClaimDocument).where(ClaimDocument.claim_id.in_(ids))
        for doc in db.scalars(query.order_by(ClaimDocument.position)):
            found[doc.claim_id].append(doc)
    return found


def events_of(db: Session, claim_ids: Iterable[str]) -> dict[str, list[ClaimEvent]]:
    ids = list(claim_ids)
    found: dict[str, list[ClaimEvent]] = defaultdict(list)
    if ids:
        query = select(ClaimEvent).where(ClaimEvent.claim_id.in_(ids))
        for event in db.scalars(query.order_by(ClaimEvent.at, ClaimEvent.id)):
            found[event.claim_id].append(event)
    return found


def count_documents(db: Session, claim_id: str) -> int:
    query = (
        select(func.count()).select_from(ClaimDocument).where(ClaimDocument.claim_id == claim_id)
    )
    return int(db.execute(query).scalar_one())


def upload_link(db: Session, token_hash: str) -> ClaimUploadLink | None:
    return db.get(ClaimUploadLink, token_hash)


def spend_link(db: Session, token_hash: str, now: datetime) -> bool:
    """Spend a live link; ``False`` when it was spent (or expired) meanwhile."""
    result = db.execute(
        update(ClaimUploadLink)
        .where(
            ClaimUploadLink.token_hash == token_hash,
            ClaimUploadLink.used_at.is_(None),
            ClaimUploadLink.expires_at > now,
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def spent_by_upload(link: ClaimUploadLink) -> bool:
    """Whether ``link`` took files (rather than being superseded by a new one)."""
    return link.used_at is not None and link.used_at < link.expires_at


def spend_links_of(db: Session, claim_id: str, now: datetime) -> None:
    """Every live link of the claim stops working (a new one supersedes them):
    it expires now, so ``used_at < expires_at`` holds only for a link spent by
    an upload (``spent_by_upload``)."""
    db.execute(
        update(ClaimUploadLink)
        .where(ClaimUploadLink.claim_id == claim_id, ClaimUploadLink.used_at.is_(None))
        .values(used_at=now, expires_at=now)
        .execution_options(synchronize_session=False)
    )
