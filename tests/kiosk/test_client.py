"""CentralClient against the real central over HTTP: every contract answer
becomes a typed value or a ``kiosk.errors`` type."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy.orm import Session

from central.crud import terminals
from central.models import utcnow
from central.server import EmbeddedCentral
from kiosk.api_types import RegistrationRequest
from kiosk.client import CentralClient
from kiosk.errors import (
    AccountExists,
    AccountNotActivated,
    AlreadyConfirmed,
    CodeExpired,
    IdempotencyConflict,
    InvalidCode,
    InvalidCredentials,
    NotFound,
    RateLimited,
    TooManyAttempts,
    Unauthorized,
    UnexpectedResponse,
    Unreachable,
    ValidationFailed,
    WeakPassword,
)
from tests.kiosk.flow_helpers import PASSWORD_RESET_CONFIRM, central_has
from tests.kiosk.kit import (
    BRANCH,
    add_terminal,
    create_account,
    make_client,
    sms_code,
    wait_for_messages,
)
from vic_rules.password import violations

PHONE = "+77011234567"
EMAIL = "aigerim@example.kz"
FAST_S = 3.0


def request(phone: str = PHONE, email: str = EMAIL, consent: bool = True) -> RegistrationRequest:
    return RegistrationRequest(email=email, phone=phone, consent=consent, locale="en")


def key() -> str:
    return str(uuid.uuid4())


def test_register_answers_a_typed_registration_and_sends_one_sms(client: CentralClient) -> None:
    started = client.register(request(), idempotency_key=key())

    assert started.status == "code_sent"
    assert started.attempts_left == 5
    assert started.phone_masked.endswith("67") and "*" in started.phone_masked
    now = datetime.now(UTC)
    assert started.code_expires_at.tzinfo is not None
    assert 0 < (started.code_expires_at - now).total_seconds() <= 300 + 5
    assert started.resend_available_at > now
    assert len(sms_code(client, PHONE)) == 6
    assert client.registration_status(started.id) == "code_sent"


def test_a_repeated_key_replays_the_first_answer_without_a_second_sms(
    client: CentralClient,
) -> None:
    k = key()
    first = client.register(request(), idempotency_key=k)
    again = client.register(request(), idempotency_key=k)

    assert again.id == first.id
    wait_for_messages(client, PHONE, 1, "sms")
    time.sleep(1.0)
    assert len([m for m in client.dev_messages(to=PHONE) if m["channel"] == "sms"]) == 1
    with pytest.raises(IdempotencyConflict):
        client.register(request(email="other@example.kz"), idempotency_key=k)


def test_confirm_outcomes(client: CentralClient) -> None:
    started = client.register(request(), idempotency_key=key())
    code = sms_code(client, PHONE)
    wrong = "000000" if code != "000000" else "111111"

    with pytest.raises(InvalidCode) as first:
        client.confirm(started.id, wrong)
    with pytest.raises(InvalidCode) as second:
        client.confirm(started.id, wrong)
    assert (first.value.attempts_left, second.value.attempts_left) == (4, 3)
    assert first.value.message

    client.confirm(started.id, code)
    assert client.registration_status(started.id) == "confirmed"
    with pytest.raises(AlreadyConfirmed):
        client.confirm(started.id, code)
    with pytest.raises(NotFound):
        client.confirm(str(uuid.uuid4()), code)


def test_a_burnt_code_is_refused_even_when_right(sqlite_client: CentralClient) -> None:
    started = sqlite_client.register(request(), idempotency_key=key())
    code = sms_code(sqlite_client, PHONE)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        with pytest.raises((InvalidCode, TooManyAttempts)):
            sqlite_client.confirm(started.id, wrong)

    with pytest.raises(TooManyAttempts) as burnt:
        sqlite_client.confirm(started.id, code)
    assert not burnt.value.temporary


def test_an_expired_code_is_refused(central_factory: Callable[..., EmbeddedCentral]) -> None:
    central = central_factory(code_ttl_s=1)
    client = make_client(central, add_terminal(central))
    started = client.register(request(), idempotency_key=key())
    code = sms_code(client, PHONE)
    time.sleep(max(0.0, (started.code_expires_at - datetime.now(UTC)).total_seconds()) + 0.5)

    with pytest.raises(CodeExpired):
        client.confirm(started.id, code)


def test_resend_during_the_cool_down_is_rate_limited(sqlite_client: CentralClient) -> None:
    started = sqlite_client.register(request(), idempotency_key=key())

    with pytest.raises(RateLimited) as limited:
        sqlite_client.resend(started.id)
    assert 0 < limited.value.retry_after_s <= 60
    assert limited.value.temporary


def test_resend_after_the_cool_down_sends_a_new_code(
    central_factory: Callable[..., EmbeddedCentral],
) -> None:
    central = central_factory(code_resend_cooldown_s=0)
    client = make_client(central, add_terminal(central))
    started = client.register(request(), idempotency_key=key())
    first = sms_code(client, PHONE)

    again = client.resend(started.id)

    assert again.id == started.id and again.attempts_left == 5
    second = sms_code(client, PHONE, nth=2)
    if second != first:
        with pytest.raises(InvalidCode):
            client.confirm(started.id, first)
    client.confirm(started.id, second)


def test_an_existing_account_is_refused_by_phone_and_by_email(client: CentralClient) -> None:
    create_account(client, PHONE, EMAIL, activate=False)

    with pytest.raises(AccountExists):
        client.register(request(email="new@example.kz"), idempotency_key=key())
    with pytest.raises(AccountExists):
        client.register(request(phone="+77071234567", email=EMAIL.upper()), idempotency_key=key())


def test_validation_failures_name_every_field(sqlite_client: CentralClient) -> None:
    bad = RegistrationRequest(email="not-an-email", phone="+79261234567", consent=False)

    with pytest.raises(ValidationFailed) as refused:
        sqlite_client.register(bad, idempotency_key=key())

    assert refused.value.fields == {
        "email": ["invalid_email"],
        "phone": ["region_not_allowed"],
        "consent": ["consent_required"],
    }


def test_the_message_follows_the_locale(sqlite_client: CentralClient) -> None:
    bad = RegistrationRequest(email="x@example.kz", phone="+77011234567", consent=False)
    messages = {}
    for locale in ("ru", "en"):
        sqlite_client.locale = locale
        with pytest.raises(ValidationFailed) as refused:
            sqlite_client.register(bad, idempotency_key=key())
        messages[locale] = refused.value.message
    assert messages["ru"] and messages["en"] and messages["ru"] != messages["en"]


def test_an_unknown_terminal_token_is_unauthorized(sqlite_central: EmbeddedCentral) -> None:
    stranger = make_client(sqlite_central, "not-a-token")
    with pytest.raises(Unauthorized):
        stranger.register(request(), idempotency_key=key())


def test_log_in_refusals_and_password_rules(client: CentralClient) -> None:
    pending = create_account(client, "+77051234567", "pending@example.kz", activate=False)
    temporary = create_account(client, PHONE, EMAIL)

    with pytest.raises(AccountNotActivated):
        client.log_in("+77051234567", pending)
    with pytest.raises(InvalidCredentials):
        client.log_in(PHONE, "Wrong-password1")
    session = client.log_in(PHONE, temporary)
    assert session.password_change_required
    assert session.expires_at > datetime.now(UTC)
    with pytest.raises(Unauthorized):
        client.contracts(session.token)  # a temporary password only allows the change

    for weak in ("abc", "Ag-15!d44", "пароль"):
        with pytest.raises(WeakPassword) as refused:
            client.change_password(session.token, temporary, weak)
        assert refused.value.violations == violations(weak, current=temporary)
        assert refused.value.violations
    with pytest.raises(Unauthorized):
        client.change_password("not-a-token", temporary, "Steppe_Kx71")

    client.change_password(session.token, temporary, "Steppe_Kx71")
    full = client.log_in(EMAIL, "Steppe_Kx71")
    assert not full.password_change_required
    assert client.contracts(full.token) == []


def test_enrollment_spends_the_operators_code_once(sqlite_central: EmbeddedCentral) -> None:
    with Session(sqlite_central.engine) as db, db.begin():
        _, code = terminals.create(db, name="new", branch=BRANCH, now=utcnow(), ttl_s=600)
    client = make_client(sqlite_central, None)

    enrolled = client.enroll(code.lower().replace("-", " "), "Almaty-2 clerk")
    assert enrolled.branch == BRANCH and enrolled.token and enrolled.terminal_id
    with pytest.raises(Unauthorized):
        client.enroll(code, "again")

    client.terminal_token = enrolled.token
    assert client.register(request(), idempotency_key=key()).status == "code_sent"


def test_password_policy_is_the_seeds(sqlite_client: CentralClient) -> None:
    policy = sqlite_client.password_policy()
    assert (policy.min_length, policy.specials) == (8, "!@$_-")
    assert set(policy.required) == {"upper", "lower", "digit", "special"}


def test_password_reset_is_always_accepted_and_looks_the_same(
    central: EmbeddedCentral, client: CentralClient
) -> None:
    if not central_has(central.url, PASSWORD_RESET_CONFIRM):
        pytest.skip("the central has no password reset by SMS code yet (contract v1.1)")
    nobody = client.request_password_reset("nobody@example.kz")
    someone = client.request_password_reset(PHONE)
    assert nobody.id and someone.id and nobody.id != someone.id
    assert (nobody.attempts_left, type(nobody.code_expires_at)) == (
        someone.attempts_left,
        type(someone.code_expires_at),
    )


def test_is_reachable(sqlite_central: EmbeddedCentral, sqlite_client: CentralClient) -> None:
    assert sqlite_client.is_reachable()
    sqlite_central.stop()
    assert not sqlite_client.is_reachable()


def test_a_stopped_central_is_unreachable_fast(
    sqlite_central: EmbeddedCentral, sqlite_client: CentralClient
) -> None:
    sqlite_central.stop()
    started = time.monotonic()
    with pytest.raises(Unreachable) as down:
        sqlite_client.register(request(), idempotency_key=key())
    assert down.value.temporary
    assert time.monotonic() - started < FAST_S


def test_a_closed_port_is_unreachable(closed_url: str) -> None:
    with pytest.raises(Unreachable):
        CentralClient(closed_url, terminal_token="t", connect_timeout_s=0.5).log_in("a", "b")


def test_a_central_that_never_answers_times_out(silent_url: str) -> None:
    client = CentralClient(silent_url, terminal_token="t", read_timeout_s=0.3)
    started = time.monotonic()
    with pytest.raises(Unreachable):
        client.register(request(), idempotency_key=key())
    assert time.monotonic() - started < FAST_S


def test_an_unknown_host_is_unreachable() -> None:
    with pytest.raises(Unreachable):
        CentralClient("http://central.invalid", connect_timeout_s=0.5).password_policy()


class _Canned(BaseHTTPRequestHandler):
    """Answers GET /<status> with that status and a body holding personal data,
    as a broken proxy in front of the central might."""

    def do_GET(self) -> None:
        status = int(self.path.strip("/").split("/")[-1])
        body = b'{"error": {"code": "teapot", "message": "phone +77011234567"}}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def canned_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_5xx_is_unreachable(canned_url: str, status: int) -> None:
    client = CentralClient(canned_url)
    with pytest.raises(Unreachable):
        client._call("GET", f"/{status}")


@pytest.mark.parametrize("status", [418, 302, 400, 409, 422])
def test_an_answer_outside_the_contract_keeps_its_status_not_its_body(
    canned_url: str, status: int
) -> None:
    client = CentralClient(canned_url)
    with pytest.raises(UnexpectedResponse) as odd:
        client._call("GET", f"/{status}")
    assert odd.value.status == status
    assert "7011234567" not in str(odd.value) and "7011234567" not in odd.value.message
    assert not odd.value.temporary
