"""The terminal's log file handler: rotating, its files created 0600.

Apart from ``kiosk.log`` because ``logging.handlers`` (with the socket, pickle
and queue modules it imports) is only needed once the file is opened, which the
app does after its first screen is painted (docs/performance.md §1).
"""

from __future__ import annotations

import os
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from kiosk.log import LOG_FILE_MODE, tighten


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating file handler whose files are created 0600 (not 0644 by umask)."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, LOG_FILE_MODE)
        tighten(Path(self.baseFilename), LOG_FILE_MODE)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)
