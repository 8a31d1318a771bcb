"""Entry point of the branch terminal: the app, and the operator sub-commands."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args:
        from kiosk.cli import run_cli

        return run_cli(args)
    from ui.app import run_app

    return run_app()


if __name__ == "__main__":
    sys.exit(main())
