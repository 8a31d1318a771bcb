"""Online claims, the client's API: kinds, submit, list, show, add a document,
get a one-time upload link for the phone. Thin: parse, call one service
function, answer a typed model. The submit and the document upload are
idempotent per ``Idempotency-Key`` (a replayed submit files one claim and sends
one SMS); the upload link is not replayed (its record would hold the link).

The document upload is read while it streams (``central.storage.uploads``):
this route's body is exempt from the app's 64 KiB JSON body limit and held to
its own (one file of at most 10 MiB).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr
from starlette.concurrency import run_in_threadpool

from central.core.errors import (
    ClaimDecided,
    DocumentTooLarge,
    IdempotencyKeyRequired,
    LinkSmsLimited,
    MalformedUpload,
    NotFound,
    TooManyDocuments,
    Unauthorized,
    UnsupportedDocumentType,
)
from central.routes.deps import AppSettings, Bearer, ClientIdem, CurrentClient, Db, Lang, Now, Uow
from central.routes.responses import CLIENT, IDEMPOTENT, JSON_BODY, refusals
from central.services import claim_documents, claim_link_sms, claims
from central.storage.documents import DocumentStore
from central.storage.uploads import receive_files

router = APIRouter(tags=["claims"])
# a claim's id is a UUID; anything else (NUL included) is a 422 before any query
ClaimId = Annotated[str, Path(max_length=36, pattern=r"^[0-9a-fA-F-]+$")]
# multipart framing around one file: boundaries, part headers, a long file name
UPLOAD_OVERHEAD_BYTES = 64 * 1024
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# uploads: exempt from the app's JSON body limit, held to their own while streaming
STREAMED_PATHS = re.compile(r"^(/api/v1/account/claims/[^/]+/documents|/claims/upload)$")


class ClaimKind(BaseModel):
    code: str
    title: str


class ClaimKindsOut(BaseModel):
    kinds: list[ClaimKind]


def _iso_day(value: object) -> object:
    """Only ``YYYY-MM-DD``: not a number of seconds, not a time."""
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        raise ValueError("a date as YYYY-MM-DD")
    return value


class ClaimIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    contract_number: StrictStr = Field(min_length=1, max_length=64)
    kind: StrictStr = Field(max_length=32)
    event_date: Annotated[date, BeforeValidator(_iso_day)] = Field(description="YYYY-MM-DD")
    place: StrictStr | None = Field(default=None, max_length=claims.PLACE_MAX_CHARS)
    description: StrictStr = Field(max_length=claims.DESCRIPTION_MAX_CHARS)
    contact_phone: StrictStr | None = Field(default=None, max_length=40)


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    content_type: str
    size: int
    added_at: datetime


class HistoryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: str
    at: datetime
    note: str | None
    amount: str | None = Field(description="approved and paid: the amount in KZT")


class ClaimOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    contract_number: str
    kind: str
    event_date: date
    place: str | None
    description: str
    status: str
    created_at: datetime
    documents: list[DocumentOut]
    history: list[HistoryOut]


class ClaimsOut(BaseModel):
    claims: list[ClaimOut]


class UploadLinkOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    url: str
    expires_at: datetime


class UploadLinkSmsOut(BaseModel):
    url: str
    expires_at: datetime
    phone_masked: str = Field(description="where the SMS goes: the account's phone, masked")


class DocumentFingerprint(BaseModel):
    """What a replayed upload must repeat to get the first answer (its content)."""

    sha256: str
    name: str


def _json(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


@router.get("/api/v1/claim-kinds", response_model=ClaimKindsOut)
def claim_kinds(lang: Lang) -> ClaimKindsOut:
    """Public: the kinds of claim with their titles in the request's language."""
    return ClaimKindsOut(kinds=[ClaimKind(code=c, title=t) for c, t in claims.kinds(lang)])


@router.post(
    "/api/v1/account/claims",
    status_code=201,
    response_model=ClaimOut,
    responses=refusals(*CLIENT, *IDEMPOTENT, *JSON_BODY),
)
def submit_claim(
    body: ClaimIn,
    db: Db,
    session: CurrentClient,
    idem: ClientIdem,
    lang: Lang,
    settings: AppSettings,
    now: Now,
) -> Any:
    draft = claims.ClaimDraft(**body.model_dump())

    def work() -> tuple[int, dict[str, Any]]:
        view = claims.submit(
            db,
            account_id=session.account_id,
            draft=draft,
            locale=lang,
            now=now,
            settings=settings,
            terminal_id=session.terminal_id,
        )
        return 201, _json(ClaimOut.model_validate(view))

    return idem.run(body, work)


@router.get("/api/v1/account/claims", response_model=ClaimsOut, responses=refusals(*CLIENT))
def list_claims(db: Db, session: CurrentClient, now: Now) -> ClaimsOut:
    found = claims.client_claims(db, session.account_id, now, session.terminal_id)
    return ClaimsOut(claims=[ClaimOut.model_validate(view) for view in found])


