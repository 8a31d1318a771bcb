"""Unauthenticated endpoints: the password policy, the activation link's page,
the code page of a late registration, and health checks.

Pages are plain HTML in ru/kk/en (``?lang=`` wins over Accept-Language) and
every interpolated value is escaped.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from central.core.errors import CentralError, NotReady, PayloadTooLarge, ValidationFailed
from central.core.i18n import Locale, as_locale, message, page_text
from central.core.security import hash_token
from central.crud import accounts, audit, registrations, tokens
from central.models import ActivationToken, Registration
from central.routes.deps import AppSettings, Db, Lang, Now
from central.routes.registrations import confirm_registration
from central.routes.responses import html_refusals, refusals
from vic_rules.password import POLICY

log = logging.getLogger("central.public")
router = APIRouter(tags=["public"])

MAX_FORM_BYTES = 4096
LangParam = Annotated[str | None, Query(max_length=8)]


def _lang(query: str | None, header: Locale) -> Locale:
    return as_locale(query) if query in ("ru", "kk", "en") else header


def page(lang: Locale, body_html: str, status: int = 200) -> HTMLResponse:
    title = html.escape(page_text("title", lang))
    doc = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><main><h1>{title}</h1>{body_html}</main>"
        f"</body></html>"
    )
    return HTMLResponse(doc, status_code=status, headers={"Cache-Control": "no-store"})


def _p(text_: str) -> str:
    return f"<p>{html.escape(text_)}</p>"


@router.get("/api/v1/password-policy")
def password_policy() -> dict[str, Any]:
    return POLICY


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses=refusals(NotReady))
def readyz(request: Request) -> dict[str, str]:
    try:
        with request.app.state.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        log.warning("readiness check: the database does not answer")
        raise NotReady() from None
    return {"status": "ready"}


def _activation_form(token: str, lang: Locale) -> str:
    tok = html.escape(token, quote=True)
    return (
        f"{_p(page_text('activate_prompt', lang))}"
        f'<form method="post" action="/activate/{tok}?lang={lang}">'
        f'<button type="submit">{html.escape(page_text("activate_button", lang))}</button>'
        f"</form>"
    )


@router.get(
    "/activate/{token}",
    response_class=HTMLResponse,
    responses=html_refusals(
        {404: "the link is not valid", 410: "the link was used or has expired"}, ValidationFailed
    ),
)
def activation_page(token: str, db: Db, now: Now, header_lang: Lang, lang: LangParam = None) -> Any:
    """The activation link's page: one button that POSTs. It changes nothing,
    so a mail scanner opening the link spends nothing (contract v1.1)."""
    chosen = _lang(lang, header_lang)
    found = tokens.activation_for_update(db, hash_token(token[:200]))
    refused = _activation_refusal(db, found, now, chosen)
    if refused is not None:
        return refused
    return page(chosen, _activation_form(token[:200], chosen))


def _activation_refusal(
    db: Session, found: ActivationToken | None, now: datetime, lang: Locale
) -> HTMLResponse | None:
    """The page for a link that cannot activate: unknown, used (the account is
    active: say where to log in), expired; ``None`` for a live link."""
    if found is None or accounts.get(db, found.account_id) is None:
        return page(lang, _p(page_text("link_invalid", lang)), 404)
    if found.used_at is not None:
        account = accounts.get(db, found.account_id)
        key = (
            "already_active" if account is not None and account.status == "active" else "link_used"
        )
        return page(lang, _p(page_text(key, lang)), 410)
    if found.expires_at <= now:
        return page(lang, _p(page_text("link_expired", lang)), 410)
    return None


@router.post(
    "/activate/{token}",
    response_class=HTMLResponse,
    responses=html_refusals(
        {404: "the link is not valid", 410: "the link was used or has expired"}, ValidationFailed
    ),
)
def activate(token: str, db: Db, now: Now, header_lang: Lang, lang: LangParam = None) -> Any:
    """Activates the account of a valid, unused, unexpired link; once. Every
    other link of the account is spent with it; a second POST says the account
    is already active and where to log in."""
    chosen = _lang(lang, header_lang)
    found = tokens.activation_for_update(db, hash_token(token[:200]))
    refused = _activation_refusal(db, found, now, chosen)
    if refused is not None or found is None:
        return refused
    account = accounts.get(db, found.account_id)
    assert account is not None  # _activation_refusal checked it
    tokens.spend_activations(db, account.id, now)  # this link and every older one
    found.used_at = now
    if account.status != "active":
        account.status = "active"
        account.activated_at = now
    audit.record(db, "account_activated", now, account_id=account.id)
    db.flush()
    return page(chosen, _p(page_text("activated", chosen)))


def _late_registration(
    db: Session, registration_id: str, token: str, *, lock: bool = False
) -> Registration | None:
    """The registration of a valid page link; with ``lock`` its row is write-locked
    first (a no-op UPDATE: SQLite has no FOR UPDATE, and this page has no
    idempotency claim that would take the lock), so concurrent guesses are judged
    one after another and each spends an attempt."""
    rid = registration_id[:64]
    if lock:
        db.execute(
            update(Registration)
            .where(Registration.id == rid)
            .values(attempts_left=Registration.attempts_left)
            .execution_options(synchronize_session=False)
        )
        found = registrations.get_for_update(db, rid)
    else:
        found = registrations.get(db, rid)
    if found is None or not found.link_token_hash or not token:
        return None
    return found if found.link_token_hash == hash_token(token[:200]) else None


def _code_form(registration_id: str, token: str, lang: Locale, note: str = "") -> str:
    rid, tok = html.escape(registration_id, quote=True), html.escape(token, quote=True)
    return (
        f"{_p(page_text('enter_code', lang))}{_p(note) if note else ''}"
        f'<form method="post" action="/r/{rid}?lang={lang}">'
        f'<input type="hidden" name="t" value="{tok}">'
        f"<label>{html.escape(page_text('code_label', lang))} "
        f'<input name="code" inputmode="numeric" autocomplete="one-time-code" '
        f'maxlength="6" required></label> '
        f'<button type="submit">{html.escape(page_text("submit", lang))}</button></form>'
    )


@router.get(
    "/r/{registration_id}",
    response_class=HTMLResponse,
    responses=html_refusals({404: "the link is not valid"}, ValidationFailed),
)
def late_code_page(
    registration_id: str,
    db: Db,
    header_lang: Lang,
    t: Annotated[str | None, Query(max_length=200)] = None,
    lang: LangParam = None,
) -> Any:
    """The page an SMS of a late (outbox) registration links to: the client,
    already away from the branch, enters the code here."""
    chosen = _lang(lang, header_lang)
    reg = _late_registration(db, registration_id, t or "")
    if reg is None:
        return page(chosen, _p(page_text("link_invalid", chosen)), 404)
    return page(chosen, _code_form(registration_id, t or "", chosen))


async def form_fields(request: Request) -> dict[str, str]:
    """A small urlencoded form, read without python-multipart."""
    raw = (await request.body())[:MAX_FORM_BYTES]
    parsed = parse_qs(raw.decode("utf-8", "replace"), max_num_fields=10)
    return {name: values[0] for name, values in parsed.items() if values}


@router.post(
    "/r/{registration_id}",
    response_class=HTMLResponse,
    responses=html_refusals(
        {
            400: "wrong code: the form again, with the attempts left",
            404: "the link is not valid",
            409: "already confirmed, or an account has this phone or email",
            410: "the code has expired",
            429: "too many wrong attempts: the code is burnt",
        },
        ValidationFailed,
        PayloadTooLarge,
    ),
)
def late_code_submit(
    registration_id: str,
    form: Annotated[dict[str, str], Depends(form_fields)],
    db: Db,
    header_lang: Lang,
    settings: AppSettings,
    now: Now,
    lang: LangParam = None,
) -> Any:
    chosen = _lang(lang, header_lang)
    token = form.get("t", "")[:200]
    reg = _late_registration(db, registration_id, token, lock=True)
    if reg is None:
        return page(chosen, _p(page_text("link_invalid", chosen)), 404)
    try:
        confirm_registration(db, reg, form.get("code", "")[:32], settings, now)
    except CentralError as err:
        if not err.commits:
            db.rollback()
        note = message(err.code, chosen)
        if err.code == "invalid_code":
            return page(chosen, _code_form(registration_id, token, chosen, note), 400)
        return page(chosen, _p(note), err.status)
    return page(chosen, _p(page_text("confirmed", chosen)))
