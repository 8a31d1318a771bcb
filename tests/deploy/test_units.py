"""The systemd units in deploy/ are ones systemd accepts as written.

``systemd-analyze verify`` refuses a unit whose program is missing, and the
kiosk's (cage, the bundle) and the central's (its venv) are not installed on
this machine: each such path is pointed at a stand-in executable in a
temporary folder, and nothing else of the unit is changed. Any line systemd
prints (an unknown key, a bad value) fails the test, not only a non-zero exit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = [DEPLOY / "linux-kiosk" / "vic-kiosk.service", DEPLOY / "central" / "vic-central.service"]
ANALYZE = shutil.which("systemd-analyze")
MISSING_HERE = (
    "/usr/bin/cage",
    "/opt/vic-kiosk/vic-kiosk",
    "/opt/vic-central/venv/bin/vic-central",
)

pytestmark = pytest.mark.skipif(ANALYZE is None, reason="systemd-analyze is not installed here")


def _with_stand_ins(unit: Path, folder: Path) -> Path:
    text = unit.read_text(encoding="utf-8")
    for program in MISSING_HERE:
        if Path(program).exists() or program not in text:
            continue
        stand_in = folder / program.strip("/").replace("/", "_")
        stand_in.write_text("#!/bin/sh\n", encoding="utf-8")
        stand_in.chmod(0o755)
        text = text.replace(program, str(stand_in))
    copy = folder / unit.name
    copy.write_text(text, encoding="utf-8")
    return copy


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.name)
def test_systemd_accepts_the_unit(unit: Path, tmp_path: Path) -> None:
    assert ANALYZE is not None
    copy = _with_stand_ins(unit, tmp_path)
    done = subprocess.run(
        [ANALYZE, "verify", "--man=no", str(copy)], capture_output=True, text=True, timeout=60
    )
    said = (done.stdout + done.stderr).strip()
    assert done.returncode == 0 and not said, said


def test_a_misspelt_key_is_caught(tmp_path: Path) -> None:
    """The check above can fail: systemd's warnings are read, not only its exit code."""
    assert ANALYZE is not None
    broken = tmp_path / "broken.service"
    broken.write_text("[Service]\nExecStart=/bin/true\nWatchdogSc=30\n", encoding="utf-8")
    done = subprocess.run(
        [ANALYZE, "verify", "--man=no", str(broken)], capture_output=True, text=True, timeout=60
    )
    assert "Unknown key" in done.stdout + done.stderr


def _settings(unit: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in unit.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\w+)=(.*)$", line):
            found[m.group(1)] = m.group(2)
    return found


def test_the_central_runs_hardened_as_its_own_user() -> None:
    central = _settings(DEPLOY / "central" / "vic-central.service")
    assert central["User"] == "vic-central"
    assert central["ProtectSystem"] == "strict"
    assert central["NoNewPrivileges"] == "yes"
    assert central["CapabilityBoundingSet"] == ""
    assert "serve" in central["ExecStart"] and "--workers" in central["ExecStart"]


def test_the_kiosk_restarts_on_crash_and_hang() -> None:
    kiosk = _settings(DEPLOY / "linux-kiosk" / "vic-kiosk.service")
    assert kiosk["Restart"] == "always"
    assert kiosk["Type"] == "notify" and kiosk["NotifyAccess"] == "all"
    assert kiosk["WatchdogSec"] == "30"
    assert "StartLimitBurst" in kiosk
    assert "-u WATCHDOG_PID" in kiosk["ExecStart"]
