"""The phone page of a claim's one-time upload link: ``/claims/upload?t=TOKEN``.

Drawn in the shell of ``central.web.page`` (no script), in ru/kk/en
(``?lang=`` wins over Accept-Language); the form takes photos from the camera
(``capture="environment" multiple``) and posts them as multipart, read while
it streams. Showing the page spends nothing; a successful upload spends the
link; a second tap (or a reload of the answer) within ``RECENTLY_USED_S``
is told the files were received, not that the link is spent. Every request
counts towards ``claim_upload_pages_per_ip_per_hour``.
Every answer carries the security headers of the central's pages (no framing,
no sniffing, no referrer, no store) and the shell's style hash.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from central.core.errors import CentralError, UploadLinkUsed, ValidationFailed
from central.core.i18n import Locale, message, page_text
from central.routes.deps import AppSettings, ClientIp, Db, Lang, Now
from central.routes.responses import html_refusals
from central.services import claim_documents
from central.storage.documents import DocumentStore
from central.storage.uploads import receive_files
from central.web.page import choose_lang, escape, paragraph, render

router = APIRouter(tags=["claims"])
Token = Annotated[str, Query(max_length=claim_documents.TOKEN_MAX_CHARS)]
LangParam = Annotated[str | None, Query(max_length=8)]
# a link used this recently was used by this same phone a moment ago (a double
# tap, a reload): its page says the files arrived, not that the link is spent
RECENTLY_USED_S = 600
_REFUSALS = {
    404: "the link is not valid",
    409: "the claim is decided or has 20 files",
    410: "the link has expired or was used",
    413: "a file is over 10 MiB",
    415: "a file is not JPEG, PNG or PDF",
    429: "too many requests from this address",
}


def _place(token: str) -> dict[str, Any]:
    """The language links of an upload page reopen it, with its token."""
    return {"here": claim_documents.UPLOAD_PAGE_PATH, "keep": {"t": token}}


def _refused(err: CentralError, token: str, lang: Locale, now: datetime) -> HTMLResponse:
    if isinstance(err, UploadLinkUsed) and (now - err.used_at).total_seconds() < RECENTLY_USED_S:
        body = paragraph(page_text("upload_already_done", lang))
        return render(lang, page_text("h_uploaded", lang), body, here=None, tone="done")
    heading = {404: "h_link_problem", 410: "h_link_problem", 429: "h_too_many"}
    body = paragraph(message(err.code, lang))
    return render(
        lang,
        page_text(heading.get(err.status, "h_refused"), lang),
        body,
        **_place(token),
        tone="problem",
        status=err.status,
        headers=err.headers,
    )


def _form(token: str, number: str, lang: Locale) -> HTMLResponse:
    action = escape(f"{claim_documents.UPLOAD_PAGE_PATH}?{urlencode({'t': token, 'lang': lang})}")
    body = (
        f"{paragraph(page_text('upload_intro', lang).format(number=number))}"
        f'<form method="post" action="{action}" enctype="multipart/form-data">'
        f'<label for="file">{escape(page_text("upload_label", lang))}</label>'
        f'<input type="file" name="file" accept="image/*" capture="environment" multiple '
        'required id="file">'
        f'<button type="submit">{escape(page_text("upload_submit", lang))}</button>'
        f"</form>"
    )
    return render(lang, page_text("h_upload", lang), body, **_place(token))


@router.get(
    "/claims/upload",
    response_class=HTMLResponse,
    responses=html_refusals(_REFUSALS, ValidationFailed),
)
def upload_page(
    t: Token,
    db: Db,
    now: Now,
    header_lang: Lang,
    settings: AppSettings,
    ip: ClientIp,
    lang: LangParam = None,
) -> HTMLResponse:
    chosen = choose_lang(lang, header_lang)
    try:
        claim_documents.count_page_request(db, ip, now, settings)
        shown = claim_documents.open_upload_page(db, token=t, now=now)
    except CentralError as err:
        return _refused(err, t, chosen, now)
    return _form(t, shown.number, chosen)


@router.post(
    "/claims/upload",
    response_class=HTMLResponse,
    responses=html_refusals(_REFUSALS, ValidationFailed),
)
async def upload_files(
    t: Token,
    request: Request,
    db: Db,
    now: Now,
    header_lang: Lang,
    settings: AppSettings,
    ip: ClientIp,
    lang: LangParam = None,
) -> HTMLResponse:
    """Adds every chosen file to the link's claim, or none of them."""
    chosen = choose_lang(lang, header_lang)
    try:
        await run_in_threadpool(claim_documents.count_page_request, db, ip, now, settings)
        shown = await run_in_threadpool(claim_documents.open_upload_page, db, token=t, now=now)
    except CentralError as err:
        return _refused(err, t, chosen, now)
    # the request is counted whatever follows, and no connection waits on the upload
    await run_in_threadpool(db.commit)
    store = DocumentStore.from_settings(settings)
    try:
        files = await receive_files(
            request.headers.get("content-type", ""),
            request.stream(),
            store,
            max_files=shown.remaining,
            max_bytes=claim_documents.MAX_DOCUMENT_BYTES,
        )
        added = await run_in_threadpool(
            lambda: claim_documents.add_through_link(db, store, token=t, files=files, now=now)
        )
    except CentralError as err:
        await run_in_threadpool(db.rollback)
        return _refused(err, t, chosen, now)
    body = paragraph(page_text("upload_done", chosen).format(count=added))
    heading = page_text("h_uploaded", chosen)
    # the link is spent: reopened in another language it would say it was used
    return render(chosen, heading, body, here=None, tone="done")
