"""``python -m central``: the operator's command line (see ``central.cli``)."""

from __future__ import annotations

import sys

from central.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
