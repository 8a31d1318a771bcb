"""After a full run (offline capture, ``main.py sync``, confirmation, activation,
first log-in and password change) no phone, email, code or password is in the
kiosk's files (outbox db/wal/shm, logs, config) or in the central's log, in any
of the shapes they take. The central's database may hold phones and emails (it
is the system of record) but never a code, a password or a link token in plain
text once its message is delivered: the run uses live delivery (a real HTTP SMS
gateway and a real SMTP server on loopback), as production does."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
import requests
from aiosmtpd.controller import Controller
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.models import Message
from central.server import free_port
from kiosk.client import CentralClient
from kiosk.log import setup_logging
from kiosk.outbox import Outbox
from tests.central.test_sms import Gateway
from tests.central.test_smtp import Inbox
from tests.faults.conftest import enroll_in_db
from tests.faults.netfaults import ROOT, CentralProcess
from tests.kiosk.outbox_helpers import make_terminal, request

PEOPLE = 3
NEW_PASSWORD = "Tulpar_2024!"
CODE_RE = re.compile(r"\b(\d{6})\b")
TEMP_RE = re.compile(r"[Tt]emporary password: (\S+)")
LINK_RE = re.compile(r"https?://\S+/activate/\S+")
PAGE_RE = re.compile(r"https?://\S+/r/\S+\?t=\S+")
WAIT_S = 30.0
T = TypeVar("T")


@dataclass
class Secrets:
    personal: list[str] = field(default_factory=list)  # phones, emails
    secret: list[str] = field(default_factory=list)  # codes, passwords
    links: list[str] = field(default_factory=list)  # activation tokens


def shapes_of_phone(e164: str) -> list[str]:
    digits = e164[1:]
    return [e164, digits, "8" + digits[1:], f"+7 {digits[1:4]} {digits[4:7]} {digits[7:9]}"]


def found_in(folder_or_file: Path, needles: list[str]) -> list[str]:
    files = [folder_or_file] if folder_or_file.is_file() else sorted(folder_or_file.rglob("*"))
    hits = []
    for f in files:
        if not f.is_file():
            continue
        data = f.read_bytes()
        for needle in needles:
            for encoded in {needle.encode(), needle.encode("utf-16-le")}:
                if encoded in data:
                    hits.append(f"{needle!r} in {f.name}")
    return hits


def wait_for(find: Callable[[], T | None], what: str, timeout_s: float = WAIT_S) -> T:
    deadline = time.monotonic() + timeout_s
    while True:
        found = find()
        if found is not None:
            return found
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def sms_code(gateway: Gateway, phone: str) -> tuple[str, str] | None:
    """The code and the code page link of the last SMS the gateway received for
    ``phone`` (a late registration's SMS carries both)."""
    texts = [
        r["form"]["text"][0]
        for r in gateway.requests
        if r["form"].get("recipient") == [phone.lstrip("+")] and "text" in r["form"]
    ]
    for text in reversed(texts):
        code, page = CODE_RE.search(text), PAGE_RE.search(text)
        if code and page:
            return code.group(1), page.group(0)
    return None


def emailed_secrets(inbox: Inbox, email: str) -> tuple[str, str] | None:
    """(activation link, temporary password) of the last such email to ``email``."""
    for _, rcpt, mail in reversed(inbox.received):
        part = mail.get_body(("plain",))
        text = part.get_content() if part is not None else ""
        temporary, link = TEMP_RE.search(text), LINK_RE.search(text)
        if email in rcpt and temporary and link:
            return link.group(0), temporary.group(1)
    return None


def nothing_pending(database_url: str) -> bool | None:
    engine = make_engine(database_url)
    try:
        with Session(engine) as db:
            query = select(func.count()).select_from(Message).where(Message.status != "sent")
            return True if db.scalar(query) == 0 else None
    finally:
        engine.dispose()


@pytest.fixture
def full_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Secrets, CentralProcess, list[Path]]]:
    """The whole procedure with live delivery: SMS through a real HTTP gateway on
    loopback, email through a real SMTP server (aiosmtpd); the secrets are read
    from what those received, never from the central's database."""
    # the SMTP server runs in this process: its log (recipients) is not the kiosk's
    monkeypatch.setattr(logging.getLogger("mail.log"), "disabled", True)
    inbox, gateway = Inbox(), Gateway()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    central = CentralProcess(tmp_path / "central.db", free_port(), tmp_path / "central.log")
    central.settings.update(
        public_base_url=central.url,
        delivery_backend="live",
        code_key="ef" * 32,
        smtp_host="127.0.0.1",
        smtp_port=smtp.port,
        sms_http_url=f"{gateway.url}/service/message/sendsmsmessage?output=json&apiKey=KEY",
        sms_http_form={"recipient": "{recipient}", "text": "{text}"},
        sender_poll_s=0.1,
    )
    token = enroll_in_db(central.database_url)
    term = make_terminal(tmp_path / "kiosk", central.url, token, monkeypatch)
    handler = setup_logging(term.folder / "logs")
    people = [request(n, locale="en") for n in range(PEOPLE)]
    secrets = Secrets()
    try:
        with Outbox(term.outbox_path, term.key) as box:  # the central is down
            for req in people:
                box.capture(req)
        central.start()
        sync = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "sync"],
            env=term.env, cwd=ROOT, capture_output=True, timeout=60, check=False,
        )  # fmt: skip
        assert sync.returncode == 0, sync.stderr
        (term.folder / "sync.out").write_bytes(sync.stdout + sync.stderr)
        with Outbox(term.outbox_path, term.key) as box:
            ids = {e.phone_masked: e.registration_id for e in box.entries()}
        client = CentralClient(central.url, terminal_token=token, locale="en")
        for req in people:
            secrets.personal += [*shapes_of_phone(req.phone), req.email]
            code, page = wait_for(partial(sms_code, gateway, req.phone), "the SMS")
            assert requests.get(page, timeout=10).status_code == 200  # the code page opens
            rid = next(v for k, v in ids.items() if k and k.endswith(req.phone[-2:]))
            assert rid is not None
            client.confirm(rid, code)
            secrets.secret.append(code)
            secrets.links.append(page.rsplit("t=", 1)[1])
        for req in people:
            link, temporary = wait_for(partial(emailed_secrets, inbox, req.email), "the email")
            assert requests.post(link, timeout=10).status_code == 200
            session = client.log_in(req.email, temporary)
            client.change_password(session.token, temporary, NEW_PASSWORD)
            assert client.log_in(req.phone, NEW_PASSWORD).token
            secrets.secret.append(temporary)
            secrets.links.append(link.rsplit("/", 1)[1])
        secrets.secret.append(NEW_PASSWORD)
        client.close()
        wait_for(partial(nothing_pending, central.database_url), "every message sent")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        central.stop()
        smtp.stop()
        gateway.close()
    kiosk_files = [term.folder / "data", term.folder / "logs", term.config]
    assert any((term.folder / "logs").iterdir()), "the kiosk wrote a log"
    yield secrets, central, kiosk_files


def test_kiosk_files_and_central_log_hold_no_personal_data_or_secret(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, kiosk_files = full_run
    everything = secrets.personal + secrets.secret
    hits = [hit for place in kiosk_files for hit in found_in(place, everything)]
    hits += found_in(central.log_path, everything)
    assert hits == []


def test_central_log_holds_no_activation_token(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, _ = full_run
    assert found_in(central.log_path, secrets.links) == []
    log = central.log_path.read_text("utf-8")
    assert '"POST /activate/*** HTTP/1.1" 200' in log, "the request is logged, masked"
    assert "?t=***" in log, "the code page's token is masked too"


def test_central_database_holds_no_code_or_password(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, _ = full_run
    place = central.db_path.parent
    stored = [p for p in place.iterdir() if p.name.startswith("central.db")]
    assert central.db_path in stored and central.db_path.stat().st_size > 0
    hits = [hit for p in stored for hit in found_in(p, secrets.secret + secrets.links)]
    assert hits == [], "delivered messages keep no code, password or link token"
