"""Benchmark 5, the central under a branch network's terminals, against
``python -m central serve --workers 2`` on PostgreSQL (its own process tree: the
load generator, one asyncio thread here, shares no GIL with it). Two questions:

(a) Capacity. 64 terminals, each on its own keep-alive connection, in a closed
    loop (the next request as soon as the last is answered): first only
    ``POST /registrations``, then only ``POST …/confirm`` of the registrations just
    made (their codes read from the central's message table, untimed). Each
    saturation throughput is given as a fraction of a bare uvicorn JSON endpoint
    (``bench.bare_server``, same worker count) driven the same way, measured
    before and after in the same run. No target: it says how much room there is.
(b) Latency at a realistic load. The same 64 terminals in an open loop: each
    starts a client every ``PACE_S`` on average (exponential gaps, random phase,
    whatever the answers take): register, read the SMS code from the dev mailbox,
    type it (``CODE_ENTRY_S``), confirm. Target: p99 < 150 ms for register and for
    confirm. Then the same at ``LIGHT_PACE_S``, nearer a real branch (figures only).

Confirm creates the account; its temporary password is hashed (argon2id at
OWASP's cost, 19 MiB, t=2, p=1; its CPU: docs/performance.md §8) by the central's sender
just before the email carrying it goes, not in the request. Those emails have a
hard ceiling of about (cores / CPU per hash), computed here from a measured hash,
and the confirm run's backlog of them is waited for (and its rate reported)
before (b), so (b) starts on an idle central. Also reported: CPU per request of
the central's process tree, and (with py-spy in the venv) where its Python time goes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from bench.common import (
    BENCH_CENTRAL_ENV,
    PYTHON,
    Outcome,
    bench_email,
    bench_phone,
    central_process,
    enroll_terminals,
    free_port,
    median,
    percentile,
    postgres_schema,
    profiled,
    served,
    summarize_profile,
    tree_cpu_seconds,
)

TERMINALS = 64
WORKERS = 2  # uvicorn worker processes, central and bare endpoint alike
P99_TARGET_MS = 150.0
# (b): a client per terminal every PACE_S on average. A real clerk takes a minute
# or more per client, so this is several times a busy branch network's load.
PACE_S = 10.0
# the same at one client per terminal every LIGHT_PACE_S: closer to a real branch
LIGHT_PACE_S = 30.0
CODE_ENTRY_S = 2.0  # from reading the SMS code to sending it
LATENCY_DURATION_FULL_S = 60.0
LATENCY_DURATION_QUICK_S = 4.0
CAPACITY_DURATION_FULL_S = 15.0
CAPACITY_DURATION_QUICK_S = 2.0
BARE_DURATION_FULL_S = 8.0
BARE_DURATION_QUICK_S = 1.0
WARMUP_FULL_S = 3.0
WARMUP_QUICK_S = 0.5
REQUEST_TIMEOUT_S = 30.0
# after the register run, its SMS are delivered (dev backend) before confirms are timed
SENDER_DRAIN_TIMEOUT_S = 120.0
EMAIL_DRAIN_TIMEOUT_S = 600.0  # a confirm run's emails, each hashed as it goes
SENDER_POLL_S = 0.5
# an idle keep-alive connection is reopened after this: uvicorn closes it after 5 s
KEEPALIVE_REUSE_S = 4.0
ARGON2_RUNS = 5
PHONES_PER_TERMINAL = 10_000  # phone numbers are terminal * this + sequence
SERIES_CAPACITY = 9
SERIES_LATENCY = 7
SERIES_LATENCY_LIGHT = 6
CODE_RE = re.compile(rb"\b(\d{6})\b")
CODE_TEXT_RE = re.compile(r"\b(\d{6})\b")
LOAD_SEED = 5
FAILED_STATUS = 599  # recorded for a request that got no answer (timeout, reset)

_ = BENCH_CENTRAL_ENV  # the central runs with the caps lifted (see bench.common)


class HttpConnection:
    """A minimal HTTP/1.1 keep-alive client: the load generator must cost little."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._used_at = 0.0

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if time.monotonic() - self._used_at > KEEPALIVE_REUSE_S:
            await self.close()  # the server may be closing it: do not race its timeout
        self._used_at = time.monotonic()
        if self._reader is None or self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        return self._reader, self._writer

    async def request(
        self, method: str, path: str, headers: dict[str, str], body: bytes = b""
    ) -> tuple[int, bytes]:
        reader, writer = await self._open()
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if method == "POST":
            lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        length = 0
        close = False
        for line in header_lines:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and "close" in value.lower():
                close = True
        payload = await reader.readexactly(length) if length else b""
        self._used_at = time.monotonic()
        if close:
            await self.close()
        return status, payload

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


