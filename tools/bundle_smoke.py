"""Smoke test of an installed terminal (the PyInstaller bundle, or a wheel's
``vic-kiosk`` script) against a real local central, as an IT team would try it:

1. ``vic-kiosk --version`` prints the one version number;
2. ``enroll`` and ``status`` against a central started here on loopback;
3. the app starts offscreen and paints its first screen (``--smoke``), timed
   from process start to that paint, beside ``python main.py --smoke`` in the
   same run when ``--compare-source`` is given.

Usage: ``python tools/bundle_smoke.py dist/vic-kiosk/vic-kiosk [--compare-source]``.
Exits non-zero with one sentence on the first failure. The central runs from this
checkout's Python (the bundle holds no server).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60
PAINT_RUNS = 3
CODE = re.compile(r"([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")


class SmokeFailed(Exception):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(cmd: list[str], env: dict[str, str], what: str) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=START_TIMEOUT_S)
    if done.returncode != 0 or "Traceback" in done.stderr:
        raise SmokeFailed(f"{what} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout


def terminal_env(folder: Path, central_url: str) -> dict[str, str]:
    config = folder / "kiosk.toml"
    config.write_text(
        f'central_url = "{central_url}"\nmode = "clerk"\nterminal_name = "smoke"\n'
        f'data_dir = "{folder / "data"}"\nlog_dir = "{folder / "log"}"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIC_")}
    env |= {
        "VIC_KIOSK_CONFIG": str(config),
        "QT_QPA_PLATFORM": "offscreen",
        # no Secret Service here: keyrings.alt's file backend, in the smoke's folder
        "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
        "XDG_DATA_HOME": str(folder / "xdg"),
    }
    return env


def time_to_first_paint_s(cmd: list[str], env: dict[str, str]) -> float:
    """Median wall time from spawning ``cmd --smoke`` to its "first paint" line."""
    times = []
    for _ in range(PAINT_RUNS):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, "--smoke"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        painted = time.perf_counter() - started
        _out, err = proc.communicate(timeout=START_TIMEOUT_S)
        if "first paint" not in line or proc.returncode != 0:
            raise SmokeFailed(f"the app did not paint its first screen: {err.strip()[-500:]}")
        times.append(painted)
    return statistics.median(times)


def smoke(program: list[str], compare_source: bool) -> None:
    from vic_rules.version import VERSION

    with tempfile.TemporaryDirectory(prefix="vic-smoke-") as tmp:
        folder = Path(tmp)
        version = run([*program, "--version"], dict(os.environ), "--version").strip()
        if version != f"vic-kiosk {VERSION}":
            raise SmokeFailed(f"--version printed {version!r}, expected 'vic-kiosk {VERSION}'")
        print(f"ok  {version}")

        port = free_port()
        central_env = {k: v for k, v in os.environ.items() if not k.startswith("VIC_")}
        central_env["VIC_CENTRAL_DELIVERY_BACKEND"] = "dev"
        db = str(folder / "central.db")
        central_cmd = [sys.executable, "-m", "central"]
        added = run([*central_cmd, "terminals", "add", "--db", db, "--name", "smoke",
                     "--branch", "smoke"], central_env, "terminals add")  # fmt: skip
        code = CODE.search(added)
        if code is None:
            raise SmokeFailed("the central printed no enrollment code")
        server = subprocess.Popen(
            [*central_cmd, "serve", "--db", db, "--port", str(port)],
            env=central_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            env = terminal_env(folder, url)
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SmokeFailed("the local central did not start") from None
                    time.sleep(0.2)
            run([*program, "enroll", code.group(1), "--central", url], env, "enroll")
            print("ok  enroll")
            status = run([*program, "status"], env, "status")
            print("ok  status: " + " | ".join(status.strip().splitlines()))
            painted = time_to_first_paint_s(program, env)
            print(f"ok  first paint after {painted * 1000:.0f} ms (median of {PAINT_RUNS})")
            if compare_source:
                source = time_to_first_paint_s([sys.executable, str(ROOT / "main.py")], env)
                print(
                    f"    python main.py: {source * 1000:.0f} ms; "
                    f"installed / source = {painted / source:.2f}x"
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="smoke test of an installed terminal")
    parser.add_argument("program", help="the bundle's executable, or a venv's vic-kiosk")
    parser.add_argument("--compare-source", action="store_true")
    args = parser.parse_args(argv)
    try:
        smoke([str(Path(args.program).resolve())], args.compare_source)
    except (SmokeFailed, subprocess.TimeoutExpired) as exc:
        print(f"smoke test failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
