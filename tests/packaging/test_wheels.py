"""The shipped wheels, installed as an IT team would: each into a fresh venv
outside the checkout, from the wheels alone (dependencies from the package
index), then run. A terminal's install holds no server; the central's holds no
Qt; each knows its version; the terminal paints its first screen in demo mode
only when the demo extra is installed; the central migrates, serves and is ready.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from central.server import free_port
from tools.build_wheels import build
from vic_rules.version import VERSION

INSTALL_TIMEOUT_S = 600
RUN_TIMEOUT_S = 120


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    build(out)
    return out


def clean_env(home: Path) -> dict[str, str]:
    """No trace of the checkout or its venv; a home folder of the test's own."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("VIC_", "PYTHON", "VIRTUAL_ENV", "XDG_")) and k != "PATH"
    }
    return env | {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip")),
        "QT_QPA_PLATFORM": "offscreen",
    }


class Venv:
    def __init__(self, folder: Path, wheels: Path) -> None:
        self.folder = folder
        self.wheels = wheels
        self.env = clean_env(folder / "home")
        subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
        self.bin = folder / "venv" / "bin"

    def run(
        self, *args: str, timeout: float = RUN_TIMEOUT_S, **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]], cwd=self.folder, env=self.env | env,
            capture_output=True, text=True, timeout=timeout,
        )  # fmt: skip

    def install(self, *specs: str) -> None:
        done = self.run(
            "python", "-m", "pip", "install", "-q", "--find-links", str(self.wheels), *specs,
            timeout=INSTALL_TIMEOUT_S,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]

    def importable(self, module: str) -> bool:
        code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
        return self.run("python", "-c", code).returncode == 0


@pytest.fixture
def venv(tmp_path: Path, wheels: Path) -> Venv:
    return Venv(tmp_path, wheels)


def test_the_terminal_installs_without_the_server_and_paints_its_demo(venv: Venv) -> None:
    venv.install("vic-kiosk")
    version = venv.run("vic-kiosk", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"vic-kiosk {VERSION}")
    for server_part in ("central", "fastapi", "uvicorn", "alembic", "nacl", "psycopg"):
        assert not venv.importable(server_part), f"{server_part} came with the terminal"

    without_demo = venv.run("vic-kiosk", "--demo", "--smoke")
    assert without_demo.returncode != 0
    assert "Traceback" not in without_demo.stderr

    venv.install("vic-kiosk[demo]")
    painted = venv.run("vic-kiosk", "--demo", "--smoke")
    assert painted.returncode == 0, painted.stderr[-3000:]
    assert "first paint" in painted.stdout
    assert "Traceback" not in painted.stderr


@pytest.fixture
def central_venv(venv: Venv) -> Iterator[Venv]:
    venv.install("vic-central")
    yield venv


def test_the_central_installs_without_qt_migrates_and_serves(central_venv: Venv) -> None:
    venv = central_venv
    version = venv.run("vic-central", "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"vic-central {VERSION}")
    assert not venv.importable("PySide6")
    assert not venv.importable("ui") and not venv.importable("kiosk")

    db = f"sqlite:///{venv.folder / 'central.db'}"
    migrated = venv.run("vic-central", "migrate", "--db", db)
    assert migrated.returncode == 0, migrated.stderr

    port = free_port()
    server = subprocess.Popen(
        [str(venv.bin / "vic-central"), "serve", "--db", db, "--port", str(port)],
        cwd=venv.folder, env=venv.env | {"VIC_CENTRAL_DELIVERY_BACKEND": "dev"},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:
            try:
                ready = requests.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except requests.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"serve did not start: {server.stderr.read() if server.stderr else ''}"
                    )
                time.sleep(0.2)
        assert ready.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