@dataclass
class Samples:
    """Latencies (ms) of the requests counted (started inside the window, each
    waited for to its end), per kind; refusals (non-2xx) by kind and status."""

    latencies_ms: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    window_s: float = 0.0
    note: str = ""
    answered: int = 0  # every request answered, counted or not (for CPU per request)

    def add(self, kind: str, ms: float, status: int) -> None:
        self.latencies_ms.setdefault(kind, []).append(ms)
        if status >= 300:
            key = f"{kind} HTTP {status}"
            self.errors[key] = self.errors.get(key, 0) + 1

    @property
    def all_ms(self) -> list[float]:
        return [ms for values in self.latencies_ms.values() for ms in values]

    @property
    def rate(self) -> float:
        return len(self.all_ms) / self.window_s if self.window_s else 0.0


class Window:
    """Times requests and counts those started in [start_at, end_at) (an open
    loop: every arrival of the window, however long it takes) or, ``by_end``,
    those finished in it (a closed loop's throughput: slow answers would
    otherwise push the next requests out of a short window)."""

    def __init__(
        self, samples: Samples, start_at: float, end_at: float, by_end: bool = False
    ) -> None:
        self.samples, self.start_at, self.end_at = samples, start_at, end_at
        self.by_end = by_end

    def open(self) -> bool:
        return time.monotonic() < self.end_at

    async def timed(
        self,
        conn: HttpConnection,
        kind: str,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes = b"",
    ) -> tuple[int, bytes]:
        t0 = time.monotonic()
        try:
            status, payload = await asyncio.wait_for(
                conn.request(method, path, headers, body), REQUEST_TIMEOUT_S
            )
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            await conn.close()
            status, payload = FAILED_STATUS, b""  # no answer: counted as a refusal
        t1 = time.monotonic()
        self.samples.answered += 1
        if self.start_at <= (t1 if self.by_end else t0) < self.end_at:
            self.samples.add(kind, (t1 - t0) * 1000, status)
        return status, payload


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept-Language": "ru"}


def _idem() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def _registration_doc(seq: int, series: int) -> tuple[str, bytes]:
    phone = bench_phone(seq, series)
    doc = {"email": bench_email(seq, series), "phone": phone, "consent": True}
    return phone, json.dumps(doc).encode()


def _field(body: bytes, name: str) -> str | None:
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    value = doc.get(name) if isinstance(doc, dict) else None
    return value if isinstance(value, str) else None


# a closed-loop step: (terminal index, its connection, the window) -> go on?
Step = Callable[[int, HttpConnection, Window], Awaitable[bool]]


async def _closed_loop(
    port: int, count: int, warmup_s: float, duration_s: float, step: Step
) -> Samples:
    samples = Samples(window_s=duration_s)
    now = time.monotonic()
    window = Window(samples, now + warmup_s, now + warmup_s + duration_s, by_end=True)

    async def one(index: int) -> None:
        conn = HttpConnection("127.0.0.1", port)
        try:
            while window.open() and await step(index, conn, window):
                pass
        finally:
            await conn.close()

    await asyncio.gather(*(one(i) for i in range(count)))
    return samples


def closed_loop(port: int, count: int, warmup_s: float, duration_s: float, step: Step) -> Samples:
    return asyncio.run(_closed_loop(port, count, warmup_s, duration_s, step))


def _bare(duration_s: float, warmup_s: float, workers: int = 1) -> Samples:
    """The bare endpoint under 64 closed-loop connections posting a registration's body."""
    port = free_port()
    argv = [PYTHON, "-m", "bench.bare_server", "--port", str(port), "--workers", str(workers)]
    _, body = _registration_doc(0, SERIES_CAPACITY)

    async def step(_index: int, conn: HttpConnection, window: Window) -> bool:
        await window.timed(conn, "post", "POST", "/api/v1/registrations", _idem(), body)
        return True

    with served(argv, f"http://127.0.0.1:{port}"):
        return closed_loop(port, TERMINALS, warmup_s, duration_s, step)


@dataclass
class Pending:
    """Registrations made in the capacity run, per terminal: (id, phone)."""

    by_terminal: list[list[tuple[str, str]]]
    codes: dict[str, str] = field(default_factory=dict)  # phone -> code


