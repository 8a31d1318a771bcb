"""``central.core.asgi.WatchedSend``: the one wrapper of ASGI's ``send`` the
middlewares share (metrics, request log, security headers, the error page)."""

from __future__ import annotations

import asyncio

from starlette.types import Message

from central.core.asgi import NO_ANSWER_STATUS, WatchedSend


def test_it_notes_the_status_and_passes_every_message_on() -> None:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    watch = WatchedSend(send)
    assert (watch.started, watch.status) == (False, NO_ANSWER_STATUS)
    start = {"type": "http.response.start", "status": 204, "headers": []}
    body = {"type": "http.response.body", "body": b""}
    asyncio.run(watch(start))
    asyncio.run(watch(body))
    assert (watch.started, watch.status) == (True, 204)
    assert sent == [start, body]


def test_its_owner_may_change_the_start_message_only() -> None:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    def tag(message: Message) -> Message:
        return {**message, "headers": [(b"x-tag", b"1")]}

    watch = WatchedSend(send, on_start=tag)
    asyncio.run(watch({"type": "http.response.start", "status": 200, "headers": []}))
    asyncio.run(watch({"type": "http.response.body", "body": b"ok"}))
    assert sent[0]["headers"] == [(b"x-tag", b"1")]
    assert sent[1] == {"type": "http.response.body", "body": b"ok"}
