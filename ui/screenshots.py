"""Render every screen to PNG, in clerk and kiosk mode and in ru/kk/en.

``python -m ui.screenshots DIR`` (``make screenshots``) starts a throw-away
central on SQLite, drives real flows into realistic states (typed values, a
validation message, a wrong code with its countdowns) and saves
``DIR/<mode>/<lang>/<nn>_<screen>.png`` via ``QWidget.grab()``. ``--pseudo``
adds a ``pseudo`` language that makes every string ~40% longer, to show what
clips. Run with ``QT_QPA_PLATFORM=offscreen``. A developer tool: it calls the
blocking flow methods directly, no client is waiting.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.app import make_dependencies, style_sheet
from ui.background import runner
from ui.main_window import MainWindow

WINDOW_SIZES_PX: dict[str, tuple[int, int]] = {"clerk": (1024, 768), "kiosk": (1280, 1024)}
PSEUDO_STRETCH = 0.4
VOWELS = str.maketrans({v: v + v for v in "aeiouyAEIOUаеёиоуыэюяәіөүұ"})


def pseudo(text: str) -> str:
    """``text`` with vowels doubled (~40% longer), placeholders and escapes kept."""
    parts = text.split("%1")
    stretched = "%1".join(p.translate(VOWELS) for p in parts)
    return f"[{stretched}]"


class PseudoTranslator(QTranslator):
    """Every English source string, stretched: a stress test for layouts."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


@contextmanager
def local_central() -> Iterator[tuple[object, str]]:
    """A central on a temporary SQLite file and a terminal token for it."""
    from sqlalchemy.orm import Session

    from central.core.config import Settings
    from central.core.security import hash_token, new_token
    from central.models import Terminal, utcnow
    from central.server import EmbeddedCentral

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{tmp}/central.db", delivery_backend="dev")
        with EmbeddedCentral(settings) as central:
            token = new_token()
            with Session(central.engine) as session, session.begin():
                session.add(
                    Terminal(
                        name="Screenshots",
                        branch="Almaty",
                        token_hash=hash_token(token),
                        enrolled_at=utcnow(),
                    )
                )
            yield central, token


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")


def set_language(lang: str, pseudo_translator: QTranslator) -> None:
    QCoreApplication.removeTranslator(pseudo_translator)
    if lang == "pseudo":
        i18n.set_language("en")
        QCoreApplication.installTranslator(pseudo_translator)
    else:
        i18n.set_language(lang)


def render_mode(window: MainWindow, out: Path, run: int) -> list[Path]:
    """Every screen of ``window`` in its realistic state, in the current language.

    ``run`` makes the phone and email unique, so each run registers afresh.
    """
    flow = window.ctx.registration
    saved: list[Path] = []

    def shot(name: str, index: int) -> None:
        path = out / f"{index:02d}_{name}.png"
        save(window, path)
        saved.append(path)

    window.go_home()
    shot("welcome", 1)

    reg = window.screen_named("registration")
    window.show_screen("registration")
    reg.email.setText("aigerim@gmial.com")  # type: ignore[attr-defined]
    reg._check_email()  # type: ignore[attr-defined]
    reg.phone.setText("8701123")  # type: ignore[attr-defined]
    reg._check_phone()  # type: ignore[attr-defined]
    shot("registration", 2)

    window.go_home()
    flow.submit_details(f"aigerim{run}@gmail.com", f"8 701 123 45 {run:02d}", True)
    window.show_screen("check_details")
    shot("check_details", 3)

    flow.send()
    window.show_screen(flow.step.value)
    code = window.screen_named("code_entry")
    if flow.step.value == "code_entry":
        flow.confirm_code("000000")
        code.code.setText("000000")  # type: ignore[attr-defined]
        code._confirmed(flow.step)  # type: ignore[attr-defined]
    shot(flow.step.value, 4)

    from ui.screens.success import SuccessDialog

    dialog = SuccessDialog(window)
    dialog.show()
    save(dialog, out / "05_success_popup.png")
    saved.append(out / "05_success_popup.png")
    dialog.close()
    dialog.deleteLater()

    window.show_screen("already_registered")
    shot("already_registered", 6)
    window.show_screen("saved_offline")
    shot("saved_offline", 7)
    others = [n for n in window.screen_names if n not in _MINE]
    for index, name in enumerate(others, start=8):
        window.go_home()
        window.show_screen(name)
        shot(name, index)
    window.go_home()
    return saved


_MINE = {
    "welcome",
    "registration",
    "check_details",
    "code_entry",
    "already_registered",
    "saved_offline",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render every screen to PNG.")
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--pseudo", action="store_true", help="also a ~40%% longer pseudo-locale")
    parser.add_argument("--modes", default="clerk,kiosk")
    parser.add_argument("--langs", default="ru,kk,en")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    pseudo_translator = PseudoTranslator(app)
    langs = args.langs.split(",") + (["pseudo"] if args.pseudo else [])
    from kiosk.client import CentralClient
    from kiosk.outbox import Outbox

    count = 0
    with local_central() as (central, token), tempfile.TemporaryDirectory() as tmp:
        url = central.url  # type: ignore[attr-defined]
        for mode in args.modes.split(","):
            kiosk_mode = mode == "kiosk"
            app.setStyleSheet(style_sheet(kiosk_mode))
            for lang in langs:
                set_language(lang, pseudo_translator)
                client = CentralClient(url, terminal_token=token, locale="ru")
                outbox = Outbox(Path(tmp) / f"{mode}-{lang}.db", os.urandom(32))
                window = MainWindow(make_dependencies(client, outbox, kiosk_mode=kiosk_mode))
                window.resize(*WINDOW_SIZES_PX[mode])
                window.show()
                count += len(render_mode(window, args.out / mode / lang, run=10 + count % 90))
                runner().wait_for_done()
                window.close()
                window.deleteLater()
                settle()
                outbox.close()
                client.close()
    set_language("ru", pseudo_translator)
    print(f"{count} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
