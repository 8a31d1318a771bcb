"""What the central's ASGI middlewares share: HTTP only, and watching the answer.

``HttpMiddleware`` passes anything but HTTP (lifespan) straight through, so each
middleware writes only its ``handle``. Four of them (metrics, the request log,
the HTML security headers, the last-resort error page) need to see the
``http.response.start`` message an app sends; they share ``WatchedSend``, one
wrapper of ASGI's ``send``, instead of four hand-written closures.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_ANSWER_STATUS = 500  # what a request counts as when the app never started an answer


class HttpMiddleware(ABC):
    """An ASGI middleware for HTTP requests; any other scope passes through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.handle(scope, receive, send)

    @abstractmethod
    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        """One HTTP request."""


class WatchedSend:
    """An ASGI ``send`` that notes the answer's start (``started``, ``status``)
    and lets its owner change the start message (``on_start``) before it goes."""

    def __init__(self, send: Send, on_start: Callable[[Message], Message] | None = None) -> None:
        self._send = send
        self._on_start = on_start
        self.started = False
        self.status = NO_ANSWER_STATUS

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
            self.status = int(message["status"])
            if self._on_start is not None:
                message = self._on_start(message)
        await self._send(message)