def _register_capacity(
    port: int, tokens: Sequence[str], pending: Pending, warmup_s: float, duration_s: float
) -> Samples:
    made = [0] * len(tokens)

    async def step(index: int, conn: HttpConnection, window: Window) -> bool:
        phone, body = _registration_doc(index * PHONES_PER_TERMINAL + made[index], SERIES_CAPACITY)
        made[index] += 1
        headers = _auth(tokens[index]) | _idem()
        status, payload = await window.timed(
            conn, "register", "POST", "/api/v1/registrations", headers, body
        )
        found = _field(payload, "id")
        if status == 201 and found:
            pending.by_terminal[index].append((found, phone))
        return True

    return closed_loop(port, len(tokens), warmup_s, duration_s, step)


def _codes_sent(database_url: str) -> dict[str, str]:
    """phone -> the last registration code the central queued for it (the dev
    backend keeps message text), read from its database: untimed set-up."""
    from sqlalchemy import select

    from central.core.db import make_engine
    from central.models import Message

    engine = make_engine(database_url)
    codes: dict[str, str] = {}
    try:
        with engine.connect() as conn:
            query = select(Message.to, Message.body).where(Message.kind == "registration_code")
            for to, body in conn.execute(query.order_by(Message.created_at)):
                found = CODE_TEXT_RE.findall(body or "")
                if found:
                    codes[to] = found[-1]
    finally:
        engine.dispose()
    return codes


def _confirm_capacity(
    port: int, tokens: Sequence[str], pending: Pending, warmup_s: float, duration_s: float
) -> Samples:
    queues = [list(reversed(items)) for items in pending.by_terminal]
    ran_out = [0]

    async def step(index: int, conn: HttpConnection, window: Window) -> bool:
        if not queues[index]:
            ran_out[0] += 1
            return False
        registration_id, phone = queues[index].pop()
        body = json.dumps({"code": pending.codes.get(phone, "000000")}).encode()
        await window.timed(
            conn,
            "confirm",
            "POST",
            f"/api/v1/registrations/{registration_id}/confirm",
            _auth(tokens[index]) | _idem(),
            body,
        )
        return True

    samples = closed_loop(port, len(tokens), warmup_s, duration_s, step)
    if ran_out[0]:
        samples.note = f"{ran_out[0]} terminals ran out of registrations to confirm"
    return samples


async def _open_loop(
    port: int, tokens: Sequence[str], warmup_s: float, duration_s: float, pace_s: float, series: int
) -> Samples:
    samples = Samples(window_s=duration_s)
    rng = random.Random(LOAD_SEED)
    begin = time.monotonic()
    window = Window(samples, begin + warmup_s, begin + warmup_s + duration_s)
    idle: list[list[HttpConnection]] = [[] for _ in tokens]
    opened: list[HttpConnection] = []

    async def client(index: int, seq: int, at: float) -> None:
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        conn = idle[index].pop() if idle[index] else HttpConnection("127.0.0.1", port)
        if conn not in opened:
            opened.append(conn)
        phone, body = _registration_doc(index * PHONES_PER_TERMINAL + seq, series)
        auth = _auth(tokens[index])
        _, payload = await window.timed(
            conn, "register", "POST", "/api/v1/registrations", auth | _idem(), body
        )
        registration_id = _field(payload, "id") or "00000000-0000-0000-0000-000000000000"
        _, mail = await window.timed(conn, "mailbox", "GET", f"/dev/messages?to={quote(phone)}", {})
        found = CODE_RE.findall(mail)
        idle[index].append(conn)
        await asyncio.sleep(CODE_ENTRY_S)
        conn = idle[index].pop() if idle[index] else HttpConnection("127.0.0.1", port)
        if conn not in opened:
            opened.append(conn)
        code = found[-1].decode() if found else "000000"
        await window.timed(
            conn,
            "confirm",
            "POST",
            f"/api/v1/registrations/{registration_id}/confirm",
            auth | _idem(),
            json.dumps({"code": code}).encode(),
        )
        idle[index].append(conn)

    tasks = []
    for index in range(len(tokens)):
        at, seq = begin + rng.uniform(0, pace_s), 0
        while at < window.end_at:  # arrivals do not wait for answers (open loop)
            tasks.append(asyncio.create_task(client(index, seq, at)))
            at += rng.expovariate(1 / pace_s)
            seq += 1
    try:
        await asyncio.gather(*tasks)
    finally:
        for conn in opened:
            await conn.close()
    return samples


