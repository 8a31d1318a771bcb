"""Unauthenticated endpoints: the password policy, the activation link's page,
the code page of a late registration, and health checks.

Pages are drawn in the shell of ``central.web.page`` in ru/kk/en (``?lang=``
wins over Accept-Language) and every interpolated value is escaped.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from central.core.errors import (
    AlreadyConfirmed,
    CentralError,
    NotReady,
    PayloadTooLarge,
    ValidationFailed,
)
from central.core.i18n import Locale, message, page_text
from central.core.security import hash_token
from central.models import Registration
from central.repositories import registrations
from central.routes.deps import AppSettings, Db, Lang, Now, Uow
from central.routes.responses import html_refusals, refusals
from central.services import activation as activation_service
from central.services import registration as registration_service
from central.services.activation import Activation
from central.web.page import Tone, choose_lang, escape, paragraph, render
from vic_rules.password import POLICY

log = logging.getLogger("central.public")
router = APIRouter(tags=["public"])

MAX_FORM_BYTES = 4096
LangParam = Annotated[str | None, Query(max_length=8)]


def _activation_page(token: str, lang: Locale, state: Activation, status: int) -> HTMLResponse:
    """A page of the activation link: its heading, the sentence and the next step."""
    heading, tone = _ACTIVATION_LOOK[state]
    body = paragraph(page_text(state.value, lang))
    if state in (Activation.INVALID, Activation.USED):
        body += paragraph(page_text("link_next", lang))
    here = f"/activate/{quote(token[: activation_service.MAX_TOKEN_CHARS], safe='')}"
    return render(lang, page_text(heading, lang), body, here=here, tone=tone, status=status)


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


def _activation_form(token: str, lang: Locale) -> HTMLResponse:
    action = escape(f"/activate/{quote(token, safe='')}?lang={lang}")
    body = (
        f"{paragraph(page_text('activate_prompt', lang))}"
        f'<form method="post" action="{action}">'
        f'<button type="submit">{escape(page_text("activate_button", lang))}</button>'
        f"</form>"
    )
    here = f"/activate/{quote(token, safe='')}"
    return render(lang, page_text("h_activate", lang), body, here=here)


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
    chosen = choose_lang(lang, header_lang)
    state = activation_service.check(db, token, now)
    if state is not Activation.READY:
        return _activation_page(token, chosen, state, _ACTIVATION_STATUS[state])
    return _activation_form(token[: activation_service.MAX_TOKEN_CHARS], chosen)


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
    chosen = choose_lang(lang, header_lang)
    outcome = activation_service.activate(db, token, now)
    return _activation_page(token, chosen, outcome, _ACTIVATION_STATUS[outcome])


_ACTIVATION_STATUS = {
    Activation.ACTIVATED: 200,
    Activation.INVALID: 404,
    Activation.USED: 410,
    Activation.ALREADY_ACTIVE: 410,
    Activation.EXPIRED: 410,
}
_ACTIVATION_LOOK: dict[Activation, tuple[str, Tone]] = {
    Activation.ACTIVATED: ("h_activated", "done"),
    Activation.INVALID: ("h_link_problem", "problem"),
    Activation.USED: ("h_link_problem", "problem"),
    Activation.ALREADY_ACTIVE: ("h_already_active", "done"),
    Activation.EXPIRED: ("h_link_problem", "problem"),
}


def _late_registration(db: Session, registration_id: str, token: str) -> Registration | None:
    """The registration of a valid page link. Concurrent guesses need no lock
    here: ``registration_service.confirm`` takes each one's attempt atomically."""
    found = registrations.get(db, registration_id[:64])
    if found is None or not found.link_token_hash or not token:
        return None
    return found if found.link_token_hash == hash_token(token[:200]) else None


def _code_page(
    registration_id: str, token: str, lang: Locale, note: str = "", status: int = 200
) -> HTMLResponse:
    rid, tok = escape(quote(registration_id[:64], safe="")), escape(token)
    body = (
        f"{paragraph(page_text('enter_code', lang))}{paragraph(note, 'note') if note else ''}"
        f'<form method="post" action="/r/{rid}?lang={lang}">'
        f'<input type="hidden" name="t" value="{tok}">'
        f'<label for="code">{escape(page_text("code_label", lang))}</label>'
        f'<input id="code" class="code" name="code" inputmode="numeric" '
        f'autocomplete="one-time-code" maxlength="6" required>'
        f'<button type="submit">{escape(page_text("submit", lang))}</button></form>'
    )
    return render(
        lang, page_text("h_code", lang), body, **_code_place(registration_id, token), status=status
    )


def _code_place(registration_id: str, token: str) -> dict[str, Any]:
    """Where the language links of a code page lead: the page itself, with its token."""
    return {"here": f"/r/{quote(registration_id[:64], safe='')}", "keep": {"t": token[:200]}}


def _code_refusal(
    registration_id: str, token: str, lang: Locale, text_: str, status: int
) -> HTMLResponse:
    heading = {404: "h_link_problem", 429: "h_too_many"}.get(status, "h_refused")
    body = paragraph(text_) + (paragraph(page_text("link_next", lang)) if status == 404 else "")
    place = _code_place(registration_id, token)
    return render(lang, page_text(heading, lang), body, **place, tone="problem", status=status)


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
    chosen = choose_lang(lang, header_lang)
    reg = _late_registration(db, registration_id, t or "")
    if reg is None:
        return _code_refusal(
            registration_id, t or "", chosen, page_text("link_invalid", chosen), 404
        )
    if reg.status == "confirmed":  # a reload, or the second tab of a double tap
        return _confirmed_page(chosen)
    return _code_page(registration_id, t or "", chosen)


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
    uow: Uow,
    db: Db,
    header_lang: Lang,
    settings: AppSettings,
    now: Now,
    lang: LangParam = None,
) -> Any:
    chosen = choose_lang(lang, header_lang)
    token = form.get("t", "")[:200]
    reg = _late_registration(db, registration_id, token)
    if reg is None:
        return _code_refusal(registration_id, token, chosen, page_text("link_invalid", chosen), 404)
    try:
        registration_service.confirm(db, reg, form.get("code", "")[:32], settings, now)
    except CentralError as err:
        uow.refused(err)  # answered as a page: a spent attempt still commits
        if isinstance(err, AlreadyConfirmed):  # a second tap, or confirmed at the branch
            return _confirmed_page(chosen)
        note = message(err.code, chosen)
        if err.code == "invalid_code":
            return _code_page(registration_id, token, chosen, note, 400)
        return _code_refusal(registration_id, token, chosen, note, err.status)
    return _confirmed_page(chosen)


def _confirmed_page(lang: Locale) -> HTMLResponse:
    """The code was right: the email is on its way (also what a second tap, a
    reload or a code confirmed at the branch sees through the same link)."""
    body = paragraph(page_text("confirmed", lang))
    return render(lang, page_text("h_confirmed", lang), body, here=None, tone="done")
