"""``kiosk/`` is the terminal without its screens: importing it must never load Qt.

Runs in a fresh interpreter because this test process may already have Qt loaded
(the ui tests). Every module found under ``kiosk/`` is imported, including ones
added after this test was written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib, json, pkgutil, sys
import kiosk

def qt_loaded():
    return sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))

found = {}
names = ["kiosk"] + [m.name for m in pkgutil.walk_packages(kiosk.__path__, "kiosk.")]
for name in names:
    importlib.import_module(name)
    if qt_loaded() and not found:
        found = {"first_culprit": name, "qt": qt_loaded()}
print(json.dumps({"modules": names, **found}))
"""


def test_importing_every_kiosk_module_loads_no_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "kiosk.config" in report["modules"]
    assert "kiosk.flows.login" in report["modules"]
    assert "first_culprit" not in report, f"{report['first_culprit']} loads {report['qt']}"