def open_loop(
    port: int,
    tokens: Sequence[str],
    warmup_s: float,
    duration_s: float,
    pace_s: float = PACE_S,
    series: int = SERIES_LATENCY,
) -> Samples:
    return asyncio.run(_open_loop(port, tokens, warmup_s, duration_s, pace_s, series))


def _messages_delivered(database_url: str, timeout_s: float = SENDER_DRAIN_TIMEOUT_S) -> float:
    """Waits (bounded) until the central has no pending message; the seconds waited."""
    from sqlalchemy import func, select

    from central.core.db import make_engine
    from central.models import Message

    engine = make_engine(database_url)
    started = time.monotonic()
    try:
        query = select(func.count()).select_from(Message).where(Message.status == "pending")
        while time.monotonic() - started < timeout_s:
            with engine.connect() as conn:
                if not conn.execute(query).scalar():
                    break
            time.sleep(SENDER_POLL_S)
    finally:
        engine.dispose()
    return time.monotonic() - started


def _pending_messages(database_url: str) -> int:
    from sqlalchemy import func, select

    from central.core.db import make_engine
    from central.models import Message

    engine = make_engine(database_url)
    try:
        query = select(func.count()).select_from(Message).where(Message.status == "pending")
        with engine.connect() as conn:
            return int(conn.execute(query).scalar() or 0)
    finally:
        engine.dispose()


def _describe(out: Outcome, label: str, samples: Samples) -> None:
    for kind, values in samples.latencies_ms.items():
        out.figure(
            f"{label}: {kind}",
            f"{len(values) / samples.window_s:.1f}/s, p50 {percentile(values, 0.5):.1f} ms, "
            f"p99 {percentile(values, 0.99):.1f} ms ({len(values)} in {samples.window_s:g} s)",
        )
    if samples.errors:
        out.figure(f"{label}: refusals", ", ".join(f"{k}: {v}" for k, v in samples.errors.items()))
    if samples.note:
        out.figure(f"{label}: note", samples.note)


@dataclass
class Phase:
    samples: Samples
    cpu_s: float
    wall_s: float

    def cpu_ms_per_request(self) -> float:
        """The phase's CPU over every request it answered (warm-up and tail too)."""
        n = self.samples.answered
        return 1000 * self.cpu_s / n if n else float("nan")


def _measured(pid: int, run: Callable[[], Samples]) -> Phase:
    cpu0, wall0 = tree_cpu_seconds(pid), time.monotonic()
    samples = run()
    return Phase(samples, tree_cpu_seconds(pid) - cpu0, time.monotonic() - wall0)


def argon2_cost() -> tuple[float, float]:
    """(wall ms, CPU ms of all threads) of one ``hash_password``, medians."""
    from central.core.security import hash_password

    walls, cpus = [], []
    for _ in range(ARGON2_RUNS):
        t0, c0 = time.perf_counter(), time.process_time()
        hash_password("Bench-Temp-1")
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return median(walls), median(cpus)


