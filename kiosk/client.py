"""The terminal's HTTP client for the central (contract v1.1).

One ``requests.Session`` per client; every call has a (connect, read) timeout and
every POST an ``Idempotency-Key``. Every answer of the contract becomes a typed
value or a ``kiosk.errors`` type: callers never see ``requests`` exceptions, raw
status codes or bodies. Log lines name the method, path, status and duration
only: never a body, a query string, a code, a password or a token.
"""

from __future__ import annotations

import logging
import platform
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from kiosk.answers import (
    NO_OFFSET,
    clock_offset,
    contract,
    error_for,
    json_body,
    parse_time,
    registration_started,
    reset_started,
)
from kiosk.api_types import (
    Claim,
    ClaimDocument,
    ClaimKind,
    ClaimRequest,
    ClientSession,
    Contract,
    CorrectionStarted,
    Enrollment,
    HeartbeatAnswer,
    HeartbeatReport,
    LinkSent,
    PasswordPolicy,
    RegistrationRequest,
    RegistrationStarted,
    ResetStarted,
    UploadLink,
)
from kiosk.claims_api import (
    MultipartFile,
    Progress,
    parse_claim,
    parse_claims,
    parse_document,
    parse_kinds,
    parse_link_sent,
    parse_upload_link,
)
from kiosk.errors import (
    CentralError,
    InvalidCredentials,
    Unauthorized,
    UnexpectedResponse,
    Unreachable,
)
from vic_rules.version import VERSION

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 15.0
POOL_MAXSIZE = 8  # keep-alive connections to the central kept for reuse
API = "/api/v1"


def user_agent() -> str:
    """``vic-kiosk/<version> (<os>)`` on every request: the central's operators see
    which version each terminal runs, and which OS (``Windows-10``, ``Linux-6.1``)."""
    system = f"{platform.system()}-{platform.release()}".strip("-") or "unknown"
    shown = "".join(ch for ch in system if ch.isalnum() or ch in ".-_")[:60]
    return f"vic-kiosk/{VERSION} ({shown})"


USER_AGENT = user_agent()


