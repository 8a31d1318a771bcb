"""Running ``bench.gui_app`` in a child process and reading its result line."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from typing import Any

from bench.common import PYTHON, ROOT

GUI_TIMEOUT_S = 900.0
RESULT_PREFIX = "RESULT "
PARTIAL_PREFIX = "PARTIAL "


def gui_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def run_gui(
    mode: str, extra: Sequence[str] = (), timeout_s: float = GUI_TIMEOUT_S
) -> tuple[dict[str, Any], float]:
    """(the child's result, seconds from spawning it to reading the result line).

    A child that dies before its result gives its last ``PARTIAL`` line instead,
    with ``crash`` set to how it died (the last lines of its stderr)."""
    started = time.monotonic()
    # stderr to a file: a pipe nobody reads until the end fills up with Qt's notices
    # and blocks the child in the middle of a long run
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        proc = subprocess.Popen(
            [PYTHON, "-m", "bench.gui_app", mode, *extra],
            cwd=ROOT,
            env=gui_env(),
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        result: dict[str, Any] | None = None
        last_partial: dict[str, Any] | None = None
        elapsed_s = 0.0
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith(PARTIAL_PREFIX):
                    last_partial = json.loads(line[len(PARTIAL_PREFIX) :])
                if line.startswith(RESULT_PREFIX):
                    elapsed_s = time.monotonic() - started
                    result = json.loads(line[len(RESULT_PREFIX) :])
                    break
            proc.communicate(timeout=timeout_s)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            errors.seek(0)
            err = errors.read()
    if result is None and last_partial is not None:
        fatal = [ln for ln in err.splitlines() if "Fatal" in ln or "Error" in ln][:3]
        crash = f"exit {proc.returncode}: " + (" | ".join(fatal) or err[-500:])
        return {**last_partial, "crash": crash}, time.monotonic() - started
    if result is None:
        raise RuntimeError(
            f"bench.gui_app {mode} gave no result (exit {proc.returncode}): {err[-3000:]}"
        )
    return result, elapsed_s
