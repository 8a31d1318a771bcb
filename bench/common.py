"""What every benchmark shares: figures and verdicts, percentiles, a PostgreSQL
schema of its own, a central served by ``python -m central serve`` in a process
of its own, and terminals enrolled through the real route.

Machines here are shared and noisy: a speed is only ever reported as a ratio
against a baseline measured in the same run, or as a median of several runs.
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# a shared machine under load (a load average of 15 on 2 cores) takes a central
# over a minute to start and its /healthz seconds to answer
SERVER_START_TIMEOUT_S = 180.0
HEALTH_REQUEST_TIMEOUT_S = 10.0
SERVER_STOP_TIMEOUT_S = 15.0
HEALTH_POLL_S = 0.1
# A benchmark drives thousands of registrations from one terminal and one IP in
# minutes: the hourly caps of production (600/terminal, 1200/IP) would turn the
# run into a rate-limit test. Phones are all different, so the per-phone cap stays.
# The log-in benchmark logs in to each account many times a minute: its cap too.
# Delivery is dev, chosen explicitly (live is the default and needs a relay).
UNCAPPED_PER_HOUR = 10_000_000
BENCH_CENTRAL_ENV = {
    "VIC_CENTRAL_DELIVERY_BACKEND": "dev",
    "VIC_CENTRAL_REGISTRATIONS_PER_TERMINAL_PER_HOUR": str(UNCAPPED_PER_HOUR),
    "VIC_CENTRAL_REGISTRATIONS_PER_IP_PER_HOUR": str(UNCAPPED_PER_HOUR),
    "VIC_CENTRAL_LOGINS_PER_LOGIN_PER_HOUR": str(UNCAPPED_PER_HOUR),
}


@dataclass
class Check:
    """One target: what was measured against what was wanted."""

    name: str
    target: str
    measured: str
    passed: bool

    @property
    def verdict(self) -> str:
        return "PASS" if self.passed else "MISS"


@dataclass
class Outcome:
    """A benchmark's figures (printed as they come) and its checks."""

    name: str
    checks: list[Check] = field(default_factory=list)

    def figure(self, label: str, value: str) -> None:
        print(f"  {label:<48} {value}", flush=True)

    def check(self, name: str, target: str, measured: str, passed: bool) -> Check:
        found = Check(name, target, measured, passed)
        self.checks.append(found)
        print(f"  [{found.verdict}] {name}: {measured} (target {target})", flush=True)
        return found


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation; values need not be sorted."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), {cpu}; "
        f"Python {platform.python_version()}; load average {load}; "
        f"{datetime.now(UTC).isoformat(timespec='seconds')}"
    )


def postgres_base_url() -> str:
    return os.environ.get("VIC_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A database URL whose search_path is a fresh schema, dropped afterwards."""
    base = postgres_base_url()
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@contextlib.contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="bench-central-") as folder:
        yield f"sqlite:///{Path(folder) / 'central.db'}"


@contextlib.contextmanager
def database(kind: str) -> Iterator[str]:
    """``kind`` is ``sqlite`` or ``postgres``."""
    manager = sqlite_database() if kind == "sqlite" else postgres_schema()
    with manager as url:
        yield url


def free_port() -> int:
    from central.server import free_port as pick

    return pick()


def wait_until_healthy(url: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode} before answering")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{url}/healthz", timeout=HEALTH_REQUEST_TIMEOUT_S).status_code == 200:
                return
        time.sleep(HEALTH_POLL_S)
    raise RuntimeError(f"no answer from {url}/healthz within {SERVER_START_TIMEOUT_S:.0f} s")


