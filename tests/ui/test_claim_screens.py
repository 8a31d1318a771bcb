"""Online claims at the terminal, driven by their Russian labels against a real central.

The client (an active account with one current and one past contract, made as
the central's own claims tests make it) logs in, files a claim from «Мои
договоры», adds documents from "the phone" (an HTTP multipart POST to the URL
the QR code holds) and, in clerk mode, from the scanner folder through the
file dialog; the open claim page shows each document as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from central.models import Claim as ClaimRow
from central.server import EmbeddedCentral
from central.services import claims as claim_service
from kiosk.client import CentralClient
from tests.central.claims_support import PASSWORD, Client, claims_settings, make_client, pdf, png
from tests.central.conftest import Api
from tests.ui.test_login_screens import click, log_in, on_screen
from tests.ui.ui_helpers import add_terminal, find_button, find_field, visible_text
from ui.background import runner
from ui.widgets.icons import IconLabel

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PHONE = "+77011234567"
EMAIL = "aigerim@mail.ru"
REPLY_TIMEOUT_MS = 15_000
POLL_TIMEOUT_MS = 12_000  # a few of the claim page's polls
DESCRIPTION = "Столкновение на перекрёстке, повреждён передний бампер."


@pytest.fixture
def sqlite_central(sqlite_url: str, tmp_path: Path) -> Iterator[EmbeddedCentral]:
    """The central of tests/conftest.py, its documents folder in the test's own folder."""
    with EmbeddedCentral(claims_settings(sqlite_url, tmp_path)) as running:
        yield running


