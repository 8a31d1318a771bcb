"""Prometheus metrics of ``python -m central serve``, on a port of their own.

Why a separate port: the API's port faces the internet through the proxy;
the metrics (route names, backlog sizes, how many terminals are alive) are for
the insurer's monitoring only. ``metrics_port`` (0 = off, the default) binds
``metrics_host`` (loopback by default), never the API's socket.

``--workers N`` runs N processes: each counts its own requests into files of a
shared folder (prometheus-client's multiprocess mode), and the serving process
reads them all when scraped. That folder must be named in the environment
before prometheus-client is first imported, so this module imports it only
inside functions, and ``prepare_multiprocess_dir`` runs first thing in ``serve``.

What is measured:
- ``vic_http_requests_total{route,method,status}``, and
  ``vic_http_request_duration_seconds{route,method}``: the route's template
  (``/api/v1/registrations/{registration_id}/confirm``), never the raw path,
  which would hold ids and tokens;
- ``vic_registrations_total{outcome}``: the answers to new registrations
  (``code_sent``, ``account_exists``, ``invalid``, ``rate_limited``, ``refused``);
- ``vic_messages_sent_total{channel,kind}``, ``vic_messages_failed_total{channel,kind}``
  (codes sent: ``kind="registration_code"``);
- read from the database at each scrape: ``vic_messages_pending{channel}``,
  ``vic_messages_failed{channel}``, ``vic_sender_lag_seconds`` (how long the
  oldest due message has waited), ``vic_terminals_seen_last_hour``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from starlette.types import ASGIApp, Receive, Scope, Send

from central.core.asgi import HttpMiddleware, WatchedSend
from central.models import utcnow
from central.repositories.monitoring import backlog

if TYPE_CHECKING:
    from prometheus_client import Counter, Histogram

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
TERMINAL_SEEN_WINDOW = timedelta(hours=1)
REGISTRATIONS_ROUTE = "/api/v1/registrations"
UNMATCHED_ROUTE = "(unmatched)"
CHANNELS = ("sms", "email")
LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
REGISTRATION_OUTCOMES = {
    201: "code_sent",
    409: "account_exists",
    422: "invalid",
    429: "rate_limited",
}


def prepare_multiprocess_dir() -> Path:
    """A fresh, private folder for the workers' metric files, named in the
    environment (inherited by the workers). Call before the first import of
    prometheus-client; remove it with ``remove_multiprocess_dir`` at exit."""
    folder = Path(tempfile.mkdtemp(prefix="vic-central-metrics-"))
    os.environ[MULTIPROC_ENV] = str(folder)
    return folder


def remove_multiprocess_dir(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if os.environ.get(MULTIPROC_ENV) == str(folder):
        del os.environ[MULTIPROC_ENV]


class _Instruments:
    """The process's counters, made on first use (after the folder is known)."""

    def __init__(self) -> None:
        from prometheus_client import Counter, Histogram

        self.requests: Counter = Counter(
            "vic_http_requests", "HTTP requests answered", ["route", "method", "status"]
        )
        self.latency: Histogram = Histogram(
            "vic_http_request_duration_seconds",
            "Time to answer, by route",
            ["route", "method"],
            buckets=LATENCY_BUCKETS_S,
        )
        self.registrations: Counter = Counter(
            "vic_registrations", "New registrations, by the central's answer", ["outcome"]
        )
        self.sent: Counter = Counter(
            "vic_messages_sent", "SMS and emails delivered", ["channel", "kind"]
        )
        self.failed: Counter = Counter(
            "vic_messages_failed", "SMS and emails given up on", ["channel", "kind"]
        )


_instruments: _Instruments | None = None
_instruments_lock = threading.Lock()


def instruments() -> _Instruments:
    """The process's one set of counters. Made under a lock: two threads making
    them at once (two senders' first deliveries) registered each name twice and
    the second died with ``DuplicateTimeseries``, its claimed messages stranded
    until their lease ran out."""
    global _instruments
    with _instruments_lock:
        if _instruments is None:
            _instruments = _Instruments()
        return _instruments


def count_delivery(channel: str, kind: str, *, delivered: bool) -> None:
    """The sender's outcome for one message."""
    found = instruments()
    (found.sent if delivered else found.failed).labels(channel, kind).inc()


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED_ROUTE


class MetricsMiddleware(HttpMiddleware):
    """Counts each HTTP answer by its route's template, method and status."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app)
        self.found = instruments()

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        watch = WatchedSend(send)
        try:
            await self.app(scope, receive, watch)
        finally:
            status = watch.status
            route, method = _route_of(scope), str(scope.get("method", "-"))
            self.found.requests.labels(route, method, str(status)).inc()
            self.found.latency.labels(route, method).observe(time.perf_counter() - started)
            if route == REGISTRATIONS_ROUTE and method == "POST":
                outcome = REGISTRATION_OUTCOMES.get(status, "refused")
                self.found.registrations.labels(outcome).inc()


class DatabaseCollector:
    """Figures read from the database when Prometheus scrapes (one short
    transaction; the backlog is what the database says, whoever sends it)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def describe(self) -> list[Any]:
        return []  # figures are only known at collect time

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        now = utcnow()
        with self.engine.connect() as conn:
            found = backlog(conn, now=now, seen_window=TERMINAL_SEEN_WINDOW)
        pending = GaugeMetricFamily(
            "vic_messages_pending", "Messages waiting to be sent", labels=["channel"]
        )
        failed = GaugeMetricFamily(
            "vic_messages_failed", "Messages given up on, still held", labels=["channel"]
        )
        for channel in CHANNELS:
            pending.add_metric([channel], found.pending.get(channel, 0))
            failed.add_metric([channel], found.failed.get(channel, 0))
        yield pending
        yield failed
        lag_s = 0.0
        if found.oldest_due_at is not None:
            lag_s = max(0.0, (now - found.oldest_due_at).total_seconds())
        yield GaugeMetricFamily(
            "vic_sender_lag_seconds", "How long the oldest due message has waited", value=lag_s
        )
        yield GaugeMetricFamily(
            "vic_terminals_seen_last_hour",
            "Terminals whose heartbeat came in the last hour",
            value=found.terminals_seen,
        )


def start_metrics_server(host: str, port: int, engine: Engine) -> Any:
    """Serve ``/metrics`` on ``host:port`` from a thread of this process: every
    worker's counters (multiprocess folder, when set) plus the database's figures."""
    from prometheus_client import CollectorRegistry, start_http_server
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        MultiProcessCollector(registry)
    else:
        from prometheus_client import REGISTRY

        registry = REGISTRY
    registry.register(DatabaseCollector(engine))
    server, _thread = start_http_server(port, addr=host, registry=registry)
    return server
