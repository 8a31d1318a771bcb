"""Start the terminal's window: config, central connection, style, language, mode.

``run_app()`` is what ``main.py`` calls. Without a configuration file the
terminal runs in demo mode: ``kiosk.demo.start_demo`` (when present) starts an
embedded central and returns a ready client and outbox; until then the central
URL comes from ``VIC_KIOSK_CENTRAL_URL`` and the token from
``VIC_KIOSK_TERMINAL_TOKEN``. Set-up happens before the window exists, so no
shown widget ever waits on it.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import i18n
from ui.background import runner
from ui.main_window import Dependencies, MainWindow

log = logging.getLogger(__name__)

STYLES_DIR = Path(__file__).resolve().parent.parent / "resources" / "styles"
CLERK_WINDOW_SIZE_PX = (1100, 800)


def style_sheet(kiosk_mode: bool) -> str:
    """app.qss, plus kiosk.qss (larger text) in kiosk mode."""
    names = ["app.qss", "kiosk.qss"] if kiosk_mode else ["app.qss"]
    return "\n".join((STYLES_DIR / n).read_text(encoding="utf-8") for n in names)


def make_dependencies(
    client: Any, outbox: Any, config: Any = None, *, kiosk_mode: bool = False
) -> Dependencies:
    """Real flows around ``client`` and ``outbox`` (used by the app and by tests)."""
    from kiosk.flows.login import LoginFlow
    from kiosk.flows.registration import RegistrationFlow

    locale = getattr(config, "default_locale", "ru")
    regions = getattr(config, "allowed_regions", ("KZ",))
    operator = None if kiosk_mode else getattr(config, "terminal_name", None)
    return Dependencies(
        registration=RegistrationFlow(
            client, outbox, locale=locale, operator=operator, regions=regions
        ),
        login=LoginFlow(client, locale=locale),
        client=client,
        outbox=outbox,
        config=config,
        kiosk_mode=kiosk_mode,
    )


def _connect(config: Any) -> tuple[Any, Any]:
    """(client, outbox) for ``config``: demo central, or the configured one."""
    from kiosk.client import CentralClient
    from kiosk.credentials import Credentials, demo_credentials
    from kiosk.outbox import Outbox

    if config.demo:
        try:
            from kiosk import demo  # type: ignore[attr-defined]
        except ImportError:
            demo = None
        if demo is not None:
            started = demo.start_demo(config)
            return started.client, started.outbox
        url = os.environ.get("VIC_KIOSK_CENTRAL_URL", "")
        if not url:
            raise SystemExit(
                "Demo mode needs kiosk/demo.py or VIC_KIOSK_CENTRAL_URL with a running central."
            )
        creds = demo_credentials(config.data_dir)
        client = CentralClient(url, terminal_token=os.environ.get("VIC_KIOSK_TERMINAL_TOKEN"))
    else:
        creds = Credentials(config.terminal_name)
        client = CentralClient(
            config.central_url,
            terminal_token=creds.terminal_token(),
            connect_timeout_s=config.connect_timeout_s,
            read_timeout_s=config.read_timeout_s,
        )
    outbox = Outbox(
        config.data_dir / "outbox.db",
        creds.outbox_key(),
        capacity=config.outbox_capacity,
        retention_s=config.outbox_retention_s,
    )
    return client, outbox


def run_app(argv: Sequence[str] | None = None) -> int:
    from kiosk.config import ConfigError, load_config

    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("Victoria kiosk")
    try:
        config = load_config()
    except ConfigError as exc:
        QMessageBox.critical(None, "Victoria kiosk", str(exc))
        return 2
    kiosk_mode = config.mode == "kiosk"
    app.setStyleSheet(style_sheet(kiosk_mode))
    try:
        i18n.set_language(config.default_locale)
    except i18n.TranslationMissing as exc:
        log.warning("%s", exc)
    client, outbox = _connect(config)
    window = MainWindow(make_dependencies(client, outbox, config, kiosk_mode=kiosk_mode))
    if kiosk_mode:
        window.showFullScreen()
    else:
        window.resize(*CLERK_WINDOW_SIZE_PX)
        window.show()
    code = app.exec()
    runner().wait_for_done()
    return int(code)
