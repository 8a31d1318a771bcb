"""Render every screen to PNG, in clerk and kiosk mode and in ru/kk/en.

``python -m tools.screenshots DIR`` (``make screenshots``) starts a throw-away
central on SQLite seeded with the demo clients (``central.demo``), drives real
flows into realistic states (typed values, a validation message, a wrong code
with its countdowns, a wrong password, a temporary-password login, loaded
contracts, an offline capture in a real outbox) and saves
``DIR/<mode>/<lang>/<nn>_<name>.png`` via ``QWidget.grab()``. A number always
names the same picture; the clerk panel exists only in clerk mode, the idle
prompt, the admin dialogs and the demo window only in kiosk mode. Dialogs are
drawn over their dimmed window, as the client sees them. ``--pseudo`` adds a
``pseudo`` language that makes every string ~40% longer, to show what clips.
Run with ``QT_QPA_PLATFORM=offscreen``. A developer tool: it calls the blocking
flow methods directly, no client is waiting.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from ui import i18n
from ui.app import DEMO_WINDOW_SIZE_PX, make_dependencies, style_sheet
from ui.background import runner
from ui.main_window import MainWindow

WINDOW_SIZES_PX: dict[str, tuple[int, int]] = {"clerk": (1024, 768), "kiosk": (1280, 1024)}
PSEUDO_STRETCH = 0.4
VOWELS = str.maketrans({v: v + v for v in "aeiouyAEIOUаеёиоуыэюяәіөүұ"})
WAIT_S = 30.0
UNREACHABLE_URL = "http://127.0.0.1:9"  # the discard port: refused at once
ONLINE_CSV_HEADER = "phone,email,name,contract number,product,start date,end date,premium,currency"
TEMP_PASSWORD_RE = re.compile(r"(?:пароль|құпиясөз|password):\s*(\S+)", re.IGNORECASE)
PARTLY_TYPED_PASSWORD = "Aqzhibekk"  # long enough, both cases; no digit, no special yet


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
def local_central() -> Iterator[tuple[Any, str]]:
    """A central on a temporary SQLite file with the demo clients, and a terminal token."""
    from sqlalchemy.orm import Session

    from central.core.config import Settings
    from central.core.security import hash_token, new_token
    from central.demo import prepare_demo
    from central.models import Terminal, utcnow
    from central.server import EmbeddedCentral

    with tempfile.TemporaryDirectory() as tmp:
        database_url = f"sqlite:///{tmp}/central.db"
        prepare_demo(database_url)  # online-purchase clients, each emailed a temporary password
        settings = Settings(
            database_url=database_url,
            delivery_backend="dev",
            documents_dir=f"{tmp}/documents",  # claims' documents: never the user's data folder
            # one wrong and two right logins and a reset per mode and language
            logins_per_login_per_hour=1000,
            password_resets_per_login_per_hour=1000,
        )
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


def wait_for_background(timeout_s: float = WAIT_S) -> None:
    """Let every background op finish and deliver its result on this (GUI) thread."""
    deadline = time.monotonic() + timeout_s
    while True:
        runner().wait_for_done(int(timeout_s * 1000))
        settle()
        if not runner().is_busy:
            return
        if time.monotonic() > deadline:
            raise SystemExit("background work did not finish")


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


MAILBOX_WAIT_S = 5.0


def online_client(central: Any, number: int) -> str:
    """A client who bought policies online (the seed's point 5), imported as the
    insurer's CSV is: an active account with an active and an expired contract,
    emailed a temporary password. One per run: a temporary password works once,
    and a reset by SMS code (contract v1.1) emails none."""
    from central.core.db import make_session_factory
    from central.importer import import_text

    email = f"aigerim.online{number}@mail.ru"
    phone = f"+7 701 555 {number // 100 % 100:02d} {number % 100:02d}"
    text = "\n".join(
        [
            ONLINE_CSV_HEADER,
            f"{phone},{email},Айгерим,VIC-{number}-1,КАСКО,2026-03-01,2031-02-28,185000.00,KZT",
            f"{phone},{email},Айгерим,VIC-{number}-2,ОГПО ВТС,2023-01-10,2024-01-09,14500.00,KZT",
        ]
    )
    report = import_text(make_session_factory(central.engine), central.settings, text + "\n")
    if report.errors:
        raise SystemExit(f"the online client was not imported: {report.errors}")
    return email


def temporary_password(client: Any, email: str, used: set[str]) -> str:
    """The newest temporary password emailed to ``email`` (read from the dev mailbox).

    The email shows a moment after the import: the central's sender hashes its
    password first.
    """
    deadline = time.monotonic() + MAILBOX_WAIT_S
    while time.monotonic() < deadline:
        for message in reversed(client.dev_messages(to=email)):
            match = TEMP_PASSWORD_RE.search(str(message.get("body", "")))
            if match and match.group(1) not in used:
                used.add(match.group(1))
                return match.group(1)
        time.sleep(0.1)
    raise SystemExit(f"no temporary password was emailed to {email}")


def sms_code(client: Any, phone: str) -> str:
    for message in reversed(client.dev_messages(to=phone)):
        found = re.search(r"\b(\d{6})\b", str(message.get("body", "")))
        if message.get("channel") == "sms" and found:
            return found.group(1)
    raise SystemExit(f"no code was sent to {phone}")


@dataclass
class Shots:
    """Where one mode and language go; ``saved`` lists every file written."""

    out: Path
    saved: list[Path] = field(default_factory=list)

    def path(self, index: int, name: str) -> Path:
        path = self.out / f"{index:02d}_{name}.png"
        self.saved.append(path)
        return path

    def shot(self, widget: QWidget, index: int, name: str) -> None:
        save(widget, self.path(index, name))


@dataclass
class Run:
    """One mode and language: the central, a fresh phone and email, used passwords."""

    mode: str
    client: Any
    token: str
    outbox: Any
    number: int
    used_passwords: set[str]
    online_email: str  # this run's client who bought policies online (``online_client``)

    @property
    def kiosk(self) -> bool:
        return self.mode == "kiosk"

    @property
    def size(self) -> tuple[int, int]:
        return WINDOW_SIZES_PX[self.mode]

    def email(self, n: int = 0) -> str:
        return f"aigerim{self.number + n}@gmail.com"

    def phone(self, n: int = 0) -> str:
        return f"8 701 {100 + n} {self.number // 100 % 100:02d} {self.number % 100:02d}"


def render_registration(window: MainWindow, shots: Shots, run: Run, record: Callable) -> None:
    """01–07: welcome, the form with problems, check, a wrong code, success, the outcomes."""
    from kiosk.client import CentralClient
    from kiosk.flows.registration import RegistrationFlow, Step
    from ui.screens.success import SuccessDialog

    flow = window.ctx.registration
    window.go_home()
    shots.shot(window, 1, "welcome")

    reg = window.screen_named("registration")
    window.show_screen("registration")
    reg.email.setText("aigerim@gmial.com")  # type: ignore[attr-defined]
    reg._check_email()  # type: ignore[attr-defined]
    reg.phone.setText("8701123")  # type: ignore[attr-defined]
    reg._check_phone()  # type: ignore[attr-defined]
    reg.email.setFocus()  # type: ignore[attr-defined]
    shots.shot(window, 2, "registration")

    window.go_home()
    flow.submit_details(run.email(), run.phone(), True)
    window.show_screen("check_details")
    shots.shot(window, 3, "check_details")

    window.apply(flow.send())
    code = window.screen_named("code_entry")
    if flow.step is Step.CODE_ENTRY:
        code.code.setText("000000")  # type: ignore[attr-defined]
        code._confirmed(flow.confirm_code("000000"))  # type: ignore[attr-defined]
    shots.shot(window, 4, "code_entry")
    if flow.step is Step.CODE_ENTRY and flow.phone:
        record(flow.confirm_code(sms_code(run.client, flow.phone)))

    dialog = SuccessDialog(window)
    dialog.open()
    settle()
    shots.shot(window, 5, "success_popup")  # an overlay: part of the window
    dialog.dismiss()
    dialog.deleteLater()

    window.go_home()
    flow.submit_details(run.email(), run.phone(), True)  # the same client again
    sent = flow.send()
    flow.apply(sent)
    window.show_screen("already_registered")
    shots.shot(window, 6, "already_registered")
    record(sent)

    offline_client = CentralClient(UNREACHABLE_URL, terminal_token=run.token, locale=flow.locale)
    offline = RegistrationFlow(offline_client, run.outbox, locale=flow.locale)
    offline.submit_details(run.email(1), run.phone(1), True)
    saved = offline.send()  # unreachable: captured in the outbox
    offline.apply(saved)
    window.ctx.registration = offline
    window.show_screen("saved_offline")
    shots.shot(window, 7, "saved_offline")
    record(saved)
    window.go_home()
    window.ctx.registration = flow
    offline_client.close()


def render_login(window: MainWindow, shots: Shots, run: Run) -> None:
    """08–11: a wrong password, the forced change half typed, the change, the contracts."""
    window.go_home()
    window.show_screen("login")
    login = window.screen_named("login")
    login.login_edit.setText(run.online_email)  # type: ignore[attr-defined]
    login.password.setText("Viktoriya2025")  # type: ignore[attr-defined]
    login.submit.click()  # type: ignore[attr-defined]
    wait_for_background()
    shots.shot(window, 8, "login")

    login.password.setText(  # type: ignore[attr-defined]
        temporary_password(run.client, run.online_email, run.used_passwords)
    )
    login.submit.click()  # type: ignore[attr-defined]
    wait_for_background()
    change = window.screen_named("password_change")
    if window.current_screen() is not change:
        raise SystemExit(
            f"the temporary password did not lead to the change: {window.ctx.login.last_error}"
        )
    window.activateWindow()  # the login's popups took the activation: no focus without it
    change.repeat_password.setFocus()  # type: ignore[attr-defined]
    change.new_password.setFocus()  # type: ignore[attr-defined]  # its keyboard opens
    change.new_password.setText(PARTLY_TYPED_PASSWORD)  # type: ignore[attr-defined]
    shots.shot(window, 9, "password_change")

    new = f"Aqzhibek-{run.number}"  # not the insurer's name: the policy refuses that
    change.new_password.setText(new)  # type: ignore[attr-defined]
    change.repeat_password.setText(new)  # type: ignore[attr-defined]
    change.submit.click()  # type: ignore[attr-defined]
    wait_for_background()
    change.to_contracts.click()  # type: ignore[attr-defined]
    wait_for_background()
    shots.shot(window, 10, "contracts")
    window.show_screen("password_change")
    change.pages.setCurrentWidget(change.done_page)  # type: ignore[attr-defined]
    shots.shot(window, 11, "password_changed")
    window.go_home()


def render_password_reset(window: MainWindow, shots: Shots, run: Run) -> None:
    """28–30 (issue 10 §4): «Забыли пароль?» from the login screen, the SMS code with
    the new password half typed under its live checklist, «Пароль изменён». The new
    password is the one the later screens log in with."""
    window.go_home()
    window.show_screen("login")
    login: Any = window.screen_named("login")
    login.login_edit.setText(run.online_email)
    login.forgot.click()
    reset: Any = window.screen_named("password_reset")
    window.activateWindow()
    reset.login_edit.setFocus()  # in kiosk mode: its keyboard
    shots.shot(window, 28, "password_reset")
    reset.submit.click()
    wait_for_background()
    current = window.current_screen()
    if current is None or current.name != "reset_code":
        raise SystemExit(f"no reset code screen: {window.ctx.password_reset.last_error}")
    code: Any = window.screen_named("reset_code")
    phone = f"+7701555{run.number // 100 % 100:02d}{run.number % 100:02d}"  # online_client's
    code.code.setText(_wait_for_code(run.client, phone))  # its first SMS code
    code.new_password.setText("Aqzhibek")  # half typed: the checklist shows what is missing
    code.new_password.setFocus()
    shots.shot(window, 29, "reset_code")
    new = f"Aqzhibek-{run.number}"
    code.new_password.setText(new)
    code.repeat_password.setText(new)
    code.submit.click()
    wait_for_background()
    shots.shot(window, 30, "reset_done")
    window.go_home()


def render_claims(window: MainWindow, shots: Shots, run: Run) -> None:
    """20–22: the claim form half filled (a problem under its field), the filed claim
    with two documents and the phone's QR code, «Мои заявления»."""
    from kiosk.flows.claims import ClaimsFlow

    window.go_home()
    window.show_screen("login")
    login = window.screen_named("login")
    login.login_edit.setText(run.online_email)  # type: ignore[attr-defined]
    login.password.setText(f"Aqzhibek-{run.number}")  # type: ignore[attr-defined]  # 09's
    login.submit.click()  # type: ignore[attr-defined]
    wait_for_background()
    contracts = window.screen_named("contracts")
    contracts.claim_buttons[0].click()  # type: ignore[attr-defined]  # the active contract's
    wait_for_background()
    form: Any = window.screen_named("claim_form")
    current = window.current_screen()
    if current is None or current.name != "claim_form":
        raise SystemExit(f"no claim form: {window.ctx.claims.last_error}")
    form.kind.setCurrentIndex(0)
    form.place.setText("Алматы, пр. Абая 10")
    form.description.setPlainText("Удар")
    window.activateWindow()
    form.description.setFocus()
    form.place.setFocus()  # leaving the description shows its problem
    form.description.setFocus()  # in kiosk mode: its keyboard
    shots.shot(window, 20, "claim_form")

    form.description.setPlainText(
        "Стоял на светофоре, в машину сзади въехал другой автомобиль: разбит задний бампер."
    )
    form.submit.click()
    wait_for_background()
    flow: ClaimsFlow = window.ctx.claims
    scans = Path(tempfile.mkdtemp())
    _write_png(scans / "бампер.png")
    (scans / "протокол.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 180_000)
    window.apply(flow.upload([scans / "бампер.png", scans / "протокол.pdf"]))
    view: Any = window.screen_named("claim_view")
    view._poll()  # the page's own poll shows them, as it does for the phone's
    wait_for_background()
    shots.shot(window, 21, "claim_documents")
    view.to_claims.click()
    wait_for_background()
    shots.shot(window, 22, "claim_list")
    window.go_home()


def render_lifecycle(window: MainWindow, shots: Shots, run: Run) -> None:
    """23–27 (issue 11): closing the account (a wrong password said), «Личный кабинет
    закрыт»; the email correction of an account pending activation with a typo (in clerk
    mode the ID box not yet ticked), its code, the activation email sent to the new address."""
    import uuid

    from kiosk.api_types import RegistrationRequest

    # the correction: a client registered with a typo in the email, never activated
    typo_phone = run.phone(5)
    started = run.client.register(
        RegistrationRequest(
            email=f"aigerim{run.number}@gmial.com", phone=typo_phone, consent=True, locale="ru"
        ),
        idempotency_key=str(uuid.uuid4()),
    )
    phone_e164 = "+7" + re.sub(r"\D", "", typo_phone)[1:]
    run.client.confirm(started.id, _wait_for_code(run.client, phone_e164))
    window.go_home()
    if not run.kiosk:
        window.ctx.registration.operator = "A.Nurlanova"  # the shift's clerk
    flow = window.ctx.email_correction
    window.follow(flow.step)
    form: Any = window.screen_named("email_correction")
    form.phone.setText(typo_phone)
    form.email.setText(run.email(5))
    window.activateWindow()
    form.email.setFocus()  # in kiosk mode: its keyboard
    if not run.kiosk:
        form._start()  # the ID box not ticked yet: the form says so, nothing is sent
    shots.shot(window, 25, "email_correction")
    window.apply(flow.start(form.phone.text(), form.email.text(), True))
    code: Any = window.screen_named("email_correction_code")
    code.code.setText("12")
    shots.shot(window, 26, "email_correction_code")
    window.apply(flow.confirm(_wait_for_code(run.client, phone_e164, newest=True)))
    shots.shot(window, 27, "email_correction_done")

    # the closure, last: the online client's account is gone after it
    window.go_home()
    window.show_screen("login")
    login = window.screen_named("login")
    login.login_edit.setText(run.online_email)  # type: ignore[attr-defined]
    login.password.setText(f"Aqzhibek-{run.number}")  # type: ignore[attr-defined]  # 09's
    login.submit.click()  # type: ignore[attr-defined]
    wait_for_background()
    contracts: Any = window.screen_named("contracts")
    contracts.close_account.click()
    closure: Any = window.screen_named("account_closure")
    closure.password.setText("Aqzhibek-0")
    closure.close_button.click()
    wait_for_background()
    window.activateWindow()
    closure.password.setFocus()
    shots.shot(window, 23, "account_closure")
    closure.password.setText(f"Aqzhibek-{run.number}")
    closure.close_button.click()
    wait_for_background()
    shots.shot(window, 24, "account_closed")
    window.go_home()


def _wait_for_code(client: Any, phone: str, *, newest: bool = False) -> str:
    """The code of the newest SMS to ``phone`` once one arrived (``newest``: once a
    second one did, for a code after the first)."""
    deadline = time.monotonic() + MAILBOX_WAIT_S
    while time.monotonic() < deadline:
        codes = [m for m in client.dev_messages(to=phone) if re.search(r"\b\d{6}\b", m["body"])]
        if len(codes) >= (2 if newest else 1):
            return sms_code(client, phone)
        time.sleep(0.1)
    raise SystemExit(f"no code was sent to {phone}")


def _write_png(path: Path) -> None:
    """A small real photo-like PNG, drawn by Qt (the tool needs no PIL)."""
    from PySide6.QtGui import QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#b04030"))
    if not image.save(str(path)):  # the format from the suffix
        raise SystemExit(f"could not write {path}")


def render_opening(shots: Shots, run: Run) -> None:
    """12–13: the welcome screen while the terminal opens, «Registration» tapped and
    kept; then the same window saying why the terminal could not open."""
    from ui.widgets.status_line import NOT_OPEN, OPENING

    window = MainWindow(kiosk_mode=run.kiosk)
    window.resize(*run.size)
    window.status_line.set_terminal_state(OPENING)
    window.show()
    window.screen_named("welcome").register_button.click()  # type: ignore[attr-defined]
    shots.shot(window, 12, "opening")
    window.status_line.set_terminal_state(NOT_OPEN)
    window.show_problem("problem:no_keyring")
    shots.shot(window, 13, "starting_failed")
    window.close()
    window.deleteLater()
    settle()


def render_kiosk_dialogs(window: MainWindow, shots: Shots, run: Run) -> None:
    """15–17: the idle prompt over a half-filled form, the admin PIN, the admin menu."""
    from ui.idle import StillTherePrompt
    from ui.kiosk_mode import AdminMenu, AdminPinDialog

    window.go_home()
    window.show_screen("registration")
    reg = window.screen_named("registration")
    reg.email.setText(run.email(2))  # type: ignore[attr-defined]
    prompt = StillTherePrompt(window)
    prompt.set_seconds_left(14)
    prompt.open()
    settle()
    shots.shot(window, 15, "idle_prompt")  # an overlay: part of the window
    prompt.dismiss()
    prompt.deleteLater()

    window.go_home()
    pin = AdminPinDialog(lambda _pin: False, window)
    pin.open()
    pin.pin.setText("1234")
    pin._checked(False)  # a wrong PIN, as after a real check
    pin.pin.setText("12")
    settle()
    shots.shot(window, 16, "admin_pin")  # an overlay: part of the window
    pin.dismiss()
    pin.deleteLater()

    menu = AdminMenu(window)
    menu.open()
    settle()
    shots.shot(window, 17, "admin_menu")  # an overlay: part of the window
    menu.dismiss()
    menu.deleteLater()


def render_demo(shots: Shots, run: Run) -> None:
    """18–19: the phone and mailbox panel; the demo window with a code on its way."""
    from kiosk.config import KioskConfig
    from ui.demo_panel import DemoPanel

    panel = DemoPanel(run.client.dev_messages, run.client.dev_page)
    panel.poll()
    wait_for_background()
    panel.resize(panel.width(), run.size[1] - 120)
    panel.show()
    shots.shot(panel, 18, "demo_panel")
    panel.close()
    panel.deleteLater()

    config = KioskConfig(central_url="", mode="kiosk", terminal_name="Демо-терминал", demo=True)
    window = MainWindow(make_dependencies(run.client, run.outbox, config, kiosk_mode=True))
    panel = DemoPanel(run.client.dev_messages, run.client.dev_page)
    window.add_side_panel(panel)
    window.resize(*DEMO_WINDOW_SIZE_PX)
    window.status_line.set_online(True)
    window.show()
    flow = window.ctx.registration
    flow.submit_details(run.email(3), run.phone(3), True)
    window.apply(flow.send())
    panel.poll()
    wait_for_background()
    shots.shot(window, 19, "demo_window")
    window.go_home()
    window.close()
    window.deleteLater()
    settle()


def render_clerk_panel(window: MainWindow, shots: Shots, panel: Any) -> None:
    """14: the clerk's window with the side panel: the day's registrations and the outbox."""
    window.go_home()
    panel.set_operator("A.Nurlanova")
    window.add_side_panel(panel)
    panel.outbox_panel.count_changed.connect(window.status_line.set_outbox_count)
    panel.outbox_panel.reload()
    wait_for_background()
    panel.outbox_panel.list.setCurrentRow(0)
    shots.shot(window, 14, "clerk_panel")


def render_mode(window: MainWindow, out: Path, run: Run) -> list[Path]:
    """Every screen and dialog of ``run.mode`` in its realistic state, in the current language."""
    from ui.clerk_panel import ClerkPanel

    shots = Shots(out)
    panel = ClerkPanel(run.outbox)
    render_registration(window, shots, run, record=panel.record)
    render_login(window, shots, run)
    render_password_reset(window, shots, run)
    render_claims(window, shots, run)
    render_lifecycle(window, shots, run)
    render_opening(shots, run)
    if run.kiosk:
        render_kiosk_dialogs(window, shots, run)
        render_demo(shots, run)
    else:
        render_clerk_panel(window, shots, panel)
    window.go_home()
    return shots.saved


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
    used_passwords: set[str] = set()
    with local_central() as (central, token), tempfile.TemporaryDirectory() as tmp:
        for mode in args.modes.split(","):
            app.setStyleSheet(style_sheet(mode == "kiosk"))
            for lang in langs:
                set_language(lang, pseudo_translator)
                client = CentralClient(central.url, terminal_token=token, locale="ru")
                outbox = Outbox(Path(tmp) / f"{mode}-{lang}.db", os.urandom(32))
                number = 1000 + count
                email = online_client(central, number)
                run = Run(mode, client, token, outbox, number, used_passwords, email)
                window = MainWindow(make_dependencies(client, outbox, kiosk_mode=run.kiosk))
                window.resize(*run.size)
                window.status_line.set_online(True)
                window.show()
                count += len(render_mode(window, args.out / mode / lang, run))
                wait_for_background()
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
