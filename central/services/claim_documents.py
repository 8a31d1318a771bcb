"""A claim's documents: added by the client through the API or through a
one-time upload link on a phone, exported by the insurer.

Files arrive already checked by content while streaming and photos already
re-encoded without metadata (``central.storage.uploads``), so no lock is held
while Pillow works; here the claim's row is locked, its state and document
count are checked, the rows are written and the files renamed to their ids
before the commit. Any refusal removes the incoming files. Reads and changes
are audited.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from central.core.config import Settings
from central.core.errors import (
    ClaimDecided,
    NotFound,
    TooManyDocuments,
    UploadLinkExpired,
    UploadLinkInvalid,
    UploadLinkUsed,
)
from central.core.security import hash_token, new_token
from central.models import Claim, ClaimDocument, ClaimUploadLink, new_id
from central.repositories import audit, rates
from central.repositories import claims as repo
from central.services.claims import DECIDED, DocumentView, by_number, document_view
from central.storage.documents import (
    EXTENSIONS,
    DocumentStore,
    Incoming,
    display_name,
)

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_DOCUMENTS_PER_CLAIM = 20
UPLOAD_PAGE_PATH = "/claims/upload"
UPLOAD_PAGE_SCOPE = "claim_upload_ip"
TOKEN_MAX_CHARS = 200


@dataclass(frozen=True)
class UploadLinkView:
    url: str
    expires_at: datetime


@dataclass(frozen=True)
class UploadPage:
    """What the phone page of a live link shows."""

    number: str
    remaining: int


def room(db: Session, claim: Claim) -> int:
    """How many more documents the claim takes; ``ClaimDecided`` / ``TooManyDocuments``."""
    if claim.status in DECIDED:
        raise ClaimDecided()
    remaining = MAX_DOCUMENTS_PER_CLAIM - repo.count_documents(db, claim.id)
    if remaining <= 0:
        raise TooManyDocuments()
    return remaining


def room_for_client(db: Session, account_id: str, claim_id: str) -> int:
    """Checked before an upload's body is read: the claim is the account's, not
    decided, not full (the add checks again, under the claim's lock). Only
    reads: the route then ends the transaction through its unit of work
    (``end_reads``), so no connection is held while the body streams."""
    claim = repo.of_account_by_id(db, account_id, claim_id)
    if claim is None:
        raise NotFound()
    return room(db, claim)


def _store(
    db: Session, store: DocumentStore, claim: Claim, files: list[Incoming], via: str, now: datetime
) -> list[ClaimDocument]:
    """Rows for ``files``, each file renamed to its row's id (the caller commits).
    The claim is locked: positions follow the documents it has."""
    rows: list[ClaimDocument] = []
    first = repo.count_documents(db, claim.id) + 1
    for position, item in enumerate(files, start=first):
        doc = ClaimDocument(
            id=new_id(),
            claim_id=claim.id,
            position=position,
            name=display_name(item.name, item.content_type),
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
            added_at=now,
            via=via,
        )
        repo.add(db, doc)
        rows.append(doc)
    for doc, item in zip(rows, files, strict=True):
        store.keep(item.path, doc.id)
    return rows


def add_for_client(
    db: Session,
    store: DocumentStore,
    *,
    account_id: str,
    claim_id: str,
    incoming: Incoming,
    now: datetime,
    terminal_id: str | None,
) -> DocumentView:
    """Attach one received (and sanitized) file to the account's claim."""
    ready = incoming
    try:
        found = repo.of_account_by_id(db, account_id, claim_id)
        claim = repo.lock(db, found.id, now) if found is not None else None
        if claim is None:
            raise NotFound()
        room(db, claim)
        [doc] = _store(db, store, claim, [ready], "api", now)
    except BaseException:
        store.discard(ready.path)
        raise
    audit.record(
        db,
        "claim_document_added",
        now,
        account_id=account_id,
        terminal_id=terminal_id,
        detail=f"{claim.number}: {doc.id} {doc.content_type} {doc.size} bytes",
    )
    return document_view(doc)


def issue_upload_link(
    db: Session,
    *,
    account_id: str,
    claim_id: str,
    now: datetime,
    settings: Settings,
    terminal_id: str | None,
) -> UploadLinkView:
    """A one-time link to the phone page for the account's claim; earlier live
    links of the claim stop working. Only the token's hash is stored."""
    claim = repo.of_account_by_id(db, account_id, claim_id)
    if claim is None:
        raise NotFound()
    room(db, claim)
    view = replace_link(db, claim, new_token(), now, settings)
    audit.record(
        db,
        "claim_upload_link_issued",
        now,
        account_id=account_id,
        terminal_id=terminal_id,
        detail=claim.number,
    )
    return view


def replace_link(
    db: Session, claim: Claim, token: str, now: datetime, settings: Settings
) -> UploadLinkView:
    """Make ``token`` the claim's one live link (its hash only is stored; the
    claim's earlier links stop working) and answer its URL."""
    expires_at = now + timedelta(seconds=settings.claim_upload_link_ttl_s)
    repo.spend_links_of(db, claim.id, now)
    repo.add(
        db,
        ClaimUploadLink(
            token_hash=hash_token(token), claim_id=claim.id, created_at=now, expires_at=expires_at
        ),
    )
    return UploadLinkView(url=link_url(settings, token), expires_at=expires_at)


def link_url(settings: Settings, token: str) -> str:
    """The phone page's address for ``token``."""
    return f"{settings.public_base_url.rstrip('/')}{UPLOAD_PAGE_PATH}?t={token}"


def _live_link(db: Session, token: str, now: datetime) -> tuple[ClaimUploadLink, Claim]:
    link = repo.upload_link(db, hash_token(token[:TOKEN_MAX_CHARS])) if token else None
    claim = repo.by_id(db, link.claim_id) if link is not None else None
    if link is None or claim is None:
        raise UploadLinkInvalid()
    if link.used_at is not None and repo.spent_by_upload(link):
        raise UploadLinkUsed(link.used_at)
    if link.used_at is not None or link.expires_at <= now:
        raise UploadLinkExpired()
    return link, claim


def count_page_request(
    db: Session, client_ip: str | None, now: datetime, settings: Settings
) -> None:
    """Count a request to the upload page for its address; ``RateLimited`` past
    ``claim_upload_pages_per_ip_per_hour``. One request of an address at a
    time (``rates.serialise``), so concurrent requests each see the others."""
    key = client_ip or "unknown"
    rates.serialise(db, (UPLOAD_PAGE_SCOPE, key))
    rates.record(db, UPLOAD_PAGE_SCOPE, key, now)
    rates.enforce(db, UPLOAD_PAGE_SCOPE, key, settings.claim_upload_pages_per_ip_per_hour + 1, now)


def open_upload_page(db: Session, *, token: str, now: datetime) -> UploadPage:
    """The page of a live link (showing it spends nothing; it is audited: the
    page shows the claim's number)."""
    _, claim = _live_link(db, token, now)
    page = UploadPage(number=claim.number, remaining=room(db, claim))
    audit.record(
        db, "claim_upload_page_opened", now, account_id=claim.account_id, detail=claim.number
    )
    return page


def add_through_link(
    db: Session, store: DocumentStore, *, token: str, files: list[Incoming], now: datetime
) -> int:
    """Attach ``files`` (received and sanitized) to the link's claim and spend
    the link; all or none."""
    ready = files
    try:
        link, found = _live_link(db, token, now)
        claim = repo.lock(db, found.id, now)
        assert claim is not None
        if len(ready) > room(db, claim):
            raise TooManyDocuments()
        if not repo.spend_link(db, link.token_hash, now):
            raise UploadLinkUsed(now)  # spent by a concurrent upload (a second tap)
        rows = _store(db, store, claim, ready, "link", now)
    except BaseException:
        for item in ready:
            store.discard(item.path)
        raise
    audit.record(
        db,
        "claim_document_added",
        now,
        account_id=claim.account_id,
        detail=f"{claim.number}: {len(rows)} through an upload link",
    )
    return len(rows)


def export(
    db: Session, store: DocumentStore, *, number: str, out_dir: Path, operator: str, now: datetime
) -> list[Path]:
    """Copy the claim's files to ``out_dir`` as ``<number>_<nn>_<id><ext>`` (never
    the uploaded names); returns the paths written. Audited."""
    claim = by_number(db, number)
    docs = repo.documents_of(db, [claim.id]).get(claim.id, [])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for doc in docs:
        target = (
            out_dir / f"{claim.number}_{doc.position:02d}_{doc.id}{EXTENSIONS[doc.content_type]}"
        )
        shutil.copyfile(store.path_of(doc.id), target)
        written.append(target)
    audit.record(
        db,
        "claim_documents_exported",
        now,
        account_id=claim.account_id,
        operator=operator,
        detail=f"{claim.number}: {len(written)} files",
    )
    return written
