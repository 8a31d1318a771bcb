"""Entry point of the branch terminal: the app, and the operator sub-commands."""

from __future__ import annotations

import gc
import sys


def prepare_start_up() -> None:
    """Before the app's first window: no cyclic GC, Qt-free modules before PySide6.

    Up to the first paint the app only creates what lives as long as it does
    (modules, classes, widgets): the collections the garbage collector would run
    meanwhile free nothing and cost time (docs/performance.md §1). ``ui.app.Shell``
    turns it back on once the first screen is up.

    Once imported, PySide6 reads the source of every module imported after it (to
    look for ``from __feature__``): for these, and the standard modules they pull
    in (logging.handlers brings socket, pickle, queue), that is time on the way to
    the first paint, for nothing (docs/performance.md §1).
    """
    gc.disable()
    import kiosk.config
    import kiosk.log  # noqa: F401


DEMO_FLAG = "--demo"
SMOKE_FLAG = "--smoke"
APP_FLAGS = frozenset({DEMO_FLAG, SMOKE_FLAG})


def main(argv: list[str] | None = None) -> int:
    """No arguments: the app, configured by its file (which must exist).
    ``--demo``: the app as a demo with its own central (``make run`` asks for it).
    ``--smoke``: the app until its terminal has opened, then exit (0 opened, 1 not):
    how an install is checked. ``--version``: the version.
    Anything else: an operator command (``kiosk.cli``)."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        from vic_rules.version import VERSION

        print(f"vic-kiosk {VERSION}")
        return 0
    if args and not set(args) <= APP_FLAGS:
        from kiosk.cli import run_cli

        return run_cli(args)
    prepare_start_up()
    from ui.app import run_app
    from vic_demo import start_demo  # imports the central only when demo mode starts

    return run_app(demo=DEMO_FLAG in args, smoke=SMOKE_FLAG in args, start_demo=start_demo)


if __name__ == "__main__":
    sys.exit(main())
