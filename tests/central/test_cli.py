"""The operator CLI run as a real subprocess: output, exit codes, no tracebacks."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from central.core.config import Settings
from central.server import EmbeddedCentral, free_port

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"enrollment code .*: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
    result = subprocess.run(
        [sys.executable, "-m", "central", *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env=environ | (env or {}),
    )  # fmt: skip
    assert "Traceback" not in result.stderr
    return result


def test_terminal_lifecycle_from_the_command_line(database_url: str) -> None:
    added = cli("terminals", "add", "--db", database_url, "--name", "Окно 2", "--branch", "Шымкент")
    assert added.returncode == 0, added.stderr
    match = CODE.search(added.stdout)
    assert match
    listed = cli("terminals", "list", "--db", database_url)
    [line] = listed.stdout.splitlines()
    terminal_id, status, branch, name, *_fleet = line.split("\t")
    assert (status, branch, name) == ("awaiting_enrollment", "Шымкент", "Окно 2")

    with EmbeddedCentral(Settings(database_url=database_url, delivery_backend="dev")) as central:
        body = {"code": match.group(1), "name": "k2"}
        enrolled = requests.post(f"{central.url}/api/v1/terminals/enroll", json=body, timeout=5)
        assert enrolled.status_code == 201
    assert "\tenrolled\t" in cli("terminals", "list", "--db", database_url).stdout
    assert cli("terminals", "revoke", "--db", database_url, terminal_id).returncode == 0
    assert "\trevoked\t" in cli("terminals", "list", "--db", database_url).stdout


def test_errors_are_one_sentence_with_meaningful_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    unknown = cli("terminals", "revoke", "--db", db, "no-such-id")
    assert (unknown.returncode, unknown.stderr) == (
        1,
        "Error: No terminal has the id no-such-id.\n",
    )
    missing = cli("import-policies", "--db", db, str(tmp_path / "none.csv"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    bad_setting = cli("migrate", "--db", db, env={"VIC_CENTRAL_CODE_TTL_S": "soon"})
    assert bad_setting.returncode == 2 and "code_ttl_s" in bad_setting.stderr
    unreachable = cli("migrate", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    assert unreachable.returncode == 1 and "database cannot be used" in unreachable.stderr
    assert cli("terminals").returncode == 2  # argparse usage error


def test_import_exit_code_tells_partial_success(tmp_path: Path) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text(
        "phone;email;name;contract number;product;start date;end date;premium\n"
        "+77011234567;a@mail.ru;A;N-1;КАСКО;2026-01-01;2026-12-31;100\n"
        "+77011234567;a@mail.ru;A;N-2;КАСКО;2026-01-01;2026-12-31\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "c.db")
    first = cli("import-policies", "--db", db, str(csv))
    assert first.returncode == 3
    assert first.stderr.startswith("line 3: ")
    assert "1 accounts created, 1 contracts added" in first.stdout
    again = cli("import-policies", "--db", db, str(csv))
    assert "0 accounts created, 0 contracts added, 1 rows already imported" in again.stdout


def test_serve_migrates_and_answers_with_settings_from_a_toml_file(tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "central.toml"
    config.write_text('delivery_backend = "dev"\ncode_ttl_s = 240\n', encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", str(tmp_path / "s.db"),
         "--port", str(port)],
        cwd=ROOT, env=environ | {"VIC_CENTRAL_CONFIG": str(config)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = requests.get(f"http://127.0.0.1:{port}/dev/messages", timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.2)
        assert response.status_code == 200 and response.json() == {"messages": []}
    finally:
        proc.terminate()
        stderr = proc.communicate(timeout=30)[1]
    assert (tmp_path / "s.db").exists()
    assert stderr.count("Warning: dev delivery") == 1  # dev chosen explicitly: said at start


def test_serve_with_workers_starts_each_with_the_settings_and_the_db(
    tmp_path: Path,
) -> None:
    port = free_port()
    config = tmp_path / "central.toml"
    config.write_text('delivery_backend = "dev"\n', encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "central", "serve", "--db", str(tmp_path / "w.db"),
         "--port", str(port), "--workers", "2"],
        cwd=ROOT, env=environ | {"VIC_CENTRAL_CONFIG": str(config)},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        answers: list[requests.Response] = []
        while len(answers) < 20:
            try:
                answers.append(requests.get(f"http://127.0.0.1:{port}/dev/messages", timeout=5))
            except requests.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.2)
        # dev routes exist only with the TOML's delivery backend; the schema is the --db file's
        assert {(a.status_code, a.text) for a in answers} == {(200, '{"messages":[]}')}
    finally:
        proc.terminate()
        stderr = proc.communicate(timeout=30)[1]
    assert stderr.count("Application startup complete") == 2  # one per worker
    assert "Traceback" not in stderr


def test_serve_refuses_zero_workers(tmp_path: Path) -> None:
    done = cli("serve", "--db", str(tmp_path / "z.db"), "--workers", "0")
    assert done.returncode == 2 and "--workers must be 1 or more" in done.stderr


def test_serve_refuses_live_delivery_without_its_relay_and_gateway(tmp_path: Path) -> None:
    """The default delivery is live: a bare ``serve`` must not quietly publish
    every code at /dev/messages, nor start without a way to send them."""
    done = cli("serve", "--db", str(tmp_path / "l.db"), "--port", str(free_port()))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "VIC_CENTRAL_SMTP_HOST" in done.stderr and "VIC_CENTRAL_SMS_HTTP_URL" in done.stderr
    assert "VIC_CENTRAL_CODE_KEY" in done.stderr
    assert "VIC_CENTRAL_DELIVERY_BACKEND=dev" in done.stderr
    half = cli("serve", "--db", str(tmp_path / "l.db"), env={"VIC_CENTRAL_SMTP_HOST": "mx"})
    assert half.returncode == 2 and "VIC_CENTRAL_SMTP_HOST" not in half.stderr
    assert not (tmp_path / "l.db").exists()


def test_production_refuses_http_links_and_the_demo_in_one_sentence(tmp_path: Path) -> None:
    live = {
        "VIC_CENTRAL_PRODUCTION": "true",
        "VIC_CENTRAL_SMTP_HOST": "mx.vic.kz",
        "VIC_CENTRAL_SMS_HTTP_URL": "https://sms.example/send",
    }
    http = cli("serve", "--db", str(tmp_path / "p.db"), env=live)
    assert http.returncode == 2 and http.stderr.count("\n") == 1
    assert "public_base_url" in http.stderr and "https://" in http.stderr
    demo = cli("demo", "--data-dir", str(tmp_path / "demo"), "--no-serve", env=live)
    assert (demo.returncode, demo.stderr.count("\n")) == (2, 1)
    assert "VIC_CENTRAL_PRODUCTION" in demo.stderr and not (tmp_path / "demo").exists()


def test_import_of_a_cell_over_128_kb_is_one_sentence(tmp_path: Path) -> None:
    csv = tmp_path / "big.csv"
    csv.write_text(
        "phone,email,name,contract number,product,start date,end date,premium\n"
        f"+77011234567,a@mail.ru,{'x' * 140_000},N-1,P,2026-01-01,2026-12-31,1\n",
        encoding="utf-8",
    )
    done = cli("import-policies", "--db", str(tmp_path / "c.db"), str(csv))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "line 2" in done.stderr and "128 KB" in done.stderr


def test_the_database_file_and_its_folder_are_the_owners_alone(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    assert cli("migrate", "--db", str(folder / "central.db")).returncode == 0
    assert stat.S_IMODE((folder / "central.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    demo = tmp_path / "demo"
    assert cli("demo", "--data-dir", str(demo), "--no-serve").returncode == 0
    assert stat.S_IMODE(demo.stat().st_mode) == 0o700
    assert {stat.S_IMODE(f.stat().st_mode) for f in demo.iterdir()} == {0o600}
