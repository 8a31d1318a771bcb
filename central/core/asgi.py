"""Watching an answer go out, for the middlewares that need its status or headers.

Four middlewares (metrics, the request log, the HTML security headers, the
last-resort error page) each need to see the ``http.response.start`` message
an app sends; they share this one wrapper of ASGI's ``send`` instead of four
hand-written closures.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import Message, Send

NO_ANSWER_STATUS = 500  # what a request counts as when the app never started an answer


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