@router.get(
    "/api/v1/account/claims/{claim_id}",
    response_model=ClaimOut,
    responses=refusals(*CLIENT, NotFound),
)
def show_claim(claim_id: ClaimId, db: Db, session: CurrentClient, now: Now) -> ClaimOut:
    view = claims.client_claim(db, session.account_id, claim_id, now, session.terminal_id)
    return ClaimOut.model_validate(view)


@router.post(
    "/api/v1/account/claims/{claim_id}/upload-link",
    status_code=201,
    response_model=UploadLinkOut,
    responses=refusals(*CLIENT, NotFound, ClaimDecided, TooManyDocuments),
)
def upload_link(
    claim_id: ClaimId, db: Db, session: CurrentClient, settings: AppSettings, now: Now
) -> UploadLinkOut:
    """A one-time link (``claim_upload_link_ttl_s``) to the phone page of this claim.

    Not replayed by ``Idempotency-Key``: the record would hold a usable link. A
    repeat answers a new link, which ends the earlier one (nothing twice)."""
    view = claim_documents.issue_upload_link(
        db,
        account_id=session.account_id,
        claim_id=claim_id,
        now=now,
        settings=settings,
        terminal_id=session.terminal_id,
    )
    return UploadLinkOut.model_validate(view)


@router.post(
    "/api/v1/account/claims/{claim_id}/upload-link/sms",
    status_code=201,
    response_model=UploadLinkSmsOut,
    responses=refusals(
        *CLIENT, *IDEMPOTENT, NotFound, ClaimDecided, TooManyDocuments, LinkSmsLimited
    ),
)
def upload_link_by_sms(
    claim_id: ClaimId,
    db: Db,
    session: CurrentClient,
    credentials: Bearer,
    idem: ClientIdem,
    settings: AppSettings,
    now: Now,
) -> Response:
    """A new one-time link (ending the claim's earlier one), sent by SMS to the
    account's phone; the answer holds it for the terminal's QR code. At most
    ``claim_link_sms_per_claim_per_hour`` per claim: ``429 link_sms_limited``.

    Replayed by ``Idempotency-Key`` (one SMS), yet no record holds the link: its
    token is derived from the session and the key (``claim_link_sms``), so the
    record keeps the answer without it and each answer derives it again."""
    if credentials is None:
        raise Unauthorized()
    if idem.key is None:
        raise IdempotencyKeyRequired()
    token = claim_link_sms.link_token(credentials.credentials, claim_id, idem.key)
    account_id, terminal_id = session.account_id, session.terminal_id

    def work() -> tuple[int, dict[str, Any]]:
        sent = claim_link_sms.send_upload_link(
            db,
            account_id=account_id,
            claim_id=claim_id,
            token=token,
            now=now,
            settings=settings,
            terminal_id=terminal_id,
        )
        return 201, {"expires_at": sent.expires_at.isoformat(), "phone_masked": sent.phone_masked}

    answer = idem.run(None, work)
    if answer.status_code != 201:
        return answer
    stored = json.loads(bytes(answer.body))
    url = claim_documents.link_url(settings, token)
    body = UploadLinkSmsOut(url=url, **stored)
    return JSONResponse(_json(body), status_code=201)


@router.post(
    "/api/v1/account/claims/{claim_id}/documents",
    status_code=201,
    response_model=DocumentOut,
    responses=refusals(
        *CLIENT,
        *IDEMPOTENT,
        NotFound,
        MalformedUpload,
        DocumentTooLarge,
        UnsupportedDocumentType,
        TooManyDocuments,
        ClaimDecided,
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {"file": {"type": "string", "format": "binary"}},
                    }
                }
            },
        }
    },
)
async def add_document(
    claim_id: ClaimId,
    request: Request,
    uow: Uow,
    session: CurrentClient,
    idem: ClientIdem,
    settings: AppSettings,
    now: Now,
) -> Response:
    """One JPEG, PNG or PDF (multipart field ``file``), judged by its content."""
    db = uow.session
    # read now: the room check ends the transaction, which expires loaded rows
    account_id, terminal_id = session.account_id, session.terminal_id
    declared = request.headers.get("content-length", "")
    if (
        declared.isdigit()
        and int(declared) > claim_documents.MAX_DOCUMENT_BYTES + UPLOAD_OVERHEAD_BYTES
    ):
        raise DocumentTooLarge()

    def check_room() -> None:
        claim_documents.room_for_client(db, account_id, claim_id)
        uow.end_reads()  # no connection held while the body streams in

    await run_in_threadpool(check_room)
    store = DocumentStore.from_settings(settings)
    [incoming] = await receive_files(
        request.headers.get("content-type", ""),
        request.stream(),
        store,
        max_files=1,
        max_bytes=claim_documents.MAX_DOCUMENT_BYTES,
    )

    def work() -> tuple[int, dict[str, Any]]:
        view = claim_documents.add_for_client(
            db,
            store,
            account_id=account_id,
            claim_id=claim_id,
            incoming=incoming,
            now=now,
            terminal_id=terminal_id,
        )
        return 201, _json(DocumentOut.model_validate(view))

    fingerprint = DocumentFingerprint(sha256=incoming.sha256, name=incoming.name)
    try:
        return await run_in_threadpool(idem.run, fingerprint, work)
    finally:
        store.discard(incoming.path)  # a replay did not use it; a success renamed it
