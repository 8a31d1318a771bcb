"""Demo mode: a "phone and mailbox" beside the kiosk.

In a demo there is no real phone or mailbox: the central's ``dev`` delivery
keeps every SMS and email, and this panel shows them live (polled through
``ui.background`` about once a second, never on the GUI thread). For the
selected message it can copy the confirmation code or the temporary password,
and open an email's activation link (a POST off the GUI thread: the page's
button pressed) showing what the central's page said.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.background import Op

PANEL_WIDTH_PX = 440
BUTTON_MIN_PX = 48  # beside the kiosk layout: the same touch size
POLL_INTERVAL_MS = 1000
PAGE_SUMMARY_CHARS = 300
SMS_PREVIEW_CHARS = 60
CODE_RE = re.compile(r"\b(\d{6})\b")
LINK_RE = re.compile(r"https?://\S+/activate/\S+")
TEMP_PASSWORD_RE = re.compile(r"(?:пароль|құпиясөз|password):\s*(\S+)", re.IGNORECASE)
# <title> goes with scripts and styles: it repeats the page's heading
TAG_RE = re.compile(r"<(script|style|title)[^>]*>.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)
HTTP_OK = 200

Message = dict[str, Any]


def find_code(message: Message) -> str | None:
    match = (
        CODE_RE.search(str(message.get("body", ""))) if message.get("channel") == "sms" else None
    )
    return match.group(1) if match else None


def find_link(message: Message) -> str | None:
    match = LINK_RE.search(str(message.get("body", "")))
    return match.group(0) if match else None


def find_temporary_password(message: Message) -> str | None:
    if message.get("channel") != "email":
        return None
    match = TEMP_PASSWORD_RE.search(str(message.get("body", "")))
    return match.group(1) if match else None


def page_summary(page: str) -> str:
    """A page's text without markup, in one line, cut to ``PAGE_SUMMARY_CHARS``."""
    text = html.unescape(TAG_RE.sub(" ", page))
    return " ".join(text.split())[:PAGE_SUMMARY_CHARS]


