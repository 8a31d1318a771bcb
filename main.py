"""Entry point of the branch terminal: the app, and the operator sub-commands."""

from __future__ import annotations

import sys


def import_before_qt() -> None:
    """Import the app's Qt-free start-up modules before PySide6.

    Once imported, PySide6 reads the source of every module imported after it (to
    look for ``from __feature__``): for these, and the standard modules they pull
    in (logging.handlers brings socket, pickle, queue), that is ~10 ms on the way
    to the first paint, for nothing.
    """
    import kiosk.config
    import kiosk.log  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        from kiosk.cli import run_cli

        return run_cli(args)
    import_before_qt()
    from ui.app import run_app

    return run_app()


if __name__ == "__main__":
    sys.exit(main())
