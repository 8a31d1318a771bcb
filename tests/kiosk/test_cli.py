"""The operator commands, run as ``run_cli`` with a real config file, a file keyring
in tmp, a real outbox and the real central."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from central.crud import terminals as central_terminals
from central.server import EmbeddedCentral
from kiosk.cli import run_cli
from kiosk.credentials import Credentials
from kiosk.outbox import Outbox
from tests.kiosk.kit import add_terminal
from tests.kiosk.outbox_helpers import (
    KioskTerminal,
    central_counts,
    make_terminal,
    request,
    write_kiosk_config,
)


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(list(argv), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def term(
    sqlite_central: EmbeddedCentral, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> KioskTerminal:
    return make_terminal(
        tmp_path / "kiosk", sqlite_central.url, add_terminal(sqlite_central), monkeypatch
    )


@pytest.fixture
def box(term: KioskTerminal) -> Iterator[Outbox]:
    with Outbox(term.outbox_path, term.key) as b:
        yield b


def test_enroll_stores_the_token_and_status_reports_it(
    sqlite_central: EmbeddedCentral, term: KioskTerminal
) -> None:
    creds = Credentials("Almaty-1 clerk")
    creds.clear_terminal_token()
    assert cli("status").code == 4
    with Session(sqlite_central.engine) as s, s.begin():
        _, code = central_terminals.create(
            s, name="Almaty-1", branch="Almaty Dostyk", now=datetime.now(UTC), ttl_s=600
        )
    done = cli("enroll", code.lower(), "--central", sqlite_central.url)
    assert done.code == 0, done.err
    assert "Almaty Dostyk" in done.out
    assert creds.terminal_token()
    again = cli("enroll", code, "--central", sqlite_central.url)
    assert again.code == 4 and "already used" in again.err
    status = cli("status")
    assert status.code == 0, status.err
    assert "(reachable)" in status.out and "terminal: enrolled" in status.out
    assert "pending 0" in status.out


def test_status_and_sync_when_the_central_is_down(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, box: Outbox
) -> None:
    box.capture(request(1))
    sqlite_central.stop()
    status = cli("status")
    assert status.code == 3 and "UNREACHABLE" in status.out and "pending 1" in status.out
    sync = cli("sync")
    assert sync.code == 3
    assert "does not answer" in sync.err and "Traceback" not in sync.err
    assert box.counts()["pending"] == 1


def test_sync_delivers_with_a_progress_bar(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, box: Outbox
) -> None:
    people = [request(n) for n in range(20, 25)]
    for req in people:
        box.capture(req)
    run = cli("sync")
    assert run.code == 0, run.err
    assert "5/5" in run.err and "[####" in run.err
    assert "delivered 5" in run.out
    phones = [r.phone for r in people]
    assert central_counts(sqlite_central.engine, phones) == {p: (1, 1) for p in phones}
    log = (term.folder / "logs" / "kiosk.log").read_bytes()
    assert b"delivered" in log, "the command logs what it did"
    for req in people:
        assert req.phone.encode() not in log and req.phone[1:].encode() not in log
        assert req.email.encode() not in log


def test_list_retry_drop(sqlite_central: EmbeddedCentral, term: KioskTerminal, box: Outbox) -> None:
    refused = box.capture(request(31, phone="+79261234567"))
    dropped = box.capture(request(32, phone="+79261234568"))
    sync = cli("sync")
    assert sync.code == 1 and "2 registration(s) were refused" in sync.err
    listing = cli("outbox", "list", "--state", "needs_attention")
    assert listing.code == 0
    assert refused in listing.out and "+7 926 *** ** 67" in listing.out
    assert "region_not_allowed" in listing.out
    assert "79261234567" not in listing.out and "client.00031@mail.ru" not in listing.out
    assert cli("outbox", "drop", dropped).code == 0
    assert cli("outbox", "drop", dropped).code == 1
    assert cli("outbox", "retry", refused).code == 0
    assert box.get(refused).state == "pending"
    assert cli("outbox", "retry", "--all").code == 0
    assert cli("outbox", "retry").code == 2


# written during an outage yesterday: the central takes captured_at back to 30 days
DAY = (datetime.now(UTC) - timedelta(days=1)).strftime("%Y-%m-%d")
PAPER = f"""email,phone,consent_at,operator
anna@mail.ru,8 701 555 12 34,{DAY}T10:15:00+05:00,clerk-3
not-an-email,8 701 555 12 35,{DAY}T10:20:00+05:00,clerk-3
bek@gmail.com,+7 727 250 00 00,{DAY}T10:25:00+05:00,clerk-3
dana@inbox.ru,87015551236,yesterday,clerk-3

aliya@list.ru,+7 (777) 555-12-37,{DAY}T11:00:00+05:00,clerk-4
"""


def test_import_paper_registrations(
    sqlite_central: EmbeddedCentral, term: KioskTerminal, box: Outbox, tmp_path: Path
) -> None:
    paper = tmp_path / "outage.csv"
    paper.write_text(PAPER, encoding="utf-8")
    run = cli("outbox", "import", str(paper))
    assert run.code == 1
    assert "captured 2" in run.out and "refused 3" in run.out
    assert "line 3: email: invalid_email" in run.err
    assert "line 4: phone: not_mobile" in run.err
    assert "line 5: consent_at" in run.err
    again = cli("outbox", "import", str(paper))
    assert "captured 0, already imported 2" in again.out
    assert box.counts()["pending"] == 2
    assert cli("sync").code == 0
    assert central_counts(sqlite_central.engine, ["+77015551234", "+77775551237"]) == {
        "+77015551234": (1, 1),
        "+77775551237": (1, 1),
    }


def test_import_semicolon_file_with_bom_and_missing_column(
    term: KioskTerminal, tmp_path: Path
) -> None:
    good = tmp_path / "excel.csv"
    good.write_text(
        "\ufeffemail;phone;consent_at;operator;locale\n"
        f"anna@mail.ru;87015551234;{DAY}T10:15:00+05:00;clerk-3;kk\n",
        encoding="utf-8",
    )
    assert cli("outbox", "import", str(good)).code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("email,phone\nanna@mail.ru,87015551234\n", encoding="utf-8")
    run = cli("outbox", "import", str(bad))
    assert run.code == 2 and "consent_at" in run.err
    assert cli("outbox", "import", str(tmp_path / "missing.csv")).code == 2


def test_config_and_usage_errors_are_one_sentence(tmp_path: Path) -> None:
    broken = write_kiosk_config(tmp_path / "k", "ftp://central")
    run = cli("--config", str(broken), "status")
    assert run.code == 2
    assert run.err.count("\n") == 1 and "central_url" in run.err
    assert "Traceback" not in run.err
    assert cli("--config", str(tmp_path / "nope.toml"), "status").code == 2
    assert cli("frobnicate").code == 2
    assert cli().code == 2


def test_admin_pin_is_set_from_stdin_and_checked(
    term: KioskTerminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n2469\n"))
    differ = cli("admin-pin", "--stdin")
    assert differ.code == 2 and "differ" in differ.err
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n12\n"))
    short = cli("admin-pin", "--stdin")
    assert short.code == 2 and "at least" in short.err
    monkeypatch.setattr("sys.stdin", io.StringIO("2468\n2468\n"))
    assert cli("admin-pin", "--stdin").code == 0
    creds = Credentials("Almaty-1 clerk")
    assert creds.check_admin_pin("2468") and not creds.check_admin_pin("2469")