class DemoPanel(QWidget):
    """``fetch`` returns every message oldest first (``CentralClient.dev_messages``);
    ``get_page(url)`` opens a link of a message and answers its status and HTML
    (``CentralClient.dev_page``). Both block, so both run through ``ui.background``.

    ``messages_changed(int)`` carries the count after each change.
    """

    messages_changed = Signal(int)

    def __init__(
        self,
        fetch: Callable[[], list[Message]],
        get_page: Callable[[str], tuple[int, str]],
        parent: QWidget | None = None,
        *,
        poll_interval_ms: int = POLL_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._get_page = get_page
        self._messages: list[Message] = []
        self._polling = False
        self._page_result: tuple[int, str] | None = None
        self._page_failed_to_open = False  # a flag, not a sentence: re-rendered per language
        self._copied: str | None = None
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.copy_code = QPushButton()
        self.copy_password = QPushButton()
        self.open_link = QPushButton()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)
        buttons = QVBoxLayout()
        for b in (self.copy_code, self.copy_password, self.open_link):
            b.setMinimumHeight(BUTTON_MIN_PX)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.setMinimumWidth(PANEL_WIDTH_PX)
        self.setMaximumWidth(PANEL_WIDTH_PX)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll)
        self.list.currentRowChanged.connect(self._selected)
        self.copy_code.clicked.connect(self._copy_code)
        self.copy_password.clicked.connect(self._copy_password)
        self.open_link.clicked.connect(self._open_link)
        self.retranslate()
        self._selected(-1)

    # -- texts -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Demo: the client's phone and mailbox"))
        self.list.setAccessibleName(self.tr("Messages sent"))
        self.body.setAccessibleName(self.tr("Message text"))
        for b, text in (
            (self.copy_code, self.tr("Copy code")),
            (self.copy_password, self.tr("Copy temporary password")),
            (self.open_link, self.tr("Open activation link")),
        ):
            b.setText(text)
            b.setAccessibleName(text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None:
                item.setText(self.message_title(self._messages[row]))
        self._render_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def message_title(self, m: Message) -> str:
        channel = self.tr("SMS") if m.get("channel") == "sms" else self.tr("Email")
        body = " ".join(str(m.get("body", "")).split())
        subject = m.get("subject") or (
            body if len(body) <= SMS_PREVIEW_CHARS else body[: SMS_PREVIEW_CHARS - 1] + "…"
        )
        return f"{channel} → {m.get('to', '')}\n{subject}"

    def _render_result(self) -> None:
        if self._page_failed_to_open:
            text = self.tr("The link could not be opened: the central does not answer.")
        elif self._page_result is not None:
            status, page = self._page_result
            if status == HTTP_OK:
                text = self.tr("The page says: %1").replace("%1", page)
            else:
                text = self.tr("The page refused (%1): %2").replace("%1", str(status))
                text = text.replace("%2", page)
        elif self._copied is not None:
            text = self.tr("Copied: %1").replace("%1", self._copied)
        else:
            text = ""
        self.result.setText(text)
        self.result.setAccessibleName(text)
        self.result.setVisible(bool(text))

    # -- polling -------------------------------------------------------------------

    def start(self) -> None:
        """Poll now and then every interval."""
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        if self._polling:
            return  # the previous poll is still on its way
        self._polling = True
        Op(self._fetch).owner(self).success(self._got).failure(self._poll_failed).finally_(
            self._poll_done
        ).run()

    def _poll_done(self) -> None:
        self._polling = False

    def _poll_failed(self, exc: BaseException) -> None:
        self.title.setText(self.tr("Demo: the central does not answer"))

    def _got(self, messages: list[Message]) -> None:
        if messages == self._messages:
            return
        self.title.setText(self.tr("Demo: the client's phone and mailbox"))
        new_from = len(self._messages) if messages[: len(self._messages)] == self._messages else 0
        if new_from == 0:
            self.list.clear()
        self._messages = list(messages)
        for m in messages[new_from:]:
            item = QListWidgetItem(self.message_title(m))
            self.list.addItem(item)
        if messages:
            # the newest message is the one the person waits for (the SMS with the code):
            # selected, so «Копировать код» works at once
            self.list.setCurrentRow(len(messages) - 1)
        self.list.scrollToBottom()
        self.messages_changed.emit(len(messages))

    # -- actions ---------------------------------------------------------------------

    def messages(self) -> list[Message]:
        return list(self._messages)

    def current(self) -> Message | None:
        row = self.list.currentRow()
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def _selected(self, _row: int) -> None:
        m = self.current()
        self.body.setPlainText(str(m.get("body", "")) if m else "")
        self.copy_code.setEnabled(m is not None and find_code(m) is not None)
        self.copy_password.setEnabled(m is not None and find_temporary_password(m) is not None)
        self.open_link.setEnabled(m is not None and find_link(m) is not None)

    def _copy(self, text: str | None) -> None:
        if text:
            QApplication.clipboard().setText(text)
            self._page_result, self._page_failed_to_open, self._copied = None, False, text
            self._render_result()

    def _copy_code(self) -> None:
        m = self.current()
        self._copy(find_code(m) if m else None)

    def _copy_password(self) -> None:
        m = self.current()
        self._copy(find_temporary_password(m) if m else None)

    def _open_link(self) -> None:
        m = self.current()
        link = find_link(m) if m else None
        if link is None or not self.open_link.isEnabled():
            return
        self.open_link.setEnabled(False)
        self._page_result, self._page_failed_to_open, self._copied = None, False, None
        self.result.setText(self.tr("Opening the link…"))
        self.result.setVisible(True)
        Op(self._get_page, link).owner(self).success(self._page_opened).failure(
            self._page_failed
        ).finally_(lambda: self._selected(self.list.currentRow())).run()

    def _page_opened(self, result: tuple[int, str]) -> None:
        status, page = result
        self._page_result = (status, page_summary(page))
        self._render_result()

    def _page_failed(self, exc: BaseException) -> None:
        self._page_failed_to_open = True
        self._render_result()
