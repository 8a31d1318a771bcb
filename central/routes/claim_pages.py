"""The phone page of a claim's one-time upload link: ``/claims/upload?t=TOKEN``.

Plain HTML, no script, in ru/kk/en (``?lang=`` wins over Accept-Language); the
form takes photos from the camera (``capture="environment" multiple``) and posts
them as multipart, read while it streams. Showing the page spends nothing; a
successful upload spends the link. Every request counts towards
``claim_upload_pages_per_ip_per_hour``. Every answer carries the security
headers of the central's pages (no framing, no sniffing, no referrer, no store).
"""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from central.core.errors import CentralError, ValidationFailed
from central.core.i18n import Locale, as_locale, message, page_text
from central.routes.deps import AppSettings, ClientIp, Db, Lang, Now
from central.routes.responses import html_refusals
from central.services import claim_documents
from central.storage.documents import DocumentStore
from central.storage.uploads import receive_files

router = APIRouter(tags=["claims"])
Token = Annotated[str, Query(max_length=claim_documents.TOKEN_MAX_CHARS)]
LangParam = Annotated[str | None, Query(max_length=8)]
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
_REFUSALS = {
    404: "the link is not valid",
    409: "the claim is decided or has 20 files",
    410: "the link has expired or was used",
    413: "a file is over 10 MiB",
    415: "a file is not JPEG, PNG or PDF",
    429: "too many requests from this address",
}


def _lang(query: str | None, header: Locale) -> Locale:
    return as_locale(query) if query in ("ru", "kk", "en") else header


def _page(
    lang: Locale, body: str, status: int = 200, headers: dict[str, str] | None = None
) -> HTMLResponse:
    title = html.escape(page_text("title", lang))
    doc = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )
    return HTMLResponse(doc, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _refused(err: CentralError, lang: Locale) -> HTMLResponse:
    return _page(lang, _p(message(err.code, lang)), err.status, err.headers)


def _form(token: str, number: str, lang: Locale) -> str:
    action = html.escape(f"{claim_documents.UPLOAD_PAGE_PATH}?t={token}&lang={lang}", quote=True)
    return (
        f"{_p(page_text('upload_intro', lang).format(number=number))}"
        f'<form method="post" action="{action}" enctype="multipart/form-data">'
        f"<p><label>{html.escape(page_text('upload_label', lang))}<br>"
        f'<input type="file" name="file" accept="image/*" capture="environment" multiple '
        f"required></label></p>"
        f'<p><button type="submit">{html.escape(page_text("upload_submit", lang))}</button></p>'
        f"</form>"
    )


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
    chosen = _lang(lang, header_lang)
    try:
        claim_documents.count_page_request(db, ip, now, settings)
        shown = claim_documents.open_upload_page(db, token=t, now=now)
    except CentralError as err:
        return _refused(err, chosen)
    return _page(chosen, _form(t, shown.number, chosen))


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
    chosen = _lang(lang, header_lang)
    try:
        await run_in_threadpool(claim_documents.count_page_request, db, ip, now, settings)
        shown = await run_in_threadpool(claim_documents.open_upload_page, db, token=t, now=now)
    except CentralError as err:
        return _refused(err, chosen)
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
        return _refused(err, chosen)
    return _page(chosen, _p(page_text("upload_done", chosen).format(count=added)))