@pytest.fixture
def holder(sqlite_central: EmbeddedCentral) -> Client:
    api = Api(sqlite_central.url, add_terminal(sqlite_central))
    return make_client(sqlite_central, api, PHONE, EMAIL)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, as a keyboard does (QTest's keyClicks knows ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus as a tap does, and wait until it has it.

    Qt delivers focus-in and focus-out only inside the active window; a window a
    test shows is not always activated at once (another test's window may still
    hold activation), so the window is activated first.
    """
    top = widget.window()
    top.activateWindow()
    qtbot.waitUntil(top.isActiveWindow)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def claims_at_central(central: EmbeddedCentral) -> int:
    with Session(central.engine) as db:
        return int(db.scalar(select(func.count()).select_from(ClaimRow)) or 0)


def open_form(qtbot: QtBot, window: Any, login: str) -> Any:
    """Log in and open the claim form for the one active contract."""
    log_in(qtbot, window, login, PASSWORD)
    qtbot.waitUntil(on_screen(window, "contracts"), timeout=REPLY_TIMEOUT_MS)
    contracts = window.current_screen()
    qtbot.waitUntil(lambda: contracts.claim_buttons != [], timeout=REPLY_TIMEOUT_MS)
    click(qtbot, window, "Заявить о страховом случае")  # on the active contract's card
    assert on_screen(window, "claim_form")()
    form = window.current_screen()
    qtbot.waitUntil(lambda: form.kind.count() > 0, timeout=REPLY_TIMEOUT_MS)
    # the screen may load its kinds twice (on entering and on its language); a
    # load still in flight must not land in the middle of the test's typing
    qtbot.waitUntil(lambda: not runner().is_busy, timeout=REPLY_TIMEOUT_MS)
    return form


def description_field(form: QWidget) -> QPlainTextEdit:
    [found] = [
        t
        for t in form.findChildren(QPlainTextEdit)
        if t.accessibleName() == "Опишите, что произошло"
    ]
    return found


def fill_form(qtbot: QtBot, form: Any, description: str = DESCRIPTION) -> None:
    form.kind.setCurrentIndex(form.kind.findText("ДТП"))
    type_text(find_field(form, "Место"), "Алматы, пр. Абая 10")
    description_field(form).setFocus()
    type_text(description_field(form), description)


def file_claim(qtbot: QtBot, window: Any, login: str = EMAIL) -> Any:
    form = open_form(qtbot, window, login)
    fill_form(qtbot, form)
    click(qtbot, window, "Отправить заявление")
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    return window.current_screen()


def test_a_claim_is_filed_once_and_its_page_says_what_next(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    form = open_form(qtbot, window, "8 701 123 45 67")
    assert find_field(form, "Контактный телефон").text() == "+7 701 123 45 67"  # the login's
    assert [form.kind.itemText(i) for i in range(form.kind.count())][:2] == [
        "ДТП",
        "Повреждение имущества",
    ]
    description = description_field(form)
    focus(qtbot, description)
    type_text(description, "Удар")
    assert form.counter.text() == "4 из 4000 символов"
    phone = find_field(form, "Контактный телефон")
    qtbot.wait(50)
    phone_y = phone.mapTo(form, QPoint(0, 0)).y()
    assert form.problems["description"].text() == ""  # not while the client is typing
    focus(qtbot, find_field(form, "Место"))  # leaving the text shows its problem, in place
    short = "Опишите, что произошло, не короче 10 символов."
    qtbot.waitUntil(lambda: form.problems["description"].text() == short)  # on focus-out
    qtbot.wait(50)  # the layout runs
    assert phone.mapTo(form, QPoint(0, 0)).y() == phone_y  # nothing below it moved

    click(qtbot, window, "Отправить заявление")  # refused here: nothing is sent
    assert form.problems["kind"].text() == "Заполните это поле."
    assert claims_at_central(sqlite_central) == 0

    description.clear()
    fill_form(qtbot, form)
    submit = find_button(window, "Отправить заявление")
    submit.click()
    submit.click()  # a double tap
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    page = window.current_screen()
    assert page.title.text() == f"Заявление УБ-{datetime.now(UTC).year}-000001"
    text = visible_text(page)
    assert "Статус: Подано" in text
    assert "Что дальше" in text
    assert claims_at_central(sqlite_central) == 1
    qtbot.waitUntil(lambda: page.qr.text().startswith(sqlite_central.url), timeout=REPLY_TIMEOUT_MS)


def test_a_photo_sent_from_the_phone_appears_on_the_open_claim(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    page = file_claim(qtbot, window)
    qtbot.waitUntil(lambda: page.qr.text() != "", timeout=REPLY_TIMEOUT_MS)
    assert "Документов пока нет." in visible_text(page)
    first_link = page.qr.text()

    sent = requests.post(
        first_link, files=[("file", ("damage.png", png(), "image/png"))], timeout=10
    )
    assert sent.status_code in (200, 201, 303), sent.text

    qtbot.waitUntil(lambda: page.documents.count() == 1, timeout=POLL_TIMEOUT_MS)
    [row] = page.documents.texts()
    assert row[0] == "damage.png" and "damage.png" in visible_text(page)
    assert row[1].endswith("КБ") and len(row) == 3  # its size, then when it came
    assert page.documents_title.text() == "Документы (1)"
    # the upload spent the link: the page shows a new one for the next photos
    qtbot.waitUntil(lambda: page.qr.text() not in ("", first_link), timeout=POLL_TIMEOUT_MS)


def test_a_clerk_adds_scanned_files_and_hears_why_one_was_refused(
    window: Any,
    holder: Client,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scans = tmp_path / "scanner"
    scans.mkdir()
    photo = scans / "протокол.png"
    photo.write_bytes(png())
    report = scans / "report.pdf"
    report.write_bytes(pdf(3 * 1024 * 1024))  # large: a progress bar
    fake = scans / "page.jpg"
    fake.write_text("<html><body>not a photo</body></html>")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda *a, **k: ([str(photo), str(report), str(fake)], ""),
    )
    page = file_claim(qtbot, window)
    seen: list[int] = []
    page.signals.progress.connect(lambda _n, sent, total: seen.append(sent))

    click(qtbot, window, "Добавить файл")
    qtbot.waitUntil(lambda: page.documents.count() == 2, timeout=REPLY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not page.busy, timeout=REPLY_TIMEOUT_MS)
    names = {row[0] for row in page.documents.texts()}
    assert names == {"протокол.png", "report.pdf"}
    assert page.upload_result.text() == (
        "Добавлено файлов: 2.\n«page.jpg» не добавлен: принимаются только фото (JPEG, PNG) "
        "и файлы PDF."
    )
    assert len(seen) > 3  # the large file's progress was followed


def test_offline_the_form_says_claims_need_the_connection_and_keeps_everything(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    form = open_form(qtbot, window, EMAIL)
    fill_form(qtbot, form)
    sqlite_central.stop()
    try:
        click(qtbot, window, "Отправить заявление")
        qtbot.waitUntil(lambda: form.message.isVisible(), timeout=REPLY_TIMEOUT_MS)
        assert "нужна связь со страховой компанией" in form.message.text()
        assert on_screen(window, "claim_form")()
        assert find_field(form, "Место").text() == "Алматы, пр. Абая 10"
        assert description_field(form).toPlainText() == DESCRIPTION
        assert form.kind.currentText() == "ДТП"
    finally:
        sqlite_central.restart()
    click(qtbot, window, "Отправить заявление")  # the connection is back: the same form
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    assert claims_at_central(sqlite_central) == 1


def test_my_claims_lists_them_with_status_and_opens_the_history(
    make_window: Callable[..., Any],
    terminal_client: CentralClient,
    holder: Client,
    sqlite_central: EmbeddedCentral,
    qtbot: QtBot,
) -> None:
    window = make_window(terminal_client, kiosk_mode=True)
    form = open_form(qtbot, window, EMAIL)
    form.kind.setCurrentIndex(form.kind.findText("Кража"))
    description = description_field(form)
    description.setFocus()
    assert form.keyboard is not None and form.keyboard.shown_kind() == "text"
    for letter in "кража":  # the on-screen keyboard types Russian
        qtbot.mouseClick(find_button(form.keyboard, letter), Qt.MouseButton.LeftButton)
    assert description.toPlainText() == "кража"
    qtbot.mouseClick(find_button(form.keyboard, "Пробел"), Qt.MouseButton.LeftButton)
    type_text(description, "велосипеда у подъезда")
    click(qtbot, window, "Отправить заявление")
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    page = window.current_screen()
    assert page.add_files.isHidden()  # the scanner folder is the clerk's, not the kiosk's
    number = page.title.text().removeprefix("Заявление ")

    with Session(sqlite_central.engine) as db, db.begin():  # the insurer, as its CLI does
        claim_service.set_status(
            db,
            number=number,
            status="in_review",
            note=None,
            amount=None,
            operator="test",
            now=datetime.now(UTC),
        )

    click(qtbot, window, "Мои заявления")
    qtbot.waitUntil(on_screen(window, "claim_list"), timeout=REPLY_TIMEOUT_MS)
    listing = window.current_screen()
    qtbot.waitUntil(lambda: listing.claims_shown() != [], timeout=REPLY_TIMEOUT_MS)
    [card] = listing.claims_shown()
    assert card[:3] == [number, "На рассмотрении", "Кража"]
    click(qtbot, window, number)  # the whole card is the button
    qtbot.waitUntil(on_screen(window, "claim_view"), timeout=REPLY_TIMEOUT_MS)
    statuses = [row[0] for row in page.history.texts()]
    assert statuses == ["На рассмотрении", "Подано"]  # a timeline, the latest first
    assert [row.name for row in page.history.rows[0].findChildren(IconLabel)] == ["hourglass"]


def test_the_form_follows_the_language_and_keeps_the_chosen_kind(
    window: Any, holder: Client, qtbot: QtBot
) -> None:
    form = open_form(qtbot, window, EMAIL)
    form.kind.setCurrentIndex(form.kind.findText("ДТП"))
    click(qtbot, window, "Қазақша")
    qtbot.waitUntil(lambda: form.title.text() == "Сақтандыру жағдайы туралы өтініш")
    qtbot.waitUntil(
        lambda: form.kind.currentText() == "Жол-көлік оқиғасы", timeout=REPLY_TIMEOUT_MS
    )
    click(qtbot, window, "English")
    qtbot.waitUntil(lambda: form.submit.text() == "Send the claim")
    qtbot.waitUntil(lambda: form.kind.currentText() == "Road accident", timeout=REPLY_TIMEOUT_MS)


def test_a_document_arriving_from_the_phone_keeps_the_idle_prompt_away(
    window: Any, holder: Client, sqlite_central: EmbeddedCentral, qtbot: QtBot
) -> None:
    """The client is busy with the phone, not gone: an arrival counts as input."""
    from ui.idle import IdleWatcher

    page = file_claim(qtbot, window)
    qtbot.waitUntil(lambda: page.qr.text() != "", timeout=REPLY_TIMEOUT_MS)
    watcher = IdleWatcher(
        window,
        window,
        at_home=lambda: window.current_screen().name == "welcome",
        timeout_s=0.5,
        prompt_s=600,
        activity=window.client_active,
    )
    qtbot.waitUntil(watcher.is_prompting, timeout=5_000)  # nobody touched the screen

    sent = requests.post(
        page.qr.text(), files=[("file", ("damage.png", png(), "image/png"))], timeout=10
    )
    assert sent.status_code in (200, 201, 303), sent.text
    with qtbot.waitSignal(window.client_active, timeout=POLL_TIMEOUT_MS):
        pass
    assert not watcher.is_prompting(), "the arrival answered «Вы ещё здесь?»"
    assert window.current_screen() is page and page.documents.count() == 1
    watcher.stop()


def test_a_claim_with_twenty_documents_scrolls_and_keeps_its_buttons_on_screen(
    make_window: Callable[..., Any],
    terminal_client: CentralClient,
    holder: Client,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A claim takes up to 20 documents: on a 1366×768 kiosk their rows and the
    history scroll in the page's column; the window stays on the screen and
    «Мои заявления» stays where the finger expects it."""
    window = make_window(terminal_client, kiosk_mode=True)
    window.resize(1366, 768)
    scans = tmp_path / "scanner"
    scans.mkdir()
    photos = []
    for n in range(20):
        photo = scans / f"фото-{n + 1:02d}.png"
        photo.write_bytes(png())
        photos.append(str(photo))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (photos, ""))
    page = file_claim(qtbot, window)
    page.add_files.click()
    qtbot.waitUntil(lambda: page.documents.count() == 20, timeout=60_000)
    qtbot.waitUntil(lambda: not page.busy, timeout=REPLY_TIMEOUT_MS)
    qtbot.wait(100)  # the layout runs
    assert window.height() <= 768, "the window grew off the screen"
    button = find_button(window, "Мои заявления")
    bottom = button.mapTo(window, QPoint(0, button.height())).y()
    assert bottom <= window.height()
    assert page.left_scroll.verticalScrollBar().maximum() > 0  # the rows scroll