def run(quick: bool = False) -> Outcome:
    out = Outcome("central")
    capacity_s = CAPACITY_DURATION_QUICK_S if quick else CAPACITY_DURATION_FULL_S
    latency_s = LATENCY_DURATION_QUICK_S if quick else LATENCY_DURATION_FULL_S
    bare_s = BARE_DURATION_QUICK_S if quick else BARE_DURATION_FULL_S
    warmup_s = WARMUP_QUICK_S if quick else WARMUP_FULL_S
    cores = len(os.sched_getaffinity(0))
    out.figure("terminals; uvicorn workers; usable cores", f"{TERMINALS}; {WORKERS}; {cores}")

    bare_before = _bare(bare_s, warmup_s, WORKERS)
    with tempfile.TemporaryDirectory(prefix="bench-central-") as folder:
        profiles = {kind: Path(folder) / f"{kind}.txt" for kind in ("register", "confirm")}
        with postgres_schema() as url, central_process(url, WORKERS) as (central_url, proc):
            tokens = enroll_terminals(url, central_url, TERMINALS)
            port = int(central_url.rsplit(":", 1)[1])
            pending = Pending([[] for _ in tokens])
            with profiled(proc.pid, profiles["register"]):
                reg = _measured(
                    proc.pid,
                    lambda: _register_capacity(port, tokens, pending, warmup_s, capacity_s),
                )
            pending.codes = _codes_sent(url)
            drained_s = _messages_delivered(url)
            with profiled(proc.pid, profiles["confirm"]):
                conf = _measured(
                    proc.pid, lambda: _confirm_capacity(port, tokens, pending, warmup_s, capacity_s)
                )
            # the confirms' emails: each is hashed (argon2) by the sender as it goes
            emails = _pending_messages(url)
            emails_s = _messages_delivered(url, EMAIL_DRAIN_TIMEOUT_S)
            lat = _measured(proc.pid, lambda: open_loop(port, tokens, warmup_s, latency_s))
            light = _measured(
                proc.pid,
                lambda: open_loop(
                    port, tokens, warmup_s, latency_s, LIGHT_PACE_S, SERIES_LATENCY_LIGHT
                ),
            )
        summaries = {kind: summarize_profile(path) for kind, path in profiles.items()}
    bare_after = _bare(bare_s, warmup_s, WORKERS)
    bare_rate = (bare_before.rate + bare_after.rate) / 2
    argon2_wall_ms, argon2_cpu_ms = argon2_cost()

    out.figure(
        "(a) bare endpoint, closed loop",
        f"{bare_rate:.0f}/s (before {bare_before.rate:.0f}/s, after {bare_after.rate:.0f}/s), "
        f"p50 {percentile(bare_before.all_ms + bare_after.all_ms, 0.5):.1f} ms",
    )
    out.figure(
        "(a) register run's SMS delivered before confirms",
        f"in {drained_s:.1f} s (the sender's backlog; limit {SENDER_DRAIN_TIMEOUT_S:g} s)",
    )
    for label, phase in (("register", reg), ("confirm", conf)):
        _describe(out, f"(a) {label}, closed loop", phase.samples)
        out.figure(
            f"(a) {label} / bare endpoint throughput",
            f"{phase.samples.rate:.1f}/s / {bare_rate:.0f}/s = "
            f"{phase.samples.rate / bare_rate if bare_rate else 0:.4f}x",
        )
        out.figure(
            f"(a) {label}: central CPU per request",
            f"{phase.cpu_ms_per_request():.1f} ms ({phase.cpu_s:.1f} s CPU in "
            f"{phase.wall_s:.1f} s = {phase.cpu_s / phase.wall_s:.2f} cores)",
        )
        for line in summaries[label]:
            out.figure(f"(a) {label} profile", line)
    ceiling = cores * 1000 / argon2_cpu_ms
    out.figure(
        "argon2id hash_password (19 MiB, t=2, p=1)",
        f"{argon2_wall_ms:.0f} ms wall, {argon2_cpu_ms:.0f} ms CPU (median of {ARGON2_RUNS})",
    )
    out.figure(
        "(a) confirm run's emails, hashed by the sender as they go",
        f"{emails} pending after the run, all delivered {emails_s:.1f} s later = "
        f"{emails / emails_s if emails_s else 0:.1f}/s (limit {EMAIL_DRAIN_TIMEOUT_S:g} s)",
    )
    out.figure(
        "ceiling of such emails from argon2 alone",
        f"{cores} cores / {argon2_cpu_ms:.0f} ms CPU = {ceiling:.1f} emails/s "
        f"(confirm requests answered: {conf.samples.rate:.1f}/s)",
    )
    for pace_s, phase in ((PACE_S, lat), (LIGHT_PACE_S, light)):
        label = f"(b) one client per {pace_s:g} s per terminal"
        out.figure(
            f"{label}: offered",
            f"{TERMINALS / pace_s:.1f} clients/s ({TERMINALS} terminals, open loop)",
        )
        _describe(out, label, phase.samples)
        out.figure(
            f"{label}: central CPU",
            f"{phase.cpu_s:.1f} s in {phase.wall_s:.1f} s = {phase.cpu_s / phase.wall_s:.2f} cores",
        )
    for kind in ("register", "confirm"):
        values = lat.samples.latencies_ms.get(kind, [])
        p99 = percentile(values, 0.99)
        out.check(
            f"{kind} p99, 64 terminals at one client per {PACE_S:g} s each",
            f"< {P99_TARGET_MS:g} ms",
            f"{p99:.0f} ms",
            p99 < P99_TARGET_MS,
        )
    refusals = sum(sum(p.samples.errors.values()) for p in (reg, conf, lat, light))
    out.check(
        "central answered every request (capacity and realistic load)",
        "no refusal",
        f"{refusals} refusals",
        refusals == 0,
    )
    return out