@contextlib.contextmanager
def served(
    argv: Sequence[str], url: str, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A server process (its output to a temporary log), stopped afterwards."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            try:
                wait_until_healthy(url, proc)
            except RuntimeError:
                log.seek(0)
                sys.stderr.write(log.read().decode(errors="replace")[-4000:])
                raise
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(SERVER_STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def central_process(
    database_url: str, workers: int = 1
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``python -m central serve [--workers N]`` on a free loopback port, as an
    operator runs it."""
    from central.cli import load_settings, migrated_engine

    migrated_engine(load_settings(database_url)).dispose()  # migrate before timing anything
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [PYTHON, "-m", "central", "serve", "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--db", database_url] + (["--workers", str(workers)] if workers != 1 else [])
    with served(argv, url, BENCH_CENTRAL_ENV) as proc:
        yield url, proc


def enroll_terminals(database_url: str, central_url: str, count: int) -> list[str]:
    """``count`` terminals created as the operator CLI does, enrolled over HTTP
    through the real route; returns their tokens."""
    from central.core.db import make_engine, make_session_factory, transaction
    from central.models import utcnow
    from central.repositories import terminals as terminal_repo
    from kiosk.client import CentralClient

    engine = make_engine(database_url)
    codes: list[str] = []
    try:
        with transaction(make_session_factory(engine)) as db:
            for n in range(count):
                _, code = terminal_repo.create(
                    db, name=f"bench-{n}", branch="Almaty", now=utcnow(), ttl_s=3600
                )
                codes.append(code)
    finally:
        engine.dispose()
    client = CentralClient(central_url)
    try:
        return [client.enroll(code, f"bench-{n}").token for n, code in enumerate(codes)]
    finally:
        client.close()


def registrations_at_central(database_url: str) -> tuple[int, int]:
    """(registrations, distinct phones) as the central's database holds them."""
    from central.core.db import make_engine
    from central.models import Registration

    engine = make_engine(database_url)
    try:
        with Session(engine) as db:
            total = db.scalar(select(func.count()).select_from(Registration)) or 0
            distinct = db.scalar(select(func.count(func.distinct(Registration.phone)))) or 0
    finally:
        engine.dispose()
    return int(total), int(distinct)


def bench_phone(n: int, series: int = 0) -> str:
    """A distinct valid Kazakh mobile number (E.164) per ``n`` (< 10**6)."""
    return f"+7701{series % 10}{n:06d}"


def bench_email(n: int, series: int = 0) -> str:
    return f"bench{series}.{n}@example.kz"


PROFILE_RATE_HZ = 200
PROFILE_STOP_TIMEOUT_S = 30.0
PROFILE_ATTACH_S = 2.0
# where time goes, by the library a sample is in (first match from the leaf up)
PROFILE_BUCKETS = (
    ("argon2 (password hashing)", ("argon2",)),
    ("logging (access log)", ("/logging/", "uvicorn/logging", "httptools_impl", "access")),
    ("psycopg (PostgreSQL driver)", ("psycopg",)),
    ("sqlite3 driver", ("sqlite3",)),
    ("SQLAlchemy", ("sqlalchemy",)),
    ("pydantic", ("pydantic",)),
    ("h11 / uvicorn HTTP", ("h11", "uvicorn")),
    ("FastAPI / Starlette", ("fastapi", "starlette")),
    ("anyio / threadpool", ("anyio", "concurrent/futures", "threading.py")),
    ("asyncio event loop", ("asyncio",)),
    ("central (own code)", ("central/",)),
    ("json", ("json/",)),
)


def profile_tool() -> Path | None:
    found = Path(PYTHON).with_name("py-spy")
    return found if found.exists() else None


@contextlib.contextmanager
def profiled(pid: int, out: Path) -> Iterator[None]:
    """py-spy samples ``pid`` and its child processes while the block runs, into
    ``out`` (collapsed stacks): only the thread holding the GIL, i.e. where the
    Python time of a GIL-bound server goes (native work that releases the GIL, such as argon2,
    does not show: account for it by CPU time). Without py-spy it only says so."""
    tool = profile_tool()
    if tool is None:
        print("  (py-spy is not installed in the venv: no profile)", flush=True)
        yield
        return
    argv = [str(tool), "record", "--pid", str(pid), "--format", "raw", "--nonblocking", "--gil"]
    argv += ["--subprocesses"]  # uvicorn's worker processes, when there are some
    argv += ["--rate", str(PROFILE_RATE_HZ), "--output", str(out)]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(PROFILE_ATTACH_S)  # attached (to the workers too) before the load starts
    try:
        yield
    finally:
        proc.send_signal(2)  # SIGINT: py-spy writes what it sampled and exits
        try:
            proc.wait(PROFILE_STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def summarize_profile(path: Path, top: int = 12) -> list[str]:
    """Lines saying where the samples went: per library, then the project's own
    functions by inclusive share."""
    if not path.exists():
        return ["(no profile written)"]
    stacks: list[tuple[list[str], int]] = []
    for line in path.read_text(errors="replace").splitlines():
        joined, _, number = line.rpartition(" ")
        if joined and number.isdigit():
            stacks.append((joined.split(";"), int(number)))
    total = sum(c for _, c in stacks) or 1
    buckets: dict[str, int] = {}
    own: dict[str, int] = {}
    for frames, count in stacks:
        bucket = "other"
        for frame in reversed(frames):
            hit = next(
                (name for name, keys in PROFILE_BUCKETS if any(k in frame for k in keys)), None
            )
            if hit:
                bucket = hit
                break
        buckets[bucket] = buckets.get(bucket, 0) + count
        for frame in set(frames):
            if "central/" in frame or "kiosk/" in frame:
                own[frame] = own.get(frame, 0) + count
    lines = [f"{total} samples at {PROFILE_RATE_HZ} Hz (of the thread holding the GIL)"]
    lines += [
        f"{100 * n / total:5.1f}%  {name}"
        for name, n in sorted(buckets.items(), key=lambda kv: -kv[1])
    ]
    lines.append("project functions, inclusive:")
    for frame, n in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"{100 * n / total:5.1f}%  {frame}")
    return lines


def _ppid_and_cpu(stat: str) -> tuple[int, float]:
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` and its live descendants (uvicorn
    workers), all threads (native threads such as argon2's included)."""
    table: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                table[int(entry.name)] = _ppid_and_cpu((entry / "stat").read_text())
    wanted, total, frontier = {pid}, 0.0, [pid]
    while frontier:
        parent = frontier.pop()
        total += table.get(parent, (0, 0.0))[1]
        for child, (ppid, _) in table.items():
            if ppid == parent and child not in wanted:
                wanted.add(child)
                frontier.append(child)
    return total
