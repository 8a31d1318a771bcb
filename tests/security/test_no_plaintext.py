"""After a full run (offline capture, ``main.py sync``, confirmation, activation,
first log-in and password change) no phone, email, code or password is in the
kiosk's files (outbox db/wal/shm, logs, config) or in the central's log, in any
of the shapes they take. The central's database may hold phones and emails (it
is the system of record) but never a code or a password in plain text."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.db import make_engine
from central.models import Message
from central.server import free_port
from kiosk.client import CentralClient
from kiosk.log import setup_logging
from kiosk.outbox import Outbox
from tests.faults.conftest import enroll_in_db
from tests.faults.netfaults import ROOT, CentralProcess
from tests.kiosk.outbox_helpers import make_terminal, request

PEOPLE = 3
NEW_PASSWORD = "Tulpar_2024!"
CODE_RE = re.compile(r"\b(\d{6})\b")
TEMP_RE = re.compile(r"[Tt]emporary password: (\S+)")


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


@pytest.fixture
def full_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Secrets, CentralProcess, list[Path]]:
    central = CentralProcess(tmp_path / "central.db", free_port(), tmp_path / "central.log")
    central.settings["public_base_url"] = central.url
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
        engine = make_engine(central.database_url)
        for req in people:
            secrets.personal += [*shapes_of_phone(req.phone), req.email]
            with Session(engine) as db:
                body = db.scalars(select(Message.body).where(Message.to == req.phone)).first()
            code = CODE_RE.search(body or "").group(1)  # type: ignore[union-attr]
            rid = next(v for k, v in ids.items() if k and k.endswith(req.phone[-2:]))
            assert rid is not None
            client.confirm(rid, code)
            secrets.secret.append(code)
        for req in people:
            with Session(engine) as db:
                mail = ""
                for _ in range(100):
                    mail = db.scalars(select(Message.body).where(Message.to == req.email)).first()
                    if mail:
                        break
            temporary = TEMP_RE.search(mail or "").group(1)  # type: ignore[union-attr]
            link = re.search(r"https?://\S+/activate/\S+", mail or "")
            assert link is not None
            assert requests.get(link.group(0), timeout=10).status_code == 200
            session = client.log_in(req.email, temporary)
            client.change_password(session.token, temporary, NEW_PASSWORD)
            assert client.log_in(req.phone, NEW_PASSWORD).token
            secrets.secret.append(temporary)
            secrets.links.append(link.group(0).rsplit("/", 1)[1])
        secrets.secret.append(NEW_PASSWORD)
        client.close()
        engine.dispose()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        central.stop()
    kiosk_files = [term.folder / "data", term.folder / "logs", term.config]
    assert any((term.folder / "logs").iterdir()), "the kiosk wrote a log"
    return secrets, central, kiosk_files


def test_kiosk_files_and_central_log_hold_no_personal_data_or_secret(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, kiosk_files = full_run
    everything = secrets.personal + secrets.secret
    hits = [hit for place in kiosk_files for hit in found_in(place, everything)]
    hits += found_in(central.log_path, everything)
    assert hits == []


@pytest.mark.xfail(
    strict=True,
    reason="known gap (reported): 'python -m central serve' keeps uvicorn's access log, "
    "which writes every GET /activate/<token> (a live credential) to the central's log",
)
def test_central_log_holds_no_activation_token(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, _ = full_run
    assert found_in(central.log_path, secrets.links) == []


@pytest.mark.xfail(
    strict=True,
    reason="known gap (reported): messages.body keeps each SMS code and each emailed "
    "temporary password and activation link in plain text after sending",
)
def test_central_database_holds_no_code_or_password(
    full_run: tuple[Secrets, CentralProcess, list[Path]],
) -> None:
    secrets, central, _ = full_run
    place = central.db_path.parent
    stored = [p for p in place.iterdir() if p.name.startswith("central.db")]
    hits = [hit for p in stored for hit in found_in(p, secrets.secret)]
    assert hits == []