class CentralClient:
    """Calls to the central for one terminal.

    Thread-safe for the kiosk's use: a flow's calls and the outbox's sync worker
    alongside, which sends up to ``max_in_flight`` registrations at once over its
    own session's connection pool (``pool_maxsize`` keep-alive connections; more
    calls at once still work, over connections that are not kept).
    ``terminal_token`` and ``locale`` may be changed at any time (after
    enrollment, when the client picks a language). Every method raises only
    ``kiosk.errors`` types.
    """

    def __init__(
        self,
        base_url: str,
        *,
        terminal_token: str | None = None,
        locale: str = "ru",
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
        read_timeout_s: float = READ_TIMEOUT_S,
        session: requests.Session | None = None,
        pool_maxsize: int = POOL_MAXSIZE,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """``pool_maxsize`` (>= 1) sizes the connection pool of the session this
        client makes (a given ``session`` is used as it is) and is the
        ``max_in_flight`` the outbox's sync worker may use. ``clock`` is the
        terminal's (aware UTC): the times of a code or a link come back in it
        (``kiosk.answers.clock_offset``), whatever the central's clock says."""
        if pool_maxsize < 1:
            raise ValueError("pool_maxsize must be at least 1")
        self.base_url = base_url.rstrip("/")
        self.terminal_token = terminal_token
        self.locale = locale
        self.connect_timeout_s = connect_timeout_s
        self.read_timeout_s = read_timeout_s
        self.max_in_flight = pool_maxsize
        self.clock = clock
        self._central_offset: timedelta | None = None  # by the last answer's Date
        if session is None:
            session = _session_for(self.base_url, pool_maxsize)
        self._session = session

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- registration (terminal token) ---------------------------------------

    def register(self, req: RegistrationRequest, *, idempotency_key: str) -> RegistrationStarted:
        """Start a registration; a repeat with the same key and details sends nothing twice."""
        body: dict[str, Any] = {
            "email": req.email,
            "phone": req.phone,
            "consent": req.consent,
            "locale": req.locale,
        }
        if req.operator is not None:
            body["operator"] = req.operator
        if req.captured_at is not None:
            body["captured_at"] = self._on_central_clock(req.captured_at).isoformat()
        answer = self._call(
            "POST", f"{API}/registrations", json=body, idempotency_key=idempotency_key
        )
        return registration_started(json_body(answer), offset=self._offset(answer))

    def confirm(self, registration_id: str, code: str) -> None:
        """Confirm with the SMS code; on return the account exists (pending activation)."""
        self._call("POST", f"{API}/registrations/{registration_id}/confirm", json={"code": code})

    def resend(self, registration_id: str) -> RegistrationStarted:
        answer = self._call("POST", f"{API}/registrations/{registration_id}/resend", json={})
        return registration_started(
            json_body(answer), registration_id=registration_id, offset=self._offset(answer)
        )

    def registration_status(self, registration_id: str) -> str:
        """``code_sent``, ``confirmed`` or ``expired``."""
        body = json_body(self._call("GET", f"{API}/registrations/{registration_id}"))
        status = body.get("status")
        if not isinstance(status, str):
            raise UnexpectedResponse("registration status missing", status=200)
        return status

    # -- access ---------------------------------------------------------------

    def log_in(self, login: str, password: str) -> ClientSession:
        """Open a client session; 401 is ``InvalidCredentials`` here, not ``Unauthorized``."""
        answer = self._call(
            "POST",
            f"{API}/sessions",
            json={"login": login, "password": password},
            on_401=InvalidCredentials,
        )
        body = json_body(answer)
        token = body.get("token")
        if not isinstance(token, str) or not token:
            raise UnexpectedResponse("session token missing", status=answer.status_code)
        return ClientSession(
            token=token,
            password_change_required=bool(body.get("password_change_required", False)),
            expires_at=parse_time(body.get("expires_at")),
        )

    def request_password_reset(self, login: str) -> ResetStarted:
        """Ask for an SMS code to set a new password (v1.1). Always accepted when the
        central answers: the answer gives no hint whether the account exists."""
        answer = self._call("POST", f"{API}/password-resets", json={"login": login})
        return reset_started(
            json_body(answer), status=answer.status_code, offset=self._offset(answer)
        )

    def confirm_password_reset(self, reset_id: str, code: str, new_password: str) -> None:
        """Set the new password with the SMS code; on return every session of the
        account has ended. ``WeakPassword`` leaves the code unspent."""
        self._call(
            "POST",
            f"{API}/password-resets/{reset_id}/confirm",
            json={"code": code, "new_password": new_password},
        )

    def resend_password_reset(self, reset_id: str) -> ResetStarted:
        """A new reset code; ``RateLimited`` during the cool-down."""
        answer = self._call("POST", f"{API}/password-resets/{reset_id}/resend", json={})
        return reset_started(
            json_body(answer),
            status=answer.status_code,
            reset_id=reset_id,
            offset=self._offset(answer),
        )

    def end_session(self, client_token: str) -> None:
        """Log the client out at the central (v1.1): the token is dead on return.

        An older central without the call (404, 405) raises ``NotFound`` or
        ``UnexpectedResponse``; callers treat logging out as best effort.
        """
        self._call("DELETE", f"{API}/sessions/current", token=client_token)

    def change_password(self, client_token: str, current: str, new: str) -> None:
        self._call(
            "POST",
            f"{API}/account/password",
            json={"current_password": current, "new_password": new},
            token=client_token,
        )

    def contracts(self, client_token: str) -> list[Contract]:
        """The client's policies, active ones first (the central's order)."""
        body = json_body(self._call("GET", f"{API}/account/contracts", token=client_token))
        items = body.get("contracts")
        if not isinstance(items, list):
            raise UnexpectedResponse("contracts missing", status=200)
        return [contract(item) for item in items if isinstance(item, dict)]

    # -- account life cycle (issue 11) --------------------------------------------

    def close_account(
        self, client_token: str, password: str, *, idempotency_key: str | None = None
    ) -> None:
        """Close the client's «Личный кабинет» with its password: on return every
        session has ended and no login reaches the account (an SMS and an email
        confirm it). A wrong password is ``InvalidCredentials``; an ended session
        ``Unauthorized``."""
        self._call(
            "POST",
            f"{API}/account/closure",
            json={"password": password},
            token=client_token,
            idempotency_key=idempotency_key,
        )

    def start_email_correction(
        self,
        phone: str,
        email: str,
        *,
        operator: str | None,
        id_checked: bool,
        idempotency_key: str | None = None,
    ) -> CorrectionStarted:
        """Ask for an SMS code to move the account pending activation of ``phone``
        to ``email``; in clerk mode (``operator``) only with ``id_checked``.
        ``NotFound``: no such pending account; ``AccountExists``: another account
        holds the email."""
        body: dict[str, Any] = {"phone": phone, "email": email, "id_checked": id_checked}
        if operator is not None:
            body["operator"] = operator
        answer = self._call(
            "POST",
            f"{API}/pending-accounts/email-corrections",
            json=body,
            idempotency_key=idempotency_key,
        )
        found = json_body(answer)
        try:
            return CorrectionStarted(
                id=str(found["id"]),
                phone_masked=str(found.get("phone_masked", "")),
                code_expires_at=parse_time(found.get("code_expires_at"), self._offset(answer)),
                attempts_left=int(found["attempts_left"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UnexpectedResponse("incomplete email correction answer", status=201) from exc

    def confirm_email_correction(self, correction_id: str, code: str) -> str:
        """Move the account to the corrected email with the SMS code; the new
        address, masked. Refusals as for a registration's code."""
        path = f"{API}/pending-accounts/email-corrections/{quote(correction_id, safe='')}/confirm"
        masked = json_body(self._call("POST", path, json={"code": code})).get("email_masked")
        return masked if isinstance(masked, str) else ""

    # -- online claims (v1.1; client token) --------------------------------------

    def claim_kinds(self) -> list[ClaimKind]:
        """The kinds of insured event, titled in ``locale`` (public)."""
        return parse_kinds(json_body(self._call("GET", f"{API}/claim-kinds", token="")))

    def submit_claim(self, client_token: str, req: ClaimRequest, *, idempotency_key: str) -> Claim:
        """File a claim; a repeat with the same key and body files nothing twice."""
        body: dict[str, Any] = {
            "contract_number": req.contract_number,
            "kind": req.kind,
            "event_date": req.event_date.isoformat(),
            "description": req.description,
        }
        if req.place is not None:
            body["place"] = req.place
        if req.contact_phone is not None:
            body["contact_phone"] = req.contact_phone
        answer = self._call(
            "POST",
            f"{API}/account/claims",
            json=body,
            token=client_token,
            idempotency_key=idempotency_key,
        )
        return parse_claim(json_body(answer), status=answer.status_code)

    def claims(self, client_token: str) -> list[Claim]:
        """Every claim of the client, newest first (the central's order)."""
        return parse_claims(
            json_body(self._call("GET", f"{API}/account/claims", token=client_token))
        )

    def claim(self, client_token: str, claim_id: str) -> Claim:
        """One claim; another client's (or none) is ``NotFound``."""
        path = f"{API}/account/claims/{quote(claim_id, safe='')}"
        return parse_claim(json_body(self._call("GET", path, token=client_token)))

    def claim_upload_link(self, client_token: str, claim_id: str) -> UploadLink:
        """A new one-time link for the phone (it ends the claim's older ones)."""
        path = f"{API}/account/claims/{quote(claim_id, safe='')}/upload-link"
        answer = self._call("POST", path, json={}, token=client_token)
        return parse_upload_link(json_body(answer), self._offset(answer))

    def send_claim_upload_link(
        self, client_token: str, claim_id: str, *, idempotency_key: str
    ) -> LinkSent:
        """A new one-time link sent by SMS to the account's phone (it ends the
        claim's older links); a repeat with the same key sends nothing twice and
        answers the same link. ``LinkSmsLimited`` past the claim's hourly cap."""
        path = f"{API}/account/claims/{quote(claim_id, safe='')}/upload-link/sms"
        answer = self._call("POST", path, token=client_token, idempotency_key=idempotency_key)
        return parse_link_sent(json_body(answer), self._offset(answer))

    def add_claim_document(
        self,
        client_token: str,
        claim_id: str,
        path: Path,
        *,
        idempotency_key: str | None = None,
        progress: Progress | None = None,
    ) -> ClaimDocument:
        """Upload the file at ``path`` (streamed from disk; ``progress(sent, total)``
        is called from this thread). Refusals: ``TooLarge``, ``UnsupportedType``,
        ``TooManyDocuments``, ``ClaimDecided``; an unreadable file is ``OSError``."""
        body = MultipartFile(path, progress=progress)
        try:
            answer = self._call(
                "POST",
                f"{API}/account/claims/{quote(claim_id, safe='')}/documents",
                data=body,
                content_type=body.content_type,
                token=client_token,
                idempotency_key=idempotency_key,
            )
        finally:
            body.close()
        return parse_document(json_body(answer), status=answer.status_code)

    # -- public and set-up ----------------------------------------------------

    def password_policy(self) -> PasswordPolicy:
        body = json_body(self._call("GET", f"{API}/password-policy"))
        try:
            return PasswordPolicy(
                min_length=int(body["min_length"]),
                required=tuple(str(r) for r in body["required"]),
                specials=str(body["specials"]),
                letters=str(body["letters"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise UnexpectedResponse("unreadable password policy", status=200) from exc

    def enroll(self, code: str, name: str) -> Enrollment:
        """Trade an operator's one-time code for this terminal's token (a used code → 401)."""
        answer = self._call(
            "POST", f"{API}/terminals/enroll", json={"code": code, "name": name}, token=""
        )
        body = json_body(answer)
        try:
            return Enrollment(
                terminal_id=str(body["terminal_id"]),
                token=str(body["token"]),
                branch=str(body["branch"]),
            )
        except KeyError as exc:
            raise UnexpectedResponse("incomplete enrollment answer", status=201) from exc

    def is_reachable(self) -> bool:
        """True when the central and its database answer (``/readyz``)."""
        try:
            self._call("GET", "/readyz")
        except CentralError:
            return False
        return True

    def dev_messages(self, to: str | None = None) -> list[dict[str, Any]]:
        """The ``dev`` delivery backend's mailbox (demo and tests only), oldest first."""
        params = {"to": to} if to else None
        body = json_body(self._call("GET", "/dev/messages", params=params))
        messages = body.get("messages")
        if not isinstance(messages, list):
            raise UnexpectedResponse("messages missing", status=200)
        return [m for m in messages if isinstance(m, dict)]

    def dev_page(self, url: str, *, press: bool = False) -> tuple[int, str]:
        """GET a page of this central by its full URL, as a phone opens a link from
        the ``dev`` mailbox (demo only): the HTTP status and the page's text. With
        ``press``, POST it instead: the page's one button pressed (an activation
        link's page only shows a button; its POST activates, contract v1.1).

        Any status is an answer here (a used link's 410 is what the demo shows).
        The text is the page's ``<main>`` (``page_content``): what the page says,
        not the frame every page of the central shares.
        A URL outside ``base_url`` is refused with ``UnexpectedResponse`` so that
        a message cannot send the terminal elsewhere; the URL is never logged (an
        activation link is a secret).
        """
        if not url.startswith(self.base_url + "/"):
            raise UnexpectedResponse("the link is not on this central")
        try:
            response = self._session.request(
                "POST" if press else "GET",
                url,
                headers={"Accept-Language": self.locale, "User-Agent": USER_AGENT},
                timeout=(self.connect_timeout_s, self.read_timeout_s),
                allow_redirects=False,
            )
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as exc:
            raise Unreachable() from exc
        except requests.RequestException as exc:
            raise UnexpectedResponse(f"request failed: {type(exc).__name__}") from exc
        return response.status_code, page_content(response.text)

    # -- fleet: heartbeat and token rotation (kiosk.heartbeat) ----------------

    def heartbeat(self, report: HeartbeatReport) -> HeartbeatAnswer:
        """Tell the central this terminal runs, its version, outbox backlog and
        what its clock reads (the fleet listing flags a clock that is off)."""
        body = {
            "app_version": report.app_version,
            "outbox_pending": report.outbox_pending,
            "outbox_needs_attention": report.outbox_needs_attention,
            "oldest_pending_age_s": report.oldest_pending_age_s,
            "terminal_time": self.clock().isoformat(),
        }
        found = json_body(self._call("POST", f"{API}/terminals/heartbeat", json=body))
        age, due = found.get("token_age_s"), found.get("rotate_due")
        if not isinstance(age, int) or not isinstance(due, bool):
            raise UnexpectedResponse("unreadable heartbeat answer", status=200)
        return HeartbeatAnswer(token_age_s=age, rotate_due=due)

    def rotate_token(self) -> str:
        """A new terminal token from the central (the current one keeps working
        until the new one is used, and 10 minutes after). Does not switch to it:
        the caller stores it first (``kiosk.heartbeat.rotate``)."""
        token = json_body(self._call("POST", f"{API}/terminals/token")).get("token")
        if not isinstance(token, str) or not token:
            raise UnexpectedResponse("no token in the rotation answer", status=200)
        return token

    def who_am_i(self) -> tuple[str, str, str]:
        """This terminal as the central knows it: (id, name, branch); 401 →
        ``Unauthorized`` (revoked, or the token is not the central's)."""
        body = json_body(self._call("GET", f"{API}/terminals/me"))
        try:
            return str(body["terminal_id"]), str(body["name"]), str(body["branch"])
        except KeyError as exc:
            raise UnexpectedResponse("incomplete terminal answer", status=200) from exc

    def token_works(self, token: str) -> bool:
        """Whether the central takes ``token`` (``GET /terminals/me``); False on a
        401, other failures (unreachable, 5xx) raise as usual: unknown is not no."""
        try:
            self._call("GET", f"{API}/terminals/me", token=token)
        except Unauthorized:
            return False
        return True

    # -- plumbing -------------------------------------------------------------

    @property
    def central_clock_offset(self) -> timedelta | None:
        """How far this terminal's clock is ahead of the central's, by the last
        answer (zero within ``CLOCK_SKEW_TOLERANCE_S``); None before any answer."""
        return self._central_offset

    def _offset(self, answer: requests.Response) -> timedelta:
        return clock_offset(answer, self.clock())

    def _on_central_clock(self, at: datetime) -> datetime:
        """``at`` (the terminal's clock: when a registration was captured) on the
        central's clock, by the last answer's ``Date`` (asking ``/readyz`` first when
        none came yet), and never later than now: a terminal clock set right since
        the capture must not date it in the future. Off by more than five minutes,
        the central refused every late registration as ``out_of_range``, for good.
        A paper form's time moves by the same offset (the terminal's skew)."""
        if self._central_offset is None:
            self.is_reachable()  # learns the offset; an unreachable central fails next
        return min(at, self.clock()) - (self._central_offset or NO_OFFSET)

    def _call(
        self,
        method: str,
        path: str,
        *,
        json: dict[str, Any] | None = None,
        data: MultipartFile | None = None,
        content_type: str | None = None,
        params: dict[str, str] | None = None,
        token: str | None = None,
        idempotency_key: str | None = None,
        on_401: type[CentralError] = Unauthorized,
    ) -> requests.Response:
        """Send one request; return a 2xx answer or raise the mapped error.

        ``token`` None means the terminal token; an empty string means none.
        """
        headers = {
            "Accept": "application/json",
            "Accept-Language": self.locale,
            "User-Agent": USER_AGENT,
        }
        bearer = self.terminal_token if token is None else token
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        if content_type is not None:
            headers["Content-Type"] = content_type
        if method == "POST":
            headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        started = time.monotonic()
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                json=json,
                data=data,
                params=params,
                headers=headers,
                timeout=(self.connect_timeout_s, self.read_timeout_s),
                allow_redirects=False,
            )
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as exc:
            log.warning("%s %s: no answer (%s)", method, path, type(exc).__name__)
            raise Unreachable() from exc
        except requests.RequestException as exc:
            log.error("%s %s: request failed (%s)", method, path, type(exc).__name__)
            raise UnexpectedResponse(f"request failed: {type(exc).__name__}") from exc
        elapsed_ms = (time.monotonic() - started) * 1000
        self._central_offset = self._offset(response)
        log.info("%s %s -> %d in %.0f ms", method, path, response.status_code, elapsed_ms)
        if 200 <= response.status_code < 300:
            return response
        raise error_for(response, on_401=on_401)


def _session_for(base_url: str, pool_maxsize: int) -> requests.Session:
    """A session for one central, its proxy and CA bundle read from the environment
    once, here (``HTTPS_PROXY``, ``NO_PROXY``, ``REQUESTS_CA_BUNDLE``...). Left to
    requests, every request scanned the environment and looked for a ``.netrc``
    (about a sixth of a drain's CPU on the terminal), and a ``.netrc`` entry for
    the central's host replaced the terminal's bearer token with Basic auth."""
    session = requests.Session()
    found = session.merge_environment_settings(base_url, {}, None, True, None)
    session.trust_env = False
    session.proxies.update(found["proxies"])
    session.verify = found["verify"]
    adapter = requests.adapters.HTTPAdapter(pool_maxsize=pool_maxsize)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


_MAIN_RE = re.compile(r"<main\b[^>]*>.*?</main>", re.IGNORECASE | re.DOTALL)


def page_content(page: str) -> str:
    """The ``<main>`` element of a central's HTML page (heading, sentence, form),
    without the frame every page shares (the brand, the language links, the help
    line), so that a summary of it says what happened; the whole page without one."""
    found = _MAIN_RE.search(page)
    return found.group(0) if found else page
