"""The operator commands, run as ``run_cli`` with a real config file, a file keyring
in tmp, a real outbox and the real central."""

from __future__ import annotations

import io
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
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
    creds = Credentials.for_data_dir(term.folder / "data")
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


ALMATY = timezone(timedelta(hours=5))


def days_ago(days: float) -> str:
    """A consent time ``days`` ago, as a clerk types it (Almaty time)."""
    return (datetime.now(ALMATY) - timedelta(days=days)).replace(microsecond=0).isoformat()


PAPER = f"""email,phone,consent_at,operator
anna@mail.ru,8 701 555 12 34,{days_ago(2)},clerk-3
not-an-email,8 701 555 12 35,{days_ago(2)},clerk-3
bek@gmail.com,+7 727 250 00 00,{days_ago(2)},clerk-3
dana@inbox.ru,87015551236,yesterday,clerk-3

aliya@list.ru,+7 (777) 555-12-37,{days_ago(1)},clerk-4
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
        f"anna@mail.ru;87015551234;{days_ago(3)};clerk-3;kk\n",
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
    monkeypatch.setattr("sys.stdin", io.StringIO("246810\n246811\n"))
    differ = cli("admin-pin", "--stdin")
    assert differ.code == 2 and "differ" in differ.err
    monkeypatch.setattr("sys.stdin", io.StringIO("24681\n24681\n"))
    short = cli("admin-pin", "--stdin")
    assert short.code == 2 and "at least 6" in short.err
    monkeypatch.setattr("sys.stdin", io.StringIO("246810\n246810\n"))
    assert cli("admin-pin", "--stdin").code == 0
    creds = Credentials.for_data_dir(term.folder / "data")
    assert creds.check_admin_pin("246810") and not creds.check_admin_pin("246811")


def test_enroll_refuses_a_central_in_clear_before_sending_the_code(term: KioskTerminal) -> None:
    """The code and the token would travel unencrypted: the config's rule applies."""
    with socket.socket() as listener:  # a central that would take the code, on a LAN address
        listener.bind(("0.0.0.0", 0))
        listener.listen(1)
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        lan = lan_address()
        run = cli("enroll", "ABCD-1234", "--central", f"http://{lan}:{port}")
        assert run.code == 2, run.err
        assert "--central" in run.err and "https://" in run.err
        with pytest.raises(TimeoutError):
            listener.accept()  # nothing connected: the code never left the terminal
    assert cli("enroll", "ABCD-1234", "--central", "ftp://central.vic.kz").code == 2


def lan_address() -> str:
    """This machine's address towards the outside (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))
        return str(probe.getsockname()[0])


def test_a_command_without_a_configuration_file_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VIC_KIOSK_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run = cli("status")
    assert run.code == 2
    assert str(tmp_path / "cfg" / "vic-kiosk" / "kiosk.toml") in run.err
    assert run.err.count("\n") == 1 and "--demo" in run.err
    assert not (tmp_path / "data" / "vic-kiosk" / "demo").exists(), "no demo terminal made"


def test_import_refuses_out_of_range_dates_line_breaks_and_formulas(
    term: KioskTerminal, box: Outbox, tmp_path: Path
) -> None:
    """Each bad row is named by its line; the good rows around it are captured."""
    soon = (datetime.now(ALMATY) + timedelta(days=1)).replace(microsecond=0).isoformat()
    paper = tmp_path / "outage.csv"
    paper.write_text(
        "email,phone,consent_at,operator\n"
        f"anna@mail.ru,87015551234,{days_ago(1)},clerk-3\n"  # 2: good
        "bek@mail.ru,87015551235,0001-01-01T00:00:00+05:00,clerk-3\n"  # 3
        f"dana@mail.ru,87015551236,{days_ago(31)},clerk-3\n"  # 4
        f"erlan@mail.ru,87015551237,{soon},clerk-3\n"  # 5
        f'"gulnar@mail.ru\n",87015551238,{days_ago(1)},clerk-3\n'  # 6-7: joined by a quote
        f'=HYPERLINK("http://x.kz"),87015551239,{days_ago(1)},clerk-3\n'  # 8
        f"ivan@mail.ru,87015551240,{days_ago(1)},=cmd|'/c calc'!A1\n"  # 9
        f"jan@mail.ru,87015551241,{days_ago(1)},@SUM(A1)\n"  # 10
        f"kair@mail.ru,87015551242,{days_ago(1)},clerk\x07-3\n"  # 11
        f"lena@mail.ru,+7 701 555 12 43,{days_ago(1)},clerk-4\n",  # 12: good, + phone
        encoding="utf-8",
    )
    run = cli("outbox", "import", str(paper))
    assert run.code == 1, run.err
    assert "captured 2" in run.out and "refused 8" in run.out
    for line in (3, 4, 5):
        assert f"line {line}: consent_at: out of range" in run.err
    assert "line 6: a cell holds a line break" in run.err
    assert "line 8: email: must not start with" in run.err
    assert "line 9: operator: must not start with" in run.err
    assert "line 10: operator: must not start with" in run.err
    assert "line 11: operator: holds a control character" in run.err
    assert "Traceback" not in run.err
    assert box.counts()["pending"] == 2


def test_import_of_a_huge_file_reports_briefly(
    term: KioskTerminal, box: Outbox, tmp_path: Path
) -> None:
    """A 50 MB cell is one refused line, and a flood of bad rows prints 100 lines."""
    paper = tmp_path / "huge.csv"
    with paper.open("w", encoding="utf-8") as f:
        f.write("email,phone,consent_at,operator\n")
        f.write("a" * 50_000_000 + f"@mail.ru,87015551234,{days_ago(1)},clerk-3\n")
        for n in range(2_000):
            f.write(f"bad-{n},87015551234,{days_ago(1)},clerk-3\n")
        f.write(f"anna@mail.ru,87015551234,{days_ago(1)},clerk-3\n")
    run = cli("outbox", "import", str(paper))
    assert run.code == 1
    assert "failed unexpectedly" not in run.err
    assert "captured 1" in run.out and "refused 2001" in run.out
    assert run.err.startswith("line 2: longer than")
    assert run.err.count("\n") == 101
    assert run.err.endswith("... and 1901 more refused rows.\n")
