"""Benchmark 1, start-up: from spawning the process to the first screen painted
and accepting input (the main window's first paint, then a zero-timer run by
the event loop), for the real app (``ui.app.Shell`` as ``run_app`` assembles it
for a clerk terminal: configuration, logging, style, language, the main window
with its welcome screen and the operator's dialog; the terminal opens off the
GUI thread after that first paint, so it is not part of the figure: the client
can read and tap the first screen meanwhile), against a bare PySide6 window
process measured the same way, interleaved, in the same run.

The terminal is configured (a central URL, a token in a file keyring), so no
demo central is started. Before timing, the project's modules are compiled to
bytecode: what the warm-up runs would leave behind on any machine but this
shared one, which sets PYTHONDONTWRITEBYTECODE (so each start would otherwise
compile the app's modules from source (docs/performance.md §1), and none of the
bare window's); an installed terminal has them from pip.
Target: median app <= 1.3x median bare window; at least 5 runs each.
"""

from __future__ import annotations

import compileall

from bench.common import ROOT, Outcome, median
from bench.gui_common import run_gui

RATIO_TARGET = 1.3
RUNS_FULL = 9
RUNS_QUICK = 3  # the smoke test; the figure needs the full run


def compile_bytecode() -> None:
    """The app's and the bench's own modules to ``__pycache__`` (see the module docstring)."""
    for folder in ("bench", "kiosk", "ui"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "main.py", quiet=1)


def run(quick: bool = False) -> Outcome:
    out = Outcome("startup")
    runs = RUNS_QUICK if quick else RUNS_FULL
    compile_bytecode()
    run_gui("bare")  # warm the disk cache for both before timing
    run_gui("app")
    bare_s: list[float] = []
    app_s: list[float] = []
    app_rss: list[float] = []
    for _ in range(runs):
        _, elapsed = run_gui("bare")
        bare_s.append(elapsed)
        result, elapsed = run_gui("app")
        app_s.append(elapsed)
        app_rss.append(float(result["rss_mb"]))
    out.figure("runs each (interleaved)", str(runs))
    out.figure(
        "bare window: median (min..max)",
        f"{median(bare_s) * 1000:.0f} ms ({min(bare_s) * 1000:.0f}..{max(bare_s) * 1000:.0f})",
    )
    out.figure(
        "app main window: median (min..max)",
        f"{median(app_s) * 1000:.0f} ms ({min(app_s) * 1000:.0f}..{max(app_s) * 1000:.0f})",
    )
    out.figure("app resident memory at first paint", f"{median(app_rss):.0f} MB")
    ratio = median(app_s) / median(bare_s)
    out.check(
        "start-up, app / bare window",
        f"<= {RATIO_TARGET:g}x",
        f"{ratio:.2f}x",
        ratio <= RATIO_TARGET,
    )
    return out
