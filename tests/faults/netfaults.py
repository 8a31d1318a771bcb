"""Real processes and a lossy network for the fault suite.

``CentralProcess`` runs ``python -m central serve`` on a fixed loopback port and
a file database, so the test can SIGKILL and restart it like an operator's
crash. ``DroppingProxy`` sits between a kiosk and the central and, for a chosen
fraction of answers, closes both connections after the request went through
and before the answer reached the kiosk: the central acted, the kiosk cannot
know it did.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
READY_TIMEOUT_S = 40.0
STOP_TIMEOUT_S = 20.0


class CentralProcess:
    """``python -m central serve --db FILE --port PORT`` as a child process."""

    def __init__(self, db_path: Path, port: int, log_path: Path, **settings: object) -> None:
        self.db_path = db_path
        self.port = port
        self.log_path = log_path
        self.settings = settings
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    def env(self, **overrides: object) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VIC_CENTRAL_")}
        env["PYTHONPATH"] = str(ROOT)
        env["VIC_CENTRAL_DELIVERY_BACKEND"] = "dev"
        for name, value in {**self.settings, **overrides}.items():
            env[f"VIC_CENTRAL_{name.upper()}"] = value if isinstance(value, str) else _env(value)
        return env

    def start(self, **overrides: object) -> CentralProcess:
        """Start and return once ``/readyz`` answers 200."""
        assert self.proc is None or self.proc.poll() is not None, "already running"
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "central",
                    "serve",
                    "--db",
                    str(self.db_path),
                    "--port",
                    str(self.port),
                ],
                env=self.env(**overrides),
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.starts += 1
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"central exited with {self.proc.returncode}: see {self.log_path}"
                )
            try:
                if requests.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"central not ready on {self.url} in {READY_TIMEOUT_S} s")
            time.sleep(0.05)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, as in a crash or an OOM kill."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(STOP_TIMEOUT_S)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self.kill()


def _env(value: object) -> str:
    import json

    return json.dumps(value) if isinstance(value, list | dict | bool) else str(value)


class DroppingProxy:
    """A loopback TCP proxy that loses a fraction of the central's answers.

    Every chunk coming back from the upstream is, with probability
    ``drop_fraction``, thrown away and both sockets closed (answers of this API
    fit in one chunk, so this is "per answer"). ``dropped`` counts those,
    ``forwarded`` the chunks that went through. An upstream that refuses the
    connection (central down) closes the client's connection at once.
    """

    def __init__(self, upstream_port: int, drop_fraction: float, seed: int) -> None:
        self.upstream_port = upstream_port
        self.drop_fraction = drop_fraction
        self._rng = random.Random(seed)
        self.dropped = 0
        self.forwarded = 0
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> DroppingProxy:
        self._thread.start()
        fut = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        )
        self._server = fut.result(10)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self

    def close(self) -> None:
        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        closed = asyncio.Event()

        def close_all() -> None:
            closed.set()
            for w in (writer, up_writer):
                with contextlib.suppress(Exception):
                    w.transport.abort()

        async def upstream() -> None:
            while not closed.is_set():
                data = await reader.read(65536)
                if not data:
                    break
                up_writer.write(data)
                await up_writer.drain()
            close_all()

        async def downstream() -> None:
            while not closed.is_set():
                data = await up_reader.read(65536)
                if not data:
                    break
                if self._rng.random() < self.drop_fraction:
                    self.dropped += 1
                    break
                self.forwarded += 1
                writer.write(data)
                await writer.drain()
            close_all()

        with contextlib.suppress(Exception):
            await asyncio.gather(upstream(), downstream())
        close_all()


class FailingProxy:
    """A loopback HTTP server in front of the central that answers ``500`` to
    every request whose ``Idempotency-Key`` is in ``fail_keys`` (or to every POST
    when ``fail_all``) and forwards everything else as it is. A request answered
    500 never reaches the central: ``failed`` counts them."""

    def __init__(self, upstream_url: str, fail_keys: set[str], *, fail_all: bool = False) -> None:
        import http.server

        self.upstream_url = upstream_url.rstrip("/")
        self.fail_keys = set(fail_keys)
        self.fail_all = fail_all
        self.failed = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                key = self.headers.get("Idempotency-Key")
                if self.command == "POST" and (proxy.fail_all or key in proxy.fail_keys):
                    proxy.failed += 1
                    self._answer(500, b'{"detail":"Internal Server Error"}', "application/json")
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_HEADERS}
                up = requests.request(
                    self.command,
                    proxy.upstream_url + self.path,
                    data=body,
                    headers=headers,
                    timeout=30,
                )
                self._answer(
                    up.status_code, up.content, up.headers.get("Content-Type", "text/plain")
                )

            def _answer(self, status: int, body: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = _forward

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FailingProxy:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)


_HOP_HEADERS = frozenset({"host", "content-length", "connection", "keep-alive", "accept-encoding"})
