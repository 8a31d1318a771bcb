"""Run the central in-process on a loopback port, in a background thread.

Used by the kiosk's demo mode and by every end-to-end test: it is the real
application served by real uvicorn over real HTTP, only hosted in-process.
"""

from __future__ import annotations

import socket
import threading
import time

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from central.app import create_app
from central.core.config import Settings
from central.core.db import make_engine
from central.core.migrate import upgrade

STARTUP_TIMEOUT_S = 20.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class EmbeddedCentral:
    """A central served by uvicorn in a daemon thread.

    ``start()`` returns once the port accepts connections; ``stop()`` waits for
    a graceful shutdown. ``restart()`` keeps the port and the database, as a
    crashed-and-restarted central would.
    """

    def __init__(self, settings: Settings, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port or free_port(host)
        self.settings = settings.model_copy(
            update={
                "public_base_url": settings.public_base_url
                if settings.public_base_url != Settings.model_fields["public_base_url"].default
                else f"http://{host}:{self.port}"
            }
        )
        self.engine: Engine = make_engine(self.settings.database_url)
        upgrade(self.engine)
        self._server: uvicorn.Server | None = None
        self.app: FastAPI | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> EmbeddedCentral:
        app = create_app(self.settings, self.engine)
        self.app = app
        config = uvicorn.Config(
            app,
            host=self.host,
            port=self.port,
            log_level="warning",
            lifespan="on",
            access_log=False,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="central", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"central did not start on {self.url}")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self.engine.dispose()

    def __enter__(self) -> EmbeddedCentral:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
