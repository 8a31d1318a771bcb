"""The SMTP backend against a real aiosmtpd server on a loopback port."""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import ssl
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.orm import Session, sessionmaker

from central.core.config import Settings
from central.core.db import make_engine, make_session_factory, transaction
from central.core.migrate import upgrade
from central.messaging.outbox import enqueue
from central.messaging.sender import Sender
from central.messaging.smtp import SmtpBackend
from central.models import Message
from central.server import free_port

SUBJECT_RU = "Временный пароль «Личного кабинета»"


class Inbox:
    def __init__(self, refuse: set[str] | None = None) -> None:
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.refuse = refuse or set()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: Any) -> str:  # fmt: skip
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 queued"


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption())
    )  # fmt: skip
    return cert_path, key_path


@pytest.fixture
def factory(sqlite_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(sqlite_url)
    upgrade(engine)
    yield make_session_factory(engine)
    engine.dispose()


def serve(handler: Inbox, **kwargs: Any) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


def queue_reset_email(factory: sessionmaker[Session], to: str = "aigerim@mail.ru") -> str:
    with transaction(factory) as session:
        message = enqueue(session, channel="email", to=to, kind="password_reset_email",
                          locale="ru", params={"temporary_password": "Qw3!rtyUIOP9"})  # fmt: skip
        session.flush()
        return message.id


def row(factory: sessionmaker[Session], message_id: str) -> Message:
    with factory() as session:
        found = session.get(Message, message_id)
        assert found is not None
        return found


def test_russian_email_arrives_intact_and_is_marked_sent(
    factory: sessionmaker[Session], sqlite_url: str
) -> None:
    inbox = Inbox()
    server = serve(inbox)
    try:
        settings = Settings(database_url=sqlite_url, delivery_backend="dev",
                            smtp_host="127.0.0.1", smtp_port=server.port,
                            smtp_from="АО «СК «Виктория» <no-reply@vic.kz>")  # fmt: skip
        message_id = queue_reset_email(factory)
        assert Sender(factory, settings, {"email": SmtpBackend(settings)}).run_once() == 1
    finally:
        server.stop()
    [(mail_from, rcpt, email)] = inbox.received
    assert (mail_from, rcpt) == ("no-reply@vic.kz", ["aigerim@mail.ru"])
    assert email["Subject"] == SUBJECT_RU
    assert "Виктория" in str(email["From"])
    assert email["Message-ID"] and email["Date"]
    body = email.get_body(("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    assert "Временный пароль: Qw3!rtyUIOP9" in body.get_content()
    rich = email.get_body(("html",))  # the temporary password in a monospace block
    assert rich is not None and rich.get_content_charset() == "utf-8"
    block = re.search(
        r'Временный пароль:<br><pre style="([^"]*)">([^<]*)</pre>', rich.get_content()
    )
    assert block is not None and "monospace" in block.group(1)
    assert block.group(2) == "Qw3!rtyUIOP9"
    assert row(factory, message_id).status == "sent"


def test_starttls_with_login(factory: sessionmaker[Session], sqlite_url: str,
                             tmp_path: Path) -> None:  # fmt: skip
    cert, key = self_signed(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    logins: list[tuple[str, str]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                      data: Any) -> AuthResult:  # fmt: skip
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password == b"s3cret", handled=False)

    inbox = Inbox()
    server = serve(inbox, tls_context=tls, require_starttls=True, auth_required=True,
                   authenticator=authenticator)  # fmt: skip
    try:
        settings = Settings(database_url=sqlite_url, delivery_backend="dev",
                            smtp_host="127.0.0.1", smtp_port=server.port, smtp_starttls=True,
                            smtp_ca_file=str(cert), smtp_username="kiosk",
                            smtp_password="s3cret")  # fmt: skip
        good = queue_reset_email(factory)
        Sender(factory, settings, {"email": SmtpBackend(settings)}).run_once()
        wrong = settings.model_copy(update={"smtp_password": "wrong"})
        bad = queue_reset_email(factory, to="dana@inbox.ru")
        Sender(factory, wrong, {"email": SmtpBackend(wrong)}).run_once()
    finally:
        server.stop()
    assert [rcpt for _, rcpt, _ in inbox.received] == [["aigerim@mail.ru"]]
    assert logins[0] == ("kiosk", "s3cret")
    assert set(logins[1:]) == {("kiosk", "wrong")}  # smtplib tries PLAIN, then LOGIN
    assert row(factory, good).status == "sent"
    failed = row(factory, bad)
    assert failed.status == "failed" and "authentication" in (failed.last_error or "")


def test_refused_mailbox_fails_for_good_and_a_down_server_is_retried(
    factory: sessionmaker[Session], sqlite_url: str
) -> None:
    server = serve(Inbox(refuse={"nobody@mail.ru"}))
    try:
        settings = Settings(
            database_url=sqlite_url,
            delivery_backend="dev",
            smtp_host="127.0.0.1",
            smtp_port=server.port,
        )
        refused = queue_reset_email(factory, to="nobody@mail.ru")
        Sender(factory, settings, {"email": SmtpBackend(settings)}).run_once()
    finally:
        server.stop()
    assert row(factory, refused).status == "failed"
    assert "550" in (row(factory, refused).last_error or "")

    down = settings.model_copy(update={"smtp_port": free_port(), "smtp_timeout_s": 2.0})
    later = queue_reset_email(factory)
    Sender(factory, down, {"email": SmtpBackend(down)}).run_once()
    retried = row(factory, later)
    assert (retried.status, retried.attempts) == ("pending", 1)
    assert "SMTP unavailable" in (retried.last_error or "")
